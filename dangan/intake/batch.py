"""A batch of paths through `ingest_file`, with progress and a report."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dangan.errors import FileVanished, MissingDependency, UnsupportedFormat, read_reason
from dangan.intake.import_manifest import ManifestImports
from dangan.intake.ingest import Batch, Origin, fail, ingest_file, unchanged_source, walk
from dangan.intake.openfiles import written_elsewhere
from dangan.intake.prefetch import MIN_FILES, Prefetcher, Prepared
from dangan.intake.system_files import SKIPPED, system_file_at
from dangan.model import IngestResult
from dangan.read.extract.detect import OFD, PDF
from dangan.text.paths import path_text
from dangan.workspace import Workspace

BEING_WRITTEN = "FILE_BEING_WRITTEN"
BUSY_REASON = "文件正被其他程序以写入方式打开（复制或下载尚未完成，或正在编辑），本次未收录；写完、关闭后请再收录一次"


@dataclass
class BatchReport:
    results: list[IngestResult] = field(default_factory=list)
    reindexed: int = 0   # catalogued by an interrupted run, indexed by this one
    ocr: list[dict[str, Any]] = field(default_factory=list)   # documents read by OCR afterwards
    ocr_unavailable: str | None = None   # why the flagged files were not read

    def _through_ocr(self) -> set[int]:
        """Documents the OCR stage took, read or failed: neither is still waiting for OCR."""
        return {o["document_id"] for o in self.ocr}

    def _given(self) -> list[IngestResult]:
        """The outcomes of the files given, not of the members they held: a given archive's `members` already
        holds those of the archives inside it, which are among the results too (counted once, not twice)."""
        inside = {id(m) for r in self.results for m in r.members}
        return [r for r in self.results if id(r) not in inside]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.count("added"),
            # the files taken out of ZIP/7z/RAR batches, counted in the figures above with the files given
            "archive_members": sum(_taken(r.members) for r in self._given() if r.mime not in (OFD, PDF)),
            "ofd_attachments": sum(len(r.members) for r in self._given() if r.mime == OFD),   # likewise
            "pdf_attachments": sum(len(r.members) for r in self._given() if r.mime == PDF),   # a PDF's embedded files
            "duplicates": self.count("duplicate"),
            "same_text": [{"path": path_text(r.path), "id": r.document_id} for r in self.results
                          if r.status == "duplicate" and (r.reason or "").startswith("同文异版")],
            "repaired": [{"path": path_text(r.path), "id": r.document_id} for r in self.results
                         if r.status == "duplicate" and (r.reason or "").startswith("存档原件")],
            "failed": [{"path": path_text(r.path), "reason": r.reason, "code": r.error_code,
                        "type": r.mime} for r in self.failed],
            "busy": [{"path": path_text(r.path), "reason": r.reason} for r in self.results
                     if r.status == "skipped" and r.error_code == BEING_WRITTEN],
            # Thumbs.db, ~$x.docx, __MACOSX/…: left, not quarantined (intake/system_files.py)
            "system_files": [{"path": path_text(r.path), "kind": r.reason} for r in self.results
                             if r.status == "skipped" and r.error_code == SKIPPED],
            "needs_ocr": [path_text(r.path) for r in self.results
                          if r.needs_ocr and r.document_id not in self._through_ocr()],
            "ocr": self.ocr,
            "needs_conversion": [{"path": path_text(r.path), "reason": r.reason}
                                 for r in self.results if r.needs_conversion],
            "warnings": [{"id": r.document_id, "path": path_text(r.path), "notes": list(r.notes)}
                         for r in self.results if r.status == "added" and r.notes],
            **({"ocr_unavailable": self.ocr_unavailable} if self.ocr_unavailable else {}),
            "documents": [{"id": r.document_id, "path": path_text(r.path), "title": r.title,
                           "status": r.status, "type": r.mime}
                          for r in self.results if r.document_id is not None],
        }


def ingest_paths(ws: Workspace, paths: Iterable[Path], *,
                 on_file: Callable[[IngestResult], None] | None = None,
                 on_wait: Callable[[], None] | None = None,
                 origin: Origin = Origin(), ocr: bool | None = None,
                 on_ocr_page: Callable[[], None] | None = None,
                 on_ocr_start: Callable[[int], None] | None = None) -> BatchReport:
    """Ingest files and folders (recursively). Sources are only read, never changed.

    Scans and photos are archived at once, flagged, then read by OCR (when
    enabled) after the batch, in worker processes, and reindexed.
    """
    report = BatchReport()
    imports = ManifestImports()   # a folder from `dangan export` keeps its metadata
    unreadable: list[OSError] = []
    files: list[Path] = []
    outside: list[Path] = []
    for root in map(Path, paths):
        for path in walk([root], on_error=unreadable.append):
            if imports.skip(path):
                continue
            (outside if _leaves(path, root) else files).append(Path(os.path.abspath(path)))
    kinds = {path: kind for path in files if (kind := system_file_at(path))}
    left = [IngestResult("skipped", path, error_code=SKIPPED, reason=kind) for path, kind in kinds.items()]
    files = [path for path in files if path not in kinds]
    busy = written_elsewhere(files)   # half a file is never archived: it waits for the next run
    files = [path for path in files if path not in busy]
    with Batch(ws, on_wait=on_wait) as batch:
        report.reindexed = mend_index(batch)
        waiting = (IngestResult("skipped", path, error_code=BEING_WRITTEN, reason=BUSY_REASON)
                   for path in sorted(busy))
        for result in (*_refused(batch, origin, outside, unreadable), *waiting, *left):
            report.results.append(result)
            if on_file:
                on_file(result)
        prefetch = Prefetcher(batch.limits) if len(files) >= MIN_FILES else None
        try:
            for path, prepared in _stream(files, batch, prefetch):
                result = ingest_file(path, batch, origin, prepared=prepared)
                imports.apply(batch, path, result)
                report.results.append(result)
                report.results.extend(result.members)   # an archive's members, each its own document
                if on_file:
                    on_file(result)
        finally:
            if prefetch:
                prefetch.close()
    if ws.settings.ocr_enabled if ocr is None else ocr:
        flagged = [r.document_id for r in report.results
                   if r.needs_ocr and r.status == "added" and r.document_id is not None]
        if flagged:
            from dangan.intake.ocr_stage import ocr_documents

            try:
                report.ocr = [o.to_dict() for o in ocr_documents(ws, flagged, on_page=on_ocr_page,
                                                                 on_start=on_ocr_start)]
                _same_text_after_ocr(report)
            except MissingDependency as error:   # e.g. Python 3.13: no OCR engine; scans stay flagged
                report.ocr_unavailable = f"{error.message}。{error.hint}"
    return report


def _same_text_after_ocr(report: BatchReport) -> None:
    """A scan whose OCR text is an archived document's became another original of it: report it
    as ingest reports 同文异版, not as a document of its own."""
    folded = {o["document_id"]: o["same_as"] for o in report.ocr if o.get("same_as")}
    report.results = [
        replace(r, status="duplicate", document_id=folded[r.document_id], needs_ocr=False,
                reason=f"同文异版：识别文字后与第 {folded[r.document_id]} 件正文相同，原件已另存")
        if r.document_id in folded else r for r in report.results]


def _taken(members: tuple[IngestResult, ...]) -> int:
    """An archive's members counted as documents: a __MACOSX or Thumbs.db member left is none."""
    return sum(m.status != "skipped" for m in members)


def _leaves(path: Path, root: Path) -> bool:
    """A link inside a given folder whose target lies outside it (`/etc/shadow`)."""
    if path == root or not path.is_symlink():
        return False
    real_root = os.path.realpath(root)
    return not os.path.realpath(path).startswith(real_root + os.sep)


def _refused(batch: Batch, origin: Origin, outside: list[Path],
             unreadable: list[OSError]) -> Iterator[IngestResult]:
    """Links out of the given folder and folders that cannot be read: reported, never read."""
    for path in outside:
        target = path_text(os.readlink(path))
        yield fail(path, UnsupportedFormat(f"符号链接指向所收录文件夹以外（{target}），未收录",
                                           hint="请把文件本身（而不是链接）放入要收录的文件夹。"),
                   batch, origin, None)
    for exc in unreadable:
        folder = Path(exc.filename or "")
        vanished = FileVanished(detail=f"文件夹无法读取：{read_reason(exc)}")
        yield fail(folder, vanished, batch, replace(origin, move_failed=False), None)


def mend_index(batch: Batch) -> int:
    """Index what an interrupted run catalogued but never indexed (as the watcher does at start).

    Counting is cheap; the full comparison runs only when the counts differ.
    """
    if batch.catalog.count() == batch.index.count():
        return 0
    from dangan.intake.queue import repair_index

    return repair_index(batch)


def _stream(files: list[Path], batch: Batch,
            prefetch: Prefetcher | None) -> Iterator[tuple[Path, Prepared | None]]:
    if prefetch is None:
        return ((path, None) for path in files)
    # files unchanged since an earlier ingest are not read again (re-ingest fast path)
    return prefetch.run((path, unchanged_source(path, batch) is None) for path in files)


def count_files(paths: Iterable[Path]) -> int:
    return sum(1 for _ in walk(paths))
