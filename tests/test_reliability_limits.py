"""Issue 22, memory and time: huge page boxes, template bombs, one bad scan among good ones,
OCR page caps and progress saved page by page."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdf_objects import pdf_bytes
from watch_helpers import CORPUS, REPO, make_ws

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.intake.batch import ingest_paths

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

ANHUI = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"


def drawn_pdf(pages: int, width: float = 300, height: float = 200) -> bytes:
    """A PDF whose pages draw filled boxes and hold no text: OCR material, not blank."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", None]
    kids = []
    stream = b"0 0 0 rg 20 20 120 40 re f 40 90 200 30 re f"
    for n in range(pages):
        page_id, content_id = len(objects) + 1, len(objects) + 2
        kids.append(page_id)
        objects.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Contents %d 0 R>>"
                       % (width, height, content_id))
        objects.append(b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream))
    objects[1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)
    return pdf_bytes(objects)


def run_measured(args: list[str], timeout: float, env: dict[str, str] | None = None
                 ) -> tuple[int, float, float, str]:
    """(exit status, peak RSS in MB, seconds, output) of a child; killed after `timeout` s."""
    started = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})
    deadline = started + timeout
    peak = 0.0
    while True:
        # The high-water mark of the child and its workers, sampled while they live: wait4's
        # ru_maxrss would count the forked copy of this (large) test process before its exec.
        peak = max(peak, _tree_hwm_mb(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, peak, time.monotonic() - started, output


def _tree_hwm_mb(pid: int) -> float:
    """Largest VmHWM (peak RSS since exec) among `pid` and its descendants, in MB."""
    best, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            best = max(best, next((int(line.split()[1]) / 1024 for line in status.splitlines()
                                   if line.startswith("VmHWM:")), 0.0))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return best


# -- 12. huge page boxes ----------------------------------------------------------------
def test_a_huge_page_box_is_rendered_within_a_pixel_budget(tmp_path):
    ws = make_ws(tmp_path)
    pdf = tmp_path / "巨页.pdf"
    pdf.write_bytes(drawn_pdf(1, 200_000, 200_000))
    assert pdf.stat().st_size < 1000
    code, rss, _, out = run_measured([sys.executable, "-m", "dangan", "--home", str(ws.home), "ingest",
                                      "--no-ocr", str(pdf)], timeout=120)
    assert code in (0, 2), out
    assert rss < 700, f"peak RSS {rss:.0f} MB"
    script = ("import sys; from dangan.workspace import open_workspace; from dangan.archive.catalog import Catalog;"
              "from dangan.web.preview import pdf_page; ws = open_workspace(__import__(\"pathlib\").Path(sys.argv[1]));"
              "doc = Catalog(ws.catalog_path).get(1); print(pdf_page(ws, doc, 1))")
    code, rss, _, out = run_measured([sys.executable, "-c", script, str(ws.home)], timeout=120)
    assert code == 0, out
    assert rss < 700, f"preview peak RSS {rss:.0f} MB"


# -- 13. one bad scan among good ones ------------------------------------------------------
def _page_jpeg(path: Path) -> Path:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(ANHUI))
    image = pdf[0].render(scale=100 / 72).to_pil().convert("RGB")
    pdf.close()
    image.save(path, "JPEG", quality=85)
    return path


def test_one_bad_scan_does_not_stop_ocr_of_the_others(tmp_path):
    ws = make_ws(tmp_path)
    good = _page_jpeg(tmp_path / "好的扫描.jpg")
    data = good.read_bytes()
    bad = tmp_path / "截断的扫描.jpg"
    bad.write_bytes(data[: len(data) // 3])
    report = ingest_paths(ws, [bad, good], ocr=False).to_dict()
    assert report["ingested"] == 2, report
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "ocr", "--pending", "--workers", "1"])
    assert "截断的扫描.jpg" in result.output, result.output
    assert "已隔离" not in result.output
    with Catalog(ws.catalog_path) as catalog:
        rows = {r[0]: (r[1], r[2]) for r in catalog.conn.execute(
            "SELECT original_name, needs_ocr, length(text) FROM documents")}
    assert rows["好的扫描.jpg"][0] == 0 and rows["好的扫描.jpg"][1] > 50, rows
    again = CliRunner().invoke(cli, ["--home", str(ws.home), "ocr", "--pending", "--workers", "1"])
    assert "截断的扫描.jpg" not in again.output or again.exit_code == 0   # not retried forever


# -- 15. OCR page cap and per-page progress ---------------------------------------------------
def test_ocr_reads_at_most_the_configured_pages(tmp_path):
    ws = make_ws(tmp_path, extra="")
    text = ws.config_file.read_text(encoding="utf-8")
    assert "[ocr]" in text
    text = text.replace("max_pages = 500", "max_pages = 2") if "max_pages = 500" in text \
        else text.replace("[ocr]", "[ocr]\nmax_pages = 2", 1)
    ws.config_file.write_text(text, encoding="utf-8")
    pdf = tmp_path / "很多页.pdf"
    pdf.write_bytes(drawn_pdf(6))
    ingest_paths(ws, [pdf], ocr=False)
    from dangan.intake import ocr_stage
    from dangan.workspace import open_workspace

    calls = []
    real = ocr_stage._read

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args)
    ocr_stage._read = counted
    try:
        ocr_stage.ocr_documents(open_workspace(ws.home), workers=1)
    finally:
        ocr_stage._read = real
    assert len(calls) == 2


def test_ocr_progress_is_saved_page_by_page(tmp_path, monkeypatch):
    ws = make_ws(tmp_path)
    pdf = tmp_path / "三页.pdf"
    pdf.write_bytes(drawn_pdf(3))
    ingest_paths(ws, [pdf], ocr=False)
    from dangan.intake import ocr_stage

    real, calls = ocr_stage._read, []

    def dies_on_the_third(*args):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 3:
            raise KeyboardInterrupt   # killed while reading the last page
        return real(*args)
    monkeypatch.setattr(ocr_stage, "_read", dies_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        ocr_stage.ocr_documents(ws, workers=1)
    with Catalog(ws.catalog_path) as catalog:
        done = [r[0] for r in catalog.conn.execute(
            "SELECT number FROM pages WHERE document_id = 1 AND origin = 'ocr' ORDER BY number")]
    assert done == [1, 2]
    monkeypatch.setattr(ocr_stage, "_read", real)
    calls.clear()
    monkeypatch.setattr(ocr_stage, "_read", lambda *a: (calls.append(a), real(*a))[1])
    ocr_stage.ocr_documents(ws, workers=1)
    assert len(calls) == 1


def test_an_image_too_large_to_decode_fails_alone_in_ocr(tmp_path):
    from test_watch_hostile import png

    ws = make_ws(tmp_path)
    huge = tmp_path / "一亿像素.png"
    huge.write_bytes(png(10_000, 10_000))     # under the ingest limit, over the OCR one
    good = _page_jpeg(tmp_path / "好的扫描.jpg")
    report = ingest_paths(ws, [huge, good], ocr=False).to_dict()
    assert report["ingested"] == 2, report
    code, rss, _, out = run_measured([sys.executable, "-m", "dangan", "--home", str(ws.home), "ocr", "--pending",
                                      "--workers", "1"], timeout=300)
    assert "一亿像素.png" in out and "像素" in out, out
    assert rss < 1500, rss
    with Catalog(ws.catalog_path) as catalog:
        done = {r[0]: r[1] for r in catalog.conn.execute("SELECT original_name, needs_ocr FROM documents")}
    assert done == {"一亿像素.png": 2, "好的扫描.jpg": 0}
