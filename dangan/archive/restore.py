"""`dangan restore`: check a backup against its manifest, then rebuild a workspace from it.

Every file of the backup (folder or .tar, read as a stream) is hashed once.
What was seen and what the manifest expects go into a small SQLite file, and
the problems are three joins: expected but not seen (missing), seen with
another checksum (altered), seen but not expected (extra). Memory stays flat
however many documents the backup holds.

A restore writes into a hidden folder beside the new home and renames it into
place only when the manifest and the catalog check out; altered and extra
files are set aside under quarantine/, never accepted as originals.
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO

from dangan.archive import audit
from dangan.archive.backup import BACKUP_MARKER, backup_root
from dangan.archive.manifest import (
    CATALOG_NAME,
    FORMAT_EXPORT,
    MANIFEST_NAME,
    ORIGINALS_DIR,
    ManifestInvalid,
    Problem,
    ReportsProblems,
    describe_document,
    manifest_format,
    read_manifest,
)
from dangan.archive.migrations import MIGRATIONS
from dangan.archive.sparse import ZEROS
from dangan.archive.store import CHUNK
from dangan.errors import BackupNotFound, RestoreTargetInvalid

REJECTED_DIR = "quarantine"
RESTORING_MARKER = ".dangan-restoring"
GENERATIONS_DIR = "generations"
OLD_LAYOUT = ("catalog.sqlite3", "dangan.toml", "taxonomy.toml")


@dataclass
class RestoreReport(ReportsProblems):
    source: str
    home: str | None = None
    verified_only: bool = False
    restored: bool = False
    documents: int = 0
    files_checked: int = 0
    bytes_checked: int = 0
    indexed: int = 0
    leftover_files: int = 0    # of an interrupted later backup: ignored, never restored
    problems: list[Problem] = field(default_factory=list)


def verify_backup(source: Path, *, on_file: Callable[[], None] | None = None) -> RestoreReport:
    """Check every file of a backup against its manifest; nothing is written."""
    source = _existing(source)
    report = RestoreReport(source=str(source), verified_only=True)
    with tempfile.TemporaryDirectory(prefix="dangan-verify-") as work:
        _check(source, Path(work), None, report, on_file)
    return report


def restore_files(source: Path, home: Path, *,
                  on_file: Callable[[], None] | None = None) -> RestoreReport:
    """Verify and restore a backup's files into the new workspace `home` (no index yet).

    `dangan.ops.restore.restore` adds the index rebuild on top.
    """
    source, home = _existing(source), Path(os.path.abspath(home))
    report = RestoreReport(source=str(source), home=str(home))
    if (home / RESTORING_MARKER).is_file():   # a restore killed while indexing: finish it
        report.restored = True
        return report
    if home.exists() and (not home.is_dir() or any(home.iterdir())):
        raise RestoreTargetInvalid(path=str(home), detail="已存在且不是空文件夹")
    home.parent.mkdir(parents=True, exist_ok=True)
    for stale in home.parent.glob(f".{glob.escape(home.name)}.restoring-*"):
        shutil.rmtree(stale, ignore_errors=True)   # left by a restore killed while copying
    staging = Path(tempfile.mkdtemp(prefix=f".{home.name}.restoring-", dir=home.parent))
    os.chmod(staging, 0o755)   # mkdtemp makes 0700; the workspace is an ordinary folder
    try:
        with tempfile.TemporaryDirectory(prefix="dangan-verify-") as work:
            fatal = _check(source, Path(work), staging, report, on_file)
        if fatal:
            shutil.rmtree(staging)
            return report
        _set_aside(staging, report.problems)
        (staging / RESTORING_MARKER).write_text("恢复尚未完成：再次运行同一条 dangan restore 命令即可完成。\n",
                                                encoding="utf-8")
        os.sync()
        if home.exists():
            home.rmdir()
        os.rename(staging, home)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.restored = True
    return report


def _existing(source: Path) -> Path:
    """The backup (a folder or a .tar); a folder that is none is said to be none, and what it is.

    A folder with neither the backup's marker, its generations nor a manifest was checked file by
    file and every file called 清单中没有的多余文件; an export folder (its manifest is an export's)
    and a workspace are what a clerk most often mistakes for a backup."""
    source = Path(os.path.abspath(source))
    if source.is_file() and tarfile.is_tarfile(source):
        return source
    if not source.is_dir():
        raise BackupNotFound(path=str(source))
    if (source / BACKUP_MARKER).is_file() or (source / GENERATIONS_DIR).is_dir():
        return source
    if manifest_format(source / MANIFEST_NAME) == FORMAT_EXPORT:
        raise BackupNotFound(f"{source} 是 dangan export 导出的文件夹，不是备份", path=str(source),
                             hint="导出的文件夹用 dangan ingest 收录（题名、文号等著录项随之带入）；"
                                  "恢复只用 dangan backup 生成的备份。")
    if (source / MANIFEST_NAME).is_file():
        return source
    if (source / "dangan.toml").is_file() and (source / CATALOG_NAME).is_file():
        raise BackupNotFound(f"{source} 是一个工作区，不是备份", path=str(source),
                             hint=f"直接使用它：dangan --home {source} …；要复制一份，先 dangan --home {source} "
                                  "backup --out 备份文件夹，再恢复该备份。")
    raise BackupNotFound(path=str(source))


def _broken(exc: BaseException) -> str:
    """How a .tar broke, in Chinese: tarfile's words (unexpected end of data) were printed as they are."""
    if isinstance(exc, EOFError) or "unexpected end" in str(exc) or "truncated" in str(exc):
        return "文件在此处截断，备份没有写完或复制不全"
    if isinstance(exc, zlib.error) or "compress" in str(exc).lower():
        return "压缩数据损坏"
    return "不是完好的 tar 归档"


def _check(source: Path, work: Path, staging: Path | None, report: RestoreReport,
           on_file: Callable[[], None] | None) -> bool:
    """Fill `report.problems`; True when the backup cannot be restored at all."""
    with closing(sqlite3.connect(work / "check.sqlite3")) as db:
        db.executescript("CREATE TABLE seen (path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER);"
                         "CREATE TABLE expected (path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER,"
                         " doc_id INTEGER, label TEXT); CREATE INDEX expected_doc ON expected (doc_id);")
        name = ""
        try:
            for name, stream in _entries(source):
                _take(name, stream, work, staging, db, report)
                if on_file:
                    on_file()
        except (tarfile.TarError, EOFError, zlib.error) as exc:
            report.problems.append(Problem("truncated", name or source.name,
                                           f"备份文件不完整或已损坏（读到 {name or '开头'} 时中断：{_broken(exc)}）"))
            return True
        fatal = not _expect(work / MANIFEST_NAME, db, report)
        report.problems.extend(_compare(db))
        catalog = (staging or work) / CATALOG_NAME
        if not fatal:
            report.problems.extend(_forgeries(db, catalog if catalog.is_file() else None))
            report.problems.extend(_audit_problems(catalog, work / MANIFEST_NAME))
        leftovers = _leftovers(db)
        report.leftover_files = len(leftovers)
        if staging:
            for path in leftovers:
                (staging / path).unlink(missing_ok=True)
        db.commit()
    return fatal or any(p.path in (CATALOG_NAME, MANIFEST_NAME) for p in report.problems)


def _entries(source: Path) -> Iterator[tuple[str, IO[bytes] | None]]:
    """(name, readable) for every entry of a backup folder or tar; None for a non-file."""
    if source.is_dir():
        generation = backup_root(source)
        for root, dirs, names in os.walk(source):
            dirs.sort()
            for name in sorted(names):
                path = Path(root) / name
                rel = _in_generation(path.relative_to(source).as_posix(), generation)
                if rel is None:
                    continue
                if path.is_symlink() or not path.is_file():
                    yield rel, None
                    continue
                with path.open("rb") as fh:
                    yield rel, fh
        return
    with tarfile.open(source, "r|*") as tar:
        while (member := tar.next()) is not None:
            # tarfile keeps every TarInfo otherwise: memory ∝ archive. `members` is the list
            # getmembers() returns (after reading the whole stream); typeshed does not declare it (yet).
            tar.members.clear()   # type: ignore[attr-defined, unused-ignore]
            if member.isdir():
                continue
            stream = tar.extractfile(member) if member.isfile() else None
            yield member.name, stream


def _in_generation(rel: str, generation: str | None) -> str | None:
    """A backup folder's file as the manifest names it; None for what a killed or earlier
    run left (other generations, temporary names, an old layout's top-level copies)."""
    parts = rel.split("/")
    if parts[0].startswith(".") or parts[-1].startswith(".tmp-"):
        return None
    if parts[0] == GENERATIONS_DIR:
        if generation and rel.startswith(generation + "/"):
            return rel[len(generation) + 1:]
        return None
    if generation and (rel in OLD_LAYOUT or parts[0] == REJECTED_DIR):
        return None
    return rel


def _take(name: str, stream: IO[bytes] | None, work: Path, staging: Path | None,
          db: sqlite3.Connection, report: RestoreReport) -> None:
    """Hash one entry (copying it into staging when restoring) and record it as seen."""
    rel = _safe(name)
    if rel is None or stream is None:
        report.problems.append(Problem("unsafe", name, f"不是普通文件或路径不安全，已跳过：{name}"))
        return
    duplicate = db.execute("SELECT 1 FROM seen WHERE path = ?", (rel,)).fetchone() is not None
    if duplicate:
        target: Path | None = None   # the first copy stays; this one is only reported
    elif rel == MANIFEST_NAME or (rel == CATALOG_NAME and staging is None):
        target = work / rel   # the catalog too: its rows are checked against the manifest
    else:
        target = staging / rel if staging else None
    digest, size = hashlib.sha256(), 0
    out = None
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        out = target.open("wb")
    try:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if out and chunk == ZEROS[:len(chunk)]:
                out.seek(len(chunk), os.SEEK_CUR)   # a zero block (a sparse member's hole): a hole again
            elif out:
                out.write(chunk)
        if out:
            out.truncate(size)   # the holes at the end get their size
    finally:
        if out:
            out.close()
    if target is not None and rel.startswith(f"{ORIGINALS_DIR}/"):
        os.chmod(target, 0o444)
    report.files_checked += 1
    report.bytes_checked += size
    if duplicate:
        report.problems.append(Problem("duplicate", rel, f"备份中重复出现的文件：{rel}"))
    else:
        db.execute("INSERT INTO seen VALUES (?,?,?)", (rel, digest.hexdigest(), size))


def _safe(name: str) -> str | None:
    path = PurePosixPath(name.removeprefix("./"))
    if path.is_absolute() or not path.parts or any(p in ("..", "") for p in path.parts):
        return None
    return path.as_posix()


def _expect(manifest: Path, db: sqlite3.Connection, report: RestoreReport) -> bool:
    """Load what the manifest expects; False (and a problem) when it is missing or damaged."""
    if not manifest.is_file():
        report.problems.append(Problem("manifest", MANIFEST_NAME, "缺少清单 manifest.jsonl，无法核对"))
        return False
    try:
        for record in read_manifest(manifest):
            if record["kind"] == "header" and record.get("schema_version", 0) > len(MIGRATIONS):
                report.problems.append(Problem(
                    "manifest", MANIFEST_NAME, f"备份来自较新版本的 dangan（目录结构第 "
                    f"{record['schema_version']} 版），请先升级 dangan 再恢复"))
                return False
            if record["kind"] == "document":
                label = describe_document(record["id"], record.get("title"),
                                          record.get("original_name"))
                db.execute("INSERT OR REPLACE INTO expected VALUES (?,?,?,?,?)",
                           (f"{ORIGINALS_DIR}/{record['relpath']}", record["sha256"],
                            record["size"], record["id"], label))
                report.documents += 1
            elif record["kind"] == "file":
                db.execute("INSERT OR REPLACE INTO expected VALUES (?,?,?,NULL,NULL)",
                           (record["path"], record["sha256"], record["size"]))
    except ManifestInvalid as error:
        report.problems.append(Problem("manifest", MANIFEST_NAME, error.message))
        return False
    return True


def _compare(db: sqlite3.Connection) -> Iterator[Problem]:
    missing = db.execute("SELECT e.path, e.doc_id, e.label FROM expected e LEFT JOIN seen s "
                         "USING (path) WHERE s.path IS NULL ORDER BY e.path")
    for path, doc_id, label in missing:
        yield Problem("missing", path, f"缺少文件：{path}{_of(label)}", doc_id)
    altered = db.execute("SELECT e.path, e.doc_id, e.label FROM expected e JOIN seen s USING (path) "
                         "WHERE s.sha256 != e.sha256 OR s.size != e.size ORDER BY e.path")
    for path, doc_id, label in altered:
        yield Problem("altered", path, f"校验值不符（文件被改动或损坏）：{path}{_of(label)}", doc_id)
    extra = db.execute("SELECT s.path, s.sha256 FROM seen s LEFT JOIN expected e USING (path) "
                       "WHERE e.path IS NULL AND s.path != ? ORDER BY s.path", (MANIFEST_NAME,))
    for path, sha in extra:
        if not (path.startswith(f"{ORIGINALS_DIR}/") and _named_sha(path) == sha):   # leftovers
            yield Problem("extra", path, f"清单中没有的多余文件：{path}")


def _leftovers(db: sqlite3.Connection) -> list[str]:
    """Originals no manifest names, stored under their own checksum: an interrupted later backup's."""
    rows = db.execute("SELECT s.path, s.sha256 FROM seen s LEFT JOIN expected e USING (path) "
                      "WHERE e.path IS NULL AND s.path LIKE ? ORDER BY s.path", (f"{ORIGINALS_DIR}/%",))
    return [path for path, sha in rows if _named_sha(path) == sha]


def _named_sha(path: str) -> str:
    return PurePosixPath(path).name.split(".", 1)[0]


def _forgeries(db: sqlite3.Connection, catalog: Path | None) -> Iterator[Problem]:
    """Each original's checksum must also be its stored name and the catalog's `sha256`:
    a manifest re-sealed over swapped originals does not pass."""
    for path, doc_id, label, sha in db.execute(
            "SELECT path, doc_id, label, sha256 FROM expected WHERE doc_id IS NOT NULL ORDER BY path"):
        if _named_sha(path) != sha:
            yield Problem("forged", path, f"清单中的校验值与原件的存储名不符（备份可能被伪造）：{path}{_of(label)}",
                          doc_id)
    if catalog is None:
        return
    try:
        db.execute("ATTACH DATABASE ? AS cat", (f"file:{catalog}?mode=ro",))
        # row by row, not fetchall(): a list of every document's row made verify's memory grow
        # with the archive (bench_backup: +8 MB from 1,000 to 10,000 documents)
        for doc_id, cat_path, cat_sha, path, sha, label in db.execute(
                "SELECT d.id, 'originals/' || d.relpath, d.sha256, e.path, e.sha256, e.label "
                "FROM cat.documents d LEFT JOIN expected e ON e.doc_id = d.id "
                "UNION ALL SELECT e.doc_id, NULL, NULL, e.path, e.sha256, e.label FROM expected e "
                "WHERE e.doc_id IS NOT NULL AND e.doc_id NOT IN (SELECT id FROM cat.documents)"):
            if cat_path != path or cat_sha != sha:
                shown = path or cat_path
                yield Problem("forged", shown, f"清单与目录数据库不一致（备份可能被伪造）：{shown}{_of(label)}",
                              doc_id)
    except sqlite3.DatabaseError as exc:
        yield Problem("forged", CATALOG_NAME, f"目录数据库无法读取（{exc}），无法与清单核对")
        return
    finally:
        db.commit()
    db.execute("DETACH DATABASE cat")


def _audit_problems(catalog: Path, manifest: Path) -> list[Problem]:
    """The backup's audit trail: its hash chain whole, and as long as when the backup was made."""
    if not catalog.is_file():
        return []
    anchor = next(iter(read_manifest(manifest)), {}).get("audit")
    try:
        with closing(sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)) as conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit'").fetchone() is None:
                return []      # a backup from before the audit trail
            trail = audit.verify(conn)
    except sqlite3.DatabaseError:
        return []              # a damaged catalog is reported by its checksum
    if not trail["ok"]:
        return [Problem("audit", "audit", f"审计记录被改动：第 {trail['first_broken']} 条与散列链不符"
                                          f"（共 {trail['entries']} 条）")]
    if anchor and (trail["entries"], trail["head"]) != (anchor.get("entries"), anchor.get("head")):
        return [Problem("audit", "audit", f"审计记录与备份时不符：清单记有 {anchor.get('entries')} 条，"
                                          f"目录中有 {trail['entries']} 条（记录被删除或替换）")]
    return []


def _of(label: str | None) -> str:
    return f"（{label}）" if label else ""


def _set_aside(staging: Path, problems: list[Problem]) -> None:
    """Altered and extra files leave the restored tree for quarantine/, with the reason beside."""
    folder = Path(REJECTED_DIR) / f"restore-rejected-{datetime.now():%Y%m%d-%H%M%S}"
    for problem in problems:
        source = staging / problem.path
        if problem.kind not in ("altered", "extra") or not source.is_file():
            continue
        target = staging / folder / problem.path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        target.with_name(target.name + ".reason.txt").write_text(
            f"恢复时未采用：{problem.message}\n", encoding="utf-8")
