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
  cover terms; how many starts remain is the span's frequency, scored as BM25F scores a
  term, with the summed idf of the span's bigrams (as Whoosh's and Tantivy's phrases).

Positions are read per segment (a segment's own document numbers); a matcher asked of
the whole index offsets them.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.system import _INT_SIZE

K1, B = 1.2, 0.75


def cover(grams: Sequence[str]) -> list[tuple[int, str]]:
    """(offset, bigram) pairs whose positions fix every unit of the span."""
    offsets = list(range(0, len(grams), 2))
    if offsets[-1] != len(grams) - 1:
        offsets.append(len(grams) - 1)
    return [(i, grams[i]) for i in offsets]


def span_hits(reader: Any, field: str, grams: Sequence[str],
              doc_freq: Callable[[str], int] | None = None) -> dict[int, int]:
    """Document number → how often the span occurs, in this reader (one segment).

    Candidates are the documents holding *every* bigram of the span, rarest first: a span
    of frequent words ("创建文明城市") has rare bigrams across its word boundaries (建文,
    明城), so few documents remain before any position is read. Once the candidates are
    far fewer than a bigram's documents, that bigram is left to the position pass (only
    the cover's bigrams are read there: they decide the span alone). `doc_freq`: the
    segment's bigram counts for the field, if the caller has a cheaper lookup than Whoosh's.
    """
    doc_freq = doc_freq or (lambda g: reader.doc_frequency(field, g))
    pairs = cover(grams)
    freq: dict[str, int] = {}
    for g in grams:
        if g not in freq:
            freq[g] = doc_freq(g)
            if not freq[g]:   # (a title segment lacks most bigrams: no more lookups)
                return {}
    candidates: set[int] | None = None
    for g in sorted(freq, key=freq.__getitem__):
        if candidates is not None and len(candidates) * SPARSE < freq[g]:
            break
        ids: set[int] = set()
        for block_ids, _ in _blocks(reader, field, g):
            ids.update(block_ids)
        candidates = ids if candidates is None else candidates & ids
        if not candidates:
            return {}
    assert candidates is not None
    deleted = getattr(reader, "deleted_docs_set", None)
    wanted = sorted(candidates - deleted if deleted else candidates)
    starts: dict[int, set[int]] = {}
    for offset, g in sorted(pairs, key=lambda p: freq[p[1]]):
        if not wanted:
            return {}
        starts = _starts(_blocks(reader, field, g, wanted), wanted, -offset, starts)
        wanted = sorted(starts)
    return {doc: len(s) for doc, s in starts.items()}


SPARSE = 16   # candidates × SPARSE < a bigram's documents: check that bigram per candidate


def _starts(blocks: Iterator[tuple[Sequence[int], Sequence[bytes]]], wanted: list[int], shift: int,
            before: dict[int, set[int]]) -> dict[int, set[int]]:
    """For each wanted document in these postings: its span starts (positions + shift),
    intersected with those found before (the first bigram read has none before)."""
    out: dict[int, set[int]] = {}
    j = 0
    for ids, values in blocks:
        lo = bisect_left(wanted, ids[0], j)
        hi = bisect_right(wanted, ids[-1], lo)
        j = hi
        if lo == hi:
            continue
        at = {doc: i for i, doc in enumerate(ids)} if hi - lo > 8 else None
        for doc in wanted[lo:hi]:
            if at is not None:
                i = at.get(doc)
            else:
                i = bisect_left(ids, doc)
                i = i if i < len(ids) and ids[i] == doc else None
            if i is None:
                continue
            here = set(map(shift.__add__, _positions(values[i])))
            if before:
                here &= before[doc]
            if here:
                out[doc] = here
        if j >= len(wanted):
            break
    return out


def _positions(value: bytes) -> Iterator[int]:
    """Whoosh's Positions value (a count, then pickled deltas) decoded at C speed."""
    body = value[_INT_SIZE:]
    return accumulate(loads(body if body.endswith(b".") else body + b"."))


def _blocks(reader: Any, field: str, g: str,
            wanted: Sequence[int] | None = None) -> Iterator[tuple[Sequence[int], Sequence[bytes]]]:
    """The term's postings block by block: (document numbers, values), deleted documents
    included (the caller drops them). With `wanted` (sorted), blocks that end before the
    next wanted document are skipped unread. Whoosh's per-posting matcher calls cost more
    than the work here; its block reader is used directly, anything else posting by posting."""
    matcher = reader.postings(field, g)
    leaf = getattr(matcher, "child", matcher)   # FilterMatcher (deletions) wraps the leaf
    if not isinstance(leaf, W3LeafMatcher):
        ids, values = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            values.append(matcher.value())
            matcher.next()
        if ids:
            yield ids, values
        return
    j = 0
    while leaf.is_active():
        if wanted is not None:
            if j >= len(wanted):
                return
            if leaf.block_max_id() < wanted[j]:   # nothing wanted in this block: not read
                if leaf._lastblock:
                    return
                leaf._next_block()
                continue
        if leaf._ids is None:   # whoosh decodes the ids' deltas in a Python generator
            if leaf._data is None:
                leaf._read_data()
            ids = leaf._data[0]
            leaf._ids = ids if leaf._byteids else tuple(accumulate(ids))
        if leaf._values is None:
            leaf._read_values()
        yield leaf._ids, leaf._values
        if wanted is not None:
            j = bisect_right(wanted, leaf._ids[-1], j)
        if leaf._lastblock:
            return
        leaf._next_block()


class _Hits(ListMatcher):
    """The span's documents with their scores, never pruned by quality. (Whoosh's top-N
    collector, given the best of these scores, dropped documents that belonged on the
    page: 生态环境保护's best was 19.6 instead of 21.6. The total is counted apart.)"""

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
        self.cache: dict[Any, dict[int, int]] | None = None   # spans found, by segment (the backend's)
        self.counts: Callable[[Any, str], Callable[[str], int] | None] | None = None   # (segment, field) → its
        #                                                  bigram counts, cheaper than Whoosh's (the backend's)

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
        out = UnitSpan(self.fieldname, self.grams, self.boost)
        out.cache = self.cache
        out.counts = self.counts
        return out

    def hits(self, reader: Any) -> dict[int, int]:
        """Document number → the span's frequency, in this reader (one segment), kept in the
        backend's cache when it gave one."""
        counts = self.counts(reader, self.fieldname) if self.counts is not None else None
        if self.cache is None:
            return span_hits(reader, self.fieldname, self.grams, counts)
        segment = reader.segment()
        key = (segment.segment_id() if segment is not None else id(reader),
               len(getattr(reader, "deleted_docs_set", ())), self.fieldname, self.grams)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = span_hits(reader, self.fieldname, self.grams, counts)
        return found

    def _terms(self, phrases: bool = True) -> Any:
        for g in self.grams:
            yield self.fieldname, g

    def estimate_size(self, ixreader: Any) -> int:
        """An upper bound, for Whoosh's ordering of sub-queries: one lookup, not one a bigram."""
        return int(ixreader.doc_frequency(self.fieldname, self.grams[-1])) if self.grams else 0

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """Whoosh asks each segment's searcher (local numbers), but `Results.__len__` and
        `Query.docs` ask the top one: its segments are walked here, numbers offset.

        Scored as Whoosh's BM25F scores a term, with the statistics of the whole index (the
        parent searcher's, as Whoosh's own scorer takes them: a segment's would rank the same
        span differently in each segment), and as a phrase is weighted by Whoosh and Tantivy:
        the idf is the sum of its bigrams' idf. A span's own document frequency made a bare
        query found whole in one long document rank below documents that only hold its words
        many times over."""
        leaves = [(searcher, 0)] if searcher.is_atomic() else searcher.leaf_searchers()
        found: list[tuple[int, int, int]] = []   # (document number, frequency, field length)
        for leaf, offset in leaves:
            reader = leaf.reader()
            if self.fieldname not in reader.schema:
                continue
            for doc, tf in self.hits(reader).items():
                found.append((doc + offset, tf, reader.doc_field_length(doc, self.fieldname, 1)))
        if not found:
            return NullMatcher()
        found.sort()
        whole = searcher.get_parent()
        idf = sum(whole.idf(self.fieldname, g) for g in self.grams)
        mean = whole.avg_field_length(self.fieldname) or 1.0
        weights = [self.boost * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / mean))
                   for _, tf, length in found]
        return _Hits([doc for doc, _, _ in found], weights=weights)
