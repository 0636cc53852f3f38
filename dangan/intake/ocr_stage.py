"""Read what ingest flagged `needs_ocr`: scanned PDF pages and photos, in worker processes.

Two-phase on purpose: a scan is archived and catalogued at once (flagged),
then read here; a crash mid-OCR loses nothing and `dangan ocr --pending`
resumes. Pages from all documents go into one pool, so a 50-page scan and a
phone photo are read side by side, and each document is updated — text,
elements, items, index — as soon as its last page is read.
"""
from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from dangan.archive.catalog import Catalog, split_pages
from dangan.archive.selections import ids_needing_ocr
from dangan.index.session import WriterSession
from dangan.model import Extracted, Page
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OcrOutcome:
    document_id: int
    pages: int
    confidence: float | None
    chars: int
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def pending_ids(catalog: Catalog) -> list[int]:
    return ids_needing_ocr(catalog)


def ocr_documents(ws: Workspace, ids: Iterable[int] | None = None, *, workers: int | None = None,
                  on_page: Callable[[], None] | None = None) -> list[OcrOutcome]:
    """OCR the given documents (default: every one flagged); returns one outcome per document."""
    with Catalog(ws.catalog_path) as catalog:
        wanted = list(ids) if ids is not None else pending_ids(catalog)
        plan = {doc_id: _pages_to_read(ws, catalog, doc_id) for doc_id in wanted}
    tasks = [(doc_id, path, mime, index) for doc_id, (path, mime, indexes) in plan.items()
             for index in indexes]
    results: dict[int, dict[int, Any]] = {doc_id: {} for doc_id in plan}
    outcomes = [_finish(ws, doc_id, {}) for doc_id, (_, _, idx) in plan.items() if not idx]
    if not tasks:
        return outcomes
    from dangan.read.extract.ocr import require_engine

    require_engine(ws.settings.ocr_engine)
    workers = max(1, min(workers or ws.settings.ocr_workers, len(tasks)))
    for doc_id, index, page in _run(tasks, workers, on_page, ws.settings.ocr_engine):
        results[doc_id][index] = page
        if len(results[doc_id]) == len(plan[doc_id][2]):
            outcomes.append(_finish(ws, doc_id, results.pop(doc_id)))
    return outcomes


def _pages_to_read(ws: Workspace, catalog: Catalog, doc_id: int) -> tuple[str, str, list[int]]:
    doc = catalog.get(doc_id)
    path = str(ws.originals / doc.relpath)
    if doc.mime.startswith("image/"):
        return path, doc.mime, [0]
    if doc.mime != "application/pdf":
        return path, doc.mime, []
    empty = [p["number"] - 1 for p in catalog.pages(doc_id) if p["origin"] == "none"]
    return path, doc.mime, [i for i in empty if not _blank(path, i)]


def _blank(path: str, index: int) -> bool:
    import pypdfium2

    from dangan.read.extract.pdf import is_blank

    with pypdfium2.PdfDocument(path) as pdf:
        return is_blank(pdf[index])


def _run(tasks: list[tuple[int, str, str, int]], workers: int,
         on_page: Callable[[], None] | None, engine: str = "rapidocr") -> Iterable[tuple[int, int, Any]]:
    """Yield (document id, page index, OcrPage) as pages finish, in any order."""
    if workers == 1:
        _init_worker(engine)
        for doc_id, path, mime, index in tasks:
            yield doc_id, index, _read(path, mime, index, engine)
            if on_page:
                on_page()
        return
    context = multiprocessing.get_context("spawn")  # fork after onnxruntime loaded is unsafe
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=_init_worker, initargs=(engine,)) as pool:
            futures: dict[Future[Any], tuple[int, int]] = {
                pool.submit(_read, path, mime, index, engine): (doc_id, index)
                for doc_id, path, mime, index in tasks}
            for future in as_completed(futures):
                doc_id, index = futures[future]
                yield doc_id, index, future.result()
                if on_page:
                    on_page()
    except BrokenProcessPool:
        log.error("an OCR worker died (out of memory?); the rest stays flagged for `dangan ocr`")


def _init_worker(engine: str = "rapidocr") -> None:
    from dangan.read.extract.ocr import get_engine

    try:
        import cv2

        cv2.setNumThreads(1)
    except ImportError:  # pragma: no cover
        pass
    get_engine(engine, threads=1)


def _read(path: str, mime: str, index: int, engine_name: str = "rapidocr") -> Any:
    from dangan.read.extract.ocr import get_engine, ocr_image, render_pdf_page

    engine = get_engine(engine_name, threads=1)
    image = path if mime.startswith("image/") else render_pdf_page(path, index)
    return ocr_image(image, engine)


def _finish(ws: Workspace, doc_id: int, pages: dict[int, Any]) -> OcrOutcome:
    """Write the read pages into the catalog, re-read the elements, reindex the document."""
    from dangan.read.understand.metadata import read_facts
    from dangan.read.understand.taxonomy import workspace_taxonomy

    with WriterSession(ws) as session:
        catalog = session.catalog
        doc = catalog.get(doc_id)
        texts = split_pages(doc.text)
        for index, page in pages.items():
            while len(texts) <= index:
                texts.append("")
            texts[index] = page.text
        catalog.apply_ocr(doc_id, texts, {i + 1: p.confidence for i, p in pages.items()})
        doc = catalog.get(doc_id)
        extracted = Extracted(pages=tuple(Page(i + 1, t) for i, t in enumerate(texts)), extractor="ocr")
        meta, items = read_facts(extracted, doc.original_name, workspace_taxonomy(ws))
        catalog.update_fields(doc_id, {k: v for k, v in meta.values().items() if v}, origin="auto")
        if items:
            catalog.set_items(doc_id, {i.code: i.score for i in items}, "auto")
        session.refresh(doc_id)
    confidences = [p.confidence for p in pages.values() if p.confidence is not None]
    mean = round(sum(confidences) / len(confidences), 3) if confidences else None
    return OcrOutcome(doc_id, len(pages), mean, sum(len(p.text) for p in pages.values()))
