"""The search index: derived from the catalog, always rebuildable (`dangan reindex`)."""
from __future__ import annotations

from pathlib import Path

from dangan.errors import DanganError, ExitCode
from dangan.index.base import IndexBackend

BACKENDS = ("whoosh", "tantivy")


class IndexMismatch(DanganError):
    code = "INDEX_BACKEND_MISMATCH"
    exit_code = ExitCode.WORKSPACE
    template = "索引目录由 {found} 建立，而 dangan.toml 设置的是 {configured}"
    hint = "运行 dangan reindex 按设置重建索引（或 dangan reindex --backend 指定后端）。"


def detect_backend(folder: Path) -> str | None:
    """Which backend built the index in `folder` (None: empty or absent)."""
    if (folder / "meta.json").is_file():
        return "tantivy"
    if folder.is_dir() and any(folder.glob("_MAIN_*.toc")):
        return "whoosh"
    return None


def open_backend(folder: Path, backend: str = "whoosh") -> IndexBackend:
    """Open (or create) the index; refuse a folder built by the other backend."""
    found = detect_backend(folder)
    if found is not None and found != backend:
        raise IndexMismatch(found=found, configured=backend)
    if backend == "tantivy":
        from dangan.index.tantivy_backend import TantivyBackend

        return TantivyBackend(folder)
    from dangan.index.whoosh_backend import WhooshBackend

    return WhooshBackend(folder)
