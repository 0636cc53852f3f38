"""Shared helpers for benchmarks: machine facts and result files."""
from __future__ import annotations

import json
import os
import platform
import resource
import sys
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work"


def machine() -> dict[str, Any]:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    versions = {}
    for name in ("whoosh-reloaded", "tantivy", "pypdfium2", "pdfplumber", "jieba", "opencc",
                 "rapidocr-onnxruntime", "python-docx"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {"cores": os.cpu_count(), "memory_gb": round(mem / 2**30, 1),
            "python": sys.version.split()[0], "platform": platform.platform(),
            "date": datetime.now().isoformat(timespec="seconds"),
            # when the result is written; on shared cores compare runs only at similar load
            "load_average": [round(x, 2) for x in os.getloadavg()], "versions": versions}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write(name: str, figures: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **figures}, ensure_ascii=False, indent=2),
                    encoding="utf-8")
    return path


def table(rows: list[tuple[Any, ...]], header: tuple[str, ...]) -> str:
    cells = [header, *[tuple(str(c) for c in r) for r in rows]]
    widths = [max(len(str(r[i])) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in cells)


def corpus_workspace(name: str) -> Path:
    """A fresh workspace of the whole corpus, OCR off, under bench/work/<name> (the search benches' workspace)."""
    import shutil

    from dangan.intake.batch import ingest_paths
    from dangan.workspace import init_workspace

    home = WORK / name
    shutil.rmtree(home, ignore_errors=True)
    ingest_paths(init_workspace(home), [CORPUS], ocr=False)
    return home


def document_count(home: Path) -> int:
    import sqlite3

    with sqlite3.connect(home / "catalog.sqlite3") as con:
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
