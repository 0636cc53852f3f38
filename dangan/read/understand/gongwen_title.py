"""The title a clerk would name, looked for anywhere in a document's head (rule "clerk_title").

`Head` (gongwen_head) reads the title where GB/T 9704 sets it: under the 版头 and the 发文字号,
above the 主送 or the 称谓. Copies of documents a clerk files keep the heading, only elsewhere:
under a page's label (主题：/ 本文标题：, at the page's top or its foot), wrapped inside a 《》
quotation over two lines, run into the first line's 主送 or sentence (关于…的请示Xxx:随着…), a line
or two below the page's chrome. Before the file's name stands in for the title, `clerk_title`
weighs every such candidate by what makes a 公文 title and takes the best:

- it is whole: it ends with a 文种 (…的通知, …讲话) or a name a title ends with (…实施方案, …倡议书),
  or quotes one (《…实施方案》的解读文件);
- it is no sentence (no 。；！？), no numbered section (一、), no date or subtitle line, no file name;
- it stands where a title stands: alone on its line (wrapped lines joined), above a 主送, a 称谓
  or the body; under a title label; at the start of the first line, before a 主送 (…办公室:);
- it has the form of one: 关于 + 事由 + 文种, or its organ first;
- the file's name, when the clerk kept a descriptive one, agrees with it.

`settle_title` holds the heading block's own title to the same form (rule "title_form"): lines a page
joined above a whole title that opens like one (关于…, its organ first) are the page's, unless they
are organ names; an 索引号 value or a date stamp after the title's last word is the page's; a heading
that is no whole title (a row of switches, a greeting, a dateline) gives way to the best candidate.

`clerk_title` was written from one mechanism three families' misses share (no heading where the
reader looked, so the file name stood in): office_paperwork (a speech named only by 本文标题: at the
page's foot, a 解读 heading wrapped inside its 《》 quotation), scanned_or_docx_like (headings run
into the first line's 主送 or text), gov_site_pages_7 (a heading under a 主题: label). `title_form`
from another, page furniture joined to or taken for the heading, in seven: gov_site_pages (a nav bar,
crumbs, switches above the heading), gov_site_pages_3 (a greeting, a 信息公开 row), gov_site_pages_5
(a site's name and buttons, an 索引号 value), gov_site_pages_6 (switches taken for it), gov_site_pages_7
(a site's name and section, a series line), congress_documents and office_paperwork (a news
dateline joined to or taken for it).

Round 17's readings of a site's own names for its copy of a document (…讲话全文.docx, …三篇, a model-text
page's name over the document it quotes) are in gongwen_page_names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import (
    DOC_TYPES,
    ORG,
    complete_title,
    issuer_from_title,
    meta_value,
)
from dangan.read.understand.gongwen_lines import (
    MARK,
    NUMBERED_HEADING,
    SALUTE_OPEN,
    doc_number_match,
    heading_text,
    is_body_start,
    is_continuation,
    is_recipients,
    subtitle,
)
from dangan.read.understand.gongwen_text import Line, Prepared, compact

_KINDS = "|".join(sorted({*DOC_TYPES, "倡议书", "实施方案", "工作方案"}, key=len, reverse=True))
# A page's own label of its heading: 本文标题：… / 标题：… / 主题：… / 文件名称：…
_LABEL = re.compile(r"(?:本文|文章)?(?:标\s*题|主\s*题|文件名称|信息名称)\s*[:：]\s*(?P<title>\S.{2,79})?")
# What opens a first line before the heading run into it: a chunk number (1、), a collection number (篇11),
# a PDF's page counter (第1页共4页).
_LEAD = re.compile(r"^(?:\d{1,2}[、.．]\s*|篇\s*\d{1,3}\s*|第\s*\d{1,4}\s*页\s*[/，,、]?\s*共\s*\d{1,4}\s*页\s*)+")
# A heading run into the first line: 关于…的请示 + Xxx:… / 创建文明城市整改报告 篇4 县创城指挥部办公室:…
RUN_ON = re.compile(rf"^(?P<title>[^。；;:：！!？?，,\s]{{4,60}}?(?:{_KINDS}))(?:篇\s*\d{{1,3}})?(?P<rest>.{{2,}})$")
ADDRESSEE = re.compile(r"^[^。；;，,！!？?]{2,30}[:：]")
# The words a body's first sentence opens with, after a heading run into it.
_RUN_INTO_BODY = re.compile(r"(?:根据|按照|为了|为进一步|近年来|今年以来|自\S{2,12}以来)")
_QUOTED = re.compile(r"^《(?P<inner>[^《》]{4,70})》(?P<tail>的?[\u4e00-\u9fff]{2,8})$")
_SENTENCE = re.compile(r"[。；;！？!?，,：:]")
_NOTE = re.compile(r"[（(][^（()）]{2,30}[)）]")
TOP_LINES, _FOOT = 40, 30


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    score: int
    order: int
    start: int
    end: int


# A reply to a deputy's suggestion or a member's proposal (…第6号代表建议的答复, …提案办理情况的答复): a whole
# title a clerk files, though 答复 is no 文种 of the 条例 (rule "title_form", widened in the cross-family round).
_REPLY = re.compile(r"(?:建议|议案|提案|意见)[^，,。；;]{0,12}?的?答复$")


def whole_title(s: str) -> bool:
    """A title by its ending, or a 《》-quoted title with a short tail (《…实施方案》的解读文件)."""
    if complete_title(s) or (rules.on("title_form") and _REPLY.search(s) is not None):
        return True
    m = _QUOTED.match(s)
    return m is not None and complete_title(m.group("inner"))


def _mark(s: str) -> bool:
    """A 版头 (…人民政府文件), not a heading that ends in 文件 (《…关于…实施方案》的解读文件)."""
    m = MARK.fullmatch(s)
    return m is not None and not re.search(r"关于|[《》“”]", m.group("org"))


def plausible(s: str) -> bool:
    return (5 <= len(s) <= 80 and not _SENTENCE.search(s) and not NUMBERED_HEADING.match(s)
            and s.count("《") == s.count("》") and s.count("“") == s.count("”") and s[0] not in "》”)）"
            and not subtitle(s) and not _mark(s) and doc_number_match(s) is None
            and not re.search(r"\.(?:docx?|pdf|wps|txt)$", s, re.I) and whole_title(s))


def _form(s: str) -> int:
    """关于 + 事由 + 文种, or the organ first: the form of a 公文 title."""
    return 1 if "关于" in s[:30] or issuer_from_title(s, 0.8, None) is not None else 0


def opens_form(s: str) -> bool:
    """A title that opens the way one does: 关于…, or its organ first."""
    return s.startswith("关于") or issuer_from_title(s, 0.8, None) is not None


def _unbalanced(s: str) -> bool:
    return s.count("《") > s.count("》") or s.count("“") > s.count("”")


def _name_agrees(s: str, stem: str) -> int:
    """The file's descriptive name says the same: most of its CJK characters are in the candidate."""
    chars = re.findall(r"[\u4e00-\u9fff]", stem)
    if len(chars) < 4:
        return 0
    inside = sum(1 for ch in chars if ch in s)
    return 2 if inside / len(chars) >= 0.7 else 0


def _opens_text(line: Line | None) -> bool:
    """What a title stands above: a 主送, a 称谓, the body's first sentence."""
    if line is None:
        return True
    s = compact(line.text)
    return is_recipients(s) or bool(SALUTE_OPEN.match(s)) or is_body_start(s) or len(s) > 60


def _in_sentence(before: str, after: str) -> bool:
    return (bool(before and len(before) > 30 and before[-1] not in "：:。！？!?）)") or before[-1:] in ("《", "“")
            or (after[:1] != "" and after[:1] in "。，、；;,）)》”"))


# Words a title's wrapped line may end with: a wrapped heading's first line, never a page's word of its own.
_WRAP_TAIL = re.compile(r"(?:[的和与及暨、在对年于为]|关于|\d)$")


def _short_words_over(upper: list[str], lower: list[str]) -> bool:
    """A page's short words a line each (a leader's name and a column, 李为国 / 自身建设) joined over a heading whole on
    its own line (阿坝…机关公文处理办法): no organ's name, no wrapped title's first words (rule "title_form", widened in
    cross-family round 3)."""
    return (len(lower) == 1 and len(lower[0]) >= 10
            and all(2 <= len(w) <= 6 and not _WRAP_TAIL.search(w) and "关于" not in w and ORG.fullmatch(w) is None
                    and re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in upper))


def _candidates(p: Prepared, stem: str) -> list[_Candidate]:
    lines = [ln for ln in p.lines if not ln.noise]
    found: list[_Candidate] = []
    labelled = list(enumerate(lines[:TOP_LINES])) + list(enumerate(lines))[max(TOP_LINES, len(lines) - _FOOT):]
    for k, line in labelled:
        m = _LABEL.fullmatch(compact(line.text))
        if m is None:
            continue
        value, end = (m.group("title") or "").strip(), line.end
        if not value and k + 1 < len(lines):
            value, end = compact(lines[k + 1].text), lines[k + 1].end
        if plausible(value):
            found.append(_Candidate(value, 3 + _form(value) + _name_agrees(value, stem), k, line.start, end))
    body = 0   # a title stands above the body: lines after its second paragraph are not weighed
    for k, line in enumerate(lines[:TOP_LINES]):
        if is_body_start(compact(line.text)):
            body += 1
            if body >= 2:
                break
            continue
        if _NOTE.fullmatch(compact(line.text)) and rules.on("note_not_heading"):
            continue   # a 附注 in brackets ((此件公开发布)) never opens a heading
        parts = [heading_text(line)]
        j = k + 1
        while True:
            joined = "".join(parts)
            before = compact(lines[k - 1].text) if k else ""
            after = compact(lines[j].text) if j < len(lines) else ""
            if plausible(joined) and len(parts) > 1 and rules.on("title_form") and _short_words_over(parts[:-1], parts[-1:]):
                break   # 李为国 / 自身建设 / 阿坝…办法: the page's words over a heading weighed from its own line
            if plausible(joined) and not _in_sentence(before, after):
                first = k   # organ lines set directly above a heading that does not name its organ are its first words
                while (first > 0 and k - first < 3 and _organ(compact(lines[first - 1].text))
                       and issuer_from_title(joined, 0.8, None) is None and joined.startswith("关于")):
                    first -= 1
                joined = "".join(compact(ln.text) for ln in lines[first:k]) + joined
                score = 2 + _form(joined) + (1 if _opens_text(lines[j] if j < len(lines) else None) else 0)
                found.append(_Candidate(joined, score + _name_agrees(joined, stem), k, lines[first].start,
                                        lines[j - 1].end))
                break
            if j >= len(lines) or len(parts) >= 3 or not (_unbalanced(joined) or is_continuation(after)):
                break
            parts.append(heading_text(lines[j]))
            j += 1
    for k, line in enumerate(lines[:3]):
        text = compact(line.text)
        lead = _LEAD.match(text)
        offset = lead.end() if lead else 0
        m = RUN_ON.match(text[offset:])
        before = compact(lines[k - 1].text) if k else ""
        if m is None or m.group("rest")[:1] in "》”\"』)）、，,。；;的之和与及暨等" or _in_sentence(before, ""):
            continue   # a title quoted in a sentence, or a kind word inside a longer name (…计划的建议)
        title = m.group("title")
        to = ADDRESSEE.match(m.group("rest"))
        addressed = to is not None and (is_recipients(to.group()) or not rules.on("run_on_to_organs"))
        # …or run into the body's first words (…推进情况汇报根据会议安排,就…作简要汇报: widened in the cross-family round)
        opened = _RUN_INTO_BODY.match(m.group("rest")) is not None
        if plausible(title) and (addressed or _form(title) or opened):
            score = 1 + _form(title) + (addressed or opened) + _name_agrees(title, stem)
            found.append(_Candidate(title, score, k, line.start + offset, line.start + offset + len(title)))
    return found


def clerk_title(p: Prepared, filename: str | None) -> MetaValue | None:
    """The best-weighed title candidate of the document's head, or None (rule "clerk_title")."""
    if not rules.on("clerk_title"):
        return None
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", filename or "")
    found = _candidates(p, compact(stem))
    if not found:
        return None
    best = max(found, key=lambda c: (c.score, -c.order, len(c.text)))
    if best.score < 2:
        return None
    return meta_value(p, best.text, 0.6, best.start, best.end)




def _organ(s: str) -> bool:
    return len(s) <= 30 and "关于" not in s and "的" not in s and ORG.fullmatch(s) is not None


def title_run(lines: list[Line], value: str) -> tuple[int, int] | None:
    """The head lines whose words, joined, are the title (first, last), or None."""
    texts = [heading_text(ln) for ln in lines]
    for a, first in enumerate(texts):
        if not first or not value.startswith(first):
            continue
        joined = ""
        for b in range(a, min(a + 6, len(texts))):
            joined += texts[b]
            if joined == value:
                return a, b
            if not value.startswith(joined):
                break
    return None


def settle_title(p: Prepared, lines: list[Line], title: MetaValue | None, filename: str | None) -> MetaValue | None:
    """The heading block's title held to the form of one (rule "title_form"): lines joined above a
    whole title that has a title's form (关于…, its organ first) are the page's, not the title's, unless
    they are organ names (北山市公安局 / 关于…的函); a date stamp or an 索引号 value after the title's
    last word is the page's; a heading that is no whole title (a row of switches, a greeting, a
    dateline) gives way to the best-weighed candidate of the head (`clerk_title`), if that one has a
    title's form and stands where a title stands."""
    if title is None or not rules.on("title_form"):
        return title
    value = compact(title.value)
    if (run := title_run(lines, value)) is not None:
        a, b = run
        texts = [heading_text(ln) for ln in lines[a:b + 1]]
        up = heading_text(lines[a - 1]) if a > 0 else ""
        if (up and not opens_form(value) and opens_form(up) and not whole_title(up) and len(up) >= 4
                and plausible(up + value)):   # 关于对两区“包街包巷包小区” / 责任单位…的通报: one heading, wrapped
            return meta_value(p, up + value, title.confidence, lines[a - 1].start, lines[b].end)
        for k in range(len(texts) - 1, 0, -1):   # the shortest whole title first, then organ lines above it
            rest = "".join(texts[k:])
            if not (len(rest) >= 6 and plausible(rest) and opens_form(rest)) or _unbalanced("".join(texts[:k])):
                continue
            while k > 0 and _organ(texts[k - 1]):
                k -= 1
            if k > 0:
                return meta_value(p, "".join(texts[k:]), title.confidence, lines[a + k].start, lines[b].end)
            break
    if (m := re.fullmatch(r"(?P<title>.{4,}?[\u4e00-\u9fff》”)）])(?P<ids>[\dA-Za-z][\dA-Za-z/\-:.·_\s]{7,})", value)) \
            and re.search(r"\d.*[/\-:.]|\d{8}", m.group("ids")):
        return MetaValue(m.group("title"), title.confidence, title.span)
    if whole_title(value):
        return title
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", filename or "")
    found = [c for c in _candidates(p, compact(stem)) if c.score >= 3 and c.text != value and c.order <= len(lines)]
    if not found:
        return None if _organ(value) and rules.on("organ_alone_no_title") else title   # the 署名's organ, no heading
    best = max(found, key=lambda c: (c.score, -c.order, len(c.text)))
    return meta_value(p, best.text, 0.7, best.start, best.end)
