"""`dangan backup`: a consistent copy of the archive, taken while the watcher runs.

1. Snapshot the catalog with SQLite's online backup API (one point in time).
2. Write the manifest by iterating the *snapshot*, so manifest and catalog agree.
3. Put the original of every document in the snapshot beside them. Originals
   are stored before their catalog row and never change, so each one is there.
   A folder backup hard-links them where it can (same file system) and copies
   only originals it does not hold yet (incremental); a .tar streams them.

Everything streams: memory does not grow with the size of the archive.
"""
from __future__ import annotations

import fcntl
import glob
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dangan.archive import audit
from dangan.archive.backup_sinks import DirSink, Sink, TarMode, TarSink, copy_hashed
from dangan.archive.catalog import Catalog, now_iso
from dangan.archive.manifest import (
    CATALOG_NAME,
    FORMAT_BACKUP,
    MANIFEST_NAME,
    ORIGINALS_DIR,
    ManifestWriter,
    Problem,
    ReportsProblems,
    describe_document,
    document_records,
    manifest_format,
    orphan_tasks,
    variant_files,
)
from dangan.archive.review import REVIEW_DIR
from dangan.archive.snapshot import snapshot_sqlite
from dangan.archive.store import sha256_of
from dangan.errors import BackupTargetInvalid, DiskFull, WorkspaceMissing, is_disk_full
from dangan.text.paths import document_suffix
from dangan.workspace import CONFIG_NAME, Workspace

log = logging.getLogger(__name__)

TAR_SUFFIXES: dict[str, TarMode] = {".tar": "w", ".tar.gz": "w:gz", ".tgz": "w:gz"}
# archives a clerk may name that a backup is not written as: --out 备份.zip made a folder called 备份.zip
OTHER_ARCHIVES = (".zip", ".rar", ".7z", ".gz", ".bz2", ".xz")
SETTINGS_FILES = (CONFIG_NAME, "taxonomy.toml")
QUARANTINE_DIR = "quarantine"
GENERATIONS_DIR = "generations"
BACKUP_MARKER = ".dangan-backup"


@dataclass
class BackupReport(ReportsProblems):
    out: str
    format: str                      # "dir" | "tar"
    documents: int = 0
    tasks: int = 0
    files: int = 0                   # catalog, settings, quarantine
    new_originals: int = 0           # put into the backup this time
    kept_originals: int = 0          # already there (incremental)
    linked: int = 0
    variants: int = 0                # of the originals: 同文异版, the other originals of a document
    bytes_written: int = 0
    schema_version: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)


def backup(ws: Workspace, out: Path, *, link: bool = True,
           on_doc: Callable[[], None] | None = None) -> BackupReport:
    """Back up catalog, originals, settings and quarantine into folder or .tar `out`.

    A folder backup is a series of generations sharing `originals/` (content-addressed,
    only ever added to): each run writes its catalog, settings and quarantine under
    `generations/<stamp>/`, then switches the top-level manifest to it in one rename.
    A run killed at any point leaves the previous generation whole and verifiable.
    """
    started = time.monotonic()
    out = Path(os.path.abspath(out))
    mode = tar_mode(out)
    _check_target(ws, out, mode)
    report = BackupReport(out=str(out), format="tar" if mode else "dir")
    out.parent.mkdir(parents=True, exist_ok=True)
    with Catalog(ws.catalog_path) as catalog:   # the backup's own entry is in the trail it carries
        audit.record(catalog, "backup", str(out), {"format": "tar" if mode else "dir"})
    try:
        with _exclusive(out):
            _clean_stale(out)
            if mode:
                _backup_tar(ws, out, mode, report, on_doc)
            else:
                _backup_dir(ws, out, link, report, on_doc)
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFull(path=exc.filename or str(out)) from exc
        raise
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _backup_tar(ws: Workspace, out: Path, mode: TarMode, report: BackupReport,
                on_doc: Callable[[], None] | None) -> None:
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.tmp-", dir=out.parent) as tmp:
        stage = Path(tmp)
        snap = snapshot_sqlite(ws.catalog_path, stage / CATALOG_NAME)
        settings = _stage_files(ws, stage / "files")
        with closing(sqlite3.connect(f"file:{snap}?mode=ro", uri=True)) as conn:
            _write_manifest(ws, conn, snap, stage / MANIFEST_NAME, settings, report)
            _put_all(ws, conn, TarSink(out, mode, stage), report, on_doc)


def _backup_dir(ws: Workspace, out: Path, link: bool, report: BackupReport,
                on_doc: Callable[[], None] | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / BACKUP_MARKER).touch()   # a first backup killed early can be resumed
    (out / GENERATIONS_DIR).mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f"{datetime.now():%Y%m%d-%H%M%S}-", dir=out / GENERATIONS_DIR))
    os.chmod(stage, 0o755)
    generation = f"{GENERATIONS_DIR}/{stage.name}"
    snap = snapshot_sqlite(ws.catalog_path, stage / CATALOG_NAME)
    settings = _stage_files(ws, stage)
    manifest = out / f".{MANIFEST_NAME}.tmp-{os.getpid()}"
    with closing(sqlite3.connect(f"file:{snap}?mode=ro", uri=True)) as conn:
        _write_manifest(ws, conn, snap, manifest, settings, report, root=generation)
        _put_all(ws, conn, DirSink(out, link), report, on_doc)
    os.sync()   # every original and the generation on disk before the manifest names them
    os.replace(manifest, out / MANIFEST_NAME)   # the switch: one rename
    _fsync_dir(out)
    _drop_other_generations(out, generation)


def _put_all(ws: Workspace, conn: sqlite3.Connection, sink: Sink, report: BackupReport,
             on_doc: Callable[[], None] | None) -> None:
    try:
        rows = conn.execute("SELECT id, relpath, sha256, size, title, original_name "
                            "FROM documents ORDER BY id")
        for doc_id, relpath, sha, size, title, name in rows:
            problem = sink.put(ws.originals / relpath, relpath, sha, report)
            if problem:
                what = describe_document(doc_id, title, name)
                report.problems.append(Problem(problem, f"{ORIGINALS_DIR}/{relpath}",
                                               _MESSAGES[problem].format(what=what), doc_id))
            if on_doc:
                on_doc()
        for variant in variant_files(conn):   # 同文异版: the same text in other bytes, kept alike
            relpath = variant["path"].removeprefix(f"{ORIGINALS_DIR}/")
            report.variants += 1
            problem = sink.put(ws.originals / relpath, relpath, variant["sha256"], report)
            if problem:
                what = f"{describe_document(variant['variant_of'], None)} 的同文异版"
                report.problems.append(Problem(problem, variant["path"],
                                               _MESSAGES[problem].format(what=what), variant["variant_of"]))
        sink.finish()
    except BaseException:
        sink.abort()
        raise


@contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """One backup at a time into `out`; the lock file beside it is freed by the kernel on a crash."""
    fd = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupTargetInvalid(path=str(out), detail="另一个备份正在写入这里") from None
        yield
    finally:
        os.close(fd)


def _clean_stale(out: Path) -> None:
    """What killed runs left: temporary folders and files beside and inside the target."""
    stale = list(out.parent.glob(f".{glob.escape(out.name)}.tmp-*"))
    if out.is_dir():
        stale += list(out.glob(f".{MANIFEST_NAME}.tmp-*"))
        current = backup_root(out)
        generations = out / GENERATIONS_DIR
        if generations.is_dir():
            stale += [g for g in generations.iterdir() if f"{GENERATIONS_DIR}/{g.name}" != current]
    for path in stale:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _drop_other_generations(out: Path, keep: str) -> None:
    """After the switch: earlier generations and an old-layout backup's top-level copies go."""
    for folder in (out / GENERATIONS_DIR).iterdir():
        if f"{GENERATIONS_DIR}/{folder.name}" != keep:
            shutil.rmtree(folder, ignore_errors=True)
    for name in (*SETTINGS_FILES, CATALOG_NAME):
        (out / name).unlink(missing_ok=True)
    shutil.rmtree(out / QUARANTINE_DIR, ignore_errors=True)


def backup_root(out: Path) -> str | None:
    """The generation a backup folder's manifest names (None: an old-layout backup or none)."""
    try:
        with (out / MANIFEST_NAME).open("rb") as fh:
            header = json.loads(fh.readline(1 << 16))
    except (OSError, ValueError):
        return None
    root = header.get("root") if isinstance(header, dict) else None
    if isinstance(root, str) and root.startswith(f"{GENERATIONS_DIR}/") and root.count("/") == 1 \
            and ".." not in root:
        return root
    return None


_MESSAGES = {
    "missing": "原件缺失，未能备份：{what}",
    "altered": "原件校验值不符（已损坏），备份中的这一份不可用：{what}",
}


def tar_mode(out: Path) -> TarMode | None:
    name = out.name.lower()
    return next((mode for suffix, mode in TAR_SUFFIXES.items() if name.endswith(suffix)), None)


def _check_target(ws: Workspace, out: Path, mode: str | None) -> None:
    if not ws.catalog_path.is_file():
        raise WorkspaceMissing(home=str(ws.home))
    home = ws.home.resolve()
    target = out.resolve()
    if target == home or home in target.parents and not target.is_relative_to(home / "backups"):
        raise BackupTargetInvalid(path=str(out), detail="在工作区里面（只允许 backups/ 子文件夹）")
    if mode is None and (out.suffix.lower() in OTHER_ARCHIVES or document_suffix(out)) \
            and not (out / BACKUP_MARKER).is_file():
        raise BackupTargetInvalid(path=str(out), detail=f"不能写成 {out.suffix} 文件",
                                  hint="备份可以是一个文件夹（再次备份只补新原件），或 .tar、.tar.gz 文件。")
    if mode is None and out.exists():
        if not out.is_dir():
            raise BackupTargetInvalid(path=str(out), detail="不是文件夹")
        if any(out.iterdir()) and manifest_format(out / MANIFEST_NAME) != FORMAT_BACKUP \
                and not (out / BACKUP_MARKER).is_file():
            raise BackupTargetInvalid(path=str(out), detail="文件夹不是空的，也不是以前的备份")
    if mode and out.is_dir():
        raise BackupTargetInvalid(path=str(out), detail="是一个文件夹")
    if mode and (out.exists() or out.is_symlink()):
        # A .tar is written whole each time: an older backup of that name would be lost unasked.
        raise BackupTargetInvalid(path=str(out), detail="已有同名文件，不会覆盖",
                                  hint="请换一个文件名，或先删除旧的备份文件。")


def _stage_files(ws: Workspace, folder: Path) -> list[tuple[str, str, int]]:
    """Copy settings and quarantined inputs aside, hashing the copies: (path, sha256, size)."""
    sources = [(name, ws.home / name) for name in SETTINGS_FILES if (ws.home / name).is_file()]
    for folder_ in (ws.quarantine, ws.home / REVIEW_DIR):   # quarantined inputs, files awaiting review
        if not folder_.is_dir():
            continue
        for root, dirs, names in os.walk(folder_):
            dirs.sort()
            for name in sorted(names):
                path = Path(root) / name
                sources.append((path.relative_to(ws.home).as_posix(), path))
    out = []
    for rel, source in sources:
        try:
            sha, size = copy_hashed(source, folder / rel)
        except FileNotFoundError:   # removed meanwhile: nothing to keep
            continue
        out.append((rel, sha, size))
    return out


def _write_manifest(ws: Workspace, conn: sqlite3.Connection, snap: Path, target: Path,
                    settings: list[tuple[str, str, int]], report: BackupReport,
                    root: str | None = None) -> None:
    report.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
    extra = {"root": root} if root else {}
    with target.open("wb") as fh:
        trail = audit.verify(conn)
        writer = ManifestWriter(fh, FORMAT_BACKUP, created_at=now_iso(), source_home=str(ws.home),
                                schema_version=report.schema_version, dangan=_version(),
                                audit={"entries": trail["entries"], "head": trail["head"]}, **extra)
        for record in document_records(conn):
            writer.write(record)
        for task in orphan_tasks(conn):
            writer.write(task)
        for variant in variant_files(conn):
            writer.write(variant)
        for rel, sha, size in [*settings, (CATALOG_NAME, sha256_of(snap), snap.stat().st_size)]:
            writer.write({"kind": "file", "path": rel, "sha256": sha, "size": size})
        writer.close()
        fh.flush()
        os.fsync(fh.fileno())
    report.documents = writer.counts.get("document", 0)
    report.tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    report.files = writer.counts.get("file", 0)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("dangan")
    except metadata.PackageNotFoundError:
        return "unknown"
