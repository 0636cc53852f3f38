"""The CPU of snippets, and whether any snippet changed: `python -m bench.bench_snippets [--against TREE]`.

The warm search's other half: for each query of `bench_search`, ten scale documents (`make_doc`, as
`bench_index` makes its hits' texts) and the snippet of each (`snippet_window.snippet`, as `run_query`
makes them). CPU time (process_time), not wall: on shared cores CPU moves far less with the load.
The median of 7 rounds after a warm-up, in milliseconds per query (ten hits).

`snippets_sha256` digests every snippet of every bench query over the 200 scale documents (real
paragraphs of the corpus): a change that was meant to keep every snippet must keep it. The needles are
the tree's, in a fixed order among equal lengths (trees before 2026-12-01 ordered them by a set, so
their snippets changed with the hash seed).

`--against TREE` (a checkout or worktree of another commit) times both trees in child processes, one
after the other, 4 times each (quick: 2), alternated: two figures of the same minutes, and whether the two trees
make the same snippets. The child runs this file with the other tree's `dangan` and `bench`.
"""
from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HITS = 10       # snippets per query, as a page of results shows them
ROUNDS = 7
SCALE_DOCS = 200


def measure(queries: list[str]) -> dict[str, Any]:
    """In the tree on sys.path: CPU ms per query (make_doc + snippet of 10 hits) and the digest."""
    from bench.scale_corpus import make_doc
    from dangan.index.query import parse_query
    from dangan.index.snippet_window import snippet

    needles = [sorted(parse_query(q).needles(), key=lambda n: (-len(n), n)) for q in queries]

    def one_round() -> float:
        start = time.process_time()
        for k, wanted in enumerate(needles):
            for j in range(HITS):
                snippet(make_doc((k * HITS + j) % SCALE_DOCS, 1).text, wanted)
        return (time.process_time() - start) / len(queries) * 1000

    one_round()   # warm: the scale corpus's paragraphs, jieba, OpenCC
    rounds = [one_round() for _ in range(ROUNDS)]
    texts = [make_doc(i, 1).text for i in range(SCALE_DOCS)]
    digest = hashlib.sha256()
    for wanted in needles:
        for text in texts:
            digest.update(snippet(text, wanted).encode("utf-8") + b"\0")
    return {"cpu_ms_per_query": round(statistics.median(rounds), 2), "cpu_ms_min": round(min(rounds), 2),
            "queries": len(queries), "hits": HITS, "snippets": len(needles) * len(texts),
            "snippets_sha256": digest.hexdigest()}


def _child(tree: Path, queries: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, __file__, "--child", json.dumps(queries, ensure_ascii=False)],
                         cwd=tree, env=env, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


def main(quick: bool = False) -> dict[str, Any]:
    from bench.bench_search import QUERIES
    from bench.common import ROOT, table, write

    queries = [q for _, q in QUERIES]
    figures: dict[str, Any] = {"load_average_start": round(os.getloadavg()[0], 2), **measure(queries)}
    if "--against" in sys.argv:
        other = Path(sys.argv[sys.argv.index("--against") + 1]).resolve()
        runs: dict[str, list[dict[str, Any]]] = {"this": [], "other": []}
        for r in range(2 if quick else 4):
            for name, tree in (("this", ROOT), ("other", other)) if r % 2 else (("other", other), ("this", ROOT)):
                runs[name].append(_child(tree, queries))
        this, that = (statistics.median(x["cpu_ms_per_query"] for x in runs[k]) for k in ("this", "other"))
        figures["against"] = {"tree": str(other), "this_cpu_ms": round(this, 2), "other_cpu_ms": round(that, 2),
                              "this_runs": [x["cpu_ms_per_query"] for x in runs["this"]],
                              "other_runs": [x["cpu_ms_per_query"] for x in runs["other"]],
                              "ratio": round(this / that, 3),
                              "same_snippets": runs["this"][0]["snippets_sha256"] == runs["other"][0]["snippets_sha256"]}
    figures["load_average_end"] = round(os.getloadavg()[0], 2)
    rows = [("this tree", figures["cpu_ms_per_query"], figures["cpu_ms_min"], figures["snippets_sha256"][:12])]
    if "against" in figures:
        a = figures["against"]
        rows += [("alternated: this", a["this_cpu_ms"], min(a["this_runs"]), ""),
                 (f"alternated: {other.name}", a["other_cpu_ms"], min(a["other_runs"]),
                  "same snippets" if a["same_snippets"] else "SNIPPETS DIFFER")]
    print(table(rows, ("snippets: make_doc + snippet, 10 hits", "CPU ms / query", "min", "digest")))
    print(write("snippets" + ("_quick" if quick else ""), figures))
    return figures


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(measure(json.loads(sys.argv[sys.argv.index("--child") + 1]))))
    else:
        main("--quick" in sys.argv)
