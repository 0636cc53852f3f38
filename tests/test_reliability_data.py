"""Issue 22, data loss: a writer's open file, an interrupted ingest, a killed incremental backup."""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from watch_helpers import REPO, doc_bytes, inbox_files, make_ws, reap_watchers, wait_until

from dangan.archive import backup as backup_module
from dangan.archive.backup import backup
from dangan.archive.catalog import Catalog
from dangan.archive.restore import verify_backup
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.intake.watch import Watcher
from dangan.ops.check import check

__all__ = ["reap_watchers"]


def _run_watcher(ws, **options):  # type: ignore[no-untyped-def]
    watcher = Watcher(ws, **options)
    watcher.tracker.patience = 1.0   # a silent writer is not taken for finished after 1 s either
    failures: list[BaseException] = []

    def run() -> None:
        try:
            watcher.run()
        except BaseException as exc:  # noqa: BLE001 - surfaced below
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert watcher.started.wait(20), failures
    return watcher, thread, failures


def _archived(ws) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    with Catalog(ws.catalog_path) as catalog:
        return [(row[0], row[1]) for row in catalog.conn.execute("SELECT size, sha256 FROM documents")]


@pytest.mark.parametrize("poll", [None, 0.1])
def test_watcher_never_takes_a_file_a_writer_still_has_open(tmp_path, poll):
    """Half written, the writer stalls with the file open, then writes the rest: all of it is archived."""
    ws = make_ws(tmp_path)
    whole = doc_bytes(1) * 3
    half = len(whole) // 2
    watcher, thread, failures = _run_watcher(ws, poll=poll)
    try:
        target = ws.inbox / "慢慢写.txt"
        with open(target, "wb") as fh:
            fh.write(whole[:half])
            fh.flush()
            time.sleep(3.0)      # 10× the stability delay, 3× the patience: still open
            fh.write(whole[half:])
        wait_until(lambda: not inbox_files(ws), 30, "inbox emptied")
        time.sleep(0.5)
    finally:
        watcher.stop()
        thread.join(30)
    assert not failures
    assert _archived(ws) == [(len(whole), hashlib.sha256(whole).hexdigest())]


def test_interrupted_ingest_is_indexed_by_the_next_ingest(tmp_path):
    """SIGKILL while the index is written; the same ingest again repairs the index."""
    ws = make_ws(tmp_path)
    folder = tmp_path / "收文"
    folder.mkdir()
    for n in range(6):
        (folder / f"文件{n}.txt").write_bytes(doc_bytes(n))
    env = {**os.environ, "PYTHONPATH": str(REPO), "DANGAN_CRASH_AT": "index_write"}
    command = [sys.executable, "-m", "dangan", "--home", str(ws.home), "ingest", "--no-ocr", str(folder)]
    first = subprocess.run(command, env=env, cwd=REPO, capture_output=True, timeout=120)
    assert first.returncode == -9
    env.pop("DANGAN_CRASH_AT")
    second = subprocess.run(command, env=env, cwd=REPO, capture_output=True, timeout=120)
    assert second.returncode == 0, second.stderr.decode()
    result = check(ws)
    assert result["ok"], result["problems"]
    assert result["documents"] == result["indexed"] == 6
    assert search(ws, "附件编号").total == 6


def test_killed_incremental_backup_leaves_the_previous_backup_verifiable(tmp_path, monkeypatch):
    ws = make_ws(tmp_path)
    ingest_paths(ws, [_write(tmp_path / "a.txt", doc_bytes(1))], ocr=False)
    bad = tmp_path / "坏.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot a pdf")
    ingest_paths(ws, [bad], ocr=False)                  # something in quarantine
    out = tmp_path / "备份"
    assert backup(ws, out).ok
    assert verify_backup(out).ok
    ingest_paths(ws, [_write(tmp_path / "b.txt", doc_bytes(2))], ocr=False)
    bad2 = tmp_path / "坏2.pdf"
    bad2.write_bytes(b"%PDF-1.7\nstill not a pdf")
    ingest_paths(ws, [bad2], ocr=False)

    real_replace = os.replace

    def killed(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(dst).endswith("manifest.jsonl"):
            raise KeyboardInterrupt   # the process dies before the new manifest is in place
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(backup_module.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        backup(ws, out)
    monkeypatch.setattr(backup_module.os, "replace", real_replace)
    report = verify_backup(out)
    assert report.ok, [p.message for p in report.problems]
    assert report.documents == 1
    assert backup(ws, out).ok        # and the next backup completes it
    assert verify_backup(out).documents == 2


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_watch_once_keeps_a_stable_file_that_waited_through_a_long_session():
    """The soak's finding: files noted while a minutes-long index commit ran were dropped by
    `--once` as 'still changing' and left in the inbox."""
    from dangan.intake.stability import StabilityTracker

    now = [0.0]
    path = Path("/in/稳定.txt")
    tracker = StabilityTracker(0.5, clock=lambda: now[0], stat=lambda p: (10, 1), busy=lambda ps: set())
    tracker.note(path, "scan")
    now[0] = 600.0                      # a long writer session elsewhere in the loop
    assert tracker.abandon(30.0) == []
    assert tracker.ready() == [path]


def test_the_same_file_again_repairs_an_original_gone_or_damaged(tmp_path):
    """check said 原件缺失 / 校验值不符 and gave no way out: re-ingesting the file was a 重复 that
    left the archive's copy as it was. The same bytes again now store it anew (and say so)."""
    from click.testing import CliRunner
    from conftest import corpus_file

    from dangan.cli import cli

    home, notice = tmp_path / "ws", corpus_file("ofd/路桥区卫生局关于同意辞职的批复.ofd")

    def dangan(*args: str, code: int = 0) -> str:
        result = CliRunner().invoke(cli, ["--home", str(home), *args])
        assert result.exit_code == code, result.output
        return result.output

    dangan("init")
    dangan("ingest", str(notice))
    stored = next((home / "originals").rglob("*.ofd"))
    for damage in ("append", "remove"):
        if damage == "append":
            stored.chmod(0o644)
            with stored.open("ab") as fh:
                fh.write(b"\0")
        else:
            stored.unlink()
        found = dangan("check", code=1)
        assert ("校验值不符" if damage == "append" else "原件缺失") in found and "再收录或上传一次即可修复" in found
        said = dangan("ingest", str(notice))     # the same path, unchanged since it was recorded
        assert "已用这次收录的文件重新存档（文件 1）" in said
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == hashlib.sha256(notice.read_bytes()).hexdigest()
        assert "核对通过" in dangan("check")
    assert "重新存档" not in dangan("ingest", str(notice))       # intact: a plain 重复, nothing rewritten
    stored.unlink()                                              # and through the desk's 上传
    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    client = create_app(open_workspace(home)).test_client()
    client.get("/upload")
    with client.session_transaction() as session:
        csrf = str(session["csrf_token"])
    sent = client.post("/upload", data={"file": (io.BytesIO(notice.read_bytes()), notice.name)},
                       headers={"X-CSRF-Token": csrf}, content_type="multipart/form-data").get_json()
    assert sent["status"] == "duplicate" and "重新存档" in sent["reason"] and stored.is_file()
    assert [e["action"] for e in json.loads(dangan("audit", "--json"))["entries"]].count("repair") == 3
