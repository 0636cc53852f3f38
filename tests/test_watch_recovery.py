"""`dangan watch`: retries with backoff, resuming open jobs after a restart, stops mid-file and by signal, the writer lock (split from test_watch.py)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS
from watch_helpers import (
    REPO,
    TEXTS,
    assert_settled,
    copy_in,
    doc_bytes,
    doc_count,
    inbox_files,
    job_states,
    make_ws,
    reap_watchers,  # noqa: F401  (an autouse fixture: kills what a test spawned)
    spawn,
    terminate,
    wait_started,
    wait_until,
    watching,
)

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.errors import FileVanished
from dangan.index import open_backend
from dangan.intake import queue as journal_module
from dangan.intake.batch import ingest_paths
from dangan.intake.ingest import Batch
from dangan.intake.queue import Journal, Ready, collect, origin_for
from dangan.intake.watch import Watcher
from dangan.ops.check import check, stats
from dangan.workspace import Inbox


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
