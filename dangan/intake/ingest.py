"""Ingest: one file through detect → extract → understand → archive → index.

`ingest_file` is the one entry point the CLI, the watcher, the web desk and
the tests share. A batch holds the writer lock, one catalog connection and
one index; index commits are batched and flushed at the end. Extraction runs
in a worker process held to a time and memory limit (workers.py).
"""
from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.archive.selections import source_records
from dangan.archive.store import repair_original, store_original
from dangan.errors import DanganError, DiskFull, ExtractionFailed, FileVanished, is_disk_full
from dangan.faults import crash_point
from dangan.index.base import IndexDoc
from dangan.index.session import WriterSession
from dangan.intake import gc_threshold
from dangan.intake.inspect import inspect
from dangan.intake.quarantine import quarantine
from dangan.intake.unpack import ingest_members, ingest_pdf_attachments
from dangan.intake.workers import extract, warm_up
from dangan.model import Extracted, Incoming, IngestResult, MetaValue, OfficialMeta
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import ARCHIVES, OFD, PDF
from dangan.read.extract.failures import library_reason, technical
from dangan.read.extract.soffice import find_soffice
from dangan.read.understand.metadata import read_facts, taxonomy_rows
from dangan.read.understand.photo_docs import photo_facts
from dangan.read.understand.taxonomy import workspace_taxonomy
from dangan.read.version import reader_version
from dangan.text.fingerprint import big5_key, big5_only, text_key
from dangan.text.paths import path_text
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

INDEX_BATCH = 1000   # documents per index commit: one commit for most batches
SUPPORTED_SUFFIXES = None  # type by content: every file is tried

StageHook = Callable[[str, Incoming, int | None], None]  # (stage, file, document id)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a file came from and what its folder says about it."""

    inbox: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)   # e.g. {"doc_type": "讲话"}
    tags: dict[str, str] = field(default_factory=dict)        # e.g. {"社区": "…"}
    move_failed: bool = False                                 # watcher: move, ingest: copy
    retry_transient: bool = False   # watcher: a vanished or unreadable file is retried, not quarantined
    shown: Path | None = None       # an archive member: the path recorded and shown (`batch.zip/成员/x.doc`)
    archive_depth: int = 0          # archives this file came out of
    stored_name: str | None = None  # an archive member's garbled name as stored, when `shown` has it read back


class Batch(WriterSession):
    """A writer session for many files: a buffer of index documents, the taxonomy and limits."""

    def __init__(self, ws: Workspace, on_wait: Callable[[], None] | None = None,
                 cancelled: Callable[[], bool] | None = None):
        warm_up()   # extraction workers get ready while the catalog and index open
        super().__init__(ws, on_wait=on_wait)
        self.cancelled = cancelled   # a stop request: the file being read is abandoned, not failed
        self.pending: list[IndexDoc] = []   # the latest document, staged when the next comes
        self.staged = 0                      # documents staged in the index since its last commit
        self.sources: dict[str, tuple[int, float, int, str | None, str]] | None = None  # unchanged_source
        self.unchanged: dict[str, tuple[int, str | None, str]] = {}   # checked once, used once more
        self.taxonomy = workspace_taxonomy(ws)
        self.catalog.sync_items(taxonomy_rows(self.taxonomy))
        self.limits = limits_of(ws)
        gc_threshold.batch_started()   # ended in close()

    def queue_index(self, doc: IndexDoc) -> None:
        """Stage the document in the index's open writer, one document late: its analysis
        overlaps the workers' extraction of the next files, and the latest document can
        still be replaced (`import_manifest` does); `flush` commits."""
        held, self.pending = self.pending, [doc]
        self._stage(held)

    def _stage(self, docs: list[IndexDoc]) -> None:
        if not docs:
            return
        self.index.stage(docs)
        self.staged += len(docs)
        if self.staged == len(docs):
            crash_point("index_write")   # the index writer is open with a document in it
        if self.staged >= INDEX_BATCH:
            self.index.commit()
            self.staged = 0

    def flush(self) -> None:
        held, self.pending = self.pending, []
        self._stage(held)
        if self.staged:
            self.index.commit()
            self.staged = 0

    def close(self) -> None:
        try:
            self.flush()
        finally:
            try:
                super().close()
            finally:
                gc_threshold.batch_ended()

    def __enter__(self) -> Batch:
        return self


def ingest_file(path: Path, batch: Batch, origin: Origin = Origin(),
                on_stage: StageHook | None = None,
                prepared: Callable[[], tuple[Incoming, Extracted]] | None = None) -> IngestResult:
    """Take one file into the archive; never raises for bad input, reports it instead.

    `on_stage` hears "extracted" and "archived" (the watcher's journal advances on them);
    `prepared` gives the file's hash and extraction when a worker made them ahead.
    """
    path = Path(os.path.abspath(path))  # absolute, '..' folded, links kept as named
    shown = origin.shown or path
    incoming = None
    members: tuple[IngestResult, ...] = ()
    try:
        known = unchanged_source(path, batch)
        if known is not None and _original_in_place(known[0], batch):
            # unchanged tree: no hashing, no typing (the type is the catalog's: --json said null for it)
            return IngestResult("duplicate", path, known[0], known[1], mime=known[2])
        incoming, extracted = prepared() if prepared else (inspect(path, batch.limits), None)
        existing = batch.catalog.find_sha(incoming.sha256)
        if existing is not None:
            batch.catalog.add_source(existing, shown, origin.inbox, origin.stored_name)
            return IngestResult("duplicate", shown, existing, batch.catalog.get(existing).title,
                                mime=incoming.mime, reason=_repaired(incoming, existing, batch))
        if incoming.mime in ARCHIVES or incoming.mime == OFD:   # each member (an OFD's attachments) its own
            members = ingest_members(incoming, shown, batch, origin)   # document; the archive itself after them
        extracted = extracted or extract(incoming, batch.limits, batch.cancelled)
        if incoming.mime == PDF and extracted.attachments:   # listed by its reading; taken before it, as an OFD's
            members = ingest_pdf_attachments(incoming, extracted.attachments, shown, batch, origin)
        crash_point("extracting")
        if on_stage:
            on_stage("extracted", incoming, None)
        key = text_key(extracted.text)
        if (same := same_text_as(batch.catalog, extracted.text, key)) is not None:
            return replace(keep_variant(incoming, same, batch, shown), members=members)
        meta, items = read_facts(extracted, path_text(shown.name), batch.taxonomy)
        meta = photo_facts(meta, extracted.text, len(extracted.pictures), path_text(shown.name))   # 照片佐证
        if incoming.mime in ARCHIVES:   # titled by its own name, read as such (no folder default, no hand)
            meta = replace(meta, title=MetaValue(path_text(shown.stem), 1.0))
        doc_id = archive(incoming, extracted, meta, origin, batch, key)
        if items:
            batch.catalog.set_items(doc_id, {i.code: i.score for i in items}, "auto")
        if on_stage:
            on_stage("archived", incoming, doc_id)
        crash_point("archived")
        batch.queue_index(IndexDoc.from_document(batch.catalog.get(doc_id),
                                                 batch.catalog.item_codes(doc_id)))
        title = origin.overrides.get("title") or (meta.title.value if meta.title else None)
        return IngestResult("added", shown, doc_id, title, needs_ocr=extracted.wants_ocr,
                            mime=incoming.mime, needs_conversion=extracted.needs_conversion,
                            reason=extracted.warnings[0] if extracted.needs_conversion else None,
                            pages=extracted.page_count or len(extracted.pages),
                            notes=() if extracted.needs_conversion else extracted.warnings,
                            members=members)
    except DiskFull:
        raise   # nothing is wrong with the file: stop, quarantine nothing
    except DanganError as error:
        return replace(fail(path, _vanished(path) or error, batch, origin, incoming), members=members)
    except Exception as exc:  # a library bug on hostile input must not stop the batch
        if is_disk_full(exc) or _sqlite_full(exc):
            raise DiskFull(path=getattr(exc, "filename", None) or str(batch.ws.home)) from exc
        vanished = _vanished(path)
        if vanished is None:
            log.exception("unexpected failure on %s", path_text(path))
        failure = vanished or ExtractionFailed(detail=library_reason(exc), technical=technical(exc))
        return fail(path, failure, batch, origin, incoming)


def _vanished(path: Path) -> FileVanished | None:
    """A failure while the file was taken away (deleted, moved) is that, not a broken file."""
    return None if os.path.lexists(path) else FileVanished(detail="文件在收录过程中被删除或移走")


def _sqlite_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "disk is full" in str(exc)


def _original_in_place(doc_id: int, batch: Batch) -> bool:
    """The archive's copy is there at its size (a stat, not a hash: an unchanged tree stays fast);
    when it is not, the file re-ingested is read through and repairs it."""
    doc = batch.catalog.get(doc_id)
    try:
        return (batch.ws.originals / doc.relpath).stat().st_size == doc.size
    except OSError:
        return False


def _repaired(incoming: Incoming, doc_id: int, batch: Batch) -> str | None:
    """The same bytes again, while the archive's copy is gone or damaged (check: 原件缺失 /
    校验值不符): stored anew, and said so, in the result and the audit trail."""
    relpath = batch.catalog.relpath_of_sha(incoming.sha256)
    if relpath is None or not repair_original(incoming.path, incoming.sha256, relpath, batch.ws.originals):
        return None
    audit.record(batch.catalog, "repair", f"doc:{doc_id}", {"name": path_text(incoming.path.name)})
    log.warning("存档原件缺失或已损坏，已用 %s 重新存档（文件 %s）", path_text(incoming.path), doc_id)
    return f"存档原件缺失或已损坏，已用这份重新存档（文件 {doc_id}）"


def unchanged_source(path: Path, batch: Batch) -> tuple[int, str | None, str] | None:
    """(document id, title, mime) if `path` is a recorded source of that size whose content (mtime)
    and inode (ctime: a replaced or `cp -p` file gets a new one) are older than the record."""
    key = str(path)
    if key in batch.unchanged:   # the prefetcher asked a moment ago, ingest_file asks now
        return batch.unchanged.pop(key)
    if batch.sources is None:   # one read per batch; sources has no index on path
        rows = source_records(batch.catalog)
        batch.sources = {row[0]: (row[1], _timestamp(row[2]), row[3], row[4], row[5]) for row in rows}
    known = batch.sources.get(key)
    if known is None:
        return None
    doc_id, recorded, size, title, mime = known   # recorded in whole seconds: errs on safety
    try:
        info = os.stat(key)
    except OSError:
        return None
    if info.st_size == size and max(info.st_mtime, info.st_ctime) < recorded:
        batch.unchanged[key] = (doc_id, title, mime)
        return doc_id, title, mime
    return None


def _timestamp(iso: str) -> float:
    try:
        return datetime.fromisoformat(iso).timestamp()
    except ValueError:
        return 0.0   # unreadable: never "unchanged"


def limits_of(ws: Workspace) -> Limits:
    settings = ws.settings
    return Limits(max_file_bytes=int(settings.max_file_mb * 2**20),
                  max_unzipped_bytes=int(settings.max_unzipped_mb * 2**20),
                  seconds=settings.extract_seconds,
                  memory_bytes=int(settings.extract_memory_mb * 2**20),
                  conversion_timeout_s=settings.conversion_timeout_s, soffice=find_soffice() or "")


def archive(incoming: Incoming, extracted: Extracted, meta: OfficialMeta, origin: Origin,
            batch: Batch, key: str | None = None) -> int:
    """Original first (atomic), then the catalog row: a crash between leaves only an orphan file."""
    stored = store_original(incoming.path, incoming.sha256, incoming.mime, batch.ws.originals)
    crash_point("stored")
    shown = origin.shown or incoming.path
    return batch.catalog.add_document(
        sha256=incoming.sha256, size=incoming.size, mime=incoming.mime, relpath=stored.relpath,
        original_name=path_text(shown.name), pages=extracted.pages, meta=meta,
        needs_ocr=extracted.wants_ocr, taken_at=extracted.taken_at, tags=origin.tags,
        overrides=origin.overrides, source=shown, inbox=origin.inbox,
        page_count=extracted.page_count, pages_estimated=extracted.page_count_estimated, text_key=key,
        needs_conversion=extracted.needs_conversion, seals=extracted.seals,
        notes=() if extracted.needs_conversion else extracted.warnings,   # unread: its reason is said apart
        reader=reader_version(), pictures=extracted.pictures, stored_name=origin.stored_name)


def same_text_as(catalog: Catalog, text: str, key: str | None) -> int | None:
    """The archived document whose text this is (同文异版): of the same text key; or, for a Big5 copy that
    lost the characters Big5 cannot hold (or the original of one archived), of the same Big5 key when one
    of the two texts is all Big5 (text.fingerprint.big5_key)."""
    if key and (same := catalog.find_text_key(key)) is not None:
        return same
    loose = big5_key(text) if key else None
    if loose is None:
        return None
    mine = big5_only(text)
    return next((doc_id for doc_id, other in catalog.find_big5_key(loose) if mine or big5_only(other)), None)


def keep_variant(incoming: Incoming, doc_id: int, batch: Batch, shown: Path | None = None) -> IngestResult:
    """The same text as document `doc_id` in other bytes (同文异版): the original is kept and
    linked to it, but it is no second document: not indexed again, no second 档号."""
    shown = shown or incoming.path
    stored = store_original(incoming.path, incoming.sha256, incoming.mime, batch.ws.originals)
    batch.catalog.add_variant(doc_id, sha256=incoming.sha256, size=incoming.size, mime=incoming.mime,
                              relpath=stored.relpath, original_name=path_text(shown.name),
                              source=shown)
    title = batch.catalog.get(doc_id).title
    return IngestResult("duplicate", shown, doc_id, title, mime=incoming.mime,
                        reason=f"同文异版：与第 {doc_id} 件正文相同，原件已另存")


def fail(path: Path, error: DanganError, batch: Batch, origin: Origin,
         incoming: Incoming | None) -> IngestResult:
    if origin.retry_transient and isinstance(error, FileVanished):
        return IngestResult("failed", path, error_code=error.code, reason=error.message)
    shown = origin.shown or path
    target = quarantine(path, error, batch.ws.quarantine, move=origin.move_failed, shown=shown)
    batch.catalog.record_failure(shown, incoming.sha256 if incoming else None,
                                 error.code, error.message, target)
    log.warning("quarantined %s: %s", path_text(shown), error.message)
    return IngestResult("failed", shown, error_code=error.code, reason=error.message,
                        mime=incoming.mime if incoming else None)


def walk(paths: Iterable[Path], on_error: Callable[[OSError], None] | None = None) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; links to folders not followed.

    A folder that cannot be read is passed to `on_error` (never skipped silently).
    """
    for root in paths:
        if root.is_dir() and not root.is_symlink():
            for folder, dirs, files in os.walk(root, onerror=on_error):
                dirs.sort()
                for name in sorted(files):
                    yield Path(folder) / name
        else:
            yield root
