"""ZIP / 7z / RAR batches: every member becomes its own document.

Members are copied one at a time into a private temporary folder (never the
inbox), ingested under the name `batch.zip/成员/路径.ext`, and deleted. A
member that is encrypted, named `../…` or absolute, or unpacks too large
(ratio, size, or the archive's total) is quarantined with a Chinese reason and
the rest is still taken. Archives inside archives are opened the same way,
to `Limits.max_archive_depth` levels. The archive itself is archived last, so
after a crash a re-run finds it missing and walks the members again: those
already taken come back as duplicates, and each member is one document.
"""
from __future__ import annotations

import logging
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from dangan.errors import DanganError, TooLarge, UnsafeMember
from dangan.intake.quarantine import quarantine, safe_name
from dangan.model import Incoming, IngestResult
from dangan.read.extract.members import copy_member, list_members, refusal
from dangan.text.paths import path_text

if TYPE_CHECKING:
    from dangan.intake.ingest import Batch, Origin

log = logging.getLogger(__name__)


def ingest_members(incoming: Incoming, shown: Path, batch: Batch, origin: Origin) -> tuple[IngestResult, ...]:
    """Ingest each member of the archive `incoming` (shown to users as `shown`)."""
    from dangan.intake.ingest import ingest_file

    limits = batch.limits
    if origin.archive_depth >= limits.max_archive_depth:
        raise UnsafeMember(detail=f"压缩包嵌套超过 {limits.max_archive_depth} 层，未展开")
    members = list_members(incoming.path, incoming.mime)
    if len(members) > limits.max_archive_members:
        raise TooLarge(detail=f"压缩包内有 {len(members)} 个文件，超过上限 {limits.max_archive_members}")
    inner = replace(origin, archive_depth=origin.archive_depth + 1, move_failed=False,
                    retry_transient=False)
    budget = limits.max_unzipped_bytes
    results: list[IngestResult] = []
    with tempfile.TemporaryDirectory(prefix="dangan-unpack-") as scratch:
        for number, member in enumerate(members):
            label = Path(f"{shown}/{member.name.replace(chr(92), '/')}")   # Windows tools write '\\'
            reason = refusal(member, limits)
            if reason is None and member.size > budget:
                reason = f"压缩包解压总量超过上限 {limits.max_unzipped_bytes // 2**20} MB，其余成员未解压"
            if reason is not None:
                results.append(refuse(label, UnsafeMember(detail=reason), batch, origin))
                continue
            folder = Path(scratch) / str(number)
            folder.mkdir()
            target = folder / safe_name(PurePosixPath(member.name.replace("\\", "/")).name)
            try:
                budget -= copy_member(incoming.path, incoming.mime, member, target,
                                      min(limits.max_file_bytes, budget))
            except DanganError as error:
                results.append(refuse(label, error, batch, origin))
                target.unlink(missing_ok=True)
                continue
            result = ingest_file(target, batch, replace(inner, shown=label))
            results.append(result)
            results.extend(result.members)
            target.unlink(missing_ok=True)
    return tuple(results)


def refuse(label: Path, error: DanganError, batch: Batch, origin: Origin) -> IngestResult:
    """A member not taken: a reason file in quarantine (its bytes were never written) and a failure row."""
    target = quarantine(label, error, batch.ws.quarantine)
    batch.catalog.record_failure(label, None, error.code, error.message, target)
    log.warning("压缩包内的文件未收录：%s：%s", path_text(label), error.message)
    return IngestResult("failed", label, error_code=error.code, reason=error.message)
