"""Web pages saved from government sites: HTML and MHT (\"single file\" web archives).

trafilatura finds the main text and leaves out navigation, scripts, footers
and the 打印/关闭/字号 toolbars; the title comes from the page (its
<title>, `og:title` or <h1>, without the site name suffix). A page so short
that trafilatura keeps nothing falls back to the body text without scripts
and styles. MHT is a MIME multipart message: its first text/html part is the
page, decoded by its declared charset.

Two repairs around trafilatura (see main_text): a line break inside a paragraph's
source is white space, not a new line (a CMS wraps 候<newline><tabs>选人 in its
HTML; trafilatura's fallback extractors kept such breaks, cutting words and
headings in two); and the 署名 and 成文日期 that close a notice, when set in a
block of their own after the last paragraph (<div class="right_1">), are taken
back when the main-text finder left them out: the lines after its last line in
the page, short name lines ending at a line that is a date and nothing else.

The site's posting row (发布日期：…) the main-text finder leaves out with the article's attribute line is kept
as the `posted` hint: the page's 网页发布时间, never its 成文日期 (see posting_row).

A government site's article page carries the 内容页面标签 of the 政府网站网页设计规范 (政府网站发展指引, 国办发〔2017〕47号):
<meta name="ArticleTitle"> 具体内容信息的标题, "PubDate" 内容信息发布时间, "ContentSource" 文章的发布单位或转载来源 (beside the
网站标签 SiteName and the 栏目标签 ColumnName). trafilatura's metadata knows none of them: see article_meta. A heading (h1 to h3)
of the main text the finder left out is set back as a line of its own (see with_dropped_headings).
"""
from __future__ import annotations

import email
import email.policy
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import CorruptFile, MissingDependency
from dangan.model import Extracted, Page
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.html_meta import COLUMN_NAME, article_meta, meta_title
from dangan.read.extract.registry import register
from dangan.read.extract.text import decode_text
from dangan.read.understand import rules
from dangan.read.understand.publisher import LABELS as PUBLISHER_LABELS
from dangan.text.dates import parse_date

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_TOOLBAR = re.compile(r"^[【\[]?\s*(打印|关闭|打印本页|关闭窗口|字号|大|中|小|收藏|分享|返回顶部)[\s】\]：:]*$")


@register
class HtmlExtractor:
    name: ClassVar[str] = "html"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.HTML, detect.MHT})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        raw = path.read_bytes()
        if detect.detect_mime(path, raw[:8192]) == detect.MHT:
            page = page_from_mht(raw)
        else:
            page = decode_page(raw)
        title, text = main_text(page)
        lines = [line for line in text.splitlines() if not _TOOLBAR.match(line.strip())]
        text = "\n".join(lines).strip()
        if title and not text.startswith(title):
            text = f"{title}\n{text}"
        hints = {"title": title} if title else {}
        if (posted := posting_row(page, text) or meta_posted(page, text)) is not None:
            hints["posted"] = posted
        if (publisher := publishing_row(page, text)) is not None:
            hints["publisher"] = publisher
        return Extracted(pages=(Page(1, text),), extractor=self.name, page_count=1, hints=hints)


# A site's posting row (发布日期：2017-05-15 10:49:00), set in the article's attribute line the main-text finder leaves out.
_POSTED = re.compile(r"(?:发布日期|发布时间|发布于|发表时间|上传时间)\s*[:：]?\s*"
                     r"(?P<day>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")


def posting_row(page: str, text: str) -> str | None:
    """The day of the page's posting row when the main text left the row out: the 网页发布时间 the site states, kept as
    the `posted` hint, never a 成文日期 (rule "page_posting_row"). A row the text kept is the reader's to read; a page's
    PubDate meta tag is not taken (a CMS rewrites it when it regenerates the page: 万载's 2017 page says 2022)."""
    if not rules.on("page_posting_row") or _POSTED.search(text):
        return None
    for line in _page_rows(page):
        if m := _POSTED.search(line):
            return re.sub(r"\s+", "", m.group("day"))
    return None


@lru_cache(maxsize=1)
def _page_rows(page: str) -> tuple[str, ...]:
    """The whole page's visible text a line per block, server code left out: where posting_row and publishing_row look
    for the rows the main text left out. Parsed once per page (both ask for the same page, one after the other)."""
    tree = _tree(_SERVER_CODE.sub("", page))
    return tuple(_block_lines(tree)) if tree is not None else ()


# A record row naming the unit that published the document (【发布单位】中共中央 in a law library's page, 发布机构：X).
_PUBLISHER_LABEL = "(?:" + "|".join(PUBLISHER_LABELS) + ")"
_PUBLISHER_ROW = re.compile(rf"(?:[【\[]{_PUBLISHER_LABEL}[】\]]|{_PUBLISHER_LABEL}\s*[:：])\s*(?P<unit>[^\s【\[|]+)")


def publishing_row(page: str, text: str) -> str | None:
    """The unit a page's publishing-unit row names when the main text left the row out (中国法院网's library page:
    the record's first row, 【发布单位】中共中央, which the main-text finder left out), kept as
    the `publisher` hint for the reader's last resort (rule "publishing_unit_field"); a row naming the page's own site or
    column (its SiteName or ColumnName tag) is the site's, not a unit's."""
    if not rules.on("publishing_unit_field") or _PUBLISHER_ROW.search(text):
        return None
    rows = _page_rows(page)
    meta = article_meta(page) if rows else {}
    for line in rows:
        if (m := _PUBLISHER_ROW.search(line)) and m.group("unit") not in (meta.get("sitename"), meta.get("columnname")):
            return m.group("unit")
    return None


_PUBDATE = re.compile(r"(?P<day>\d{4}\s*[-/.年—]+\s*\d{1,2}\s*[-/.月—]+\s*\d{1,2})")


def meta_posted(page: str, text: str) -> str | None:
    """The day of the page's PubDate tag as its 网页发布时间, when the page shows no posting row (posting_row reads a row
    first): the specification's 内容信息发布时间, the day the page went up, never the 成文日期. A CMS may rewrite the tag
    when it regenerates the page (万载's 2017 page says 2022), so a row the page shows is the better reading
    (rule "page_article_meta")."""
    if not rules.on("page_article_meta") or _POSTED.search(text):
        return None
    pubdate = article_meta(page).get("pubdate", "")
    m = _PUBDATE.search(pubdate)
    if m is None:
        return None
    parsed = parse_date(re.sub(r"[-/.年月—]+", "-", re.sub(r"\s+", "", m.group("day"))))
    return parsed.isoformat() if parsed is not None else None


def decode_page(raw: bytes) -> str:
    """The page as text: its declared <meta charset> when that decodes, else our text detection."""
    declared = _CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "x-gbk") else name
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(raw)[0]


def page_from_mht(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)
                except (LookupError, UnicodeDecodeError):
                    pass
            return decode_page(payload)
    raise CorruptFile(detail="MHT 中没有网页正文部分")


# A server page's code (<%…%>, <?php…?>, <jsp:include…>) is no text of the page.
_SERVER_CODE = re.compile(r"<%.*?%>|<\?php.*?\?>|</?jsp:[^>]*>", re.IGNORECASE | re.DOTALL)


def main_text(page: str) -> tuple[str | None, str]:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependency(name="trafilatura") from exc
    page = _SERVER_CODE.sub("", page)
    tree = _tree(page)
    caption = None
    if tree is not None:
        _join_source_breaks(tree)
        caption = _caption_over_table(tree)
        page = _serialise(tree)
    text = trafilatura.extract(page, include_comments=False, include_tables=True,
                               favor_recall=True, deduplicate=False, output_format="txt") or ""
    meta = trafilatura.extract_metadata(page)
    title = (meta.title or "").strip() if meta is not None else ""
    if COLUMN_NAME.fullmatch(title):
        title = ""   # 通知公告: the site's column the page sits in, no document's title
    if (article := meta_title(article_meta(page))) is not None and not (title and article.startswith(title)):
        title = article   # the 内容页面标签's title over <title>/og:title/<h1> (kept where it only adds the site's name)
    if caption is not None and title and title not in text and text.lstrip().startswith(caption):
        title = caption   # 县级考核依据 (a panel's header the main text left out) over the table its caption names
    if not text.strip():
        text = "\n".join(_visible_lines(tree)) if tree is not None else ""
    elif tree is not None:
        text = with_dropped_headings(text, tree)
        text = with_closing_block(text, _block_lines(tree))
    return title or None, text


# A paragraph the page's source wraps mid-sentence, the next part indented as code is (…美德少年候<newline><tabs>选人申报表):
# the break between two Chinese characters, not after a sentence's or clause's end, followed by indentation. A break with
# no indentation after it is kept: a CMS that stores plain text in its page lays out its items a line each.
_WRAPPED = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff“”《》（）、，])[ \t\r\f\v]*\n(?:\t+|[ \u3000]{2,})[ \t\u3000]*"
                      r"(?=[\u3400-\u9fff\uf900-\ufaff“”《》（）])")
# …but a 署名 set deeper than the text, a name line alone over its date line, is no part of the sentence before it
# (…按照从严治校的工作要求<newline><tabs>校监察室<newline><tabs>2018年3月29日: validation_r28's party school page; rule
# "signer_line_unwrapped").
_NAME_OVER_DATE = re.compile(r"[\u3400-\u9fff（）()·]{2,30}[ \t\u3000]*\n[ \t\u3000]*"
                             r"(?:\d{4}|[〇○零OＯ一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                             r"\s*[\d一二三四五六七八九十]{1,3}\s*日[ \t\u3000]*(?:\n|$)")
_KEEP_WHITESPACE = {"pre", "textarea", "script", "style"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
           "ul", "ol", "dd", "dt", "center", "blockquote", "td", "th"}
# A name line of a 署名 block: an organ or a person, short, no sentence in it.
_NAME_LINE = re.compile(r"[\u4e00-\u9fff（）()、·\s]{2,40}")


def _caption_over_table(tree: Any) -> str | None:
    """A table's <caption> is its heading (HTML's own word for it): set as a paragraph before the table, not read
    as one of its cells (rule "table_caption"). Returns the first caption that opens the page's text, if any."""
    if not rules.on("table_caption"):
        return None
    first = None
    for cap in list(tree.iter("caption")):
        table = cap.getparent()
        words = " ".join(cap.text_content().split())
        if table is None or table.tag != "table" or table.getparent() is None or not words:
            continue
        para = cap.makeelement("p", {})
        para.text = words
        para.tail = "\n"
        table.addprevious(para)
        table.remove(cap)
        first = first or words
    return first


def _tree(page: str) -> Any | None:
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", page))
    except Exception:   # lxml ParserError on an empty or non-HTML document: trafilatura reads the page as it is
        return None


def _serialise(tree: Any) -> str:
    from lxml import html as lxml_html

    return str(lxml_html.tostring(tree, encoding="unicode"))


def _join_source_breaks(tree: Any) -> None:
    """A paragraph wrapped by the page's source is one line again (…候选人申报表 stays one word)."""
    def joined(s: str | None) -> str | None:
        if not s or "\n" not in s:
            return s
        if not rules.on("signer_line_unwrapped"):
            return _WRAPPED.sub("", s)
        return _WRAPPED.sub(lambda m: m.group() if _NAME_OVER_DATE.match(s, m.end()) else "", s)

    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if el.tag not in _KEEP_WHITESPACE:
            el.text = joined(el.text)
        if parent is None or parent.tag not in _KEEP_WHITESPACE:
            el.tail = joined(el.tail)


def _block_lines(tree: Any) -> list[str]:
    """The page's visible text a line per block (the tree is changed: read last)."""
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    return _visible_lines(tree)


def with_closing_block(text: str, page_lines: list[str], reach: int = 4) -> str:
    """The main text with the 署名 block that follows its last line on the page, when the finder left it out:
    up to `reach` name lines ending at a line that is a date alone (岳阳市第九中学 / 二〇一五年五月七日)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return text
    last = _squeezed(lines[-1])
    at = next((k for k in range(len(page_lines) - 1, -1, -1) if _squeezed(page_lines[k]) == last), None)
    if at is None:
        return text
    block: list[str] = []
    for line in page_lines[at + 1:at + 2 + reach]:
        if parse_date(line) is not None:
            return text.rstrip() + "\n" + "\n".join([*block, line]) if block or _dateless_end(lines) else text
        if not _NAME_LINE.fullmatch(line):
            return text
        block.append(line)
    return text


_HEADINGS = ("h1", "h2", "h3")
_UNSEEN = ("script", "style", "noscript", "title")


def with_dropped_headings(text: str, tree: Any) -> str:
    """The main text with each heading (<h1> to <h3>) the finder left out set back as a line of its own, before the line
    the page's next words after it open (rule "page_main_headings"). A heading whose next words open no line of the main
    text is the page's furniture (a sidebar's 通知公告 over its links) and stays out; so does a column word.
    validation_r42's PHP news page: no <title>, no <h1>, the notice's heading in an <h3> between the page's date and the
    content block, left out, and the 文号 under it read as the title."""
    if not rules.on("page_main_headings"):
        return text
    lines = text.splitlines()
    squeezed = [_squeezed(line) for line in lines]
    whole = "".join(squeezed)
    inserts: dict[int, list[str]] = {}
    for el in tree.iter(*_HEADINGS):
        words = " ".join(el.text_content().split())
        heading = _squeezed(words)
        if not heading or len(heading) > 200 or heading in whole or COLUMN_NAME.fullmatch(heading):
            continue
        after = _next_words(el)
        if len(after) < 2:
            continue
        at = next((k for k, line in enumerate(squeezed) if line and line.startswith(after[:30])), None)
        if at is not None:
            inserts.setdefault(at, []).append(words)
    if not inserts:
        return text
    out: list[str] = []
    for k, line in enumerate(lines):
        out.extend(inserts.get(k, []))
        out.append(line)
    return "\n".join(out)


def _next_words(el: Any) -> str:
    """The first words the page shows after an element (not inside it), squeezed; scripts, styles and comments skipped."""
    for node in el.xpath("following::text()"):
        owner = node.getparent()   # the element the text is in, or (a tail) the one it follows
        if node.is_text and (owner is None or not isinstance(owner.tag, str) or owner.tag in _UNSEEN):
            continue
        words = _squeezed(str(node))
        if words:
            return words
    return ""


def _dateless_end(lines: list[str]) -> bool:
    """The text ends at its body (特此通知。) with no date of its own under it: a lone date after it is its own."""
    return parse_date(lines[-1]) is None


def _squeezed(line: str) -> str:
    return re.sub(r"\s+", "", line)


def _visible_lines(tree: Any) -> list[str]:
    """The tree's text without scripts and styles, a stripped line per source line (the tree is changed)."""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return [line.strip() for line in tree.text_content().splitlines() if line.strip()]
