"""A number handed out at ingest whose scan OCR later found to repeat another document's text
(同文异版 found after the fact, `variants.fold_into`): `show` and the desk's page said only
找不到编号为 N 的文件; they now say which document it joined, and the desk opens that one."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from web_desk import html

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.web.app import create_app
from dangan.workspace import open_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

PAGE = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"


def test_a_folded_photo_number_names_the_document_it_joined(tmp_path):
    import pypdfium2

    folder = tmp_path / "手机照片"
    folder.mkdir()
    with pypdfium2.PdfDocument(str(PAGE)) as pdf:
        page = pdf[0].render(scale=120 / 72).to_pil().convert("RGB")
    page.save(folder / "公示栏.png")                    # the same page, sent twice by two phones
    page.save(folder / "公示栏_微信.webp", quality=90)
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    ingested = runner.invoke(cli, ["--home", str(home), "ingest", str(folder), "--json"])
    assert ingested.exit_code == 0, ingested.output
    with Catalog(open_workspace(home).catalog_path) as catalog:
        kept = [row[0] for row in catalog.conn.execute("SELECT id FROM documents")]
        folded = [json.loads(row[0])["folded"] for row in
                  catalog.conn.execute("SELECT detail FROM audit WHERE action = 'same_text'")]
    assert len(kept) == 1 and len(folded) == 1 and folded[0] != kept[0]
    gone, into = folded[0], kept[0]

    shown = runner.invoke(cli, ["--home", str(home), "show", str(gone)])
    assert shown.exit_code != 0
    assert f"编号为 {gone} 的文件已并入编号 {into} 的文件" in shown.output
    assert f"dangan show {into}" in shown.output
    unknown = runner.invoke(cli, ["--home", str(home), "show", "99"])
    assert "找不到编号为 99 的文件" in unknown.output and "并入" not in unknown.output

    with create_app(open_workspace(home)).test_client() as client:
        moved = client.get(f"/doc/{gone}")
        assert moved.status_code == 302 and moved.headers["Location"].endswith(f"/doc/{into}")
        page_html = html(client.get(f"/doc/{gone}", follow_redirects=True))
        assert f"编号 {gone} 的文件与本件正文相同，已并入本件" in page_html
        assert "同文异版" in page_html and "安徽" in page_html
        assert client.get("/doc/99").status_code == 404
