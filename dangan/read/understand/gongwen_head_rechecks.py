"""Second looks at a heading block, after `Head` (gongwen_head) has read it line by line.

Where a page sets furniture above a document, the line pass may settle on the page's heading;
these look again at where GB/T 9704 and a speech set the title and number and correct `Head`:
- the title directly above the 主送机关 (rule "title_above_recipients");
- the title above the speaker and date lines and the 称谓 of a speech (rule "title_above_salutation");
- a whole title line printed twice at the top (rule "repeated_heading");
- a 发文字号 line the pass jumped over (rule "number_anywhere_in_head").
Each takes the `Head` and sets its title (or number) in place; `Head.__init__` runs them in order.
"""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import ORG_LINE, complete_title, issuer_from_title, meta_value, number_text
from dangan.read.understand.gongwen_lines import (
    DAY_OR_MONTH_LINE,
    MARK,
    SALUTE_OPEN,
    SPEAKER,
    SPEAKER_CAPTION,
    STAMP_LINE,
    WRAP_ENDS,
    date_led,
    doc_number_match,
    heading_text,
    is_continuation,
    is_organ_line,
    is_recipients,
    is_title_like,
    subtitle,
)
from dangan.read.understand.gongwen_posted_copy import in_order
from dangan.read.understand.gongwen_text import compact

if TYPE_CHECKING:
    from dangan.read.understand.gongwen_head import Head


def title_above_recipients(head: Head) -> None:
    """GB/T 9704 sets the 标题 directly above the 主送机关 (under the 发文字号): when the head
    closes on a 主送 line and the lines just above it, joined, make a whole title, that is the
    document's own heading, whatever a page put higher up (its short name for the document, a
    section name, its menu) (rule "title_above_recipients")."""
    if not rules.on("title_above_recipients") or len(head.lines) < 2:
        return
    r = len(head.lines) - 1
    if not is_recipients(compact(head.lines[r].text)):
        return
    k = r
    while k > 0 and (doc_number_match(head.lines[k - 1].text) or date_led(compact(head.lines[k - 1].text))):
        k -= 1   # the 发文字号 (or a dated line) between the title and the 主送
    end, title = k, ""
    parts: list[str] = []
    organs: list[str] = []
    while k > 0 and len(parts) + len(organs) < 6:
        line = head.lines[k - 1]
        s = heading_text(line)
        if (not s or not "\u4e00" <= s[0] <= "\u9fff" and s[0] not in "“《(（" or doc_number_match(line.text)
                or MARK.fullmatch(s) or (parts and complete_title(s)) or not (is_continuation(s) or is_title_like(s))):
            break   # chrome, a 发文字号 or 版头, or the page's own whole heading above the document's
        if title:   # the heading is whole: only organ lines may stand above it (石门's two offices)
            if not is_organ_line(s) or len(organs) >= 3:
                break
            organs.insert(0, s)
        else:
            parts.insert(0, s)
            joined = "".join(parts)
            if complete_title(joined) and (joined.startswith("关于") or issuer_from_title(joined, 0.8, None)):
                title, first = joined, k - 1
        k -= 1
    if not title:
        return
    if organs and issuer_from_title(title, 0.8, None) is not None:
        organs = []   # 河南省许昌市人民政府 / 许昌市人民政府关于…: the title names its organ itself
    k = first - len(organs)
    whole = "".join(organs) + title
    if not (4 <= len(whole) <= 80) or re.search(r"[。；;！？]", whole):
        return
    if head.title is not None and compact(head.title.value) in (whole, title):
        return
    if head.title is not None and head.title_orgs and "".join(head.title_orgs) + title == compact(head.title.value):
        return
    head.title_orgs = organs
    head.title = meta_value(head.p, whole, 0.85, head.lines[k].start, head.lines[end - 1].end)
    head.title_end = end - 1

def repeated_heading(head: Head) -> None:
    """A web copy prints the document's heading twice: once as the page's heading (among its
    switches, crumbs, labels and 信息公开 values) and again where the document itself begins. A
    whole title line that occurs twice at the top is the title, whatever the page set around
    the first copy (rule "repeated_heading")."""
    if not rules.on("repeated_heading"):
        return
    seen: dict[str, int] = {}
    twice = None
    for line in itertools.islice((ln for ln in head.p.lines if not ln.noise), 40):   # the top only
        s = heading_text(line)
        if not (6 <= len(s) <= 80) or re.search(r"[。；;！？:：]", s) or not complete_title(s):
            continue
        if s in seen:
            twice = s
            break
        seen[s] = line.start
    if twice is None or (head.title is not None and twice in compact(head.title.value)
                         and not compact(head.title.value).endswith(twice)):
        return   # 关于印发吉安市…实施细则的通知: the page's short name inside the document's fuller heading
    if (head.title is not None and compact(head.title.value).endswith(twice)
            and (not head.title_orgs or twice.startswith(("关于", "印发", "转发")))):
        return   # the same, or 北山市公安局 / 关于…的函: organ lines above a heading that names none
    if (head.title is not None and rules.on("heading_past_posting_row") and twice not in compact(head.title.value)
            and in_order(twice, compact(head.title.value))):
        return   # the page's name for the document printed twice over its posting row, the own heading under it
    last = [k for k, ln in enumerate(head.lines) if heading_text(ln) == twice]
    line = head.lines[last[-1]] if last else next(ln for ln in head.p.lines if ln.start == seen[twice])
    head.title_orgs = []
    head.title = meta_value(head.p, twice, 0.85, line.start, line.end)
    if last:
        head.title_end = last[-1]

def title_above_salutation(head: Head) -> None:
    """A speech or a report to a congress sets its 标题 above the speaker and date lines and the
    称谓 (各位代表、同志们：) that opens its text: when the head closes on a 称谓, the lines just
    above those, joined, are the title, whatever a page put higher up (its column name, a
    dateline, a series line, copy buttons); only organ lines may stand above a whole title
    (rule "title_above_salutation")."""
    if not rules.on("title_above_salutation") or not head.lines:
        return
    k = len(head.lines)
    last = compact(head.lines[-1].text)
    if SALUTE_OPEN.match(last) and len(last) <= 20:
        k -= 1   # 各位代表、同志们: kept in the head (a list of addressees)
    elif not SALUTE_OPEN.match(compact(head.next_text)):
        return
    while k > 0:
        raw = head.lines[k - 1].text
        s = compact(raw)
        wrapped_subtitle = any(subtitle(compact(ln.text)) for ln in head.lines[max(0, k - 3):k - 1])
        if (not s or subtitle(s) or s[0] in "（(" or SPEAKER.fullmatch(s) or SPEAKER_CAPTION.match(s)
                or STAMP_LINE.match(raw) or ORG_LINE.fullmatch(s) or s.endswith(("会议上", "大会上"))
                or (wrapped_subtitle and not complete_title(s))):
            k -= 1   # ——2023年3月7日在…会议上 / 检察长 张军 / 贵州省财政厅 / （2024年1月12日） / a stamp
            continue
        break
    end = k
    parts: list[str] = []
    organs: list[str] = []
    while k > 0 and len(parts) < 4:
        s = heading_text(head.lines[k - 1])
        if (not s or DAY_OR_MONTH_LINE.search(s) or doc_number_match(head.lines[k - 1].text) or MARK.fullmatch(s)
                or not (is_continuation(s) or is_title_like(s)) or SPEAKER.fullmatch(s)):
            break
        if parts and complete_title("".join(parts)):
            if (not organs and not complete_title(s) and (len(s) >= 10 or s.endswith(WRAP_ENDS))
                    and complete_title(s + "".join(parts))):
                parts.insert(0, s)   # 贵州省2023年预算执行情况和2024年 / 预算草案的报告: one title wrapped
            elif not is_organ_line(s) or len(organs) >= 2:
                break
            else:
                organs.insert(0, s)
        else:
            parts.insert(0, s)
        k -= 1
    whole = [j for j in range(1, len(parts)) if complete_title("".join(parts[:j]))]
    if whole and not complete_title("".join(parts)):
        parts, end = parts[:whole[-1]], end - (len(parts) - whole[-1])   # a site's name under the title
    title = "".join(organs + parts)
    if not parts or not (4 <= len(title) <= 80) or re.search(r"[。；;！？]", title):
        return
    if len(parts) > 1 and not complete_title("".join(parts)) and min(len(x) for x in parts) < 6:
        return   # short words a line with no kind of document: a menu, not a wrapped title
    if head.title is not None and compact(head.title.value) == title:
        return
    if (head.title is not None and compact(head.title.value).endswith(title)
            and any(compact(ln.text) == compact(head.title.value) for ln in head.lines)):
        return   # 2026年宁夏回族自治区政府工作报告 / 政府工作报告: the page's fuller heading stands
    head.title_orgs = organs
    head.title = meta_value(head.p, title, 0.85, head.lines[k].start, head.lines[end - 1].end)
    head.title_end = end - 1

def number_skipped(head: Head) -> None:
    """A 发文字号 line the reading jumped over (the page's heading, the number, then the document's own
    heading: 湖卫健发〔2023〕1号 between them) is still the number (rule "number_anywhere_in_head")."""
    if head.doc_number is not None or not rules.on("number_anywhere_in_head"):
        return
    for line in head.lines[:head.title_end + 1] if head.title_end >= 0 else ():
        if m := doc_number_match(line.text):
            head.doc_number = meta_value(head.p, number_text(m), 0.9, line.start, line.end)
            return
