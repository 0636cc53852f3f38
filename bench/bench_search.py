"""Search on a real workspace of 10k documents (catalog + index), both backends.

The workspace is made by `ingest_paths` over a tree of scale-corpus text files
(bench/scale_corpus.py) into a Tantivy workspace (the faster first ingest makes
the re-ingest ratio the stricter); then switched in place to Whoosh
(`switch_backend`: that time is Whoosh's indexing of the catalog). Figures, in one run:

- first ingest of the tree, and re-ingest of the unchanged tree (ratio; target ≤ 2%);
- warm latency p50/p95/p99 of a fixed query set, in process, top 10 with
  snippets through `dangan.index.search.run_query` (targets: Whoosh ≤ 150 ms at 10k and
  ≤ 400 ms at 20k with facets,
  Tantivy ≤ 50 ms at p95); baseline: a full scan of the catalog text for the
  query's first needle (SQLite instr), i.e. the archive without an index;
- cold `dangan search` wall time, median of 10 subprocesses (target ≤ 0.5 s);
  baseline: `dangan --version`, the CLI's start-up alone.
"""
from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, WORK, table, write

QUERIES: tuple[tuple[str, str], ...] = (
    ("quoted", '"生活垃圾分类"'), ("quoted", '"高质量发展"'), ("quoted", '"营商环境持续"'),
    ("quoted", '"推动经济运行回升"'),
    ("bare", "创建文明城市"), ("bare", "生态环境保护"), ("bare", "乡村振兴"), ("bare", "营商环境 优化"),
    ("char", "王"), ("char", "湖"), ("digits", "3月"), ("digits", '"2023年"'),
    ("fielded", "type:通报 创建"), ("fielded", "issuer:区文明办 date:2022"), ("fielded", "item:A05 垃圾"),
    ("fielded", 'number:"〔2023〕"'), ("fielded", "type:通知 from:2021-01-01 to:2021-06-30"),
    ("negated", "整治 -垃圾"),
)
COLD = (("quoted", '"生活垃圾分类"'), ("char", "王"), ("bare", "创建文明城市"), ("fielded", "type:通报 创建"))
TARGETS = {"whoosh_warm_p95_ms": 150, "whoosh_warm_p95_ms_20k": 400, "tantivy_warm_p95_ms": 50,
           "cold_median_s": 0.5, "reingest_ratio": 0.02}   # warm: top 10 with snippets and facets


def percentiles(samples: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": round(cuts[49], 1), "p95": round(cuts[94], 1), "p99": round(cuts[98], 1),
            "n": len(samples)}


def warm(ws: Any, rounds: int, facets: bool = False) -> dict[str, Any]:
    """Top 10 with snippets (and, with `facets`, the four facet counts: the web desk's page)."""
    from dangan.index.query import parse_query
    from dangan.index.search import run_query

    samples: list[float] = []
    by_kind: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for r in range(rounds + 2):   # two warm-up rounds
        for kind, text in QUERIES:
            start = time.perf_counter()
            result = run_query(ws, parse_query(text), limit=10, facets=facets)
            ms = (time.perf_counter() - start) * 1000
            totals[text] = result.total
            if r >= 2:
                samples.append(ms)
                by_kind.setdefault(kind, []).append(ms)
    return {**percentiles(samples), "p95_by_kind": {k: percentiles(v)["p95"] for k, v in by_kind.items()},
            "p50_by_kind": {k: percentiles(v)["p50"] for k, v in by_kind.items()}, "hits": totals}


def slips(ws: Any, rounds: int) -> dict[str, Any]:
    """您是不是要找 at this size: each slip of `bench_slips` (the typo set of the tests, the slips into
    other words) searched as typed, which asks for suggestions, and the word meant, a plain search of
    the same length, alternated, through `search` as the CLI calls it (top 10, snippets). One round
    first, not counted: the first suggestion of a process loads the pinyin tables and the index's
    characters. Wall and CPU per search; the ratios are typed ÷ meant."""
    from dangan.index.search import search

    rows = json.loads((ROOT / "tests" / "data" / "search_typos.json").read_text(encoding="utf-8"))["typos"]
    rows += json.loads((ROOT / "bench" / "data" / "search_slips.json").read_text(encoding="utf-8"))["slips"]
    wall: dict[str, list[float]] = {"typed": [], "meant": []}
    cpu: dict[str, list[float]] = {"typed": [], "meant": []}
    slowest: dict[str, float] = {}
    right = suggested = 0
    for r in range(rounds + 1):
        for row in rows:
            for kind in ("typed", "meant"):
                text = row["typo" if kind == "typed" else "word"]
                start, start_cpu = time.perf_counter(), time.process_time()
                result = search(ws, text)
                ms, ms_cpu = (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000
                if r == 0:
                    if kind == "typed" and result.suggestions:
                        suggested += 1
                        right += result.suggestions[0]["replacement"] == row["word"]
                    continue
                wall[kind].append(ms)
                cpu[kind].append(ms_cpu)
                if kind == "typed":
                    slowest[text] = max(slowest.get(text, 0.0), ms)
    out: dict[str, Any] = {"slips": len(rows), "rounds": rounds, "suggested": suggested, "right_first": right,
                           "typed": percentiles(wall["typed"]), "meant": percentiles(wall["meant"]),
                           "typed_cpu": percentiles(cpu["typed"]), "meant_cpu": percentiles(cpu["meant"]),
                           "slowest_typed_ms": dict(sorted(slowest.items(), key=lambda kv: -kv[1])[:5])}
    for cut in ("p50", "p95"):
        out[f"ratio_{cut}"] = round(out["typed"][cut] / out["meant"][cut], 2)
        out[f"ratio_cpu_{cut}"] = round(out["typed_cpu"][cut] / out["meant_cpu"][cut], 2)
    return out


def scan_baseline(ws: Any, rounds: int) -> dict[str, Any]:
    """No index: count documents whose catalog text holds the query's first needle."""
    from dangan.archive.catalog import Catalog
    from dangan.index.query import parse_query

    needles = [(parse_query(q).needles() or [""])[0] for _, q in QUERIES]
    samples = []
    with Catalog(ws.catalog_path) as catalog:
        for _ in range(max(1, rounds // 5)):
            for needle in needles:
                start = time.perf_counter()
                catalog.conn.execute("SELECT count(*) FROM documents WHERE instr(text, ?) > 0",
                                     (needle,)).fetchone()
                samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def cold(home: Path, args: list[str], runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dangan", "--home", str(home), *args], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


def cold_all(home: Path, runs: int) -> dict[str, float]:
    return {text: cold(home, ["search", text, "--limit", "10"], runs) for _, text in COLD}


def ingest(ws: Any, tree: Path, profile: bool = False) -> tuple[float, dict[str, Any], str]:
    from dangan.intake.batch import ingest_paths

    prof = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if prof:
        prof.enable()
    report = ingest_paths(ws, [tree])
    if prof:
        prof.disable()
    seconds = time.perf_counter() - start
    top = ""
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(12)
        top = out.getvalue()
    return seconds, report.to_dict(), top


def measure(home: Path, rounds: int, cold_runs: int) -> dict[str, Any]:
    from dangan.workspace import open_workspace

    ws = open_workspace(home)
    return {"warm": warm(ws, rounds), "warm_facets": warm(ws, rounds, facets=True),
            "slips": slips(ws, max(1, rounds // 5)), "cold": cold_all(home, cold_runs)}


def reuse(folder: Path, n: int, rounds: int, cold_runs: int) -> dict[str, Any]:
    """Search figures on prebuilt workspaces `folder`/ws-N-tantivy and ws-N-whoosh (the same
    catalog, as bench/scale_corpus + ingest + switch_backend make them), one after the other
    in this run. Ingest is not re-measured: building the Whoosh index alone takes ~10 min."""
    load = os.getloadavg()[0]
    figures: dict[str, Any] = {"docs": n, "rounds": rounds, "targets": TARGETS, "prebuilt": str(folder),
                               "cli_startup_s": cold(folder / f"ws-{n}-tantivy", ["--version"], cold_runs)}
    from dangan.workspace import open_workspace

    figures["scan_baseline"] = scan_baseline(open_workspace(folder / f"ws-{n}-tantivy"), rounds)
    for name in ("tantivy", "whoosh"):
        figures[name] = measure(folder / f"ws-{n}-{name}", rounds, cold_runs)
        print(name, figures[name]["warm"]["p95"], figures[name]["warm_facets"]["p95"], flush=True)
    figures["load_average"] = {"start": round(load, 2), "end": round(os.getloadavg()[0], 2)}
    figures["backends_agree"] = figures["tantivy"]["warm"]["hits"] == figures["whoosh"]["warm"]["hits"]
    report_table(figures)
    return figures


def main(quick: bool = False) -> dict[str, Any]:
    from bench.scale_corpus import write_tree
    from dangan.index.maintain import switch_backend
    from dangan.ops.check import check
    from dangan.workspace import init_workspace, open_workspace

    n, rounds, cold_runs = (300, 5, 5) if quick else (10_000, 20, 10)
    tree, home = WORK / f"search-tree-{n}", WORK / f"search-ws-{n}"
    if not tree.exists():
        write_tree(tree.with_suffix(".tmp"), n)
        tree.with_suffix(".tmp").rename(tree)
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    (home / "dangan.toml").write_text('[index]\nbackend = "tantivy"\n', encoding="utf-8")
    ws = init_workspace(home)
    load = os.getloadavg()[0]
    first, report, _ = ingest(ws, tree)
    assert report["ingested"] == n and not report["failed"], report["failed"][:3]
    again, report2, _ = ingest(ws, tree)
    assert report2["duplicates"] == n, report2["ingested"]
    _, _, profile = ingest(ws, tree, profile=True)   # once more, for the profile (not timed)
    figures: dict[str, Any] = {
        "docs": n, "rounds": rounds, "targets": TARGETS,
        "first_ingest_s": round(first, 1), "first_ingest_docs_per_s": round(n / first, 1),
        "reingest_s": round(again, 2), "reingest_ratio": round(again / first, 4),
        "reingest_profile": profile.splitlines()[:40],
        "cli_startup_s": cold(home, ["--version"], cold_runs),
    }
    print(f"ingest {n}: {first:.1f} s; re-ingest {again:.2f} s ({again / first:.2%})", flush=True)
    figures["scan_baseline"] = scan_baseline(ws, rounds)
    figures["tantivy"] = {"warm": warm(ws, rounds), "warm_facets": warm(ws, rounds, facets=True),
                          "slips": slips(ws, max(1, rounds // 5)), "cold": cold_all(home, cold_runs)}
    start = time.perf_counter()
    switch_backend(ws, "whoosh")
    figures["switch_to_whoosh_s"] = round(time.perf_counter() - start, 1)
    ws = open_workspace(home)
    assert check(ws)["ok"]
    figures["whoosh"] = {"warm": warm(ws, rounds), "warm_facets": warm(ws, rounds, facets=True),
                         "slips": slips(ws, max(1, rounds // 5)), "cold": cold_all(home, cold_runs)}
    figures["load_average"] = {"start": round(load, 2), "end": round(os.getloadavg()[0], 2)}
    figures["backends_agree"] = figures["tantivy"]["warm"]["hits"] == figures["whoosh"]["warm"]["hits"]
    if not figures["backends_agree"]:
        print("注意：两个后端的命中数不同", figures["whoosh"]["warm"]["hits"], figures["tantivy"]["warm"]["hits"])
    report_table(figures)
    write("search" + ("_quick" if quick else ""), figures)
    return figures


def report_table(f: dict[str, Any]) -> None:
    base = f["scan_baseline"]["p95"]
    rows = [("scan (no index)", base, f["scan_baseline"]["p50"], 1.0, "", "", "")]
    for name in ("whoosh", "tantivy"):
        w, c, wf = f[name]["warm"], f[name]["cold"], f[name]["warm_facets"]
        rows.append((name, w["p95"], w["p50"], round(w["p95"] / base, 3), w["p99"], wf["p95"],
                     max(c.values())))
    print(table(rows, ("warm", "p95 ms", "p50 ms", "× scan p95", "p99 ms", "+facets p95 ms", "cold max s")))
    cold_rows = [(q, f["whoosh"]["cold"][q], f["tantivy"]["cold"][q],
                  round(f["tantivy"]["cold"][q] / f["cli_startup_s"], 2)) for _, q in COLD]
    print(table(cold_rows, ("cold query", "whoosh s", "tantivy s", "tantivy × --version")))
    if all("slips" in f[name] for name in ("whoosh", "tantivy")):
        print(slips_table(f))
    if "reingest_ratio" in f:
        print(f"re-ingest ratio {f['reingest_ratio']:.2%} (target ≤ 2%); "
              f"switch to Whoosh {f['switch_to_whoosh_s']} s")
    print(f"CLI start-up (--version) {f['cli_startup_s']} s; "
          f"load average {f['load_average']} on {os.cpu_count()} cores")


def slips_table(f: dict[str, Any]) -> str:
    rows = []
    for name in ("whoosh", "tantivy"):
        s = f[name]["slips"]
        rows.append((name, s["typed"]["p50"], s["typed"]["p95"], s["meant"]["p50"], s["meant"]["p95"],
                     f"{s['ratio_p50']}× / {s['ratio_p95']}×", f"{s['ratio_cpu_p50']}× / {s['ratio_cpu_p95']}×",
                     f"{s['suggested']} / {s['right_first']}"))
    return table(rows, ("slips (您是不是要找)", "typed p50 ms", "typed p95", "meant p50", "meant p95",
                        "ratio p50 / p95", "CPU ratio p50 / p95", f"suggested / right of {s['slips']}"))


def slips_only(folder: Path, n: int, rounds: int = 4) -> dict[str, Any]:
    """`slips` on prebuilt workspaces `folder`/ws-N-tantivy and ws-N-whoosh, one after the other."""
    from dangan.workspace import open_workspace

    load = os.getloadavg()[0]
    figures: dict[str, Any] = {"docs": n, "prebuilt": str(folder)}
    for name in ("tantivy", "whoosh"):
        figures[name] = {"slips": slips(open_workspace(folder / f"ws-{n}-{name}"), rounds)}
    figures["load_average"] = {"start": round(load, 2), "end": round(os.getloadavg()[0], 2)}
    print(slips_table(figures))
    print(f"load average {figures['load_average']} on {os.cpu_count()} cores")
    return figures


def reuse_sizes(folder: Path, sizes: list[int], rounds: int = 20, cold_runs: int = 5) -> dict[str, Any]:
    """`reuse` at each size, one after the other in this run (each size: both backends, the
    same catalog); by size, each with its own load averages (1, 5, 15 min) and date."""
    by_size = {}
    for n in sizes:
        load = os.getloadavg()
        figures = reuse(folder, n, rounds, cold_runs)
        figures["load_average_1_5_15"] = {"start": [round(x, 2) for x in load],
                                          "end": [round(x, 2) for x in os.getloadavg()]}
        figures["date"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        by_size[str(n)] = figures
    return by_size


if __name__ == "__main__":
    if "--slips" in sys.argv:   # python -m bench.bench_search --slips DIR N: 您是不是要找 alone
        at = sys.argv.index("--slips")
        size = int(sys.argv[at + 2])
        write(f"search_slips_{size // 1000}k", slips_only(Path(sys.argv[at + 1]), size))
    elif "--reuse" in sys.argv:   # python -m bench.bench_search --reuse DIR N [N ...]
        at = sys.argv.index("--reuse")
        sizes = [int(a) for a in sys.argv[at + 2:] if a.isdigit()]
        if min(sizes) < 10_000:   # the small runs: a file of their own (search_2k.json)
            for n in sizes:
                write(f"search_{n // 1000}k", reuse(Path(sys.argv[at + 1]), n, rounds=20, cold_runs=5))
        else:                     # 10k and up: search.json by size, sizes run before kept
            from bench.common import RESULTS

            old = RESULTS / "search.json"
            kept = json.loads(old.read_text(encoding="utf-8")).get("sizes", {}) if old.exists() else {}
            kept.update(reuse_sizes(Path(sys.argv[at + 1]), sizes))
            write("search", {"sizes": dict(sorted(kept.items(), key=lambda kv: int(kv[0]))),
                             "targets": TARGETS})
    else:
        main("--quick" in sys.argv)
