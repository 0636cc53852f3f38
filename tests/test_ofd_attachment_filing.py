"""An OFD 公文 and its attachments are one 件 (DA/T 22-2015 5.1.1: 正文与附件为一件), as a ZIP's members are not.

The OFD is the corpus 批复 (路卫发〔2011〕76号, 2 pages) with two attachments: a corpus DOCX (its own page
statistics: 34 pages, dated 2025) and a corpus notice as text (its pages reckoned: an estimate). Each is read
and searchable as a document of its own (test_ofd_attachments); here they are filed with the OFD."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import cli_run
from test_ofd_attachments import REPORT, _attachment, with_attachments
from test_reread import XINYU

REPORT_NAME = "附件1：2025年云南省政府工作报告"
NOTICE_NAME = "附件2：绿色建筑管理办法"


def _ofd(tmp_path: Path) -> Path:
    report, notice = REPORT.read_bytes(), XINYU.read_bytes()
    return with_attachments(tmp_path / "批复附件.ofd", [
        _attachment(2001, REPORT_NAME, "docx", "Attach_0.docx", len(report)),
        _attachment(2002, NOTICE_NAME, "txt", "Attach_1.txt", len(notice))],
        {"Attach_0.docx": report, "Attach_1.txt": notice})


def _runner(home: Path) -> Callable[..., str]:
    """The CLI on this workspace, as tests/cli_run.dangan runs it."""
    return partial(cli_run.dangan, home)


def _documents(home: Path) -> dict[str, dict]:
    """The catalog's documents by the name they were taken under (the OFD's, or 附件/名称)."""
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT d.*, s.path FROM documents d JOIN sources s ON s.document_id = d.id").fetchall()
    return {Path(r["path"]).name if "/附件/" not in r["path"] else r["path"].split("/附件/")[1]: dict(r)
            for r in rows}


def _sheet(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    return [row for row in load_workbook(path).active.iter_rows(min_row=3, values_only=True)]


def test_attachments_are_filed_with_their_ofd(tmp_path):
    home = tmp_path / "ws"
    run = _runner(home)
    run("init")
    said = run("ingest", "--no-ocr", str(_ofd(tmp_path)))
    assert "以上含 OFD 附件 2 个，各自收录、可单独检索；归档时与其 OFD 正文为一件，不另编档号。" in said
    docs = _documents(home)
    ofd, report, notice = docs["批复附件.ofd"], docs[REPORT_NAME + ".docx"], docs[NOTICE_NAME + ".txt"]
    assert (ofd["pages"], ofd["pages_estimated"], report["pages_estimated"]) == (2, 0, 0)
    assert notice["pages_estimated"] == 1 and notice["doc_date"][:4] == "2012"
    assert report["doc_date"][:4] == "2025"

    said = run("archive", "--year", "2011", "--fonds", "0194")
    assert "0194-WS·2011-D30-BGS-0001  关于同意张阿三同志辞职的批复" in said
    assert "2011 年度：新编档号 1 件" in said
    assert "OFD/PDF 附件 2 件随其正文归档（正文与附件为一件），不另编档号。" in said
    data = json.loads(run("archive", "--year", "2025", "--json"))   # the DOCX's own year: not its 件's
    assert data["assigned"] == [] and data["attached"] == 0
    data = json.loads(run("archive", "--year", "2012", "--json"))   # the notice's
    assert data["assigned"] == [] and data["undated"]["count"] == 0
    docs = _documents(home)
    assert docs[REPORT_NAME + ".docx"]["archival_code"] is None and docs[NOTICE_NAME + ".txt"]["archival_code"] is None

    run("catalog", "--year", "2011", "--out", str(tmp_path / "目录.xlsx"))
    [row] = _sheet(tmp_path / "目录.xlsx")
    pages = 2 + report["pages"] + notice["pages"]
    assert row[:5] == (1, "0194-WS·2011-D30-BGS-0001", "路卫发〔2011〕76号", "路桥区卫生局", "关于同意张阿三同志辞职的批复")
    assert row[7] == pages   # the 件's pages: the 正文's and its attachments'
    assert row[8] == "页数为估算（绿色建筑管理办法）；附件：2025年云南省政府工作报告；绿色建筑管理办法"   # the notice's: reckoned
    for year in ("2025", "2012"):
        run("catalog", "--year", year, "--out", str(tmp_path / f"{year}.xlsx"))
        assert _sheet(tmp_path / f"{year}.xlsx") == []

    out = tmp_path / "目录.docx"
    run("catalog", "--year", "2011", "--out", str(out))
    from docx import Document

    [table] = Document(str(out)).tables
    cells = [c.text for c in table.rows[-1].cells]
    assert cells[-2:] == [str(pages), "页数为估算（绿色建筑管理办法）；附件：2025年云南省政府工作报告；绿色建筑管理办法"]


def test_an_attachment_numbered_before_keeps_its_code(tmp_path):
    """An archive whose older dangan numbered an attachment as a 件 of its own (simulated: its 档号 written as
    assign_codes wrote it) keeps that 档号; archive says so, the catalogue keeps its row and names its OFD."""
    home = tmp_path / "ws"
    run = _runner(home)
    run("init")
    run("ingest", "--no-ocr", "--quiet", str(_ofd(tmp_path)))
    docs = _documents(home)
    report = docs[REPORT_NAME + ".docx"]
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        conn.execute("UPDATE documents SET archival_code = '0194-WS·2025-D30-BGS-0001', retention = 'D30' "
                     "WHERE id = ?", (report["id"],))
    said = run("archive", "--year", "2025", "--fonds", "0194")
    assert "新编档号 0 件，原有档号 1 件保持不变" in said
    assert "另有 OFD/PDF 附件 1 件此前已单独编有档号，档号编定后不收回，仍各为一件。" in said
    said = run("archive", "--year", "2011")
    assert "OFD/PDF 附件 1 件随其正文归档" in said   # the notice only
    assert _documents(home)[REPORT_NAME + ".docx"]["archival_code"] == "0194-WS·2025-D30-BGS-0001"

    run("catalog", "--year", "2011", "--out", str(tmp_path / "2011.xlsx"))
    [row] = _sheet(tmp_path / "2011.xlsx")
    assert row[7] == 2 + docs[NOTICE_NAME + ".txt"]["pages"]   # the numbered one is not counted twice
    assert row[8] == "页数为估算（绿色建筑管理办法）；附件：绿色建筑管理办法"
    run("catalog", "--year", "2025", "--out", str(tmp_path / "2025.xlsx"))
    [row] = _sheet(tmp_path / "2025.xlsx")
    assert row[1] == "0194-WS·2025-D30-BGS-0001" and row[7] == report["pages"]
    assert row[8] == "系 0194-WS·2011-D30-BGS-0001 的附件，已单独编号"


def test_the_desk_files_attachments_with_their_ofd(tmp_path):
    """归档 at the desk: the preview lists the OFD's 件 once and the flash says the attachments were filed with it."""
    from web_desk import html, token

    from dangan.intake.batch import ingest_paths
    from dangan.web.app import create_app
    from dangan.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws")
    ingest_paths(ws, [_ofd(tmp_path)], ocr=False)
    with create_app(ws).test_client() as client:
        csrf = token(client)
        years = html(client.get("/archive")).split('name="year"')[1].split("</select>")[0]
        assert "2011" in years and "2025" not in years and "2012" not in years   # the attachments' own years
        page = html(client.get("/archive?year=2011"))
        assert "关于同意张阿三同志辞职的批复" in page and "附件：2025年云南省政府工作报告；绿色建筑管理办法" in page
        assert "云南省政府工作报告" not in html(client.get("/archive?year=2025")).split("<table")[-1]
        done = client.post("/archive/codes", data={"year": "2011", "confirm": "1", "fonds": "0194"},
                           headers={"X-CSRF-Token": csrf}, follow_redirects=True)
        said = html(done)
        assert "2011 年度新编档号 1 件（0194-WS·2011-D30-BGS-0001）" in said
        assert "OFD/PDF 附件 2 件随其正文归档（正文与附件为一件），不另编档号。" in said


def test_show_and_search_say_whose_attachment_it_is(tmp_path):
    home = tmp_path / "ws"
    run = _runner(home)
    run("init")
    run("ingest", "--no-ocr", "--quiet", str(_ofd(tmp_path)))
    docs = _documents(home)
    ofd, report = docs["批复附件.ofd"], docs[REPORT_NAME + ".docx"]
    said = run("show", str(report["id"]))
    assert (f"所属件：OFD 文件 编号 {ofd['id']}《关于同意张阿三同志辞职的批复》的附件（附件/{REPORT_NAME}.docx），"
            "与其正文为一件，尚未编档号") in said
    assert "OFD 附件：2 个，各自收录、可单独检索，归档时与本文件为一件：" in run("show", str(ofd["id"]))
    assert "所属件" not in run("show", str(ofd["id"]))
    run("archive", "--year", "2011", "--fonds", "0194")
    shown = json.loads(run("show", str(report["id"]), "--json"))
    assert shown["attachment_of"] == {"ofd": ofd["id"], "title": "关于同意张阿三同志辞职的批复", "kind": "OFD",
                                      "member": f"附件/{REPORT_NAME}.docx", "filed": True,
                                      "archival_code": "0194-WS·2011-D30-BGS-0001"}
    assert "archival_code" in shown and shown["archival_code"] is None   # no 档号 of its own

    found = json.loads(run("search", "云南", "--json"))   # found by its own text, as an attachment of the 件
    [hit] = [h for h in found["results"] if h["id"] == report["id"]]
    assert hit["attachment_of"]["ofd"] == ofd["id"] and hit["attachment_of"]["archival_code"].endswith("-0001")
    assert all("attachment_of" not in h for h in found["results"] if h["id"] != report["id"])
    said = run("search", "云南")
    assert "所属件：OFD 文件 编号" in said and "与其正文为一件，档号 0194-WS·2011-D30-BGS-0001" in said

    from web_desk import html

    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    with create_app(open_workspace(home)).test_client() as client:
        page = html(client.get(f"/doc/{report['id']}"))
        line = page.split('id="attachment-of"')[1].split("</p>")[0]
        assert f'href="/doc/{ofd["id"]}">《关于同意张阿三同志辞职的批复》</a>的附件' in line
        assert "与其正文为一件，档号 0194-WS·2011-D30-BGS-0001" in line
        hits = html(client.get("/?q=云南"))
        assert "所属件：OFD 文件" in hits and "与其正文为一件，档号 0194-WS·2011-D30-BGS-0001" in hits


def test_export_and_the_dossier_carry_the_attachments_with_their_ofd(tmp_path):
    """An OFD chosen by a word only its own text holds goes out with its attachments, right after it (序号),
    though the DOCX attachment is dated 2025 and the notice 2012; the dossier lists and appends them with it."""
    home = tmp_path / "ws"
    run = _runner(home)
    run("init")
    run("ingest", "--no-ocr", "--quiet", str(_ofd(tmp_path)))
    assert json.loads(run("search", '"张阿三"', "--json"))["total"] == 1   # the OFD alone holds the word
    out = tmp_path / "导出"
    data = json.loads(run("export", "--query", '"张阿三"', "--out", str(out), "--json"))
    assert data["documents"] == 3
    files = sorted(p.name for p in out.iterdir() if p.suffix in (".ofd", ".docx", ".txt"))
    assert files[0] == "0001_关于同意张阿三同志辞职的批复.ofd"
    assert [f[:5] for f in files[1:]] == ["0002_", "0003_"]
    assert files[1].endswith(".docx") and files[2].endswith(".txt")   # in the order the OFD lists them
    from openpyxl import load_workbook

    listed = [r for r in load_workbook(out / "文件清单.xlsx").active.iter_rows(values_only=True) if r[0] in (1, 2, 3)]
    assert [r[-1] for r in listed] == [None, "OFD 附件，与序号 1 为一件", "页数为估算；OFD 附件，与序号 1 为一件"]

    docx = tmp_path / "批复.docx"
    made = json.loads(run("dossier", "--query", '"张阿三"', "--with-originals", "--out", str(docx), "--json"))
    assert made["documents"] == 3, made
    from docx import Document

    rows = ["|".join(dict.fromkeys(c.text for c in row.cells)) for t in Document(str(docx)).tables for row in t.rows]
    listed = [row for row in rows if "张阿三" in row or "云南" in row or "绿色建筑" in row]
    assert any("云南省政府工作报告" in row for row in listed) and any("绿色建筑" in row for row in listed), rows


def test_a_document_archived_on_its_own_before_stays_a_jian_of_its_own(tmp_path):
    """The notice came in on its own before the OFD attached the same bytes: it stays its own 件 (its own 档号,
    its own row), and the OFD's row counts only the attachment that came with it."""
    home = tmp_path / "ws"
    run = _runner(home)
    run("init")
    run("ingest", "--no-ocr", "--quiet", str(XINYU))
    run("ingest", "--no-ocr", "--quiet", str(_ofd(tmp_path)))
    docs = _documents(home)
    notice = docs[XINYU.name]
    assert NOTICE_NAME + ".txt" in docs and docs[NOTICE_NAME + ".txt"]["id"] == notice["id"]   # the same bytes
    said = run("archive", "--year", "2012", "--fonds", "0194")
    assert "0194-WS·2012-D30-BGS-0001" in said and "2012 年度：新编档号 1 件" in said
    said = run("archive", "--year", "2011")
    assert "OFD/PDF 附件 1 件随其正文归档" in said
    run("catalog", "--year", "2011", "--out", str(tmp_path / "2011.xlsx"))
    [row] = _sheet(tmp_path / "2011.xlsx")
    assert row[7] == 2 + docs[REPORT_NAME + ".docx"]["pages"] and row[8] == "附件：2025年云南省政府工作报告"
    assert "所属件" not in run("show", str(notice["id"]))
