"""Plain text and Markdown in any Chinese encoding.

Order (see docs/architecture.md, "Text encodings"): BOM, strict UTF-8, then the CJK legacy encodings decoded
strictly and judged by how plausible the result is. Why not charset-normalizer
alone: Big5 bytes decode as GB18030 without error into garbage, and on short
texts it picks cp949 for GBK; a frequency check on the decoded characters
settles both. charset-normalizer stays as the last resort for non-CJK text.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import ClassVar

from dangan.errors import UndecodableText
from dangan.model import Extracted, Page
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import register

CANDIDATES = ("gb18030", "big5hkscs")


@register
class TextExtractor:
    name: ClassVar[str] = "text"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.TEXT})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        raw = path.read_bytes()
        text, encoding = decode_text(raw)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if path.suffix.lower() in (".json", ".jsonl", ".ndjson") and text.lstrip()[:1] in ("{", "["):
            from dangan.read.extract import records  # records uses this module's page estimate

            if record := records.json_document(text, f"{self.name}:{encoding}"):
                return record      # one JSON record holding a document: read the document
        hints: dict[str, str] = {}
        if path.suffix.lower() == ".typ":
            from dangan.read.extract import typst
            from dangan.read.understand import rules

            if rules.on("typst_markup"):
                text, hints = typst.typst_text(text)   # a Typst source: its words, not its markup
                if (title := hints.get("title")) and not text.startswith(title):
                    text = f"{title}\n{text}"   # its set-apart line over the text, as a page's title is
        return Extracted(pages=(Page(1, text),), extractor=f"{self.name}:{encoding}",
                         page_count=page_estimate(text), page_count_estimated=True, hints=hints)


# GB/T 9704 type area: 22 lines of 28 characters on an A4 page.
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28


def page_estimate(text: str) -> int:
    """Pages the text would fill set as an official document (each paragraph starts a line)."""
    lines = 0
    for para in text.split("\n"):
        width = sum(1 if ord(c) > 0xFF else 0.5 for c in para.strip())
        if width:
            lines += -(-int(width + 0.999) // CHARS_PER_LINE)
    return max(1, -(-lines // LINES_PER_PAGE))


def decode_text(raw: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding it was read in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in raw[:8192] and (bare := detect.bomless_utf16(raw[:8192])):
        return raw.decode(bare, errors="replace"), bare
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A few stray bytes in otherwise valid UTF-8 (web copies): keep UTF-8.
        if _mostly_utf8(raw, exc):
            return raw.decode("utf-8", errors="replace"), "utf-8"
    scored = []
    for encoding in CANDIDATES:
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(decoded), encoding, decoded))
    if scored:
        best = max(scored)
        if best[0] > 0.5:
            return best[2], best[1]
    return _fallback(raw)


def _mostly_utf8(raw: bytes, exc: UnicodeDecodeError) -> bool:
    bad = raw.decode("utf-8", errors="replace").count("\ufffd")
    return bad <= max(3, len(raw) // 2000)


def plausibility(text: str) -> float:
    """Share of non-ASCII characters that are common Chinese characters or punctuation."""
    common = _common_chars()
    wide = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not wide:
        return 1.0
    return sum(c in common for c in wide) / len(wide)


@functools.cache
def _common_chars() -> frozenset[str]:
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):            # GB2312 level 1: the 3,755 commonest hanzi
        for trail in range(0xA1, 0xFF):
            chars.update(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    for lead in range(0xA4, 0xC7):            # Big5 level 1: 5,401 common traditional hanzi
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            chars.update(bytes((lead, trail)).decode("big5", errors="ignore"))
    for lead in (0xA1, 0xA3):                  # GB2312 punctuation and full-width forms
        for trail in range(0xA1, 0xFF):
            chars.update(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):  # Big5 punctuation row
        chars.update(bytes((0xA1, trail)).decode("big5", errors="ignore"))
    chars.update("〇○—…“”‘’、。，；：？！（）《》〔〕【】·")
    return frozenset(chars)


def _fallback(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise UndecodableText()
    text = str(best)
    if plausibility(text) < 0.3 and sum(ord(c) > 0x7F for c in text) > len(text) // 10:
        raise UndecodableText()
    return text, best.encoding
