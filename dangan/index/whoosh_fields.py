"""Whoosh field types that index our units directly, without Whoosh's token stream.

Whoosh analyses a value by yielding one `Token` object per token through the
analyzer, the format and a stop-word filter; for unit bigrams that is most of
the cost of adding a document (0.25 s of 0.35 s for the corpus PDFs). These
fields compute the same (term, frequency, weight, encoded value) rows in one
pass over the units: the postings are byte for byte what the token stream gave
(tests/test_whoosh_write.py compares them), so indexes written either way are
the same and queries are unchanged. The analyzers stay: Whoosh's query side
uses them.
"""
from __future__ import annotations

from collections.abc import Iterator
from pickle import dumps
from typing import Any

from whoosh import fields
from whoosh.system import pack_uint

from dangan.index.analyzer import grams_of, units

Posting = tuple[bytes, int, float, bytes]


class GramText(fields.TEXT):
    """Unit bigrams at consecutive positions (format Positions): phrase queries over them."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[Posting]:
        if not isinstance(value, str):   # a pre-split sequence: Whoosh's own path
            yield from super().index(value, **kwargs)
            return
        positions: dict[str, list[int]] = {}
        for pos, gram in enumerate(grams_of(units(value))):
            seen = positions.get(gram)
            if seen is None:
                positions[gram] = [pos]
            else:
                seen.append(pos)
        boost = self.format.field_boost
        for gram, poslist in positions.items():
            deltas, base = [], 0
            for pos in poslist:
                deltas.append(pos - base)
                base = pos
            yield (gram.encode("utf-8"), len(poslist), float(len(poslist)) * boost,
                   pack_uint(len(deltas)) + dumps(deltas, 2))


class UnitText(fields.TEXT):
    """Every unit on its own, counted (format Frequency): one-unit queries."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[Posting]:
        if not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        counts: dict[str, int] = {}
        for unit in units(value):
            counts[unit] = counts.get(unit, 0) + 1
        boost = self.format.field_boost
        for unit, freq in counts.items():
            yield unit.encode("utf-8"), freq, float(freq) * boost, pack_uint(freq)
