"""The title block of a typeset page (PDF/OFD font sizes) read by GB/T 9704-2012's 版头 and 纪要 forms.

`gongwen._title_from_layout` takes the largest run of lines set above the body's size as the title.
A 公文 typeset to the standard also sets its 发文机关标志 large, above the title; these readings say
which large run is which, by where the standard puts each element.
"""
from __future__ import annotations

from collections.abc import Sequence

from dangan.model import LayoutLine
from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import ORG_LINE
from dangan.read.understand.gongwen_lines import JIYAO_MARK, doc_number_match
from dangan.read.understand.gongwen_text import compact
from dangan.text.dates import find_dates

Run = list[LayoutLine]


def below_masthead(runs: list[Run], lines: Sequence[LayoutLine], body: float) -> list[Run]:
    """GB/T 9704-2012 7.2: the 版头 holds the 发文机关标志 (7.2.3; a 纪要's 纪要标志, 10.3) over the
    发文字号 (7.2.4) and the red 分隔线 (7.2.6); the title is set under the rule (7.3.1), in 二号,
    smaller than the mark. So with a 发文字号 line, or a header line of body size holding the day
    (a 纪要's or 简报's 编发单位 … 日期), between two runs of large type, the larger run above it
    is the 版头's mark (城关区…办公室 / 会议纪要 in 小初 over 城创办纪〔2022〕6号), never the title:
    the runs below it are (rule "layout_masthead")."""
    if not rules.on("layout_masthead") or len(runs) < 2:
        return runs
    for ln in lines[:12]:
        s = compact(ln.text)
        if ln.size >= body + 2:
            continue
        if doc_number_match(s) is None and not any(d.precision == "day" for d in find_dates(s)):
            continue
        above = [r for r in runs if r[-1].top < ln.top]
        below = [r for r in runs if r[0].top > ln.top]
        if above and below and max(r[0].size for r in above) > max(r[0].size for r in below) + 0.6:
            return below
        return runs
    return runs


def organ_over_mark(best: Run, lines: Sequence[LayoutLine]) -> Run:
    """GB/T 9704-2012 10.3: the 纪要标志 is "XXXXX纪要", the organ's or the meeting's name with the
    word. A 会议纪要 mark alone in the run the title was read from, under a line of the same size
    naming an organ (中共东风街道工作委员会 / 会 议 纪 要, no heading below), is that mark split over
    two lines: the two are the heading, not the bare word (rule "layout_jiyao_title")."""
    if not rules.on("layout_jiyao_title") or len(best) != 1 or not JIYAO_MARK.fullmatch(compact(best[0].text)):
        return best
    above = [ln for ln in lines if ln.top < best[0].top and ln.text.strip()]
    if not above:
        return best
    over = max(above, key=lambda ln: ln.top)
    if abs(over.size - best[0].size) < 0.6 and ORG_LINE.fullmatch(compact(over.text)):
        return [over, *best]
    return best
