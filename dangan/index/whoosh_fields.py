"""The Whoosh schema, and field types that index our units without Whoosh's token stream.

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

import functools
from collections.abc import Iterator
from pickle import dumps
from typing import Any

from whoosh import fields
from whoosh.analysis import Token, Tokenizer
from whoosh.system import pack_uint

from dangan.index.analyzer import bigrams, grams_of, unigrams, units
from dangan.index.base import IndexDoc

Posting = tuple[bytes, int, float, bytes]


@functools.lru_cache(maxsize=2)
def _units(text: str) -> tuple[str, ...]:
    """A document's text is indexed twice (grams and chars): its units are found once."""
    return tuple(units(text))


class GramText(fields.TEXT):
    """Unit bigrams at consecutive positions (format Positions): phrase queries over them."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[Posting]:
        if not isinstance(value, str):   # a pre-split sequence: Whoosh's own path
            yield from super().index(value, **kwargs)
            return
        positions: dict[str, list[int]] = {}
        for pos, gram in enumerate(grams_of(_units(value))):
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
        for unit in _units(value):
            counts[unit] = counts.get(unit, 0) + 1
        boost = self.format.field_boost
        for unit, freq in counts.items():
            yield unit.encode("utf-8"), freq, float(freq) * boost, pack_uint(freq)


TITLE_BOOST = 2.0


class GramTokenizer(Tokenizer):
    """Bigrams at consecutive positions (the text is normalised before it arrives)."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, gram in bigrams(value):
            token.text, token.boost, token.stopped = gram, 1.0, False
            if positions:
                token.pos = start_pos + pos
            yield token


class UnitTokenizer(Tokenizer):
    """Single characters, without positions: only for one-character queries."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for char in unigrams(value):
            token.text, token.boost, token.stopped = char, 1.0, False
            yield token


def schema() -> fields.Schema:
    return fields.Schema(
        id=fields.NUMERIC(int, bits=64, stored=True, unique=True, signed=False, sortable=True),
        grams=GramText(analyzer=GramTokenizer(), phrase=True),
        chars=UnitText(analyzer=UnitTokenizer(), phrase=False),
        title=GramText(analyzer=GramTokenizer(), phrase=True, field_boost=TITLE_BOOST),
        name=GramText(analyzer=GramTokenizer(), phrase=True),   # the file name (spans of 2+ units)
        issuer_grams=GramText(analyzer=GramTokenizer(), phrase=True),   # the 发文机关 as search text
        doc_type=fields.ID(sortable=True),
        issuer=fields.ID(sortable=True),
        doc_number=fields.ID(),
        number_grams=GramText(analyzer=GramTokenizer(), phrase=True),   # 〔2023〕 anywhere in it
        doc_date=fields.ID(sortable=True),
        dated=fields.ID(),                       # "1" / "0": undated documents are findable
        year=fields.ID(sortable=True),
        items=fields.KEYWORD(commas=True),
    )


def document_fields(doc: IndexDoc) -> dict[str, Any]:
    """A document as Whoosh's `update_document` keywords."""
    return {
        "id": doc.id, "grams": doc.text, "chars": doc.text, "title": doc.title,
        "name": doc.name,
        "issuer_grams": doc.issuer_text, "doc_type": doc.doc_type, "issuer": doc.issuer,
        "doc_number": doc.doc_number, "number_grams": doc.number_text,
        "doc_date": doc.doc_date, "year": doc.year,
        "dated": "1" if doc.doc_date else "0",
        "items": ",".join(doc.items),
    }
