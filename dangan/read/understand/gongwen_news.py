"""A news item carrying a document: the item's headline is no title of the document (cross-family round 3).

A news page or a repost tells of a document under its own headline (保定腰山镇人民政府关于…的通告 over a 导语,
@印江人,请接力这份“门前三包”倡议书, 国务院成立…领导小组 张高丽任组长) and then gives the document itself. A clerk
files the document by its own heading, where the document sets it: alone on its line straight over its 主送, its
称谓 or its first sentence, naming the same kind of document as the headline does; or, in a repost run into one
line, after the item's words announcing the text (全文如下：), run into its 主送 (rule "headline_over_heading").
A headline that names no kind (城市更新重大进展!天津市城镇老旧小区更新改造征求意见稿发布) announces the document by its subject:
the heading further down that names a kind and shares that subject, over the document's opening, is the document's own
(rule "headline_subject").
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_copies import run_on_title
from dangan.read.understand.gongwen_elements import complete_title, doc_type_of_title, issuer_from_title, meta_value
from dangan.read.understand.gongwen_lines import (
    NUMBERED_HEADING,
    SALUTE_OPEN,
    heading_text,
    is_body_start,
    is_recipients,
)
from dangan.read.understand.gongwen_text import Line, Prepared, compact
from dangan.read.understand.gongwen_title import TOP_LINES, plausible, title_run

# The item's words announcing the document's text after them: 全文如下： / 通知全文如下: / 原文如下：
_FULL_TEXT = re.compile(r"(?:全文|原文)如下[:：]")
# The 称谓 an appeal or an open letter opens with: 亲爱的沿街商户以及广大市民朋友们： / 尊敬的市民朋友们：
_APPEAL_ADDRESS = re.compile(r"(?:亲爱的|尊敬的|广大)[^。；;！!？?]{0,30}?(?:们|朋友|同胞|居民|市民|村民|家长)[:：！!]$")
# The line of its version a heading may carry last, alone: (征求意见稿), （试行）, (草案).
_VERSION_LINE = re.compile(r"[（(](?:征求意见稿|送审稿|讨论稿|修订稿|草案|试行|暂行)[)）]")
# Han characters in a row a headline naming no kind shares with the heading it announces (its subject):
# 天津市城镇老旧小区更新改造 in both; a news item's words about some other paper share a place's name at most.
_SUBJECT = 8
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _opens_document(line: Line | None) -> bool:
    """A 主送, a 称谓 or the body's first sentence: what a document's own heading stands over."""
    if line is None:
        return False
    s = compact(line.text)
    return is_recipients(s) or bool(SALUTE_OPEN.match(s) or _APPEAL_ADDRESS.match(s)) or is_body_start(s)


def _after_full_text(p: Prepared, line: Line) -> MetaValue | None:
    """…全文如下：国务院办公厅关于…的通知各省、自治区、直辖市人民政府,…: the heading run into its 主送."""
    text = compact(line.text)
    if (m := _FULL_TEXT.search(text)) is None or (found := run_on_title(text[m.end():])) is None:
        return None
    title, rest = found
    to = re.match(r"[^。；;！!？?:：]{2,80}[:：]", rest)
    if not (complete_title(title) and plausible(title) and to is not None and is_recipients(to.group())):
        return None
    at = line.text.find(title)
    start = line.start + at if at >= 0 else line.start
    return meta_value(p, title, 0.7, start, start + len(title))


def _headline(value: str, heading: str) -> bool:
    """The item's headline, not a document's heading (nor a page's copy of the one below): no plausible title of a
    document (@印江人,请接力这份…倡议书), or the heading with the item's words for the place before it where the
    heading names its organ itself (保定 + 腰山镇人民政府关于…的通告)."""
    if not plausible(value):
        return True
    return (value.endswith(heading) and len(value) - len(heading) <= 4
            and issuer_from_title(heading, 0.8, None) is not None)


def _shares_subject(headline: str, heading: str) -> bool:
    return any(run[i:i + _SUBJECT] in headline for run in _HAN.findall(heading) for i in range(len(run) - _SUBJECT + 1))


def _announced(p: Prepared, lines: list[Line], j: int, headline: str) -> MetaValue | None:
    """The heading on line j that a headline naming no kind announces: a plausible title naming a kind and sharing
    the headline's subject, its version line (征求意见稿) under it if any, then the document's 主送, 称谓, first
    sentence or first numbered section (rule "headline_subject")."""
    if not rules.on("headline_subject"):
        return None
    s = heading_text(lines[j])
    if not (plausible(s) and doc_type_of_title(s) is not None and _shares_subject(headline, s)):
        return None
    last = j
    if j + 1 < len(lines) and _VERSION_LINE.fullmatch(compact(lines[j + 1].text)):
        last = j + 1
        s += compact(lines[last].text)
    after = lines[last + 1] if last + 1 < len(lines) else None
    if after is None or not (_opens_document(after) or NUMBERED_HEADING.match(compact(after.text))):
        return None
    return meta_value(p, s, 0.7, lines[j].start, lines[last].end)


def headline_over_heading(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """The document's own heading under a news item's headline (rule "headline_over_heading")."""
    if title is None or not rules.on("headline_over_heading"):
        return title
    lines = [ln for ln in p.lines if not ln.noise][:TOP_LINES]
    value = compact(title.value)
    if (run := title_run(lines, value)) is None:
        return title
    kind = doc_type_of_title(value)
    for j in range(run[1] + 1, min(run[1] + 8, len(lines))):
        line = lines[j]
        if (found := _after_full_text(p, line)) is not None:
            return found
        s = heading_text(line)
        if (kind is not None and s != value and plausible(s) and doc_type_of_title(s) == kind and _headline(value, s)
                and _opens_document(lines[j + 1] if j + 1 < len(lines) else None)):
            return meta_value(p, s, title.confidence, line.start, line.end)
        if kind is None and (found := _announced(p, lines, j, value)) is not None:
            return found
        if _opens_document(line) and not is_body_start(compact(line.text)):
            break   # the document's 主送 or 称谓: its heading was above
    return title
