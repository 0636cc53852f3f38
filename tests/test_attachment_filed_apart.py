"""An attachment that is a 件 of its own, as a clerk's inbox makes one: a unit's ZIP holds the 附件 (a
real report DOCX) and the 通知 PDF carries the same file embedded. The DOCX came in first, on its own, so
`archive` gives it a 档号 of its own (archive/attachments), yet `show` and the desk said of every
attachment "归档时与本文件为一件" — the opposite of the 归档文件目录. Now the attachment filed apart says
so, why, and its 档号; one that came only inside its PDF is still filed with it."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pypdfium2
from clerk_desk import dangan
from conftest import CORPUS

ANHUI = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"     # dated 2024-01-23
YUNNAN = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年云南省政府工作报告.docx"   # 2025-01-18
QINGHAI = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年青海省政府工作报告.docx"
# another body: a second Anhui PDF would read as the first's 同文异版, not a document with 附件 of its own
BUDGET = CORPUS / "pdf/cn_shanghai_putuo_budgets/上海市普陀区人民政府办公室25年预算.pdf"


def _pdf_with(out: Path, name: str, data: bytes, body: Path = ANHUI) -> Path:
    pdf = pypdfium2.PdfDocument(str(body))
    pdf.new_attachment(name).set_data(data)
    pdf.save(str(out))
    pdf.close()
    return out


def test_an_attachment_taken_on_its_own_first_is_shown_as_a_piece_of_its_own(tmp_path: Path) -> None:
    from web_desk import html

    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    home = tmp_path / "ws"
    batch = tmp_path / "区住建局报送.zip"
    with zipfile.ZipFile(batch, "w") as z:
        z.writestr("附件1 工作报告.docx", YUNNAN.read_bytes())
    notice = _pdf_with(tmp_path / "通知（含附件）.pdf", "附件1 工作报告.docx", YUNNAN.read_bytes())
    alone = _pdf_with(tmp_path / "另一通知.pdf", "附件 青海报告.docx", QINGHAI.read_bytes(), BUDGET)
    dangan(home, "init")
    dangan(home, "ingest", "--no-ocr", str(batch))
    made = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(notice), str(alone)).output)
    ids = {Path(d["path"]).name: d["id"] for d in made["documents"]}
    coded = json.loads(dangan(home, "archive", "--year", "2025", "--fonds", "0194", "--json").output)
    report_code = next(a["code"] for a in coded["assigned"] if "云南" in a["title"])
    assert not any("青海" in a["title"] for a in coded["assigned"])   # filed in its PDF's 件

    text = dangan(home, "show", str(ids["通知（含附件）.pdf"])).output
    assert "PDF 附件：1 个，各自收录、可单独检索，归档时与本文件为一件（注明“另为一件”的除外）：" in text, text
    assert f"（另为一件：在本文件之前已单独收录，档号 {report_code}）" in text, text
    data = json.loads(dangan(home, "show", str(ids["通知（含附件）.pdf"]), "--json").output)
    (attachment,) = data["attachments"]
    assert attachment["filed_apart"] and attachment["archival_code"] == report_code
    assert attachment["apart_reason"] == "在本文件之前已单独收录"

    other = dangan(home, "show", str(ids["另一通知.pdf"])).output
    assert "归档时与本文件为一件：" in other and "另为一件" not in other
    (kept,) = json.loads(dangan(home, "show", str(ids["另一通知.pdf"]), "--json").output)["attachments"]
    assert not kept["filed_apart"] and kept["archival_code"] is None

    with create_app(open_workspace(home)).test_client() as client:
        page = html(client.get(f"/doc/{ids['通知（含附件）.pdf']}"))
        listed = page.split('id="ofd-attachments"')[1].split("</ul>")[0]
        assert "另为一件" in listed and f"在本文件之前已单独收录，档号 {report_code}" in listed
        assert "另为一件" not in html(client.get(f"/doc/{ids['另一通知.pdf']}")).split('id="ofd-attachments"')[1]
