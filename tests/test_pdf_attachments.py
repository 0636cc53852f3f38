"""A PDF's embedded files (the EmbeddedFiles name tree, as 公文 systems attach a 通知's 附件): each taken as a
document of its own and filed in the PDF's 件, as an OFD's attachments are; hostile ones quarantined, the PDF
itself always taken.

The test PDF is a real corpus PDF (普陀区 办公室 2025 预算, 22 pages) with files embedded by pdfium itself
(`FPDFDoc_AddAttachment`, pypdfium2's `new_attachment`), the same library that reads them. The attached
file is a real corpus DOCX."""
from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
from click.testing import CliRunner
from labelled_elements import CORPUS

from dangan.cli import cli

BUDGET = CORPUS / "pdf" / "cn_shanghai_putuo_budgets" / "上海市普陀区人民政府办公室25年预算.pdf"
REPORT = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年云南省政府工作报告.docx"
SHOWN = "附件1：2025年云南省政府工作报告.docx"


def with_files(out: Path, files: dict[str, bytes]) -> Path:
    pdf = pypdfium2.PdfDocument(str(BUDGET))
    for name, data in files.items():
        pdf.new_attachment(name).set_data(data)
    pdf.save(str(out))
    pdf.close()
    return out


def _run(runner: CliRunner, home: Path, *args: str) -> str:
    result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    return result.output


def test_a_pdf_s_embedded_docx_is_searchable_shown_and_filed_with_it(tmp_path):
    pdf = with_files(tmp_path / "预算附件.pdf", {SHOWN: REPORT.read_bytes(), "../逃逸.txt": "逃逸".encode()})
    home, runner = tmp_path / "ws", CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    said = runner.invoke(cli, ["--home", str(home), "ingest", "--no-ocr", str(pdf)], catch_exceptions=False)
    assert said.exit_code == 2, said.output   # one attachment refused: partly done
    assert "收录 2 件" in said.output and "以上含 PDF 附件 2 个" in said.output
    assert "预算附件.pdf/附件/../逃逸.txt：PDF 附件未收录：附件路径含“..”，可能写到所在文件之外，已拒绝" in said.output
    reasons = [p for p in (home / "quarantine").rglob("*") if p.is_file()]
    assert [p.name for p in reasons] == ["逃逸.txt.reason.txt"]   # the bytes were never written
    assert not (tmp_path / "逃逸.txt").exists()

    hits = json.loads(_run(runner, home, "search", "云南省第十四届人民代表大会", "--json"))
    (hit,) = hits["results"]
    assert hit["attachment_of"]["kind"] == "PDF" and hit["attachment_of"]["member"] == f"附件/{SHOWN}"
    pdf_id = hit["attachment_of"]["ofd"]
    assert hit["attachment_of"]["title"] == "上海市普陀区2025年区级部门预算"
    line = _run(runner, home, "search", "云南省第十四届人民代表大会")
    assert f"所属件：PDF 文件 编号 {pdf_id}《上海市普陀区2025年区级部门预算》的附件（附件/{SHOWN}），与其正文为一件" in line

    shown = _run(runner, home, "show", str(pdf_id))
    assert "PDF 附件：1 个" in shown and f"附件/{SHOWN} → 编号 {hit['id']}" in shown
    data = json.loads(_run(runner, home, "show", str(pdf_id), "--json"))
    assert data["pages"] == 22 and "云南" not in data["text"]   # the PDF's own pages only
    assert [a["member"] for a in data["attachments"]] == [f"附件/{SHOWN}"]

    again = json.loads(_run(runner, home, "ingest", "--json", str(pdf)))
    assert again["ingested"] == 0 and again["duplicates"] == 1   # not walked again


def test_an_attachment_past_the_size_limit_is_quarantined_and_the_pdf_taken(tmp_path):
    """The embedded stream is decoded in a worker and measured before it is written: 3 MB of one byte, packed
    by pdfium into a few KB, against a 1 MB limit."""
    pdf = with_files(tmp_path / "通知.pdf", {"数据.txt": b"0" * 3_000_000, SHOWN: REPORT.read_bytes()})
    assert pdf.stat().st_size < 1_000_000
    home, runner = tmp_path / "ws", CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    config = home / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("max_file_mb = 200", "max_file_mb = 1"),
                      encoding="utf-8")
    data = json.loads(runner.invoke(cli, ["--home", str(home), "ingest", "--no-ocr", "--json", str(pdf)]).output)
    assert data["ingested"] == 2 and data["pdf_attachments"] == 2
    (failed,) = data["failed"]
    assert failed["path"].endswith("通知.pdf/附件/数据.txt") and failed["code"] == "TOO_LARGE", failed
    assert "附件解码后 2 MB，超过上限 1 MB" in failed["reason"]


def test_reread_takes_the_attachments_of_a_pdf_archived_before_they_were_read(tmp_path):
    """A PDF archived by a dangan that did not read embedded files (simulated: its attachment's document taken
    out of the catalog and the index, its refusal forgotten) gets them on `dangan reread`; the refused one is
    quarantined once and not tried again."""
    import sqlite3

    pdf = with_files(tmp_path / "预算附件.pdf", {SHOWN: REPORT.read_bytes(), "../逃逸.txt": "逃逸".encode()})
    home, runner = tmp_path / "ws", CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    run("init")
    run("ingest", "--no-ocr", "--quiet", str(pdf), code=2)
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        (pdf_id,) = conn.execute("SELECT document_id FROM sources WHERE path = ?", (str(pdf),)).fetchone()
        conn.execute("DELETE FROM documents WHERE id != ?", (pdf_id,))
        conn.execute("DELETE FROM failures")
    for reason in (home / "quarantine").rglob("*.reason.txt"):
        reason.unlink()
    run("reindex")
    assert json.loads(run("search", "云南省第十四届人民代表大会", "--json"))["total"] == 0

    said = run("reread", "--dry-run")
    assert f"附件：（空） → 附件/../逃逸.txt、附件/{SHOWN}" in said
    said = run("reread", code=2)
    assert "附件 补全 1 件" in said
    assert f"已隔离：文件 {pdf_id}《预算附件.pdf》附件/逃逸.txt：PDF 附件未收录：附件路径含“..”" in said
    shown = json.loads(run("show", str(pdf_id), "--json"))
    assert [m["member"] for m in shown["attachments"]] == [f"附件/{SHOWN}"]
    (hit,) = json.loads(run("search", "云南省第十四届人民代表大会", "--json"))["results"]
    assert hit["attachment_of"]["ofd"] == pdf_id and hit["attachment_of"]["kind"] == "PDF"
    assert "索引一致" in run("check")
    assert "重新识别 2 件：未变 2 件。" in run("reread")   # nothing taken twice, the refused one not tried again
    assert [p.name for p in (home / "quarantine").rglob("*.reason.txt")] == ["逃逸.txt.reason.txt"]


def test_the_desk_says_an_uploaded_pdf_s_attachments(tmp_path):
    """Uploaded at the desk: the row says the attachment taken and names the refused one; 状态 says it was a
    PDF's attachment; the PDF's page lists its attachment, the attachment's page names its 件."""
    import re

    from web_desk import html, uploaded

    from dangan.web.app import create_app
    from dangan.workspace import init_workspace

    pdf = with_files(tmp_path / "预算附件.pdf", {SHOWN: REPORT.read_bytes(), "../逃逸.txt": "逃逸".encode()})
    ws = init_workspace(tmp_path / "ws")
    with create_app(ws).test_client() as client:
        row = uploaded(client, pdf)
        assert row["status"] == "added" and row["partial"], row
        assert "PDF 附件中 1 个文件已逐个收录；1 个文件未收录（已隔离" in row["reason"]
        status = html(client.get("/status"))
        assert "逃逸.txt" in status and "PDF 预算附件.pdf 的附件 · 网页上传" in status
        page = html(client.get(f"/doc/{row['id']}"))
        assert "PDF 附件" in page
        listed = page.split('id="ofd-attachments"')[1].split("</ul>")[0]
        found = re.search(r'href="/doc/(\d+)">[^<]*云南省政府工作报告', listed)
        assert found and "附件/" + SHOWN in listed
        attachment = html(client.get(f"/doc/{found.group(1)}"))
        assert "所属件：PDF 文件" in attachment and "上海市普陀区2025年区级部门预算" in attachment


def test_archive_files_the_embedded_docx_in_the_pdf_s_item(tmp_path):
    """The attached report is dated 2025-01-18 by its own text; it gets no 档号 of its own and is in the PDF's 件."""
    pdf = with_files(tmp_path / "预算附件.pdf", {SHOWN: REPORT.read_bytes()})
    home, runner = tmp_path / "ws", CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    data = json.loads(_run(runner, home, "ingest", "--no-ocr", "--json", str(pdf)))
    assert data["ingested"] == 2 and data["pdf_attachments"] == 1
    (hit,) = json.loads(_run(runner, home, "search", "云南省第十四届人民代表大会", "--json"))["results"]
    pdf_id = hit["attachment_of"]["ofd"]
    _run(runner, home, "tag", str(pdf_id), "--set", "成文日期=2025-01-20")
    said = _run(runner, home, "archive", "--year", "2025", "--fonds", "0194")
    assert "新编档号 1 件" in said and "OFD/PDF 附件 1 件随其正文归档（正文与附件为一件），不另编档号。" in said
    shown = json.loads(_run(runner, home, "show", str(hit["id"]), "--json"))
    assert shown["archival_code"] is None
    assert shown["attachment_of"]["filed"] and shown["attachment_of"]["archival_code"].endswith("-0001")


def test_a_pdf_sent_again_with_other_attachments_files_them_with_the_first(tmp_path):
    """The same 正文 sent a second time with another 附件 (the 公文 system resent it corrected): the second PDF is
    another original of the first (同文异版), and what came attached to it is in the first one's 件 — listed by
    `show`, said of in search, with no 档号 of its own — not a 件 of its own under a document that is none."""
    first = with_files(tmp_path / "预算.pdf", {SHOWN: REPORT.read_bytes()})
    other = REPORT.with_name("2025年吉林省政府工作报告.docx")
    again = with_files(tmp_path / "预算（重发）.pdf", {"附件2：2025年吉林省政府工作报告.docx": other.read_bytes()})
    home, runner = tmp_path / "ws", CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    json.loads(_run(runner, home, "ingest", "--no-ocr", "--json", str(first)))
    data = json.loads(_run(runner, home, "ingest", "--no-ocr", "--json", str(again)))
    assert data["ingested"] == 1 and data["duplicates"] == 1, data   # the attachment taken; the PDF a variant

    (hit,) = json.loads(_run(runner, home, "search", "吉林省第十四届人民代表大会", "--json"))["results"]
    (yunnan,) = json.loads(_run(runner, home, "search", "云南省第十四届人民代表大会", "--json"))["results"]
    pdf_id = yunnan["attachment_of"]["ofd"]
    assert hit["attachment_of"]["ofd"] == pdf_id and hit["attachment_of"]["kind"] == "PDF"
    assert hit["attachment_of"]["member"] == "附件/附件2：2025年吉林省政府工作报告.docx"

    shown = json.loads(_run(runner, home, "show", str(pdf_id), "--json"))
    assert [v["original_name"] for v in shown["variants"]] == ["预算（重发）.pdf"]
    assert [a["id"] for a in shown["attachments"]] == [yunnan["id"], hit["id"]]
    assert not any(a["filed_apart"] for a in shown["attachments"])

    _run(runner, home, "tag", str(pdf_id), "--set", "成文日期=2025-01-20")
    said = _run(runner, home, "archive", "--year", "2025", "--fonds", "0194")
    assert "新编档号 1 件" in said and "OFD/PDF 附件 2 件随其正文归档" in said, said
    filed = json.loads(_run(runner, home, "show", str(hit["id"]), "--json"))
    assert filed["archival_code"] is None and filed["attachment_of"]["filed"]
