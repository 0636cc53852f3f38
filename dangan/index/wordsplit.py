"""jieba's words for a query, without jieba's 0.5–1 s dictionary load in every process.

jieba segments a sentence by looking up only substrings of that sentence in
its dictionary (`get_DAG`, `calc` and the HMM fallback all read
`FREQ[sentence[i:j]]`). So a `jieba.Tokenizer` whose FREQ holds just the
entries that are substrings of the query gives exactly the words of the full
one. Those entries come from an on-disk table (SQLite, primary key lookup,
< 1 ms), built once from jieba's own dictionary (~1–2 s, the first time words
are needed). The table lives beside jieba's cache in the temporary folder,
private to the user (0600, owner checked); without it, full jieba is used.
"""
from __future__ import annotations

import functools
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dangan.segmenter import jieba_module

log = logging.getLogger(__name__)

SCHEMA = 1
CACHE_DIR: Path | None = None   # None: tempfile.gettempdir(); tests point it elsewhere


def cut(text: str) -> list[str]:
    """jieba.cut(text) (accurate mode, HMM on), as a list."""
    table = _table()
    if table is None:
        return list(_full().cut(text))
    return list(_tokenizer(table, text).cut(text))


def is_word(text: str) -> bool:
    """Whether jieba's dictionary holds `text` as a word."""
    return bool(words_among([text]))


def words_among(texts: Iterable[str]) -> set[str]:
    """Those of `texts` that jieba's dictionary holds as words (one lookup for all)."""
    texts = list(texts)
    table = _table()
    if table is None:
        freq = _full().dt.FREQ
        return {t for t in texts if freq.get(t)}
    return {t for t, f in table.lookup(texts).items() if f}


class Words:
    """`cut` and `is_word` for many short texts that share most of their characters (a suggester's
    candidates: 针对芯 → 针对性, 针对的 … hundreds of them): one tokenizer whose table grows by the
    substrings of each text not asked yet, one query per text at most, instead of a tokenizer and a
    query per text and a query per word. The same words as `cut` and `is_word`: jieba reads only
    a text's own substrings in its table, so the other texts' entries change nothing."""

    def __init__(self) -> None:
        self.table = _table()
        self.asked: set[str] = set()
        self.tok: Any = None

    def cut(self, text: str) -> list[str]:
        if self.table is None:
            return list(_full().cut(text))
        self._ask(self._subs(text))
        return list(self.tok.cut(text))

    def _subs(self, text: str) -> Iterator[str]:
        assert self.table is not None
        n, most = len(text), self.table.maxlen
        return (text[i:j] for i in range(n) for j in range(i + 1, min(n, i + most) + 1))

    def is_word(self, text: str) -> bool:
        if self.table is None:
            return bool(_full().dt.FREQ.get(text))
        self._ask([text])
        return bool(self.tok.FREQ.get(text))

    def _ask(self, subs: Iterable[str]) -> None:
        assert self.table is not None
        if self.tok is None:
            self.tok = jieba_module().Tokenizer()
            self.tok.FREQ, self.tok.total, self.tok.initialized = {}, self.table.total, True
        new = {sub for sub in subs if sub not in self.asked}
        if new:
            self.tok.FREQ.update(self.table.lookup(new))   # the table's entries only, as _tokenizer's
            self.asked |= new


def table_path() -> Path:
    folder = CACHE_DIR or Path(tempfile.gettempdir())
    return folder / f"dangan-jieba-words-{os.getuid()}-v{SCHEMA}.sqlite3"


@functools.cache
def _full() -> Any:
    jieba = jieba_module()
    jieba.initialize()
    return jieba


class _Table:
    def __init__(self, path: Path):
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        self.total, self.maxlen = int(meta["total"]), int(meta["maxlen"])

    def lookup(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(set(keys))
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            marks = ",".join("?" * len(part))
            out.update(self.conn.execute(f"SELECT w, f FROM freq WHERE w IN ({marks})", part))
        return out


def _tokenizer(table: _Table, text: str) -> Any:
    n = len(text)
    subs = (text[i:j] for i in range(n) for j in range(i + 1, min(n, i + table.maxlen) + 1))
    tok = jieba_module().Tokenizer()
    tok.FREQ, tok.total, tok.initialized = table.lookup(subs), table.total, True
    return tok


def _table() -> _Table | None:
    return _open(table_path())


@functools.cache
def _open(path: Path) -> _Table | None:
    try:
        if not path.is_file():
            build(path)
        if path.stat().st_uid != os.getuid():   # someone else's file: do not trust it
            return None
        return _Table(path)
    except (OSError, sqlite3.Error, KeyError) as exc:
        log.warning("jieba word table unusable (%s): using jieba directly", exc)
        return None


def build(path: Path) -> None:
    """Write jieba's prefix dictionary to `path` atomically (a private temporary file, renamed)."""
    jieba = _full()
    freq: dict[str, int] = jieba.dt.FREQ
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)  # mode 0600
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        with conn:
            conn.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            conn.executemany("INSERT INTO meta VALUES (?, ?)",
                             [("total", str(jieba.dt.total)), ("maxlen", str(max(map(len, freq))))])
        conn.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
