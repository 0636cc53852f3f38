"""Markup and page furniture a text copy keeps, blanked before its lines are read: HTML tags and blank-space
entities of a page's source read as text, a document-sharing copy's page counters and image captions. Each is
replaced by as many characters (a block tag by a line break), so offsets into the text stay true.
"""
from __future__ import annotations

import re

from dangan.read.understand import rules

# HTML kept in a text copy (<p style="…"> 山西省人民政府</p><p>…</p> on one line): a block tag ends
# a line, any other tag is blank; replaced by as many characters, so offsets stay (rule "html_tags").
_TAG = re.compile(r"</?(?P<name>p|br|div|span|strong|b|i|em|u|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|font|"
                  r"section|article|center|wbr|strike|a|img)\b[^<>]{0,300}?/?>", re.I)
_BLOCK_TAGS = {"p", "br", "div", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5",
               "h6", "section", "article", "center"}


def untag(work: str) -> str:
    if not rules.on("html_tags") or len(_TAG.findall(work[:20000])) < 3:
        return work

    def blank(m: re.Match[str]) -> str:
        n = len(m.group())
        return "\n" + " " * (n - 1) if m.group("name").lower() in _BLOCK_TAGS else " " * n

    return _TAG.sub(blank, work)


# HTML's blank-space entities kept in a text copy (　　后勤保障处&nbsp; / 　　2016年1月10日&nbsp;, a site's
# fragment read as text; 二○一二年十二月三十一日&nbsp;&nbsp; in a JSP page's source): a blank, never a
# word of a 署名 or a date; replaced by as many spaces, so offsets stay (rule "html_space_entities").
_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#12288|#x3000|#819[45]|#x200[23]);")


def unentity(work: str) -> str:
    if not rules.on("html_space_entities") or "&" not in work:
        return work
    return _SPACE_ENTITY.sub(lambda m: " " * len(m.group()), work)


# The page furniture of a document-sharing copy of a DOCX or PDF (rule "page_image_captions", round 9's
# doc_sharing_copy until the cross-family round split it off): a page counter run into the text (第1页共4页关于…的报告…)
# and the captions of its page images (2022年创建文明城市工作方案_第1页 … _第4页); blanked with as many spaces, so
# offsets stay.
_PAGE_COUNTER = re.compile(r"第\s*\d{1,4}\s*页\s*[/，,、]?\s*共\s*\d{1,4}\s*页|_第\s*\d{1,4}\s*页(?=[ \t\u3000]*$)", re.M)


def unpaged(work: str) -> str:
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group())

    if rules.on("page_image_captions") and "页" in work:
        work = _PAGE_COUNTER.sub(blank, work)
    return work
