"""Pre-tokenised text for backends that take tokens separated by spaces (Tantivy).

The same tokens as analyzer.py, written out as one string per field so that
tantivy's `whitespace` tokenizer gives every unit bigram its own consecutive
position (phrase queries over bigrams match any span exactly, wherever it was
cut) and every unit its own token (one-unit queries: 王, 2023, gdp). Units
never hold white space. ~2 ms per 3,000 characters; a bulk build spreads that
over worker processes (`tokenize_stream`).

The workers are plain `python -m dangan.index.grams` processes fed pickled
chunks through pipes, not a multiprocessing pool: a pool's spawned workers
re-import the caller's `__main__` (a script without a `__main__` guard would
run again in each), and forking the writer's multi-threaded process is unsafe.
This module imports nothing heavy: the workers start from it.
"""
from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

from dangan.index.analyzer import compact, grams_of, units

log = logging.getLogger(__name__)

CHUNK = 64    # documents per worker task; one task in flight per worker

Fields = tuple[str, str, str]   # text, title, issuer


@dataclass(frozen=True, slots=True)
class Grams:
    """One document's fields as space-separated tokens."""

    body: str      # unit bigrams at consecutive positions
    chars: str     # single units
    title: str     # bigrams
    issuer: str    # bigrams


def compact_fast(text: str) -> str:
    return compact(text)


def gram_string(text: str) -> str:
    """Space-separated unit bigrams; a lone unit stands for itself."""
    return " ".join(grams_of(units(text)))


def char_string(text: str) -> str:
    return " ".join(units(text))


def tokenize(text: str, title: str, issuer: str) -> Grams:
    body = units(text)
    return Grams(" ".join(grams_of(body)), " ".join(body), gram_string(title), gram_string(issuer))


def _tokenize_chunk(fields: Sequence[Fields]) -> list[Grams]:
    return [tokenize(*f) for f in fields]


def tokenize_stream(fields: Iterable[Fields], *, workers: int = 1,
                    pool_after: int = 256) -> Iterator[Grams]:
    """Tokens for (text, title, issuer) triples, in order.

    Small streams (an ingest batch) are tokenised here; once a stream has
    produced `pool_after` items and still goes on, the rest is spread over
    `workers` processes, one chunk in flight each (memory stays flat). If a
    worker cannot start or dies, the rest is tokenised here: slower, same tokens.
    """
    it = iter(fields)
    head = list(islice(it, pool_after))
    yield from _tokenize_chunk(head)
    if len(head) < pool_after:
        return
    if workers > 1:
        pending: deque[tuple[int, list[Fields]]] = deque()   # (worker, chunk) sent, not yet read
        try:
            with _Workers(workers) as pool:
                yield from _pooled(it, pool, pending)
            return
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            log.warning("tokenising in this process: a worker failed (%s)", exc)
            for _, chunk in pending:
                yield from _tokenize_chunk(chunk)
    for item in it:
        yield tokenize(*item)


def _pooled(it: Iterator[Fields], pool: _Workers,
            pending: deque[tuple[int, list[Fields]]]) -> Iterator[Grams]:
    for worker in range(pool.size):          # one chunk for each worker to start with
        if chunk := list(islice(it, CHUNK)):
            pending.append((worker, chunk))
            pool.send(worker, chunk)
    while pending:
        worker, _ = pending[0]
        result = pool.receive(worker)        # the worker is idle now: give it the next chunk
        pending.popleft()
        if chunk := list(islice(it, CHUNK)):
            pending.append((worker, chunk))
            pool.send(worker, chunk)
        yield from result


class _Workers:
    """`size` tokenising processes; chunks go in and come back in the order sent per worker."""

    def __init__(self, size: int):
        self.size = size
        root = str(Path(__file__).resolve().parents[2])   # where this dangan is imported from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        self.procs = [subprocess.Popen([sys.executable, "-m", "dangan.index.grams"], env=env,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                      for _ in range(size)]

    def send(self, worker: int, chunk: list[Fields]) -> None:
        stdin = self.procs[worker].stdin
        assert stdin is not None
        pickle.dump(chunk, stdin, protocol=pickle.HIGHEST_PROTOCOL)
        stdin.flush()

    def receive(self, worker: int) -> list[Grams]:
        stdout = self.procs[worker].stdout
        assert stdout is not None
        return [Grams(*g) for g in pickle.load(stdout)]

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in self.procs:
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    pipe.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """Worker loop: pickled chunks of Fields in, pickled tuples of token strings out."""
    while True:
        try:
            chunk = pickle.load(stdin)
        except EOFError:
            return
        out = [(g.body, g.chars, g.title, g.issuer) for g in _tokenize_chunk(chunk)]
        pickle.dump(out, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
