"""The search index: derived from the catalog, always rebuildable (`dangan reindex`)."""
from __future__ import annotations

import json
from pathlib import Path

from dangan.errors import IndexMismatch as IndexMismatch  # re-exported: callers catch it from here
from dangan.index.base import IndexBackend
from dangan.workspace import Workspace

BACKENDS = ("whoosh", "tantivy", "postgres")


MARKER = "dangan-index.json"     # which backend and schema built the folder


def write_marker(folder: Path, backend: str, schema: int) -> None:
    (folder / MARKER).write_text(json.dumps({"backend": backend, "schema": schema}), encoding="utf-8")


def check_marker(folder: Path, backend: str, schema: int) -> None:
    """An index of another schema (other tokens) is rebuilt (`dangan reindex`), never half-read."""
    try:
        found = json.loads((folder / MARKER).read_text(encoding="utf-8")).get("schema")
    except (OSError, ValueError):
        found = None
    if found != schema:
        raise IndexMismatch(found=f"{backend}（索引结构 {found or 1}）",
                            configured=f"{backend}（索引结构 {schema}）")


def detect_backend(folder: Path) -> str | None:
    """Which backend built the index in `folder` (None: empty or absent)."""
    if (folder / "meta.json").is_file():
        return "tantivy"
    marker = folder / "dangan-index.json"
    if marker.is_file() and '"postgres"' in marker.read_text(encoding="utf-8"):
        return "postgres"
    if folder.is_dir() and any(folder.glob("_MAIN_*.toc")):
        return "whoosh"
    return None


def open_backend(folder: Path, backend: str = "whoosh", *, database: str | None = None,
                 pg_schema: str = "dangan") -> IndexBackend:
    """Open (or create) the index in `folder`, with the backend that built it.

    `backend` (dangan.toml) decides for a new index. A folder built by the other
    backend is opened as what it is: `switch_backend` swaps the folder a moment
    before it rewrites dangan.toml, and a search in that moment (or after a crash
    there) must still work. `check` reports the difference; `reindex` rebuilds
    the index as configured.
    """
    backend = detect_backend(folder) or backend
    if backend == "postgres":
        from dangan.index.postgres_backend import PostgresBackend

        return PostgresBackend(folder, database, pg_schema)
    if backend == "tantivy":
        from dangan.index.tantivy_backend import TantivyBackend

        return TantivyBackend(folder)
    from dangan.index.whoosh_backend import WhooshBackend

    return WhooshBackend(folder)


def open_index(ws: Workspace) -> IndexBackend:
    """The workspace's index, as its settings describe it."""
    return open_backend(ws.index_dir, ws.settings.index_backend, database=ws.settings.index_database,
                        pg_schema=ws.settings.index_schema)
