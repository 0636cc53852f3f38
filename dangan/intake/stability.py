"""When a file in the inbox is complete: stable size and mtime, closed, held open by no one.

The watcher (`watch.py`) notes every event on a path here and takes the paths that
`ready()` hands over; `--once` abandons the ones still changing. The clock, the stat
and the open-files probe are injectable, so the rules are unit-tested without waiting.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dangan.intake.openfiles import open_elsewhere
from dangan.intake.queue import fingerprint

__all__ = ["Clock", "Fingerprint", "StabilityTracker"]

Clock = Callable[[], float]
Fingerprint = tuple[int, int] | None


@dataclass
class _Entry:
    fingerprint: Fingerprint
    changed_at: float
    first_seen: float
    closed: bool
    not_before: float = 0.0


class StabilityTracker:
    """A file is ready once its size and mtime have not changed for `delay` seconds
    and no process holds it open.

    With inotify (`require_close`), a file that was written to must also have been
    closed since; a writer silent for `patience` seconds counts as closed anyway,
    unless it still has the file open (`busy`: a writer pausing mid-file).
    """

    def __init__(self, delay: float, *, clock: Clock = time.monotonic,
                 stat: Callable[[Path], Fingerprint] = fingerprint, require_close: bool = True,
                 patience: float | None = None,
                 busy: Callable[[list[Path]], set[Path]] = open_elsewhere):
        self.delay, self.clock, self.stat, self.busy = delay, clock, stat, busy
        self.require_close = require_close
        self.patience = patience if patience is not None else max(30.0, 10 * delay)
        self.entries: dict[Path, _Entry] = {}

    def note(self, path: Path, event: str = "scan") -> bool:
        """An event (created, modified, closed, scan…) on `path`; True when it is new here."""
        now, current = self.clock(), self.stat(path)
        entry = self.entries.get(path)
        if entry is None:
            if current is None:
                return False
            self.entries[path] = _Entry(current, now, now, closed=event != "modified")
            return True
        if current != entry.fingerprint:
            entry.fingerprint, entry.changed_at = current, now
        if event in ("closed", "modified"):
            entry.closed = event == "closed"
        return False

    def ready(self) -> list[Path]:
        """Files complete now (or gone: the journal decides about those); they leave the tracker."""
        now, out = self.clock(), []
        for path, entry in list(self.entries.items()):
            if now < entry.not_before or now - entry.changed_at < self.delay:
                continue
            current = self.stat(path)
            if current != entry.fingerprint:
                entry.fingerprint, entry.changed_at = current, now
                continue
            if entry.closed or not self.require_close or now - entry.changed_at >= self.patience:
                out.append(path)
        held = self.busy(out) if out else set()
        for path in out:
            if path in held:   # a writer still has it open: wait for its close
                self.entries[path].changed_at = now
            else:
                del self.entries[path]
        return [path for path in out if path not in held]

    def postpone(self, path: Path, seconds: float) -> None:
        """Look at `path` again in `seconds` (a retry), still requiring it to be stable."""
        now = self.clock()
        self.entries[path] = _Entry(self.stat(path), now + seconds - self.delay, now,
                                    closed=True, not_before=now + seconds)

    def forget(self, path: Path) -> None:
        self.entries.pop(path, None)

    def abandon(self, older_than: float) -> list[Path]:
        """Drop files still changing after `older_than` seconds (`--once` leaves them for later).

        A file that merely waited (a long writer session ran meanwhile) is stable, not restless:
        it stays, and the next `ready()` hands it over.
        """
        now = self.clock()
        gone = [p for p, e in self.entries.items()
                if now - e.first_seen > older_than and now - e.changed_at < older_than]
        for path in gone:
            del self.entries[path]
        return gone

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, path: object) -> bool:
        return path in self.entries
