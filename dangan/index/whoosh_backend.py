"""Whoosh (whoosh-reloaded) backend: the default, for archives up to ~10k documents."""
from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index, sorting
from whoosh import query as wq
from whoosh.index import LockError

from dangan.errors import WorkspaceBusy
from dangan.index import check_marker, write_marker
from dangan.index.analyzer import phrase_grams
from dangan.index.base import FACET_FIELDS, IndexDoc, Ranked, Sort
from dangan.index.query import Query, Term
from dangan.index.whoosh_codec import FastW3Codec
from dangan.index.whoosh_fields import GramTokenizer, UnitTokenizer, document_fields, schema
from dangan.index.whoosh_filters import ColumnRange
from dangan.index.whoosh_hits import EveryMatch, id_column
from dangan.index.whoosh_phrase import UnitSpan
from dangan.index.whoosh_pool import LIMIT as POOL_LIMIT
from dangan.index.whoosh_pool import GroupedPool
from dangan.index.whoosh_query import span_leaves, to_whoosh
from dangan.index.whoosh_terms import DocCounts, prefix_counts

log = logging.getLogger(__name__)
# Indexes written before the schema moved to whoosh_fields.py pickled their analyzers under
# these names; the index is always opened with schema() (the pickle is skipped), and the
# names stay so that Whoosh's own tools can still read such a table of contents.
_GramTokenizer, _CharTokenizer = GramTokenizer, UnitTokenizer
T = TypeVar("T")

SCHEMA_VERSION = 6   # 2: units (numbers, Latin words, marks) instead of characters; 3: the file name;
#                      4: × a mark of its own, markup left in a text read as a browser shows it;
#                      5: the 发文机关's bigrams as search text (繁體 folded): plain words find them
#                      6: 〇 (and ○) a unit: 二〇〇三年 is no longer 二三年, a span of 二〇二三年
BATCH = 1000         # documents per commit: bounded loss on a crash (memory: whoosh_pool.LIMIT)


READ_RETRIES = 5
POOL_SIZE = 4        # idle searchers kept per index folder (concurrent requests of the web desk)
POOL_FOLDERS = 2     # index folders with idle searchers kept (a workspace, and one more)
_POOL: dict[str, list[tuple[Any, Any]]] = {}   # folder → idle (stamp, searcher), most recent last
_POOL_LOCK = threading.Lock()
_CHARS: dict[tuple[str, Any], list[str]] = {}   # (folder, generation and TOC file) → index_chars()


def _retry_read(method: Callable[..., T]) -> Callable[..., T]:
    """Reopen and retry a read that a concurrent commit pulled the segment files from under.

    A commit that merges segments deletes the old segments' files; a searcher
    opened just before reads them lazily and fails (TypeError inside whoosh, or
    FileNotFoundError). Whoosh has no reader lock to prevent it; reopening sees
    the new generation.
    """
    @functools.wraps(method)
    def wrapper(self: WhooshBackend, *args: Any, **kwargs: Any) -> T:
        for attempt in range(READ_RETRIES):
            try:
                return method(self, *args, **kwargs)
            except (TypeError, OSError, EOFError) as exc:
                if attempt == READ_RETRIES - 1:
                    raise
                log.debug("index read retried after %r", exc)
                time.sleep(0.02 * (attempt + 1))
                self._held = self._vocab_reader = None   # dropped, not returned to the pool
                self.ix = _open(self.folder)
        raise AssertionError("unreachable")
    return wrapper


def _stamp(ix: Any) -> tuple[int, int, int]:
    """The index's latest generation and its TOC file's identity (a rebuilt folder may
    reach the same generation number)."""
    gen = ix.latest_generation()
    try:
        st = os.stat(Path(ix.storage.folder) / f"_{ix.indexname}_{gen}.toc")
    except OSError:
        return (gen, 0, 0)
    return (gen, st.st_ino, st.st_mtime_ns)


def _open(folder: Path) -> Any:
    for attempt in range(READ_RETRIES):
        try:
            return index.open_dir(str(folder), schema=schema())   # the code's field types, not the pickled ones
        except (TypeError, OSError, EOFError):
            if attempt == READ_RETRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


class WhooshBackend:
    name = "whoosh"
    _held: tuple[tuple[int, int, int], Any] | None   # (index stamp, searcher) in use, set by _searcher
    _counts: tuple[Any, dict[str, list[DocCounts] | None]] | None   # (reader, field → its segments' lookups)
    _mapped: dict[tuple[int, str], tuple[Any, DocCounts | None]]   # (segment reader's id, field) → (it, lookup)

    def __init__(self, folder: Path, *, lock_timeout: float = 120.0):
        self.folder = folder
        self.lock_timeout = lock_timeout
        folder.mkdir(parents=True, exist_ok=True)
        # A TOC file names an index. Not `index.exists_in`: it opens the index without a retry,
        # and a commit in another process may delete the TOC it just listed (_MAIN_0.toc).
        if any(folder.glob("_MAIN_*.toc")):   # MAIN: the index name Whoosh gives by default
            check_marker(folder, "whoosh", SCHEMA_VERSION)
            self.ix = _open(folder)
        else:
            self.ix = index.create_in(str(folder), schema())
            write_marker(folder, "whoosh", SCHEMA_VERSION)
        self._open_writer: Any = None   # a batch's writer between stage() and commit()
        self._staged_ids: set[int] = set()   # since the last commit
        self._spans: dict[Any, dict[int, int]] = {}
        self._matches: tuple[Any, list[int]] | None = None

    # -- writing ---------------------------------------------------------
    # A batch stages documents as they are archived (the writer stays open, so the
    # analysis overlaps extraction) and commits once; `add` is stage + commit.
    def stage(self, docs: Iterable[IndexDoc]) -> int:
        count = 0
        for doc in docs:
            if doc.id in self._staged_ids:   # Whoosh replaces committed documents only
                self.commit()
            if self._open_writer is None:
                self._open_writer = self._writer()
            try:
                self._open_writer.update_document(**document_fields(doc))
            except BaseException:
                self.rollback()
                raise
            count += 1
            self._staged_ids.add(doc.id)
            if len(self._staged_ids) >= BATCH or self._open_writer.pool.count >= POOL_LIMIT:
                self.commit()   # bounded loss on a crash, bounded memory
        return count

    def commit(self) -> None:
        writer = self._detach()
        if writer is not None:
            writer.commit()

    def rollback(self) -> None:
        writer = self._detach()
        if writer is not None:
            writer.cancel()

    def add(self, docs: Iterable[IndexDoc]) -> int:
        count = self.stage(docs)
        self.commit()
        return count

    def delete(self, ids: Iterable[int]) -> None:
        """Delete and commit, with whatever was staged (Whoosh has one writer)."""
        writer = self._detach() or self._writer()
        try:
            for doc_id in ids:
                writer.delete_by_term("id", int(doc_id))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def _detach(self) -> Any:
        """The open batch writer (or None), no longer this backend's: staging starts afresh."""
        writer, self._open_writer = self._open_writer, None
        self._staged_ids.clear()
        return writer

    def _writer(self) -> Any:
        """Whoosh allows one writer; another process waits here instead of failing with LockError."""
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                # compound=False: whoosh-reloaded copies every sub-file of a compound segment
                # into a BytesIO on each searcher open (measured: 5× slower queries at 600 docs).
                # Uncompressed posting blocks: the commit spends most of its time per term
                # (22k terms for 11 budget PDFs); without zlib it is 28% faster, the index 9%
                # larger. procs=2 gained nothing measurable with both cores already extracting.
                writer = self.ix.writer(limitmb=128, compound=False, codec=FastW3Codec(compression=0))
                writer.pool = GroupedPool()   # postings grouped as they come: no sort of them all at the commit
                return writer
            except LockError:
                if time.monotonic() > deadline:
                    raise WorkspaceBusy(seconds=int(self.lock_timeout)) from None
                time.sleep(0.2)

    # -- reading ---------------------------------------------------------
    # One search asks the index for the same query up to four times (the page, the facet
    # ids, a span's count for suggestions): spans found in a segment are kept for the life
    # of this backend object (one `run_query`), keyed by the segment and its deletions.
    def _query(self, query: Query, *, scored: bool = True) -> wq.Query:
        q = to_whoosh(query, scored=scored)
        for leaf in q.leaves():
            if isinstance(leaf, (UnitSpan, ColumnRange)):
                leaf.cache = self._spans
                if isinstance(leaf, UnitSpan):
                    leaf.counts = self._segment_counts
        return q

    def _searcher(self) -> Any:
        """A searcher of the index, taken from the process's idle ones while the index is
        unchanged and held until `close`: opening one reads every segment's tables and
        columns anew, which cost most of a warm search at 10k documents. A commit (another
        generation) or a rebuilt folder (another TOC file) opens a new one. Whoosh searchers
        read files by seek and read, so one is used by one backend object at a time (the
        web desk serves each request on its own thread)."""
        stamp = _stamp(self.ix)
        held = getattr(self, "_held", None)
        if held is not None and held[0] == stamp:
            return held[1]
        entry = None
        with _POOL_LOCK:
            idle = _POOL.get(str(self.folder), [])
            while idle and entry is None:
                candidate = idle.pop()
                if candidate[0] == stamp:
                    entry = candidate
        if entry is None:
            entry = (stamp, self.ix.searcher())
        self._held = entry   # a stale one held before is dropped: its files close with it
        self._vocab_reader = None
        return entry[1]

    def _release(self) -> None:
        held, self._held = getattr(self, "_held", None), None
        self._vocab_reader = None
        self._counts, mapped, self._mapped = None, getattr(self, "_mapped", {}), {}
        for _, count in mapped.values():
            if count is not None:
                count.close()
        if held is None:
            return
        with _POOL_LOCK:
            idle = _POOL.pop(str(self.folder), [])
            idle.append(held)
            del idle[:-POOL_SIZE]
            _POOL[str(self.folder)] = idle   # the most recent folder last
            while len(_POOL) > POOL_FOLDERS:
                del _POOL[next(iter(_POOL))]

    @_retry_read
    def search(self, query: Query, *, limit: int = 10, offset: int = 0,
               sort: Sort = "relevance") -> Ranked:
        """By relevance: one pass scores every match, keeps the top N and records every
        document number (the exact total; the facet ids next). Otherwise (sorted by date, or
        the matches known already) the total from the unscored pass, the page from Whoosh's
        own collectors."""
        searcher = self._searcher()
        q = self._query(query)
        results = None
        if sort == "relevance" and not self._has_matches(searcher, query):
            collector = EveryMatch(limit=offset + limit)
            if searcher.doc_count_all():   # an empty index has no columns at all
                searcher.search_with_collector(q, collector)
                results = collector.results()
            self._matches = ((query, searcher.reader().generation()), collector.docnums)
        docnums = self._docnums(searcher, query)
        total = len(docnums)
        if offset >= total:
            return Ranked(total=total, hits=())
        if results is None and sort == "relevance":
            results = searcher.search(q, limit=offset + limit)
        elif results is None:
            results = searcher.search(q, limit=offset + limit, sortedby="doc_date", reverse=sort == "date")
        scored = sort == "relevance"   # sorted results carry the sort key as their score
        ids = id_column(searcher)
        hits = tuple((ids(docnum), float(score or 0.0) if scored else 0.0)
                     for score, docnum in results.top_n[offset:offset + limit])
        return Ranked(total=total, hits=hits)

    def _has_matches(self, searcher: Any, query: Query) -> bool:
        return self._matches is not None and self._matches[0] == (query, searcher.reader().generation())

    def _docnums(self, searcher: Any, query: Query, *, keep: bool = True) -> list[int]:
        """Every matching document number, unscored (the phrase boosts left out: they add
        no documents); kept for the same query on this backend object (facets ask next)."""
        key = (query, searcher.reader().generation())
        if self._matches is not None and self._matches[0] == key:
            return self._matches[1]
        if not searcher.doc_count_all():
            docnums: list[int] = []   # an empty index has no columns at all
        else:
            docnums = list(searcher.docs_for_query(self._query(query, scored=False)))
        if keep:
            self._matches = (key, docnums)
        return docnums

    @_retry_read
    def facets(self, query: Query, fields_: Sequence[str] = FACET_FIELDS) -> dict[str, dict[str, int]]:
        q = self._query(query, scored=False)
        out: dict[str, dict[str, int]] = {}
        searcher = self._searcher()
        for name in fields_:
            facet = sorting.FieldFacet(name, allow_overlap=(name == "items"))
            results = searcher.search(q, groupedby={name: facet}, limit=None)
            groups = results.groups(name)
            counts = {str(k): len(v) for k, v in groups.items() if k not in (None, "")}
            out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return out

    facets_from_catalog = True   # search.py counts facets by SQL over matching_ids: one pass here

    @_retry_read
    def matching_ids(self, query: Query) -> list[int]:
        """Every matching document's id, unscored (the id column, no stored fields read)."""
        searcher = self._searcher()
        docnums = self._docnums(searcher, query)
        if not docnums:
            return []
        ids = id_column(searcher)
        return [ids(docnum) for docnum in docnums]

    @_retry_read
    def count(self) -> int:
        searcher = self._searcher()
        return searcher.doc_count()

    @_retry_read
    def all_ids(self) -> set[int]:
        searcher = self._searcher()
        return {int(stored["id"]) for stored in searcher.all_stored_fields()}

    # -- vocabulary (suggest.py) ------------------------------------------
    # Retried like every other read: a suggestion made while the watcher commits would
    # otherwise fail on a segment the commit merged away.
    def _reader(self) -> Any:
        if getattr(self, "_vocab_reader", None) is None:   # one snapshot for a suggestion's many lookups
            self._vocab_reader = self._searcher().reader()
        return self._vocab_reader

    @_retry_read
    def doc_freq(self, field: str, token: str) -> int:
        walks = getattr(self, "_walks", {})
        for key in ((field, token[:1]), (field, "")):   # a walked prefix knows its terms' counts
            if key in walks:
                return walks[key].get(token, 0)
        counts = self._doc_counts(field)
        if counts is None:
            return int(self._reader().doc_frequency(field, token))
        return sum(count(token) for count in counts)

    def _doc_counts(self, field: str) -> list[DocCounts] | None:
        """Each segment's lean term lookup for `field`, kept with the reader (None: ask Whoosh)."""
        reader = self._reader()
        kept = getattr(self, "_counts", None)
        if kept is None or kept[0] is not reader:
            kept = self._counts = (reader, {})
        if field not in kept[1]:
            leaves = reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
            counts = [self._segment_counts(leaf, field) for leaf, _ in leaves]
            kept[1][field] = [c for c in counts if c is not None] if None not in counts else None
        return kept[1][field]

    def _segment_counts(self, leaf: Any, field: str) -> DocCounts | None:
        """One segment's lean term lookup for `field`, kept (with the reader: its id is not
        reused meanwhile) until the searcher goes back to the pool; None: ask Whoosh."""
        mapped = self.__dict__.setdefault("_mapped", {})
        key = (id(leaf), field)
        if key not in mapped:
            known = field in leaf.schema and leaf.schema[field].format is not None
            mapped[key] = (leaf, DocCounts.open(leaf, field) if known else None)
        return mapped[key][1]

    @_retry_read
    def terms_with_prefix(self, field: str, prefix: str) -> list[str]:
        """The terms starting with `prefix`, read in order from each segment's term table
        with their counts (doc_freq answers from them: one walk instead of a hash lookup
        per term and segment)."""
        walks = self.__dict__.setdefault("_walks", {})
        if (field, prefix) not in walks:
            reader = self._reader()
            leaves = reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
            freqs: dict[str, int] = {}
            for leaf, _ in leaves:
                for text, count in prefix_counts(leaf, field, prefix):
                    freqs[text] = freqs.get(text, 0) + count
            walks[(field, prefix)] = freqs
        return sorted(walks[(field, prefix)])

    @_retry_read
    def index_chars(self) -> list[str]:
        """The CJK characters the index holds (the `chars` terms U+3400–U+9FFF, read from that
        point of each segment's term table, not from the numbers and words before it); kept
        per index generation for the process, as a searcher is."""
        reader = self._reader()
        assert self._held is not None   # _reader() took a searcher
        key = (str(self.folder), self._held[0])   # the stamp of the searcher that reader is from
        cached = _CHARS.get(key)
        if cached is None:
            leaves = reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
            found: set[str] = set()
            for leaf, _ in leaves:
                if "chars" not in leaf.indexed_field_names():
                    continue
                for (fieldname, btext), _info in leaf.iter_from("chars", "\u3400"):
                    text = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                    if fieldname != "chars" or text > "\u9fff":
                        break
                    if len(text) == 1:
                        found.add(text)
            cached = sorted(found)
            _CHARS.clear()
            _CHARS[key] = cached
        return cached

    @_retry_read
    def span_count(self, text: str) -> int:
        """Documents holding `text` as a quoted span: counted, nothing scored.

        A span of two bigrams or more is counted segment by segment as the union of its
        fields' span documents (the UnitSpans of its query, sharing the backend's span cache).
        Whoosh's own count of that query built a union matcher over a segment-sized array and
        looked up each bigram's idf in every segment for each field's weights: ~7 ms a
        candidate of the suggester at 10k documents, twice the spans themselves."""
        grams = phrase_grams(text)
        searcher = self._searcher()
        if len(grams) < 2:
            return len(self._docnums(searcher, Query(terms=(Term(text, quoted=True),)), keep=False))
        spans = span_leaves(grams)
        for span in spans:
            span.cache = self._spans
            span.counts = self._segment_counts
        total = 0
        for leaf, _ in [(searcher, 0)] if searcher.is_atomic() else searcher.leaf_searchers():
            reader = leaf.reader()
            found: set[int] = set()
            for span in spans:
                if span.fieldname in reader.schema:
                    found.update(span.hits(reader))
            total += len(found)
        return total

    def close(self) -> None:
        self.rollback()   # staged and never committed: the catalog has them, mend_index adds them
        self._release()   # the searcher goes back to the idle ones, for the next search
        self.ix.close()
