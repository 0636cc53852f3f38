"""Index builds at scale, both backends: documents/s, peak RSS, index size, warm latency.

IndexDocs go straight to the backend (`add`), as `dangan reindex` feeds it from
the catalog: raw scale-corpus rows (bench/scale_corpus.py, read from JSON
lines) → search text (NFKC, t2s) → backend. Extraction and the catalog are
measured by bench_pdf_ingest and bench_search.

Runs: Whoosh at 10k and 20k, Tantivy at 10k and 100k (quick: Whoosh 1k, Tantivy 2k,
to keep `make bench-quick` near its 2 minutes). Each
build runs in its own subprocess, so peak RSS is per run (ru_maxrss of the
process, plus the largest pool worker); then a second subprocess opens the
index and times the fixed query set of bench_search warm (top 10, with
snippets made from the document text, as `run_query` does from the catalog).

Baseline (same run): Whoosh at the smallest size, the default backend.
Targets: Tantivy 100k documents of ~3,000 characters in ≤ 15 min, peak RSS ≤ 1 GB,
warm p95 ≤ 50 ms with snippets.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, WORK, table, write

SEED = 1
FULL = (("whoosh", 10_000), ("whoosh", 20_000), ("tantivy", 10_000), ("tantivy", 100_000))
QUICK = (("whoosh", 1_000), ("tantivy", 2_000))   # Whoosh 2k alone takes 45–120 s here
TARGETS = {"tantivy_100k_minutes": 15, "tantivy_peak_rss_mb": 1024, "tantivy_warm_p95_ms": 50}


def folder(backend: str, n: int) -> Path:
    return WORK / "index" / f"{backend}-{n}"


# -- children ------------------------------------------------------------------
def build(backend: str, n: int) -> dict[str, Any]:
    """In a child process: index the first n scale documents, return the figures."""
    from bench.scale_corpus import jsonl, read_jsonl
    from dangan.index import open_backend
    from dangan.index.base import IndexDoc
    from dangan.text.normalize import search_text

    source = jsonl(int(sys.argv[sys.argv.index("--source-n") + 1]), SEED)
    target = folder(backend, n)
    shutil.rmtree(target, ignore_errors=True)
    chars = 0

    def docs():  # type: ignore[no-untyped-def]
        nonlocal chars
        for d in read_jsonl(source, limit=n):
            chars += len(d.text)
            yield IndexDoc(id=d.number + 1, text=search_text(d.text), title=search_text(d.title),
                           doc_type=d.doc_type, issuer=d.issuer, doc_number=d.doc_number,
                           doc_date=d.doc_date, items=d.items)

    sampler = MemorySampler()
    sampler.start()
    start = time.perf_counter()
    index = open_backend(target, backend)
    count = index.add(docs())
    index.close()   # Tantivy: waits for its merges; part of the build
    seconds = time.perf_counter() - start
    sampler.stop()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    return {"backend": backend, "docs": count, "chars": chars, "seconds": round(seconds, 1),
            "docs_per_s": round(count / seconds, 1), "mchars_per_s": round(chars / seconds / 1e6, 3),
            "peak_rss_mb": round(own), **sampler.figures(),
            "index_mb": round(size / 2**20, 1), "load_average": round(os.getloadavg()[0], 2)}


class MemorySampler(threading.Thread):
    """Every 0.2 s: this process's RSS (anonymous / file-backed) and its pool workers' RSS.

    ru_maxrss of RUSAGE_CHILDREN is no use for spawned workers: Linux charges a child the
    parent's RSS at the moment it forks to exec, so every worker "peaks" at the parent's size.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.peak = {"anon": 0.0, "file": 0.0, "workers": 0.0, "total": 0.0}

    def run(self) -> None:
        while not self.done.wait(0.2):
            own = _status(os.getpid())
            workers = sum(_status(pid).get("VmRSS", 0.0) for pid in _children(os.getpid()))
            sample = {"anon": own.get("RssAnon", 0.0), "file": own.get("RssFile", 0.0),
                      "workers": workers, "total": own.get("VmRSS", 0.0) + workers}
            self.peak = {k: max(v, sample[k]) for k, v in self.peak.items()}

    def stop(self) -> None:
        self.done.set()
        self.join()

    def figures(self) -> dict[str, int]:
        return {"peak_anon_mb": round(self.peak["anon"]), "peak_file_mapped_mb": round(self.peak["file"]),
                "pool_workers_peak_rss_mb": round(self.peak["workers"]),
                "peak_rss_with_workers_mb": round(self.peak["total"])}


def _status(pid: int) -> dict[str, float]:
    """VmRSS, RssAnon, RssFile of a process in MB (empty when it is gone)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {k: int(v.split()[0]) / 1024 for k, _, v in (line.partition(":") for line in lines)
            if k in ("VmRSS", "RssAnon", "RssFile")}


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def latency(backend: str, n: int, rounds: int) -> dict[str, Any]:
    """In a child process: warm latency of the query set, search alone and with snippets."""
    from bench.bench_search import QUERIES, percentiles
    from bench.scale_corpus import make_doc
    from dangan.index import open_backend
    from dangan.index.query import parse_query
    from dangan.index.snippet_window import snippet as make_snippet

    index = open_backend(folder(backend, n), backend)
    queries = [parse_query(q) for _, q in QUERIES]
    samples: dict[str, list[float]] = {"search": [], "with_snippets": []}
    totals = {}
    for r in range(rounds + 2):   # two warm-up rounds, not counted
        for (kind, text), query in zip(QUERIES, queries):
            start = time.perf_counter()
            ranked = index.search(query, limit=10)
            found = time.perf_counter()
            needles = query.needles()
            for doc_id, _ in ranked.hits:
                make_snippet(make_doc(doc_id - 1, SEED).text, needles)
            done = time.perf_counter()
            totals[text] = ranked.total
            if r >= 2:
                samples["search"].append((found - start) * 1000)
                samples["with_snippets"].append((done - start) * 1000)
    index.close()
    return {"backend": backend, "docs": n, "rounds": rounds,
            **{k: percentiles(v) for k, v in samples.items()}, "hits_per_query": totals,
            "load_average": round(os.getloadavg()[0], 2)}


# -- parent ------------------------------------------------------------------------
def child(*args: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.bench_index", *args]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(quick: bool = False) -> dict[str, Any]:
    from bench.scale_corpus import jsonl

    runs = QUICK if quick else FULL
    biggest = max(n for _, n in runs)
    start = time.perf_counter()
    jsonl(biggest, SEED)
    made = time.perf_counter() - start
    figures: dict[str, Any] = {"seed": SEED, "corpus_seconds": round(made, 1), "builds": [],
                               "latency": [], "targets": TARGETS}
    for backend, n in runs:
        print(f"-- build {backend} {n}", flush=True)
        built = child("--build", backend, str(n), "--source-n", str(biggest))
        figures["builds"].append(built)
        print(f"   {built}", flush=True)
        lat = child("--latency", backend, str(n), "--rounds", "5" if quick else "20")
        figures["latency"].append(lat)
        print(f"   p95 {lat['with_snippets']['p95']} ms with snippets", flush=True)
    base = figures["builds"][0]
    rows = []
    for built, lat in zip(figures["builds"], figures["latency"]):
        rows.append((built["backend"], built["docs"], built["seconds"], built["docs_per_s"],
                     round(built["docs_per_s"] / base["docs_per_s"], 2), built["peak_rss_mb"],
                     built["peak_rss_with_workers_mb"], built["index_mb"], lat["search"]["p95"], lat["with_snippets"]["p50"],
                     lat["with_snippets"]["p95"], lat["with_snippets"]["p99"]))
    print(table(rows, ("backend", "docs", "s", "docs/s", f"× {base['backend']} {base['docs']}",
                       "RSS MB", "+workers", "index MB", "search p95", "+snip p50", "p95", "p99")))
    figures["verdict"] = verdict(figures)
    for line in figures["verdict"]:
        print(line)
    write("index" + ("_quick" if quick else ""), figures)
    return figures


def verdict(figures: dict[str, Any]) -> list[str]:
    out = []
    for built, lat in zip(figures["builds"], figures["latency"]):
        if built["backend"] == "tantivy" and built["docs"] >= 100_000:
            out.append(f"Tantivy 100k: {built['seconds'] / 60:.1f} min (≤ 15), "
                       f"RSS {built['peak_rss_mb']} MB, with pool workers {built['peak_rss_with_workers_mb']} MB "
                       f"(≤ 1024), p95 {lat['with_snippets']['p95']} ms (≤ 50)")
    return out


if __name__ == "__main__":
    argv = sys.argv[1:]
    if "--build" in argv:
        i = argv.index("--build")
        print(json.dumps(build(argv[i + 1], int(argv[i + 2]))))
    elif "--latency" in argv:
        i = argv.index("--latency")
        print(json.dumps(latency(argv[i + 1], int(argv[i + 2]),
                                 int(argv[argv.index("--rounds") + 1]))))
    else:
        main("--quick" in argv)
