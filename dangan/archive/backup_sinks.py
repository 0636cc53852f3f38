"""Where a backup puts the originals: a folder (hard-linked or copied, incremental) or a .tar stream
(a sparse file a sparse member of it).

Every original is hashed on its way in; a sink answers "missing" or "altered" for one
that is gone from the store or no longer has its sha256, and the backup reports it.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dangan.archive.manifest import CATALOG_NAME, MANIFEST_NAME, ORIGINALS_DIR
from dangan.archive.sparse import copy_sparse
from dangan.archive.sparse_tar import add_member
from dangan.archive.store import sha256_of

if TYPE_CHECKING:
    from dangan.archive.backup import BackupReport

log = logging.getLogger(__name__)

__all__ = ["DirSink", "LINK_FAILURES", "Sink", "TarSink", "copy_hashed"]

LINK_FAILURES = (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES)


class Sink:
    """Where a backup puts the originals: `put` each, then `finish` (or `abort`)."""

    def put(self, source: Path, relpath: str, sha: str, report: BackupReport) -> str | None:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        """Leave the previous backup (if any) as it was."""


class DirSink(Sink):
    """A backup folder's originals/, in the store's layout, hard-linked or copied; only added to."""

    def __init__(self, out: Path, link: bool):
        self.out, self.link = out, link

    def put(self, source: Path, relpath: str, sha: str, report: BackupReport) -> str | None:
        target = self.out / ORIGINALS_DIR / relpath
        if not source.is_file():
            return "missing"
        if target.is_file() and target.stat().st_size == source.stat().st_size:
            report.kept_originals += 1
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".tmp-{target.name}")
        tmp.unlink(missing_ok=True)
        try:
            if self.link and self._link(source, tmp):
                if sha256_of(tmp) != sha:
                    tmp.unlink()
                    return "altered"
                report.linked += 1
            else:
                actual, size = copy_hashed(source, tmp)
                if actual != sha:
                    tmp.unlink()
                    return "altered"
                os.chmod(tmp, 0o444)
                report.bytes_written += size
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        report.new_originals += 1
        return None

    def _link(self, source: Path, tmp: Path) -> bool:
        try:
            os.link(source, tmp)
            return True
        except OSError as exc:
            if exc.errno not in LINK_FAILURES:
                raise
            log.info("hard links unavailable (%s): copying", exc)
            self.link = False
            return False

    def finish(self) -> None:
        """Nothing to do: the manifest switch makes the new generation the backup."""


TarMode = Literal["w", "w:gz"]


class TarSink(Sink):
    """A .tar streamed member by member: manifest, catalog, settings, then originals."""

    def __init__(self, out: Path, mode: TarMode, stage: Path):
        self.out = out
        self.tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
        self.tar = tarfile.open(self.tmp, mode, format=tarfile.PAX_FORMAT)
        self.tar.add(stage / MANIFEST_NAME, MANIFEST_NAME, recursive=False)
        self.tar.add(stage / CATALOG_NAME, CATALOG_NAME, recursive=False)
        files = stage / "files"
        for root, dirs, names in os.walk(files):
            dirs.sort()
            for name in sorted(names):
                path = Path(root) / name
                info = self.tar.gettarinfo(path, path.relative_to(files).as_posix())
                if not info.isreg():
                    self.tar.addfile(info)
                    continue
                with path.open("rb") as fh:   # a quarantined sparse download stays sparse (sparse_tar.py)
                    add_member(self.tar, info, fh)

    def put(self, source: Path, relpath: str, sha: str, report: BackupReport) -> str | None:
        try:
            fh = source.open("rb")
        except FileNotFoundError:
            return "missing"
        with fh:
            stat = os.fstat(fh.fileno())
            info = tarfile.TarInfo(f"{ORIGINALS_DIR}/{relpath}")
            info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o444
            digest = hashlib.sha256()
            written = add_member(self.tar, info, fh, digest)   # holes stay holes (sparse_tar.py)
            # tarfile keeps every TarInfo otherwise: memory ∝ archive. `members` is the list
            # getmembers() returns; typeshed does not declare it (yet: unused-ignore if it does).
            self.tar.members.clear()   # type: ignore[attr-defined, unused-ignore]
        report.new_originals += 1
        report.bytes_written += written
        return None if digest.hexdigest() == sha else "altered"

    def finish(self) -> None:
        self.tar.close()
        with self.tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        try:
            self.tar.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def copy_hashed(source: Path, target: Path) -> tuple[str, int]:
    """Copy a file, holes kept as holes (sparse.py), returning the sha256 and size of its bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = copy_sparse(source, target, digest)
    return digest.hexdigest(), size
