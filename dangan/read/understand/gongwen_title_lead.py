"""A heading's first words left on the line above the lines the reader took it from (rule "heading_lead_line").

A heading printed in a large type wraps where the line is full, not where a name ends: an organ's long name runs
over two lines before its organ word (哈尔滨市应对新型冠状病毒 / 感染肺炎疫情工作指挥部 / 第59号公告), or a speech's
heading sets its speaker on a line of his own over the meeting (冯 云 波 同 志 / 在2018年县政府第一次学习会议上的 /
讲 话). Where a page's line stands over that block (a reposter's headline, a dataset viewer's cell), every reading
of the heading starts at the line that looks like a heading's start, and the name's first line is left out. The
block is a heading's when a date in brackets closes it (GB/T 9704 sets a 公告's or a speech's date so, under its
title), as gongwen_dates.heading_over_date finds it: the line over the block is its first words when it holds a
name the block's first line ends (an organ's name opening with its place that the two lines make whole, the line
above being no organ's whole name and the first line naming no place of its own), or a speaker (…同志) over a
heading that opens with 在 (在…上的讲话). One line at most, and only where the line above
that one is no short line of the same sort (a menu's words are not a heading's).
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_context import places
from dangan.read.understand.gongwen_dates import heading_over_date
from dangan.read.understand.gongwen_elements import ORG, complete_title, meta_value
from dangan.read.understand.gongwen_lines import heading_text, is_organ_line, is_title_like
from dangan.read.understand.gongwen_text import Line, Prepared
from dangan.text.script import to_simplified

_PIECE = re.compile(r"[\u4e00-\u9fff·]{2,20}")      # a name's words alone on a line: no mark, no digit
_SPEAKER = re.compile(r"[\u4e00-\u9fff·、]{2,12}同志")


def _text(line: Line) -> str:
    return to_simplified(heading_text(line).strip("|｜ \u3000"))


def _lead_of(piece: str, first: str) -> bool:
    """The line above (`piece`) holds the heading's first words: with the heading's first line it makes an organ's
    name that it does not make alone, or it names a speaker over 在…."""
    if not _PIECE.fullmatch(piece) or complete_title(piece):
        return False
    if _SPEAKER.fullmatch(piece):
        return first.startswith("在")
    if ORG.fullmatch(piece) or is_organ_line(piece):
        return False   # an organ's whole name over the heading is the organ lines' reading, not a wrapped name
    # the name opens with its place and the heading's first line goes on without one (哈尔滨市应对… / 感染…指挥部): a
    # page's word over a heading (通知公告, 政务公开) names no place, and a line that opens with its own place starts a name
    lead = places(piece)
    if not lead or not piece.startswith(lead[0]) or places(first[:12]):
        return False
    return any(ORG.fullmatch(piece + first[:n]) for n in range(2, len(first) + 1))


def heading_lead_line(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """The title with its first words from the line above when they were left there (see the module's note)."""
    if title is None or not rules.on("heading_lead_line") or (found := heading_over_date(p, title.value)) is None:
        return title
    lines, k, _ = found
    value = to_simplified("".join(title.value.split()))
    m, joined = k, _text(lines[k])
    while joined != value and m > 0 and value.endswith(joined):
        m -= 1
        joined = _text(lines[m]) + joined
    if joined != value or m == 0:
        return title
    piece = _text(lines[m - 1])
    if not _lead_of(piece, _text(lines[m])):
        return title
    if m >= 2 and _PIECE.fullmatch(_text(lines[m - 2])):
        return title   # a short line over it too: a menu or a page's words, not one heading's block
    whole = piece + value
    if len(whole) > 80 or not is_title_like(whole):
        return title
    return meta_value(p, whole, title.confidence, lines[m - 1].start, lines[k].end)
