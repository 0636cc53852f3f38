"""Read-only glue for the pages: item names, highlighted paragraphs, safe file names."""
from __future__ import annotations

import mimetypes
import re
from pathlib import Path, PurePosixPath
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.selections import item_rows
from dangan.index.query import parse_query
from dangan.index.snippets import make_snippet, unmarked
from dangan.read.extract.text import decode_text
from dangan.text.paths import safe_name
from dangan.workspace import Workspace

MAX_NAME_BYTES = 180
TEXT_SNIFF_BYTES = 256 * 1024   # enough lines to tell GB18030 from Big5 or UTF-8


def items(ws: Workspace, top_only: bool = True) -> list[dict[str, Any]]:
    """Evaluation items (测评项目) in code order: code, name, parent."""
    with Catalog(ws.catalog_path) as catalog:
        return item_rows(catalog, top_only)


def item_choices(ws: Workspace, linked: set[str]) -> list[dict[str, Any]]:
    """The 测评项目 checkboxes of a document's page: the top-level items, and under its item each 测评内容
    the document is linked to (Ⅲ-17 under Ⅰ-3), so that a link made by 审核 or `tag --item Ⅲ-17` is seen
    ticked and can be unticked there."""
    everything = items(ws, top_only=False)
    tops = [row for row in everything if not row["parent"]]
    below = [row for row in everything if row["parent"] and row["code"] in linked]
    out: list[dict[str, Any]] = []
    for top in tops:
        out.append(top)
        out.extend(row for row in below if row["parent"] == top["code"])
    return out + [row for row in below if row not in out]


def item_names(ws: Workspace) -> dict[str, str]:
    return {row["code"]: row["name"] for row in items(ws, top_only=False)}


def marked_paragraphs(text: str, query: str) -> list[str]:
    """The text as paragraphs, each with the query's matches marked «like this»."""
    paragraphs = [unmarked(p) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if not query.strip():
        return paragraphs
    try:
        needles = parse_query(query).needles()
    except Exception:  # a query that does not parse highlights nothing
        return paragraphs
    if not needles:
        return paragraphs
    return [make_snippet(p, needles, width=3 * len(p) + 3) for p in paragraphs]


def safe_filename(name: str | None, fallback: str = "file") -> str:
    """A bare file name: no folders, no control or shell-special characters, not hidden, bounded."""
    return safe_name(re.split(r"[\\/]", name or "")[-1], max_bytes=MAX_NAME_BYTES, fallback=fallback)


def download_name(original_name: str | None, mime: str, relpath: str, fallback: str = "file") -> str:
    """The name an original is downloaded under: the name it came with, its suffix made the stored
    type's when they disagree (a Word file that arrived as 云南报告.pdf goes out as 云南报告.docx,
    which opens), as `export` and `package` name their copies."""
    name = safe_filename(original_name, fallback=fallback)
    stored = PurePosixPath(relpath).suffix
    named = mimetypes.guess_type(name, strict=False)[0] or ""
    if stored in ("", ".bin") or named == mime or (named.startswith("text/") and mime.startswith("text/")):
        return name
    stem = name[:-len(PurePosixPath(name).suffix)] if PurePosixPath(name).suffix else name
    return safe_filename(stem + stored, fallback=fallback)


def download_content_type(mime: str, path: Path) -> str:
    """The Content-Type of a download: a text original says the encoding its bytes are in (a GB18030 or
    Big5 file labelled utf-8, as the server would by default, shows as mojibake when a browser opens it)."""
    if mime != "text/plain":
        return mime
    with open(path, "rb") as stream:
        head = stream.read(TEXT_SNIFF_BYTES + 1)
    if len(head) > TEXT_SNIFF_BYTES:      # cut at a line end, never inside a multi-byte character
        head = head[:head.rfind(b"\n", 0, TEXT_SNIFF_BYTES) + 1] or head[:TEXT_SNIFF_BYTES]
    encoding = decode_text(head)[1].removesuffix("-sig")
    return f"{mime}; charset={encoding}"
