"""PDF ingest end to end (extract → archive → index) against `pdftotext` on the same files.

Baseline: `pdftotext` (poppler) run on every corpus PDF with a text layer, in
the same run, file after file. Figure: pages per second; ratio = dangan /
pdftotext (target ≥ 0.5 on the whole corpus). Three sets: text-only PDFs (no
page draws a ruled table), table-heavy PDFs (at least a third of the pages
do), and the whole corpus. Each dangan run starts from an empty workspace and
from fresh extraction workers (their start is part of the time); the imports
of the first run are not counted, as a long-lived `dangan watch` pays them once.

The phase split is where the writer process spends its wall time: waiting for
extraction (what the workers did not hide), understanding (elements, items),
archiving (original + catalog row), indexing (normalise, add, commit), rest.
CPU seconds are counted too, independent of how busy the machine is: the
writer's (with the child that encodes half of the commit), the extraction
workers' (from /proc) and pdftotext's; `cpu_floor_ratio`
is the ratio two fully busy cores could reach with that much work (pdftotext
CPU / (our CPU / 2)) — the ceiling no scheduling can beat.
`--cli` also times `dangan ingest` as a command (interpreter start and imports
included) on the whole corpus.
"""
from __future__ import annotations

import functools
import os
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT, WORK, table, write

# dangan is imported inside the functions: extraction workers re-import the module run with
# `python -m` (multiprocessing's main-module fixup), and each would pay for the whole package
# (0.1 s of CPU a worker) where `dangan ingest` pays nothing.

SCANNED = "Guangdong_test.pdf"
PHASES = ("extract_wait", "understand", "archive", "index")


def pdfs() -> list[Path]:
    return sorted(p for p in (CORPUS / "pdf").rglob("*.pdf") if p.name != SCANNED)


def table_share(path: Path) -> tuple[int, float]:
    """(pages, share of pages that draw enough paths to be tried for a ruled table)."""
    import pypdfium2

    from dangan.read.extract.pdf import MIN_PATHS_FOR_TABLE
    from dangan.read.extract.pdf_tables import path_objects

    with pypdfium2.PdfDocument(str(path)) as doc:
        ruled = 0
        for index in range(len(doc)):
            page = doc[index]
            ruled += len(path_objects(page)) >= MIN_PATHS_FOR_TABLE
            page.close()
        return len(doc), ruled / max(len(doc), 1)


def time_pdftotext(files: list[Path]) -> float:
    return _pdftotext(files)[0]


def _pdftotext(files: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds of pdftotext over the files, one after the other."""
    cpu = _children_cpu()
    start = time.perf_counter()
    for path in files:
        subprocess.run(["pdftotext", "-q", str(path), "-"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _workers_cpu() -> float:
    """CPU seconds of the live extraction workers (forkserver's children, not ours to wait for)."""
    from dangan.intake import workers

    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pool in list(workers._pools.values()):
        for worker in list(pool._workers):
            try:
                fields = Path(f"/proc/{worker.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Phases:
    """Wall time of the writer process per phase, by wrapping the steps ingest calls."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.saved: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, phase: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[phase] += time.perf_counter() - started

        self.saved.append((owner, name, original))
        setattr(owner, name, timed)

    def __enter__(self) -> Phases:
        from dangan.index.session import WriterSession
        from dangan.intake import ingest, prefetch

        self.wrap(prefetch.Prefetcher, "_result", "extract_wait")
        self.wrap(ingest, "extract", "extract_wait")
        self.wrap(ingest, "read_facts", "understand")
        self.wrap(ingest, "archive", "archive")
        self.wrap(ingest.Batch, "queue_index", "index")
        self.wrap(ingest.Batch, "flush", "index")
        self.wrap(WriterSession, "close", "index")   # the index's close waits for merges
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, original in reversed(self.saved):
            setattr(owner, name, original)


def time_dangan(files: list[Path], backend: str = "whoosh") -> tuple[float, dict[str, float]]:
    elapsed, split, _ = _dangan(files, backend)
    return elapsed, split


def _dangan(files: list[Path], backend: str = "whoosh") -> tuple[float, dict[str, float], float]:
    """(wall seconds, writer phase split, CPU seconds of writer and workers)."""
    from dangan.intake import workers
    from dangan.intake.batch import ingest_paths
    from dangan.workspace import init_workspace, open_workspace

    home = WORK / "pdf-ingest"
    shutil.rmtree(home, ignore_errors=True)
    ws = init_workspace(home)
    if backend != "whoosh":
        text = ws.config_file.read_text(encoding="utf-8")
        ws.config_file.write_text(text.replace('backend = "whoosh"', f'backend = "{backend}"', 1),
                                  encoding="utf-8")
        ws = open_workspace(home)
    workers.close_pools()   # fresh workers: their start is part of an ingest
    with Phases() as phases:
        cpu = time.process_time() + _children_cpu()   # children: the commit's forked encoder
        start = time.perf_counter()
        report = ingest_paths(ws, files, ocr=False)  # OCR is measured by bench_ocr; pdftotext reads no scans
        elapsed = time.perf_counter() - start
        cpu = time.process_time() + _children_cpu() - cpu + _workers_cpu()
    assert report.count("failed") == 0, report.to_dict()["failed"]
    split = {phase: round(phases.spent[phase], 3) for phase in PHASES}
    split["rest"] = round(elapsed - sum(phases.spent.values()), 3)
    return elapsed, split, cpu


def time_cli(files: list[Path]) -> float:
    home = WORK / "pdf-ingest-cli"
    shutil.rmtree(home, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    dangan = [sys.executable, "-m", "dangan", "--home", str(home)]
    subprocess.run([*dangan, "init"], check=True, env=env, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    subprocess.run([*dangan, "ingest", "--no-ocr", "--quiet", *map(str, files)], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(name: str, files: list[Path], pages: int, rounds: int, backend: str) -> dict[str, Any]:
    """Interleaved rounds (pdftotext, dangan) so a busy machine weighs on both; best of each."""
    from dangan.intake import workers

    base, ours = [], []
    for _ in range(rounds):
        base.append(_pdftotext(files))
        ours.append(_dangan(files, backend))
    baseline, base_cpu = min(base)
    elapsed, split, cpu = min(ours, key=lambda run: run[0])
    return {"set": name, "files": len(files), "pages": pages,
            "pdftotext_pages_per_s": round(pages / baseline, 1),
            "dangan_pages_per_s": round(pages / elapsed, 1),
            "ratio": round(baseline / elapsed, 3), "phases_s": split,
            "cpu_s": {"pdftotext": round(base_cpu, 3), "dangan": round(cpu, 3)},
            "cpu_floor_ratio": round(base_cpu / (cpu / workers.cores()), 3)}


def main(quick: bool = False, cli: bool = False, backend: str = "whoosh") -> dict[str, Any]:
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext 未安装：apt-get install poppler-utils")
    files = pdfs()[:4] if quick else pdfs()
    shares = {path: table_share(path) for path in files}
    sets = {"text-only": [p for p in files if shares[p][1] == 0],
            "table-heavy": [p for p in files if shares[p][1] >= 1 / 3],
            "corpus": files}
    time_pdftotext(files[:1]), time_dangan(files[:1], backend)  # warm caches and imports
    rounds = 1 if quick else 3
    results = [measure(name, chosen, sum(shares[p][0] for p in chosen), rounds, backend)
               for name, chosen in sets.items() if chosen]
    rows = []
    for r in results:
        rows.append((r["set"], r["files"], r["pages"], r["pdftotext_pages_per_s"], r["dangan_pages_per_s"],
                     r["ratio"], f'{r["cpu_s"]["dangan"]}/{r["cpu_s"]["pdftotext"]}', r["cpu_floor_ratio"],
                     " ".join(f"{k}={v}" for k, v in r["phases_s"].items())))
    print(table(rows, ("", "files", "pages", "pdftotext p/s", "dangan p/s", "× pdftotext",
                       "CPU s (ours/pdftotext)", "CPU floor ×", "phases (s, writer process)")))
    figures: dict[str, Any] = {"backend": backend, "load_average": [round(x, 1) for x in os.getloadavg()],
                               "sets": results, "target_ratio": 0.5,
                               "ratio": next(r["ratio"] for r in results if r["set"] == "corpus")}
    if cli:
        whole = sets["corpus"]
        pages = sum(shares[p][0] for p in whole)
        seconds = min(time_cli(whole) for _ in range(rounds))
        baseline = min(time_pdftotext(whole) for _ in range(rounds))
        figures["cli"] = {"pages": pages, "dangan_ingest_pages_per_s": round(pages / seconds, 1),
                          "ratio": round(baseline / seconds, 3)}
        print(f"dangan ingest (command, imports included): {figures['cli']['dangan_ingest_pages_per_s']} "
              f"pages/s, {figures['cli']['ratio']} × pdftotext")
    suffix = ("_quick" if quick else "") + ("" if backend == "whoosh" else f"_{backend}")
    write("pdf_ingest" + suffix, figures)
    return figures


def _flag(name: str, default: str) -> str:
    return next((a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")), default)


if __name__ == "__main__":
    main("--quick" in sys.argv, "--cli" in sys.argv, _flag("backend", "whoosh"))
