"""From Whoosh's matches to dangan ids: an exhaustive top-N collector and the id column."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh.collectors import TopCollector


class EveryMatch(TopCollector):
    """Whoosh's top-N collector made exhaustive: no matcher replaced, no block skipped (both
    drop documents that cannot reach the page, and its count with them: 326 of 329), and
    every matching document number recorded."""

    def __init__(self, limit: int):
        super().__init__(limit=limit, usequality=False, replace=0)
        self.docnums: list[int] = []

    def _collect(self, global_docnum: int, score: float) -> Any:
        self.docnums.append(global_docnum)
        return super()._collect(global_docnum, score)


class TornRead(OSError):
    """A document number with no id: the searcher read a segment that a concurrent commit was
    replacing (seen once, under load, while a watcher committed). whoosh_backend's `_retry_read`
    reopens the index and tries again."""


def id_column(searcher: Any) -> Callable[[int], int]:
    """Document number → dangan id, from the id column (no stored fields unpickled)."""
    reader = searcher.reader()
    if reader.has_column("id"):
        column = reader.column_reader("id")

        def lookup(docnum: int) -> int:
            value = int(column[docnum])
            if value >= 2**63:   # the column's default for a missing value (2**64 - 1): no such document
                raise TornRead(f"no id for document number {docnum}")
            return value
        return lookup
    return lambda docnum: int(searcher.stored_fields(docnum)["id"])
