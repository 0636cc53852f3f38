"""`dangan reread` clears what an older reader read and today's reader no longer finds, through the CLI on real
corpus files.

The older reader's misreadings are simulated as tests/test_reread.py does: real files ingested, then the values an
earlier version stored written into the catalog (and indexed, as that version indexed them): a 发文机关 cut at a
line break (资源局) and a 成文日期 on a signed OFD that names neither; a 成文日期 one day off on a text whose
档号 was given by that date."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from labelled_elements import CORPUS
from test_reread import XINYU, _ids, _rows, _run, _sql, page_photo

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

SIGNED = CORPUS / "ofd" / "电子签章文件.ofd"   # no 发文机关, no 成文日期 in its text


def _older_archive(tmp_path: Path) -> tuple[Path, int, int]:
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--quiet", str(SIGNED), str(XINYU))
    ids = _ids(home)
    signed, xinyu = ids[SIGNED.name], ids[XINYU.name]
    assert _rows(home, "SELECT issuer, doc_date FROM documents WHERE id = ?", signed) == [(None, None)]
    _sql(home, f"""
        UPDATE documents SET issuer = '资源局', doc_date = '2019-05-01' WHERE id = {signed};
        UPDATE documents SET doc_date = '2012-01-10' WHERE id = {xinyu};
    """)
    _run(home, "reindex")
    _run(home, "archive", "--year", "2012", "--fonds", "0194")   # the 档号 is given by the older date
    return home, signed, xinyu


def test_reread_clears_what_today_s_reader_no_longer_finds(tmp_path: Path) -> None:
    home, signed, xinyu = _older_archive(tmp_path)
    code = _rows(home, "SELECT archival_code FROM documents WHERE id = ?", xinyu)[0][0]
    assert code and code.startswith("0194-WS·2012-")
    found = json.loads(_run(home, "search", "issuer:资源局", "--json"))
    assert [h["id"] for h in found["results"]] == [signed]

    said = _run(home, "reread", "--dry-run")
    assert "预演（未保存）：重新识别 2 件：发文机关 清除 1 件、成文日期 清除 1 件、未变 1 件；已编档号，成文日期保留 1 件。" in said
    assert f"文件 {signed}《电子签章文件.ofd》：发文机关：资源局 → （空）；成文日期：2019-05-01 → （空）" in said
    assert f"已编档号的文件保留原成文日期 1 件（档号按它编定；确需更正请用 dangan tag）：文件 {xinyu} 成文日期 2012-01-10（读作 2012-01-09）" in said
    report = json.loads(_run(home, "reread", "--dry-run", "--json"))
    assert report["summary"]["fields"] == {"issuer": {"cleared": 1}, "doc_date": {"cleared": 1}}
    assert report["summary"]["kept_coded"] == 1 and report["summary"]["unchanged"] == 1
    doc = {d["document_id"]: d for d in report["documents"]}
    assert {"field": "issuer", "kind": "cleared", "before": "资源局", "after": None} in doc[signed]["changes"]
    assert doc[xinyu]["changes"] == [] and doc[xinyu]["held"] == [
        {"field": "doc_date", "kind": "corrected", "before": "2012-01-10", "after": "2012-01-09"}]
    assert _rows(home, "SELECT issuer FROM documents WHERE id = ?", signed) == [("资源局",)]   # stored nothing

    _run(home, "reread")
    assert _rows(home, "SELECT issuer, doc_date FROM documents WHERE id = ?", signed) == [(None, None)]
    assert _rows(home, "SELECT doc_date, archival_code FROM documents WHERE id = ?", xinyu) == [("2012-01-10", code)]
    # reindexed: the old issuer finds nothing, the document is still found by its words
    assert json.loads(_run(home, "search", "issuer:资源局", "--json"))["total"] == 0
    assert signed in [h["id"] for h in json.loads(_run(home, "search", "电子签章文件", "--json"))["results"]]
    assert "索引一致" in _run(home, "check")
    # the audit keeps the old value: the clerk sees it and can set it again
    (line,) = [line for line in _run(home, "audit").splitlines() if f"重新识别  文件 {signed}  " in line]
    assert "发文机关：资源局 → （空）" in line and "成文日期：2019-05-01 → （空）" in line

    # archive: the undated document is named as in no year; the coded one keeps its code and year
    filed = json.loads(_run(home, "archive", "--year", "2019", "--fonds", "0194", "--json"))
    assert filed["assigned"] == [] and signed in [d["id"] for d in filed["undated"]["documents"]]
    filed = json.loads(_run(home, "archive", "--year", "2012", "--fonds", "0194", "--json"))
    assert filed["assigned"] == [] and filed["kept"] == 1

    # set again by hand, it stays: today's reader finding nothing never clears a person's value
    _run(home, "tag", str(signed), "--set", "发文机关=淄博市周村区自然资源局")
    said = _run(home, "reread", str(signed))
    assert "重新识别 1 件：未变 1 件。" in said and f"保留不变 1 件（读取结果与之不同）：文件 {signed} 发文机关" in said
    assert _rows(home, "SELECT issuer FROM documents WHERE id = ?", signed) == [("淄博市周村区自然资源局",)]


def test_reread_ocr_keeps_the_date_a_code_was_given_by(tmp_path: Path) -> None:
    """A photo of a real page, read by OCR and given a 档号 by a date one day off: neither reread nor the OCR that
    `--ocr` runs again moves its 成文日期 (the OCR stage writes through the same catalog rule)."""
    photo = page_photo(tmp_path / "in" / "预算报告照片.png")
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--quiet", str(photo))
    (doc_id,) = _ids(home).values()
    assert _rows(home, "SELECT doc_date FROM documents WHERE id = ?", doc_id) == [("2024-01-23",)]
    _sql(home, f"UPDATE documents SET doc_date = '2024-01-22' WHERE id = {doc_id}")
    _run(home, "archive", "--year", "2024", "--fonds", "0194")
    code = _rows(home, "SELECT archival_code FROM documents WHERE id = ?", doc_id)[0][0]

    report = json.loads(_run(home, "reread", "--ocr", "--json"))
    assert report["summary"]["kept_coded"] == 1 and "doc_date" not in report["summary"]["fields"]
    assert _rows(home, "SELECT doc_date, archival_code, needs_ocr FROM documents WHERE id = ?", doc_id) == [
        ("2024-01-22", code, 0)]


def test_the_desk_says_what_reread_cleared_and_held(tmp_path: Path) -> None:
    """状态's 重新识别 (as reread --older) stores the same and says it in the same words."""
    import time

    from dangan.web import reread_runs
    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    home, signed, xinyu = _older_archive(tmp_path)
    _sql(home, "UPDATE document_readers SET reader = '0.0.1+000000000000'")   # read by an older reader
    ws = open_workspace(home)
    with create_app(ws).test_client() as client:
        client.get("/upload")
        with client.session_transaction() as session:
            csrf = str(session["csrf_token"])
        client.post("/status/reread", data={"csrf_token": csrf}, follow_redirects=True)
        for _ in range(600):
            if not reread_runs.state(ws)["running"]:
                break
            time.sleep(0.1)
        page = client.get("/status").get_data(as_text=True)
        assert "上次：重新识别 2 件：发文机关 清除 1 件、成文日期 清除 1 件、未变 1 件；已编档号，成文日期保留 1 件。" in page
        shown = client.get(f"/doc/{signed}").get_data(as_text=True)
    assert "资源局" not in shown
    assert _rows(home, "SELECT issuer, doc_date FROM documents WHERE id = ?", signed) == [(None, None)]
    assert _rows(home, "SELECT doc_date FROM documents WHERE id = ?", xinyu) == [("2012-01-10",)]
