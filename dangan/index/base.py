"""The index backend interface: the rest of dangan talks only to this."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from dangan.index.query import Query
from dangan.model import Document
from dangan.text.normalize import search_text

FACET_FIELDS = ("doc_type", "issuer", "year", "items")
# A span found in the file name alone weighs this much of the same span in the body: the name
# finds a file a clerk remembers by it (第二次修订稿, 最终版), below documents that say it.
NAME_BOOST = 0.25
# A document's 发文机关 and 文号 (their bigram fields): a clerk types the organ's name as words and expects
# what it issued, whether or not the body repeats the name; found by plain words, weighed as the title.
ORGAN_FIELDS = ("issuer_grams", "number_grams")
# Soft hints (query_forms.py), constant scores, the same in Whoosh and Tantivy (their BM25s agree since Whoosh took
# Lucene's idf: a word scores alike in both): a number printed in the title (1982年…: a number is no unit of its
# own in the title's bigrams) or, times NAME_BOOST, in the file name; a document of a year the query names (dated
# in it, else titled with it); one of a 文种 typed as a word. They rank, never filter. Tantivy's were a fifth of
# Whoosh's, set when Whoosh's idf had a floor of 1: a year's Chinese numerals in another report's text (一九五七年:
# four bigrams' idf) then outweighed the report of that year (周恩来 1957), and 第15次 / 19大 in a congress report's
# file name weighed less than another document's words (findit3, bench/README.md).
NUMBER_IN_TITLE = 25.0
YEAR_HINT = 25.0
TYPE_HINT = 5.0
Sort = Literal["relevance", "date", "date_asc"]


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """What an index holds of one document: normalised text and filterable fields."""

    id: int
    text: str
    title: str = ""
    doc_type: str = ""
    issuer: str = ""
    doc_number: str = ""
    doc_date: str = ""
    items: tuple[str, ...] = ()
    name: str = ""       # the original file name without its suffix (a ZIP member's own name)

    @property
    def year(self) -> str:
        return self.doc_date[:4]

    # The 发文机关 and 文号 as search text (繁體 and full-width folded, as the body is): a bare word or a
    # quoted span finds them as it finds the title; `issuer` and `doc_number` stay as catalogued (facets, filters).
    @property
    def issuer_text(self) -> str:
        return search_text(self.issuer)

    @property
    def number_text(self) -> str:
        return search_text(self.doc_number)

    @classmethod
    def from_document(cls, doc: Document, items: Sequence[str] = (), pictures: str = "") -> IndexDoc:
        """`pictures`: what OCR read in the pictures of an office file (catalog.picture_texts), found as its text is."""
        text = f"{doc.text}\n\n{pictures}" if pictures else doc.text
        return cls(
            id=doc.id, text=search_text(text), title=search_text(doc.title or ""),
            doc_type=doc.doc_type or "", issuer=doc.issuer or "",
            doc_number=doc.doc_number or "", doc_date=doc.doc_date or "", items=tuple(items),
            name=search_text(file_stem(doc.original_name)),
        )


def file_stem(name: str) -> str:
    """A file name as a clerk remembers it: without the suffix (关于…的通知（第二次修订稿）.docx)."""
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and stem and 0 < len(suffix) <= 5 and suffix.isascii() else name


@dataclass(frozen=True, slots=True)
class Ranked:
    total: int
    hits: tuple[tuple[int, float], ...]   # (document id, score), best first


class IndexBackend(Protocol):
    name: str

    def add(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace documents (by id); commits in bounded batches; returns the count."""

    def stage(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace documents without committing: searchable after `commit()`."""

    def commit(self) -> None: ...

    def rollback(self) -> None:
        """Drop what was staged and not committed."""

    def delete(self, ids: Iterable[int]) -> None: ...

    def search(self, query: Query, *, limit: int = 10, offset: int = 0,
               sort: Sort = "relevance") -> Ranked: ...

    def facets(self, query: Query, fields: Sequence[str] = FACET_FIELDS) -> dict[str, dict[str, int]]: ...

    def count(self) -> int: ...

    # the index's own vocabulary, for suggestions (suggest.py)
    def doc_freq(self, field: str, token: str) -> int: ...

    def terms_with_prefix(self, field: str, prefix: str) -> list[str] | None:
        """Indexed tokens that start with `prefix`; None when the backend cannot list them cheaply."""

    def span_count(self, text: str) -> int:
        """Documents holding `text` as a quoted span."""

    def all_ids(self) -> set[int]: ...

    def close(self) -> None: ...


class BufferedStaging:
    """`stage`/`commit` for backends whose `add` writes in bulk: staged documents wait in
    memory and are added at the commit (a later stage of the same id replaces the earlier)."""

    _staged_docs: dict[int, IndexDoc] | None = None

    def add(self, docs: Iterable[IndexDoc]) -> int:
        raise NotImplementedError

    def stage(self, docs: Iterable[IndexDoc]) -> int:
        if self._staged_docs is None:
            self._staged_docs = {}
        count = 0
        for doc in docs:
            self._staged_docs[doc.id] = doc
            count += 1
        return count

    def commit(self) -> None:
        staged, self._staged_docs = self._staged_docs, None
        if staged:
            self.add(staged.values())

    def rollback(self) -> None:
        self._staged_docs = None
