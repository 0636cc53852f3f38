"""Whoosh filters that read a column instead of expanding terms.

A date range as a `TermRange` over `doc_date` expands to every distinct date in it,
in every segment: `date:2022` opened ~600 posting lists at 10k documents (60 ms).
Whole years are the `year` field's terms; any other range reads the sortable
`doc_date` column of each segment once (~1 ms per 1,000 documents). Both score a
constant: a filter does not rank.
"""
from __future__ import annotations

import re
from array import array
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

FIELD = "doc_date"
_YEAR_START = re.compile(r"^(\d{4})-01-01$")
_YEAR_END = re.compile(r"^(\d{4})-12-31$")
MAX_YEARS = 50


def date_filter(date_from: str | None, date_to: str | None) -> wq.Query:
    """Documents dated within [date_from, date_to] (ISO, inclusive; either may be open)."""
    start = _YEAR_START.match(date_from or "")
    end = _YEAR_END.match(date_to or "")
    if start and end and 0 <= int(end[1]) - int(start[1]) < MAX_YEARS:
        years = [str(y) for y in range(int(start[1]), int(end[1]) + 1)]
        terms = [wq.Term("year", y) for y in years]
        return wq.ConstantScoreQuery(terms[0] if len(terms) == 1 else wq.Or(terms))
    return ColumnRange(FIELD, date_from or "", date_to or "\uffff")


class ColumnRange(wq.Query):
    """Documents whose column value lies in [low, high] (strings, inclusive)."""

    def __init__(self, fieldname: str, low: str, high: str, boost: float = 1.0):
        self.fieldname = fieldname
        self.low = low
        self.high = high
        self.boost = boost
        self.cache: dict[Any, Any] | None = None   # the backend's, per segment

    def __repr__(self) -> str:
        return f"ColumnRange({self.fieldname!r}, {self.low!r}, {self.high!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, ColumnRange) and (self.fieldname, self.low, self.high, self.boost)
                == (other.fieldname, other.low, other.high, other.boost))

    def __hash__(self) -> int:
        return hash((self.fieldname, self.low, self.high, self.boost))

    def field(self) -> str:
        return self.fieldname

    def copy(self) -> ColumnRange:
        out = ColumnRange(self.fieldname, self.low, self.high, self.boost)
        out.cache = self.cache
        return out

    def _terms(self, phrases: bool = True) -> Any:
        return iter(())

    def estimate_size(self, ixreader: Any) -> int:
        return int(ixreader.doc_count())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """Per segment (Whoosh asks each leaf); asked of the top searcher, segments offset."""
        leaves = [(searcher, 0)] if searcher.is_atomic() else searcher.leaf_searchers()
        found = array("I")
        for leaf, offset in leaves:
            found.extend(d + offset for d in self._docs(leaf.reader()))
        if not found:
            return NullMatcher()
        return ListMatcher(found, all_weights=self.boost)

    def _docs(self, reader: Any) -> list[int]:
        segment = reader.segment()
        deleted = getattr(reader, "deleted_docs_set", None) or frozenset()
        key = ("column", segment.segment_id() if segment is not None else id(reader), len(deleted),
               self.fieldname, self.low, self.high)
        if self.cache is not None and key in self.cache:
            return self.cache[key]
        docs: list[int] = []
        if reader.has_column(self.fieldname):
            low, high = self.low, self.high
            docs = [d for d, v in enumerate(reader.column_reader(self.fieldname))
                    if v and low <= v <= high and d not in deleted]
        if self.cache is not None:
            self.cache[key] = docs
        return docs
