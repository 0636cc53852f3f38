"""Read what ingest archived as `needs_conversion`: office files that came in while
LibreOffice was not installed. `dangan convert` runs this once it is.

Like the OCR stage, a document waits archived and catalogued (findable by its
name) instead of failed; here it is converted from its stored original, its
text, elements and items are filled in, and it is reindexed.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.text_updates import apply_conversion, pictures_again, stamp_reader
from dangan.errors import DanganError
from dangan.index import open_backend
from dangan.index.base import IndexBackend, IndexDoc
from dangan.intake.ingest import limits_of
from dangan.lock import WriterLock
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import extractor_for
from dangan.read.version import reader_version
from dangan.text.fingerprint import text_key
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ConvertOutcome:
    document_id: int
    name: str
    chars: int
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def pending_ids(catalog: Catalog) -> list[int]:
    return [r[0] for r in catalog.conn.execute(
        "SELECT id FROM documents WHERE needs_conversion = 1 ORDER BY id")]


def convert_pending(ws: Workspace, ids: Iterable[int] | None = None, *,
                    on_document: Callable[[ConvertOutcome], None] | None = None) -> list[ConvertOutcome]:
    """Convert the given documents (default: every one waiting); one outcome each."""
    from dangan.read.understand.taxonomy import workspace_taxonomy

    limits = limits_of(ws)
    outcomes = []
    ids = list(ids) if ids is not None else None
    with WriterLock(ws.lock_file), Catalog(ws.catalog_path) as catalog:
        for doc_id in ids or ():
            catalog.get(doc_id)   # a number that is no document is said so (not 不需要转换)
        waiting = pending_ids(catalog)   # few: those that came in without LibreOffice
        # a document given by number that has its text already is not read again
        wanted = [i for i in ids if i in waiting] if ids is not None else waiting
        if not wanted:
            return []
        taxonomy = workspace_taxonomy(ws)
        backend = open_backend(ws.index_dir, ws.settings.index_backend)
        try:
            for doc_id in wanted:
                outcome = _convert(ws, catalog, backend, doc_id, limits, taxonomy)
                outcomes.append(outcome)
                if on_document:
                    on_document(outcome)
        finally:
            backend.close()
    return outcomes


def _convert(ws: Workspace, catalog: Catalog, backend: IndexBackend, doc_id: int, limits: Limits,
             taxonomy: Any) -> ConvertOutcome:
    from dangan.read.understand.metadata import read_facts

    doc = catalog.get(doc_id)
    try:
        extracted = extractor_for(doc.mime).extract(ws.originals / doc.relpath, limits)
    except DanganError as error:
        log.warning("conversion of %s failed: %s", doc.original_name, error.message)
        return ConvertOutcome(doc_id, doc.original_name, 0, error.message)
    if extracted.needs_conversion:
        return ConvertOutcome(doc_id, doc.original_name, 0, extracted.warnings[0] if extracted.warnings
                              else "仍然无法转换")
    apply_conversion(catalog, doc_id, extracted.pages, text_key(extracted.text), extracted.warnings)
    if extracted.pictures:   # 图片文字: its pictures wait for the OCR stage (dangan ocr --pending)
        pictures_again(catalog, doc_id, extracted.pictures)
    meta, items = read_facts(extracted, doc.original_name, taxonomy)
    catalog.update_fields(doc_id, {k: v for k, v in meta.catalog_values().items() if v}, origin="auto")
    if items:
        catalog.set_items(doc_id, {i.code: i.score for i in items}, "auto")
    stamp_reader(catalog, [doc_id], reader_version())
    backend.add([IndexDoc.from_document(catalog.get(doc_id), catalog.item_codes(doc_id))])
    return ConvertOutcome(doc_id, doc.original_name, len(extracted.text))
