"""The search index: derived from the catalog, always rebuildable (`dangan reindex`)."""
from __future__ import annotations

from pathlib import Path

from dangan.index.base import IndexBackend


def open_backend(folder: Path, backend: str = "whoosh") -> IndexBackend:
    if backend == "tantivy":
        from dangan.index.tantivy_backend import TantivyBackend

        return TantivyBackend(folder)
    from dangan.index.whoosh_backend import WhooshBackend

    return WhooshBackend(folder)
