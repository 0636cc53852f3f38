"""Paths as text that can be stored, printed and written: names from old zips or
Windows shares may carry GBK bytes that are not UTF-8."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path


def path_text(path: Path | str) -> str:
    """The path as readable text: UTF-8 if it is, else GB18030, else with replacement marks."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "/".join(_part(part) for part in text.split("/"))


def _part(part: str) -> str:
    """One path component, decoded on its own: a UTF-8 folder may hold a GBK-named file."""
    raw = part.encode("utf-8", "surrogateescape")   # os.fsencode on a UTF-8 system
    for encoding in ("utf-8", "gb18030", "big5hkscs"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*;]')


def safe_name(text: str | None, *, max_bytes: int = 180, max_chars: int | None = None,
              keep_suffix: bool = True, fallback: str = "未命名") -> str:
    """A file or folder name every common file system accepts, from any text.

    No folders, control or shell-special characters, undecodable bytes or leading dots;
    whitespace runs folded; at most `max_bytes` of UTF-8 (names on Linux stop at 255)
    and `max_chars` characters, cut in the stem so a short suffix (`.pdf`) survives.
    """
    name = unicodedata.normalize("NFC", path_text(text or ""))
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .").lstrip(".")
    if not name or set(name) <= {"_", " "}:
        return fallback
    stem, dot, suffix = name.rpartition(".")
    if not (keep_suffix and dot and stem and 0 < len(suffix) <= 8):
        stem, dot, suffix = name, "", ""
    tail = dot + suffix
    if max_chars is not None:
        stem = stem[:max(1, max_chars - len(tail))]
    room = max(1, max_bytes - len(tail.encode("utf-8")))
    stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .")
    return (stem + tail) if stem else fallback
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), 0x7f, *range(0x80, 0xa0)) if c not in (0x0a, 0x09)}
_CONTROL.update({c: f"\\u{c:04x}" for c in (0x061c, 0x200e, 0x200f, *range(0x202a, 0x202f),
                                                *range(0x2066, 0x206a))})


def terminal_safe(text: str) -> str:
    """`text` with terminal control characters (ESC sequences, BEL, CR, C1, bidi overrides)
    shown as `\\x1b`-style escapes, so printing it cannot drive the terminal; newlines and
    tabs stay."""
    return text.translate(_CONTROL)


# The suffixes of a single document a clerk may type where a folder is meant (export --out 移交.xlsx,
# package --out 资料.docx, backup --out 备份.pdf): each made a folder by that name that looks like a file.
DOCUMENT_SUFFIXES = frozenset({".doc", ".docx", ".wps", ".rtf", ".odt", ".xls", ".xlsx", ".et", ".ods", ".csv",
                               ".ppt", ".pptx", ".dps", ".pdf", ".ofd", ".txt", ".jpg", ".jpeg", ".png"})


def document_suffix(path: Path | str) -> str | None:
    """`path`'s suffix when it names a single document rather than a folder (a version folder such
    as 资料2024.1 is a folder), else None."""
    suffix = Path(path).suffix
    return suffix if suffix.lower() in DOCUMENT_SUFFIXES else None
