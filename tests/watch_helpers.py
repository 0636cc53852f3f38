"""Helpers for the watcher tests (test_watch*.py, test_reliability_*.py and others): a workspace with
fast stability settings, files copied in the way a clerk drops them, waiting on a real watcher, and
spawning and reaping `dangan watch` processes."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.archive.catalog import Catalog
from dangan.intake.watch import Watcher
from dangan.ops.check import check, stats
from dangan.workspace import Workspace, init_workspace, open_workspace

STABLE = 0.3
REPO = Path(__file__).resolve().parents[1]
_SPAWNED: list[subprocess.Popen] = []


def _small_utf8_texts() -> list[Path]:
    out = []
    for path in sorted((CORPUS / "txt").rglob("*.txt"), key=lambda p: p.stat().st_size):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        out.append(path)
    return out[:12]


TEXTS = _small_utf8_texts()


# -- helpers shared by test_watch_crash.py and test_watch_hostile.py ------------------
def make_ws(tmp_path: Path, extra: str = "", stability: float = STABLE,
            rescan_minutes: float = 5) -> Workspace:
    ws = init_workspace(tmp_path / "ws")
    text = ws.config_file.read_text(encoding="utf-8")
    text = text.replace("stability_seconds = 2.0", f"stability_seconds = {stability}")
    text = text.replace("rescan_minutes = 5", f"rescan_minutes = {rescan_minutes}")
    ws.config_file.write_text(text + extra, encoding="utf-8")
    return open_workspace(ws.home)


def doc_bytes(n: int) -> bytes:
    """A real corpus text made unique by a last line."""
    return TEXTS[n % len(TEXTS)].read_bytes() + f"\n\n（第 {n} 份，附件编号 {n:04d}）\n".encode()


def copy_in(stage: Path, target: Path, data: bytes) -> Path:
    """A real copy (create, write, close) of a staged file into the inbox."""
    stage.mkdir(parents=True, exist_ok=True)
    source = stage / f"{len(data)}-{hash(data)}"
    source.write_bytes(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def wait_until(condition: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def inbox_files(ws: Workspace) -> list[Path]:
    out = []
    for folder, dirs, files in os.walk(ws.inbox):
        out.extend(Path(folder) / name for name in files + [d for d in dirs
                                                             if os.path.islink(Path(folder) / d)])
    return out


def doc_count(ws: Workspace) -> int:
    with Catalog(ws.catalog_path) as catalog:
        return catalog.count()


def job_states(ws: Workspace) -> Counter[str]:
    with Catalog(ws.catalog_path) as catalog:
        return Counter(dict(catalog.conn.execute("SELECT state, count(*) FROM jobs GROUP BY state")))


def assert_settled(ws: Workspace, documents: int) -> None:
    """Every file in the catalog exactly once, indexed, the inbox empty, no job left open."""
    result = check(ws)
    assert result["ok"], result["problems"]
    assert result["documents"] == documents == result["indexed"]
    assert inbox_files(ws) == []
    figures = stats(ws)
    assert figures["jobs_pending"] == 0


@contextmanager
def watching(ws: Workspace, **options: object) -> Iterator[Watcher]:
    """The watcher in a thread of this process (no signal handlers there: `stop()` ends it)."""
    watcher = Watcher(ws, **options)  # type: ignore[arg-type]
    failures: list[BaseException] = []

    def run() -> None:
        try:
            watcher.run()
        except BaseException as exc:  # surfaced in the test below
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert watcher.started.wait(20) or failures, "watcher did not start"
    try:
        yield watcher
    finally:
        watcher.stop()
        thread.join(30)
        assert not thread.is_alive()
        assert not failures, failures


def spawn(home: Path, out: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`python -m dangan watch` as a separate process; its stdout/stderr go to files under `out`."""
    out.mkdir(parents=True, exist_ok=True)
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    with open(out / "stdout.txt", "ab") as stdout, open(out / "stderr.txt", "ab") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "dangan", "--home", str(home), "watch", *args],
                                stdout=stdout, stderr=stderr, env=full_env, cwd=REPO)
    _SPAWNED.append(proc)
    return proc


@pytest.fixture(autouse=True)
def reap_watchers() -> Iterator[None]:
    """A failed assertion must not leave a watcher running: kill what this test spawned."""
    yield
    while _SPAWNED:
        proc = _SPAWNED.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def watch_log(ws: Workspace) -> str:
    path = ws.logs / "watch.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_started(ws: Workspace, proc: subprocess.Popen, times: int = 1) -> None:
    """Until the watcher says 开始监视 (a Python start and imports: slow on a loaded machine)."""
    wait_until(lambda: watch_log(ws).count("开始监视") >= times or proc.poll() is not None, 120,
               what="watcher start")
    assert proc.poll() is None, "watcher exited early"


def terminate(proc: subprocess.Popen, timeout: float = 120) -> int:
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout)
