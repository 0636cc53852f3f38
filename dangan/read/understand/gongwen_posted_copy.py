"""A web page's copy of a document's heading over the page's posting row, the document's own heading under it.

A site heads its page with its own short name for the document (金华开发区突发公共事件总体应急预案, the issued
细则's name 吉安市市本级政务公开工作实施细则), then its posting row (日期:2013-10-12 00:00:00 来源:… 浏览量:, 作者:…时间:…
浏览:… 来源:…), then the document as issued, whose own heading holds every word of the page's name in order and says
more (金华经济技术开发区管委会突发公共事件 / 总体应急预案; 江西省吉安市人民政府办公室 / 关于印发…细则的通知). The own
heading is the title (rule "heading_past_posting_row"). `Head` (gongwen_head) asks `own_heading_past_row` once it
has read a title.
"""
from __future__ import annotations

import re

from dangan.read.understand.gongwen_elements import complete_title, issuer_from_title
from dangan.read.understand.gongwen_lines import doc_number_match, is_continuation, is_organ_line, is_title_like
from dangan.read.understand.gongwen_text import Line, Prepared, compact
from dangan.text.dates import find_dates

# The fields of a site's record of the page beside the posting day (来源: 作者: 浏览量: 阅读: 点击: 访问:), or the day's
# clock time (00:54:58): what makes a dated line the page's posting row rather than a line of the document.
_ROW_FIELD = re.compile(r"来源|作者|浏览|阅读|点击|访问|发布")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")
_BULLET = re.compile(r"^[•·●◆■▪\-\s]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def posting_row(s: str) -> bool:
    """日期:2013-10-12 00:00:00来源:金华市人民政府办公室浏览量: / 作者:法律资料网时间:2024-07-06 00:54:58浏览:9107:
    a day's date with its clock time or a field of the site's record of the page, no sentence."""
    if len(s) > 120 or re.search(r"[。；！？]", s):
        return False
    if not any(d.precision == "day" and not d.relative for d in find_dates(s)):
        return False
    return _CLOCK.search(s) is not None or _ROW_FIELD.search(s) is not None


def in_order(short: str, full: str) -> bool:
    """Every character of `short` stands in `full` in the same order (金华开发区… in 金华经济技术开发区管委会…)."""
    it = iter(full)
    return all(ch in it for ch in short)


def _own_heading(short: str, joined: str) -> bool:
    added = len(_HAN.findall(joined)) - len(_HAN.findall(short))
    return (4 <= len(joined) <= 80 and added >= 2 and in_order(short, joined)
            and not re.search(r"[。；;！？!?]", joined)
            and (complete_title(joined) or joined.endswith(short[-2:])))


def own_heading_past_row(p: Prepared, lines: list[Line], title_end: int) -> tuple[int, int, int] | None:
    """The document's own heading under the page's posting row, when the title read ends on the line straight over
    that row: (first line, first line of the heading after its organ lines, last line), indexes into `lines` (the
    heading block's lines, noise left out); None where the form is not there."""
    if title_end < 0 or title_end + 1 >= len(lines):
        return None
    short = _BULLET.sub("", compact(lines[title_end].text))
    after = [ln for ln in p.lines if ln.start >= lines[title_end].end][:3]
    row = next((ln for ln in after if posting_row(compact(ln.text))), None)
    if len(short) < 4 or row is None:
        return None
    first = next((k for k in range(title_end + 1, len(lines)) if lines[k].start >= row.end), len(lines))
    for end in range(first, min(first + 6, len(lines))):
        for start in range(end, max(first, end - 2) - 1, -1):
            parts = [compact(ln.text) for ln in lines[start:end + 1]]
            if (is_organ_line(parts[0]) or short in parts
                    or not all(doc_number_match(x) is None and (is_title_like(x) or is_continuation(x)) for x in parts)):
                break   # an organ line opens no heading here; the page's name again on its own line has a kicker over it
            if not in_order(short, joined := "".join(parts)):
                continue
            if not _own_heading(short, joined):
                break   # the page's name again, wrapped (创建全国文明城市 / 工作简报): lines above it add site words only
            lead = start
            while (lead > first and start - lead < 3 and issuer_from_title(joined, 0.8, None) is None
                   and is_organ_line(compact(lines[lead - 1].text))):
                lead -= 1   # 江西省吉安市人民政府办公室 / 关于印发…的通知: the organ lines the heading opens with
            return lead, start, end
    return None
