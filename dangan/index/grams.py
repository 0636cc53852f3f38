"""Pre-tokenised text for backends that take tokens separated by spaces (Tantivy).

The same tokens as analyzer.py, written out as one string per field so that
tantivy's `whitespace` tokenizer gives every bigram its own consecutive
position (phrase queries over bigrams match any span exactly, wherever it was
cut) and every character its own token (single-character queries). The
strings are built with `str.join` over slices, ~1 ms per 3,000 characters; a
bulk build spreads that over a process pool (`tokenize_stream`).

This module imports nothing heavy: pool workers start from it.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

from dangan.index.analyzer import WORD_CHARS

# The complement of analyzer.WORD_CHARS: deleting it gives analyzer.compact() (checked in tests).
_NON_WORD = re.compile("[^" + WORD_CHARS.pattern[1:])

CHUNK = 256   # documents per pool task


@dataclass(frozen=True, slots=True)
class Grams:
    """One document's fields as space-separated tokens."""

    body: str      # bigrams at consecutive positions
    chars: str     # single characters
    title: str     # bigrams
    issuer: str    # bigrams


def compact_fast(text: str) -> str:
    return _NON_WORD.sub("", text)


def gram_string(text: str) -> str:
    """Space-separated bigrams of the compact text; a lone character stands for itself."""
    chars = _NON_WORD.sub("", text)
    if len(chars) <= 1:
        return chars
    return " ".join([chars[i:i + 2] for i in range(len(chars) - 1)])


def char_string(text: str) -> str:
    return " ".join(_NON_WORD.sub("", text))


def tokenize(text: str, title: str, issuer: str) -> Grams:
    return Grams(gram_string(text), char_string(text), gram_string(title), gram_string(issuer))


def _tokenize_chunk(fields: Sequence[tuple[str, str, str]]) -> list[Grams]:
    return [tokenize(*f) for f in fields]


def tokenize_stream(fields: Iterable[tuple[str, str, str]], *, workers: int = 1,
                    pool_after: int = 1024) -> Iterator[Grams]:
    """Tokens for (text, title, issuer) triples, in order.

    Small streams (an ingest batch) are tokenised here; once a stream has
    produced `pool_after` items and still goes on, the rest is spread over
    `workers` processes with a bounded look-ahead (memory stays flat).
    """
    it = iter(fields)
    head = list(islice(it, pool_after))
    yield from _tokenize_chunk(head)
    if len(head) < pool_after:
        return
    if workers <= 1:
        for item in it:
            yield tokenize(*item)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # spawn, not fork: the parent runs tantivy's writer threads, a fork could copy held locks.
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        pending: deque[Future[list[Grams]]] = deque()
        while chunk := list(islice(it, CHUNK)):
            pending.append(pool.submit(_tokenize_chunk, chunk))
            if len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
