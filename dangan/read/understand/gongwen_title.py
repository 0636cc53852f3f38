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

Round 17 (validation_r17's untouched misses, each with another family's): a site's names for its copy
of the document (…讲话全文.docx, …三篇, …篇1, …范文) are cut from or dropped before the heading they hold
(`own_heading`, "site_copy_names"), as are a page's own words joined before it ("site_words_over_heading");
a model-text page's own name for a document it quotes gives way to the document's heading a few lines
below, past the page's stamp row, with the 发文字号 under it (`heading_below_page`, `number_under_title`,
"model_text_heading").
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
    number_text,
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
_RUN_ON = re.compile(rf"^(?P<title>[^。；;:：！!？?，,\s]{{4,60}}?(?:{_KINDS}))(?:篇\s*\d{{1,3}})?(?P<rest>.{{2,}})$")
_ADDRESSEE = re.compile(r"^[^。；;，,！!？?]{2,30}[:：]")
_QUOTED = re.compile(r"^《(?P<inner>[^《》]{4,70})》(?P<tail>的?[\u4e00-\u9fff]{2,8})$")
_SENTENCE = re.compile(r"[。；;！？!?，,：:]")
_NOTE = re.compile(r"[（(][^（()）]{2,30}[)）]")
_TOP, _FOOT = 40, 30


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    score: int
    order: int
    start: int
    end: int


def _whole(s: str) -> bool:
    """A title by its ending, or a 《》-quoted title with a short tail (《…实施方案》的解读文件)."""
    if complete_title(s):
        return True
    m = _QUOTED.match(s)
    return m is not None and complete_title(m.group("inner"))


def _mark(s: str) -> bool:
    """A 版头 (…人民政府文件), not a heading that ends in 文件 (《…关于…实施方案》的解读文件)."""
    m = MARK.fullmatch(s)
    return m is not None and not re.search(r"关于|[《》“”]", m.group("org"))


def _plausible(s: str) -> bool:
    return (5 <= len(s) <= 80 and not _SENTENCE.search(s) and not NUMBERED_HEADING.match(s)
            and s.count("《") == s.count("》") and s.count("“") == s.count("”") and s[0] not in "》”)）"
            and not subtitle(s) and not _mark(s) and doc_number_match(s) is None
            and not re.search(r"\.(?:docx?|pdf|wps|txt)$", s, re.I) and _whole(s))


def _form(s: str) -> int:
    """关于 + 事由 + 文种, or the organ first: the form of a 公文 title."""
    return 1 if "关于" in s[:30] or issuer_from_title(s, 0.8, None) is not None else 0


def _opens_form(s: str) -> bool:
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


def _candidates(p: Prepared, stem: str) -> list[_Candidate]:
    lines = [ln for ln in p.lines if not ln.noise]
    found: list[_Candidate] = []
    labelled = list(enumerate(lines[:_TOP])) + list(enumerate(lines))[max(_TOP, len(lines) - _FOOT):]
    for k, line in labelled:
        m = _LABEL.fullmatch(compact(line.text))
        if m is None:
            continue
        value, end = (m.group("title") or "").strip(), line.end
        if not value and k + 1 < len(lines):
            value, end = compact(lines[k + 1].text), lines[k + 1].end
        if _plausible(value):
            found.append(_Candidate(value, 3 + _form(value) + _name_agrees(value, stem), k, line.start, end))
    body = 0   # a title stands above the body: lines after its second paragraph are not weighed
    for k, line in enumerate(lines[:_TOP]):
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
            if _plausible(joined) and not _in_sentence(before, after):
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
        m = _RUN_ON.match(text[offset:])
        before = compact(lines[k - 1].text) if k else ""
        if m is None or m.group("rest")[:1] in "》”\"』)）、，,。；;的之和与及暨等" or _in_sentence(before, ""):
            continue   # a title quoted in a sentence, or a kind word inside a longer name (…计划的建议)
        title = m.group("title")
        to = _ADDRESSEE.match(m.group("rest"))
        addressed = to is not None and (is_recipients(to.group()) or not rules.on("run_on_to_organs"))
        if _plausible(title) and (addressed or _form(title)):
            score = 1 + _form(title) + addressed + _name_agrees(title, stem)
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


def _run(lines: list[Line], value: str) -> tuple[int, int] | None:
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


# The word a site sets after its copy's name (rule "site_copy_names"): …工作汇报篇1, …情况汇报范文, …讲话全文.docx,
# …工作总结三篇, …工作汇报精选五篇, …请示格式范文(通用4篇)
_COPY_WORD = re.compile(r"(?P<base>.{4,}?)\s*(?:全文|范文(?:大全)?|(?:精选|通用)?[一二三四五六七八九十\d]{1,3}篇|篇\s*\d{1,3}"
                        r"|[（(](?:精选|通用)?[一二三四五六七八九十\d]{1,3}篇[)）])(?:\.(?:docx?|pdf|wps|txt))?")


# A line of a page's own words over a heading (rule "site_words_over_heading"): its navigation (网站导航, 正文) or
# a site's or app's name in Latin letters (静网PWA视频评论)
_NAV_WORDS = re.compile(r"网站导航|导航|正文|首页|返回首页|当前位置|所在位置")
# …or a site's tag of its audience or column set in 【】 at the heading's front (【面向社会】关于…的通知)
_FRONT_TAG = re.compile(r"【[^【】\d]{2,8}】")


def _site_words(s: str) -> bool:
    latin = [w for w in re.findall(r"[A-Za-z]{2,}", s) if w.lower().strip("x")]   # XX区: a placeholder, no name
    return bool(_NAV_WORDS.fullmatch(s)) or (len(s) <= 16 and bool(latin) and "关于" not in s
                                             and not re.search(r"[《》“”]", s))


def _copy_base(s: str) -> str | None:
    """The heading inside a site's name for its copy of the document, or None."""
    m = _COPY_WORD.fullmatch(s)
    return m.group("base") if m is not None and complete_title(m.group("base")) else None


def own_heading(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """A document-sharing or model-text site names its copy of a document by the document's heading
    with its own word for the copy after it (…讲话全文.docx, …工作总结三篇, …工作汇报篇1, …汇报范文), and
    sets that name over the document's own heading: the lines joined into the title down to the last
    one an earlier line holds whole are the site's names for the copy, and a title that is such a name
    gives way to the heading it holds, set under it, or else to that heading cut from it (rule
    "site_copy_names": validation_r12's 园林局 speech under its file-name lines, validation_r17's
    collection name over a 工作总结 and the 篇1 and 范文 after two 汇报). A page's own words joined before
    the heading (its navigation or a name in Latin letters on their line, a 【】 tag at its front) are no
    part of it either (rule "site_words_over_heading": 网站导航, 静网PWA视频评论, 【面向社会】)."""
    if title is None:
        return title
    lines = [ln for ln in p.lines if not ln.noise][:_TOP]
    value = compact(title.value)
    if (run := _run(lines, value)) is None:
        return title
    a, b = run
    texts = [heading_text(ln) for ln in lines[a:b + 1]]
    copies = [j for j in range(1, len(texts)) if rules.on("site_copy_names")
              and len(texts[j]) >= 6 and any(texts[j] in texts[i] for i in range(j))]
    if copies:
        j = copies[-1]
        return meta_value(p, "".join(texts[j:]), title.confidence, lines[a + j].start, lines[b].end)
    if (rules.on("site_words_over_heading") and len(texts) > 1 and all(_site_words(x) for x in texts[:-1])
            and len(texts[-1]) >= 6 and _plausible(texts[-1])):
        return meta_value(p, texts[-1], title.confidence, lines[b].start, lines[b].end)
    if (rules.on("site_words_over_heading") and (tag := _FRONT_TAG.match(value))
            and _plausible(rest := value[tag.end():]) and _opens_form(rest)):   # 【面向社会】关于…的通知
        return meta_value(p, rest, title.confidence, lines[a].start + lines[a].text.find("】") + 1, lines[b].end)
    if not rules.on("site_copy_names") or (base := _copy_base(value)) is None:
        return title
    for line in lines[b + 1:b + 5]:
        s = heading_text(line)
        if s != value and len(s) >= 6 and s in value and complete_title(s):
            return meta_value(p, s, title.confidence, line.start, line.end)
    start = lines[a].start
    return meta_value(p, base, title.confidence, start, start + len(base))


# A page's stamp under its heading: 2024-07-05 批复 / 会议记录 时间:2021-08-31 手机版 / 申请报告 时间:2017-07-11 我要投稿
_STAMP_ROW = re.compile(r"^.{0,12}?(?:时间|日期)?[:：]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")
# A meeting record's first labelled field: 时间:2016年9月6日上午 / 会议时间：…
_FIELD_LINE = re.compile(r"^(?:会议)?(?:时间|日期)\s*[:：]")


def heading_below_page(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """A model-text or essay page heads the document it quotes with its own name for it (公文批复, 会议记录
    是怎么样的格式(3), 学校资金申请报告) and its stamp row (2024-07-05 批复, 时间:… 我要投稿), then gives the
    document whole: its own heading stands a few lines below, directly above what follows a heading (its
    发文字号, its 主送, its 称谓, a record's 时间: field). When the title read has no 公文 form of its own
    (no 关于, no organ first) and such a heading follows it past a stamp row, that heading is the title
    (rule "model_text_heading": validation_r17's 批复 and 会议记录 on model-text pages, validation_r16's
    请示报告 under 學校資金申請報告)."""
    if title is None or not rules.on("model_text_heading"):
        return title
    value = compact(title.value)
    every = list(p.lines)
    clean = [ln for ln in every if not ln.noise][:_TOP]
    if _opens_form(value) or (run := _run(clean, value)) is None:
        return title
    after = [ln for ln in every if ln.start > clean[run[1]].start]
    stamped = False
    for k, line in enumerate(after[:10]):
        s = heading_text(line)
        if _STAMP_ROW.match(s) and len(s) <= 40:
            stamped = True
            continue
        if not stamped or line.noise or k + 1 >= len(after) or s == value or not _plausible(s):
            continue
        nxt = compact(after[k + 1].text)
        opens = (is_recipients(nxt) or bool(SALUTE_OPEN.match(nxt)) or doc_number_match(after[k + 1].text) is not None
                 or (len(nxt) <= 31 and _ADDRESSEE.fullmatch(nxt) is not None))   # 尊敬的领导:
        if (opens and _opens_form(s)) or _FIELD_LINE.match(nxt):
            return meta_value(p, s, title.confidence, line.start, line.end)
    return title


def number_under_title(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """The 发文字号 set on the line right under the document's heading, where a quoted document carries it
    below a page's own header (国函〔2009〕2 号 under 国务院关于…的批复) (rule "model_text_heading")."""
    if title is None or not rules.on("model_text_heading"):
        return None
    lines = [ln for ln in p.lines if not ln.noise][:_TOP]
    value = compact(title.value)
    for k, line in enumerate(lines[:-1]):
        if heading_text(line) == value and (m := doc_number_match(lines[k + 1].text)):
            return meta_value(p, number_text(m), 0.85, lines[k + 1].start, lines[k + 1].end)
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
    if (run := _run(lines, value)) is not None:
        a, b = run
        texts = [heading_text(ln) for ln in lines[a:b + 1]]
        up = heading_text(lines[a - 1]) if a > 0 else ""
        if (up and not _opens_form(value) and _opens_form(up) and not _whole(up) and len(up) >= 4
                and _plausible(up + value)):   # 关于对两区“包街包巷包小区” / 责任单位…的通报: one heading, wrapped
            return meta_value(p, up + value, title.confidence, lines[a - 1].start, lines[b].end)
        for k in range(len(texts) - 1, 0, -1):   # the shortest whole title first, then organ lines above it
            rest = "".join(texts[k:])
            if not (len(rest) >= 6 and _plausible(rest) and _opens_form(rest)) or _unbalanced("".join(texts[:k])):
                continue
            while k > 0 and _organ(texts[k - 1]):
                k -= 1
            if k > 0:
                return meta_value(p, "".join(texts[k:]), title.confidence, lines[a + k].start, lines[b].end)
            break
    if (m := re.fullmatch(r"(?P<title>.{4,}?[\u4e00-\u9fff》”)）])(?P<ids>[\dA-Za-z][\dA-Za-z/\-:.·_\s]{7,})", value)) \
            and re.search(r"\d.*[/\-:.]|\d{8}", m.group("ids")):
        return MetaValue(m.group("title"), title.confidence, title.span)
    if _whole(value):
        return title
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", filename or "")
    found = [c for c in _candidates(p, compact(stem)) if c.score >= 3 and c.text != value and c.order <= len(lines)]
    if not found:
        return None if _organ(value) and rules.on("organ_alone_no_title") else title   # the 署名's organ, no heading
    best = max(found, key=lambda c: (c.score, -c.order, len(c.text)))
    return meta_value(p, best.text, 0.7, best.start, best.end)
