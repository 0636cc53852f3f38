"""The one writer session: the workspace's writer lock, its catalog and its index, opened together.

Everything that changes the archive (ingest, watch, OCR, tag, reindex) writes through a
session, so the catalog and the index never drift apart and only one writer runs at a time.
"""
from __future__ import annotations

from collections.abc import Callable

from dangan.archive.catalog import Catalog
from dangan.index import open_index
from dangan.index.base import IndexBackend, IndexDoc
from dangan.lock import WriterLock
from dangan.workspace import Workspace


class WriterSession:
    """Lock, catalog and index of one workspace; `refresh` reindexes documents from the catalog."""

    def __init__(self, ws: Workspace, on_wait: Callable[[], None] | None = None):
        self.ws = ws
        self.lock = WriterLock(ws.lock_file, on_wait=on_wait)
        self.lock.acquire()
        try:
            self.catalog = Catalog(ws.catalog_path)
            try:
                self.index: IndexBackend = open_index(ws)
            except BaseException:
                self.catalog.close()
                raise
        except BaseException:
            self.lock.release()
            raise

    def index_doc(self, doc_id: int) -> IndexDoc:
        """What the index holds for a document: its catalog record and its item codes."""
        return IndexDoc.from_document(self.catalog.get(doc_id), self.catalog.item_codes(doc_id),
                                      self.catalog.picture_texts([doc_id]).get(doc_id, ""))

    def refresh(self, *doc_ids: int) -> None:
        """Write these documents' current catalog state into the index."""
        self.index.add([self.index_doc(doc_id) for doc_id in doc_ids])

    def close(self) -> None:
        try:
            self.index.close()
        finally:
            try:
                self.catalog.close()
            finally:
                self.lock.release()

    def __enter__(self) -> WriterSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
