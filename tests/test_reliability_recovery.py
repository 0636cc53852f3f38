"""Issue 22, crashes and clear messages: long names, disk full, vanished files, huge images,
killed backups and restores, truncated tars, unreadable folders, «» in a document's text."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_watch_hostile import png
from watch_helpers import REPO, doc_bytes, make_ws

from dangan.archive import backup as backup_module
from dangan.archive import backup_sinks
from dangan.archive import store as store_module
from dangan.archive.backup import backup
from dangan.archive.restore import verify_backup
from dangan.cli import cli
from dangan.intake.batch import ingest_paths
from dangan.ops.check import check
from dangan.ops.restore import restore

LONG = "关于进一步加强全国文明城市创建工作中市容环境卫生整治和集贸市场整治的补充通知" * 3


@pytest.fixture
def ws(tmp_path):  # type: ignore[no-untyped-def]
    return make_ws(tmp_path)


def _dangan(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "dangan", "--home", str(home), *args], env=env,
                          cwd=REPO, capture_output=True, timeout=timeout)


# -- 9. long failing names -----------------------------------------------------------
def test_a_failing_file_with_a_long_name_does_not_stop_the_batch(tmp_path, ws):
    folder = tmp_path / "收文"
    folder.mkdir()
    name = LONG[:81] + ".pdf"
    assert 245 <= len(name.encode()) <= 255
    (folder / name).write_bytes(b"%PDF-1.7\nbroken")
    (folder / "后面的文件.txt").write_bytes(doc_bytes(1))
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "ingest", "--no-ocr", str(folder)])
    assert result.exit_code == 2, result.output
    assert "收录 1 件" in result.stdout
    reasons = list(ws.quarantine.rglob("*.reason.txt"))
    assert len(reasons) == 1 and len(reasons[0].name.encode()) < 255


def test_watch_once_exits_after_a_failing_file_with_a_long_name(ws):
    name = LONG[:81] + ".pdf"
    (ws.inbox / name).write_bytes(b"%PDF-1.7\nbroken")
    (ws.inbox / "正常.txt").write_bytes(doc_bytes(2))
    result = _dangan(ws.home, "watch", "--once", timeout=30)
    assert result.returncode == 2, result.stderr.decode()   # as `ingest`: a file failed
    assert not any(ws.inbox.iterdir())


# -- 16. disk full ----------------------------------------------------------------------
def _disk_full(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(store_module.os, "fsync", full)


def test_disk_full_during_ingest_is_a_clear_error_and_quarantines_nothing(tmp_path, ws, monkeypatch):
    folder = tmp_path / "收文"
    folder.mkdir()
    (folder / "一.txt").write_bytes(doc_bytes(1))
    (folder / "二.txt").write_bytes(doc_bytes(2))
    _disk_full(monkeypatch)
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "ingest", "--no-ocr", str(folder)])
    flat = "".join(result.output.split())
    assert "磁盘空间不足" in flat, result.output
    assert str(ws.originals) in flat
    assert result.exit_code not in (0, 2, 70)
    assert "Traceback" not in result.output
    assert not ws.quarantine.exists() or not any(ws.quarantine.rglob("*"))


def test_disk_full_during_backup_is_a_clear_error(tmp_path, ws, monkeypatch):
    ingest_paths(ws, [_write(tmp_path / "a.txt", doc_bytes(1))], ocr=False)

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(backup_module, "copy_hashed", full)      # the settings staged first
    monkeypatch.setattr(backup_sinks, "copy_hashed", full)       # and the originals copied
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "backup", "--copy",
                                      "--out", str(tmp_path / "备份")])
    assert "磁盘空间不足" in result.output, result.output
    assert result.exit_code not in (0, 70)


# -- 16. vanished files and huge images: the right codes ---------------------------------
def test_a_huge_image_is_too_large_not_corrupt(tmp_path, ws):
    path = tmp_path / "巨图.png"
    path.write_bytes(png(100_000, 100_000))
    report = ingest_paths(ws, [path], ocr=False).to_dict()
    assert report["failed"][0]["code"] == "TOO_LARGE"


def test_a_file_that_vanishes_mid_ingest_is_file_vanished(tmp_path, ws, monkeypatch):
    from dangan.intake import ingest as ingest_module

    path = _write(tmp_path / "转瞬即逝.txt", doc_bytes(3))
    real = ingest_module.extract

    def vanish(incoming, *args):  # type: ignore[no-untyped-def]
        incoming.path.unlink()
        return real(incoming, *args)
    monkeypatch.setattr(ingest_module, "extract", vanish)
    report = ingest_paths(ws, [path], ocr=False).to_dict()
    assert report["failed"][0]["code"] == "FILE_VANISHED"


def test_an_unreadable_subfolder_is_reported(tmp_path, ws, monkeypatch):
    folder = tmp_path / "收文"
    (folder / "锁住的").mkdir(parents=True)
    (folder / "锁住的" / "里面.txt").write_bytes(doc_bytes(4))
    (folder / "外面.txt").write_bytes(doc_bytes(5))
    real = os.scandir

    def scandir(path=".", *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("锁住的"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args)
    monkeypatch.setattr(os, "scandir", scandir)
    report = ingest_paths(ws, [folder], ocr=False).to_dict()
    assert any("锁住的" in f["path"] for f in report["failed"]), report


# -- 16. killed backups and restores ---------------------------------------------------
def test_stale_temporary_folders_of_killed_backups_are_cleaned(tmp_path, ws):
    ingest_paths(ws, [_write(tmp_path / "a.txt", doc_bytes(1))], ocr=False)
    out = tmp_path / "备份"
    for n in range(3):   # what killed runs leave beside the target
        stale = tmp_path / f".备份.tmp-dead{n}"
        (stale / "files").mkdir(parents=True)
        (stale / "catalog.sqlite3").write_bytes(b"x" * 100_000)
    assert backup(ws, out).ok
    assert not list(tmp_path.glob(".备份.tmp-*"))


def test_a_partial_backup_folder_can_be_resumed(tmp_path, ws):
    ingest_paths(ws, [_write(tmp_path / f"{n}.txt", doc_bytes(n)) for n in range(3)], ocr=False)
    out = tmp_path / "备份"
    assert backup(ws, out).ok
    (out / "manifest.jsonl").unlink()     # as a first backup killed before its manifest leaves it
    report = backup(ws, out)
    assert report.ok and verify_backup(out).ok


def test_a_restore_killed_during_reindex_can_be_run_again(tmp_path, ws, monkeypatch):
    ingest_paths(ws, [_write(tmp_path / f"{n}.txt", doc_bytes(n)) for n in range(3)], ocr=False)
    out = tmp_path / "备份"
    assert backup(ws, out).ok
    home = tmp_path / "恢复"
    from dangan.ops import restore as ops_restore

    def killed(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt   # the process dies while the index is rebuilt
    monkeypatch.setattr(ops_restore, "reindex", killed)
    with pytest.raises(KeyboardInterrupt):
        restore(out, home)
    monkeypatch.undo()
    again = _dangan(home, "restore", str(out), "--home", str(home))
    assert again.returncode == 0, again.stderr.decode() + again.stdout.decode()
    from dangan.workspace import open_workspace

    result = check(open_workspace(home))
    assert result["ok"] and result["indexed"] == 3, result


def test_a_truncated_tar_gets_a_clear_error(tmp_path, ws):
    ingest_paths(ws, [_write(tmp_path / f"{n}.txt", doc_bytes(n)) for n in range(3)], ocr=False)
    out = tmp_path / "备份.tar"
    assert backup(ws, out).ok
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2 + 100])
    result = CliRunner().invoke(cli, ["restore", str(out), "--verify-only"])
    assert result.exit_code == 1, result.output
    assert "不完整" in result.output or "截断" in result.output
    assert "内部错误" not in result.output


# -- 16. «» in a document's own text -----------------------------------------------------
def test_guillemets_in_a_document_are_not_shown_as_highlights(tmp_path, ws):
    from dangan.index.search import search
    from dangan.web.app import create_app

    text = "关于«重点»工作的通知\n各社区：«市容环境»整治要抓紧，垃圾分类要落实。\n"
    ingest_paths(ws, [_write(tmp_path / "a.txt", text.encode())], ocr=False)
    hit = search(ws, "垃圾分类").to_dict()["results"][0]
    page = create_app(ws).test_client().get("/?q=垃圾分类").get_data(as_text=True)
    assert "<mark>垃圾分类</mark>" in page
    assert "<mark>市容环境</mark>" not in page and "<mark>重点</mark>" not in page, hit["snippet"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_disk_full_ends_watch_once_with_its_own_exit_code(ws, monkeypatch):
    (ws.inbox / "一.txt").write_bytes(doc_bytes(1))
    _disk_full(monkeypatch)
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "watch", "--once"])
    assert result.exit_code == 7, result.output
    assert "磁盘空间不足" in "".join(result.output.split())
    assert (ws.inbox / "一.txt").is_file()
    assert not ws.quarantine.exists() or not any(ws.quarantine.rglob("*"))


def test_watch_reports_an_unreadable_inbox_folder(ws, monkeypatch):
    (ws.inbox / "锁住的").mkdir()
    (ws.inbox / "锁住的" / "里面.txt").write_bytes(doc_bytes(6))
    real = os.scandir

    def scandir(path=".", *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("锁住的"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args)
    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "watch", "--once"])
    assert result.exit_code == 0, result.output
    log = (ws.logs / "watch.log").read_text(encoding="utf-8")
    assert "无法读取文件夹" in log and "锁住的" in log
