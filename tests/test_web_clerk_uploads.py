"""A clerk's day at the web desk, what comes in by upload: a scan or photo read by OCR beside the requests
(a scan archived before without OCR started from its page or 状态), a scan the desk does not read saying why,
and a ZIP holding a broken PDF keeping its good members (the fourth clerk trial; the rest of the day is
tests/test_web_clerk_day.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS
from web_desk import html, saved_name, token

from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import Workspace, init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

SHORT_TEXT = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/第十一届全国人民代表大会第一次会议关于政府工作报告的决议.txt"
BUDGET_PDF = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Guizhou_test.pdf"


def _ocr_ended(ws: Workspace, timeout: float = 300) -> dict:
    import time

    from dangan.web import ocr_runs

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = ocr_runs.state(ws)
        if run and not run["running"]:
            return run
        time.sleep(0.5)
    raise AssertionError("the desk's OCR run did not end")


def test_a_scan_uploaded_at_the_desk_is_read_and_a_waiting_one_can_be_started(tmp_path):
    """OCR: an uploaded scan was archived and its page said 正在等待 OCR 识别 while nothing would read it
    (dangan ocr --pending on the server only); now the upload starts the reading, the 状态 page shows its
    pages against the total, and a scan archived before without OCR is started from its page or 状态."""
    import pypdfium2

    page = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"
    photo, waiting = tmp_path / "公示栏照片.jpg", tmp_path / "旧扫描件.png"
    with pypdfium2.PdfDocument(str(page)) as pdf:
        pdf[0].render(scale=120 / 72).to_pil().convert("RGB").save(photo, quality=80)
        pdf[1].render(scale=120 / 72).to_pil().save(waiting)
    ws = init_workspace(tmp_path / "ws")
    old = ingest_paths(ws, [waiting], ocr=False).results[0].document_id      # archived before, never read
    with create_app(ws).test_client() as client:
        before = html(client.get(f"/doc/{old}"))
        assert "尚未识别文字" in before and 'action="/status/ocr"' in before and "正在等待" not in before
        started = html(client.post("/status/ocr", data={"csrf_token": token(client)}, follow_redirects=True))
        assert "已开始识别扫描件和照片中的文字" in started and ("正在识别" in started or "上次识别" in started)
        run = _ocr_ended(ws)
        assert run["error"] is None and run["read"] == 1 and run["done"] == run["total"] == 1
        assert "尚未识别文字" not in html(client.get(f"/doc/{old}"))
        with photo.open("rb") as fh:
            sent = client.post("/upload", data={"file": (fh, photo.name)}, headers={"X-CSRF-Token": token(client)},
                               content_type="multipart/form-data").get_json()
        assert sent["status"] == "added" and sent["needs_ocr"] and "正在后台识别文字" in sent["reason"]
        run = _ocr_ended(ws)
        assert run["error"] is None and run["failed"] == [] and run["read"] == 1 and run["documents"] == [sent["id"]]
        done = html(client.get("/status"))
        assert "上次识别：读出 1 件" in done and 'id="run-ocr"' not in done     # nothing left to start
        nothing = html(client.post("/status/ocr", data={"csrf_token": token(client)}, follow_redirects=True))
        assert "没有待识别的文件" in nothing
        assert "安徽" in html(client.get(f"/doc/{sent['id']}"))
        assert f"/doc/{sent['id']}" in html(client.get("/?q=" + "安徽省"))



def test_a_scan_the_desk_does_not_read_says_why(tmp_path):
    """A scan uploaded where the desk starts no reading (OCR switched off in dangan.toml) said 收录 and its name,
    like a finished document; its row now says why its text cannot be found and what to do."""
    import pypdfium2

    from dangan.workspace import open_workspace

    photo = tmp_path / "公示栏照片.png"
    with pypdfium2.PdfDocument(str(BUDGET_PDF)) as pdf:
        pdf[0].render(scale=60 / 72).to_pil().save(photo)
    home = init_workspace(tmp_path / "ws").home
    config = home / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("enabled = true", "enabled = false", 1),
                      encoding="utf-8")
    ws = open_workspace(home)
    assert not ws.settings.ocr_enabled
    with create_app(ws).test_client() as client:
        with photo.open("rb") as fh:
            sent = client.post("/upload", data={"file": (fh, photo.name)}, headers={"X-CSRF-Token": token(client)},
                               content_type="multipart/form-data").get_json()
    assert sent["status"] == "added" and sent["needs_ocr"]
    assert sent["reason"] == "扫描件：工作区设置关闭了文字识别，正文检索不到；可在文件页手工填写著录项"


def _batch(path: Path) -> Path:
    """A ZIP as a clerk gets one: a short notice, then a PDF cut short in transit, stored as zip tools
    store what does not shrink (so the PDF's %PDF- lies within the archive's first 1024 bytes)."""
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("决议.txt", SHORT_TEXT.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("附件/残缺.pdf", BUDGET_PDF.read_bytes()[:2000], compress_type=zipfile.ZIP_STORED)
    return path


def test_a_zip_whose_pdf_is_broken_keeps_its_good_members_and_says_which_failed(tmp_path):
    """A ZIP holding a short text and a broken PDF was typed as a PDF (%PDF- within its first 1024 bytes)
    and refused whole as 文件已损坏 — the good notice lost with it; and a batch whose member was refused
    showed 收录 on the upload row, the failure only on 状态, under the upload's hidden staging path and its
    English code (CORRUPT_FILE). Now the batch is a ZIP, its row says 部分收录 and names the member, and 状态
    lists each quarantined file by its own name, where it came from and a download of the kept copy."""
    from dangan.read.extract.detect import ZIP, detect_mime

    batch = _batch(tmp_path / "收文批次.zip")
    assert detect_mime(batch) == ZIP
    empty = tmp_path / "空文件.docx"
    empty.write_bytes(b"")
    ws = init_workspace(tmp_path / "ws")
    with create_app(ws).test_client() as client:
        csrf = token(client)
        rows = []
        for path in (batch, empty):
            with path.open("rb") as fh:
                rows.append(client.post("/upload", data={"file": (fh, path.name)}, headers={"X-CSRF-Token": csrf},
                                        content_type="multipart/form-data").get_json())
        status = html(client.get("/status"))
        copies = [client.get(link) for link in re.findall(r'href="(/status/quarantine/\d+)"', status)]
        found = html(client.get("/?q=" + "政府工作报告"))
    zipped, nothing = rows
    assert zipped["status"] == "added" and zipped["partial"] and zipped["label"] == "部分收录"
    assert zipped["refused"] == [{"name": "附件/残缺.pdf", "reason": zipped["refused"][0]["reason"]}]
    assert "压缩包中 1 个文件已逐个收录；1 个文件未收录（已隔离" in zipped["reason"] and "附件/残缺.pdf：文件已损坏" in zipped["reason"]
    assert nothing["status"] == "failed" and nothing["reason"] == "文件为空（0 字节）。提示：请确认文件已完整复制。"
    assert "决议" in found                                          # the good member was archived
    member = re.search(r'href="/doc/(\d+)\?q=[^"]*">[^<]*决议', found)
    with create_app(ws).test_client() as client:
        sources = html(client.get(f"/doc/{member.group(1)}")).split("<h3>来源路径</h3>")[1]
    assert "收文批次.zip/决议.txt" in sources and "staging" not in sources   # which upload it came in
    assert "staging" not in status and "CORRUPT_FILE" not in status and "EMPTY_FILE" not in status
    assert "残缺.pdf" in status and "压缩包 收文批次.zip 中 · 网页上传" in status and "空文件.docx" in status
    assert [c.status_code for c in copies] == [200, 200]
    assert sorted(saved_name(c) for c in copies) == ["残缺.pdf", "空文件.docx"]
    assert sorted(len(c.data) for c in copies) == [0, 2000]             # the bytes as they came, nothing lost


def test_a_quarantined_upload_says_what_to_do_at_the_desk(tmp_path):
    """The reason file beside a quarantined copy says what to do (提示：请重新获取原件, for a HEIC
    photo how to send it as JPEG), but the clerk at the desk never reads it: the upload's row and
    the 状态 page's 隔离的文件 gave the reason alone. Both now carry the 提示."""
    pdf = CORPUS / "pdf/cn_shanghai_putuo_budgets/putuo_sifaju_2026_dept_budget.pdf"
    half = tmp_path / "半截.pdf"
    half.write_bytes(pdf.read_bytes()[:50_000])        # a download cut off halfway
    ws = init_workspace(tmp_path / "ws")
    with create_app(ws).test_client() as client:
        with half.open("rb") as fh:
            sent = client.post("/upload", data={"file": (fh, half.name)}, headers={"X-CSRF-Token": token(client)},
                               content_type="multipart/form-data").get_json()
        assert sent["status"] == "failed" and sent["id"] is None
        assert sent["reason"].startswith("文件已损坏") and "。提示：请重新获取原件" in sent["reason"]
        page = html(client.get("/status"))
        assert "半截.pdf" in page and "提示：请重新获取原件" in page
    kept = next(ws.quarantine.rglob("半截.pdf"))
    assert kept.read_bytes() == pdf.read_bytes()[:50_000]           # nothing lost
