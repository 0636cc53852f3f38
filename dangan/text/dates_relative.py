"""Relative Chinese date expressions and the calendar arithmetic behind them.

`dates.py` compiles these patterns into its single scanner; this module holds
the patterns for expressions that only mean something against a reference
date (本周五, 月底前, 一个月内, 上半年, 通过一个月的努力 …) and the helpers that
turn a match into a date. Patterns see text already normalised by
`dates.normalise_for_dates` (Traditional 週/個/內 → 周/个/内, full-width
digits → ASCII), so only Simplified forms appear here.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
            "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_QTY = r"(?:\d{1,3}|[一二两三四五六七八九十百半]{1,4})"
_UNIT = r"(?:个工作日|工作日|个?自然日|个半月|个月|个?星期|个?礼拜|周|天|日|年)"
_DIGITISH = r"(?<![\d〇零一二两三四五六七八九十百个])"

# (group name, pattern) in the order they are tried at one position.
PATTERNS: tuple[tuple[str, str], ...] = (
    # 通过一个月的努力 / 用两周时间: a period counted from the reference date.
    ("r_effort", rf"(?:通过|经过|再用|利用|用|力争)(?:近|约)?(?P<r_effort_q>{_QTY})"
                 rf"(?P<r_effort_u>{_UNIT})(?:左右)?的?(?:努力|时间|奋战|攻坚)"),
    # 一个月内 / 两周内 / 三天内 / 10个工作日内 / 六十日内
    ("r_within", rf"{_DIGITISH}(?P<r_within_q>{_QTY})(?P<r_within_u>{_UNIT})(?:之|以)?内"),
    ("r_this_month", r"(?:本|当|这个|这)月(?:底|末|内)"),
    ("r_next_month", r"(?:下个?|次)月(?P<r_next_month_s>底|末|内|初)"),
    ("r_month_end", r"(?<![\d〇零一二三四五六七八九十个本当这下次])月(?:底|末)"),
    ("r_this_year", r"(?:今|本|当)年(?:年?底|年?末|内|度内)"),
    ("r_year_end", rf"{_DIGITISH}年(?:底|末|内)"),
    ("r_half", r"(?P<r_half_w>上|下)半年"),
    ("r_quarter", r"第?(?P<r_quarter_n>[一二三四1-4])季度"),
    ("r_year_word", r"(?P<r_year_word_w>今年|明年|去年|本年度)"),
    ("r_week_day", r"(?P<r_week_day_p>本|这|下下|下|上)个?(?:周|星期|礼拜)(?P<r_week_day_d>[一二三四五六日天1-7])"),
    ("r_week_end", r"(?P<r_week_end_p>本|这|下)个?(?:周|星期)(?:内|末)"),
    ("r_bare_weekday", r"(?<![每本这下上个至到])(?:周|星期|礼拜)(?P<r_bare_weekday_d>[一二三四五六日天])"),
    ("r_day_word", r"(?P<r_day_word_w>今天|今日|明天|明日|后天)"),
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A matched expression turned into a date."""

    date: date
    precision: str        # "day" | "month" | "year"
    relative: bool
    yearless: bool = False  # a month/day whose year was taken from the reference


def cn_int(token: str) -> int | None:
    """An integer from ASCII digits or a Chinese numeral (二十六, 二〇二二, 两, 廿六)."""
    if token.isdigit():
        return int(token)
    # cn2an knows 〇 but not the circle ○ that typesetters use, nor 卅 (thirty).
    token = token.replace("○", "〇").replace("卅", "三十")
    import cn2an  # here, not at the top: its import costs every CLI command ~0.15 s

    try:
        value = cn2an.cn2an(token, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if value == int(value) else None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_business_days(day: date, count: int) -> date:
    """Count Monday–Friday only; public holidays are not known here."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def add_period(ref: date, qty_text: str, unit: str) -> date | None:
    """ref + a period such as (一, 个月), (两, 周), (10, 个工作日)."""
    half = qty_text == "半"
    qty = 0 if half else cn_int(qty_text)
    if qty is None:
        return None
    if unit.endswith("工作日"):
        return None if half else add_business_days(ref, qty)
    if unit.endswith(("天", "日")):
        return ref + timedelta(days=qty)
    if unit.endswith(("周", "星期", "礼拜")):
        return ref + timedelta(days=3 if half else 7 * qty)
    if unit == "个半月":
        return add_months(ref, qty) + timedelta(days=15)
    if unit.endswith("月"):
        return ref + timedelta(days=15) if half else add_months(ref, qty)
    if unit == "年":
        return add_months(ref, 6 if half else 12 * qty)
    return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def resolve(kind: str, m: re.Match[str], ref: date) -> Resolved | None:
    """Turn a match of one of PATTERNS into a date, counted from `ref`."""
    g = m.group
    if kind in ("r_effort", "r_within"):
        end = add_period(ref, g(kind + "_q"), g(kind + "_u"))
        return Resolved(end, "day", True) if end else None
    if kind in ("r_this_month", "r_month_end"):
        return Resolved(month_end(ref.year, ref.month), "day", True)
    if kind == "r_next_month":
        first = add_months(ref.replace(day=1), 1)
        if g("r_next_month_s") == "初":
            return Resolved(first, "day", True)
        return Resolved(month_end(first.year, first.month), "day", True)
    if kind in ("r_this_year", "r_year_end"):
        return Resolved(date(ref.year, 12, 31), "day", True)
    if kind == "r_half":
        end = date(ref.year, 6, 30) if g("r_half_w") == "上" else date(ref.year, 12, 31)
        return Resolved(end, "day", True)
    if kind == "r_quarter":
        quarter = _QUARTER[g("r_quarter_n")]
        return Resolved(month_end(ref.year, quarter * 3), "day", True)
    if kind == "r_year_word":
        shift = {"今年": 0, "本年度": 0, "明年": 1, "去年": -1}[g("r_year_word_w")]
        return Resolved(date(ref.year + shift, 1, 1), "year", True)
    if kind == "r_week_day":
        weeks = {"本": 0, "这": 0, "下": 1, "下下": 2, "上": -1}[g("r_week_day_p")]
        day = _monday(ref) + timedelta(days=7 * weeks + _WEEKDAY[g("r_week_day_d")])
        return Resolved(day, "day", True)
    if kind == "r_week_end":
        weeks = 1 if g("r_week_end_p") == "下" else 0
        return Resolved(_monday(ref) + timedelta(days=7 * weeks + 6), "day", True)
    if kind == "r_bare_weekday":
        ahead = (_WEEKDAY[g("r_bare_weekday_d")] - ref.weekday()) % 7
        return Resolved(ref + timedelta(days=ahead), "day", True)
    if kind == "r_day_word":
        shift = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2}[g("r_day_word_w")]
        return Resolved(ref + timedelta(days=shift), "day", True)
    return None
