"""Readers of the office formats: pages (or rows) per second, next to LibreOffice's own time.

For each generated file (tests/format_files.py makes them from corpus
documents) the reader's time is measured in this process (best of 3), and
for the office formats also the time `soffice --convert-to pdf` takes on the
same file, the cost a converter-only pipeline would pay. Spreadsheets are
also read at 50,000 rows. Writes bench/results/formats.json.

    .venv/bin/python -m bench.bench_formats [--quick]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT, peak_rss_mb, table, write

sys.path.insert(0, str(ROOT / "tests"))


def best_of(fn: Any, runs: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - started)
    return best, out


def soffice_pdf(path: Path) -> float | None:
    from dangan.read.extract import detect, soffice
    from dangan.read.extract.office import ROUTES

    if soffice.find_soffice() is None:
        return None
    suffix = ROUTES.get(detect.detect_mime(path), (path.suffix.lower(), ""))[0]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        soffice.convert(path, suffix, "pdf", Path(tmp), timeout=300)
        return time.perf_counter() - started


def big_ledger(folder: Path, rows: int) -> Path:
    import openpyxl

    text = (CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2018年中华人民共和国国务院政府工作报告.txt"
            ).read_text(encoding="utf-8")
    sentences = [s for s in text.replace("\n", "").split("。") if len(s) > 8]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("整改台账")
    sheet.append(["序号", "社区", "问题描述", "完成时限", "金额"])
    for i in range(rows):
        sheet.append([i + 1, f"第{i % 113 + 1}社区", sentences[i % len(sentences)], "2022-09-30", i * 1.5])
    path = folder / f"台账{rows}行.xlsx"
    book.save(path)
    return path


def main(quick: bool = False) -> dict[str, Any]:
    from format_files import build

    from dangan.read.extract.base import Limits
    from dangan.read.extract.detect import detect_mime
    from dangan.read.extract.registry import extractor_for

    runs = 1 if quick else 3
    work = Path(tempfile.mkdtemp(prefix="bench-formats-"))
    try:
        made = build(work / "files", CORPUS)
        files = [work / "files" / name for name in made if "/" not in name]
        files.append(big_ledger(work, 5_000 if quick else 50_000))
        rows: list[dict[str, Any]] = []
        for path in files:
            mime = detect_mime(path)
            reader = extractor_for(mime)
            seconds, extracted = best_of(lambda: reader.extract(path, Limits()), runs)
            units = "rows" if extracted.extractor.startswith(("calamine", "csv")) else "pages"
            count = (sum(p.text.count("\n") + 1 for p in extracted.pages if p.text) if units == "rows"
                     else extracted.page_count or len(extracted.pages))
            row = {"file": path.name, "type": mime, "reader": extracted.extractor, "seconds": round(seconds, 3),
                   "units": units, "count": count, "per_second": round(count / seconds, 1) if seconds else None,
                   "chars": len(extracted.text)}
            if extracted.extractor.startswith("libreoffice") or path.suffix in (".xls", ".xlsx", ".ods", ".et"):
                lo = soffice_pdf(path) if not quick or "libreoffice" in extracted.extractor else None
                row["soffice_to_pdf_seconds"] = round(lo, 2) if lo else None
            rows.append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table([(r["file"], r["reader"], r["count"], r["units"], r["seconds"], r["per_second"],
                  r.get("soffice_to_pdf_seconds", "")) for r in rows],
                ("file", "reader", "n", "units", "s", "per s", "soffice→pdf s")))
    figures = {"quick": quick, "runs": runs, "peak_rss_mb": round(peak_rss_mb(), 1), "files": rows}
    write("formats_quick" if quick else "formats", figures)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    main(parser.parse_args().quick)
