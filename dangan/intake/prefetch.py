"""Extraction ahead of the writer, in worker processes, for large batches.

The writer (catalog, index) is one process; reading PDFs and DOCX is the
costly, independent part. Workers hash, type and extract the next files while
the writer archives and indexes the current one. Results are taken in the
order the files were given, so ids stay in walk order. A worker that dies (a
hostile file crashing a C library) is replaced; a file that kills two workers
fails with a reason, the batch goes on.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from dangan.errors import ExtractionFailed
from dangan.model import Extracted, Incoming
from dangan.read.extract.base import Limits

Prepared = Callable[[], tuple[Incoming, Extracted]]
MIN_FILES = 8      # below this, starting workers costs more than it saves


def prepare(path: Path, limits: Limits) -> tuple[Incoming, Extracted]:
    """Hash, type and extract one file (runs in a worker)."""
    from dangan.intake.ingest import extract, inspect

    incoming = inspect(path, limits)
    return incoming, extract(incoming, limits)


class Prefetcher:
    def __init__(self, limits: Limits, workers: int = 2, ahead: int = 6):
        self.limits, self.workers, self.ahead = limits, workers, ahead
        self.pool = self._pool()
        self.window: deque[tuple[Path, Future[tuple[Incoming, Extracted]], int]] = deque()

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers,
                                   mp_context=multiprocessing.get_context("spawn"))

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
                    self.window.append((path, self.pool.submit(prepare, path, self.limits), 1))
            if not order:
                return
            path, wanted = order.popleft()
            yield path, (self._result if wanted else None)

    def _result(self) -> tuple[Incoming, Extracted]:
        path, future, attempt = self.window.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            if attempt >= 2:
                raise ExtractionFailed(detail="解析进程两次崩溃，疑似恶意或损坏文件") from None
            retry = self.pool.submit(prepare, path, self.limits)
            self.window.appendleft((path, retry, attempt + 1))
            return self._result()

    def _restart(self) -> None:
        """Replace the broken pool and resubmit what was in flight."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._pool()
        self.window = deque((p, self.pool.submit(prepare, p, self.limits), a) for p, _, a in self.window)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
