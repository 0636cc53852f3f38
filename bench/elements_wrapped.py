"""The `web_wrapped` form of bench_elements_formats: written documents set inside real web pages' furniture.

Every written document (the formats bench's short families) is wrapped in the lines around the document of
every labelled web page (bench/web_furniture.py, bench/data/web_furniture.json) and read as a page; each
furniture family is scored with every rule on and with the rules only it motivated switched off. Also the
reading and scoring helpers the formats bench shares with it.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.bench_elements import FIELDS, load_extracted, source_path
from bench.bench_elements import score as score_labels


def facts(extracted: Any, name: str, read_facts: Callable[..., Any]) -> dict[str, str]:
    if not extracted.text.strip():
        return dict.fromkeys(FIELDS, "")
    meta, _ = read_facts(extracted, name)
    values = meta.values()
    return {f: values.get(f) or "" for f in FIELDS}


def score(rows: list[tuple[dict, dict[str, str]]]) -> dict[str, Any]:
    """bench_elements' scoring (an empty answer where the label has a value is wrong; "?" unscored)."""
    return score_labels([lab for lab, _ in rows], dict(enumerate(got for _, got in rows)))


def web_wrapped(docs: list[dict], labels: list[dict]) -> dict[str, Any]:
    """Every written document wrapped in the furniture of every saved web page (bench/data/web_furniture.json,
    bench/web_furniture.py), scored per furniture family: with every rule on (the rules credited to that family
    were tuned on its pages), and with the rules only that family motivated switched off (rules.only_from, as
    bench_elements leaves a family out): the figure for furniture never seen."""
    from bench.web_furniture import OUT, wrap
    from dangan.model import Extracted, Page
    from dangan.read.understand import rules
    from dangan.read.understand.metadata import read_facts

    pages = json.loads(OUT.read_text(encoding="utf-8"))["blocks"]
    by_source = {lab["source"]: lab for lab in labels}
    written = [(lab, load_extracted(lab["source"], {})) for lab in docs if not lab["source"].endswith(".docx")]
    per_family: dict[str, Any] = {}
    for family in sorted({p["family"] for p in pages}):
        off = rules.only_from(family)
        on: list[tuple[dict, dict[str, str], str]] = []
        held: list[tuple[dict, dict[str, str], str]] = []
        mine = [p for p in pages if p["family"] == family]
        for page in mine:
            for lab, extracted in written:
                text = wrap(page, by_source[page["source"]], lab, extracted.text)
                wrapped = Extracted(pages=(Page(1, text),), extractor=extracted.extractor)
                name = source_path(lab["source"]).name
                on.append((lab, facts(wrapped, name, read_facts), page["source"]))
                with rules.disabled(off):
                    held.append((lab, facts(wrapped, name, read_facts), page["source"]))
        with rules.disabled(off):
            base = score([(lab, facts(e, source_path(lab["source"]).name, read_facts)) for lab, e in written])
        got_on, got_held = score([r[:2] for r in on]), score([r[:2] for r in held])
        per_family[family] = {
            "pages": len(mine), "documents": len(on), "rules_of_family": sorted(off),
            "accuracy": got_on["accuracy"], "held_out": got_held["accuracy"],
            "originals_held_out": base["accuracy"],
            "right": got_on["right"], "right_held_out": got_held["right"], "scored": got_on["scored"],
            "misses": _misses(on)}
        if (held_misses := _misses(held)) != per_family[family]["misses"]:   # most families: the same list
            per_family[family]["misses_held_out"] = held_misses
    return per_family


def _misses(rows: list[tuple[dict, dict[str, str], str]]) -> list[dict[str, str]]:
    """Each wrong value with the document and the page whose furniture it was wrapped in."""
    out = []
    for lab, got, page in rows:
        for miss in score([(lab, got)])["misses"]:
            out.append({**miss, "page": page})
    return out


def print_web_wrapped(wrapped: dict[str, Any], written: int, verbose: bool) -> dict[str, Any]:
    """Print the web_wrapped table (every rule on / the furniture family's own rules off) and return its totals."""
    print(f"\nweb_wrapped: the {written} written documents in each saved "
          "page's furniture, per furniture family (every rule on / that family's own rules off)")
    total: dict[str, dict[str, int]] = {k: {f: 0 for f in FIELDS} for k in ("right", "right_held_out", "scored")}
    for family, r in wrapped.items():
        print(f"{family:28} {r['pages']:3} {r['documents']:5}  " + "  ".join(
            f"{r['accuracy'][f]:5.2f}/{r['held_out'][f]:<5.2f}" for f in FIELDS))
        for key in total:
            for f in FIELDS:
                total[key][f] += r[key].get(f, 0)
    overall = {"accuracy": {f: round(total["right"][f] / total["scored"][f], 4) for f in FIELDS},
               "held_out": {f: round(total["right_held_out"][f] / total["scored"][f], 4) for f in FIELDS},
               **total}
    print(f"{'ALL':28} {len(wrapped):3} {sum(r['documents'] for r in wrapped.values()):5}  " + "  ".join(
        f"{overall['accuracy'][f]:5.2f}/{overall['held_out'][f]:<5.2f}" for f in FIELDS))
    if verbose:
        for family, r in wrapped.items():
            for m in r.get("misses_held_out", r["misses"]):
                print(f"  {family:20} {m['field']:10} {Path(m['page']).name[:24]:24} {Path(m['source']).name[:20]:20} "
                      f"want {m['want'][:30]!r} got {m['got'][:30]!r}")
    return overall
