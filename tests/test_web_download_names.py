"""A file that arrived under the wrong suffix is downloaded under the right one: the desk sent the
Word file that came as 云南报告.pdf back as 云南报告.pdf (DOCX bytes, Content-Type DOCX), which a
clerk's PDF reader refused; `export` and `package` already named their copies by the stored type."""
from __future__ import annotations

import shutil

from click.testing import CliRunner
from conftest import CORPUS
from web_desk import saved_name

from dangan.cli import cli
from dangan.web.app import create_app
from dangan.web.lookup import download_name
from dangan.workspace import init_workspace

DOCX = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年云南省政府工作报告.docx"
PDF = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"
TEXT = CORPUS / "txt/encoding_variants_DERIVED/人大关于政府工作报告的决议_2024_GBK.txt"


def test_a_misnamed_original_downloads_under_its_own_type(tmp_path):
    ws = init_workspace(tmp_path / "ws")
    inbox = tmp_path / "收文"
    inbox.mkdir()
    for source, name in ((DOCX, "云南报告.pdf"), (PDF, "安徽节选.txt"), (TEXT, "人大决议.txt")):
        shutil.copyfile(source, inbox / name)
        result = CliRunner().invoke(cli, ["--home", str(ws.home), "ingest", "--no-ocr", str(inbox / name)],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with create_app(ws).test_client() as client:
        responses = [client.get(f"/doc/{n}/original") for n in (1, 2, 3)]
    assert [saved_name(r) for r in responses] == ["云南报告.docx", "安徽节选.pdf", "人大决议.txt"]
    assert responses[2].headers["Content-Type"] == "text/plain; charset=gb18030"   # GBK bytes, read as GB18030 (its superset)


def test_names_that_agree_with_their_type_are_kept():
    assert download_name("照片.jpeg", "image/jpeg", "ab/cd/x.jpg") == "照片.jpeg"
    assert download_name("说明.md", "text/plain", "ab/cd/x.txt") == "说明.md"
    assert download_name("无后缀", "application/pdf", "ab/cd/x.pdf") == "无后缀.pdf"
    assert download_name("未知.dat", "application/octet-stream", "ab/cd/x.bin") == "未知.dat"
