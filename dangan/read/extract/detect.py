"""File type by content (magic bytes), the file name only as a last hint."""
from __future__ import annotations

import zipfile
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
JPEG, PNG, TIFF = "image/jpeg", "image/png", "image/tiff"
OLE = "application/x-ole-storage"       # .doc/.xls/.wps of old
ZIP = "application/zip"
UNKNOWN = "application/octet-stream"

_MAGIC = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def detect_mime(path: Path, head: bytes | None = None) -> str:
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(8192)
    if b"%PDF-" in head[:1024]:
        return PDF
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_TEXT_BOMS) or _looks_like_text(head):
        return MARKDOWN if path.suffix.lower() in (".md", ".markdown") else TEXT
    return UNKNOWN


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ZIP
    return DOCX if "word/document.xml" in names else ZIP


def _looks_like_text(head: bytes) -> bool:
    """Text in any of our encodings has no NUL bytes (UTF-16 is caught by its BOM)
    and few C0 controls; binary noise has many."""
    if not head or b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls <= len(head) // 200
