"""Whoosh (whoosh-reloaded) backend: the default, for archives up to ~10k documents."""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh import index, sorting
from whoosh import query as wq
from whoosh.index import LockError

from dangan.errors import WorkspaceBusy
from dangan.index import check_marker, write_marker
from dangan.index.base import FACET_FIELDS, IndexDoc, Ranked, Sort
from dangan.index.query import Query
from dangan.index.whoosh_codec import FastW3Codec
from dangan.index.whoosh_fields import GramTokenizer, UnitTokenizer, document_fields, schema
from dangan.index.whoosh_filters import ColumnRange
from dangan.index.whoosh_hits import EveryMatch, id_column
from dangan.index.whoosh_phrase import UnitSpan
from dangan.index.whoosh_pool import LIMIT as POOL_LIMIT
from dangan.index.whoosh_pool import GroupedPool
from dangan.index.whoosh_query import to_whoosh
from dangan.index.whoosh_reads import open_index, retry_read
from dangan.index.whoosh_scoring import BM25
from dangan.index.whoosh_vocab import Vocabulary

log = logging.getLogger(__name__)
# Indexes written before the schema moved to whoosh_fields.py pickled their analyzers under
# these names; the index is always opened with schema() (the pickle is skipped), and the
# names stay so that Whoosh's own tools can still read such a table of contents.
_GramTokenizer, _CharTokenizer = GramTokenizer, UnitTokenizer

SCHEMA_VERSION = 6   # 2: units (numbers, Latin words, marks) instead of characters; 3: the file name;
#                      4: × a mark of its own, markup left in a text read as a browser shows it;
#                      5: the 发文机关's bigrams as search text (繁體 folded): plain words find them
#                      6: 〇 (and ○) a unit: 二〇〇三年 is no longer 二三年, a span of 二〇二三年
BATCH = 1000         # documents per commit: bounded loss on a crash (memory: whoosh_pool.LIMIT)


POOL_SIZE = 4        # idle searchers kept per index folder (concurrent requests of the web desk)
POOL_FOLDERS = 2     # index folders with idle searchers kept (a workspace, and one more)
_POOL: dict[str, list[tuple[Any, Any]]] = {}   # folder → idle (stamp, searcher), most recent last
_POOL_LOCK = threading.Lock()


def _stamp(ix: Any) -> tuple[int, int, int]:
    """The index's latest generation and its TOC file's identity (a rebuilt folder may
    reach the same generation number)."""
    gen = ix.latest_generation()
    try:
        st = os.stat(Path(ix.storage.folder) / f"_{ix.indexname}_{gen}.toc")
    except OSError:
        return (gen, 0, 0)
    return (gen, st.st_ino, st.st_mtime_ns)


class WhooshBackend(Vocabulary):
    name = "whoosh"

    def __init__(self, folder: Path, *, lock_timeout: float = 120.0):
        self.folder = folder
        self.lock_timeout = lock_timeout
        folder.mkdir(parents=True, exist_ok=True)
        # A TOC file names an index. Not `index.exists_in`: it opens the index without a retry,
        # and a commit in another process may delete the TOC it just listed (_MAIN_0.toc).
        if any(folder.glob("_MAIN_*.toc")):   # MAIN: the index name Whoosh gives by default
            check_marker(folder, "whoosh", SCHEMA_VERSION)
            self.ix = open_index(folder)
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
            entry = (stamp, self.ix.searcher(weighting=BM25()))
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

    @retry_read
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

    @retry_read
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

    @retry_read
    def matching_ids(self, query: Query) -> list[int]:
        """Every matching document's id, unscored (the id column, no stored fields read)."""
        searcher = self._searcher()
        docnums = self._docnums(searcher, query)
        if not docnums:
            return []
        ids = id_column(searcher)
        return [ids(docnum) for docnum in docnums]

    @retry_read
    def count(self) -> int:
        searcher = self._searcher()
        return searcher.doc_count()

    @retry_read
    def all_ids(self) -> set[int]:
        searcher = self._searcher()
        return {int(stored["id"]) for stored in searcher.all_stored_fields()}

    def close(self) -> None:
        self.rollback()   # staged and never committed: the catalog has them, mend_index adds them
        self._release()   # the searcher goes back to the idle ones, for the next search
        self.ix.close()
