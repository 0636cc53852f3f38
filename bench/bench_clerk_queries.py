"""Papers asked for the way people remember them: a clerk's queries on the whole corpus, per backend.

`bench/data/clerk_queries.json` holds queries as an office clerk or an inspector types them (a year alone,
a 文号 without its brackets, 市政府办 for 市人民政府办公室, 十四届 for 14届, a title half-remembered, a
speaker's name …), each with the corpus document(s) it means (their source paths under ../shared/corpus),
written before any was run; ten are marked held_out and reported apart (no fix looked at them).

For each backend (Whoosh, Tantivy; PostgreSQL with --postgres, on a private server started as the tests start
theirs, tests/pgserver.py, or on --database URL) the workspace's catalog is copied under bench/work and indexed afresh
(`switch_backend`), so an index change is measured too; each query goes through `dangan.index.search.search`
(top 10), and a query counts as found at the rank of the first hit any of whose sources is one it means.
Figures: recall@1, recall@3 and MRR (a miss in the top 10 counts 0), for the tuned queries, the held-out ones
and all; the per-query ranks go to bench/results/clerk_queries.json.

    python -m bench.bench_clerk_queries [WORKSPACE] [--postgres | --database URL]   # default: made fresh
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT, WORK, corpus_workspace, document_count, table, write
from dangan.index.maintain import switch_backend
from dangan.index.search import search
from dangan.workspace import open_workspace

BACKENDS = ("whoosh", "tantivy")
DEPTH = 10


def main(quick: bool = False) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("home", type=Path, nargs="?", help="a workspace of the whole corpus (default: made fresh)")
    ap.add_argument("--postgres", action="store_true", help="PostgreSQL too, on a private throwaway server")
    ap.add_argument("--database", help="PostgreSQL too, in this database (schema clerk_bench)")
    ap.add_argument("--added", help="also report the queries marked added=ADDED apart (a round's new ones)")
    args, _ = ap.parse_known_args()
    home = args.home or corpus_workspace("clerk-ws")
    queries = json.loads((ROOT / "bench" / "data" / "clerk_queries.json").read_text(encoding="utf-8"))["queries"]
    figures: dict[str, Any] = {"workspace_documents": document_count(home), "queries": len(queries),
                               "held_out": sum(q["held_out"] for q in queries)}
    server = nullcontext(args.database) if args.database or not args.postgres else _private_server()
    with server as dsn:
        backends = (*BACKENDS, "postgres") if dsn else BACKENDS
        for backend in backends:
            ws = open_workspace(_copy(home, backend, dsn if backend == "postgres" else None))
            switch_backend(ws, backend)
            ws = open_workspace(ws.home)
            sources = _sources(ws.home)
            ranks = [_rank(ws, q, sources) for q in queries]
            figures[backend] = {
                "tuned": _scores([r for r, q in zip(ranks, queries) if not q["held_out"]]),
                "held_out": _scores([r for r, q in zip(ranks, queries) if q["held_out"]]),
                "all": _scores(ranks),
                "ranks": {q["query"]: r for q, r in zip(queries, ranks)},
            }
            if args.added:
                figures[backend]["added"] = _scores([r for r, q in zip(ranks, queries) if q.get("added") == args.added])
    parts = ("tuned", "held_out", "all", *(("added",) if args.added else ()))
    rows = [(b, part, f[part]["n"], f[part]["recall@1"], f[part]["recall@3"], f[part]["mrr"])
            for b in backends for part in parts for f in (figures[b],)]
    print(table(rows, ("backend", "set", "n", "recall@1", "recall@3", "MRR")))
    for q in queries:
        got = [figures[b]["ranks"][q["query"]] for b in backends]
        if any(r != 1 for r in got):
            print(f"{'H' if q['held_out'] else ' '} {q['query']}: " + " / ".join(str(r or "-") for r in got))
    print(write("clerk_queries", figures))


@contextmanager
def _private_server() -> Iterator[str]:
    """A throwaway PostgreSQL server, as the tests start theirs (tests/pgserver.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pgserver import postgres_server

    with postgres_server() as dsn:
        yield dsn


def _rank(ws: Any, query: dict[str, Any], sources: dict[int, set[str]]) -> int | None:
    """The rank (1-based) of the first hit that is a document the query means, None past DEPTH."""
    meant = set(query["expected"])
    for i, hit in enumerate(search(ws, query["query"], limit=DEPTH).hits, 1):
        if sources.get(hit.id, set()) & meant:
            return i
    return None


def _scores(ranks: list[int | None]) -> dict[str, Any]:
    n = len(ranks)
    return {"n": n, "recall@1": round(sum(r == 1 for r in ranks) / n, 3),
            "recall@3": round(sum(r is not None and r <= 3 for r in ranks) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3)}


def _sources(home: Path) -> dict[int, set[str]]:
    """Each document's source paths relative to the corpus (a 同文异版's too: it is the document's source)."""
    root = str(CORPUS.resolve()) + "/"
    out: dict[int, set[str]] = {}
    with sqlite3.connect(home / "catalog.sqlite3") as con:
        for doc_id, path in con.execute("SELECT document_id, path FROM sources"):
            out.setdefault(doc_id, set()).add(str(Path(path).resolve()).removeprefix(root))
    return out


def _copy(home: Path, backend: str, dsn: str | None = None) -> Path:
    """The catalog and settings of `home` in a workspace of their own (the originals are not needed to search);
    with `dsn`, its index in that PostgreSQL database."""
    dest = WORK / f"clerk-{backend}"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    with sqlite3.connect(home / "catalog.sqlite3") as con, sqlite3.connect(dest / "catalog.sqlite3") as out:
        con.backup(out)
    for name in ("dangan.toml",):
        shutil.copy2(home / name, dest / name)
    if dsn:
        settings = (dest / "dangan.toml").read_text(encoding="utf-8")
        (dest / "dangan.toml").write_text(f'{settings}\n[index]\ndatabase = "{dsn}"\nschema = "clerk_bench"\n'
                                          if "[index]" not in settings else
                                          settings.replace("[index]", f'[index]\ndatabase = "{dsn}"\nschema = "clerk_bench"', 1),
                                          encoding="utf-8")
    for folder in ("originals", "inbox", "quarantine", "out", "logs"):
        (dest / folder).mkdir(exist_ok=True)
    return dest


if __name__ == "__main__":
    main()
