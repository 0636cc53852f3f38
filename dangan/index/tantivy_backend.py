"""Tantivy (tantivy-py) backend: for archives of 10k documents and more.

Tokenisation is ours (grams.py): the text arrives as space-separated bigrams
and characters, and tantivy's `whitespace` tokenizer only splits them, so a
phrase over bigrams finds any span exactly — cut mid-word, across a line
break, digits next to Chinese (3月). Nothing is stored but the id: snippets
are made from the catalog text (snippets.py, snippet_window.py), whatever the
backend. jieba is not used here: bare query terms are split into words in
query.py (wordsplit.py), and the index needs no words to find them.

One writer per index (tantivy's own lock file); another process waits, as with
Whoosh, then gives up with WorkspaceBusy. The writer lives until `close()`;
each `add`/`delete` commits (in bounded batches for a bulk build).
"""
from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import tantivy

from dangan.errors import WorkspaceBusy
from dangan.index import MARKER as MARKER  # re-exported for tests and tools
from dangan.index import check_marker, write_marker
from dangan.index.base import FACET_FIELDS, IndexDoc, Ranked, Sort
from dangan.index.grams import Grams, gram_string, tokenize, tokenize_stream
from dangan.index.query import Query, Term
from dangan.index.tantivy_query import to_tantivy, ymd

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6   # 3: the file name (field name); 4: × a mark of its own, markup read as shown;
#                      5: the 文号's bigrams (number_grams), the 发文机关's as search text: plain words find them
#                      6: 〇 (and ○) a unit: 二〇〇三年 is no longer 二三年, a span of 二〇二三年
COMMIT_EVERY = 10_000            # documents per commit in a bulk build: bounded loss on a crash
DELETE_GROUP = 256               # ids per delete query when replacing
MERGE_WAIT_AFTER = 1_000         # documents written before close() waits for merges
HEAP_BYTES = 128_000_000         # writer memory budget (split over its threads)
RAW_FIELDS = ("doc_type", "issuer", "doc_number", "year", "items")
_CHARS: dict[tuple[str, int, int, int], list[str]] = {}   # (folder, meta.json's inode, time, size) → index_chars()


def schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    sb.add_text_field("grams", tokenizer_name="whitespace")                        # positions
    sb.add_text_field("chars", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("title", tokenizer_name="whitespace")
    sb.add_text_field("issuer_grams", tokenizer_name="whitespace")                 # the 发文机关 as search text
    sb.add_text_field("number_grams", tokenizer_name="whitespace")                 # the 文号 as search text
    sb.add_text_field("name", tokenizer_name="whitespace")                         # the file name
    for name in RAW_FIELDS:                                  # exact values, facets (fast)
        sb.add_text_field(name, tokenizer_name="raw", fast=True)
    sb.add_unsigned_field("date", indexed=True, fast=True)  # 20220326; 0 = unknown
    return sb.build()


class TantivyBackend:
    name = "tantivy"

    def __init__(self, folder: Path, *, lock_timeout: float = 120.0,
                 workers: int | None = None, pool_after: int = 256):
        self.folder = folder
        self.lock_timeout = lock_timeout
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.pool_after = pool_after
        folder.mkdir(parents=True, exist_ok=True)
        self.schema = schema()
        if tantivy.Index.exists(str(folder)):
            check_marker(folder, "tantivy", SCHEMA_VERSION)
            self.ix = tantivy.Index.open(str(folder))
        else:
            self.ix = tantivy.Index(self.schema, path=str(folder), reuse=True)
            write_marker(folder, "tantivy", SCHEMA_VERSION)
        self._writer_obj: Any = None
        self._written = 0
        self._staged: set[int] | None = None   # ids staged since the last commit
        self._fresh = False                     # the index was empty when staging began

    # -- writing ---------------------------------------------------------
    def add(self, docs: Iterable[IndexDoc]) -> int:
        self.commit()   # what was staged goes first: the count below must see it
        docs = iter(docs)
        first = next(docs, None)
        if first is None:
            return 0
        writer = self._writer()
        fresh = self.count() == 0   # nothing committed yet: no old version to delete
        count = committed = 0
        try:
            pairs = self._tokenized(_chain(first, docs))
            while group := list(islice(pairs, DELETE_GROUP)):
                if not fresh:   # replace: the delete's opstamp precedes the adds
                    self._delete_ids(writer, [doc.id for doc, _ in group])
                for doc, grams in group:
                    writer.add_document(_document(doc, grams))
                count += len(group)
                self._written += len(group)
                if count - committed >= COMMIT_EVERY:
                    self._commit()
                    committed = count
            self._commit()
        except BaseException:
            writer.rollback()
            raise
        return count

    def stage(self, docs: Iterable[IndexDoc]) -> int:
        """Tokenise and hand each document to the writer now (its threads index while we go
        on); searchable after `commit()`."""
        writer = self._writer()
        if self._staged is None:
            self._fresh = self.count() == 0   # nothing committed: no old version to delete
            self._staged = set()
        count = 0
        try:
            for doc in docs:
                if not self._fresh or doc.id in self._staged:
                    self._delete_ids(writer, [doc.id])
                self._staged.add(doc.id)
                writer.add_document(_document(doc, tokenize(doc.text, doc.title, doc.issuer_text)))
                count += 1
        except BaseException:
            self.rollback()
            raise
        self._written += count
        return count

    def commit(self) -> None:
        if self._staged is not None:
            self._staged = None
            self._commit()

    def rollback(self) -> None:
        if self._staged is not None:
            self._staged = None
            self._writer_obj.rollback()

    def delete(self, ids: Iterable[int]) -> None:
        writer = self._writer()
        try:
            todo = iter(ids)
            while group := [int(i) for i in islice(todo, DELETE_GROUP)]:
                self._delete_ids(writer, group)
        except BaseException:
            writer.rollback()
            raise
        self._commit()

    def _delete_ids(self, writer: Any, ids: list[int]) -> None:
        # by query: tantivy-py's delete_documents_by_term turns a Python int into an i64
        # term, which never matches our u64 id field (checked in the contract tests)
        writer.delete_documents_by_query(tantivy.Query.term_set_query(self.schema, "id", ids))

    def _tokenized(self, docs: Iterator[IndexDoc]) -> Iterator[tuple[IndexDoc, Grams]]:
        """Pair each document with its tokens; a bulk build tokenises in a process pool."""
        window: deque[IndexDoc] = deque()   # read ahead by the pool, in order

        def fields() -> Iterator[tuple[str, str, str]]:
            for doc in docs:
                window.append(doc)
                yield doc.text, doc.title, doc.issuer_text

        for grams in tokenize_stream(fields(), workers=self.workers, pool_after=self.pool_after):
            yield window.popleft(), grams

    def _writer(self) -> Any:
        """One writer per index; another process waits here instead of failing on tantivy's lock."""
        if self._writer_obj is not None:
            return self._writer_obj
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                self._writer_obj = self.ix.writer(heap_size=HEAP_BYTES, num_threads=2)
                return self._writer_obj
            except ValueError as exc:
                if "LockBusy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise WorkspaceBusy(seconds=int(self.lock_timeout)) from None
                time.sleep(0.2)

    def _commit(self) -> None:
        self._writer_obj.commit()
        self.ix.reload()

    # -- reading ---------------------------------------------------------
    def search(self, query: Query, *, limit: int = 10, offset: int = 0,
               sort: Sort = "relevance") -> Ranked:
        searcher = self.ix.searcher()
        q = to_tantivy(query, self.schema)
        if sort == "relevance":
            result = searcher.search(q, limit, count=True, offset=offset)
        else:
            order = tantivy.Order.Desc if sort == "date" else tantivy.Order.Asc
            result = searcher.search(q, limit, count=True, order_by_field="date",
                                     offset=offset, order=order)
        addresses = [address for _, address in result.hits]
        ids = _ids(searcher, addresses)
        scores = [float(s) if sort == "relevance" else 0.0 for s, _ in result.hits]
        count = result.count   # type: ignore[attr-defined, unused-ignore]  # tantivy 0.27's stub lacks SearchResult.count
        return Ranked(total=int(count or 0),
                      hits=tuple((int(i), s) for i, s in zip(ids, scores)))

    def facets(self, query: Query, fields: Sequence[str] = FACET_FIELDS) -> dict[str, dict[str, int]]:
        searcher = self.ix.searcher()
        aggs = {name: {"terms": {"field": name, "size": 65_000}} for name in fields}
        result = searcher.aggregate(to_tantivy(query, self.schema), aggs) if aggs else {}
        out: dict[str, dict[str, int]] = {}
        for name in fields:
            buckets = result.get(name, {}).get("buckets", [])
            counts = {str(b["key"]): int(b["doc_count"]) for b in buckets if b["key"] not in (None, "")}
            out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return out

    def count(self) -> int:
        return int(self.ix.searcher().num_docs)

    # -- vocabulary (suggest.py) ------------------------------------------
    def doc_freq(self, field: str, token: str) -> int:
        return int(self.ix.searcher().doc_freq(field, token))

    def terms_with_prefix(self, field: str, prefix: str) -> list[str]:
        return [term for term, _ in self.ix.searcher().terms_with_prefix(field, prefix)]

    def index_chars(self) -> list[str]:
        """The CJK characters the index holds (one-character `chars` terms U+3400–U+9FFF), kept for
        the process per index generation (meta.json, which every commit replaces): the walk reads
        every `chars` term, numbers and words too, ~30 ms a suggestion at 10k documents."""
        meta = (self.folder / "meta.json").stat()
        key = (str(self.folder), meta.st_ino, meta.st_mtime_ns, meta.st_size)
        cached = _CHARS.get(key)
        if cached is None:
            cached = sorted(t for t in self.terms_with_prefix("chars", "") if len(t) == 1 and "\u3400" <= t <= "\u9fff")
            _CHARS.clear()
            _CHARS[key] = cached
        return cached

    def span_count(self, text: str) -> int:
        return self.search(Query(terms=(Term(text, quoted=True),)), limit=1).total

    def all_ids(self) -> set[int]:
        searcher = self.ix.searcher()
        total = searcher.num_docs
        if not total:
            return set()
        hits = searcher.search(tantivy.Query.all_query(), total, count=False).hits
        return set(_ids(searcher, [a for _, a in hits]))

    def close(self) -> None:
        """Release the writer: after a bulk build, let its merges finish (fewer segments, faster
        searches); after a few documents, drop it at once (tantivy abandons pending merges)."""
        writer, self._writer_obj = self._writer_obj, None
        if writer is not None and self._written >= MERGE_WAIT_AFTER:
            writer.wait_merging_threads()
        del writer
        self._written = 0


def _ids(searcher: tantivy.Searcher, addresses: list[tantivy.DocAddress]) -> list[int]:
    """The documents' `id`: an integer fast field every indexed document has."""
    ids: list[int] = []
    for value in searcher.fast_field_values("id", addresses) if addresses else []:
        if value is None:
            raise TypeError("an indexed document without an id")
        ids.append(int(value))
    return ids


def _document(doc: IndexDoc, grams: Grams) -> tantivy.Document:
    out = tantivy.Document()
    out.add_unsigned("id", doc.id)
    out.add_text("grams", grams.body)
    out.add_text("chars", grams.chars)
    out.add_text("title", grams.title)
    out.add_text("issuer_grams", grams.issuer)
    out.add_text("name", gram_string(doc.name))
    out.add_text("number_grams", gram_string(doc.number_text))
    for name, value in (("doc_type", doc.doc_type), ("issuer", doc.issuer),
                        ("doc_number", doc.doc_number), ("year", doc.year)):
        if value:
            out.add_text(name, value)
    for item in doc.items:
        out.add_text("items", item)
    out.add_unsigned("date", ymd(doc.doc_date))
    return out


def _chain(first: IndexDoc, rest: Iterator[IndexDoc]) -> Iterator[IndexDoc]:
    yield first
    yield from rest
