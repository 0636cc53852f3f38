"""Rebuilding the index from the catalog, and switching backends in place."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

from dangan.archive.catalog import Catalog
from dangan.archive.selections import item_codes_by_document
from dangan.errors import DatabaseMissing, IndexSchemaTaken
from dangan.index import IndexMismatch, detect_backend, open_backend, open_index
from dangan.index.base import IndexDoc
from dangan.index.session import WriterSession
from dangan.lock import WriterLock
from dangan.model import Document
from dangan.workspace import Workspace, save_settings


def reindex(ws: Workspace, *, on_doc: Callable[[], None] | None = None,
            on_wait: Callable[[], None] | None = None) -> int:
    """Rebuild the index from the catalog, in batches; documents gone from the catalog are dropped.

    An index folder the backend cannot use (built by the other backend in a switch cut
    short, or by an older schema) is rebuilt beside and swapped.
    """
    if not _opens(ws):
        return _rebuild_beside(ws, ws.settings.index_backend, on_doc=on_doc, on_wait=on_wait)
    with WriterSession(ws, on_wait=on_wait) as session:
        catalog, backend = session.catalog, session.index
        items, pictures = _items_by_document(catalog), catalog.picture_texts()
        stale = backend.all_ids() - set(catalog.ids())
        if stale:
            backend.delete(stale)

        def docs() -> Iterator[IndexDoc]:
            for doc in catalog.iter_documents():
                if on_doc:
                    on_doc()
                yield IndexDoc.from_document(doc, items.get(doc.id, ()), pictures.get(doc.id, ""))

        return backend.add(docs())


def _opens(ws: Workspace) -> bool:
    """False when the index folder holds the other backend's index, or an old schema."""
    if detect_backend(ws.index_dir) not in (None, ws.settings.index_backend):
        return False
    try:
        open_index(ws).close()
    except IndexMismatch:
        return False
    return True


def _items_by_document(catalog: Catalog) -> dict[int, tuple[str, ...]]:
    return item_codes_by_document(catalog)


def switch_backend(ws: Workspace, backend: str, *, on_doc: Callable[[], None] | None = None,
                   on_wait: Callable[[], None] | None = None) -> int:
    """Build the new backend's index beside the old one, swap, then record it in dangan.toml.

    A crash while building leaves the old index and settings intact; a crash between the
    swap and the settings is reported by `open_backend` (IndexMismatch) and mended by reindex.
    """
    if backend == "postgres" and not ws.settings.index_database:   # said before anything is built
        raise DatabaseMissing()
    return _rebuild_beside(ws, backend, on_doc=on_doc, on_wait=on_wait, record=True)


def _rebuild_beside(ws: Workspace, backend: str, *, on_doc: Callable[[], None] | None,
                    on_wait: Callable[[], None] | None, record: bool = False) -> int:
    beside = ws.home / f"index.{backend}.new"
    old = ws.home / "index.old"
    shutil.rmtree(beside, ignore_errors=True)
    with WriterLock(ws.lock_file, on_wait=on_wait), Catalog(ws.catalog_path) as catalog:
        items, pictures = _items_by_document(catalog), catalog.picture_texts()
        new = open_backend(beside, backend, database=ws.settings.index_database,
                           pg_schema=ws.settings.index_schema)
        try:
            count = new.add(IndexDoc.from_document(doc, items.get(doc.id, ()), pictures.get(doc.id, ""))
                            for doc in _counting(catalog.iter_documents(), on_doc))
            stale = new.all_ids() - set(catalog.ids())   # a shared database may hold older rows
            if stale:
                new.delete(stale)
        finally:
            new.close()
        shutil.rmtree(old, ignore_errors=True)
        if ws.index_dir.exists():
            ws.index_dir.rename(old)
        beside.rename(ws.index_dir)
        if record:
            save_settings(ws, "index", {"backend": backend})
        shutil.rmtree(old, ignore_errors=True)
    return count


def _counting(docs: Iterator[Document], on_doc: Callable[[], None] | None) -> Iterator[Document]:
    for doc in docs:
        if on_doc:
            on_doc()
        yield doc


def use_database(ws: Workspace, database: str, schema: str = "dangan") -> Workspace:
    """Keep this workspace's index in PostgreSQL: record it in dangan.toml, then build the
    index there from the catalog (an index other nodes already filled is kept and completed)."""
    shared = open_backend(ws.home / "index.probe", "postgres", database=database, pg_schema=schema)
    try:
        with Catalog(ws.catalog_path) as catalog:
            foreign = shared.all_ids() - set(catalog.ids())
    finally:
        shared.close()
        shutil.rmtree(ws.home / "index.probe", ignore_errors=True)
    if foreign:   # another archive's index: rebuilding ours here would delete it
        raise IndexSchemaTaken(schema=schema, count=len(foreign))
    ws = save_settings(ws, "index", {"backend": "postgres", "database": database, "schema": schema})
    reindex(ws)
    return ws

