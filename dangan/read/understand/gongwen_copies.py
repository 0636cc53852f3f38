"""Titles of official documents as copies carry them when the heading block has none.

A clerk files many documents as they come from a document-sharing site, a PDF's text or
an essay site rather than as the office printed them. Their heading is still in the text,
only not where GB/T 9704 sets it:

- a document-sharing copy opens with the file's name (创建文明城市整改报告 篇4.docx) and the
  site's collection number (篇11): the name, without its extension and number, is the title
  when the heading itself is lost in the page chunks (rule "doc_sharing_copy");
- a PDF's or a clerk's text runs the heading into what follows it on the first line
  (关于解决文化活动经费的请示Xxx:随着… / 关于…工作情况的报告创立为民…) (rule "run_on_heading");
- an essay site prints the document's heading only as its own label of the page, often at
  its foot (本文标题:…) (rule "page_title_label");
- a 信息公开 table or an encyclopedia mirror names the document in the cell after a label
  (文件名称 | …的通报 | || / 词条 | …的答复 |) (rule "cell_heading");
- a document-sharing site's sentence names the file (《….docx》由会员分享…) over a text that opens with that name
  run into its first words (rule "sharing_file_name");
- an HTML page laid out in a table leaves its cell's bars around the heading (| …流程（试行） |) (rule "cell_bars").
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import DOC_TYPES, complete_title, meta_value, title_from_filename
from dangan.read.understand.gongwen_text import Prepared, compact
from dangan.read.understand.gongwen_title import plausible

# A line that is a file's name: 2023年在全区文明城市创建工作动员会上的讲话.docx
FILE_LINE = re.compile(r"(?P<stem>[^\s/\\:：。]{4,80}?(?:\s+[^\s/\\:：。]{1,10})?)\.(?:docx?|wps|pdf|ofd|rtf|txt)", re.I)
# A document-sharing site's numbering of the files of a collection: 篇11创文倡议书 / …整改报告 篇4.
_COLLECTION_NO = re.compile(r"^(?:篇\s*\d{1,3}|第[一二三四五六七八九十\d]{1,3}篇\s*[:：]?)\s*|\s*篇\s*\d{1,3}$")


def file_line(s: str) -> str | None:
    """The stem of a line that holds only a file's name (rule "doc_sharing_copy")."""
    if not rules.on("doc_sharing_copy") or not (m := FILE_LINE.fullmatch(s)):
        return None
    return m.group("stem")


def title_from_file_line(p: Prepared) -> MetaValue | None:
    """The title a document-sharing copy's file-name line gives (one of its first lines, taken for page
    chrome or not): extension and collection number dropped."""
    name = next((n for ln in p.lines[:5] if (n := file_line(compact(ln.text))) is not None), None)
    if not name:
        return None
    stem = _COLLECTION_NO.sub("", compact(name))
    found = title_from_filename(stem + ".docx")
    return MetaValue(found.value, 0.5, None) if found is not None else None


# A document-sharing site's sentence naming the file it shares (《村(居)民“门前三包”责任书.docx》由会员分享,可在线阅读…,
# 《关于开展…的通知》由会员上传分享…) over the text, which opens with that name run into its first words (村(居)民“门前三包”
# 责任书为切实加强…, 1、关于开展…的通知关于开展…): the name is the heading, whatever its kind (rule "sharing_file_name").
_SHARED_FILE = re.compile(r"《(?P<name>[^《》]{4,60}?)(?:\.(?:docx?|wps|pdf|txt))?》\s*由(?:会员|用户|网友)(?:上传)?分享")
_CHUNK_LEAD = re.compile(r"\d{1,2}[、.．]\s*")


def shared_file_heading(p: Prepared) -> MetaValue | None:
    """The heading a sharing site's sentence names, when the text under it opens with that name, or None."""
    if not rules.on("sharing_file_name"):
        return None
    for k, line in enumerate(p.lines[:8]):
        if (m := _SHARED_FILE.search(line.text)) is None:
            continue
        name = compact(m.group("name"))
        below = next((ln for ln in p.lines[k + 1:k + 4] if not ln.noise), None)
        if below is None or re.search(r"\d|[。；;！？!?]", name):
            return None   # 篇11创文倡议书.docx: a collection's numbering, no heading
        text = compact(below.text)
        lead = _CHUNK_LEAD.match(text)
        rest = text[lead.end() if lead else 0:]
        if rest.startswith(name) and len(rest) > len(name):
            start = below.start + below.text.find(name[:2])
            return meta_value(p, name, 0.6, start, start + len(name))
        return None
    return None


# A page's table row whose first cell names the document (rule "cell_heading"): 文件名称 | …的通报 | || (a
# 信息公开 table set apart by |), 词条 | 对…的答复 | (an encyclopedia mirror's entry)
_CELL_ROW = re.compile(r"(?:文件名称|文件标题|信息名称|名称|标题|题名|词条)\s*[:：]?\s*[|｜]\s*(?P<title>[^|｜]{4,80}?)\s*[|｜].*")
# …or the label and the name in one cell, set apart by a colon: | 标题:关于开展…的通知 | (rule "row_label_over_heading")
_LABEL_CELL = re.compile(r"[|｜]?\s*(?:文件名称|文件标题|信息名称|名称|标题|题名)\s*[:：]\s*(?P<title>[^|｜]{4,80}?)\s*[|｜].*")


def cell_heading(p: Prepared) -> MetaValue | None:
    """The document's heading as a page's table gives it, in the cell after the one that labels it
    (文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | ||; 词条 | 对…第55号提案的答复 |), or None:
    a copy that keeps the row keeps no other heading, or runs the row's bars and label into it
    (rule "cell_heading": validation_r16's 紫阳 通报 named only by the file, validation_r17's 赤水 答复)."""
    if not rules.on("cell_heading"):
        return None
    for line in p.lines[:15]:   # a 信息公开 row is page furniture to the heading block: read it here
        text = compact(line.text)
        if (m := _CELL_ROW.fullmatch(text) or (_LABEL_CELL.fullmatch(text) if rules.on("row_label_over_heading")
                                               else None)) is None:
            continue
        value = compact(m.group("title"))
        if re.search(r"[\u4e00-\u9fff]{4}", value) and value[-1] not in "：:。；;，,、！!？?":
            return meta_value(p, value, 0.7, line.start, line.end)
    return None


# A heading set alone in a table cell, read with the bars an HTML page's layout table leaves around the cell, maybe
# with words outside the cell run into it: 广昌县纪委监察部举报网站| 中纪委监察部关于保护检举、控告人的规定 |.
_FENCED = re.compile(r"(?P<out>[^|｜]*?)\s*[|｜]\s*(?P<cell>[^|｜]{4,80}?)\s*[|｜](?:\s*[|｜])*\s*")


def unfenced(title: MetaValue | None) -> MetaValue | None:
    """A heading read with its table cell's bars, the cell's words alone (rule "cell_bars"): the bars fence
    the cell and are no part of the heading (| 虹口区…受理条件及流程（试行） |); words outside the cell
    (the page's <title> set as the text's first line) are left out only when the cell holds a whole title by
    itself. validation_r36's two JSP pages, as validation_r17's 词条 | …的答复 | and validation_r18's
    | 标题:关于…的通知 | kept their bars on their untouched runs."""
    if title is None or not rules.on("cell_bars") or (m := _FENCED.fullmatch(title.value)) is None:
        return title
    cell = m.group("cell").strip()
    if compact(m.group("out")) and not plausible(compact(cell)):
        return title
    return MetaValue(cell, title.confidence, title.span)


_KINDS = "|".join(sorted({*DOC_TYPES, "倡议书"}, key=len, reverse=True))
# 关于解决文化活动经费的请示 + Xxx:随着… : a heading opening with 关于 (its organ before it, if any)
# and closing on 的 + a kind, run into the 主送 or the first sentence.
_RUN_ON = re.compile(rf"^(?P<title>[\u4e00-\u9fff（）()、]{{0,30}}?关于[^。；;:：！!？?\s]{{2,70}}?的(?:{_KINDS}))"
                     r"(?P<rest>[^》”\"』)）、，,。；;].*)$")


# A site's stamp run in before the heading: its watermark ending in the site's address
# (秘书之家—全网资源每日更新www.mishuzj.com) or a PDF's page counter (第1页共4页) (rule "run_on_site_prefix").
_SITE_PREFIX = re.compile(r"^(?:[^。；;！!？?\s]{0,40}?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)"
                          r"(?:\.cn)?/?|第\d{1,3}页[，,]?共\d{1,3}页)")
# A document-sharing page's own words opening the line the document runs into: its 文档介绍: label, or the number
# of the page's chunk with the site's tag (1、-精品合同推荐-) (rule "sharing_site_lead").
_SHARING_LEAD = re.compile(r"^(?:文档介绍[:：]|\d{1,3}、-[\u4e00-\u9fff]{2,10}-)\s*")
# …and after them a heading with no 关于…的, run into the 主送 or the opening: the first kind ends it
# (xx市xx人民政府关于创建…工作自查报告市精神文明办:, 2008年街道办工作总结一年来,).
_PLAIN_RUN_ON = re.compile(rf"^(?P<title>[^。；;:：！!？?，,、\s《》“”]{{4,60}}?(?:{_KINDS}))"
                           r"(?P<rest>[\u4e00-\u9fff][^，,。；;:：]{0,12}[，,:：].*)$")
# Another 的 + kind right after the heading's first: the outer 文种 of a heading wrapping an inner title
# (…关于…督查情况的通报的通知 各县、区人民政府…) (rule "run_on_to_recipients").
_OUTER_KIND = re.compile(rf"^的(?:{_KINDS})")


def run_on_title(text: str) -> tuple[str, str] | None:
    if not (m := _RUN_ON.match(text)) or len(m.group("rest")) < 2:
        return None
    title, rest = m.group("title"), m.group("rest")
    if rules.on("run_on_to_recipients"):
        while (outer := _OUTER_KIND.match(rest)) and len(rest) > outer.end() + 1:
            title, rest = title + outer.group(), rest[outer.end():]
    return title, rest


def run_on_heading(p: Prepared) -> MetaValue | None:
    """The heading at the start of the document's first line, run into what follows (rule "run_on_heading")."""
    if not rules.on("run_on_heading"):
        return None
    first = next((ln for ln in p.lines if not ln.noise), None)
    if first is None:
        return None
    text = compact(first.text)
    skip = 0
    if (found := run_on_title(text)) is None and rules.on("run_on_site_prefix") and (site := _SITE_PREFIX.match(text)):
        skip = site.end()
        found = run_on_title(text[skip:])
    if found is None and rules.on("sharing_site_lead") and (lead := _SHARING_LEAD.match(text)):
        skip = lead.end()
        found = run_on_title(text[skip:])
        if found is None and (plain := _PLAIN_RUN_ON.match(text[skip:])):
            found = plain.group("title"), plain.group("rest")
    if found is None:
        return None
    title = found[0]
    return meta_value(p, title, 0.6, first.start + skip, first.start + skip + len(title))


# A record kept as one line, its words set apart by spaces (an archive's OCR text of a printed record, a gazette
# record as Markdown): the cover's or the page head's words before the heading, fields and dates after it.
_RUN_LENGTH = 400   # a first line this long holds the whole record
_RUN_LEAD = 160     # the heading stands within the run's first characters
_RUN_MARK = re.compile(r"[ \t\u3000]+(?P<mark>[（(][^（()）\s]{1,6}[)）])")   # (记录稿) set after it


def spaced_run_heading(p: Prepared) -> MetaValue | None:
    """The first word of a record run into one line, among the words it sets apart by spaces near its start, that is a
    whole title (…会议上的讲话, 立法院第6屆第2會期第8次會議紀錄), with the bracketed mark set after it ((记录稿)) (rule
    "spaced_run_heading"). Read only where no heading was found: the file's name stood in for it."""
    if not rules.on("spaced_run_heading"):
        return None
    first = next((ln for ln in p.lines if not ln.noise), None)
    if first is None or len(first.text) < _RUN_LENGTH:
        return None
    for m in re.finditer(r"\S+", first.text[:_RUN_LEAD]):
        word = m.group().lstrip("#")
        if len(word) < 10 or not complete_title(word) or not plausible(word):
            continue
        start, end = first.start + m.end() - len(word), first.start + m.end()
        if mark := _RUN_MARK.match(first.text, m.end()):
            word, end = word + mark.group("mark"), first.start + mark.end()
        return meta_value(p, word, 0.6, start, end)
    return None


# 本文标题:… / 标题：… — the site's own label of the page's heading, at its top or its foot.
_TITLE_LABEL = re.compile(r"(?:本文|文章)?标\s*题\s*[:：]\s*(?P<title>\S.{2,79})")


def page_title_label(p: Prepared) -> MetaValue | None:
    """The heading a page names under its title label, when the text shows none (rule "page_title_label")."""
    if not rules.on("page_title_label"):
        return None
    lines = list(p.lines)
    for line in lines[:30] + lines[-30:]:
        if (m := _TITLE_LABEL.fullmatch(compact(line.text))) and complete_title(title := m.group("title").strip()):
            return meta_value(p, title, 0.6, line.start, line.end)
    return None
