"""PDF ingest end to end (extract → archive → index) against `pdftotext` on the same files.

Baseline: `pdftotext` (poppler) run on every corpus PDF with a text layer, in
the same run. Figure: pages per second; ratio = dangan / pdftotext (target ≥ 0.5).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time

from bench.common import CORPUS, WORK, table, write
from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace

SCANNED = "Guangdong_test.pdf"


def pdfs() -> list:
    return sorted(p for p in (CORPUS / "pdf").rglob("*.pdf") if p.name != SCANNED)


def page_count(path) -> int:
    import pypdfium2

    with pypdfium2.PdfDocument(str(path)) as doc:
        return len(doc)


def time_pdftotext(files: list) -> float:
    start = time.perf_counter()
    for path in files:
        subprocess.run(["pdftotext", "-q", str(path), "-"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_dangan(files: list) -> float:
    home = WORK / "pdf-ingest"
    shutil.rmtree(home, ignore_errors=True)
    ws = init_workspace(home)
    start = time.perf_counter()
    report = ingest_paths(ws, files, ocr=False)  # OCR is measured by bench_ocr; pdftotext reads no scans
    elapsed = time.perf_counter() - start
    assert report.count("failed") == 0, report.to_dict()["failed"]
    return elapsed


def main(quick: bool = False) -> dict:
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext 未安装：apt-get install poppler-utils")
    files = pdfs()[:4] if quick else pdfs()
    pages = sum(page_count(p) for p in files)
    time_pdftotext(files[:1]), time_dangan(files[:1])  # warm caches and imports
    baseline = min(time_pdftotext(files) for _ in range(3))
    ours = min(time_dangan(files) for _ in range(1 if quick else 3))
    figures = {"files": len(files), "pages": pages,
               "pdftotext_pages_per_s": round(pages / baseline, 1),
               "dangan_pages_per_s": round(pages / ours, 1),
               "ratio": round(baseline / ours, 3), "target_ratio": 0.5}
    print(table([("pdftotext", figures["pdftotext_pages_per_s"], 1.0),
                 ("dangan ingest", figures["dangan_pages_per_s"], figures["ratio"])],
                ("", "pages/s", "× pdftotext")))
    write("pdf_ingest" + ("_quick" if quick else ""), figures)
    return figures


if __name__ == "__main__":
    main("--quick" in sys.argv)
