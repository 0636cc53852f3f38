"""Long work the desk runs beside its requests: one run of a kind per workspace, in a daemon thread of
the server, its progress kept for the page that asked (立即核对, 重建索引, OCR of uploaded scans).

A run's state lives in this process only: a restarted server forgets it, while what the work itself
writes (a check's result, the index, each OCR'd page) stays."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from dangan.workspace import Workspace


@dataclass
class Run:
    total: int = 0          # steps to take, as known
    started: float = field(default_factory=time.monotonic)
    done: int = 0           # steps taken
    ended: float | None = None
    error: str | None = None   # why it stopped, for the page

    def step(self) -> None:
        self.done += 1

    def to_dict(self) -> dict[str, Any]:
        return {"running": self.ended is None, "total": self.total, "done": self.done, "error": self.error,
                "seconds": round((self.ended or time.monotonic()) - self.started)}


R = TypeVar("R", bound=Run)


class Runs(Generic[R]):
    """The runs of one kind, the latest per workspace."""

    def __init__(self, thread_name: str) -> None:
        self._thread_name = thread_name
        self._runs: dict[Path, R] = {}
        self._lock = threading.Lock()

    def state(self, ws: Workspace) -> dict[str, Any] | None:
        """The workspace's latest run in this server (running or ended), or None."""
        with self._lock:
            run = self._runs.get(ws.home)
        return run.to_dict() if run else None

    def start(self, ws: Workspace, run: R, work: Callable[[Workspace, R], None]) -> bool:
        """Run `work(ws, run)` in a thread unless a run of this kind is going there (False then). `work`
        need not end the run: it is marked ended however `work` returns."""
        with self._lock:
            current = self._runs.get(ws.home)
            if current is not None and current.ended is None:
                return False
            self._runs[ws.home] = run

        def body() -> None:
            try:
                work(ws, run)
            finally:
                run.ended = time.monotonic()

        threading.Thread(target=body, name=self._thread_name, daemon=True).start()
        return True
