"""Exact spans for Whoosh without its span machinery: position sets over a cover of bigrams.

A span of k+1 units is k bigrams at consecutive positions. Whoosh's `Phrase` walks
them with its generic span matchers (SpanNear, distance_to, …): at 10k documents a
common quoted span ("高质量发展") spent most of a search there. Here:

- only a *cover* of the bigrams is checked: those at offsets 0, 2, 4, … and the last.
  The bigram at position p is (unit p, unit p+1), so when the covering bigrams sit at
  their offsets every unit of the span is fixed, and the others follow;
- candidate documents are the intersection of the cover terms' document lists, rarest
  first (sets, C speed);
- a candidate is a hit when its start positions agree: {p − offset} intersected over the
  cover terms; how many starts remain is the span's frequency, scored BM25-like.

Positions are read per segment (a segment's own document numbers); a matcher asked of
the whole index offsets them.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

K1, B = 1.2, 0.75


def cover(grams: Sequence[str]) -> list[tuple[int, str]]:
    """(offset, bigram) pairs whose positions fix every unit of the span."""
    offsets = list(range(0, len(grams), 2))
    if offsets[-1] != len(grams) - 1:
        offsets.append(len(grams) - 1)
    return [(i, grams[i]) for i in offsets]


def span_hits(reader: Any, field: str, grams: Sequence[str]) -> dict[int, int]:
    """Document number → how often the span occurs, in this reader."""
    pairs = cover(grams)
    terms = {g for _, g in pairs}
    freq = {g: reader.doc_frequency(field, g) for g in terms}
    if not all(freq.values()):
        return {}
    candidates: set[int] | None = None
    for g in sorted(terms, key=freq.__getitem__):
        ids = set(reader.postings(field, g).all_ids())
        candidates = ids if candidates is None else candidates & ids
        if not candidates:
            return {}
    assert candidates is not None
    wanted = sorted(candidates)
    starts: dict[int, set[int]] = {}
    for offset, g in sorted(pairs, key=lambda p: freq[p[1]]):
        matcher = reader.postings(field, g)
        for doc in wanted:
            if doc in starts and not starts[doc]:
                continue
            matcher.skip_to(doc)
            if not matcher.is_active():
                break
            if matcher.id() != doc:
                continue
            here = {p - offset for p in matcher.value_as("positions")}
            starts[doc] = here if doc not in starts else starts[doc] & here
    return {doc: len(s) for doc, s in starts.items() if s}


class _Hits(ListMatcher):  # type: ignore[misc]
    """The span's documents with their scores. Never pruned by quality: Whoosh's collector
    drops a matcher whose best score cannot enter the top N and then counts without it,
    so an ordinary ListMatcher would make `total` short (106 instead of 125)."""

    def max_quality(self) -> float:
        return math.inf

    def block_quality(self) -> float:
        return math.inf

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else NullMatcher()

    def copy(self) -> _Hits:
        return _Hits(self._ids, self._weights, position=self._i)


class UnitSpan(wq.Query):
    """A quoted span over unit bigrams in one field, matched by `span_hits`."""

    def __init__(self, fieldname: str, grams: Sequence[str], boost: float = 1.0):
        self.fieldname = fieldname
        self.grams = tuple(grams)
        self.boost = boost

    def __repr__(self) -> str:
        return f"UnitSpan({self.fieldname!r}, {self.grams!r}, boost={self.boost})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, UnitSpan) and self.fieldname == other.fieldname
                and self.grams == other.grams and self.boost == other.boost)

    def __hash__(self) -> int:
        return hash((self.fieldname, self.grams, self.boost))

    def field(self) -> str:
        return self.fieldname

    def copy(self) -> UnitSpan:
        return UnitSpan(self.fieldname, self.grams, self.boost)

    def _terms(self, phrases: bool = True) -> Any:
        for g in self.grams:
            yield self.fieldname, g

    def estimate_size(self, ixreader: Any) -> int:
        return min((ixreader.doc_frequency(self.fieldname, g) for g in set(self.grams)), default=0)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """Whoosh asks each segment's searcher (local numbers), but `Results.__len__` and
        `Query.docs` ask the top one: its segments are walked here, numbers offset."""
        leaves = [(searcher, 0)] if searcher.is_atomic() else searcher.leaf_searchers()
        found: list[tuple[int, int, int]] = []   # (document number, frequency, field length)
        total = mean_sum = 0
        for leaf, offset in leaves:
            reader = leaf.reader()
            total += reader.doc_count()
            if self.fieldname not in reader.schema:
                continue
            mean_sum += reader.field_length(self.fieldname)
            for doc, tf in span_hits(reader, self.fieldname, self.grams).items():
                found.append((doc + offset, tf, reader.doc_field_length(doc, self.fieldname, 1)))
        if not found:
            return NullMatcher()
        found.sort()
        total = max(total, 1)
        idf = math.log(1 + (total - len(found) + 0.5) / (len(found) + 0.5))
        mean = max(mean_sum / total, 1.0)
        weights = [self.boost * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / mean))
                   for _, tf, length in found]
        return _Hits([doc for doc, _, _ in found], weights=weights)
