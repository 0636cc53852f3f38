"""An OFD's attachments: each taken as a document of its own, as a ZIP's members are; hostile ones quarantined.

The test OFD is the corpus's real 批复 (路桥区卫生局, 2 pages, a seal) with attachments added as GB/T 33190-2016
§20 lays them out, in the form the corpus's e-invoice OFD shows (增值税电子普通发票.ofd: Doc_0/Attachs/
Attachments.xml, its file beside it): `ofd:Attachments` in Document.xml (§7.5) after the pages, naming the
list (§20.1); one `ofd:Attachment` per file with ID, Name, Format, CreationDate, Size in KB and Visible
(§20.2, 表 73), and `ofd:FileLoc` relative to the list. The attached file is a real corpus DOCX."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from labelled_elements import CORPUS

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.intake.batch import ingest_paths

LUQIAO = CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd"
INVOICE = CORPUS / "ofd" / "增值税电子普通发票.ofd"   # one hidden attachment: the invoice's data as XML
REPORT = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年云南省政府工作报告.docx"
NS = "http://www.ofdspec.org/2016"
SHOWN = "附件1：2025年云南省政府工作报告.docx"


def _attachment(ident: int, name: str, fmt: str, loc: str, size: int, visible: bool = True) -> str:
    hidden = "" if visible else ' Visible="false"'
    return (f'<ofd:Attachment ID="{ident}" Name="{name}" Format="{fmt}" CreationDate="2011-03-10T09:00:00" '
            f'Size="{size / 1024:.4f}"{hidden}><ofd:FileLoc>{loc}</ofd:FileLoc></ofd:Attachment>')


def with_attachments(out: Path, entries: list[str], files: dict[str, bytes], source: Path = LUQIAO) -> Path:
    """`source` zipped again with Doc_0/Attachs/Attachments.xml listing `entries` and `files` put beside it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "Doc_0/Document.xml":
                data = data.replace(b"<ofd:Outlines/>",
                                    b"<ofd:Outlines/>\n  <ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>")
                assert b"Attachs/Attachments.xml" in data
            dst.writestr(info, data)
        listing = f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Attachments xmlns:ofd="{NS}">{"".join(entries)}' \
                  '</ofd:Attachments>'
        dst.writestr("Doc_0/Attachs/Attachments.xml", listing.encode())
        for name, data in files.items():
            dst.writestr(f"Doc_0/Attachs/{name}", data)
    return out


def _sources(ws) -> dict[str, int]:
    with Catalog(ws.catalog_path) as catalog:
        return {row[0]: row[1] for row in catalog.conn.execute("SELECT path, document_id FROM sources")}


def test_each_visible_attachment_is_a_document_of_its_own(workspace, tmp_path):
    report_bytes = REPORT.read_bytes()
    ofd = with_attachments(tmp_path / "批复附件.ofd", [
        _attachment(2001, "附件1：2025年云南省政府工作报告", "docx", "Attach_0.docx", len(report_bytes)),
        _attachment(2002, "原始数据", "xml", "data.xml", 30, visible=False),
        _attachment(2003, "逃逸", "txt", "../../../逃逸.txt", 10),
        _attachment(2004, "缺失的附件", "pdf", "Attach_9.pdf", 10),
    ], {"Attach_0.docx": report_bytes, "data.xml": b"<data>hidden</data>"})

    report = ingest_paths(workspace, [ofd], ocr=False)
    added = {r.path.relative_to(tmp_path).as_posix(): r for r in report.results if r.status == "added"}
    assert set(added) == {"批复附件.ofd", f"批复附件.ofd/附件/{SHOWN}"}
    failed = {r.path.relative_to(tmp_path).as_posix(): r.reason for r in report.failed}
    assert failed == {"批复附件.ofd/附件/逃逸.txt": "OFD 附件未收录：文件位置指向 OFD 包外，已拒绝",
                      "批复附件.ofd/附件/缺失的附件.pdf": "OFD 附件未收录：OFD 包内没有这个附件文件（Doc_0/Attachs/Attach_9.pdf）"}
    assert "原始数据" not in str(report.to_dict())   # hidden: data for software, as a reader shows it

    with Catalog(workspace.catalog_path) as catalog:
        ofd_doc = catalog.get(added["批复附件.ofd"].document_id)
        member = catalog.get(added[f"批复附件.ofd/附件/{SHOWN}"].document_id)
    assert ofd_doc.title == "关于同意张阿三同志辞职的批复" and ofd_doc.doc_number == "路卫发〔2011〕76号"
    assert ofd_doc.pages == 2 and "政府工作报告" not in ofd_doc.text   # the OFD's own pages only
    assert member.original_name == SHOWN and member.mime.endswith("wordprocessingml.document")
    assert "云南" in member.text and member.sha256 != ofd_doc.sha256
    reasons = {p.name: p.read_text(encoding="utf-8") for p in workspace.quarantine.rglob("*.reason.txt")}
    assert "指向 OFD 包外" in reasons["逃逸.txt.reason.txt"] and "缺失的附件.pdf.reason.txt" in reasons
    assert not (workspace.home.parent / "逃逸.txt").exists() and not any(
        p.name == "逃逸.txt" for p in workspace.quarantine.rglob("*"))   # never written anywhere

    again = ingest_paths(workspace, [ofd], ocr=False).to_dict()
    assert again["ingested"] == 0 and again["duplicates"] == 1   # attachments not walked again


def test_the_corpus_invoice_s_hidden_attachment_is_not_taken(workspace):
    report = ingest_paths(workspace, [INVOICE], ocr=False)
    assert [r.status for r in report.results] == ["added"]
    assert set(_sources(workspace)) == {str(INVOICE)}


def test_an_ofd_nested_past_the_depth_is_taken_and_its_attachments_refused(workspace, tmp_path):
    inner = with_attachments(tmp_path / "批复.ofd", [
        _attachment(2001, "附件1：2025年云南省政府工作报告", "docx", "/Doc_0/Attachs/Attach_0.docx", 41906)],
        {"Attach_0.docx": REPORT.read_bytes()})
    for level in range(1, 4):   # l3.zip/l2.zip/l1.zip/批复.ofd: the OFD at depth 3, the limit
        outer = tmp_path / f"l{level}.zip"
        with zipfile.ZipFile(outer, "w") as z:
            z.write(inner, inner.name)
        inner = outer
    report = ingest_paths(workspace, [inner], ocr=False)
    [failed] = report.failed
    assert failed.path.relative_to(tmp_path).as_posix() == f"l3.zip/l2.zip/l1.zip/批复.ofd/附件/{SHOWN}"
    assert failed.reason.startswith("OFD 附件未收录：嵌套超过 3 层")
    added = {r.path.relative_to(tmp_path).as_posix() for r in report.results if r.status == "added"}
    assert "l3.zip/l2.zip/l1.zip/批复.ofd" in added   # the OFD itself is taken


def test_a_broken_attachment_list_is_said_and_the_ofd_kept(workspace, tmp_path):
    ofd = with_attachments(tmp_path / "批复.ofd", ["<ofd:Attachment ID='1'"], {})   # cut off mid-tag
    report = ingest_paths(workspace, [ofd], ocr=False)
    [failed] = report.failed
    assert failed.path.relative_to(tmp_path).as_posix() == "批复.ofd/附件"
    assert "OFD 的附件列表无法读取" in failed.reason
    assert [r.path.name for r in report.results if r.status == "added"] == ["批复.ofd"]


def test_the_cli_says_and_shows_an_ofd_s_attachments(tmp_path):
    report_bytes = REPORT.read_bytes()
    ofd = with_attachments(tmp_path / "批复附件.ofd", [
        _attachment(2001, "附件1：2025年云南省政府工作报告", "docx", "Attach_0.docx", len(report_bytes))],
        {"Attach_0.docx": report_bytes})
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    said = runner.invoke(cli, ["--home", str(home), "ingest", "--no-ocr", str(ofd)], catch_exceptions=False)
    assert said.exit_code == 0, said.output
    assert "收录 2 件" in said.output and "以上含 OFD 附件 1 个，各自收录、可单独检索；归档时与其 OFD 正文为一件，不另编档号。" in said.output
    data = json.loads(runner.invoke(cli, ["--home", str(home), "ingest", "--json", str(ofd)]).output)
    assert data["duplicates"] == 1
    ids = {v: k for k, v in _sources_home(home).items()}
    ofd_id = ids[str(ofd)]
    shown = runner.invoke(cli, ["--home", str(home), "show", str(ofd_id)], catch_exceptions=False).output
    assert "OFD 附件：1 个，各自收录、可单独检索，归档时与本文件为一件：" in shown and f"附件/{SHOWN} → 编号" in shown
    as_json = json.loads(runner.invoke(cli, ["--home", str(home), "show", str(ofd_id), "--json"]).output)
    assert [m["member"] for m in as_json["attachments"]] == [f"附件/{SHOWN}"]


def _sources_home(home: Path) -> dict[int, str]:
    import sqlite3

    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        return dict(conn.execute("SELECT document_id, path FROM sources").fetchall())


def test_the_desk_says_an_uploaded_ofd_s_attachments(tmp_path):
    """Uploaded at the desk: the row says the attachments taken and names the refused one; 状态 says it was an
    OFD's attachment; the OFD's page links to its attachment's."""
    import re

    from web_desk import html, uploaded

    from dangan.web.app import create_app
    from dangan.workspace import init_workspace

    report_bytes = REPORT.read_bytes()
    ofd = with_attachments(tmp_path / "批复附件.ofd", [
        _attachment(2001, "附件1：2025年云南省政府工作报告", "docx", "Attach_0.docx", len(report_bytes)),
        _attachment(2004, "缺失的附件", "pdf", "Attach_9.pdf", 10)], {"Attach_0.docx": report_bytes})
    ws = init_workspace(tmp_path / "ws")
    with create_app(ws).test_client() as client:
        row = uploaded(client, ofd)
        assert row["status"] == "added" and row["partial"]
        assert "OFD 附件中 1 个文件已逐个收录；1 个文件未收录（已隔离" in row["reason"]
        assert row["refused"][0]["name"] == "附件/缺失的附件.pdf"
        status = html(client.get("/status"))
        assert "缺失的附件.pdf" in status and "OFD 批复附件.ofd 的附件 · 网页上传" in status
        page = html(client.get(f"/doc/{row['id']}"))
        listed = page.split('id="ofd-attachments"')[1].split("</ul>")[0]
        assert re.search(r'href="/doc/\d+">[^<]*云南省政府工作报告', listed) and "附件/" + SHOWN in listed


def test_reread_takes_the_attachments_an_older_dangan_never_took(tmp_path):
    """An OFD archived by a dangan that did not read attachments (simulated: its attachment's document taken out
    of the catalog and the index) gets them on `dangan reread`; a refused one is not tried again each time."""
    import sqlite3

    report_bytes = REPORT.read_bytes()
    ofd = with_attachments(tmp_path / "批复附件.ofd", [
        _attachment(2001, "附件1：2025年云南省政府工作报告", "docx", "Attach_0.docx", len(report_bytes)),
        _attachment(2004, "缺失的附件", "pdf", "Attach_9.pdf", 10)], {"Attach_0.docx": report_bytes})
    home = tmp_path / "ws"
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    run("init")
    run("ingest", "--no-ocr", "--quiet", str(ofd), code=2)   # the missing attachment fails
    ofd_id = {v: k for k, v in _sources_home(home).items()}[str(ofd)]
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM documents WHERE id != ?", (ofd_id,))
        conn.execute("DELETE FROM failures")
    run("reindex")
    assert json.loads(run("search", "云南", "--json"))["total"] == 0

    said = run("reread", "--dry-run")
    assert "OFD/PDF 附件 补全 1 件" in said and f"OFD/PDF 附件：（空） → 附件/{SHOWN}、附件/缺失的附件.pdf" in said
    said = run("reread", code=2)
    assert "OFD/PDF 附件 补全 1 件" in said
    assert f"已隔离：文件 {ofd_id}《批复附件.ofd》附件/缺失的附件.pdf：OFD 附件未收录：OFD 包内没有这个附件文件" in said
    shown = json.loads(run("show", str(ofd_id), "--json"))
    assert [m["member"] for m in shown["attachments"]] == [f"附件/{SHOWN}"]
    assert json.loads(run("search", "云南", "--json"))["total"] >= 1   # taken, indexed
    assert "索引一致" in run("check")
    reasons = [p.name for p in (home / "quarantine").rglob("*.reason.txt")]
    assert reasons.count("缺失的附件.pdf.reason.txt") == 1
    assert "重新识别 2 件：未变 2 件。" in run("reread")   # nothing taken twice, the refused one not tried again
    assert [p.name for p in (home / "quarantine").rglob("*.reason.txt")].count("缺失的附件.pdf.reason.txt") == 1


def test_reread_leaves_an_attachment_taken_as_another_original(tmp_path):
    """An attachment whose text a document already holds in other bytes (the same notice saved as GB18030) was
    taken at ingest as another original of it (同文异版): reread has nothing to take."""
    from test_reread import XINYU

    text = XINYU.read_text(encoding="utf-8")
    gbk = text.encode("gb18030")
    assert gbk != XINYU.read_bytes()
    ofd = with_attachments(tmp_path / "批复附件.ofd", [_attachment(2001, "附件1：绿色建筑管理办法", "txt",
                                                                "Attach_0.txt", len(gbk))], {"Attach_0.txt": gbk})
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    said = runner.invoke(cli, ["--home", str(home), "ingest", "--no-ocr", str(XINYU), str(ofd)],
                         catch_exceptions=False).output
    assert "同文异版 1 件" in said
    report = json.loads(runner.invoke(cli, ["--home", str(home), "reread", "--dry-run", "--json"]).output)
    assert "attachments" not in report["summary"]["fields"]
