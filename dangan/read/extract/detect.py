"""File type by content (magic bytes), the file name only as a last hint.

Office containers are looked into: a ZIP is DOCX, XLSX, PPTX, ODF, OFD or a
plain archive by its members; an OLE2 file is Word, Excel or PowerPoint by its
streams (WPS Office writes the same streams into .wps/.et/.dps). So an .xlsx
renamed .doc, a .wps that is really a DOCX and an OFD named .zip each reach
the right reader.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
DOC = "application/msword"                       # also WPS Writer's .wps
XLS = "application/vnd.ms-excel"                 # also WPS Spreadsheets' .et
PPT = "application/vnd.ms-powerpoint"            # also WPS Presentation's .dps
ENCRYPTED_OFFICE = "application/x-encrypted-office"   # OOXML with a password (OLE EncryptedPackage)
BROKEN_PACKAGE = "application/x-broken-office-package"  # a ZIP named .docx/.xlsx/… holding no such document
RTF = "application/rtf"
OFD = "application/ofd"
HTML = "text/html"
MHT = "multipart/related"
CSV = "text/csv"
SEVEN_ZIP = "application/x-7z-compressed"
RAR = "application/vnd.rar"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
JPEG, PNG, TIFF = "image/jpeg", "image/png", "image/tiff"   # a phone's MPO is a JPEG (its first frame)
WEBP, AVIF, HEIC = "image/webp", "image/avif", "image/heic"   # chat and web downloads; an iPhone's photos
OLE = "application/x-ole-storage"       # an OLE2 file of no known office kind
ZIP = "application/zip"
UNKNOWN = "application/octet-stream"

ARCHIVES = frozenset({ZIP, SEVEN_ZIP, RAR})

_MAGIC = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"7z\xbc\xaf\x27\x1c", SEVEN_ZIP),
    (b"Rar!\x1a\x07", RAR),
)
# ISO base media (HEIF) images: an `ftyp` box whose major or compatible brands name the coding.
# AVIF is checked first: an AVIF file lists mif1 too, and so does an iPhone's HEIC.
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ODF = {"application/vnd.oasis.opendocument.text": ODT,
        "application/vnd.oasis.opendocument.spreadsheet": ODS,
        "application/vnd.oasis.opendocument.presentation": ODP}
_PACKAGE_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".ofd", ".docm", ".xlsm"})
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
# A page's server-side source (JSP, ASP, PHP) opens with its directives before the markup, which may be a fragment
# (<link>, <style>, <div>…) the template includes into a page: still a web page, not text.
_SERVER_DIRECTIVES = re.compile(rb"^\s*(?:(?:<%.*?%>|<\?php.*?\?>|</?jsp:[^>]*>)\s*)+", re.IGNORECASE | re.DOTALL)
_FRAGMENT_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:link|style|script|div|table|form|p|span|center)\b",
                             re.IGNORECASE | re.DOTALL)
_MHT_HEADER = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


# What a file's suffix promises, for the reason of a file whose bytes keep no such promise.
_CLAIMED = {
    **dict.fromkeys((".docx", ".doc", ".wps", ".docm", ".rtf", ".odt"), "Word/WPS 文档"),
    **dict.fromkeys((".xlsx", ".xls", ".et", ".xlsm", ".ods"), "电子表格"),
    **dict.fromkeys((".pptx", ".ppt", ".dps", ".odp"), "演示文稿"),
    ".pdf": "PDF 文件", ".ofd": "OFD 文件",
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".avif", ".heic", ".heif", ".mpo"), "图片"),
    **dict.fromkeys((".zip", ".7z", ".rar"), "压缩包"),
    **dict.fromkeys((".txt", ".md", ".markdown", ".csv", ".tsv"), "文本文件"),
    **dict.fromkeys((".html", ".htm", ".mht", ".mhtml"), "网页"),
}


def claimed_kind(path: Path) -> str | None:
    """The kind of file a supported suffix names (乱码.docx → Word/WPS 文档), else None."""
    return _CLAIMED.get(path.suffix.lower())


def detect_mime(path: Path, head: bytes | None = None) -> str:
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(8192)
    if head.startswith(b"%PDF-"):
        return PDF
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and (image := _heif_kind(head)):
        return image
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    # a PDF behind a few stray bytes (a mail or web header), as PDF readers accept it; only after the
    # signatures at the very start: a ZIP of a short notice and a PDF holds %PDF- within its first 1024 bytes
    if b"%PDF-" in head[:1024]:
        return PDF
    return _text_kind(path, head)


def _heif_kind(head: bytes) -> str | None:
    """AVIF or HEIC by the brands of the leading `ftyp` box (an MP4 video has other brands: None)."""
    size = int.from_bytes(head[:4], "big")
    if not 16 <= size <= min(len(head), 512):
        return None
    brands = {head[8:12], *(head[i:i + 4] for i in range(16, size - 3, 4))}
    if brands & _AVIF_BRANDS:
        return AVIF
    return HEIC if brands & _HEIF_BRANDS else None


def _text_kind(path: Path, head: bytes) -> str:
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if body.lstrip()[:5] == b"{\\rtf":
        return RTF
    if not (head.startswith(_TEXT_BOMS) or _looks_like_text(head)):
        return TEXT if bomless_utf16(head) else UNKNOWN
    if _MHT_HEADER.search(body[:4096]) and b"\n\n" in body.replace(b"\r\n", b"\n"):
        return MHT
    if _HTML_START.match(body) or (b"<html" in body[:2048].lower() and b"<" == body.lstrip()[:1]):
        return HTML
    if (directives := _SERVER_DIRECTIVES.match(body)) and (
            _HTML_START.match(rest := body[directives.end():]) or _FRAGMENT_START.match(rest)):
        return HTML
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return CSV
    return MARKDOWN if suffix in (".md", ".markdown") else TEXT


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:80].decode("ascii", "replace").strip() \
                if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        return ZIP
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if "ppt/presentation.xml" in names:
        return PPTX
    if mimetype in _ODF:
        return _ODF[mimetype]
    if "OFD.xml" in names:
        return OFD
    if path.suffix.lower() in _PACKAGE_SUFFIXES:   # a damaged document, not a batch to unpack
        return BROKEN_PACKAGE
    return ZIP


def _ole_kind(path: Path) -> str:
    try:
        import olefile

        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
    except Exception:   # a damaged OLE header: the office reader will say what is wrong
        return OLE
    if "EncryptedPackage" in streams:
        return ENCRYPTED_OFFICE
    if "WordDocument" in streams:
        return DOC
    if "Workbook" in streams or "Book" in streams:
        return XLS
    if "PowerPoint Document" in streams:
        return PPT
    return OLE


def bomless_utf16(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 saved without its BOM (some exports write none):
    NUL bytes nearly all in one half of the byte pairs (the high byte of ASCII letters, digits
    and line breaks), decoding strictly to text with few controls that reads as Chinese."""
    even = raw[:len(raw) // 2 * 2]
    if len(even) < 8 or b"\x00" not in even:
        return None
    high_odd, high_even = even[1::2].count(0), even[0::2].count(0)
    encoding = "utf-16-le" if high_odd > high_even else "utf-16-be"
    if min(high_odd, high_even) * 3 > max(high_odd, high_even):   # 一 (U+4E00) puts a NUL in the other half
        return None
    try:
        text = even.decode(encoding)
    except UnicodeDecodeError as exc:   # a head cut inside a surrogate pair is still text
        if exc.start < len(even) - 2:
            return None
        text = even[:exc.start].decode(encoding)
    if not text or sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f") > len(text) // 200:
        return None
    from dangan.read.extract.text import plausibility

    return encoding if plausibility(text) >= 0.8 else None


def _looks_like_text(head: bytes) -> bool:
    """Text in any of our encodings has no NUL bytes (UTF-16 is caught by its BOM)
    and few C0 controls; binary noise has many."""
    if not head or b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls <= len(head) // 200
