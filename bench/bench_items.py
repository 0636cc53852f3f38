"""Item bench: which 测评内容 (and requirement) of national-2015 a document evidences.

Labelled set (`bench/data/items/`): `written.toml`, 59 texts written for this
bench (a fictional 城东区), one per 网上申报 requirement over all eleven 测评项目
— notices, plans, minutes, reports, statistics tables as an office files them;
`real2.toml`, a second fresh real set of 32 (25 positives, 7 negatives) labelled after two
rounds of fixes, before the matcher ran on it (`by_set` real2; `real2_first_run`); `real3.toml`,
a third of 24 (14 positives, 10 negatives) labelled after real2's misses were read (`real3`);
`real4.toml`, a fourth of 38 (30 positives, mostly the campaign's own paperwork, 8 negatives)
labelled after real3's misses were read (`real4`; `real4_first_run`); `real5.toml`, a fifth of 39
(29 positives weighted toward the 测评内容 the earlier sets covered least, 10 negatives, among them
春节值班 notices and 营商环境 questionnaires) labelled after round 4 (`real5`; `real5_first_run`);
`real6.toml`, a sixth of 30 (19 positives, 11 negatives) drawn by a fixed query procedure and
labelled after round 5 (`real6`; `real6_first_run`); `real7.toml`, a seventh of 12 (all positives): the
element bench's validation_r30 documents, the evidence paperwork a 创文 office files, drawn by fixed
queries and labelled after round 6 (`real7`; `real7_first_run`); `real8.toml`, an eighth of 14 (8
positives, 6 negatives): the element bench's validation_r33 and validation_r32 documents, a district's
everyday paperwork drawn by fixed queries, labelled after round 6 (`real8`; `real8_first_run`); `real9.toml`,
a ninth of 15 (all positives): excerpts of public pages and one repository page drawn by sixteen fixed queries
for evidence paperwork, labelled after round 7 (`real9`; `real9_first_run`); `real10.toml`, a tenth of 15 (6
positives, 9 negatives): excerpts of public pages and repository files drawn by sixteen fixed queries naming a
province and a kind of paper but no evaluation topic, labelled after round 7 (`real10`; `real10_first_run`);
`real11.toml`, an eleventh of 65 (27 positives, 38 negatives): every document of the element bench's families
validation_r25, r26, r28, r29, r31, r34 and r35 no items set held, labelled after round 8 (`real11`; `real11_first_run`);
`corpus.toml`, real documents of ../shared/corpus with their 测评内容 (2) or
with none (6 negatives: the matcher must attach nothing to them); `real.toml`, 77 real
documents (60 positives over ten 测评项目, 17 negatives) — the element bench's real
public pages and short excerpts of public web pages under `real/` — labelled by reading
before the matcher ran on them, with other defensible answers in `also`, and split by
source family into a `tune` half (matcher changes may look at it) and a `holdout` half
(they may not). Every
document is ingested into a fresh workspace (real extraction and elements),
then matched as `dangan gaps` matches it. Reported per 测评项目 of the expected
测评内容: top-1 and top-3 accuracy of the 测评内容, top-1 of the requirement,
and how many were attached automatically (confidence ≥ ATTACH); for the
negatives, how many were attached (false attachments). The written texts
were written against the requirement texts, so their figures are optimistic;
the real set's are the honest ones (`by_set`: real, real_tune, real_holdout, each with
its false attachments on its negatives). The first run on the real set, before any
change it led to, is kept in the result file as `real_first_run`. Writes
`bench/results/items.json`.

    .venv/bin/python -m bench.bench_items [--quick]
"""
from __future__ import annotations

import json
import shutil
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import CORPUS, RESULTS, ROOT, WORK, table, write

DATA = ROOT / "bench" / "data" / "items"


def labelled(folder: Path, quick: bool) -> list[dict[str, Any]]:
    """(path, expected content, expected req) for every labelled document, texts written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    written = tomllib.loads((DATA / "written.toml").read_text(encoding="utf-8"))["doc"]
    for doc in written[:20] if quick else written:
        path = folder / doc["file"]
        path.write_text(doc["text"], encoding="utf-8")
        out.append({"path": path, "content": doc["content"], "req": doc["req"], "set": "written"})
    for doc in tomllib.loads((DATA / "corpus.toml").read_text(encoding="utf-8"))["doc"]:
        out.append({"path": CORPUS / doc["path"], "content": doc["content"], "req": doc.get("req", 0),
                    "set": "corpus"})
    for doc in tomllib.loads((DATA / "real.toml").read_text(encoding="utf-8"))["doc"]:
        out.append({"path": ROOT / doc["path"], "content": doc["content"], "req": doc.get("req", 0),
                    "also": doc.get("also", []), "set": "real", "half": doc["half"]})
    for name in ("real2", "real3", "real4", "real5", "real6", "real7", "real8", "real9", "real10", "real11"):
        for doc in tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))["doc"]:
            out.append({"path": ROOT / doc["path"], "content": doc["content"], "req": doc.get("req", 0),
                        "also": doc.get("also", []), "set": name})
    return out


def accepted(d: dict[str, Any]) -> dict[str, int | None]:
    """Right answers: 测评内容 → requirement no (None: any requirement of it)."""
    out: dict[str, int | None] = {d["content"]: d["req"]} if d["content"] else {}
    for alt in d.get("also", []):
        code, _, req = alt.partition("#")
        out.setdefault(code, int(req) if req else None)
    return out


def run(quick: bool) -> dict[str, Any]:
    from dangan.archive.catalog import Catalog
    from dangan.archive.evidence import _clean
    from dangan.intake.batch import ingest_paths
    from dangan.read.understand.evidence import ATTACH, matcher_for
    from dangan.read.understand.taxonomy import load_edition
    from dangan.workspace import init_workspace

    home = WORK / "items"
    shutil.rmtree(home, ignore_errors=True)
    ws = init_workspace(home / "ws")
    docs = labelled(home / "texts", quick)
    report = ingest_paths(ws, [d["path"] for d in docs], ocr=False).to_dict()
    ids = {str(Path(r["path"])): r["id"] for r in report["documents"]}
    taxonomy = load_edition("national-2015")
    item_of = {c.code: c.item for c in taxonomy.contents()}
    matcher = matcher_for(taxonomy)
    rows, timings = [], []
    with Catalog(ws.catalog_path) as catalog:
        for d in docs:
            doc = catalog.get(ids[str(d["path"])])
            start = time.perf_counter()
            found = matcher.match(_clean(doc.text), _clean(doc.title or ""), doc.doc_type, doc.mime, top=3)
            timings.append(time.perf_counter() - start)
            top = [m.content for m in found]
            rows.append({"file": d["path"].name, "set": d["set"], "half": d.get("half"),
                         "expected": d["content"], "req": d["req"], "accept": accepted(d),
                         "title": doc.title, "chars": len(doc.text), "top3": top,
                         "top1_req": found[0].req if found else None,
                         "score": found[0].score if found else 0.0,
                         "confidence": found[0].confidence if found else 0.0,
                         "attached": bool(found and found[0].confidence >= ATTACH)})
    return summarise(rows, item_of, timings, ATTACH)


def summarise(rows: list[dict[str, Any]], item_of: dict[str, str], timings: list[float],
              attach: float) -> dict[str, Any]:
    per_item: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_item_real: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_set: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        sets = [by_set[r["set"]]] + ([by_set[f"real_{r['half']}"]] if r.get("half") else [])
        if not r["expected"]:
            for bucket in sets:
                bucket["negatives"] += 1
                bucket["false_attachments"] += r["attached"]
            continue
        accept = r["accept"]
        first = r["top3"][0] if r["top3"] else None
        hit1 = first in accept
        r["hit1"] = hit1
        buckets = [per_item[item_of[r["expected"]]], per_item["全部"], *sets]
        if r["set"] == "real":
            buckets.append(per_item_real[item_of[r["expected"]]])
        for bucket in buckets:
            bucket["n"] += 1
            bucket["top1"] += hit1
            bucket["top1_first_label"] += first == r["expected"]
            bucket["top3"] += any(c in accept for c in r["top3"])
            bucket["req_top1"] += hit1 and accept[first] in (None, r["top1_req"])
            bucket["attached_right"] += hit1 and r["attached"]
            bucket["attached_wrong"] += not hit1 and r["attached"]
    negatives = [r for r in rows if not r["expected"]]

    def rates(b: dict[str, int]) -> dict[str, Any]:
        n = b["n"] or 1
        out = {"n": b["n"], "top1": round(b["top1"] / n, 3), "top1_first_label": round(b["top1_first_label"] / n, 3),
               "top3": round(b["top3"] / n, 3),
               "requirement_top1": round(b["req_top1"] / n, 3), "attached_right": round(b["attached_right"] / n, 3),
               "attached_wrong": b["attached_wrong"]}
        if "negatives" in b:
            out |= {"negatives": b["negatives"], "false_attachments": b["false_attachments"]}
        return out

    order = sorted((k for k in per_item if k != "全部"), key=lambda k: int(k.split("-")[1]))
    return {
        "taxonomy": "national-2015", "attach_threshold": attach,
        "labelled": sum(1 for r in rows if r["expected"]), "negatives": len(negatives),
        "overall": rates(per_item["全部"]), "by_set": {k: rates(v) for k, v in by_set.items()},
        "per_item": {k: rates(per_item[k]) for k in order},
        "per_item_real": {k: rates(per_item_real[k]) for k in order if k in per_item_real},
        "false_attachments": sum(r["attached"] for r in negatives),
        "match_ms": {"median": round(sorted(timings)[len(timings) // 2] * 1000, 1),
                     "max": round(max(timings) * 1000, 1)},
        "misses": [r for r in rows if r["expected"] and not r["hit1"]],
        "negative_rows": negatives,
        "rows": [{k: r.get(k) for k in ("file", "set", "half", "expected", "top3", "top1_req", "score", "confidence",
                                        "attached", "hit1")} for r in rows],
    }


# What each later real set's first run was measured against (bench README, `bench_items.py`).
FIRST_RUN_NOTES = {
    "real2": "the second real set's figures on its first run"
             " (matcher after two rounds of fixes)",
    "real3": "the third real set's figures on its first run"
             " (matcher after three rounds of fixes)",
    "real4": "the fourth real set's figures on its first run"
             " (matcher after three rounds of fixes, before any change made after real3's misses were read)",
    "real5": "the fifth real set's figures on its first run"
             " (matcher after round 4, before any change made after real5 was labelled)",
    "real6": "the sixth real set's figures on its first run"
             " (matcher after round 5, before any change made after real6 was labelled)",
    "real7": "the seventh real set's figures on its first run"
             " (matcher after round 6, before any change made after real7 was labelled)",
    "real8": "the eighth real set's figures on its first run"
             " (matcher after round 6, VERSION 13, before any change made after real8 was labelled)",
    "real9": "the ninth real set's figures on its first run"
             " (matcher after round 7, VERSION 14, before any change made after real9 was labelled)",
    "real10": "the tenth real set's figures on its first run"
              " (matcher after round 7, VERSION 14, before any change made after real10 was labelled)",
    "real11": "the eleventh real set's figures on its first run"
              " (matcher after round 8, VERSION 15, before any change made after real11 was labelled)",
}


def main(quick: bool = False) -> dict[str, Any]:
    figures = run(quick)
    rows = [(k, v["n"], v["top1"], v["top3"], v["requirement_top1"], v["attached_right"])
            for k, v in {**figures["per_item"], "全部": figures["overall"]}.items()]
    print(table(rows, ("测评项目", "n", "top1", "top3", "req_top1", "attached")))
    print(f"negatives: {figures['false_attachments']}/{figures['negatives']} attached; "
          f"by set: {figures['by_set']}")
    previous = RESULTS / "items.json"
    if not quick:
        old = json.loads(previous.read_text(encoding="utf-8")) if previous.exists() else {}
        figures["real_first_run"] = old.get("real_first_run") or {
            "note": "the real set's figures on the first run, before any matcher change it led to",
            "by_set": {k: v for k, v in figures["by_set"].items() if k.startswith("real")},
            "per_item_real": figures["per_item_real"]}
        # each later set's first run, kept as recorded: the matcher as it stood before its labels were read
        for name, note in FIRST_RUN_NOTES.items():
            figures[f"{name}_first_run"] = old.get(f"{name}_first_run") or {
                "note": note, "by_set": {name: figures["by_set"][name]}}
    path = write("items_quick" if quick else "items", figures)
    print(f"wrote {path}")
    return figures


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
