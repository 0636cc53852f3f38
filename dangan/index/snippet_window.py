"""Snippets of long texts: `make_snippet` on a window around the first hit.

`make_snippet` normalises the whole text with an offset map, character by
character (~1.5 ms per 3,000 characters; ten hits make most of a warm query's
time). The snippet only shows ~90 characters around the first occurrence of
the best needle, so: scan the raw text in chunks with the C-speed search text
(`search_text`, no offsets) until a chunk holds the needle, then run
`make_snippet` on a window around that chunk only. The window reaches far
enough on both sides that the snippet, its marks and its ellipses come out as
on the whole text; if the window's snippet marks nothing, the whole text is
used after all.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from dangan.index.grams import compact_fast
from dangan.index.snippets import OPEN, WIDTH, make_snippet, needle_pattern
from dangan.text.normalize import search_text

CHUNK = 500    # raw characters per scan step
SMALL = 1500   # texts up to this length go to make_snippet whole


def snippet(raw: str, needles: Sequence[str], width: int = WIDTH) -> str:
    needles = [n for n in needles if n]
    if len(raw) <= SMALL:
        return make_snippet(raw, needles, width)
    if not needles:
        return make_snippet(raw[:width + 400], (), width)   # the head, as make_snippet shows it
    overlap = 10 * max(map(len, needles)) + 40   # a span may be spread by line breaks, pinyin
    scanned: list[tuple[int, str]] = []
    for needle in needles:                       # longest first, as make_snippet leads
        pattern = needle_pattern(needle)
        for start, flat in _chunks(raw, overlap, scanned):
            if needle in flat and pattern.search(flat):
                out = _window(raw, needles, start, overlap, width)
                return out if OPEN in out else make_snippet(raw, needles, width)
    return make_snippet(raw[:width + 1000], needles, width)   # the head; its links hidden unless they hold a needle


def _chunks(raw: str, overlap: int, scanned: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(raw start, compact search text of the chunk and its overlap), computed once per text."""
    yield from list(scanned)
    start = scanned[-1][0] + CHUNK if scanned else 0
    while start < len(raw):
        item = (start, compact_fast(search_text(raw[start:start + CHUNK + overlap])))
        scanned.append(item)
        yield item
        start += CHUNK


def _window(raw: str, needles: Sequence[str], start: int, overlap: int, width: int) -> str:
    """The snippet from raw[a:b]: ≥ width + 40 characters before the chunk, ≥ 2 × width after."""
    a = max(0, start - width - 40)
    b = min(len(raw), start + CHUNK + overlap + 2 * width)
    out = make_snippet(raw[a:b], needles, width)
    if a > 0 and not out.startswith("…"):
        out = "…" + out
    if b < len(raw) and not out.endswith("…"):
        out += "…"
    return out
