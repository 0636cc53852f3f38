"""The ingest journal (the catalog's `jobs` table) and taking ready files through it.

A file is recorded when the watcher first sees it; each stage advances its job
in its own transaction:

    pending → extracted → archived → indexed          (inbox file removed)
        ↘ failed   (quarantined with a reason, or vanished after retries)
        ↘ done     (renamed or moved out of the inbox before it was taken)

`pending`, `extracted` and `archived` are open. A restart first repairs the
index from the catalog, then takes every open job whose file is still in the
inbox again: the catalog deduplicates by sha256, so a file archived before the
crash comes back as a duplicate of itself and is settled like any other.
"""
from __future__ import annotations

import fnmatch
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dangan import fields
from dangan.archive.catalog import Catalog
from dangan.archive.jobs import Job, Journal
from dangan.archive.selections import item_codes_by_document
from dangan.archive.store import sha256_of
from dangan.errors import DanganError, FileVanished, UnsupportedFormat, read_reason
from dangan.faults import crash_point
from dangan.index.base import IndexDoc
from dangan.intake.ingest import Batch, Origin, fail, ingest_file
from dangan.intake.openfiles import open_elsewhere
from dangan.intake.workers import Cancelled
from dangan.model import Incoming
from dangan.workspace import Inbox

log = logging.getLogger(__name__)

TEMPORARY = ("~$*", "*.tmp", ".*", "*.part", "*.crdownload")  # ignored until renamed
MAX_ATTEMPTS = 4          # transient errors (vanished, unreadable) are tried this many times
FIELD_ALIASES = fields.ALIASES  # dangan.toml folder defaults may name catalog fields in Chinese
CATALOG_FIELDS = frozenset(fields.META)

Status = Literal["added", "duplicate", "failed", "retry"]


@dataclass(frozen=True, slots=True)
class Ready:
    """A stable file, its journal entry, and what its folder says about it."""

    job: Job
    origin: Origin


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    status: Status
    document_id: int | None = None
    reason: str | None = None
    attempts: int = 0
    fingerprint: tuple[int, int] | None = None   # (size, mtime_ns) when taken
    refused: tuple[tuple[str, str], ...] = ()      # an archive's members quarantined: (name, reason)


def display(path: Path | str) -> str:
    """A path as one printable line, whatever bytes its name holds (no newline or RTL tricks)."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def storable(path: Path | str) -> bool:
    """SQLite text must be valid UTF-8: names with undecodable bytes are renamed first."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- inbox names ---------------------------------------------------------------
def is_temporary(name: str) -> bool:
    """Names of files still being written or edited (`~$x.docx`, `x.part`…): taken once renamed."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in TEMPORARY)


def walk_inbox(root: Path, on_error: Callable[[OSError], None] | None = None) -> Iterator[Path]:
    """Files under `root` and links to folders (refused later); never through a link, no hidden
    folders. A folder that cannot be read goes to `on_error`, not silently by."""
    if not root.is_dir() or root.is_symlink():
        return
    for folder, dirs, files in os.walk(root, onerror=on_error):
        base = Path(folder)
        for name in sorted(files) + sorted(d for d in dirs if (base / d).is_symlink()):
            yield base / name
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))


def decoded_name(part: str) -> str:
    """A readable name for undecodable bytes: GBK/GB18030 (old Windows zips), else U+FFFD."""
    raw = os.fsencode(part)
    try:
        name = raw.decode("gb18030")
        if name.isprintable():
            return name
    except UnicodeDecodeError:
        pass
    return raw.decode("utf-8", "replace")


def free_name(folder: Path, name: str) -> Path:
    candidate, stem, suffix = folder / name, Path(name).stem, Path(name).suffix
    for n in range(1, 1000):
        if not os.path.lexists(candidate):
            return candidate
        candidate = folder / f"{stem}.{n}{suffix}"
    return candidate


# -- folder defaults -----------------------------------------------------------
def origin_for(path: Path, inbox: Inbox) -> Origin:
    """Defaults of the sub-folders the file sits in (deeper folders win) and folder-name tags.

    `defaults."讲话" = {doc_type = "讲话"}` sets 文种 for inbox/讲话/**; keys that are not
    catalog fields become tags. `tag_from_folder."佐证材料" = "社区"` tags a file in
    inbox/佐证材料/<name>/** with 社区=<name>.
    """
    folders = path.parent.relative_to(inbox.path).parts
    overrides: dict[str, str] = {}
    tags: dict[str, str] = {}
    for key, values in sorted(inbox.defaults.items(), key=lambda kv: len(Path(kv[0]).parts)):
        if _under(folders, Path(key).parts):
            for name, value in values.items():
                field = FIELD_ALIASES.get(name, name)
                (overrides if field in CATALOG_FIELDS else tags)[field] = str(value)
    for key, tag in inbox.tag_from_folder.items():
        parts = Path(key).parts
        if _under(folders, parts) and len(folders) > len(parts):
            tags[tag] = folders[len(parts)]
    return Origin(inbox=str(inbox.path), overrides=overrides, tags=tags, move_failed=True,
                  retry_transient=True)


def _under(folders: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    return bool(prefix) and folders[:len(prefix)] == prefix


# -- taking files --------------------------------------------------------------
def collect(batch: Batch, journal: Journal, ready: Sequence[Ready],
            should_stop: Callable[[], bool]) -> list[Outcome]:
    """Take files in one writer session, commit the index, then empty the inbox of them.

    Returns the outcomes of the files taken; the rest (a stop was asked, or came while a file was
    being read) stay open jobs.
    """
    outcomes: list[Outcome] = []
    for item in ready:
        if should_stop():
            break
        try:
            outcomes.append(take(item, batch, journal))
        except Cancelled:   # a stop while this file was read: it stays open, the ones before are closed
            break
    batch.flush()
    crash_point("indexed")
    for outcome in outcomes:
        if outcome.status in ("added", "duplicate"):
            settle(outcome, journal)
    return outcomes


def take(item: Ready, batch: Batch, journal: Journal) -> Outcome:
    job, before = item.job, fingerprint(item.job.path)
    archived = journal.archived_document(job.id) if before is None else None
    if archived is not None:   # archived, then removed before the job was closed: just close it
        return Outcome(job, "duplicate", archived)
    problem = probe(job.path)
    if problem is not None:
        return refuse(item, problem, batch, journal, before)

    def on_stage(stage: str, incoming: Incoming, doc_id: int | None) -> None:
        journal.advance(job.id, stage, sha256=incoming.sha256, document_id=doc_id)

    result = ingest_file(job.path, batch, item.origin, on_stage=on_stage)
    if result.status == "failed":
        if result.error_code == FileVanished.code:
            return refuse(item, FileVanished(result.reason or ""), batch, journal, before)
        journal.advance(job.id, "failed", error=result.reason)
        return Outcome(job, "failed", reason=result.reason, fingerprint=before)
    if result.status == "skipped":   # never from ingest_file (only ingest_paths skips a file being
        # written); were it to, the file would wait like a vanished one, not count as quarantined
        return Outcome(job, "retry", reason=result.reason, attempts=1)
    if result.status == "duplicate":  # content archived already: say so before the file goes
        journal.advance(job.id, "archived", document_id=result.document_id)
    refused = tuple((str(m.path), m.reason or "") for m in result.members if m.status == "failed")
    said = result.reason if result.status == "duplicate" else None   # 同文异版: new bytes kept, say so
    return Outcome(job, result.status, result.document_id, reason=said, fingerprint=before, refused=refused)


def settle(outcome: Outcome, journal: Journal) -> None:
    """The archived original is now the copy of record: remove the inbox file, close the job.

    A file changed since it was taken is left for a new job: its new content is not archived.
    """
    path = outcome.job.path
    if fingerprint(path) == outcome.fingerprint and _is_archived_copy(path, outcome, journal):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("无法从收件箱移除 %s：%s", display(path), exc.strerror)
    crash_point("removed")
    journal.advance(outcome.job.id, "indexed", document_id=outcome.document_id)


def _is_archived_copy(path: Path, outcome: Outcome, journal: Journal) -> bool:
    """Just before the inbox file goes: nobody has it open, and it is byte for byte the original."""
    if open_elsewhere([path]):
        log.warning("文件仍被其他程序打开，暂不从收件箱移除：%s", display(path))
        return False
    if outcome.document_id is None:
        return False
    try:   # the document's own original, or another original of it (同文异版: re-encoded, re-saved)
        same = journal.catalog.find_sha(sha256_of(path)) == outcome.document_id
    except (OSError, DanganError):
        return False
    if not same:
        log.warning("收件箱中的文件与已归档的原件不同，暂不移除：%s", display(path))
    return same


def refuse(item: Ready, error: DanganError, batch: Batch, journal: Journal,
           before: tuple[int, int] | None) -> Outcome:
    """Transient problems (vanished, unreadable) come back later; others are quarantined now."""
    job = item.job
    if isinstance(error, FileVanished):
        attempts = journal.attempt(job.id, error.message)
        if attempts < MAX_ATTEMPTS:
            return Outcome(job, "retry", reason=error.message, attempts=attempts)
    give_up(job, error, batch, journal)
    return Outcome(job, "failed", reason=error.message, fingerprint=before)


def give_up(job: Job, error: DanganError, batch: Batch, journal: Journal) -> None:
    """Quarantine with a reason; links, pipes and sockets are removed from the inbox."""
    fail(job.path, error, batch, Origin(inbox=job.inbox, move_failed=True), None)
    try:
        if not stat.S_ISREG(os.lstat(job.path).st_mode):
            os.unlink(job.path)  # the link itself, never its target
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        pass
    journal.advance(job.id, "failed", error=error.message)


def probe(path: Path) -> DanganError | None:
    """Refuse what is not a plain readable file inside the inbox, without following links."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return FileVanished(detail="文件已不存在")
    except OSError as exc:
        return FileVanished(detail=read_reason(exc))
    if stat.S_ISLNK(info.st_mode):
        target = display(os.readlink(path))
        return UnsupportedFormat(f"符号链接不被跟随（指向 {target}）",
                                 hint="请把文件本身（而不是链接）放入收件箱。")
    if not stat.S_ISREG(info.st_mode):
        return UnsupportedFormat("不是普通文件（管道、设备或套接字）",
                                 hint="收件箱只收录普通文件。")
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK))
    except PermissionError:
        return FileVanished(detail="没有读取权限")
    except OSError as exc:
        return FileVanished(detail=read_reason(exc))
    return None


def fingerprint(path: Path) -> tuple[int, int] | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


# -- recovery ------------------------------------------------------------------
def repair_index(batch: Batch, chunk: int = 200) -> int:
    """Index what the catalog holds and the index lacks; drop ids the catalog no longer has."""
    catalog_ids = set(batch.catalog.ids())
    index_ids = batch.index.all_ids()
    stale = index_ids - catalog_ids
    if stale:
        batch.index.delete(stale)
    missing = sorted(catalog_ids - index_ids)
    for start in range(0, len(missing), chunk):
        ids = missing[start:start + chunk]
        items = _items(batch.catalog, ids)
        docs = batch.catalog.get_many(ids, with_text=True)
        pictures = batch.catalog.picture_texts(ids)
        batch.index.add(IndexDoc.from_document(docs[i], items.get(i, ()), pictures.get(i, "")) for i in ids if i in docs)
    return len(missing)


def _items(catalog: Catalog, ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    return item_codes_by_document(catalog, ids)


def close_gone(job: Job, batch: Batch, journal: Journal) -> None:
    """An open job whose file left the inbox while the watcher was down."""
    if journal.archived_document(job.id) is not None:
        journal.advance(job.id, "indexed")   # removed after indexing, before the job was closed
        return
    give_up(job, FileVanished(detail="监视停止期间文件已从收件箱移走"), batch, journal)
