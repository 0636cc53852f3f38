"""Known-item search over every new format: a phrase cut from the source finds the file.

The same method as `shared/tools/known_item_eval.py`: 6-8 characters cut
anywhere in a line of the source text, unique to that source, searched in
quotes as written and in the other script (Simplified <-> Traditional); the
file (or archive member) must be among the first three results.
"""
from __future__ import annotations

import random
import re

import opencc
import pytest

from dangan.index.search import search

T2S, S2T = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
SPAN = re.compile(r"[\u4e00-\u9fff]{14,}")


def phrases(sources: dict[str, str], per_file: int, seed: int = 7) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    flat = {name: T2S.convert(re.sub(r"\s+", "", text)) for name, text in sources.items()}
    out = []
    for name, text in sources.items():
        spans = [m.group() for line in text.splitlines() for m in SPAN.finditer(line)]
        rng.shuffle(spans)
        got = 0
        for span in spans:
            n = rng.choice((6, 7, 8))
            start = rng.randrange(0, len(span) - n)
            cut = span[start:start + n]
            simple = T2S.convert(cut)
            if sum(simple in t for t in flat.values()) != 1:
                continue
            other = simple if simple != cut else S2T.convert(cut)
            out += [(name, "phrase", f'"{cut}"'), (name, "cross-script", f'"{other}"')]
            got += 1
            if got == per_file:
                break
    return out


@pytest.mark.slow
def test_known_item_recall_at_3_over_all_formats(format_files, format_ws):
    folder, made = format_files
    workspace, report = format_ws      # the whole folder, ingested once per run
    assert report["failed"] == []
    sources = {str(folder / name): text for name, text in made.items()}   # keyed as search shows paths
    queries = phrases(sources, per_file=3)
    hits, misses = 0, []
    for expected, kind, query in queries:
        paths = [h.path for h in search(workspace, query, limit=3).hits]
        if expected in paths:
            hits += 1
        else:
            misses.append((kind, query, expected.rsplit("/", 1)[-1], paths))
    recall = hits / len(queries)
    print(f"recall@3 {recall:.3f} ({hits}/{len(queries)}) over {len(made)} files")
    assert recall >= 0.98, misses[:10]
