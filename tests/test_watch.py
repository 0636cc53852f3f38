"""`dangan watch`: stability, journal, folder defaults, locking, signals, with the real observer."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from dangan.archive.catalog import Catalog
from dangan.archive.selections import catalog_stats
from dangan.cli import cli
from dangan.errors import ExitCode, FileVanished
from dangan.index import open_backend
from dangan.index.search import search
from dangan.intake import queue as journal_module
from dangan.intake.batch import ingest_paths
from dangan.intake.ingest import Batch
from dangan.intake.queue import Journal, Ready, collect, is_temporary, origin_for
from dangan.intake.stability import StabilityTracker
from dangan.intake.watch import Watcher
from dangan.ops.check import check, stats
from dangan.workspace import Inbox, Workspace, init_workspace, open_workspace

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


# -- the stability tracker, with an injected clock ---------------------------------------
class FakeFiles:
    def __init__(self) -> None:
        self.now = 0.0
        self.files: dict[Path, tuple[int, int] | None] = {}

    def clock(self) -> float:
        return self.now

    def stat(self, path: Path) -> tuple[int, int] | None:
        return self.files.get(path)


def test_tracker_waits_for_size_and_mtime_to_settle():
    fs, path = FakeFiles(), Path("/in/a.pdf")
    tracker = StabilityTracker(2.0, clock=fs.clock, stat=fs.stat)
    fs.files[path] = (10, 1)
    assert tracker.note(path, "created") is True
    assert tracker.note(path, "closed") is False       # known already
    fs.now = 1.9
    assert tracker.ready() == []
    fs.now, fs.files[path] = 2.5, (20, 2)               # grew without an event (network share)
    assert tracker.ready() == []
    fs.now = 4.0
    assert tracker.ready() == []                        # only 1.5 s since the change
    fs.now = 4.6
    assert tracker.ready() == [path]
    assert len(tracker) == 0 and tracker.ready() == []


def test_tracker_requires_a_close_after_writes_unless_polling():
    fs, path = FakeFiles(), Path("/in/slow.docx")
    tracker = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat, patience=30)
    polling = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat, require_close=False)
    fs.files[path] = (5, 1)
    tracker.note(path, "created")
    polling.note(path, "created")
    fs.files[path] = (9, 2)
    tracker.note(path, "modified")
    polling.note(path, "modified")
    fs.now = 5.0                                         # writer paused, file still open
    assert tracker.ready() == []
    assert polling.ready() == [path]
    tracker.note(path, "closed")
    assert tracker.ready() == [path]


def test_tracker_takes_a_silent_writer_after_patience_and_reports_vanished_files():
    fs, held, gone = FakeFiles(), Path("/in/held.pdf"), Path("/in/gone.pdf")
    tracker = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat, patience=30)
    fs.files.update({held: (1, 1), gone: (1, 1)})
    tracker.note(held, "modified")
    tracker.note(gone, "created")
    assert tracker.note(Path("/in/never.pdf"), "created") is False   # vanished before seen
    fs.files[gone] = None
    fs.now = 1.5
    assert tracker.ready() == []            # gone: changed (to missing) at 1.5
    fs.now = 3.0
    assert tracker.ready() == [gone]        # the journal decides what a missing file means
    fs.now = 31.0
    assert tracker.ready() == [held]


def test_tracker_postpones_retries_and_once_mode_abandons_restless_files():
    fs, path = FakeFiles(), Path("/in/locked.pdf")
    tracker = StabilityTracker(1.0, clock=fs.clock, stat=fs.stat)
    fs.files[path] = (3, 3)
    tracker.postpone(path, 4.0)
    fs.now = 3.9
    assert tracker.ready() == []
    fs.now = 4.0
    assert tracker.ready() == [path]
    tracker.note(path, "scan")
    for step in range(1, 40):               # rewritten every second for 40 s
        fs.now, fs.files[path] = 4.0 + step, (3 + step, 3 + step)
        assert tracker.ready() == []
    assert tracker.abandon(30.0) == [path] and len(tracker) == 0


def test_temporary_names():
    for name in ("~$草稿.docx", "下载.PDF.crdownload", "a.part", "x.TMP", ".~lock.a.docx#", ".隐藏.txt"):
        assert is_temporary(name), name
    for name in ("通知.pdf", "a..b.txt", "讲话~.docx", "tmp.pdf"):
        assert not is_temporary(name), name


def test_folder_defaults_and_tags_make_the_origin():
    inbox = Inbox(Path("/w/inbox"), defaults={"讲话": {"文种": "讲话"}, "佐证材料": {"测评项目": "A1"},
                                              "佐证材料/幸福社区": {"issuer": "幸福社区居委会"}},
                  tag_from_folder={"佐证材料": "社区"})
    speech = origin_for(Path("/w/inbox/讲话/2022/部署会.txt"), inbox)
    assert speech.overrides == {"doc_type": "讲话"} and speech.tags == {}
    proof = origin_for(Path("/w/inbox/佐证材料/幸福社区/照片/1.jpg"), inbox)
    assert proof.overrides == {"issuer": "幸福社区居委会"}
    assert proof.tags == {"社区": "幸福社区", "测评项目": "A1"}
    assert origin_for(Path("/w/inbox/佐证材料/总表.xlsx"), inbox).tags == {"测评项目": "A1"}
    top = origin_for(Path("/w/inbox/通知.pdf"), inbox)
    assert (top.overrides, top.tags, top.move_failed, top.inbox) == ({}, {}, True, "/w/inbox")


# -- end to end with the real observer ----------------------------------------------------
def test_hundred_files_copied_in_while_searching(tmp_path):
    """100 distinct files and 10 byte-identical copies, 500+ searches meanwhile: 100 documents."""
    ws = make_ws(tmp_path)
    proc = spawn(ws.home, tmp_path / "proc")
    wait_started(ws, proc)
    done, errors, searches = threading.Event(), [], [0]
    queries = ["政府工作报告", '"人民代表大会"', "决议 批准", "type:报告", "附件编号"]

    def searching() -> None:
        while not done.is_set() or searches[0] < 500:
            try:
                search(ws, queries[searches[0] % len(queries)], limit=5)
            except Exception:  # any error fails the test, with its traceback
                errors.append(traceback.format_exc())
            searches[0] += 1

    searcher = threading.Thread(target=searching)
    searcher.start()
    during = 0
    try:
        for n in range(110):
            folder = ws.inbox / ("讲话" if n % 10 == 0 else f"批次{n % 3}")
            copy_in(tmp_path / "stage", folder / f"文件{n:03d}.txt", doc_bytes(n % 100))
            time.sleep(0.01)
        wait_until(lambda: doc_count(ws) == 100 and not inbox_files(ws), 60, "100 documents")
        during = searches[0]
    finally:
        done.set()
        searcher.join(120)
    assert terminate(proc) == 0
    assert errors == [] and searches[0] >= 500 and during > 50
    assert_settled(ws, 100)
    with Catalog(ws.catalog_path) as catalog:
        assert catalog_stats(catalog)["sources"] == 110
        speeches = catalog.conn.execute("SELECT count(*) FROM documents WHERE doc_type = '讲话'")
        assert speeches.fetchone()[0] == 10
    assert job_states(ws) == {"indexed": 110}
    assert "Traceback" not in (tmp_path / "proc" / "stderr.txt").read_text(encoding="utf-8")


def test_polling_observer_collects_too_with_two_inboxes(tmp_path):
    """`watch --poll` (network shares): the same 100 + 10 files, half into a second inbox."""
    share = tmp_path / "共享收件箱"
    ws = make_ws(tmp_path, extra=f'\n[[inbox]]\npath = "{share}"\n')
    proc = spawn(ws.home, tmp_path / "proc", "--poll", "0.2")
    wait_started(ws, proc)
    for n in range(110):
        inbox = share if n % 2 else ws.inbox
        copy_in(tmp_path / "stage", inbox / f"子目录{n % 4}" / f"{n:03d}.txt", doc_bytes(n % 100))
    left = lambda: inbox_files(ws) + [p for p in share.rglob("*") if p.is_file()]  # noqa: E731
    wait_until(lambda: doc_count(ws) == 100 and not left(), 60, "100 documents")
    assert terminate(proc) == 0
    assert_settled(ws, 100)
    assert job_states(ws) == {"indexed": 110}
    with Catalog(ws.catalog_path) as catalog:
        inboxes = dict(catalog.conn.execute("SELECT inbox, count(*) FROM sources GROUP BY inbox"))
    assert inboxes == {str(ws.inbox): 55, str(share): 55}


def test_file_written_in_chunks_is_taken_once_complete(tmp_path):
    ws = make_ws(tmp_path, stability=0.5)
    body = doc_bytes(1)
    size = len(body) // 8 + 1
    chunks = [body[i * size:(i + 1) * size] for i in range(8)]
    target = ws.inbox / "分批写入.txt"
    with watching(ws):
        for chunk in chunks:
            with open(target, "ab") as fh:     # eight open/append/close cycles
                fh.write(chunk)
            time.sleep(0.3)                    # shorter than the stability delay
        wait_until(lambda: not target.exists(), 20, "chunked file taken")
    assert_settled(ws, 1)
    with Catalog(ws.catalog_path) as catalog:
        doc = catalog.get(1)
        assert doc.size == len(body)
        assert (ws.originals / doc.relpath).read_bytes() == body
    assert job_states(ws) == {"indexed": 1}


def test_writer_holding_the_file_open_is_waited_for(tmp_path):
    ws = make_ws(tmp_path)
    target = ws.inbox / "慢慢写.txt"
    data = doc_bytes(2)
    with watching(ws):
        with open(target, "wb") as fh:
            fh.write(data[:100])
            fh.flush()
            time.sleep(4 * STABLE)              # paused longer than the delay, still open
            assert doc_count(ws) == 0
            fh.write(data[100:])
        wait_until(lambda: doc_count(ws) == 1 and not target.exists(), 20, "slow file taken")
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.get(1).size == len(data)


def test_temporary_names_wait_until_renamed(tmp_path):
    ws = make_ws(tmp_path)
    with watching(ws):
        part = copy_in(tmp_path / "stage", ws.inbox / "下载中.pdf.part", doc_bytes(4))
        office = copy_in(tmp_path / "stage", ws.inbox / "~$通知.docx", b"owner lock file")
        # The watcher says it skipped both (an observable event, not a guess at timing).
        wait_until(lambda: watch_log(ws).count("跳过临时或隐藏文件") >= 2, 20, "both temporary files skipped")
        assert doc_count(ws) == 0 and part.exists() and office.exists()
        part.rename(ws.inbox / "下载中.txt")
        wait_until(lambda: doc_count(ws) == 1, 20, "renamed file taken")
    assert inbox_files(ws) == [office]
    assert "跳过临时或隐藏文件" in watch_log(ws)


def test_folder_defaults_reach_the_catalog_through_the_cli(tmp_path):
    ws = make_ws(tmp_path)
    copy_in(tmp_path / "stage", ws.inbox / "讲话" / "部署会.txt", doc_bytes(5))
    copy_in(tmp_path / "stage", ws.inbox / "佐证材料" / "幸福社区" / "台账.txt", doc_bytes(6))
    runner = CliRunner()
    result = runner.invoke(cli, ["--home", str(ws.home), "watch", "--once", "--json"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["added"], report["failed"], report["left"]) == (2, 0, 0)
    shown = {}
    for doc_id in (1, 2):
        data = json.loads(runner.invoke(cli, ["--home", str(ws.home), "show", str(doc_id), "--json"],
                                        catch_exceptions=False).stdout)
        shown[Path(data["sources"][0]["path"]).name] = data
    assert shown["部署会.txt"]["doc_type"] == "讲话"
    assert shown["部署会.txt"]["meta_origin"]["doc_type"]["origin"] == "folder"
    assert shown["台账.txt"]["tags"] == {"社区": "幸福社区"}
    assert_settled(ws, 2)


def test_watch_once_exits_as_ingest_does_when_a_file_is_quarantined(tmp_path):
    """The same broken file: `ingest` and `watch --once` both end with 2 (PARTIAL)."""
    broken = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nbroken"
    runner = CliRunner()
    ingested = make_ws(tmp_path / "a")
    source = copy_in(tmp_path / "stage", tmp_path / "收文" / "损坏.pdf", broken)
    result = runner.invoke(cli, ["--home", str(ingested.home), "ingest", "--no-ocr", str(source)])
    assert result.exit_code == int(ExitCode.PARTIAL), result.output
    watched = make_ws(tmp_path / "b")
    copy_in(tmp_path / "stage", watched.inbox / "损坏.pdf", broken)
    copy_in(tmp_path / "stage", watched.inbox / "正常.txt", doc_bytes(3))
    result = runner.invoke(cli, ["--home", str(watched.home), "watch", "--once", "--json"])
    assert result.exit_code == int(ExitCode.PARTIAL), result.output
    report = json.loads(result.stdout)
    assert (report["added"], report["failed"]) == (1, 1)
    assert next(watched.quarantine.rglob("损坏.pdf.reason.txt")).is_file()


def test_unreadable_file_is_retried_with_backoff_then_quarantined(tmp_path, monkeypatch):
    """Tests run as root, so chmod 000 still reads: the probe is made to fail instead."""
    ws = make_ws(tmp_path)
    real_probe, calls = journal_module.probe, Counter()

    def probe(path: Path) -> FileVanished | None:
        calls[path.name] += 1
        if path.name == "始终不可读.txt" or (path.name == "稍后可读.txt" and calls[path.name] <= 2):
            return FileVanished(detail="没有读取权限")
        return real_probe(path)

    monkeypatch.setattr(journal_module, "probe", probe)
    copy_in(tmp_path / "stage", ws.inbox / "稍后可读.txt", doc_bytes(7))
    copy_in(tmp_path / "stage", ws.inbox / "始终不可读.txt", doc_bytes(8))
    report = Watcher(ws, once=True).run()
    assert (report.added, report.failed, report.retried) == (1, 1, 2 + journal_module.MAX_ATTEMPTS - 1)
    assert calls["始终不可读.txt"] == journal_module.MAX_ATTEMPTS
    reason = next(ws.quarantine.rglob("始终不可读.txt.reason.txt")).read_text(encoding="utf-8")
    assert "没有读取权限" in reason and "代码：FILE_VANISHED" in reason
    assert next(ws.quarantine.rglob("始终不可读.txt")).read_bytes() == doc_bytes(8)
    assert inbox_files(ws) == []
    with Catalog(ws.catalog_path) as catalog:
        rows = dict(catalog.conn.execute("SELECT path, attempts FROM jobs WHERE state = 'failed'"))
    assert rows == {str(ws.inbox / "始终不可读.txt"): journal_module.MAX_ATTEMPTS}
    assert stats(ws)["jobs_failed"] == 1


def test_start_resumes_open_jobs_and_repairs_the_index(tmp_path):
    ws = make_ws(tmp_path)
    ingest_paths(ws, [TEXTS[0]])                       # in the catalog …
    backend = open_backend(ws.index_dir)
    backend.delete([1])                                # … but lost from the index
    backend.close()
    waiting = copy_in(tmp_path / "stage", ws.inbox / "留下的.txt", doc_bytes(9))
    gone = ws.inbox / "已被拿走.txt"
    with Catalog(ws.catalog_path) as catalog:
        journal = Journal(catalog)
        journal.record(waiting, ws.inbox, 1, 0.0)
        journal.record(gone, ws.inbox, 1, 0.0)         # seen, then removed while we were down
    report = Watcher(ws, once=True).run()
    assert (report.reindexed, report.resumed, report.added, report.failed) == (1, 2, 1, 0)
    assert_settled(ws, 2)
    assert job_states(ws) == {"indexed": 1, "failed": 1}
    reason = next(ws.quarantine.rglob("已被拿走.txt.reason.txt")).read_text(encoding="utf-8")
    assert "监视停止期间文件已从收件箱移走" in reason


def test_a_job_archived_before_its_file_went_is_closed_not_failed(tmp_path):
    ws = make_ws(tmp_path)
    ingest_paths(ws, [TEXTS[0]])
    gone = ws.inbox / "已归档.txt"
    with Batch(ws) as batch, Catalog(ws.catalog_path) as catalog:
        journal = Journal(catalog)
        job = journal.record(gone, ws.inbox, 1, 0.0)
        journal.advance(job.id, "archived", document_id=1)
        ready = Ready(job, origin_for(gone, Inbox(ws.inbox)))
        outcomes = collect(batch, journal, [ready], should_stop=lambda: False)
    assert [(o.status, o.document_id) for o in outcomes] == [("duplicate", 1)]
    assert job_states(ws) == {"indexed": 1}
    assert not any(ws.quarantine.rglob("*.reason.txt"))


def test_a_stop_while_a_file_is_read_closes_the_files_taken_before_it(tmp_path):
    """SIGTERM while the third file of a session is being read: that file's job stays open (it
    is read again at the next start), the two before it are indexed and closed, none is left
    archived-but-open."""
    ws = make_ws(tmp_path)
    budget = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "Anhui.pdf"   # 36 pages: a while to read
    for name, source in (("一.txt", TEXTS[0]), ("二.txt", TEXTS[1]), ("三.pdf", budget)):
        shutil.copy(source, ws.inbox / name)
    with Catalog(ws.catalog_path) as catalog:
        journal = Journal(catalog)
        ready = [Ready(journal.record(ws.inbox / n, ws.inbox, 1, 0.0), origin_for(ws.inbox / n, Inbox(ws.inbox)))
                 for n in ("一.txt", "二.txt", "三.pdf")]
        # the stop comes once two files are archived: while the third is being read
        with Batch(ws, cancelled=lambda: job_states(ws)["archived"] >= 2) as batch:
            outcomes = collect(batch, journal, ready, should_stop=lambda: False)
    assert [o.status for o in outcomes] == ["added", "added"]
    assert job_states(ws) == {"indexed": 2, "pending": 1}
    assert sorted(p.name for p in inbox_files(ws)) == ["三.pdf"]
    assert open_backend(ws.index_dir).count() == 2


def test_second_watcher_is_refused(tmp_path):
    ws = make_ws(tmp_path)
    with watching(ws):
        result = CliRunner().invoke(cli, ["--home", str(ws.home), "watch", "--once"])
    assert result.exit_code == 6
    assert "另一个 dangan watch 已在监视此工作区" in result.output


def test_sigterm_finishes_the_current_file_and_exits_zero(tmp_path):
    ws = make_ws(tmp_path)
    for n in range(60):
        copy_in(tmp_path / "stage", ws.inbox / f"{n:02d}.txt", doc_bytes(n))
    proc = spawn(ws.home, tmp_path / "proc")
    wait_until(lambda: doc_count(ws) >= 1, 30, "first document")
    assert terminate(proc) == 0
    assert "收到停止信号" in (tmp_path / "proc" / "stderr.txt").read_text(encoding="utf-8")
    result = check(ws)                                  # nothing half-done: every document indexed
    assert result["ok"], result["problems"]
    states = job_states(ws)
    assert set(states) <= {"pending", "indexed"}
    assert states["pending"] == len(inbox_files(ws)) == 60 - doc_count(ws)
    rerun = spawn(ws.home, tmp_path / "proc", "--once")
    assert rerun.wait(60) == 0
    assert_settled(ws, 60)


def test_dangan_ingest_while_watching_waits_for_the_lock(tmp_path):
    ws = make_ws(tmp_path)
    outside = tmp_path / "收文"
    for n in range(30):
        (outside / f"外来{n}.txt").parent.mkdir(exist_ok=True)
        (outside / f"外来{n}.txt").write_bytes(doc_bytes(200 + n))
    proc = spawn(ws.home, tmp_path / "proc")
    wait_started(ws, proc)
    for n in range(40):
        copy_in(tmp_path / "stage", ws.inbox / f"{n}.txt", doc_bytes(n))
    ingest = subprocess.run([sys.executable, "-m", "dangan", "--home", str(ws.home), "ingest",
                             str(outside), "--json"], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["ingested"] == 30
    assert "LockError" not in ingest.stderr and "Traceback" not in ingest.stderr
    wait_until(lambda: doc_count(ws) == 70 and not inbox_files(ws), 60, "70 documents")
    assert terminate(proc) == 0
    assert_settled(ws, 70)


def test_undecodable_names_are_renamed_and_collected(tmp_path):
    ws = make_ws(tmp_path)
    inbox = os.fsencode(ws.inbox)
    gbk_name = inbox + b"/" + "公告".encode("gbk") + b".txt"
    with open(gbk_name, "wb") as fh:
        fh.write(doc_bytes(10))
    os.makedirs(inbox + b"/\xff\xfe")
    with open(inbox + b"/\xff\xfe/a.txt", "wb") as fh:
        fh.write(doc_bytes(11))
    report = Watcher(ws, once=True).run()
    assert report.added == 2
    with Catalog(ws.catalog_path) as catalog:
        names = {row[0] for row in catalog.conn.execute("SELECT path FROM sources")}
    assert str(ws.inbox / "公告.txt") in names
    assert any(name.endswith("/a.txt") and "\ufffd" in name for name in names)
    assert_settled(ws, 2)


def test_stats_json_reports_job_counts(tmp_path):
    ws = make_ws(tmp_path)
    copy_in(tmp_path / "stage", ws.inbox / "好.txt", doc_bytes(12))
    copy_in(tmp_path / "stage", ws.inbox / "空.pdf", b"")
    Watcher(ws, once=True).run()
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "stats", "--json"],
                                catch_exceptions=False)
    data = json.loads(result.stdout)
    assert (data["documents"], data["jobs_pending"], data["jobs_failed"]) == (1, 0, 1)


def test_file_that_cannot_leave_the_inbox_is_not_taken_again_until_it_changes(tmp_path, monkeypatch):
    """A read-only inbox: periodic rescans (every 0.6 s here) must not re-take the same bytes."""
    ws = make_ws(tmp_path, rescan_minutes=0.01)
    real_settle = journal_module.settle

    def settle(outcome, journal) -> None:
        if outcome.job.path.name == "只读.txt":
            journal.advance(outcome.job.id, "indexed", document_id=outcome.document_id)
        else:
            real_settle(outcome, journal)

    monkeypatch.setattr(journal_module, "settle", settle)
    stuck = copy_in(tmp_path / "stage", ws.inbox / "只读.txt", doc_bytes(13))
    with watching(ws):
        wait_until(lambda: doc_count(ws) == 1, 20, "first take")
        time.sleep(2)                                  # three rescans or so
        assert job_states(ws) == {"indexed": 1}
        with open(stuck, "ab") as fh:                  # new content: a new document
            fh.write("补充一段。".encode())
        wait_until(lambda: doc_count(ws) == 2, 20, "changed file taken")
        time.sleep(1.5)
    assert job_states(ws) == {"indexed": 2}
    assert "无法从收件箱移除" in watch_log(ws)


def test_the_console_tells_a_quarantined_file_once_in_chinese(tmp_path):
    """The clerk's console said each bad file three times, twice in English (quarantined …,
    technical detail for … UnidentifiedImageError); the log file keeps those, the console the 已隔离 line."""
    ws = make_ws(tmp_path)
    (ws.inbox / "坏图片.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    (ws.inbox / "正常.txt").write_bytes(doc_bytes(3))
    proc = spawn(ws.home, tmp_path / "proc", "--once")
    assert proc.wait(120) == 2
    console = (tmp_path / "proc" / "stderr.txt").read_text(encoding="utf-8")
    assert "已隔离" in console and "坏图片.png" in console and "已收录" in console
    assert "quarantined" not in console and "technical detail" not in console
    assert "UnidentifiedImageError" not in console
    logged = (ws.logs / "watch.log").read_text(encoding="utf-8")
    assert "technical detail" in logged and "UnidentifiedImageError" in logged


def test_a_bad_file_inside_a_zip_is_a_failure_of_the_watch(tmp_path):
    """`ingest` counted a ZIP's broken member as failed (exit 2); `watch --once` said 失败 0, exit 0,
    and nothing in Chinese about it. Also no English catalog migration lines on a first start."""
    import zipfile

    ws = make_ws(tmp_path)
    with zipfile.ZipFile(ws.inbox / "报送材料.zip", "w") as archive:
        archive.writestr("坏图片.png", b"\x89PNG\r\n\x1a\nbroken")
        archive.writestr("通知.txt", doc_bytes(4))
    proc = spawn(ws.home, tmp_path / "proc", "--once")
    assert proc.wait(120) == 2
    console = (tmp_path / "proc" / "stderr.txt").read_text(encoding="utf-8")
    assert "已隔离（压缩包内的文件）" in console and "坏图片.png" in console
    assert "catalog migration" not in console
    assert "失败（已隔离）：1" in (tmp_path / "proc" / "stdout.txt").read_text(encoding="utf-8")
