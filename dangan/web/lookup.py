"""Read-only glue for the pages: item names, highlighted paragraphs, safe file names."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.config import Workspace
from dangan.index.query import parse_query
from dangan.index.snippets import make_snippet

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]+')
MAX_NAME_BYTES = 180


def items(ws: Workspace, top_only: bool = True) -> list[dict[str, Any]]:
    """Evaluation items (测评项目) in code order: code, name, parent."""
    sql = "SELECT code, name, parent FROM items"
    if top_only:
        sql += " WHERE parent IS NULL OR parent = ''"
    with Catalog(ws.catalog_path) as catalog:
        return [dict(row) for row in catalog.conn.execute(sql + " ORDER BY code")]


def item_names(ws: Workspace) -> dict[str, str]:
    return {row["code"]: row["name"] for row in items(ws, top_only=False)}


def marked_paragraphs(text: str, query: str) -> list[str]:
    """The text as paragraphs, each with the query's matches marked «like this»."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
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
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip().lstrip(".").strip()
    if not name or set(name) <= {"_", " "}:
        name = fallback
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:-1] + dot + ext) if dot and len(ext) <= 8 and stem else name[:-1]
    return name
