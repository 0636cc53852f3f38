"""The watcher killed with SIGKILL at each stage, then restarted: every file exactly once.

`DANGAN_CRASH_AT=<point>@<n>` makes the process kill itself at the n-th pass through a
crash point (see `dangan.faults.crash_point`).
"""
from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from watch_helpers import (
    assert_settled,
    copy_in,
    doc_bytes,
    doc_count,
    inbox_files,
    job_states,
    reap_watchers,
    spawn,
    terminate,
    wait_started,
    wait_until,
)

from dangan.archive.catalog import Catalog
from dangan.archive.selections import catalog_stats
from dangan.ops.check import check
from dangan.workspace import Workspace

__all__ = ["reap_watchers"]   # the autouse fixture: kills a watcher left by a failed test

WAIT = 240.0   # seconds a run may take on a loaded machine (a deadline, not a sleep)
NAMES = ("件0.txt", "件0副本.txt", "件1.txt", "件2.txt")   # taken in this order; 副本 = duplicate


def not_indexed(ws: Workspace) -> bool:
    return {p["kind"] for p in check(ws)["problems"]} == {"not_indexed"}


def a_file_gone_with_its_job_open(ws: Workspace) -> bool:
    """One file left the inbox and its job is still open (archived, not closed); no job is closed.

    Not `{"archived": 4}`: a writer session ends after BATCH_SECONDS, so on a loaded machine
    the first session may take fewer than the four files, and the others are still pending.
    """
    with Catalog(ws.catalog_path) as catalog:
        states = {Path(path).name: state for path, state in catalog.conn.execute("SELECT path, state FROM jobs")}
    gone = set(NAMES) - {path.name for path in inbox_files(ws)}
    return (len(gone) == 1 and set(states) == set(NAMES) and states[gone.pop()] == "archived"
            and set(states.values()) <= {"archived", "pending"})


# point → (n-th pass, what the crash must have left behind)
POINTS: dict[str, tuple[int, Callable[[Workspace], bool]]] = {
    "seen": (2, lambda ws: job_states(ws) == {"pending": 2}),                  # after the copy
    "extracting": (2, lambda ws: doc_count(ws) == 1),                          # mid-extraction
    "stored": (2, lambda ws: doc_count(ws) == 1 and len(originals(ws)) == 2),  # original, no row
    "archived": (2, not_indexed),                                              # row, no index
    "journal": (3, lambda ws: job_states(ws) == {"archived": 1, "pending": 3}),  # mid-commit
    "index_write": (1, not_indexed),                                           # mid index commit
    "indexed": (1, lambda ws: check(ws)["ok"] and len(inbox_files(ws)) == 4),  # inbox not emptied
    "removed": (1, a_file_gone_with_its_job_open),                             # job not closed
}


def originals(ws: Workspace) -> list[Path]:
    return [p for p in ws.originals.rglob("*") if p.is_file()]


def fill(ws: Workspace, stage: Path) -> None:
    for name, n in zip(NAMES, (0, 0, 1, 2)):
        copy_in(stage, ws.inbox / name, doc_bytes(n))


def assert_each_file_once(ws: Workspace) -> None:
    assert_settled(ws, 3)
    with Catalog(ws.catalog_path) as catalog:
        paths = sorted(Path(r[0]).name for r in catalog.conn.execute("SELECT path FROM sources"))
        assert catalog_stats(catalog)["failed"] == 0
    assert paths == sorted(NAMES)
    assert len(originals(ws)) == 3                      # no orphan or temporary copy left
    assert not any(ws.quarantine.rglob("*"))


@pytest.mark.parametrize("point", list(POINTS))
def test_killed_at_a_stage_then_restarted(tmp_path, point):
    from watch_helpers import make_ws

    ws = make_ws(tmp_path)
    fill(ws, tmp_path / "stage")
    nth, left_behind = POINTS[point]
    crashed = spawn(ws.home, tmp_path / "run1", "--once", env={"DANGAN_CRASH_AT": f"{point}@{nth}"})
    assert crashed.wait(WAIT) == -signal.SIGKILL
    assert left_behind(ws), (point, job_states(ws), check(ws)["problems"], inbox_files(ws))
    restarted = spawn(ws.home, tmp_path / "run2", "--once")
    assert restarted.wait(WAIT) == 0
    assert_each_file_once(ws)
    assert job_states(ws) == {"indexed": 4}
    assert "Traceback" not in (tmp_path / "run2" / "stderr.txt").read_text(encoding="utf-8")


def test_live_watcher_killed_then_restarted_catches_up(tmp_path):
    """Killed mid-stream; more files arrive while it is down; the restarted watcher takes all."""
    from watch_helpers import make_ws

    ws = make_ws(tmp_path)
    proc = spawn(ws.home, tmp_path / "run1", env={"DANGAN_CRASH_AT": "archived@5"})
    wait_started(ws, proc)
    for n in range(12):
        copy_in(tmp_path / "stage", ws.inbox / f"{n:02d}.txt", doc_bytes(n))
        time.sleep(0.02)
    assert proc.wait(30) == -signal.SIGKILL
    for n in range(12, 20):                              # dropped in while nobody watches
        copy_in(tmp_path / "stage", ws.inbox / "晚到" / f"{n:02d}.txt", doc_bytes(n))
    proc = spawn(ws.home, tmp_path / "run2")
    wait_until(lambda: doc_count(ws) == 20 and not inbox_files(ws), 60, "20 documents")
    assert terminate(proc) == 0
    assert_settled(ws, 20)
    assert job_states(ws) == {"indexed": 20}
    assert os.path.isdir(ws.inbox / "晚到")             # folders stay, files go
