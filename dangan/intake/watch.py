"""Watch the inbox folders: every file taken once, complete, through the journal.

The observer (inotify, or polling for network shares) only says where to look.
A `StabilityTracker` (`stability.py`) decides when a file is complete; the journal (`queue.py`)
records it when first seen and takes it through ingest in small batches, each
holding the writer lock only for that batch: `dangan ingest` waits a moment,
searches never stop. Start-up repairs the index, resumes open jobs and rescans,
and the rescan repeats every `rescan_minutes`, so nothing dropped while the
watcher was down (or lost by inotify) is missed.
"""
from __future__ import annotations

import logging
import os
import queue
import threading
import time
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.errors import DanganError, DiskFull, read_reason
from dangan.faults import crash_point
from dangan.intake.ingest import Batch
from dangan.intake.ocr_worker import OcrWorker, drain, stop_worker
from dangan.intake.queue import (
    Job,
    Journal,
    Outcome,
    Ready,
    close_gone,
    collect,
    decoded_name,
    display,
    fingerprint,
    free_name,
    is_temporary,
    origin_for,
    repair_index,
    storable,
    walk_inbox,
)
from dangan.intake.stability import Clock, Fingerprint, StabilityTracker
from dangan.intake.system_files import system_file_at
from dangan.intake.watch_process import (
    Event,
    logging_to,
    single_watcher,
    start_observer,
    stop_observer,
    stop_on_signals,
)
from dangan.intake.watch_report import WatchReport
from dangan.intake.workers import Cancelled
from dangan.workspace import Inbox, Workspace

log = logging.getLogger(__name__)

TICK = 0.1              # seconds between looks at the tracker
BATCH_FILES = 20        # files per writer session …
BATCH_SECONDS = 5.0     # … or this long: the lock is never held for long
LOCK_GAP = 0.25         # pause between sessions, so that a waiting `dangan ingest` gets the lock


class Watcher:
    """The watch loop. `run()` blocks until `stop()`, SIGTERM/SIGINT, or (`once`) an empty inbox."""

    def __init__(self, ws: Workspace, *, poll: float | None = None, once: bool = False,
                 clock: Clock = time.monotonic):
        self.ws, self.poll, self.once, self.clock = ws, poll, once, clock
        self.inboxes = tuple(ws.settings.inboxes) or (Inbox(ws.inbox),)
        self.delay = ws.settings.stability_seconds
        self.tracker = StabilityTracker(self.delay, clock=clock, require_close=poll is None)
        self.events: queue.Queue[Event] = queue.Queue()
        self.stopping = threading.Event()
        self.started = threading.Event()   # set once the observer runs (tests wait for it)
        self.jobs: dict[Path, Job] = {}
        self.report = WatchReport()
        self.told: set[str] = set()
        self.finished: dict[Path, Fingerprint] = {}   # taken but still there (read-only inbox)
        self.restless: set[Path] = set()   # `--once`: still changing, left for the next run
        self.needs_repair = False
        self.failure: DanganError | None = None   # ends `--once` with this error (disk full)
        self.journal: Journal
        self._real = {inbox.path: os.path.realpath(inbox.path) for inbox in self.inboxes}

    def stop(self) -> None:
        self.stopping.set()

    def run(self) -> WatchReport:
        for inbox in self.inboxes:
            inbox.path.mkdir(parents=True, exist_ok=True)
        with single_watcher(self.ws), logging_to(self.ws), stop_on_signals(self.stop), \
                Catalog(self.ws.catalog_path) as catalog:
            self.journal = Journal(catalog)
            self.recover()
            observer = None if self.once else self._start_observer()
            self.rescan()   # after the observer starts: a file arriving in between is seen twice, not never
            log.info("开始监视：%s", "、".join(display(i.path) for i in self.inboxes))
            self.started.set()
            ocr = self._start_ocr()
            try:
                self._loop()
            finally:
                stop_observer(observer)
                self._finish_ocr(ocr)
            self.report.left = len(self.restless | set(self.tracker.entries))
            log.info("监视结束：%s", self.report.summary())
        if self.failure is not None:
            raise self.failure
        return self.report

    # -- OCR of scans and photos, beside the loop ----------------------------
    def _start_ocr(self) -> OcrWorker | None:
        if self.once or not self.ws.settings.ocr_enabled:
            return None
        worker = OcrWorker(self.ws, self.stopping)
        worker.start()
        return worker

    def _finish_ocr(self, worker: OcrWorker | None) -> None:
        if worker is not None:
            if worker.current is not None:
                log.info("文字识别停止：文件 %d 已识别的页已保存，其余页下次监视时继续", worker.current)
            stop_worker(worker, self.stopping)
            self.report.ocr = worker.read
        elif self.once and self.ws.settings.ocr_enabled and not self.stopping.is_set():
            self.report.ocr = drain(self.ws)

    # -- start-up --------------------------------------------------------
    def recover(self) -> None:
        """Index what the catalog holds and the index lacks, then resume the open jobs."""
        with Batch(self.ws, on_wait=self._waiting) as batch:
            self.report.reindexed = repair_index(batch)
            for job in self.journal.open_jobs():
                self.report.resumed += 1
                if os.path.lexists(job.path):
                    self.jobs[job.path] = job
                    self.tracker.note(job.path)
                else:
                    close_gone(job, batch, self.journal)
        if self.report.reindexed or self.report.resumed:
            log.info("恢复：补建索引 %d 件，继续未完成作业 %d 个",
                     self.report.reindexed, self.report.resumed)

    def rescan(self) -> None:
        for inbox in self.inboxes:
            for path in walk_inbox(inbox.path, on_error=self._unreadable):
                self.consider(path, "scan")

    def _unreadable(self, exc: OSError) -> None:
        self._tell_once(Path(exc.filename or "?"),
                        f"无法读取文件夹（{read_reason(exc)}），其中的文件未收录：%s")

    def _start_observer(self) -> Any:
        folders = [inbox.path for inbox in self.inboxes]
        try:
            return start_observer(folders, self.events, self.poll)
        except OSError as exc:  # inotify limits reached: fall back to polling
            log.warning("无法使用 inotify（%s），改为每 2 秒轮询", exc.strerror or exc)
            self.poll, self.tracker.require_close = 2.0, False
            return start_observer(folders, self.events, self.poll)

    # -- the loop --------------------------------------------------------
    def _loop(self) -> None:
        every = self.ws.settings.rescan_minutes * 60
        next_rescan = self.clock() + every
        while True:
            if self.stopping.is_set():
                log.info("收到停止信号，当前文件已处理完，退出")
                break
            self._drain(TICK)
            self._collect(self.tracker.ready())
            if self.once and self._once_done():
                break
            if not self.once and self.clock() >= next_rescan:
                self.rescan()
                next_rescan = self.clock() + every

    def _once_done(self) -> bool:
        for path in self.tracker.abandon(self.tracker.patience):
            self.restless.add(path)   # counted in the report's 仍在变化, as the log line says
            log.warning("文件仍在变化，留待下次处理：%s", display(path))
        return len(self.tracker) == 0

    def _drain(self, timeout: float) -> None:
        try:
            item = self.events.get(timeout=timeout)
        except queue.Empty:
            return
        while True:
            self._on_event(*item)
            try:
                item = self.events.get_nowait()
            except queue.Empty:
                return

    def _on_event(self, kind: str, src: str, dest: str, is_dir: bool) -> None:
        if kind not in ("created", "modified", "closed", "moved"):
            return  # opened / closed_no_write (our own reads), attrib, deleted (the tracker sees it)
        if kind == "moved":
            self._moved_away(Path(src), Path(dest))
            src, kind = dest, "created"
        if is_dir:
            if kind == "created":
                for path in walk_inbox(Path(src)):
                    self.consider(path, "scan")
            return
        self.consider(Path(src), kind)

    def _moved_away(self, src: Path, dest: Path) -> None:
        self.tracker.forget(src)
        job = self.jobs.pop(src, None)
        if job is not None:
            self.journal.advance(job.id, "done", error=f"已改名为 {display(dest)}")

    # -- seeing a file ---------------------------------------------------
    def consider(self, path: Path, kind: str) -> None:
        inbox = self._inbox_of(path)
        if inbox is None or self._skipped(path, inbox):
            return
        if not storable(path):
            self._rename_undecodable(path, inbox)
        elif self._unchanged_since_taken(path):
            self._tell_once(path, "已处理但无法从收件箱移除（只读？），内容不变则不再收录：%s")
        elif self.tracker.note(path, kind):
            if path not in self.jobs:
                self._record(path, inbox)
        elif path not in self.tracker and path not in self.jobs and kind == "created":
            log.info("跳过：文件出现后随即消失：%s", display(path))

    def _unchanged_since_taken(self, path: Path) -> bool:
        if path not in self.finished:
            return False
        if fingerprint(path) == self.finished[path]:
            return True
        del self.finished[path]
        return False

    def _record(self, path: Path, inbox: Inbox) -> None:
        info = fingerprint(path)
        if info is None:
            self.tracker.forget(path)
            log.info("跳过：文件出现后随即消失：%s", display(path))
            return
        self.jobs[path] = self.journal.record(path, inbox.path, info[0], info[1] / 1e9)
        crash_point("seen")

    def _inbox_of(self, path: Path) -> Inbox | None:
        inside = [i for i in self.inboxes if path.is_relative_to(i.path) and path != i.path]
        return max(inside, key=lambda i: len(i.path.parts)) if inside else None

    def _skipped(self, path: Path, inbox: Inbox) -> bool:
        """Temporary names, hidden folders, workspace internals and anything reached via a link."""
        rel = path.relative_to(inbox.path)
        internal = (self.ws.originals, self.ws.quarantine, self.ws.index_dir, self.ws.logs, self.ws.out)
        real_parent = os.path.realpath(path.parent)
        root = self._real[inbox.path]
        if any(path.is_relative_to(folder) for folder in internal) or path.parent == self.ws.home:
            return True
        if real_parent != root and not real_parent.startswith(root + os.sep):
            return self._tell_once(path, "跳过：经由链接到达收件箱以外：%s")
        if is_temporary(rel.name) or any(part.startswith(".") for part in rel.parts[:-1]):
            return self._tell_once(path, "跳过临时或隐藏文件（改名后收录）：%s")
        if system_file_at(path):
            return self._tell_once(path, "跳过系统或编辑软件生成的文件（不是文档）：%s")
        return False

    def _tell_once(self, path: Path, message: str) -> bool:
        shown = display(path)
        if shown not in self.told:
            self.told.add(shown)
            log.info(message, shown)
        return True

    def _rename_undecodable(self, path: Path, inbox: Inbox) -> None:
        """A name that is not UTF-8 (a GBK name from an old zip) gets a decoded one in place."""
        folder = inbox.path
        for part in path.relative_to(inbox.path).parts:
            if not storable(part):
                old, new = folder / part, free_name(folder, decoded_name(part))
                if not os.path.lexists(old):
                    return    # renamed already (a second event for the old name)
                try:
                    os.rename(old, new)
                except OSError as exc:
                    self._tell_once(old, f"文件名不是 UTF-8 且无法改名（{exc.strerror}）：%s")
                    return
                log.info("文件名不是 UTF-8，已改名：%s → %s", display(old), new.name)
                for found in (walk_inbox(new) if new.is_dir() and not new.is_symlink() else [new]):
                    self.consider(found, "created")
                return
            folder = folder / part

    # -- taking files ----------------------------------------------------
    def _collect(self, paths: list[Path]) -> None:
        items = [item for item in map(self._ready_item, paths) if item is not None]
        while items and not self.stopping.is_set():
            chunk, items = items[:BATCH_FILES], items[BATCH_FILES:]
            outcomes = self._session(chunk)
            self._settle(chunk, outcomes)
            if items:
                self.stopping.wait(LOCK_GAP)

    def _ready_item(self, path: Path) -> Ready | None:
        job, inbox = self.jobs.get(path), self._inbox_of(path)
        if job is None or inbox is None:
            if job is not None:
                self.journal.advance(job.id, "done", error="不在任何收件箱中")
                self.jobs.pop(path)
            return None
        return Ready(job, origin_for(path, inbox))

    def _session(self, chunk: list[Ready]) -> list[Outcome] | None:
        """One writer session: None when it could not run (the files are tried again later)."""
        deadline = self.clock() + BATCH_SECONDS
        try:
            with Batch(self.ws, on_wait=self._waiting, cancelled=self.stopping.is_set) as batch:
                if self.needs_repair:
                    repair_index(batch)
                    self.needs_repair = False
                return collect(batch, self.journal, chunk,
                               lambda: self.stopping.is_set() or self.clock() > deadline)
        except DiskFull as error:   # nothing is quarantined; `--once` stops with this error
            log.error("%s：%s", error.message, error.hint)
            if self.once:
                self.failure = error
                self.stop()
        except Cancelled:   # a stop while a file was being read: its job resumes at the next start
            return None
        except DanganError as error:
            log.warning("本批文件稍后重试：%s", error.message)
        except Exception:  # an index or disk failure must not stop the watcher
            log.exception("本批文件处理出错，稍后重试")
        self.needs_repair = True
        return None

    def _settle(self, chunk: list[Ready], outcomes: list[Outcome] | None) -> None:
        done = outcomes or []
        for item in chunk[len(done):]:   # not reached: stop asked, time up, or session failed
            self.tracker.postpone(item.job.path, 0 if outcomes is not None else 5 * self.delay)
        for outcome in done:
            path = outcome.job.path
            if outcome.status == "retry":
                self.report.retried += 1
                self.tracker.postpone(path, self.delay * 2 ** (outcome.attempts - 1))
                log.info("稍后重试（第 %d 次）：%s：%s", outcome.attempts, display(path), outcome.reason)
                continue
            self.jobs.pop(path, None)
            self.restless.discard(path)
            if os.path.lexists(path) and fingerprint(path) == outcome.fingerprint:
                self.finished[path] = outcome.fingerprint
            self._tell(outcome)

    def _tell(self, outcome: Outcome) -> None:
        name = display(outcome.job.path)
        if self.once:
            self._list(outcome, name)
        if outcome.status == "added":
            self.report.added += 1
            log.info("已收录：%s（编号 %s）", name, outcome.document_id)
        elif outcome.status == "duplicate":
            self.report.duplicates += 1
            if (outcome.reason or "").startswith("同文异版"):   # not a copy: other bytes, kept as its original
                log.info("同文异版，正文与编号 %s 相同，原件已另存：%s", outcome.document_id, name)
            else:
                log.info("重复文件，已有编号 %s：%s", outcome.document_id, name)
        else:
            self.report.failed += 1
            log.warning("已隔离：%s：%s", name, outcome.reason)
        for member, reason in outcome.refused:   # a bad file inside a ZIP counts as a failure too
            self.report.failed += 1
            log.warning("已隔离（压缩包内的文件）：%s：%s", display(member), reason)

    def _list(self, outcome: Outcome, name: str) -> None:
        if outcome.status in ("added", "duplicate"):
            self.report.documents.append({"path": name, "id": outcome.document_id, "status": outcome.status,
                                          "same_text": (outcome.reason or "").startswith("同文异版")})
        else:
            self.report.quarantined.append({"path": name, "reason": outcome.reason})
        self.report.quarantined.extend({"path": display(member), "reason": reason}
                                       for member, reason in outcome.refused)

    @staticmethod
    def _waiting() -> None:
        log.info("另一个进程正在写入工作区，等待写入锁……")


def run_watch(ws: Workspace, *, once: bool = False, poll: float | None = None) -> WatchReport:
    return Watcher(ws, poll=poll, once=once).run()
