"""A government site's 内容页面标签 (政府网站网页设计规范): the page's own tags naming its article's title, its
posting time and source, its site and its column, read from <head> (see article_meta); the title they give
(meta_title). dangan/read/extract/html reads them beside the main text."""
from __future__ import annotations

import re

from dangan.read.understand import rules

__all__ = ["COLUMN_NAME", "article_meta", "meta_title"]

# A column's name (通知公告, 政务公开·通知): the site's column a page sits in, no document's title.
COLUMN_NAME = re.compile(r"(?:通知|公告|通告|公示|通报|新闻|动态|要闻|详情|正文|文章|信息|内容|政务公开|[、·|\s])+")


# The 内容页面标签 and the tags naming the site and column, as the 政府网站网页设计规范 sets them in <head> (the names
# as the specification spells them; sites vary the case).
_META = re.compile(r"""<meta\b[^>]*?\bname\s*=\s*["']?(ArticleTitle|PubDate|ContentSource|ColumnName|SiteName)\b["']?"""
                   r"""[^>]*?\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_META_REVERSED = re.compile(r"""<meta\b[^>]*?\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*?"""
                            r"""\bname\s*=\s*["']?(ArticleTitle|PubDate|ContentSource|ColumnName|SiteName)\b""",
                            re.IGNORECASE)


def article_meta(page: str) -> dict[str, str]:
    """The page's 网站/栏目/内容页面标签 by name (ArticleTitle, PubDate, ContentSource, ColumnName, SiteName), each with
    its content unescaped and its white space squeezed; a tag left empty is left out.

    What each means, per the 政府网站网页设计规范 of the 政府网站发展指引 (国办发〔2017〕47号; read in its reproduction at
    blog.csdn.net/weixin_42023088/article/details/133034899, 内容页面标签): ArticleTitle 必选, 具体内容信息的标题;
    PubDate 必选, 内容信息发布时间 (YYYY-MM-DD HH:MM); ContentSource 必选, 文章的发布单位或转载来源 (its example: 中国政府网).
    ContentSource names who published the page or where it was copied from, a site as often as an organ, and never says
    who issued the document: it is not read for 发文机关."""
    import html as html_entities

    found: dict[str, str] = {}
    head = page[:200_000]
    for m in _META.finditer(head):
        found.setdefault(m.group(1).lower(), m.group(2) if m.group(2) is not None else m.group(3) or "")
    for m in _META_REVERSED.finditer(head):
        found.setdefault(m.group(3).lower(), m.group(1) if m.group(1) is not None else m.group(2) or "")
    out = {}
    for name, value in found.items():
        words = " ".join(html_entities.unescape(value).split())
        if words:
            out[name] = words
    return out


def meta_title(meta: dict[str, str]) -> str | None:
    """The page's ArticleTitle when it is a document's title: not the site's or the column's name (a CMS that fills
    the tag from the column page), not a column word (通知公告) (rule "page_article_meta")."""
    if not rules.on("page_article_meta"):
        return None
    title = meta.get("articletitle", "")
    if not title or len(title) > 200 or COLUMN_NAME.fullmatch(title):
        return None
    if title in (meta.get("sitename"), meta.get("columnname")):
        return None
    return title
