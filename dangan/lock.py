"""One writer at a time per workspace (catalog and index together)."""
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from dangan.errors import WorkspaceBusy


class WriterLock:
    """An advisory file lock; waits up to `timeout` seconds, telling `on_wait` once."""

    def __init__(self, path: Path, timeout: float = 600.0,
                 on_wait: Callable[[], None] | None = None):
        self.path = path
        self.timeout = timeout
        self.on_wait = on_wait
        self.fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline, told = time.monotonic() + self.timeout, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self.fd = fd
                return
            except BlockingIOError:
                if not told and self.on_wait:
                    self.on_wait()
                    told = True
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise WorkspaceBusy(seconds=int(self.timeout)) from None
                time.sleep(0.1)

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
