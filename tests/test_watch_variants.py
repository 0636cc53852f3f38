"""A re-encoded copy dropped into a watched inbox: archived as 同文异版 and, like any file taken,
removed from the inbox (it stayed there with 与已归档的原件不同，暂不移除, taken again each rescan)."""
from __future__ import annotations

import time

from watch_helpers import CORPUS, copy_in, doc_count, inbox_files, job_states, make_ws, wait_until, watch_log, watching

from dangan.archive.catalog import Catalog

UTF8 = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt"
GB18030 = CORPUS / "txt/encoding_variants_DERIVED/2024年国务院政府工作报告_GB18030_CRLF.txt"


def test_a_copy_in_another_encoding_leaves_the_inbox_as_a_variant(tmp_path):
    ws = make_ws(tmp_path, rescan_minutes=0.01)
    with watching(ws):
        copy_in(tmp_path / "stage", ws.inbox / "报告.txt", UTF8.read_bytes())
        wait_until(lambda: doc_count(ws) == 1 and not inbox_files(ws), 120, "the UTF-8 original")
        copy_in(tmp_path / "stage", ws.inbox / "报告_GB18030副本.txt", GB18030.read_bytes())
        wait_until(lambda: not inbox_files(ws), 120, "the GB18030 copy leaving the inbox")
        time.sleep(1.5)                                  # a few rescans: nothing taken again
    assert doc_count(ws) == 1
    with Catalog(ws.catalog_path) as catalog:
        variants = catalog.conn.execute("SELECT original_name FROM variants").fetchall()
    assert [row[0] for row in variants] == ["报告_GB18030副本.txt"]
    assert job_states(ws) == {"indexed": 2}
    assert "暂不移除" not in watch_log(ws)
    # the watcher says what it did: the copy is not thrown away as a duplicate, it is kept
    assert "同文异版，正文与编号 1 相同，原件已另存" in watch_log(ws) and "重复文件" not in watch_log(ws)


def test_the_document_page_names_both_originals_types_as_clerks_do(tmp_path):
    """The desk's 档案信息 said 类型 text/plain (and the 同文异版 line too); `show` says TXT."""
    from click.testing import CliRunner

    from dangan.cli import cli
    from dangan.web.app import create_app

    ws = make_ws(tmp_path)
    for source in (UTF8, GB18030):
        result = CliRunner().invoke(cli, ["--home", str(ws.home), "ingest", "--no-ocr", str(source)],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with create_app(ws).test_client() as client:
        page = client.get("/doc/1").get_data(as_text=True)
    assert "GB18030" in page and "<dt>类型</dt><dd>TXT</dd>" in page
    assert "text/plain" not in page and "TXT，" in page


def test_an_upload_in_another_encoding_is_said_to_be_kept_as_another_original(tmp_path):
    """The desk answered 重复 for the GB18030 copy, as for the same bytes again: the clerk could
    not tell that this upload was kept (as 同文异版)."""
    import io

    from dangan.web.app import create_app

    ws = make_ws(tmp_path)
    with create_app(ws).test_client() as client:
        client.get("/upload")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]

        def upload(name: str, data: bytes) -> dict:
            return client.post("/upload", data={"file": (io.BytesIO(data), name)},
                               headers={"X-CSRF-Token": csrf}, content_type="multipart/form-data").get_json()

        first = upload("报告.txt", UTF8.read_bytes())
        same = upload("报告副本.txt", UTF8.read_bytes())
        other = upload("报告_GB18030.txt", GB18030.read_bytes())
    assert first["status"] == "added"
    # the same bytes again: the row names the document the archive already holds (档案中已有，编号 N，未重复收录)
    assert same["status"] == "duplicate" and same["reason"] == f"档案中已有，编号 {first['id']}，未重复收录"
    assert other["status"] == "duplicate" and other["id"] == first["id"]
    assert other["reason"].startswith("同文异版") and "原件已另存" in other["reason"]
