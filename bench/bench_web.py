"""The search page of the web desk: server time per request, against the library call alone.

Through Flask's test client (no network, no browser): the time from request
to rendered page for `/?q=…` (a page of hits with snippets, facets, item names),
p50/p95 over a fixed query set; baseline: `dangan.index.search.search` with
the same arguments, the part of the page that is the library's. Target: page
p95 ≤ 150 ms.

quick: the shared corpus, ingested once into bench/work/web-corpus.
full:  also the 10k workspace that bench_search builds (bench/work/search-ws-10000),
       when it is there; otherwise the result says it was not built.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.common import CORPUS, WORK, table, write

QUERIES: tuple[str, ...] = (
    "", "创建", '"生活垃圾"', "文明城市 建设", "经济 发展", '"高质量发展"', "预算 执行",
    "type:报告 预算", "year:2024", "王", "整治 -垃圾", '"营商环境"',
)
TARGET_P95_MS = 150
TEN_K = WORK / "search-ws-10000"


def percentiles(samples: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": round(cuts[49], 1), "p95": round(cuts[94], 1), "n": len(samples)}


def corpus_workspace() -> Any:
    from dangan.intake.batch import ingest_paths
    from dangan.workspace import init_workspace, open_workspace

    home = WORK / "web-corpus"
    done = home / ".ingested"
    if done.exists():
        return open_workspace(home)
    ws = init_workspace(home)
    ingest_paths(ws, [CORPUS])
    done.touch()
    return ws


def measure(ws: Any, rounds: int) -> dict[str, Any]:
    from dangan.index.search import search
    from dangan.web.app import create_app
    from dangan.web.views_search import PAGE_SIZE

    app = create_app(ws)
    client = app.test_client()
    page_ms: list[float] = []
    library_ms: list[float] = []
    for r in range(rounds + 1):   # one warm-up round
        for text in QUERIES:
            sort = "relevance" if text else "date"
            start = time.perf_counter()
            search(ws, text, limit=PAGE_SIZE, sort=sort, facets=True)
            lib = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            response = client.get("/?" + urlencode({"q": text}))
            page = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (text, response.status_code)
            if r:
                library_ms.append(lib)
                page_ms.append(page)
    web, lib = percentiles(page_ms), percentiles(library_ms)
    return {"documents": _count(ws), "backend": ws.settings.index_backend, "page_ms": web, "library_ms": lib,
            "ratio_p95": round(web["p95"] / lib["p95"], 2) if lib["p95"] else None,
            "overhead_p95_ms": round(web["p95"] - lib["p95"], 1), "target_p95_ms": TARGET_P95_MS,
            "meets_target": web["p95"] <= TARGET_P95_MS}


def _count(ws: Any) -> int:
    from dangan.archive.catalog import Catalog

    with Catalog(ws.catalog_path) as catalog:
        return catalog.count()


def main(quick: bool = False) -> dict[str, Any]:
    from dangan.web.views_search import PAGE_SIZE
    from dangan.workspace import open_workspace

    figures: dict[str, Any] = {"queries": list(QUERIES), "page_size": PAGE_SIZE}
    figures["corpus"] = measure(corpus_workspace(), rounds=5 if quick else 20)
    if not quick:
        if (TEN_K / "dangan.toml").is_file():
            figures["ten_k"] = measure(open_workspace(TEN_K), rounds=10)
        else:
            figures["ten_k"] = {"skipped": f"{TEN_K} not built: run `python -m bench.bench_search` first"}
    rows = []
    for name in ("corpus", "ten_k"):
        f = figures.get(name)
        if not f:
            continue
        if "skipped" in f:
            print(f"{name}: {f['skipped']}")
            continue
        rows.append((name, f["documents"], f["backend"], f["library_ms"]["p50"], f["library_ms"]["p95"],
                     f["page_ms"]["p50"], f["page_ms"]["p95"], f"×{f['ratio_p95']}",
                     "yes" if f["meets_target"] else "NO"))
    print(table(rows, ("workspace", "docs", "backend", "lib p50", "lib p95", "page p50", "page p95",
                       "page/lib p95", f"p95≤{TARGET_P95_MS}ms")))
    path = write("web" + ("_quick" if quick else ""), figures)
    print(f"written: {path.relative_to(Path(__file__).resolve().parents[1])}")
    return figures


if __name__ == "__main__":
    main("--quick" in sys.argv)
