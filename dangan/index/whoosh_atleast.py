"""At least k of n sub-queries (a minimum-should-match), which Whoosh's `Or(minmatch=…)` only declares.

The documents of each sub-query are read unscored (the ids alone) and counted; the union of the
sub-queries, scored as Whoosh's Or scores it (the sum of the parts found), is kept to the documents
found by k of them or more. Used only by the looser pass (loose.py), after a strict query found nothing.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from whoosh import query as wq
from whoosh.matching import FilterMatcher, NullMatcher


class AtLeast(wq.CompoundQuery):
    JOINT = " ATLEAST "

    def __init__(self, subqueries: Sequence[wq.Query], at_least: int, boost: float = 1.0):
        super().__init__(list(subqueries), boost=boost)
        self.at_least = at_least

    def __repr__(self) -> str:
        return f"AtLeast({self.subqueries!r}, {self.at_least})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AtLeast) and super().__eq__(other) and self.at_least == other.at_least

    def __hash__(self) -> int:
        return hash((tuple(self.subqueries), self.at_least, self.boost))

    def copy(self) -> AtLeast:
        return AtLeast([q.copy() for q in self.subqueries], self.at_least, self.boost)

    def apply(self, fn: Callable[[wq.Query], wq.Query]) -> AtLeast:
        return AtLeast([fn(q) for q in self.subqueries], self.at_least, self.boost)

    def normalize(self) -> AtLeast:
        return AtLeast([q.normalize() for q in self.subqueries], self.at_least, self.boost)

    def requires(self) -> set[Any]:
        return set()

    def estimate_size(self, ixreader: Any) -> int:
        return int(sum(q.estimate_size(ixreader) for q in self.subqueries))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        counts: Counter[int] = Counter()
        for q in self.subqueries:
            counts.update(set(q.matcher(searcher, searcher.boolean_context()).all_ids()))
        wanted = {doc for doc, n in counts.items() if n >= self.at_least}
        if not wanted:
            return NullMatcher()
        union = wq.Or(self.subqueries, boost=self.boost).matcher(searcher, context)
        return FilterMatcher(union, wanted)
