"""Web pages saved from government sites: HTML and MHT (\"single file\" web archives).

trafilatura finds the main text and leaves out navigation, scripts, footers
and the 打印/关闭/字号 toolbars; the title comes from the page (its
<title>, `og:title` or <h1>, without the site name suffix). A page so short
that trafilatura keeps nothing falls back to the body text without scripts
and styles. MHT is a MIME multipart message: its first text/html part is the
page, decoded by its declared charset.
"""
from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import CorruptFile, MissingDependency
from dangan.model import Extracted, Page
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import register
from dangan.read.extract.text import decode_text

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
        return Extracted(pages=(Page(1, text),), extractor=self.name, page_count=1,
                         hints={"title": title} if title else {})


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


def main_text(page: str) -> tuple[str | None, str]:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependency(name="trafilatura") from exc
    text = trafilatura.extract(page, include_comments=False, include_tables=True,
                               favor_recall=True, deduplicate=False, output_format="txt") or ""
    meta = trafilatura.extract_metadata(page)
    title = (meta.title or "").strip() if meta is not None else ""
    if not text.strip():
        text = _body_text(page)
    return title or None, text


def _body_text(page: str) -> str:
    from lxml import html as lxml_html

    try:
        tree: Any = lxml_html.fromstring(page)
    except Exception:   # lxml ParserError on an empty or non-HTML document
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())
