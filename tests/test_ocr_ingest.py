"""OCR inside the pipeline: scans and photos become searchable, and say they were read by OCR."""
from __future__ import annotations

import json

import pypdfium2
import pytest
from click.testing import CliRunner
from conftest import CORPUS, SCANNED_PDF
from pdf_objects import pdf_bytes

from dangan.archive.describe import describe
from dangan.cli import cli
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.ops.check import check, stats
from dangan.workspace import init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

TEXT_PAGE = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"


@pytest.fixture(scope="module")
def ocr_ws(tmp_path_factory):
    """The scanned excerpt and a phone-photo-like JPEG of a text page, ingested with OCR on."""
    folder = tmp_path_factory.mktemp("scans")
    photo = folder / "公示栏照片.jpg"
    with pypdfium2.PdfDocument(str(TEXT_PAGE)) as pdf:
        image = pdf[0].render(scale=150 / 72).to_pil().convert("RGB")
    exif = image.getexif()
    exif[0x8769] = {0x9003: "2024:05:06 10:20:30"}
    image.rotate(1.2, expand=True, fillcolor="white").save(photo, quality=60, exif=exif)
    ws = init_workspace(folder / "ws")
    report = ingest_paths(ws, [SCANNED_PDF, photo], ocr=True).to_dict()
    return ws, report, photo


def test_scanned_pdf_is_read_and_found_by_phrases(ocr_ws):
    ws, report, _ = ocr_ws
    assert report["needs_ocr"] == []            # read, no longer pending
    assert {o["pages"] for o in report["ocr"]} == {5, 1}
    # phrases a person reads on the scanned pages (glossary of the budget report)
    for phrase in ("零基预算", "年初预算到位率", "预算稳定调节基金"):
        paths = [h.path for h in search(ws, f'"{phrase}"', limit=3).hits]
        assert str(SCANNED_PDF) in paths, phrase


def test_photo_is_read_keeps_its_exif_date_and_is_found(ocr_ws):
    ws, _, photo = ocr_ws
    hits = search(ws, '"预算执行情况"', limit=5).hits
    hit = next(h for h in hits if h.path == str(photo))
    data = describe(ws, hit.id)
    assert data["taken_at"] == "2024-05-06T10:20:30"
    assert data["ocr_pages"] == [1] and data["ocr_confidence"] > 0.9


def test_show_and_stats_report_ocr_pages(ocr_ws):
    ws, report, _ = ocr_ws
    scanned = next(d["id"] for d in report["documents"] if d["path"] == str(SCANNED_PDF))
    data = describe(ws, scanned)
    assert data["ocr_pages"] == [1, 2, 3, 4, 5] and not data["needs_ocr"]
    figures = stats(ws)
    assert figures["ocr_pages"] == 6 and figures["needs_ocr"] == 0
    assert figures["low_confidence_pages"] == 0
    assert check(ws)["ok"]
    from click.testing import CliRunner

    from dangan.cli import cli

    page = CliRunner().invoke(cli, ["--home", str(ws.home), "show", str(scanned)], catch_exceptions=False).output
    assert "识别文字：第 1–5 页的正文为识别所得，平均置信度 " in page and "引用前请与原件核对" in page


def test_ocr_command_reads_pending_documents(tmp_path):
    runner = CliRunner()
    home = str(tmp_path / "ws")
    runner.invoke(cli, ["--home", home, "init"], catch_exceptions=False)
    photo = tmp_path / "scan.png"
    with pypdfium2.PdfDocument(str(TEXT_PAGE)) as pdf:
        pdf[1].render(scale=120 / 72).to_pil().save(photo)
    out = runner.invoke(cli, ["--home", home, "ingest", "--no-ocr", "--json", str(photo)],
                        catch_exceptions=False)
    assert json.loads(out.output)["needs_ocr"] == [str(photo)]
    usage = runner.invoke(cli, ["--home", home, "ocr"])
    assert usage.exit_code == 3 and "--pending" in usage.output
    done = runner.invoke(cli, ["--home", home, "ocr", "--pending", "--json", "--workers", "1"],
                         catch_exceptions=False)
    outcome = json.loads(done.output)["documents"][0]
    assert outcome["pages"] == 1 and outcome["chars"] > 200
    again = runner.invoke(cli, ["--home", home, "ocr", "--pending", "--json"], catch_exceptions=False)
    assert json.loads(again.output)["documents"] == []


def test_watcher_reads_a_dropped_scan_by_ocr(tmp_path):
    """The live watcher takes a photo of a page, and its OCR thread makes it findable."""
    import shutil
    import threading
    import time

    from dangan.intake.watch import Watcher

    ws = init_workspace(tmp_path / "ws")
    ws.config_file.write_text(ws.config_file.read_text(encoding="utf-8").replace(
        "stability_seconds = 2.0", "stability_seconds = 0.3"), encoding="utf-8")
    from dangan.workspace import open_workspace

    ws = open_workspace(ws.home)
    watcher = Watcher(ws)
    thread = threading.Thread(target=watcher.run)
    thread.start()
    try:
        assert watcher.started.wait(30)
        photo = tmp_path / "整改照片.png"
        with pypdfium2.PdfDocument(str(TEXT_PAGE)) as pdf:
            pdf[0].render(scale=110 / 72).to_pil().save(photo)
        shutil.copyfile(photo, ws.inbox / photo.name)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not search(ws, '"预算执行情况"').total:
            time.sleep(0.5)
    finally:
        watcher.stop()
        thread.join(120)
    assert search(ws, '"预算执行情况"').total == 1
    assert not any(ws.inbox.iterdir())
    assert stats(ws)["needs_ocr"] == 0
    assert watcher.report.ocr == 1   # its summary counts what the OCR thread read (it said 0)


def test_a_photo_ocr_could_not_read_is_told_as_failed_not_as_waiting(tmp_path):
    """A truncated JPEG is archived, OCR fails on it: ingest names the failure, `show`, the web
    desk and `archive` say OCR failed (and how to retry), never "waiting for OCR" nor `ocr --pending`."""
    import io

    from dangan.web.app import create_app

    whole = io.BytesIO()
    with pypdfium2.PdfDocument(str(TEXT_PAGE)) as pdf:
        pdf[0].render(scale=100 / 72).to_pil().convert("RGB").save(whole, "JPEG", quality=80)
    photo = tmp_path / "坏照片.jpg"
    photo.write_bytes(whole.getvalue()[:3000])   # a copy cut short
    runner = CliRunner()
    home = str(tmp_path / "ws")
    runner.invoke(cli, ["--home", home, "init"], catch_exceptions=False)
    ingest = runner.invoke(cli, ["--home", home, "ingest", "--ocr", str(photo)], catch_exceptions=False)
    assert "已识别" not in ingest.output
    assert "文字识别失败" in ingest.output and "坏照片.jpg" in ingest.output
    doc_id = 1   # the workspace's only document
    shown = runner.invoke(cli, ["--home", home, "show", str(doc_id)], catch_exceptions=False).output
    assert "待文字识别：是" not in shown and "识别）" not in shown
    assert "文字识别失败" in shown and f"dangan ocr {doc_id}" in shown and "OCR" not in shown
    ws = init_workspace(tmp_path / "ws")
    assert describe(ws, doc_id)["ocr_failed"] is True
    with create_app(ws).test_client() as client:
        page = client.get(f"/doc/{doc_id}").get_data(as_text=True)
        status = client.get("/status").get_data(as_text=True)
    assert "正在等待" not in page and "文字识别失败" in page and "OCR" not in page
    assert "照片无法显示" in page and "photo.png" not in page   # no broken image
    assert "识别失败 <strong>1</strong> 件" in status
    filed = runner.invoke(cli, ["--home", home, "archive", "--year", "2024", "--fonds", "0194"],
                          catch_exceptions=False).output
    assert "尚未识别文字" not in filed and "ocr --pending" not in filed and "文字识别失败" in filed


def _scan_with_page_number(path, source=TEXT_PAGE):
    """A scanned page as a scanner's PDF tool writes it: the page's image, and over it a stamped page number
    in a text layer of its own (- 1 -). The PDF is written object by object (no library here writes both)."""
    import io

    with pypdfium2.PdfDocument(str(source)) as pdf:
        image = pdf[0].render(scale=150 / 72).to_pil().convert("RGB")
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85)
    jpeg = buf.getvalue()
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q BT /F1 10 Tf 288 20 Td (- 1 -) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /XObject << /Im0 4 0 R >> /Font << /F1 6 0 R >> >> >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n" % (*image.size, len(jpeg)) + jpeg + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


def test_a_scan_with_a_stamped_page_number_is_still_read_by_ocr(tmp_path):
    """Its text layer (- 1 -) is no text: the page was flagged for OCR, yet stored with those five characters
    as text, so the OCR stage found no page to read (没有需要 OCR 的页), cleared the flag and the scan stayed
    unreadable and unsearchable."""
    scan = _scan_with_page_number(tmp_path / "扫描件带页码.pdf")
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [scan], ocr=True).to_dict()
    assert report["needs_ocr"] == [] and [o["pages"] for o in report["ocr"]] == [1]
    doc_id = report["documents"][0]["id"]
    data = describe(ws, doc_id)
    assert data["ocr_pages"] == [1] and not data["needs_ocr"]
    assert [h.id for h in search(ws, '"预算执行情况"', limit=3).hits] == [doc_id]
