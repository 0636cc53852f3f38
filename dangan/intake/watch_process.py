"""The watcher process's surroundings: the observer, the log file, signals, one watcher per workspace."""
from __future__ import annotations

import fcntl
import logging
import logging.handlers
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from queue import Queue
from typing import Any

from dangan.errors import WorkspaceBusy
from dangan.workspace import Workspace

LOG_NAME = "watch.log"
Event = tuple[str, str, str, bool]   # (kind, path, destination, is a folder)


def start_observer(folders: Sequence[Path], sink: Queue[Event], poll: float | None) -> Any:
    """A running watchdog observer (inotify, or polling every `poll` s) putting events in `sink`."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            sink.put((event.event_type, os.fsdecode(event.src_path),
                      os.fsdecode(event.dest_path or ""), event.is_directory))

    if poll is None:
        from watchdog.observers import Observer

        observer: Any = Observer()
    else:
        from watchdog.observers.polling import PollingObserverVFS

        observer = PollingObserverVFS(os.lstat, os.scandir, polling_interval=poll)  # no links followed
    for folder in folders:
        observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    return observer


def stop_observer(observer: Any) -> None:
    """watchdog 7 logs a spurious ERROR when its inotify thread is stopped mid-read: hush it."""
    if observer is None:
        return
    emitter_log = logging.getLogger("watchdog.observers.inotify")
    level = emitter_log.level
    emitter_log.setLevel(logging.CRITICAL)
    try:
        observer.stop()
        observer.join(timeout=5)
    finally:
        emitter_log.setLevel(level)


# Records in the library's words (English): a failed input's (the console has the watcher's own
# 已隔离 line for it) and the catalog's migrations at a first start; the log file keeps them.
FILE_ONLY = {"dangan.intake.ingest": logging.ERROR, "dangan.intake.quarantine": logging.ERROR,
             "dangan.archive.catalog_db": logging.WARNING}


def on_the_console(logger: str, level: int) -> bool:
    """Whether a record of `logger` at `level` is the watcher's word to the clerk (the console's
    lines; the web desk's 状态 page shows the same from the log file)."""
    return logger.partition(".")[0] == "dangan" and level >= FILE_ONLY.get(logger, logging.NOTSET)


def _for_the_console(record: logging.LogRecord) -> bool:
    return on_the_console(record.name, record.levelno)


class _Brief(logging.Formatter):
    """stderr gets one line per event; tracebacks go to the log file only."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.exc_info = record.exc_text = record.stack_info = None
        return super().format(record)


@contextmanager
def logging_to(ws: Workspace) -> Iterator[None]:
    """dangan's log records go to <home>/logs/watch.log and to stderr while the watcher runs."""
    ws.logs.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("dangan")
    to_file = logging.handlers.RotatingFileHandler(
        ws.logs / LOG_NAME, maxBytes=5 * 2**20, backupCount=3, encoding="utf-8",
        errors="backslashreplace")
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    to_err = logging.StreamHandler(sys.stderr)
    to_err.setFormatter(_Brief("%(asctime)s %(message)s", "%H:%M:%S"))
    to_err.addFilter(_for_the_console)
    warned = logging.getLogger("py.warnings")   # libraries' warnings (PIL's corrupt EXIF…)
    saved = logger.level, logger.propagate, warned.level, warned.propagate
    logger.setLevel(logging.INFO)
    warned.setLevel(logging.WARNING)
    logger.propagate = warned.propagate = False
    logger.addHandler(to_file)
    logger.addHandler(to_err)
    warned.addHandler(to_file)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        warned.removeHandler(to_file)
        for handler in (to_file, to_err):
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(saved[0])
        warned.setLevel(saved[2])
        logger.propagate, warned.propagate = saved[1], saved[3]


@contextmanager
def stop_on_signals(stop: Callable[[], None]) -> Iterator[None]:
    """SIGTERM and SIGINT ask for a stop (the current file is finished, exit status 0).

    Only the main thread may install handlers; a watcher run in a thread is stopped by `stop()`.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.signal(sig, lambda *_: stop()) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def single_watcher(ws: Workspace) -> Iterator[None]:
    """A second `dangan watch` on the same workspace is refused (the kernel frees it on a crash)."""
    fd = os.open(ws.home / ".watch.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise WorkspaceBusy("另一个 dangan watch 已在监视此工作区",
                            hint="同一工作区只需一个监视进程；用 dangan stats 查看待处理作业。") from None
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
