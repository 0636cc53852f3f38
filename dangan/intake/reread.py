"""Read archived originals again with today's extractor and reader (`dangan reread`, 重新识别).

A document keeps the elements, seals and reading notes the reader gave it the day it came in; the reader
improves every round (bench/README.md) and the office cannot ingest the file again (the same checksum is
a duplicate). Here each original is read again from the store outside the writer lock (an original never
changes), and what changed is written a few documents at a time under the lock, as ingest, OCR and
convert write (`text_updates`, `Catalog.update_fields`): a value a person set (by hand, a folder's
default, an import) is never overwritten, a 档号 stays and so does the 成文日期 it was given by. A value an
older reader read that today's reader no longer finds is cleared (清除): the reader was fixed to stop giving
it (an issuer cut at a line break, a title read from page furniture); the audit entry keeps the old value,
so a clerk can set it again by hand (`dangan tag ID --set 名称=…`). A document whose original cannot be read again
keeps every value it had and is reported. A document read by OCR is understood again from the text OCR
gave it (OCR is slow); `ocr=True` reads its pages again as well.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import PAGE_BREAK, Catalog, split_pages
from dangan.archive.selections import ids_to_reread, item_origins
from dangan.archive.text_updates import apply_reading, pictures_again, stamp_reader
from dangan.errors import DanganError, DocumentNotFound
from dangan.index.session import WriterSession
from dangan.intake.ingest import limits_of
from dangan.intake.ocr_stage import PICTURE_FILES, with_pictures
from dangan.intake.reread_attachments import pending_attachments, refusals, take_attachments
from dangan.intake.workers import extract
from dangan.model import Document, Extracted, Incoming, IngestResult, MetaValue, Page, Picture, Seal
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import ARCHIVES
from dangan.read.extract.failures import library_reason, technical
from dangan.read.understand.metadata import read_facts
from dangan.read.understand.photo_docs import photo_facts
from dangan.read.understand.taxonomy import Taxonomy, workspace_taxonomy
from dangan.read.version import reader_version
from dangan.text.fingerprint import text_key
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

CHUNK = 20   # documents written per hold of the writer lock: a running `watch` takes its turn between
KEPT = ("manual", "folder", "import")   # origins of values a person set: never read over
@dataclass(frozen=True, slots=True)
class Change:
    """One value the new reading changed: `kind` is filled (补全), corrected (更正) or cleared (清除)."""

    field: str
    kind: str
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "kind": self.kind, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class RereadOutcome:
    document_id: int
    name: str
    changes: tuple[Change, ...] = ()
    kept: tuple[str, ...] = ()       # fields a person set that the reader now reads otherwise: left as set
    held: tuple[Change, ...] = ()    # its 成文日期, which its 档号 rests on, read otherwise now: kept as it was
    error: str | None = None         # the original could not be read again: every value kept
    skipped: str | None = None       # not read again, and why (it waits for OCR or for LibreOffice)
    ocr: bool = False                # its pages are (to be) read by OCR again
    ocr_pages: tuple[int, ...] = ()  # which, when not those OCR read before
    refused: tuple[str, ...] = ()    # an OFD's attachments taken now that were quarantined: 附件/名称：原因

    def to_dict(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "name": self.name,
                "changes": [c.to_dict() for c in self.changes], "kept": list(self.kept),
                "held": [c.to_dict() for c in self.held], "refused": list(self.refused),
                "error": self.error, "skipped": self.skipped}


@dataclass(frozen=True, slots=True)
class _Reading:
    """What reading one original again gave; `pages` None: the stored text stays (OCR's)."""

    values: dict[str, str | None]
    items: dict[str, float]
    seals: tuple[Seal, ...]
    notes: tuple[str, ...]
    pages: tuple[Page, ...] | None = None
    page_count: int | None = None
    pages_estimated: bool = False
    key: str | None = None   # the text key of `pages` (同文异版), as ingest computes it from the same reading
    needs_ocr: bool = False
    ocr: bool = False   # read its pages by OCR again after storing
    ocr_pages: tuple[int, ...] = ()   # those pages, when not the ones OCR read before (their old text kept till then)
    name: str = ""      # the document's original name, for its outcome
    pictures: tuple[Picture, ...] | None = None   # an office file's pictures today's reader finds (图片文字)
    attachments: tuple[str, ...] = ()   # an OFD's attachments never taken (archived before they were read)


@dataclass
class _Plan:
    outcome: RereadOutcome
    reading: _Reading | None = None
    write: dict[str, str | None] = field(default_factory=dict)


def reread(ws: Workspace, ids: Sequence[int] | None = None, *, year: int | None = None, since: str | None = None,
           older: bool = False, dry_run: bool = False, ocr: bool = False, on_start: Callable[[int], None] | None = None,
           on_document: Callable[[RereadOutcome], None] | None = None,
           on_wait: Callable[[], None] | None = None,
           on_ocr_start: Callable[[int], None] | None = None,
           on_ocr_page: Callable[[], None] | None = None) -> list[RereadOutcome]:
    """Read the chosen documents again (all by default); one outcome each, in id order.

    `dry_run` compares and stores nothing. Given ids that are no document raise DocumentNotFound first.
    With `ocr`, the pages to read by OCR are counted to `on_ocr_start` and each read told to `on_ocr_page`."""
    older_than = reader_version() if older else None
    with Catalog(ws.catalog_path) as catalog:
        for doc_id in ids or ():
            catalog.get(doc_id)   # a number that is no document is said so before any work
        chosen = ids_to_reread(catalog, year=year, since=since, older_than=older_than)
        if ids:
            among = set(chosen)
            chosen = [i for i in dict.fromkeys(ids) if i in among]
    if on_start:
        on_start(len(chosen))
    taxonomy, limits = workspace_taxonomy(ws), limits_of(ws)
    outcomes: list[RereadOutcome] = []
    for chunk in _chunks(chosen, CHUNK):
        with Catalog(ws.catalog_path) as catalog:
            readings = {doc_id: _attachments(ws, catalog, doc_id, _read(ws, catalog, doc_id, limits, taxonomy, ocr))
                        for doc_id in chunk}
        if dry_run:
            with Catalog(ws.catalog_path) as catalog:
                plans = [_plan(catalog, doc_id, readings[doc_id]) for doc_id in chunk]
        else:
            with WriterSession(ws, on_wait=on_wait) as session:
                plans = [_plan(session.catalog, doc_id, readings[doc_id]) for doc_id in chunk]
                _store(session, plans)
            _refused(plans, take_attachments(ws, [p.outcome.document_id for p in plans
                                                  if p.reading and p.reading.attachments]))
        for plan in plans:
            outcomes.append(plan.outcome)
            if on_document:
                on_document(plan.outcome)
    if ocr and not dry_run:
        outcomes = _ocr_again(ws, outcomes, on_ocr_start, on_ocr_page)
    return outcomes


def _refused(plans: list[_Plan], taken: dict[int, tuple[IngestResult, ...]]) -> None:
    """Each OFD's or PDF's outcome names its attachments that were quarantined instead of taken."""
    for plan in plans:
        if said := refusals(taken.get(plan.outcome.document_id, ())):
            plan.outcome = replace(plan.outcome, refused=said)


def _chunks(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _read(ws: Workspace, catalog: Catalog, doc_id: int, limits: Limits, taxonomy: Taxonomy | None,
          ocr: bool) -> _Reading | RereadOutcome:
    """The document read again, or its outcome when it is not (waiting, or its original unreadable)."""
    doc = _still(catalog, doc_id)
    if doc is None:   # folded into another document since the run began (a running watcher's OCR)
        return RereadOutcome(doc_id, "", skipped=f"已并入编号 {catalog.folded_into(doc_id)} 的文件（同文异版）")
    if doc.needs_conversion:
        return RereadOutcome(doc_id, doc.original_name, skipped="待 LibreOffice 转换：请先运行 dangan convert --pending")
    if doc.needs_ocr:
        return RereadOutcome(doc_id, doc.original_name,
                             skipped=f"尚未识别文字（待识别，或上次识别未成功）：请先运行 dangan ocr {doc_id}")
    try:
        fresh = _extract(ws, doc, limits)
    except Exception as exc:  # noqa: BLE001 - an original that cannot be read again keeps its values
        if isinstance(exc, DanganError):
            reason, detail = exc.message, exc.technical
        else:
            reason, detail = library_reason(exc, fallback="读取出错，详见日志"), technical(exc)
        log.warning("重新识别失败：文件 %d《%s》：%s（原有著录项保留）%s", doc_id, doc.original_name, reason,
                    f"；技术细节：{detail}" if detail else "")
        return RereadOutcome(doc_id, doc.original_name, error=reason)
    if fresh.needs_conversion:   # LibreOffice gone since: nothing read, nothing lost
        reason = fresh.warnings[0] if fresh.warnings else "无法转换"
        return RereadOutcome(doc_id, doc.original_name, error=reason)
    ocr_pages = {p["number"]: p["confidence"] for p in catalog.pages(doc_id) if p["origin"] == "ocr"}
    if ocr_pages:   # understood from the text OCR gave it, as the OCR stage reads it
        texts = split_pages(doc.text)
        pages = tuple(Page(n, t, "ocr" if n in ocr_pages else "text", ocr_pages.get(n))
                      for n, t in enumerate(texts, 1))
        return replace(_understand(doc, Extracted(pages=pages, extractor="ocr"), fresh, taxonomy), ocr=ocr)
    if fresh.needs_ocr and doc.text.strip() and not ocr:
        return RereadOutcome(doc_id, doc.original_name,
                             skipped="今天的读取器认为文字层不可用、需要文字识别：未更新（加 --ocr 可识别）")
    if doc.mime in PICTURE_FILES:   # its pictures' text, kept from their OCR, is read with its own as the OCR stage reads it
        seen = catalog.picture_texts([doc_id]).get(doc_id, "")
        reading = _understand(doc, with_pictures(fresh.pages, seen), fresh, taxonomy)
        return _with_text(reading, fresh, pictures=fresh.pictures, ocr=ocr and bool(fresh.pictures))
    reading = _understand(doc, fresh, fresh, taxonomy)
    if fresh.needs_ocr and ocr:   # its elements wait for the OCR to come: none is cleared meanwhile
        reading = replace(reading, values={}, items={})
        if doc.text.strip():   # the text it has stays till OCR reads those pages: an OCR that fails loses nothing
            return replace(reading, ocr=True, ocr_pages=tuple(p.number for p in fresh.pages if not p.text.strip()))
    return _with_text(reading, fresh, needs_ocr=fresh.needs_ocr, ocr=ocr and fresh.needs_ocr)


def _attachments(ws: Workspace, catalog: Catalog, doc_id: int, reading: _Reading | RereadOutcome) -> _Reading | RereadOutcome:
    """The reading with the OFD's attachments an older dangan never took (taken after the chunk is stored)."""
    if isinstance(reading, RereadOutcome):
        return reading
    return replace(reading, attachments=pending_attachments(ws, catalog, catalog.get(doc_id)))


def _with_text(reading: _Reading, fresh: Extracted, **more: Any) -> _Reading:
    """The reading with the fresh extraction's text to store: its pages, page count and text key."""
    return replace(reading, pages=fresh.pages, page_count=fresh.page_count,
                   pages_estimated=fresh.page_count_estimated, key=text_key(fresh.text), **more)


def _extract(ws: Workspace, doc: Document, limits: Limits) -> Extracted:
    """The archived original through today's extractor, in a limited worker as ingest reads it."""
    path = ws.originals / doc.relpath
    if not path.is_file():
        raise FileNotFoundError(path)
    return extract(Incoming(path, doc.mime, doc.size, doc.sha256, datetime.now()), limits)


def _understand(doc: Document, reading: Extracted, fresh: Extracted, taxonomy: Taxonomy | None) -> _Reading:
    """The elements and items of `reading`, as ingest reads them; seals, notes and the photo's date are the
    fresh extraction's."""
    meta, items = read_facts(reading, doc.original_name, taxonomy)
    meta = photo_facts(meta, fresh.text, len(fresh.pictures), doc.original_name)   # a Word file of photos (照片佐证)
    if doc.mime in ARCHIVES:   # a batch is titled by its own name, as ingest titles it
        meta = replace(meta, title=MetaValue(doc.original_name.rsplit(".", 1)[0], 1.0))
    values = meta.catalog_values()
    if fresh.taken_at:
        values["taken_at"] = fresh.taken_at
    return _Reading(values, {i.code: i.score for i in items}, fresh.seals, fresh.warnings, name=doc.original_name)


def _plan(catalog: Catalog, doc_id: int, reading: _Reading | RereadOutcome) -> _Plan:
    """What storing the reading changes, against the document as it is now (under the lock when storing)."""
    if isinstance(reading, RereadOutcome):
        return _Plan(reading)
    doc = _still(catalog, doc_id)
    if doc is None:   # folded into another document meanwhile (a running watch's OCR found its text there)
        return _Plan(RereadOutcome(doc_id, reading.name, skipped=f"已并入编号 {catalog.folded_into(doc_id)} 的文件（同文异版）"))
    origins = catalog.meta_origin(doc_id)
    changes, kept, held, write = [], [], [], {}
    for key, new in reading.values.items():
        old, new = getattr(doc, key) or None, new or None
        if new == old:
            continue
        if origins.get(key, {}).get("origin") in KEPT:
            kept.append(key)
        elif key == "doc_date" and doc.archival_code:   # its 档号 (year, 件号 in date order) was given by that date
            held.append(_change(key, old, new))
        else:
            write[key] = new
            changes.append(_change(key, old, new))
    changes += _text_changes(catalog, doc, reading)
    linked = item_origins(catalog, doc_id)
    old_items = sorted(c for c, o in linked.items() if o == "auto")
    new_items = sorted(c for c in reading.items if linked.get(c) != "manual")
    if old_items != new_items:
        changes.append(_change("items", old_items, new_items))
    if reading.attachments:   # each taken as a document of its own, as ingest takes them
        changes.append(_change("attachments", None, list(reading.attachments)))
    outcome = RereadOutcome(doc_id, doc.original_name, tuple(changes), tuple(kept), tuple(held), ocr=reading.ocr,
                            ocr_pages=reading.ocr_pages)
    return _Plan(outcome, reading, write)


def _text_changes(catalog: Catalog, doc: Document, reading: _Reading) -> list[Change]:
    """Seals, reading notes, page count and text (the text by its length: the audit keeps no copy)."""
    changes = []
    old_seals = catalog.seals(doc.id)
    if _seal_rows(old_seals) != _seal_rows(s.to_dict() for s in reading.seals):
        changes.append(_change("seals", [s["name"] for s in old_seals], [s.name for s in reading.seals]))
    old_notes = catalog.notes(doc.id)
    if old_notes != list(reading.notes):
        changes.append(_change("notes", old_notes, list(reading.notes)))
    if reading.pages is not None:
        count = reading.page_count or len(reading.pages) or None
        if count != doc.pages:
            changes.append(_change("pages", doc.pages, count))
        text = PAGE_BREAK.join(p.text for p in reading.pages)
        if text != doc.text:
            changes.append(_change("text", f"{len(doc.text)} 字" if doc.text else None,
                                   f"{len(text)} 字" if text else None))
    return changes


def _seal_rows(seals: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(s["name"], s["organ"], s["signed_at"], s["provider"], s["page"], s["boundary"]) for s in seals]


def _change(key: str, old: Any, new: Any) -> Change:
    kind = "filled" if not old else "cleared" if not new else "corrected"
    return Change(key, kind, old, new)


def _store(session: WriterSession, plans: list[_Plan]) -> None:
    """Write the changed documents (a document nothing changed on is left untouched, but for which reader read
    it), then reindex them."""
    catalog, changed = session.catalog, []
    for plan in plans:
        reading, outcome = plan.reading, plan.outcome
        if reading is not None and reading.ocr and reading.pictures is not None:   # --ocr: read as today's reader finds them
            pictures_again(catalog, outcome.document_id, reading.pictures)
        if reading is None or not outcome.changes:
            continue
        doc_id = outcome.document_id
        apply_reading(catalog, doc_id, seals=reading.seals, notes=reading.notes, pages=reading.pages,
                      page_count=reading.page_count, pages_estimated=reading.pages_estimated,
                      text_key=reading.key, needs_ocr=reading.needs_ocr)
        if plan.write:
            catalog.update_fields(doc_id, plan.write, origin="auto")
        catalog.set_items(doc_id, reading.items, "auto")
        audit.record(catalog, "reread", f"doc:{doc_id}",
                     {"before": {c.field: c.before for c in outcome.changes},
                      "after": {c.field: c.after for c in outcome.changes}})
        changed.append(doc_id)
    stamp_reader(catalog, [p.outcome.document_id for p in plans if p.reading is not None], reader_version())
    if changed:
        session.refresh(*changed)


def _ocr_again(ws: Workspace, outcomes: list[RereadOutcome], on_start: Callable[[int], None] | None,
               on_page: Callable[[], None] | None) -> list[RereadOutcome]:
    """`--ocr`: the documents read by OCR have their pages read again (the OCR stage re-reads their elements)."""
    from dangan.archive.text_updates import ocr_again
    from dangan.intake.ocr_stage import ocr_documents

    again = {o.document_id: o.ocr_pages for o in outcomes if o.ocr and o.error is None and o.skipped is None}
    ids = list(again)
    if not ids:
        return outcomes
    with WriterSession(ws) as session:
        before = {doc_id: session.catalog.get(doc_id) for doc_id in ids}
        for doc_id, pages in again.items():
            ocr_again(session.catalog, doc_id, pages)
    failed = {o.document_id: o.error for o in ocr_documents(ws, ids, on_page=on_page, on_start=on_start) if o.error}
    with Catalog(ws.catalog_path) as catalog:
        after = {doc_id: doc for doc_id in ids if (doc := _still(catalog, doc_id)) is not None}
    out = []
    for outcome in outcomes:
        doc_id = outcome.document_id
        if doc_id in before:
            old, new = before[doc_id], after.get(doc_id)
            extra = [_change(key, getattr(old, key) or None, getattr(new, key) or None)
                     for key in ("title", "doc_type", "doc_number", "issuer", "doc_date")
                     if new is not None and (getattr(old, key) or None) != (getattr(new, key) or None)
                     and key not in {c.field for c in outcome.changes}]
            outcome = replace(outcome, changes=outcome.changes + tuple(extra), error=failed.get(doc_id))
        out.append(outcome)
    return out


def _still(catalog: Catalog, doc_id: int) -> Document | None:
    """The document, or None when OCR found it repeats another's text and folded it there (同文异版)."""
    try:
        return catalog.get(doc_id)
    except DocumentNotFound:
        return None
