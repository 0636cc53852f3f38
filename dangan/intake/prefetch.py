"""Extraction ahead of the writer, in the limited worker pool, for batches.

The writer (catalog, index) is one process; reading PDFs and DOCX is the
costly, independent part. Workers hash, type and extract the next files while
the writer archives and indexes the current one. Results are taken in the
order the files were given, so ids stay in walk order. A file that overruns
its time or memory, or kills its worker, fails with a reason (workers.py);
the batch goes on.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

from dangan.intake.workers import Ticket, WorkerPool, inspect_and_read, shared_pool
from dangan.model import Extracted, Incoming
from dangan.read.extract.base import Limits

Prepared = Callable[[], tuple[Incoming, Extracted]]
MIN_FILES = 2      # one file is read through the same pool, without read-ahead


class Prefetcher:
    def __init__(self, limits: Limits, cancelled: Callable[[], bool] | None = None,
                 pool: WorkerPool | None = None, ahead: int | None = None):
        from dangan.read.extract.registry import registered

        self.limits, self.cancelled = limits, cancelled
        self.pool = pool or shared_pool(limits)
        self.ahead = ahead or 3 * self.pool.size
        self.extractors = registered()
        self.window: deque[Ticket] = deque()

    def run(self, paths: Iterator[tuple[Path, bool]]) -> Iterator[tuple[Path, Prepared | None]]:
        """For each (path, wanted): yield the path with a callable giving its extraction
        (None when not wanted: the caller handles it without extracting)."""
        pending = iter(paths)
        order: deque[tuple[Path, bool]] = deque()
        exhausted = False
        while True:
            while not exhausted and len(self.window) < self.ahead:
                try:
                    path, wanted = next(pending)
                except StopIteration:
                    exhausted = True
                    break
                order.append((path, wanted))
                if wanted:
                    self.window.append(self.pool.submit(inspect_and_read, path, self.limits,
                                                        self.extractors))
            if not order:
                return
            path, wanted = order.popleft()
            yield path, (self._result if wanted else None)

    def _result(self) -> tuple[Incoming, Extracted]:
        return self.pool.result(self.window.popleft(), self.cancelled)

    def close(self) -> None:
        """Calls still queued or running (the batch stopped early) are dropped."""
        while self.window:
            self.pool.cancel(self.window.popleft())
