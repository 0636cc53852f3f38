"""Is `dangan watch` running on this workspace? Read from its lock, never by taking it."""
from __future__ import annotations

import fcntl
import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from dangan.intake.watch_process import on_the_console
from dangan.workspace import Workspace

LOCK_NAME = ".watch.lock"
LOG_NAME = "watch.log"
LOG_LINES = 8
# A record as the watcher's log file writes it: "%(asctime)s %(levelname)s %(name)s: %(message)s".
RECORD = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d+ ([A-Z]+) (\S+): (.*)")


def _held_in_proc_locks(path: Path) -> bool | None:
    """Whether /proc/locks lists a lock on the file (Linux); None when it cannot tell."""
    try:
        info = path.stat()
        text = Path("/proc/locks").read_text()
    except OSError:
        return None
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    return any(line.split()[5:6] == [device] or f" {device} " in line for line in text.splitlines())


def _held_by_probe(path: Path) -> bool:
    """Fallback: a shared lock that is refused means the watcher holds its exclusive one."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def state(ws: Workspace) -> dict[str, Any]:
    """running (True/False), the log's last change and last lines."""
    lock = ws.home / LOCK_NAME
    running = False
    if lock.exists():
        held = _held_in_proc_locks(lock)
        running = held if held is not None else _held_by_probe(lock)
    log = ws.logs / LOG_NAME
    last, lines = None, []
    if log.is_file():
        last = datetime.fromtimestamp(log.stat().st_mtime).isoformat(sep=" ", timespec="seconds")
        with log.open("rb") as fh:
            start = max(0, log.stat().st_size - 32768)
            fh.seek(start)
            tail = fh.read().decode("utf-8", "replace").splitlines()[1 if start else 0:]
        lines = clerk_lines(tail)[-LOG_LINES:]
    return {"running": running, "last_activity": last, "log_tail": lines}


def clerk_lines(lines: list[str]) -> list[str]:
    """The log's lines as the watcher's console shows them: time and message, without the level,
    the logger's name or the records kept for whoever debugs (technical detail in English);
    a record's continuation lines go with it."""
    out, shown = [], True
    for line in lines:
        record = RECORD.fullmatch(line)
        if record is None:
            if shown:
                out.append(line)
            continue
        at, level, logger, message = record.groups()
        shown = on_the_console(logger, logging.getLevelNamesMapping().get(level, logging.INFO))
        if shown:
            out.append(f"{at} {message}")
    return out
