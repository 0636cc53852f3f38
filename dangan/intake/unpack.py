"""ZIP / 7z / RAR batches, and an OFD's attachments: every member becomes its own document.

Members are copied one at a time into a private temporary folder (never the
inbox), ingested under the name `batch.zip/成员/路径.ext`, and deleted. A
member that is encrypted, named `../…` or absolute, or unpacks too large
(ratio, size, or the archive's total) is quarantined with a Chinese reason and
the rest is still taken. Archives inside archives are opened the same way,
to `Limits.max_archive_depth` levels. The archive itself is archived last, so
after a crash a re-run finds it missing and walks the members again: those
already taken come back as duplicates, and each member is one document.

An OFD is a document of its own that may carry attachments (GB/T 33190 §20, `ofd_attachments`): each is
taken as a member, under `通知.ofd/附件/名称.ext`, by the same rules; the OFD itself is taken whatever becomes
of them — an attachment list it cannot read, or nesting past the depth, is said and quarantined as a reason
file, and the OFD is archived with its pages.

A PDF's embedded files (`pdf_attachments`) are taken the same way, under `通知.pdf/附件/名称`: listed by the
PDF's own reading (`Extracted.attachments`), each copied out by a call in an extraction worker, where pdfium
runs under the workers' time and memory limits — an embedded stream is decoded whole before its size is known.
"""
from __future__ import annotations

import logging
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from dangan.errors import DanganError, TooLarge, UnsafeAttachment, UnsafeMember, UnsafePdfAttachment
from dangan.intake.quarantine import quarantine, safe_name
from dangan.intake.system_files import SKIPPED, system_file
from dangan.model import Incoming, IngestResult
from dangan.read.extract import detect
from dangan.read.extract.members import Member, copy_member, list_members, refusal
from dangan.read.extract.pdf_attachments import copy_attachment
from dangan.text.paths import path_text

if TYPE_CHECKING:
    from dangan.intake.ingest import Batch, Origin

log = logging.getLogger(__name__)


def ingest_members(incoming: Incoming, shown: Path, batch: Batch, origin: Origin) -> tuple[IngestResult, ...]:
    """Ingest each member of the archive `incoming` (shown to users as `shown`), or each attachment of an OFD."""
    if incoming.mime == detect.OFD:
        return _ofd_attachments(incoming, shown, batch, origin)
    limits = batch.limits
    if origin.archive_depth >= limits.max_archive_depth:
        raise UnsafeMember(detail=f"压缩包嵌套超过 {limits.max_archive_depth} 层，未展开")
    return _take(incoming, list_members(incoming.path, incoming.mime), shown, batch, origin)


def _ofd_attachments(incoming: Incoming, shown: Path, batch: Batch, origin: Origin) -> tuple[IngestResult, ...]:
    """An OFD's attachments, each its own document; whatever fails here, the OFD itself is still taken."""
    try:
        members = list_members(incoming.path, incoming.mime)
    except DanganError as error:
        if not zipfile.is_zipfile(incoming.path):
            return ()   # no package at all: reading the OFD itself fails and says so, once
        return (refuse(Path(f"{shown}/附件"), error, batch, origin),)
    return _attached(incoming, members, shown, batch, origin)


def ingest_pdf_attachments(incoming: Incoming, names: tuple[str, ...], shown: Path, batch: Batch,
                           origin: Origin) -> tuple[IngestResult, ...]:
    """A PDF's embedded files (`names`, as its reading listed them), each its own document, as an OFD's
    attachments are; the PDF itself is taken whatever becomes of them. The name tree's key is the name, kept
    as written, so a `../x` is refused as a member's is; one without a name is 附件N."""
    return _attached(incoming, pdf_members(names), shown, batch, origin)


def pdf_members(names: tuple[str, ...]) -> list[Member]:
    """A PDF's embedded files as members: the name as written (one without a name is 附件N), the key its place."""
    return [Member(name or f"附件{number + 1}", 0, 0, False, number, kind="附件") for number, name in enumerate(names)]


def _attached(incoming: Incoming, members: list[Member], shown: Path, batch: Batch,
              origin: Origin) -> tuple[IngestResult, ...]:
    limits, depth, kind = batch.limits, batch.limits.max_archive_depth, _container(incoming.mime)
    unsafe = _unsafe(incoming.mime)
    if len(members) > limits.max_archive_members:
        many = TooLarge(detail=f"{kind} 带有 {len(members)} 个附件，超过上限 {limits.max_archive_members}，附件未读取")
        return (refuse(Path(f"{shown}/附件"), many, batch, origin),)
    if members and origin.archive_depth >= depth:
        reason = unsafe(detail=f"嵌套超过 {depth} 层（压缩包或 {kind} 附件之中），附件未读取")
        return tuple(refuse(_label(shown, m, incoming.mime), reason, batch, origin) for m in members)
    return _take(incoming, members, shown, batch, origin)


def _container(mime: str) -> str:
    return "PDF" if mime == detect.PDF else "OFD"


def _unsafe(mime: str) -> type[DanganError]:
    return {detect.OFD: UnsafeAttachment, detect.PDF: UnsafePdfAttachment}.get(mime, UnsafeMember)


def _label(shown: Path, member: Member, mime: str) -> Path:
    """The path a member is recorded and shown under: `报送.zip/通知/x.doc`, `通知.ofd/附件/x.docx`."""
    inside = member.name.replace(chr(92), "/")   # Windows tools write '\\'
    return Path(f"{shown}/附件/{inside}" if mime in (detect.OFD, detect.PDF) else f"{shown}/{inside}")


def _take(incoming: Incoming, members: list[Member], shown: Path, batch: Batch,
          origin: Origin) -> tuple[IngestResult, ...]:
    from dangan.intake.ingest import ingest_file

    limits = batch.limits
    if len(members) > limits.max_archive_members:
        raise TooLarge(detail=f"压缩包内有 {len(members)} 个文件，超过上限 {limits.max_archive_members}")
    inner = replace(origin, archive_depth=origin.archive_depth + 1, move_failed=False,
                    retry_transient=False)
    budget = limits.max_unzipped_bytes
    results: list[IngestResult] = []
    with tempfile.TemporaryDirectory(prefix="dangan-unpack-") as scratch:
        for number, member in enumerate(members):
            label = _label(shown, member, incoming.mime)
            if incoming.mime not in (detect.OFD, detect.PDF) and (kind := system_file(member.name, member.size)):
                results.append(IngestResult("skipped", label, error_code=SKIPPED, reason=kind))
                continue
            reason = refusal(member, limits)
            if reason is None and member.size > budget:
                reason = f"压缩包解压总量超过上限 {limits.max_unzipped_bytes // 2**20} MB，其余成员未解压"
            if reason is not None:
                results.append(refuse(label, _unsafe(incoming.mime)(detail=reason), batch, origin))
                continue
            folder = Path(scratch) / str(number)
            folder.mkdir()
            target = folder / safe_name(PurePosixPath(member.name.replace("\\", "/")).name)
            try:
                budget -= _copy(incoming, member, target, min(limits.max_file_bytes, budget), batch)
            except DanganError as error:
                results.append(refuse(label, error, batch, origin))
                target.unlink(missing_ok=True)
                continue
            result = ingest_file(target, batch, replace(inner, shown=label, stored_name=member.stored_name))
            results.append(result)
            results.extend(result.members)
            target.unlink(missing_ok=True)
    return tuple(results)


def _copy(incoming: Incoming, member: Member, target: Path, cap: int, batch: Batch) -> int:
    """One member's bytes into `target`. A PDF's embedded file is decoded by pdfium in an extraction worker
    (the pool's calls are any module-level function: no new message), so a hostile stream fails there, as
    超时 or 过大, and is quarantined like any member; archives and OFDs are read here with capped copies."""
    if incoming.mime == detect.PDF:
        from dangan.intake.workers import shared_pool

        return int(shared_pool(batch.limits).run(copy_attachment, incoming.path, member.key, target, cap,
                                                 cancelled=batch.cancelled))
    return copy_member(incoming.path, incoming.mime, member, target, cap)


def refuse(label: Path, error: DanganError, batch: Batch, origin: Origin) -> IngestResult:
    """A member not taken: a reason file in quarantine (its bytes were never written) and a failure row."""
    target = quarantine(label, error, batch.ws.quarantine)
    batch.catalog.record_failure(label, None, error.code, error.message, target)
    log.warning("压缩包内的文件或 OFD 附件未收录：%s：%s", path_text(label), error.message)
    return IngestResult("failed", label, error_code=error.code, reason=error.message)
