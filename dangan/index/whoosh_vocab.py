"""What suggest.py asks of a Whoosh index: document counts, terms by prefix, its characters, span counts.

A mixin of WhooshBackend (whoosh_backend.py), kept apart because these reads go to the segments'
term tables and span matchers directly, for the suggester's many small lookups, where searching goes
through Whoosh's query machinery.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangan.index.analyzer import phrase_grams
from dangan.index.query import Query, Term
from dangan.index.whoosh_query import span_leaves
from dangan.index.whoosh_reads import retry_read
from dangan.index.whoosh_terms import DocCounts, prefix_counts

_CHARS: dict[tuple[str, Any], list[str]] = {}   # (folder, generation and TOC file) → index_chars()


class Vocabulary:
    folder: Path
    _held: tuple[tuple[int, int, int], Any] | None   # (index stamp, searcher) in use, set by _searcher
    _counts: tuple[Any, dict[str, list[DocCounts] | None]] | None   # (reader, field → its segments' lookups)
    _mapped: dict[tuple[int, str], tuple[Any, DocCounts | None]]   # (segment reader's id, field) → (it, lookup)
    _spans: dict[Any, dict[int, int]]

    if TYPE_CHECKING:   # the backend's own
        def _searcher(self) -> Any: ...

        def _docnums(self, searcher: Any, query: Query, *, keep: bool = True) -> list[int]: ...

    # Retried like every other read: a suggestion made while the watcher commits would
    # otherwise fail on a segment the commit merged away.
    def _reader(self) -> Any:
        if getattr(self, "_vocab_reader", None) is None:   # one snapshot for a suggestion's many lookups
            self._vocab_reader = self._searcher().reader()
        return self._vocab_reader

    @retry_read
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

    @retry_read
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

    @retry_read
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

    @retry_read
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
