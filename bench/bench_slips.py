"""Suggestions for a clerk's slips on a real workspace: how often the first 您是不是要找 is the word meant,
and how often a term that is no slip gets one (it should not).

Three sets: the typo set of the tests (tests/data/search_typos.json: one character off, the slip no word),
the slips into other words (bench/data/search_slips.json "slips": 水土保护 for 水土保持), and terms that are
no slips ("not_slips": an organ's short form 政府办, words the corpus holds). Run on a workspace of the
whole corpus (`dangan init; dangan ingest --no-ocr ../shared/corpus`), or without one (run_all) on a
fresh one under bench/work (~30 s to ingest); the result goes to bench/results/slips.json:

    python -m bench.bench_slips [WORKSPACE]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.common import ROOT, corpus_workspace, document_count, table, write
from dangan.index.search import search
from dangan.workspace import open_workspace


def main(quick: bool = False) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("home", type=Path, nargs="?", help="a workspace of the whole corpus (default: made fresh)")
    args, _ = ap.parse_known_args()
    home = args.home or corpus_workspace("slips-ws")
    ws = open_workspace(home)
    typos = json.loads((ROOT / "tests" / "data" / "search_typos.json").read_text(encoding="utf-8"))["typos"]
    data = json.loads((ROOT / "bench" / "data" / "search_slips.json").read_text(encoding="utf-8"))
    search(ws, "经济")   # warm: jieba's table, the index's readers
    figures: dict[str, dict[str, object]] = {}
    for name, rows in (("typos", typos), ("slips", data["slips"])):
        right, missed, seconds = 0, [], 0.0
        for row in rows:
            t0 = time.perf_counter()
            first = [s["replacement"] for s in search(ws, row["typo"]).suggestions][:1]
            seconds += time.perf_counter() - t0
            if first == [row["word"]]:
                right += 1
            else:
                missed.append(f"{row['typo']}→{first[0] if first else '-'}")
        figures[name] = {"n": len(rows), "right_first": right, "missed": missed,
                         "mean_ms": round(1000 * seconds / len(rows), 1)}
    wrong, seconds = [], 0.0
    for term in data["not_slips"]:
        t0 = time.perf_counter()
        offered = [s["replacement"] for s in search(ws, term).suggestions]
        seconds += time.perf_counter() - t0
        if offered:
            wrong.append(f"{term}→{offered[0]}")
    figures["not_slips"] = {"n": len(data["not_slips"]), "suggested": len(wrong), "which": wrong,
                            "mean_ms": round(1000 * seconds / len(data["not_slips"]), 1)}
    print(table([(k, v["n"], v.get("right_first", v.get("suggested")), v["mean_ms"]) for k, v in figures.items()],
                ("set", "n", "right first / suggested", "mean ms")))
    for k, v in figures.items():
        print(k, v.get("missed") or v.get("which"))
    print(write("slips", {"workspace_documents": document_count(home), **figures}))


if __name__ == "__main__":
    main()
