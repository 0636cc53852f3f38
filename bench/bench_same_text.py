"""同文异版 in Traditional script and in lossy encodings: what each way of matching joins.

Every corpus file (all formats, no OCR) and every page of the element bench (tests/data/elements/docs) is
read as ingest reads it; files of one text key (a GB18030 copy, a .csv record of a .txt) count once.
Two questions:

1. A Traditional copy (OpenCC s2t, s2tw, s2hk; s2twp, which also rewrites words as Taiwan writes them)
   of each document, as it is and saved as Big5 with errors='replace' ('?' for what Big5 lacks) or
   errors='ignore' (dropped), read back from Big5: which copies does each method join to their
   original?
2. Which pairs of *different* documents does each method join? Documents of one template (a series
   of 通报, two years' budget reports, the 决议 of successive sessions) are near-same and must never be.

Methods: `exact` (the text key, text.fingerprint.text_key), `big5` (text.fingerprint.big5_key: the
letters and digits of both texts without the characters a Big5 copy can lose, equal; ingest also asks
that one of the two be all Big5, which this does not, so its figures are an upper bound), `near` (the
OCR rule of intake/ocr_same_text.nearly_same: lengths within 3%, the same counted numbers, Dice of
character pairs >= 0.97). Also the text key's cost per document, with and without one-script folding,
and the Big5 key's. Writes bench/results/same_text.json.

    PYTHONPATH=$PWD .venv/bin/python -m bench.bench_same_text
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import time
import unicodedata
from collections import Counter
from typing import Any

from bench.common import CORPUS, ROOT, table, write

DOCS = ROOT / "tests" / "data" / "elements" / "docs"
COPIES = ("s2t", "s2tw", "s2hk", "s2twp")
SAVED = ("utf-8", "big5-replace", "big5-ignore")


Shape = tuple[int, Counter[str]]


def shape(text: str) -> Shape:
    from dangan.text.fingerprint import counted_numbers, reading_chars

    return len(reading_chars(text)), counted_numbers(text)


def near(a: str, b: str, shape_a: Shape, shape_b: Shape) -> bool:
    """intake/ocr_same_text.nearly_same's test of two texts (their shapes computed once)."""
    from dangan.text.fingerprint import NEAR_SAME, likeness

    (x, numbers_a), (y, numbers_b) = shape_a, shape_b
    if abs(x - y) > 0.03 * max(x, y) or numbers_a != numbers_b:
        return False
    return likeness(a, b) >= NEAR_SAME


@functools.cache
def _converter(name: str) -> Any:
    import opencc

    return opencc.OpenCC(name)


def copy_of(text: str, conversion: str, saved: str) -> str:
    converted = _converter(conversion).convert(text)
    if saved == "utf-8":
        return converted
    return converted.encode("big5", errors=saved.split("-")[1]).decode("big5")


def old_key(text: str) -> str | None:
    """The text key before one-script folding (for its cost)."""
    import re

    from dangan.text.fingerprint import MIN_CHARS, without_page_numbers

    chars = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", without_page_numbers(text)))
    return hashlib.sha256(chars.encode("utf-8")).hexdigest() if len(chars) >= MIN_CHARS else None


def documents() -> dict[str, str]:
    """Every file's text as ingest extracts it (no OCR), by its path under the corpus or the element bench."""
    from dangan.errors import DanganError
    from dangan.read.extract.base import Limits
    from dangan.read.extract.detect import detect_mime
    from dangan.read.extract.registry import extractor_for

    texts = {}
    for root in (CORPUS, DOCS):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name not in ("MANIFEST.tsv", "README.md")):
            try:
                texts[str(path.relative_to(root.parent))] = extractor_for(detect_mime(path)).extract(path, Limits()).text
            except (DanganError, OSError, ValueError):
                continue   # an unsupported or broken file (the corpus's corrupt PDF): no text to compare
    return texts


def main() -> None:
    from dangan.text.fingerprint import big5_key, likeness, text_key

    started = time.perf_counter()
    extracted = documents()
    seconds = time.perf_counter() - started
    by_key: dict[str, list[str]] = {}
    for name, text in extracted.items():
        if (key := text_key(text)) is not None:
            by_key.setdefault(key, []).append(name)
    same = [names for names in by_key.values() if len(names) > 1]
    print(f"{len(extracted)} files read in {seconds:.0f} s; {len(by_key)} texts with a key; of one text key:")
    for names in same:
        print("   " + "  =  ".join(names))
    texts = {i: extracted[names[0]] for i, names in enumerate(by_key.values())}   # one of each text
    names = {i: names[0] for i, names in enumerate(by_key.values())}
    costs = {}
    for name, fn in (("old", old_key), ("new", text_key), ("big5", big5_key)):
        started = time.perf_counter()
        for text in texts.values():
            fn(text)
        costs[name] = (time.perf_counter() - started) / len(texts) * 1000
    keys = {"exact": {i: text_key(t) for i, t in texts.items()}, "big5": {i: big5_key(t) for i, t in texts.items()}}

    shapes = {i: shape(t) for i, t in texts.items()}
    wrong: dict[str, list[tuple[str, str]]] = {"big5": [], "near": []}
    closest: list[tuple[float, str, str, bool]] = []   # how alike different documents of one length are
    for a, b in itertools.combinations(sorted(texts), 2):
        if keys["big5"][a] and keys["big5"][a] == keys["big5"][b]:
            wrong["big5"].append((names[a], names[b]))
        (x, numbers_a), (y, numbers_b) = shapes[a], shapes[b]
        if abs(x - y) <= 0.03 * max(x, y) and min(x, y) >= 200:
            closest.append((likeness(texts[a], texts[b]), names[a], names[b], numbers_a == numbers_b))
        if near(texts[a], texts[b], shapes[a], shapes[b]):
            wrong["near"].append((names[a], names[b]))

    joined: Counter[tuple[str, str, str]] = Counter()
    astray: Counter[str] = Counter()
    chinese = {i: t for i, t in texts.items() if sum("\u4e00" <= c <= "\u9fff" for c in t) > 0.3 * len(t)}
    for doc_id, text in chinese.items():
        for conversion, saved in itertools.product(COPIES, SAVED):
            copy = copy_of(text, conversion, saved)
            for method in ("exact", "big5"):
                key = text_key(copy) if method == "exact" else big5_key(copy)
                hits = {i for i, k in keys[method].items() if k and k == key}
                joined[(method, conversion, saved)] += doc_id in hits
                astray[method] += len(hits - {doc_id})
            copy_shape = shape(copy)
            hits = {i for i, other in texts.items() if near(copy, other, copy_shape, shapes[i])}
            joined[("near", conversion, saved)] += doc_id in hits
            astray["near"] += len(hits - {doc_id})

    rows_out = [(f"{c} {s}", len(chinese), *(joined[(m, c, s)] for m in ("exact", "big5", "near")))
                for c, s in itertools.product(COPIES, SAVED)]
    print(table(rows_out, ("copy", "documents", "exact", "big5", "near")))
    for method, pairs in wrong.items():
        print(f"{method}: {len(pairs)} pairs of different documents joined")
        for a, b in pairs:
            print(f"   {a}  ~  {b}")
    print(f"copies joined to another document: {dict(astray)}")
    closest.sort(reverse=True)
    print("the most alike different documents (lengths within 3%; Dice of character pairs; counted numbers):")
    for score, a, b, numbers in closest[:10]:
        print(f"   {score:.3f} {'same' if numbers else 'other'} numbers  {a}  ~  {b}")
    print(f"text key per document: {costs['old']:.2f} ms before one-script folding, {costs['new']:.2f} ms after, "
          f"Big5 key {costs['big5']:.2f} ms")
    write("same_text", {"documents": len(texts), "chinese_documents": len(chinese),
                        "copies_joined": {f"{m} {c} {s}": joined[(m, c, s)]
                                          for m, c, s in itertools.product(("exact", "big5", "near"), COPIES, SAVED)},
                        "different_documents_joined": {m: [list(p) for p in pairs] for m, pairs in wrong.items()},
                        "of_one_text_key": same,
                        "copies_joined_to_another": dict(astray),
                        "most_alike_different_documents": [[round(d, 3), a, b, n] for d, a, b, n in closest[:10]],
                        "text_key_ms": {k: round(v, 2) for k, v in costs.items()},
                        "files": len(extracted)})


if __name__ == "__main__":
    main()
