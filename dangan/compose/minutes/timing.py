"""When a task is due, how often it recurs, and which dates are events.

A directive's date can mean three things, and only one of them is a deadline:

- a deadline: 月底前, 通过一个月的努力, 3月31日前完成, 下周 → a date;
- a standing rule: 每月, 每周一, 一般性信息要在3天内报送, 发现问题后24小时内
  → a 频次 (frequency) kept as written, never a date;
- an event: 九月份检查组就要到来, 十月份“七城会”在我市召开 → a 时间节点
  (milestone), which is context for the meeting, not a due date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dangan.compose.minutes.task_rules import on
from dangan.text.dates import find_dates, resolve_deadline

__all__ = ["Milestone", "Timing", "read_timing"]

_FREQUENCY_RE = re.compile(
    r"每(?:天|日|周|星期[一二三四五六日天]?|月|季度?|半年|年|旬|次|个?工作日|[一二两三四五六七八九十\d]{1,2}(?:个)?(?:天|日|周|月|小时))"
    r"|定期|常态化|按月|按季度?|按周|逐月|月度|季度(?=报|通报|调度|督查|考核)"
)
# A short period counted from an occurrence (3天内报送, 24小时内上报) is a standing rule.
_WITHIN_RE = re.compile(
    r"(?:在|于)?(?P<q>\d{1,3}|[一二两三四五六七八九十]{1,3})(?:个)?(?P<u>小时|工作日|天|日)(?:之|以)?内"
)
# …unless it is anchored to now: 会后3天内, 从今天起5个工作日内.
_ANCHOR_RE = re.compile(r"会后|本次会议后|会议结束后|从今天起|自即日起|即日起|今天起|本周|下周")
_EVENT_VERB_RE = re.compile(
    r"到来|召开|举行|举办|开幕|闭幕|来[我本]?[区市县省镇]|进行(?:实地)?(?:检查|验收|考核|评估|测评)|检查评比|实地测评|验收|开展(?:检查|测评)"
)
_DEADLINE_WORD_RE = re.compile(r"前|之前|以前|为止|内|之内|以内|底|末|完成|截止|到位|结束")
_START_RE = re.compile(r"(?:从|自)[^，,。；;]{1,12}?(?:开始|起)|今年以来|以来|即日起")
# 今年的创建工作涉及…: a year that only says which work is meant sets no deadline (随州, bench/data/tasks).
_YEAR_OF_RE = re.compile(r"(?:今年|本年度|明年|去年)的")
_NEXT_WEEK_RE = re.compile(r"下(?:个)?(?:周|星期|礼拜)(?![一二三四五六日天内末])")
_CLAUSE_RE = re.compile(r"[^，,；;。！？]+")
# 本月25日前, 下月10日: a day of this (next) month, written without the month's number.
_MONTH_WORD_RE = re.compile(r"(本|下)(?:个)?月(?=\d{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号])")


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated event named in a speech: 2022-09-30 (九月份) 创建国家文明城检查组到来检查评比."""

    when: date
    said: str
    text: str


@dataclass(frozen=True, slots=True)
class Timing:
    deadline: date | None
    frequency: str | None
    milestones: tuple[Milestone, ...]


def _is_event(clause: str) -> bool:
    if not _EVENT_VERB_RE.search(clause):
        return False
    return not re.search(r"(?:前|之前|以前)(?:完成|召开|举行)?", clause)


def _split_events(sentence: str, ref: date) -> tuple[str, list[Milestone]]:
    """Take event clauses (with a date and an event verb) out of `sentence`."""
    kept: list[str] = []
    milestones: list[Milestone] = []
    last = 0
    for m in _CLAUSE_RE.finditer(sentence):
        clause = m.group(0)
        mentions = find_dates(clause, ref) if _is_event(clause) else []
        if mentions:
            mention = mentions[0]
            when = resolve_deadline(clause, ref) or mention.date
            milestones.append(Milestone(when=when, said=mention.text, text=clause.strip()))
            kept.append(sentence[last:m.start()])
            last = m.end()
    kept.append(sentence[last:])
    return "".join(kept), milestones


def _frequency(sentence: str) -> tuple[str | None, str]:
    """The frequency phrase, and the sentence without it."""
    m = _FREQUENCY_RE.search(sentence)
    if m:
        return m.group(0), sentence[: m.start()] + sentence[m.end():]
    w = _WITHIN_RE.search(sentence)
    if w and not _ANCHOR_RE.search(sentence):
        phrase = w.group(0).lstrip("在于")
        return phrase, sentence[: w.start()] + sentence[w.end():]
    return None, sentence


def _next_week(sentence: str, ref: date) -> date | None:
    if _NEXT_WEEK_RE.search(sentence):
        monday = ref - timedelta(days=ref.weekday())
        return monday + timedelta(days=13)
    return None


def _month_named(sentence: str, ref: date) -> str:
    """本月25日 → 10月25日 (said in October); 下月10日 → 11月10日."""
    if not on("this_month"):
        return sentence

    def month(m: re.Match[str]) -> str:
        number = ref.month if m.group(1) == "本" else ref.month % 12 + 1
        return f"{number}月"

    return _MONTH_WORD_RE.sub(month, sentence)


def read_timing(sentence: str, ref: date | None) -> Timing:
    """Deadline, frequency and milestones of one directive sentence said on `ref`."""
    frequency, rest = _frequency(sentence)
    if ref is None:
        return Timing(None, frequency, ())
    rest = _month_named(rest, ref)
    rest, milestones = _split_events(rest, ref)
    rest = _YEAR_OF_RE.sub("", _START_RE.sub("", rest))
    deadline = None
    if frequency is None or _DEADLINE_WORD_RE.search(rest):
        found = find_dates(rest, ref)
        if found:
            deadline = resolve_deadline(rest, ref)
            if deadline is not None and deadline < ref:
                deadline = None  # a date in the past is history, not a deadline
        else:
            deadline = _next_week(rest, ref)
    return Timing(deadline, frequency, tuple(milestones))
