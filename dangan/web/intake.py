"""Uploaded files into the archive: staged under the workspace, then the watcher's own path.

With the ingest journal (`dangan.intake.queue`) a file is recorded as a job
and taken like an inbox file (archived → indexed → the staged copy removed;
failures quarantined with a reason). Without it, `Batch` + `ingest_file`.
"""
from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dangan.archive.catalog import Catalog
from dangan.archive.selections import archive_members
from dangan.intake.ingest import Batch, Origin, ingest_file
from dangan.intake.quarantine import hint_beside
from dangan.read.extract.detect import ARCHIVES, OFD, PDF
from dangan.text.paths import path_text
from dangan.web.lookup import download_name, safe_filename
from dangan.workspace import Workspace

WEB_INBOX = "web"
LABELS = {"added": "收录", "duplicate": "重复", "failed": "失败"}
REFUSED_SHOWN = 5


@dataclass(frozen=True, slots=True)
class UploadResult:
    name: str
    status: str                 # added | duplicate | failed
    document_id: int | None = None
    title: str | None = None
    reason: str | None = None
    needs_ocr: bool = False     # a scan or photo archived without text: OCR reads it next
    refused: tuple[tuple[str, str], ...] = ()   # a ZIP/7z/RAR's members quarantined: (name, reason)
    members: int = 0            # a ZIP/7z/RAR's members in the archive (each a document of its own)
    renamed: str | None = None  # the name it downloads under when its suffix belied its content
    attachments: str = ""   # OFD or PDF: the members are its attachments (GB/T 33190 §20; embedded files), not an archive's files

    def to_dict(self) -> dict[str, Any]:
        partial = bool(self.refused) and self.status != "failed"
        return {"name": self.name, "status": self.status, "label": "部分收录" if partial else LABELS[self.status],
                "id": self.document_id, "title": self.title, "reason": self._reason(), "needs_ocr": self.needs_ocr,
                "partial": partial, "refused": [{"name": name, "reason": why} for name, why in self.refused]}

    def _reason(self) -> str | None:
        """A batch's members that were not archived are said on its row, not only on the 状态 page;
        a duplicate says which document already holds it."""
        if self.status == "duplicate" and not self.reason and self.document_id:
            return f"档案中已有，编号 {self.document_id}，未重复收录"
        container = f"{self.attachments} 附件中" if self.attachments else "压缩包中"
        taken = f"{container} {self.members} 个文件已逐个收录" if self.members and self.status == "added" else None
        if self.renamed and self.status == "added":
            taken = f"扩展名与内容不符：按内容收录，下载时名为 {self.renamed}"
        if not self.refused:
            return "；".join(filter(None, [taken, self.reason])) or None
        said = "；".join(f"{name}：{why}" for name, why in self.refused[:REFUSED_SHOWN])
        more = f" 等（共 {len(self.refused)} 个）" if len(self.refused) > REFUSED_SHOWN else ""
        return "；".join(filter(None, [taken, f"{len(self.refused)} 个文件未收录（已隔离，见“状态”页）——{said}{more}",
                                       self.reason]))


def staging_dir(ws: Workspace) -> Path:
    return ws.home / "staging" / WEB_INBOX


def stage(ws: Workspace, stream: IO[bytes], filename: str | None) -> Path:
    """Save an upload as staging/web/<random>/<safe name>; the name never leaves that folder."""
    folder = staging_dir(ws) / uuid.uuid4().hex
    folder.mkdir(parents=True, mode=0o700)
    target = folder / safe_filename(filename, fallback="upload")
    with open(target, "xb") as out:
        shutil.copyfileobj(stream, out, length=1 << 20)
    return target


def ingest_staged(ws: Workspace, path: Path) -> UploadResult:
    """Take one staged file through the same steps as the watcher; the staging folder is then cleared."""
    try:
        try:
            from dangan.intake.queue import Journal, Ready, collect
        except ImportError:
            return _direct(ws, path)
        return _journalled(ws, path, Journal, Ready, collect)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


def _journalled(ws: Workspace, path: Path, journal_cls: Any, ready_cls: Any, collect: Any) -> UploadResult:
    info = os.stat(path)
    with Batch(ws) as batch:
        journal = journal_cls(batch.catalog)
        job = journal.record(path, staging_dir(ws), info.st_size, info.st_mtime)
        origin = Origin(inbox=WEB_INBOX, move_failed=True)
        outcome = collect(batch, journal, [ready_cls(job, origin)], lambda: False)[0]
        status = outcome.status if outcome.status in LABELS else "failed"
        document = batch.catalog.get(outcome.document_id) if outcome.document_id else None
        opened = document is not None and (document.mime in ARCHIVES or document.mime in (OFD, PDF))
        members = len(archive_members(batch.catalog, document.id)) if document and opened else 0
        reason = _with_hint(batch.catalog, path, outcome.reason) if status == "failed" else outcome.reason
    renamed = download_name(path.name, document.mime, document.relpath) if document else None
    return UploadResult(path.name, status, outcome.document_id, document.title if document else None, reason,
                        bool(document and document.needs_ocr and status == "added"),
                        tuple((_member(name, path), why) for name, why in outcome.refused), members,
                        renamed if renamed != path.name else None,
                        {OFD: "OFD", PDF: "PDF"}.get(document.mime, "") if document else "")


def _with_hint(catalog: Catalog, path: Path, reason: str | None) -> str | None:
    """A failed upload's reason with its quarantine 提示 (what to do), which the clerk at the desk
    never reads in the reason file beside the copy."""
    row = catalog.conn.execute("SELECT quarantined FROM failures WHERE path = ? ORDER BY id DESC LIMIT 1",
                               (path_text(path),)).fetchone()
    hint = hint_beside(row[0]) if row else None
    return f"{reason}。提示：{hint}" if reason and hint else reason


def _member(name: str, batch: Path) -> str:
    """A member as the batch names it (附件/残缺.pdf), not under the upload's hidden staging folder."""
    member = Path(name)
    return member.relative_to(batch).as_posix() if batch in member.parents else member.name


def _direct(ws: Workspace, path: Path) -> UploadResult:
    with Batch(ws) as batch:
        result = ingest_file(path, batch, Origin(inbox=WEB_INBOX, move_failed=True))
        status = result.status if result.status in LABELS else "failed"
        reason = _with_hint(batch.catalog, path, result.reason) if status == "failed" else result.reason
    return UploadResult(path.name, status, result.document_id, result.title, reason,
                        bool(result.needs_ocr and status == "added"))
