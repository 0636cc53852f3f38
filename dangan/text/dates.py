"""Read Chinese dates in official documents and speeches.

Absolute forms: 2022年3月26日, 2022.3.26, 2022-03-26, 2022/3/26, 二〇二二年三月
二十六日 (also 二○, 二零, Traditional 貳/廿, full-width digits), 2022年3月,
2022年. Against a reference date (the meeting date): 3月26日, 九月份, 十月底,
月底前, 年底前, 上半年, 本周五, 下周一, 一个月内, 两周内, 10个工作日内,
通过一个月的努力 … (see `dates_relative`).

One compiled alternation scans the text left to right, so a 30k-character
report is read in a few milliseconds. Every pattern is a bounded sequence of
character classes: no nested quantifiers, no catastrophic backtracking.

Numerals go through cn2an. The regexes themselves are hand-written: the
library that knows these phrasings (jionlp) drags in heavy dependencies, and
cn2an only converts numbers, it does not find dates in running text.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from dangan.errors import InvalidDate
from dangan.text import dates_relative as rel
from dangan.text.dates_relative import Resolved, cn_int, month_end

__all__ = ["DateMention", "find_dates", "normalise_for_dates", "parse_date", "resolve_deadline"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text.

    `date` is the day the expression points at: the named day; for a month or
    a year the first day (precision "month"/"year"); for expressions naming an
    end (十月底, 年底前, 上半年, 一个月内) that end day, with precision "day".
    """

    text: str
    start: int
    end: int
    date: date
    precision: str   # "day" | "month" | "year"
    relative: bool   # True when resolved against a reference date


# One-to-one replacements, so offsets in the normalised text are offsets in the input.
_NORMALISE = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "○": "〇", "Ｏ": "〇", "◯": "〇", "O": "〇", "o": "〇",
    # Financial (大写) and Traditional numerals, as on receipts and old typed documents.
    "壹": "一", "貳": "二", "贰": "二", "參": "三", "叁": "三", "肆": "四", "伍": "五", "陸": "六",
    "陆": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "兩": "两", "號": "号", "週": "周",
    "個": "个", "內": "内", "後": "后", "過": "过", "這": "这", "禮": "礼", "時": "时",
    "間": "间", "當": "当", "．": ".", "－": "-", "／": "/",
})

_S = r"[ \t\u3000]{0,2}"  # PDF text spaces out "2023 年 1 月 1 日"
_Y = r"(?:1[89]|20)\d{2}"
# A year in Chinese numerals; a copy or a typist may put a Latin 0 among them (二0一七年) and a
# run-on PDF line may space its digits (二 0 一二年): the first digit is always a Chinese numeral.
_YC = r"[〇零一二三四五六七八九](?:[ \t\u3000]?[〇零一二三四五六七八九0]){3}"
_MC = r"(?:十[一二]|[一二三四五六七八九十])"
_DC = r"(?:[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
_MSUFFIX = r"(?:份|底|末|初|上旬|中旬|下旬)"
# A bare Chinese month (九月) must be followed by something that ends it, so that
# 统一月度 or 一月一次 are not read as January.
_MC_END = r"(?=份|底|末|初|上旬|中旬|下旬|前|[，,、。；;：:\s]|至|到|和|或|$)"
_NO_DIGIT_BEFORE = r"(?<![\d.\-/])"
_NO_DIGIT_BEFORE_YEAR = r"(?<![\d.])"
_NO_CN_BEFORE = r"(?<![〇零一二三四五六七八九十廿卅个])"

_ABSOLUTE: tuple[tuple[str, str], ...] = (
    ("ymd_a", rf"{_NO_DIGIT_BEFORE_YEAR}(?P<ymd_a_y>{_Y}){_S}年{_S}(?P<ymd_a_m>\d{{1,2}}){_S}月{_S}"
              rf"(?P<ymd_a_d>\d{{1,2}}){_S}[日号]"),
    ("ymd_s", rf"{_NO_DIGIT_BEFORE_YEAR}(?P<ymd_s_y>{_Y})(?P<ymd_s_sep>[-./])(?P<ymd_s_m>\d{{1,2}})(?P=ymd_s_sep)"
              rf"(?P<ymd_s_d>\d{{1,2}})(?![\d.])"),
    ("ymd_c", rf"(?P<ymd_c_y>{_YC}){_S}年{_S}(?P<ymd_c_m>{_MC}){_S}月{_S}(?P<ymd_c_d>{_DC}){_S}[日号]"),
    ("ym_a", rf"{_NO_DIGIT_BEFORE_YEAR}(?P<ym_a_y>{_Y}){_S}年{_S}(?P<ym_a_m>\d{{1,2}}){_S}月(?P<ym_a_s>{_MSUFFIX})?"),
    ("ym_c", rf"(?P<ym_c_y>{_YC}){_S}年{_S}(?P<ym_c_m>{_MC}){_S}月(?P<ym_c_s>{_MSUFFIX})?"),
    ("y_a", rf"{_NO_DIGIT_BEFORE_YEAR}(?P<y_a_y>{_Y}){_S}年(?P<y_a_s>底|末|初)?(?!\d)"),
    ("y_c", rf"(?P<y_c_y>{_YC})年(?P<y_c_s>底|末|初)?"),
    # 今年十月份 / 明年3月底: a month of a year named relative to the reference.
    ("rym", rf"(?P<rym_w>今年|明年|去年)(?P<rym_m>{_MC}|\d{{1,2}}){_S}月(?P<rym_s>{_MSUFFIX})?"),
    ("md_a", rf"{_NO_DIGIT_BEFORE}(?P<md_a_m>\d{{1,2}}){_S}月{_S}(?P<md_a_d>\d{{1,2}}){_S}[日号]"),
    ("md_c", rf"{_NO_CN_BEFORE}(?P<md_c_m>{_MC})月(?P<md_c_d>{_DC})[日号]"),
    ("m_a", rf"{_NO_DIGIT_BEFORE}(?P<m_a_m>\d{{1,2}}){_S}月(?P<m_a_s>{_MSUFFIX})?"),
    ("m_c", rf"{_NO_CN_BEFORE}(?P<m_c_m>{_MC})月(?:(?P<m_c_s>{_MSUFFIX})|{_MC_END})"),
)

# Every alternative starts with one of these characters; testing that first lets the
# scan step over ordinary text without trying two dozen alternatives at each position.
_FIRST = r"(?=[\d〇零一二两三四五六七八九十百廿卅半通经再利用力本当这下次上月今明去后年第周星礼])"


@functools.cache
def _pattern() -> re.Pattern[str]:
    """Compiled when first asked (~10 ms, the costliest import of a search): a command that reads no
    dates in running text (search, show) does not pay it."""
    return re.compile(_FIRST + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _ABSOLUTE + rel.PATTERNS) + ")")


# Words after a date that make it the deadline of a directive sentence.
_DEADLINE_AFTER = re.compile(r"[ \t]{0,2}(?:前|之前|以前|为止|内|之内|以内|底|完成|截止|到位|结束)")


# parse_date accepts "月底前", "2022年3月26日前": the date with its deadline word.
_TRAILING_WORDS = re.compile(r"(?:之前|以前|前|为止)?[。，,;；]*$")


def normalise_for_dates(text: str) -> str:
    """Full-width digits and Traditional date words → the forms the patterns use (same length)."""
    return text.translate(_NORMALISE)


def _ymd(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_suffix(year: int, month: int, suffix: str | None) -> tuple[date, str] | None:
    """A month, possibly narrowed by 底/末/初/上旬/中旬/下旬."""
    if not 1 <= month <= 12:
        return None
    if suffix in ("底", "末", "下旬"):
        return month_end(year, month), "day"
    if suffix in ("上旬", "中旬"):
        return date(year, month, 10 if suffix == "上旬" else 20), "day"
    if suffix == "初":
        return date(year, month, 1), "day"
    return date(year, month, 1), "month"


def _year_digits(token: str | None) -> str | None:
    """二 0 一二 → 二〇一二: the gaps and Latin zeros a Chinese year may carry (see `_YC`)."""
    if token is None or token.isdigit():
        return token
    return "".join(token.split()).replace("0", "〇")


def _resolve(kind: str, m: re.Match[str], ref: date | None) -> Resolved | None:
    def g(name: str) -> str:   # a group that did not take part is None, as m.group gives it
        value = m.group(name)
        return (_year_digits(value) or value) if name.endswith("_y") else value

    if kind.startswith("ymd"):
        day = _ymd(cn_int(g(kind + "_y")), cn_int(g(kind + "_m")), cn_int(g(kind + "_d")))
        return Resolved(day, "day", False) if day else None
    if kind.startswith("ym"):
        year, month = cn_int(g(kind + "_y")), cn_int(g(kind + "_m"))
        if year is None or month is None:
            return None
        got = _with_suffix(year, month, g(kind + "_s"))
        return Resolved(got[0], got[1], False) if got else None
    if kind.startswith("y_"):
        year = cn_int(g(kind + "_y"))
        if year is None or year < 1000:
            return None
        suffix = g(kind + "_s")
        if suffix in ("底", "末"):
            return Resolved(date(year, 12, 31), "day", False)
        return Resolved(date(year, 1, 1), "day" if suffix == "初" else "year", False)
    if ref is None:
        return None
    if kind == "rym":
        year = ref.year + {"今年": 0, "明年": 1, "去年": -1}[g("rym_w")]
        month = cn_int(g("rym_m"))
        got = _with_suffix(year, month, g("rym_s")) if month else None
        return Resolved(got[0], got[1], True) if got else None
    if kind.startswith("md"):
        day = _ymd(ref.year, cn_int(g(kind + "_m")), cn_int(g(kind + "_d")))
        return Resolved(day, "day", True, yearless=True) if day else None
    if kind.startswith("m_"):
        month = cn_int(g(kind + "_m"))
        got = _with_suffix(ref.year, month, g(kind + "_s")) if month else None
        return Resolved(got[0], got[1], True, yearless=True) if got else None
    return rel.resolve(kind, m, ref)


def _scan(text: str, ref: date | None) -> list[tuple[DateMention, Resolved]]:
    found: list[tuple[DateMention, Resolved]] = []
    for m in _pattern().finditer(normalise_for_dates(text)):
        kind = m.lastgroup
        if kind is None:
            continue
        got = _resolve(kind, m, ref)
        if got is None:
            continue
        mention = DateMention(text[m.start():m.end()], m.start(), m.end(), got.date, got.precision, got.relative)
        found.append((mention, got))
    return found


def find_dates(text: str, ref: date | None = None) -> list[DateMention]:
    """All date mentions in reading order; relative ones only when `ref` is given."""
    return [mention for mention, _ in _scan(text, ref)]


def parse_date(s: str, ref: date | None = None) -> date | None:
    """The date one expression names (e.g. "二〇二二年三月二十六日"); None if it is not one date."""
    stripped = _TRAILING_WORDS.sub("", s.strip())
    if not stripped:
        return None
    found = _scan(stripped, ref)
    if len(found) != 1:
        return None
    mention, _ = found[0]
    if mention.start != 0 or mention.end != len(stripped):
        return None
    return mention.date


def _deadline_of(got: Resolved, ref: date) -> date:
    if got.precision == "year":
        end = date(got.date.year, 12, 31)
    elif got.precision == "month":
        end = month_end(got.date.year, got.date.month)
    else:
        end = got.date
    if got.yearless and end < ref:
        # A deadline lies ahead: "3月底前" said in November means next March.
        try:
            end = end.replace(year=end.year + 1)
        except ValueError:  # 2月29日
            end = month_end(end.year + 1, 2)
    return end


def resolve_deadline(sentence: str, ref: date) -> date | None:
    """The deadline a directive sentence sets, counted from `ref` (the meeting date).

    A month means its last day (九月份 → 09-30), a year its 31 December. When a
    sentence names several dates, the one followed by 前/内/底/完成… wins, else
    the first one not before `ref`, else the first.
    """
    found = _scan(sentence, ref)
    if not found:
        return None
    norm = normalise_for_dates(sentence)
    marked = [f for f in found if _DEADLINE_AFTER.match(norm, f[0].end)]
    if marked:
        return _deadline_of(marked[0][1], ref)
    deadlines = [_deadline_of(got, ref) for _, got in found]
    ahead = [d for d in deadlines if d >= ref]
    return ahead[0] if ahead else deadlines[0]


# --- dates typed by a user (tag, search): exact, and an error when no such day exists ---

_TYPED = re.compile(r"(?P<y>\d{4})(?:[-./年](?P<m>\d{1,2})(?:[-./月](?P<d>\d{1,2})[日号]?|月)?)?年?")


def _typed_parts(text: str) -> tuple[int, int | None, int | None]:
    """(year, month, day) of a typed date; raises InvalidDate when it names no real day."""

    s = normalise_for_dates(unicodedata.normalize("NFKC", text)).strip()
    s = re.sub(r"\s+", "", s)
    m = _TYPED.fullmatch(s)
    if m is None:
        found = _scan(s, None)
        if len(found) == 1 and found[0][0].start == 0 and found[0][0].end == len(s):
            mention = found[0][0]
            d = mention.date
            return d.year, (d.month if mention.precision != "year" else None), (
                d.day if mention.precision == "day" else None)
        raise InvalidDate(value=text, reason="无法识别的日期写法")
    year = int(m.group("y"))
    month = int(m.group("m")) if m.group("m") else None
    day = int(m.group("d")) if m.group("d") else None
    if not 1000 <= year <= 9999:
        raise InvalidDate(value=text, reason="年份应为四位数")
    if month is not None and not 1 <= month <= 12:
        raise InvalidDate(value=text, reason="月份应在 1 到 12 之间")
    if day is not None:
        last = month_end(year, month or 1).day
        if not 1 <= day <= last:
            raise InvalidDate(value=text, reason=f"{year}年{month}月只有 {last} 天")
    return year, month, day


def parse_date_strict(text: str) -> date:
    """One full calendar day, typed any usual way (2022-03-26, 2022/3/26, 2022.3.26, 2022年3月26日,
    二〇二二年三月二十六日); raises `InvalidDate` for 2024-13-01, 2023-02-29 or a month alone."""

    try:
        year, month, day = _typed_parts(text)
    except InvalidDate as error:   # the general hint offers a year or month alone, which a day cannot be
        raise InvalidDate(value=text, reason=error.context.get("reason", ""), hint=DAY_HINT) from None
    if month is None or day is None:
        raise InvalidDate(value=text, reason="应写到日，如 2022-03-26", hint=DAY_HINT)
    return date(year, month, day)


DAY_HINT = "日期须写到日：2022-03-26、2022年3月26日 或 二〇二二年三月二十六日。"


def date_bounds(text: str) -> tuple[str, str]:
    """First and last ISO day a typed year, month or day covers: 2022 → 2022-01-01..2022-12-31,
    2022-02 → 2022-02-01..2022-02-28; raises `InvalidDate` for 2022-13 or 2022-13-45."""
    year, month, day = _typed_parts(text)
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if day is None:
        return date(year, month, 1).isoformat(), month_end(year, month).isoformat()
    return (date(year, month, day).isoformat(),) * 2


_CN_DIGITS = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    """1..31 as a date writes it: 九, 十, 十一, 二十, 二十六, 三十一."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else _CN_DIGITS[tens]) + ("十" if tens else "")
            + (_CN_DIGITS[ones] if ones or not tens else ""))


def written_forms(day: date) -> tuple[str, str]:
    """The two ways documents write a day: 2012年1月9日 and 二〇一二年一月九日."""
    year = "".join(_CN_DIGITS[int(c)] for c in f"{day.year:04d}")
    return (f"{day.year}年{day.month}月{day.day}日",
            f"{year}年{_cn_number(day.month)}月{_cn_number(day.day)}日")


# --- a date whose 年月日 a copy lost (20221227日在…, 2013417 under a 署名, { 2017 6 23) ---

_BARE = re.compile(r"(?P<y>(?:19|20)\d{2})(?:[ \t\u3000]+(?P<m>\d{1,2})[ \t\u3000]+(?P<d>\d{1,2})"
                   r"|[ \t\u3000]*(?P<md>\d{2,4}))")


def date_from_bare_digits(text: str) -> date | None:
    """The one day that digits without 年月日 can name: 2017 6 23 (spaced), 2013417 (2013-4-17: 41 is no
    month), 20221227; None when no day or more than one fits (2013111: 1-11 or 11-1)."""
    days = days_from_bare_digits(text)
    return days[0] if len(days) == 1 else None


def days_from_bare_digits(text: str) -> tuple[date, ...]:
    """Every day digits without 年月日 can name, in order: 2023117 → 2023-01-17 and 2023-11-07; () when
    the digits are no date (2023999) or not digits of a year and a day at all."""
    m = _BARE.fullmatch(normalise_for_dates(text.strip()))
    if m is None:
        return ()
    year = int(m.group("y"))
    if m.group("m"):
        day = _ymd(year, int(m.group("m")), int(m.group("d")))
        return (day,) if day else ()
    md = m.group("md")
    days = {d for k in range(1, len(md))
            if len(md[:k]) <= 2 and len(md[k:]) <= 2 and (d := _ymd(year, int(md[:k]), int(md[k:])))}
    return tuple(sorted(days))
