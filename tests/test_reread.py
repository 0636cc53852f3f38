"""`dangan reread` (重新识别): archived originals read again by today's reader, through the CLI on real corpus files.

An archive made by an older dangan keeps that reader's values: the tests ingest real files, then write into the
catalog what an earlier version would have stored (no issuer, no seals rows for the OFD with a seal — migration
12 came later —, a title taken from a page's crumbs, a wrong 文号), and read again."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner
from labelled_elements import CORPUS

from dangan.cli import cli
from dangan.lock import WriterLock
from dangan.workspace import open_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

CERTIFICATE = CORPUS / "ofd" / "不动产登记证明.ofd"   # issuer only from its seal: 淄博市周村区自然资源局
LUQIAO = CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd"   # 路卫发〔2011〕76号
NORMATIVE = CORPUS / "txt" / "cn_normative_docs_pkulaw"
XINYU = next(NORMATIVE.glob("新余市人民政府办公室*.txt"))   # 余府发〔2012〕3号, 2012-01-09
HAIKOU = next(NORMATIVE.glob("海口市水务局*.txt"))
XINYU_TITLE = "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知"


def page_photo(photo: Path) -> Path:
    """A photo of a real page (the Anhui budget excerpt's first page at 150 dpi), for OCR to read at ingest."""
    photo.parent.mkdir(parents=True, exist_ok=True)
    with pypdfium2.PdfDocument(str(CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf")) as pdf:
        pdf[0].render(scale=150 / 72).to_pil().convert("RGB").save(photo)
    return photo


def _run(home: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def _sql(home: Path, script: str) -> None:
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        conn.executescript(script)


def _rows(home: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        return conn.execute(sql, args).fetchall()


def _ids(home: Path) -> dict[str, int]:
    return {name: doc_id for doc_id, name in _rows(home, "SELECT id, original_name FROM documents")}


def _older_archive(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """Four real documents, a 档号 for 2012, a title set by hand, then the values an older reader stored."""
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--quiet", str(CERTIFICATE), str(LUQIAO), str(XINYU), str(HAIKOU))
    ids = _ids(home)
    _run(home, "archive", "--year", "2012", "--fonds", "0194")
    _run(home, "tag", str(ids[LUQIAO.name]), "--title", "张阿三辞职批复（手工）")
    _sql(home, f"""
        UPDATE documents SET issuer = NULL WHERE id = {ids[CERTIFICATE.name]};
        DELETE FROM document_seals WHERE document_id = {ids[CERTIFICATE.name]};
        UPDATE documents SET title = '首页 > 政务公开 > 通知公告', issuer = NULL WHERE id = {ids[XINYU.name]};
        UPDATE documents SET doc_number = '路卫发〔2011〕7号' WHERE id = {ids[LUQIAO.name]};
    """)
    return home, ids


def test_reread_fills_and_corrects_what_an_older_reader_stored(tmp_path: Path) -> None:
    home, ids = _older_archive(tmp_path)
    cert, luqiao, xinyu = ids[CERTIFICATE.name], ids[LUQIAO.name], ids[XINYU.name]
    code = _rows(home, "SELECT archival_code FROM documents WHERE id = ?", xinyu)[0][0]
    assert code and code.startswith("0194-WS·2012-")

    said = _run(home, "reread")
    assert "重新识别 4 件：" in said
    assert "标题 更正 1 件" in said and "发文字号 更正 1 件" in said and "发文机关 补全 2 件" in said
    assert "电子签章 补全 1 件" in said and "未变 1 件" in said
    assert f"手工著录或收件箱默认的值保留不变 1 件（读取结果与之不同）：文件 {luqiao} 标题" in said

    row = dict(zip(("title", "doc_number", "issuer", "archival_code"), _rows(
        home, "SELECT title, doc_number, issuer, archival_code FROM documents WHERE id = ?", xinyu)[0]))
    assert row == {"title": XINYU_TITLE, "doc_number": "余府发〔2012〕3号", "issuer": "新余市人民政府办公室",
                   "archival_code": code}   # the 档号 stays
    assert _rows(home, "SELECT issuer FROM documents WHERE id = ?", cert) == [("淄博市周村区自然资源局",)]
    assert _rows(home, "SELECT name, organ, page FROM document_seals WHERE document_id = ?", cert) == [
        ("淄博市周村区自然资源局(不动产登记专用章)", "淄博市周村区自然资源局", 1)]
    # the clerk's title is kept; the 文号 the clerk never touched is read again
    assert _rows(home, "SELECT title, doc_number FROM documents WHERE id = ?", luqiao) == [
        ("张阿三辞职批复（手工）", "路卫发〔2011〕76号")]
    shown = json.loads(_run(home, "show", str(cert), "--json"))
    assert shown["seals"][0]["organ"] == "淄博市周村区自然资源局"

    # reindexed: the new issuer and title are found
    found = json.loads(_run(home, "search", "issuer:淄博市周村区自然资源局", "--json"))
    assert [h["id"] for h in found["results"]] == [cert]
    found = json.loads(_run(home, "search", f'"{XINYU_TITLE}"', "--json"))
    assert xinyu in [h["id"] for h in found["results"]]
    assert "索引一致" in _run(home, "check")

    trail = json.loads(_run(home, "audit", "--json"))
    entries = [e for e in trail["entries"] if e["action"] == "reread"]
    assert {e["object"] for e in entries} == {f"doc:{cert}", f"doc:{xinyu}", f"doc:{luqiao}"}
    entry = next(e for e in entries if e["object"] == f"doc:{cert}")
    assert entry["detail"]["before"]["issuer"] is None
    assert entry["detail"]["after"]["issuer"] == "淄博市周村区自然资源局"
    assert "重新识别  文件" in _run(home, "audit")

    again = _run(home, "reread")   # nothing left to change
    assert "重新识别 4 件：未变 4 件。" in again


def test_dry_run_lists_the_changes_and_stores_nothing(tmp_path: Path) -> None:
    home, ids = _older_archive(tmp_path)
    cert = ids[CERTIFICATE.name]
    before = _rows(home, "SELECT * FROM documents ORDER BY id")
    audit_rows = _rows(home, "SELECT count(*) FROM audit")

    said = _run(home, "reread", "--dry-run")
    assert "预演（未保存）：重新识别 4 件：" in said
    assert f"文件 {cert}《不动产登记证明.ofd》：发文机关：（空） → 淄博市周村区自然资源局；电子签章：（空） → " in said
    assert "去掉 --dry-run 即保存这些变化。" in said

    report = json.loads(_run(home, "reread", "--dry-run", "--json"))
    assert report["dry_run"] is True
    assert set(report) == {"dry_run", "documents", "summary"}
    assert report["summary"] == {"documents": 4, "changed": 3, "unchanged": 1, "failed": 0, "skipped": 0,
                                 "kept_manual": 1, "kept_coded": 0,
                                 "fields": {"title": {"corrected": 1}, "doc_number": {"corrected": 1},
                                            "issuer": {"filled": 2}, "seals": {"filled": 1}}}
    doc = next(d for d in report["documents"] if d["document_id"] == cert)
    assert set(doc) == {"document_id", "name", "changes", "kept", "held", "refused", "error", "skipped"}
    assert {"field": "issuer", "kind": "filled", "before": None, "after": "淄博市周村区自然资源局"} in doc["changes"]

    assert _rows(home, "SELECT * FROM documents ORDER BY id") == before
    assert _rows(home, "SELECT count(*) FROM document_seals WHERE document_id = ?", cert) == [(0,)]
    assert _rows(home, "SELECT count(*) FROM audit") == audit_rows


def test_an_original_that_cannot_be_read_again_keeps_its_values(tmp_path: Path) -> None:
    home, ids = _older_archive(tmp_path)
    cert = ids[CERTIFICATE.name]
    relpath = _rows(home, "SELECT relpath FROM documents WHERE id = ?", cert)[0][0]
    original = open_workspace(home).originals / relpath
    original.chmod(0o644)
    original.write_bytes(original.read_bytes()[:300])   # damaged on disk since it was archived
    before = _rows(home, "SELECT * FROM documents WHERE id = ?", cert)

    said = _run(home, "reread", code=2)
    assert f"读取失败，原有著录项保留：文件 {cert}《不动产登记证明.ofd》：" in said
    assert "发文机关 补全 1 件" in said   # the others are read as usual
    assert _rows(home, "SELECT * FROM documents WHERE id = ?", cert) == before
    assert not any((home / "quarantine").iterdir())   # kept in the archive, nothing quarantined
    report = json.loads(_run(home, "reread", str(cert), "--json", code=2))
    assert report["summary"]["failed"] == 1 and report["documents"][0]["error"]


def test_which_documents_are_read_again(tmp_path: Path) -> None:
    home, ids = _older_archive(tmp_path)
    luqiao, xinyu = ids[LUQIAO.name], ids[XINYU.name]
    report = json.loads(_run(home, "reread", "--year", "2011", "--dry-run", "--json"))
    assert [d["document_id"] for d in report["documents"]] == [luqiao]
    report = json.loads(_run(home, "reread", str(xinyu), str(luqiao), "--dry-run", "--json"))
    assert [d["document_id"] for d in report["documents"]] == [xinyu, luqiao]
    assert "没有要重新识别的文件。" in _run(home, "reread", "--since", "2099-01-01")
    report = json.loads(_run(home, "reread", "--since", "2000-01-01", "--dry-run", "--json"))
    assert report["summary"]["documents"] == 4
    result = CliRunner().invoke(cli, ["--home", str(home), "reread", "999"])
    assert result.exit_code != 0 and "找不到编号为 999 的文件" in result.output
    result = CliRunner().invoke(cli, ["--home", str(home), "reread", "--since", "2022-13-01"])
    assert result.exit_code != 0 and "错误：" in result.output


def test_reread_waits_for_another_writer(tmp_path: Path) -> None:
    """Safe while `watch` runs: it takes the workspace's writer lock as the other writers do."""
    home, ids = _older_archive(tmp_path)
    cert = ids[CERTIFICATE.name]
    lock = WriterLock(open_workspace(home).lock_file)
    lock.acquire()
    outputs: list[str] = []
    worker = threading.Thread(target=lambda: outputs.append(_run(home, "reread", str(cert))))
    worker.start()
    try:
        time.sleep(2)
        assert worker.is_alive()   # waiting for the lock
        assert _rows(home, "SELECT issuer FROM documents WHERE id = ?", cert) == [(None,)]
    finally:
        lock.release()
    worker.join(60)
    assert "发文机关 补全 1 件" in outputs[0]
    assert _rows(home, "SELECT issuer FROM documents WHERE id = ?", cert) == [("淄博市周村区自然资源局",)]


def test_a_document_read_by_ocr_is_understood_again_from_its_ocr_text(tmp_path: Path) -> None:
    """A photo of a real page, read by OCR at ingest: reread keeps its text and pages (no OCR again)."""
    photo = page_photo(tmp_path / "in" / "公示栏照片.png")
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--quiet", str(photo))
    (doc_id,) = _ids(home).values()
    text, title = _rows(home, "SELECT text, title FROM documents WHERE id = ?", doc_id)[0]
    assert "预算" in text
    _sql(home, f"UPDATE documents SET title = '照片' WHERE id = {doc_id}")
    pages = _rows(home, "SELECT number, origin, confidence FROM pages WHERE document_id = ?", doc_id)
    assert pages[0][1] == "ocr"

    said = _run(home, "reread")
    assert "标题 更正 1 件" in said
    assert _rows(home, "SELECT text, title FROM documents WHERE id = ?", doc_id) == [(text, title)]
    assert _rows(home, "SELECT number, origin, confidence FROM pages WHERE document_id = ?", doc_id) == pages

    # --ocr reads its page again: read, no longer pending, the same words found
    _sql(home, f"UPDATE documents SET title = '照片' WHERE id = {doc_id}")
    report = json.loads(_run(home, "reread", "--ocr", "--json"))
    assert report["summary"]["fields"] == {"title": {"corrected": 1}}
    (again,) = _rows(home, "SELECT needs_ocr, title, text FROM documents WHERE id = ?", doc_id)
    assert again[:2] == (0, title) and "预算" in again[2]
    assert [p[:2] for p in _rows(home, "SELECT number, origin FROM pages WHERE document_id = ?", doc_id)] == [(1, "ocr")]


def test_stats_and_check_count_the_documents_an_older_reader_read(tmp_path: Path) -> None:
    """Which reader read each document is kept (migration 14); a catalog from before it counts as read by an older
    reader, and so does a document another version of the reading code read; reread --older reads only those."""
    home, ids = _older_archive(tmp_path)
    assert json.loads(_run(home, "stats", "--json"))["older_reader"] == 0
    assert "较早版本" not in _run(home, "check")
    with sqlite3.connect(home / "catalog.sqlite3") as conn:   # put back as migration 13 left it
        conn.execute("DROP TABLE document_readers")
        conn.execute("PRAGMA user_version = 13")
    stats = json.loads(_run(home, "stats", "--json"))
    assert stats["older_reader"] == 4 and "dangan reread --older" in stats["advice"]
    assert "旧版读取程序识别：4" in _run(home, "stats")
    said = _run(home, "check")
    assert "核对通过" in said and "建议：有 4 件文件由较早版本的读取程序识别，可运行 dangan reread --older" in said

    xinyu = ids[XINYU.name]
    said = _run(home, "show", str(xinyu))
    assert f"识别：由较早版本的读取程序识别，可运行 dangan reread {xinyu} 用当前版本重新识别" in said
    assert json.loads(_run(home, "show", str(xinyu), "--json"))["older_reader"] is True

    report = json.loads(_run(home, "reread", "--older", str(ids[XINYU.name]), "--json"))
    assert [d["document_id"] for d in report["documents"]] == [ids[XINYU.name]]
    shown = json.loads(_run(home, "show", str(xinyu), "--json"))
    assert shown["older_reader"] is False and "+" in shown["reader"]["reader"]   # version+fingerprint
    assert "较早版本" not in _run(home, "show", str(xinyu))
    _sql(home, f"UPDATE document_readers SET reader = '0.0.1+000000000000' WHERE document_id = {ids[XINYU.name]}")
    assert "识别：由较早版本的读取程序识别（" in _run(home, "show", str(xinyu))
    assert json.loads(_run(home, "check", "--json"))["older_reader"] == 4
    report = json.loads(_run(home, "reread", "--older", "--json"))
    assert report["summary"]["documents"] == 4 and report["summary"]["changed"] == 2   # 新余 read already
    assert json.loads(_run(home, "stats", "--json"))["older_reader"] == 0
    assert "没有要重新识别的文件。" in _run(home, "reread", "--older")


def test_the_desk_reads_again_what_an_older_reader_read(tmp_path: Path) -> None:
    """状态 names the documents an older reader read and reads them again beside the requests (as reread --older)."""
    from dangan.web import reread_runs
    from dangan.web.app import create_app

    home, ids = _older_archive(tmp_path)
    _sql(home, f"DELETE FROM document_readers WHERE document_id != {ids[HAIKOU.name]}")   # as before migration 14
    ws = open_workspace(home)
    with create_app(ws).test_client() as client:
        page = client.get("/status").get_data(as_text=True)
        assert "由较早版本的读取程序识别 <strong>3</strong> 件" in page and "重新识别（3 件）" in page
        # the banner points at the page's button, not at a command clerks never type
        assert "可点下方“重新识别”" in page and "dangan reread" not in page
        client.get("/upload")
        with client.session_transaction() as session:
            csrf = str(session["csrf_token"])
        started = client.post("/status/reread", data={"csrf_token": csrf}, follow_redirects=True)
        assert "已开始重新识别" in started.get_data(as_text=True)
        for _ in range(600):
            if not reread_runs.state(ws)["running"]:
                break
            time.sleep(0.1)
        page = client.get("/status").get_data(as_text=True)
        assert "上次：重新识别 3 件：" in page and "发文机关 补全 2 件" in page
        assert "所有文件都已由当前版本的读取程序识别。" in page and 'id="run-reread"' not in page
        again = client.post("/status/reread", data={"csrf_token": csrf}, follow_redirects=True)
        assert "无需重新识别" in again.get_data(as_text=True)
    assert _rows(home, "SELECT issuer FROM documents WHERE id = ?", ids[CERTIFICATE.name]) == [("淄博市周村区自然资源局",)]


def test_reread_ocr_keeps_the_text_an_older_reading_stored_till_ocr_reads_the_page(tmp_path: Path) -> None:
    """A scan whose stamped page number (- 1 -) an older reader stored as the page's text, never OCR'd: today's
    reader wants OCR. Without --ocr it is left as it is and said; with --ocr and OCR reading nothing (the page cap
    at 0), the old text stays — nothing is lost before OCR gives a text; with OCR, the page is read."""
    from test_ocr_ingest import _scan_with_page_number

    scan = _scan_with_page_number(tmp_path / "扫描件带页码.pdf")
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--quiet", "--no-ocr", str(scan))
    (doc_id,) = _ids(home).values()
    _sql(home, f"""UPDATE documents SET text = '- 1 -', needs_ocr = 0 WHERE id = {doc_id};
                   UPDATE pages SET origin = 'text', chars = 5 WHERE document_id = {doc_id};""")
    assert "加 --ocr 可识别" in _run(home, "reread")
    config = open_workspace(home).config_file
    setting = config.read_text(encoding="utf-8")
    config.write_text(setting.replace("max_pages = 500", "max_pages = 0"), encoding="utf-8")
    _run(home, "reread", "--ocr")
    assert _rows(home, "SELECT text FROM documents WHERE id = ?", doc_id) == [("- 1 -",)]
    config.write_text(setting, encoding="utf-8")
    _run(home, "reread", "--ocr")
    (text, needs_ocr), = _rows(home, "SELECT text, needs_ocr FROM documents WHERE id = ?", doc_id)
    assert "预算执行情况" in text and needs_ocr == 0
