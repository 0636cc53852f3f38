"""A site's own names for its copy of a document, read apart from the document's heading (round 17).

Document-sharing and model-text sites name their copy of a document by its heading with their own
word for the copy after it (…讲话全文.docx, …工作总结三篇, …工作汇报篇1, …汇报范文) and set that name over
the document's own heading (`own_heading`, rule "site_copy_names"); a page's own words before the
heading (its navigation, a name in Latin letters, a 【】 tag) are no part of it ("site_words_over_heading");
a model-text page's own name for a document it quotes gives way to the document's heading a few lines
below, past the page's stamp row, with the 发文字号 under it (`heading_below_page`, `number_under_title`,
"model_text_heading").
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_copies import FILE_LINE, file_line
from dangan.read.understand.gongwen_elements import ORG, complete_title, doc_type_of_title, meta_value, number_text
from dangan.read.understand.gongwen_lines import (
    SALUTE_OPEN,
    doc_number_match,
    heading_text,
    is_recipients,
    is_title_like,
    number_beside_date,
)
from dangan.read.understand.gongwen_text import Line, Prepared, compact
from dangan.read.understand.gongwen_title import ADDRESSEE, RUN_ON, TOP_LINES, opens_form, plausible, title_run

# The word a site sets after its copy's name (rule "site_copy_names"): …工作汇报篇1, …情况汇报范文, …讲话全文.docx,
# …工作总结三篇, …工作汇报精选五篇, …请示格式范文(通用4篇)
_COPY_WORD = re.compile(r"(?P<base>.{4,}?)\s*(?:全文|范文(?:大全)?|(?:精选|通用)?[一二三四五六七八九十\d]{1,3}篇|篇\s*\d{1,3}"
                        r"|[（(](?:精选|通用)?[一二三四五六七八九十\d]{1,3}篇[)）])(?:\.(?:docx?|pdf|wps|txt))?")


# …or its bare number for the piece, the heading set above without it (致集鎮居民的公開信 / 致集鎮居民的公開信1) (rule
# "site_copy_names", widened in the cross-family round)
_PIECE_NUMBER = re.compile(r"(?P<base>.{4,}?[\u4e00-\u9fff》”)）])(?P<n>\d{1,2})")


# A line of a page's own words over a heading (rule "site_words_over_heading"): its navigation (网站导航, 正文) or
# a site's or app's name in Latin letters (静网PWA视频评论)
_NAV_WORDS = re.compile(r"网站导航|导航|正文|首页|返回首页|当前位置|所在位置")
# …or a site's tag of its audience or column set in 【】 at the heading's front (【面向社会】关于…的通知), in square
# brackets (a model-text site's words for the page: [县长在县委书记]县长在…会议上的讲话) or in round ones (a policy
# column's category: (其他)苏南现代化建设示范区规划); never a list's number ((一), (十二))
_FRONT_TAG = re.compile(r"【[^【】\d]{2,8}】|\[[^\[\]\d]{2,8}\]|［[^［］\d]{2,8}］"
                        r"|[(（](?![一二三四五六七八九十百]+[)）])[^()（）\d]{2,8}[)）]")


# …or a line of marks with no word at all, the end of a page's outline of the sections (目錄/提綱:…… / … / ……) over
# the heading (widened in the cross-family round)
_MARKS_ONLY = re.compile(r"[.…。·•\-—_*~～]{2,}")


def _site_words(s: str) -> bool:
    latin = [w for w in re.findall(r"[A-Za-z]{2,}", s) if w.lower().strip("x")]   # XX区: a placeholder, no name
    return bool(_NAV_WORDS.fullmatch(s) or _MARKS_ONLY.fullmatch(s)) or (
        len(s) <= 16 and bool(latin) and "关于" not in s and not re.search(r"[《》“”]", s))


# A row of a page's short words set apart by spaces over the heading: a portal's menu (政府机构 信息公开 办事服务 …),
# a site's name and its section (全球旧事资料 分类) (rule "spaced_word_row"); not organ names side by side, nor a
# heading's own words (关于…, …的讲话). A row of six words or more is a menu whatever its words name (an essay site's
# sections 网站首页 个人文档 个人总结 工作总结 述职报告 … 公文 论文: kinds of writing, no heading's words).
def _spaced_row(text: str) -> bool:
    words = text.split()
    if len(words) < 2 or not all(re.fullmatch(r"[\u4e00-\u9fff]{2,8}", w) for w in words):
        return False
    organs = sum(1 for w in words if ORG.fullmatch(w))
    menu = len(words) >= _MENU_WORDS
    return 2 * organs < len(words) and (menu or not any("关于" in w or doc_type_of_title(w) for w in words))


_MENU_WORDS = 6


# A site's word for a copy in full set after its name for it: …工作方案【完整版】 (rule "copy_name_line").
_FULL_COPY = re.compile(r"(?P<base>.{4,}?)\s*[【\[（(](?:完整版|全文版|最新版)[】\]）)]")


def _copy_name(s: str) -> bool:
    """A site's name for its copy of a document with its word for a copy in full after it (rule "copy_name_line");
    its other words for a copy (全文, 三篇, 篇1) are read by "site_copy_names"."""
    m = _FULL_COPY.fullmatch(s)
    return m is not None and complete_title(m.group("base"))


def _heading_alone(s: str) -> bool:
    return len(s) >= 6 and plausible(s) and complete_title(s)


def _names_over_heading(texts: list[str]) -> bool:
    """Lines joined into a title that are a site's names for its copy over a whole heading (rule "copy_name_line")."""
    return (rules.on("copy_name_line") and len(texts) > 1 and all(_copy_name(x) for x in texts[:-1])
            and _heading_alone(texts[-1]))


# The site's number of the first piece of a collection set before the piece's name: 篇一:2022年…工作要点 /
# 第一篇:… (rule "collection_lead_piece").
_LEAD_PIECE = re.compile(r"(?:篇\s*[一1]|第\s*[一1]\s*篇)\s*[:：]\s*(?P<h>.{4,})")


def _copy_base(s: str) -> str | None:
    """The heading inside a site's name for its copy of the document, or None."""
    m = _COPY_WORD.fullmatch(s)
    return m.group("base") if m is not None and complete_title(m.group("base")) else None


# …or the year a site sets before its page's name for the copy, the document's own heading under it
# (2022年创建全国文明城市工作开展情况汇报 / 创建全国文明城市工作开展情况汇报) (rule "site_copy_year").
_COPY_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?(?:最新的?)?")


# A site's name for a collection of pieces, marked by their count (…总结【精彩多篇】, …汇报精选五篇, …(通用4篇)),
# and the first piece's heading under it with the site's number after it (…自查报告 篇一, …例文【第一篇】)
# (rule "collection_first_piece").
_COUNT = r"(?:精彩|精选|通用)?(?:多|[一二三四五六七八九十\d]{1,3})篇"
_COLLECTION = re.compile(rf".{{4,}}?(?:【{_COUNT}】|{_COUNT}|[（(]{_COUNT}[)）])")
_FIRST_PIECE = re.compile(r"(?P<h>.{4,}?)\s*(?:篇\s*[一1]|【第一篇】|[（(]第一篇[)）])")
# …widened in cross-family round 4 by form: a count of pieces in brackets whatever word the site sets before it
# (小學…工作總結(優質15篇), …(热门8篇)), and the first piece numbered by a bare 1 after its heading when the collection's
# name holds that heading (2021年文明創建工作總結(通用6篇) / 文明創建工作總結1; 文明城市倡议书15篇 / 文明城市倡议书1).
_ANY_COUNT = re.compile(r".{4,}?[（(【][\u4e00-\u9fff]{0,2}(?:多|[一二三四五六七八九十\d]{1,3})篇[)）】]")
_FIRST_BY_ONE = re.compile(r"(?P<h>.{4,}?[\u4e00-\u9fff》”)）])1")


def _collection(s: str) -> bool:
    return bool(_COLLECTION.fullmatch(s) or (rules.on("collection_counts") and _ANY_COUNT.fullmatch(s)))


def _first_piece(s: str, collection: str) -> str | None:
    """The first piece's heading under a collection's name, without the site's number for it."""
    if piece := _FIRST_PIECE.fullmatch(s):
        return piece.group("h")
    if rules.on("collection_counts") and (one := _FIRST_BY_ONE.fullmatch(s)) and one.group("h") in collection:
        return one.group("h")
    return None


# A 信息公开 row's label of the document's name set before it on its line, apart by spaces or a colon
# (标  题 关于…的紧急通知 / 名    称:蔚县…的通知) (rule "row_label_over_heading").
_ROW_LABEL = re.compile(r"^(?:标\s*题|名\s*称|文件名称|文件标题|信息名称)(?:\s*[:：]\s*|\s+)(?=\S)")
# …and any page's short label of what follows, set apart from the heading by a run of spaces as a field's cell is
# (问题                ××省人民政府关于…的决定: an exam site's label of the question whose text opens with the heading);
# a word that names an organ (国务院   关于…) is the title's own (rule "row_label_over_heading", widened in the
# cross-family round)
_GAP_LABEL = re.compile(r"^(?P<word>[\u4e00-\u9fff]{2,4})(?:[ \t]{3,}|\u3000{2,})(?=\S)")


def _page_label(text: str) -> re.Match[str] | None:
    """A short word set before the heading by a run of spaces, no organ's name (问题   ××省人民政府关于…)."""
    m = _GAP_LABEL.match(text)
    return m if m is not None and ORG.fullmatch(m.group("word")) is None else None


def _own_below_file_name(p: Prepared, lines: list[Line], value: str, b: int) -> tuple[str, int, int] | None:
    """A document-sharing page names its copy by the file's name (…主题活动方案.doc) and sets that name again
    over the document, whose own heading, run into its 主送 on the next line, may differ from it by a word
    (文明办“文明祭 绿色清明”… over 文明办“文明祭祀 绿色清明”…方案 各乡镇…:): the document's own heading is the
    title (rule "site_copy_names", widened in the cross-family round)."""
    names = {compact(stem) for ln in p.lines[:6] if (stem := file_line(compact(ln.text)))}
    if value not in names or b + 1 >= len(lines):
        return None
    below = lines[b + 1]
    m = RUN_ON.match(compact(below.text))
    if m is None or (own := m.group("title")) == value or not plausible(own):
        return None
    colon = re.search(r"[:：]", m.group("rest")[:40])
    if colon is None or not is_recipients(m.group("rest")[:colon.end()]):
        return None
    start = below.start + below.text.find(own[:2])
    return own, start, start + len(own)


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
    lines = [ln for ln in p.lines if not ln.noise][:TOP_LINES]
    value = compact(title.value)
    if (run := title_run(lines, value)) is None:
        return title
    a, b = run
    if rules.on("row_label_over_heading") and (label := _ROW_LABEL.match(lines[a].text.strip())
                                               or _page_label(lines[a].text.strip())):
        rest = value[len(compact(label.group())):].strip()
        if plausible(rest) and (opens_form(rest) or "关于" in rest[:30]):   # 标  题 关于…的紧急通知: the page's label
            start = lines[a].start + lines[a].text.find(label.group()) + label.end()
            return meta_value(p, rest, title.confidence, start, lines[b].end)
    if (rules.on("site_copy_names") and a == b and (n := _PIECE_NUMBER.fullmatch(value))
            and any(heading_text(ln) == n.group("base") or (rules.on("collection_counts") and _collection(heading_text(ln))
                                                            and n.group("base") in heading_text(ln))
                    for ln in p.lines if ln.end <= lines[a].start)):
        # 致集鎮居民的公開信 (twice) / 致集鎮居民的公開信1: the site's number for its piece after the heading set above
        return meta_value(p, n.group("base"), title.confidence, lines[a].start, lines[a].end - len(n.group("n")))
    if rules.on("site_copy_names") and (below := _own_below_file_name(p, lines, value, b)) is not None:
        return meta_value(p, below[0], title.confidence, below[1], below[2])
    texts = [heading_text(ln) for ln in lines[a:b + 1]]
    copies = [j for j in range(1, len(texts)) if rules.on("site_copy_names")
              and len(texts[j]) >= 6 and any(texts[j] in texts[i] for i in range(j))]
    if copies:
        j = copies[-1]
        if not _names_over_heading(texts[j:]):
            return meta_value(p, "".join(texts[j:]), title.confidence, lines[a + j].start, lines[b].end)
        texts = texts[j:]   # …方案【完整版】 twice over 2020年度…方案: the names are the site's, as below
    if (rules.on("site_words_over_heading") and len(texts) > 1 and all(_site_words(x) for x in texts[:-1])
            and len(texts[-1]) >= 6 and plausible(texts[-1])):
        return meta_value(p, texts[-1], title.confidence, lines[b].start, lines[b].end)
    if ((rules.on("spaced_word_row") and len(texts) > 1 and all(_spaced_row(ln.text) for ln in lines[a:b])
         and _heading_alone(texts[-1])) or _names_over_heading(texts)):
        # 全球旧事资料 分类 / 在珠海市…大会上的讲话; …工作方案【完整版】 / 2020年度…工作方案
        return meta_value(p, texts[-1], title.confidence, lines[b].start, lines[b].end)
    if (rules.on("site_words_over_heading") and (tag := _FRONT_TAG.match(value))
            and plausible(rest := value[tag.end():]) and (opens_form(rest) or complete_title(rest))):
        # 【面向社会】关于…的通知; [县长在县委书记]县长在…会议上的讲话: a heading that opens or closes as one does
        start = lines[a].start + lines[a].text.find(tag.group()[-1]) + 1
        return meta_value(p, rest, title.confidence, start, lines[b].end)
    if rules.on("collection_first_piece") and _collection(value):
        under = lines[b + 1:b + 8]
        for k, line in enumerate(under):   # 一季度…總結【精彩多篇】 / 創建文明城市工作自查報告 篇一
            if (first := _first_piece(heading_text(line), value)) and complete_title(first):
                return meta_value(p, first, title.confidence, line.start, line.end)
            if rules.on("collection_lead_piece") and (lead := _LEAD_PIECE.fullmatch(heading_text(line))):
                # …工作要点7篇 / 篇一:2022年精神文明建设工作要点 / 2022 年精神文明工作要点: the piece's own heading
                own = under[k + 1] if k + 1 < len(under) else None
                if own is not None and complete_title(h := heading_text(own)) and plausible(h):
                    return meta_value(p, h, title.confidence, own.start, own.end)
                if complete_title(h := lead.group("h")):
                    return meta_value(p, h, title.confidence, line.start, line.end)
    base = _copy_base(value) if rules.on("site_copy_names") else None
    year = _COPY_YEAR.match(value) if rules.on("site_copy_year") else None
    if base is None and year is None:
        return title
    for line in lines[b + 1:b + 5]:
        s, number = heading_text(line), 0
        if rules.on("collection_counts") and (one := _FIRST_BY_ONE.fullmatch(s)) and one.group("h") in value:
            s, number = one.group("h"), 1   # 2020年最美志愿者策劃方案 / … / 最美志愿者策劃方案1: the site's number for its piece
        if (s != value and len(s) >= 6 and s in value and complete_title(s)
                and (base is not None or (year is not None and s == value[year.end():]))):
            return meta_value(p, s, title.confidence, line.start, line.end - number)
    if base is None:
        return title   # 2023年度法治政府建设情况报告 with no heading under it: the year is the heading's own
    start = lines[a].start
    return meta_value(p, base, title.confidence, start, start + len(base))


# …a name that can stand as a heading: no sentence's or field's mark in it, the page itself showing it a line alone
_NAME_ALONE = re.compile(r"[^。；;！!？?：:\s]{4,80}")


def heading_under_file_name(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """A document-sharing page names its copy by the file's name (中国银行营业网点服务规范.docx, 园林局城市绿化讲话全文.docx)
    at its top and again among its upload rows, page previews and blurbs, and sets the document's own heading lower
    down, a line of its own: a title read from lines that hold the file's name gives way to that line, the name
    without its extension and without the site's word for a copy (全文) (rule "file_name_over_heading": validation_r42's
    冰点文库 page, validation_r12's 冰豆网 page and scanned_or_docx_like's 文库 copies, whose file-name lines were read
    for the title on their untouched runs)."""
    if title is None or title.span is None or not rules.on("file_name_over_heading"):
        return title
    run = [ln for ln in p.lines if ln.end > title.span[0] and ln.start < title.span[1]]
    stem = next((compact(m.group("stem")) for ln in run if (m := FILE_LINE.fullmatch(compact(ln.text)))), None)
    if stem is None:
        return title
    names = [n for n in (_copy_base(stem), stem) if n and _NAME_ALONE.fullmatch(n)]
    lines = [ln for ln in p.lines if not ln.noise and ln.start >= run[0].start][:TOP_LINES]
    for name in names:
        if (own := next((ln for ln in lines if heading_text(ln) == name), None)) is not None:
            start = own.start + own.text.find(name[:2])
            return meta_value(p, name, title.confidence, start, start + len(name))
    return title


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
    clean = [ln for ln in every if not ln.noise][:TOP_LINES]
    if opens_form(value) or (run := title_run(clean, value)) is None:
        return title
    after = [ln for ln in every if ln.start > clean[run[1]].start]
    stamped = False
    for k, line in enumerate(after[:10]):
        s = heading_text(line)
        if _STAMP_ROW.match(s) and len(s) <= 40:
            stamped = True
            continue
        if not stamped or line.noise or k + 1 >= len(after) or s == value or not plausible(s):
            continue
        nxt = compact(after[k + 1].text)
        opens = (is_recipients(nxt) or bool(SALUTE_OPEN.match(nxt)) or doc_number_match(after[k + 1].text) is not None
                 or (len(nxt) <= 31 and ADDRESSEE.fullmatch(nxt) is not None))   # 尊敬的领导:
        if (opens and opens_form(s)) or _FIELD_LINE.match(nxt):
            return meta_value(p, s, title.confidence, line.start, line.end)
    return title


def number_under_title(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """The 发文字号 set on the line right under the document's heading, where a quoted document carries it
    below a page's own header (国函〔2009〕2 号 under 国务院关于…的批复) (rule "model_text_heading")."""
    if title is None or not rules.on("model_text_heading"):
        return None
    lines = [ln for ln in p.lines if not ln.noise][:TOP_LINES]
    value = compact(title.value)
    for k, line in enumerate(lines[:-1]):
        if heading_text(line) == value and (m := doc_number_match(lines[k + 1].text)
                                             or number_beside_date(lines[k + 1].text)):
            return meta_value(p, number_text(m), 0.85, lines[k + 1].start, lines[k + 1].end)
    return None


# A model-text site's counter of the first piece, set on the piece's heading line before it (第1篇 2023年…工作总结) or
# after it (…工作总结【篇1】, …承诺书篇一): the site's count, no word of the heading (rule "piece_counter").
_COUNTER_BEFORE = re.compile(r"第\s*[1一]\s*篇\s*[:：]?\s*(?P<h>\S.{3,})")
_COUNTER_AFTER = re.compile(r"(?P<h>.{4,}?)\s*(?:【\s*(?:第\s*[1一]\s*篇|篇\s*[1一])\s*】|[（(]\s*(?:第\s*[1一]\s*篇|篇\s*[1一])\s*[)）]"
                            r"|篇\s*[1一])")


def without_piece_counter(title: MetaValue | None) -> MetaValue | None:
    """街道创建文明城市工作总结【篇1】 → 街道创建文明城市工作总结: a heading read with the site's counter of its
    first piece on the same line loses the counter (rule "piece_counter"); the rest must still read as a heading."""
    if title is None or not rules.on("piece_counter"):
        return title
    m = _COUNTER_BEFORE.fullmatch(title.value.strip()) or _COUNTER_AFTER.fullmatch(title.value.strip())
    if m is None or not is_title_like(heading := m.group("h").strip()) or not _HEADING_END.search(heading):
        return title
    return MetaValue(heading, title.confidence, title.span)


_HEADING_END = re.compile(r"[\u4e00-\u9fff》”）)]$")

