"""Read-only glue for the pages: item names, highlighted paragraphs, safe file names."""
from __future__ import annotations

import re
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.selections import item_rows
from dangan.index.query import parse_query
from dangan.index.snippets import make_snippet, unmarked
from dangan.text.paths import safe_name
from dangan.workspace import Workspace

MAX_NAME_BYTES = 180


def items(ws: Workspace, top_only: bool = True) -> list[dict[str, Any]]:
    """Evaluation items (测评项目) in code order: code, name, parent."""
    with Catalog(ws.catalog_path) as catalog:
        return item_rows(catalog, top_only)


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
