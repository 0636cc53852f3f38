"""Whoosh's BM25F with the idf every other BM25 uses (Lucene's, Tantivy's): ln(1 + (N − n + 0.5) / (n + 0.5)).

Whoosh's own idf is log(N / (n + 1)) + 1: a term in nearly every document still weighs 1, so a long span of
common bigrams (十四届人大二次会议: 会议, 二次, 十四 are everywhere) adds up to as much as a rare word, and a
long report that prints the span scattered words' worth of times outranked the short resolution that is
about it (Tantivy, with this idf, ranked it first). UnitSpan (whoosh_phrase.py) sums its bigrams' idf
through the same searcher, so spans and terms are weighed alike.
"""
from __future__ import annotations

from math import log
from typing import Any

from whoosh import scoring


class BM25(scoring.BM25F):
    def idf(self, searcher: Any, fieldname: str, text: str) -> float:
        n = searcher.doc_frequency(fieldname, text)
        total = searcher.doc_count_all()
        return log(1 + (total - n + 0.5) / (n + 0.5))
