"""Read what ingest flagged `needs_ocr`: scanned PDF pages and photos, in worker processes.

Two-phase on purpose: a scan is archived and catalogued at once (flagged),
then read here; a crash mid-OCR loses nothing and `dangan ocr --pending`
resumes. Pages from all documents go into one pool, so a 50-page scan and a
phone photo are read side by side. Each page is saved as it is read (a
killed run resumes at the next page); each document is updated — elements,
items, index — as soon as its last page is read. One document that cannot be
read fails alone and is marked, not retried by `--pending`; `[ocr] max_pages`
caps the pages read per document.
"""
from __future__ import annotations

import logging
import multiprocessing
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog, split_pages
from dangan.archive.selections import ids_needing_ocr
from dangan.archive.text_updates import apply_ocr, apply_picture_ocr, ocr_failed, pictures_done, stamp_reader
from dangan.errors import DanganError
from dangan.index.session import WriterSession
from dangan.intake.ocr_same_text import join_same_text
from dangan.lock import WriterLock
from dangan.model import Document, Extracted, Page
from dangan.read.extract.detect import DOCX, OFD, OLE, PPTX
from dangan.read.extract.failures import library_reason, technical
from dangan.read.extract.ofd_images import scanned_pages
from dangan.read.extract.office import ROUTES
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

# office files whose embedded pictures are read (图片文字, catalog.pictures): the file's own text stays as it is;
# the old formats LibreOffice converts have theirs read from a copy converted again (CONVERTED)
CONVERTED = frozenset({*ROUTES, OLE})
PICTURE_FILES = frozenset({DOCX, PPTX, *CONVERTED})


@dataclass(frozen=True, slots=True)
class OcrOutcome:
    document_id: int
    pages: int
    confidence: float | None
    chars: int
    error: str | None = None
    skipped_pages: int = 0     # beyond `[ocr] max_pages`
    same_as: int | None = None          # its text is document same_as's: now another original of it (同文异版)
    same_text_kept: str | None = None   # same text as another document, kept apart: why (已编档号 …)
    pictures: bool = False   # `pages` counts an office file's pictures (图片文字), not pages
    no_pictures: bool = False   # an office file with no picture listed (none worth reading, or catalogued before)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class _Plan:
    path: str
    mime: str
    name: str
    pages: list[int]            # 0-based indexes still to read (of pages, or of an office file's pictures)
    skipped: int = 0
    parts: dict[int, str] | None = None   # an office file's pictures: index → package part


def pending_ids(catalog: Catalog) -> list[int]:
    return ids_needing_ocr(catalog)


def ocr_documents(ws: Workspace, ids: Iterable[int] | None = None, *, workers: int | None = None,
                  on_page: Callable[[], None] | None = None, stop: Callable[[], bool] | None = None,
                  hold: AbstractContextManager[Any] | None = None,
                  pool: ProcessPoolExecutor | None = None,
                  on_start: Callable[[int], None] | None = None) -> list[OcrOutcome]:
    """OCR the given documents (default: every one flagged); returns one outcome per document.

    Each page is saved as soon as it is read (a run killed midway resumes where it stopped);
    a document that cannot be read fails alone, named, and is not retried by `--pending`.
    When `stop()` turns true (the watcher was asked to quit) no further page is started nor
    written: the pages saved are kept and the document stays flagged, to be finished by the
    next run. Every write happens inside `hold` after a last look at `stop()`, so a caller that
    takes `hold` once it set the stop knows nothing more will be written.
    """
    with tempfile.TemporaryDirectory(prefix="dangan-ocr-") as scratch:   # old office files converted again
        return _ocr_documents(ws, Path(scratch), ids, workers=workers, on_page=on_page, stop=stop, hold=hold,
                              pool=pool, on_start=on_start)


def _ocr_documents(ws: Workspace, scratch: Path, ids: Iterable[int] | None, *, workers: int | None,
                   on_page: Callable[[], None] | None, stop: Callable[[], bool] | None,
                   hold: AbstractContextManager[Any] | None, pool: ProcessPoolExecutor | None,
                   on_start: Callable[[int], None] | None) -> list[OcrOutcome]:
    plans: dict[int, _Plan] = {}
    outcomes: list[OcrOutcome] = []
    with Catalog(ws.catalog_path) as catalog:
        wanted = list(ids) if ids is not None else pending_ids(catalog)
        for doc_id in wanted:
            try:
                plans[doc_id] = _plan(ws, catalog, doc_id, scratch)
            except Exception as exc:  # noqa: BLE001 - a broken original fails alone
                outcomes.append(_failed(ws, doc_id, catalog.get(doc_id).original_name, exc))
    outcomes += [_finish(ws, doc_id, [], plan.skipped, plan.mime) for doc_id, plan in plans.items() if not plan.pages]
    tasks = [(doc_id, plan.path, plan.mime, index, (plan.parts or {}).get(index))
             for doc_id, plan in plans.items() for index in plan.pages]
    if not tasks:
        return outcomes
    from dangan.read.extract.ocr import require_engine

    require_engine(ws.settings.ocr_engine)
    if on_start:
        on_start(len(tasks))   # the pages (and pictures) to read, for a progress with its total
    left = {doc_id: len(plan.pages) for doc_id, plan in plans.items() if plan.pages}
    read: dict[int, list[Any]] = {doc_id: [] for doc_id in left}
    workers = max(1, min(workers or ws.settings.ocr_workers, len(tasks)))
    for doc_id, index, page in _run(tasks, workers, on_page, ws.settings.ocr_engine, stop, pool):
        with hold or nullcontext():
            if stop is not None and stop():
                log.info("文字识别暂停：已识别的页已保存，其余页留待下次监视或 dangan ocr --pending 继续")
                break
            _take(ws, plans, left, read, outcomes, doc_id, index, page)
    return outcomes


def _take(ws: Workspace, plans: dict[int, _Plan], left: dict[int, int], read: dict[int, list[Any]],
          outcomes: list[OcrOutcome], doc_id: int, index: int, page: Any) -> None:
    """One page read (or its failure): saved, and its document finished after its last page."""
    if doc_id not in left:
        return   # failed already: its other pages are dropped
    if isinstance(page, BaseException):
        outcomes.append(_failed(ws, doc_id, plans[doc_id].name, page))
        del left[doc_id]
        return
    _save_page(ws, doc_id, index, page, plans[doc_id].mime)
    read[doc_id].append(page)
    left[doc_id] -= 1
    if not left[doc_id]:
        del left[doc_id]
        outcomes.append(_finish(ws, doc_id, read.pop(doc_id), plans[doc_id].skipped, plans[doc_id].mime))


def _plan(ws: Workspace, catalog: Catalog, doc_id: int, scratch: Path) -> _Plan:
    doc = catalog.get(doc_id)
    path = str(ws.originals / doc.relpath)
    if doc.mime in PICTURE_FILES:
        return _plan_pictures(ws, catalog, doc, path, scratch)
    image = doc.mime.startswith("image/")
    if not image and doc.mime not in ("application/pdf", OFD):
        return _Plan(path, doc.mime, doc.original_name, [])
    empty = [p["number"] - 1 for p in catalog.pages(doc_id) if p["origin"] == "none"]
    if image:   # every frame of a multi-page TIFF, the one of a photo
        empty = empty or [0]
    cap = ws.settings.ocr_max_pages
    if doc.mime == OFD:   # an OFD scan: the pages that hold an image (a blank page holds none)
        scans = set(scanned_pages(Path(path)))
        kept = [i for i in empty if i < cap and i in scans]
    else:
        kept = [i for i in empty if i < cap and (image or not _blank(path, i))]
    skipped = sum(1 for i in empty if i >= cap)
    if skipped:
        log.warning("%s：%d 页超过每件文字识别页数上限 %d，未识别", doc.original_name, skipped, cap)
    return _Plan(path, doc.mime, doc.original_name, kept, skipped)


def _plan_pictures(ws: Workspace, catalog: Catalog, doc: Document, path: str, scratch: Path) -> _Plan:
    """An office file's pictures not yet read, in document order; each counts as a page against `[ocr] max_pages`.
    A .doc/.wps/.ppt… is converted again (into `scratch`), its pictures read from that copy as ingest found them."""
    waiting = [p for p in catalog.pictures(doc.id) if p["origin"] == "none"]
    cap = ws.settings.ocr_max_pages
    kept = {p["number"] - 1: p["part"] for p in waiting if p["number"] <= cap}
    if kept and doc.mime in CONVERTED:
        from dangan.intake.ingest import limits_of
        from dangan.read.extract.office import converted_copy, timeout_of

        limits = limits_of(ws)
        folder = scratch / str(doc.id)
        folder.mkdir()
        path = str(converted_copy(Path(path), folder, timeout=timeout_of(limits), binary=limits.soffice))
    skipped = len(waiting) - len(kept)
    if skipped:
        log.warning("%s：%d 张图片超过每件文字识别页数上限 %d，未识别", doc.original_name, skipped, cap)
    return _Plan(path, doc.mime, doc.original_name, sorted(kept), skipped, parts=kept)


def _failed(ws: Workspace, doc_id: int, name: str, exc: BaseException) -> OcrOutcome:
    """The document stays archived, unread; OCR is not retried automatically."""
    if isinstance(exc, DanganError):
        reason, detail = exc.message, exc.technical
    else:   # the engine's or a library's own words stay in the log
        reason, detail = library_reason(exc, fallback="文字识别出错，详见日志"), technical(exc)
    log.warning("文字识别失败：文件 %d《%s》：%s（文件已收录，文字未识别）%s", doc_id, name, reason,
                f"；技术细节：{detail}" if detail else "")
    with WriterLock(ws.lock_file), Catalog(ws.catalog_path) as catalog:
        ocr_failed(catalog, doc_id)
    return OcrOutcome(doc_id, 0, None, 0, error=f"《{name}》：{reason}")


def _blank(path: str, index: int) -> bool:
    import pypdfium2

    from dangan.read.extract.pdf import is_blank

    with pypdfium2.PdfDocument(path) as pdf:
        return is_blank(pdf[index])


Task = tuple[int, str, str, int, str | None]   # document id, original, mime, page (or picture) index, picture part


def _run(tasks: list[Task], workers: int, on_page: Callable[[], None] | None,
         engine: str = "rapidocr", stop: Callable[[], bool] | None = None,
         pool: ProcessPoolExecutor | None = None) -> Iterable[tuple[int, int, Any]]:
    """Yield (document id, page index, OcrPage or the exception) as pages finish, in any order;
    once `stop()` is true, pages not yet started are left (the pool's queued ones cancelled).
    `pool`: the caller's own (`new_pool`), kept open for its next documents."""
    if pool is not None:
        yield from _pooled(pool, tasks, engine, on_page, stop)
        return
    if workers == 1:
        _init_worker(engine)
        for doc_id, path, mime, index, part in tasks:
            if stop is not None and stop():
                return
            try:
                page = _read(path, mime, index, engine, part)
            except Exception as exc:  # noqa: BLE001 - one bad page is its document's failure
                page = exc
            yield doc_id, index, page
            if on_page:
                on_page()
        return
    with new_pool(workers, engine) as own:
        yield from _pooled(own, tasks, engine, on_page, stop)


def new_pool(workers: int, engine: str = "rapidocr") -> ProcessPoolExecutor:
    """Worker processes that load the engine once each."""
    context = multiprocessing.get_context("spawn")  # fork after onnxruntime loaded is unsafe
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(engine,))


def _pooled(pool: ProcessPoolExecutor, tasks: list[Task], engine: str,
            on_page: Callable[[], None] | None, stop: Callable[[], bool] | None) -> Iterable[tuple[int, int, Any]]:
    futures: dict[Future[Any], tuple[int, int]] = {}
    try:
        futures = {pool.submit(_read, path, mime, index, engine, part): (doc_id, index)
                   for doc_id, path, mime, index, part in tasks}
        for future in as_completed(futures):
            doc_id, index = futures[future]
            try:
                page = future.result()
            except BrokenProcessPool:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad page is its document's failure
                page = exc
            yield doc_id, index, page
            if on_page:
                on_page()
            if stop is not None and stop():
                return
    except BrokenProcessPool:
        if stop is None or not stop():   # (a stopping watcher ends its worker itself)
            log.error("an OCR worker died (out of memory?); the rest stays flagged for `dangan ocr`")
    finally:
        for future in futures:
            future.cancel()


def _init_worker(engine: str = "rapidocr") -> None:
    from dangan.read.extract.ocr import get_engine

    try:
        import cv2

        cv2.setNumThreads(1)
    except ImportError:  # pragma: no cover
        pass
    get_engine(engine, threads=1)


def _read(path: str, mime: str, index: int, engine_name: str = "rapidocr", part: str | None = None) -> Any:
    from dangan.read.extract.ocr import ImageInput, get_engine, image_frame, ocr_image, render_pdf_page
    from dangan.read.extract.ofd_images import page_image
    from dangan.read.extract.office_pictures import picture_bytes

    engine = get_engine(engine_name, threads=1)
    image: ImageInput
    if part is not None:   # a picture inside a DOCX or PPTX
        image = picture_bytes(path, part)
    elif mime.startswith("image/"):
        image = image_frame(path, index) if index else path
    elif mime == OFD:
        image = page_image(Path(path), index)
    else:
        image = render_pdf_page(path, index)
    return ocr_image(image, engine)


def _save_page(ws: Workspace, doc_id: int, index: int, page: Any, mime: str = "") -> None:
    """One page read: into the catalog at once (the document stays pending until its last page)."""
    with WriterLock(ws.lock_file), Catalog(ws.catalog_path) as catalog:
        if mime in PICTURE_FILES:   # a picture's text goes beside the document's own
            apply_picture_ocr(catalog, doc_id, index + 1, page.text, page.confidence)
            return
        texts = split_pages(catalog.get(doc_id).text)
        while len(texts) <= index:
            texts.append("")
        texts[index] = page.text
        apply_ocr(catalog, doc_id, texts, {index + 1: page.confidence}, done=False)


def _finish(ws: Workspace, doc_id: int, pages: list[Any], skipped: int = 0, mime: str = "") -> OcrOutcome:
    """The last page is in: re-read the elements, reindex the document, clear its flag."""
    if mime in PICTURE_FILES:
        return _finish_pictures(ws, doc_id, pages, skipped)
    with WriterSession(ws) as session:
        catalog = session.catalog
        doc = catalog.get(doc_id)
        texts = split_pages(doc.text)
        apply_ocr(catalog, doc_id, texts, {})
        extracted = Extracted(pages=tuple(Page(i + 1, t) for i, t in enumerate(texts)), extractor="ocr")
        same, kept = join_same_text(session, doc_id, extracted.text)
        if same is None:
            _read_elements(ws, catalog, doc_id, extracted, doc.original_name)
            session.refresh(doc_id)
    confidences = [p.confidence for p in pages if p.confidence is not None]
    mean = round(sum(confidences) / len(confidences), 3) if confidences else None
    return OcrOutcome(doc_id, len(pages), mean, sum(len(p.text) for p in pages), skipped_pages=skipped,
                      same_as=same, same_text_kept=kept)


def with_pictures(pages: tuple[Page, ...], pictures: str) -> Extracted:
    """An office file read for its elements: its own pages first (its heading, 文号 and date are where its text
    puts them), then what its pictures say as one page more (a photo DOCX's only words, often)."""
    return Extracted(pages=(*pages, Page(len(pages) + 1, pictures, "ocr")) if pictures else pages, extractor="ocr")


def _finish_pictures(ws: Workspace, doc_id: int, pictures: list[Any], skipped: int) -> OcrOutcome:
    """An office file's last picture is in. Its text key stays that of its own text (the same Word file re-saved
    joins it as before) and no picture's text is folded into another document's; its elements and 测评项目 are
    read from its text followed by its pictures' (`with_pictures`: a notice pasted in as a picture gives its
    文号 and date). Then it is reindexed, its pictures' text with it."""
    with WriterSession(ws) as session:
        catalog = session.catalog
        doc = catalog.get(doc_id)
        seen = catalog.picture_texts([doc_id]).get(doc_id, "")
        listed = bool(catalog.pictures(doc_id))
        pictures_done(catalog, doc_id)
        if seen:
            own = tuple(Page(i + 1, t) for i, t in enumerate(split_pages(doc.text)))
            _read_elements(ws, catalog, doc_id, with_pictures(own, seen), doc.original_name,
                           photos=(doc.text, len(catalog.pictures(doc_id))))
        session.refresh(doc_id)
    confidences = [p.confidence for p in pictures if p.confidence is not None]
    mean = round(sum(confidences) / len(confidences), 3) if confidences else None
    return OcrOutcome(doc_id, len(pictures), mean, sum(len(p.text) for p in pictures), skipped_pages=skipped,
                      pictures=listed, no_pictures=not listed)


def _read_elements(ws: Workspace, catalog: Catalog, doc_id: int, extracted: Extracted, name: str,
                   photos: tuple[str, int] | None = None) -> None:
    """The elements and 测评项目 of what OCR gave (a value a person set is kept: update_fields), and which reader
    read them. `photos`: an office file's own text and its pictures' count, for a file of photos' title and 文种."""
    from dangan.read.understand.metadata import read_facts
    from dangan.read.understand.photo_docs import photo_facts
    from dangan.read.understand.taxonomy import workspace_taxonomy
    from dangan.read.version import reader_version

    meta, items = read_facts(extracted, name, workspace_taxonomy(ws))
    if photos is not None:
        meta = photo_facts(meta, photos[0], photos[1], name)
    catalog.update_fields(doc_id, {k: v for k, v in meta.catalog_values().items() if v}, origin="auto")
    if items:
        catalog.set_items(doc_id, {i.code: i.score for i in items}, "auto")
    stamp_reader(catalog, [doc_id], reader_version())
