"""The postings of a Whoosh segment being written, kept grouped by field and term.

Whoosh's own pool keeps one (field, term, document, weight, value) tuple a
posting and sorts them all at the commit (48,000 for the eleven corpus PDFs:
~0.03 s), then the codec groups them again by term (~0.04 s). Both run after
the batch's last file, when nothing else overlaps them. Here each posting goes
into its term's list as the document is added, so the commit sorts only the
distinct terms and the codec takes the lists as they are
(`FastW3FieldWriter.add_postings` knows `Grouped`). Postings stay in memory:
the backend commits before the pool passes `LIMIT` postings (Whoosh's pool
would spill runs to disk at its `limitmb`).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

LIMIT = 1_000_000   # postings (~100 MB) before the backend commits what it has
Postings = list[tuple[str, bytes, int, float, Any]]   # Whoosh's items as added: in docnum order


class Grouped:
    """A pool's postings: {field: {term: [(field, term, docnum, weight, value), ...]}}."""

    def __init__(self, fields: dict[str, dict[bytes, Postings]]):
        self.fields = fields

    def __iter__(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Whoosh's (field, term, docnum, weight, value) items in order, for any other reader."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for btext in sorted(terms):
                yield from terms[btext]


class GroupedPool:
    """Stands in for `whoosh.writing.PostingPool` in our segment writers (add, iter_postings, cleanup)."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, Postings]] = {}
        self.count = 0

    def add(self, item: tuple[str, bytes, int, float, Any]) -> None:
        terms = self.fields.get(item[0])
        if terms is None:
            terms = self.fields[item[0]] = {}
        if item[2] == -1:   # a spelling word, no posting (Whoosh's own writer skips it too)
            return
        postings = terms.get(item[1])
        if postings is None:
            terms[item[1]] = [item]
        else:
            postings.append(item)
        self.count += 1

    def iter_postings(self) -> Grouped:
        return Grouped(self.fields)

    def cleanup(self) -> None:
        self.fields, self.count = {}, 0
