"""`dangan watch`: stability, journal, folder defaults, locking, signals, with the real observer."""
from __future__ import annotations

import json
import os
import threading
import time
import traceback
from pathlib import Path

from click.testing import CliRunner
from watch_helpers import (
    STABLE,
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
    watch_log,
    watching,
)

from dangan.archive.catalog import Catalog
from dangan.archive.selections import catalog_stats
from dangan.cli import cli
from dangan.errors import ExitCode
from dangan.index.search import search
from dangan.intake import queue as journal_module
from dangan.intake.watch import Watcher


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


def test_watch_once_counts_a_file_still_being_written_as_left(tmp_path, monkeypatch):
    """The log says 仍在变化，留待下次处理 for a half-written file: the report counts it (it said 0)."""
    from dangan.intake import watch as watch_module

    patient = watch_module.StabilityTracker
    monkeypatch.setattr(watch_module, "StabilityTracker",
                        lambda *args, **kw: patient(*args, **kw, patience=1.0))
    ws = make_ws(tmp_path)
    copy_in(tmp_path / "stage", ws.inbox / "通知.txt", doc_bytes(7))
    whole = doc_bytes(8) * 3
    with open(ws.inbox / "写入中.txt", "wb") as writer:   # another program still writing it
        writer.write(whole[: len(whole) // 2])
        writer.flush()
        result = CliRunner().invoke(cli, ["--home", str(ws.home), "watch", "--once", "--json"],
                                    catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["added"], report["failed"], report["left"]) == (1, 0, 1)
    assert "文件仍在变化，留待下次处理" in watch_log(ws)
    assert (ws.inbox / "写入中.txt").exists()
