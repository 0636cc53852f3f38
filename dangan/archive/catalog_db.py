"""The catalog's SQLite file: WAL mode, one writer at a time, migrated to the newest schema on opening."""
from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Self

from dangan.archive.migrations import MIGRATIONS
from dangan.text.fingerprint import big5_key, text_key

log = logging.getLogger(__name__)


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The rowid the INSERT just run on `cur` gave its row."""
    assert cur.lastrowid is not None   # None only before any INSERT
    return cur.lastrowid


class CatalogDatabase:
    """The connection the catalog's parts share: pragmas, SQL functions, transactions, migrations."""

    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = path
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        self.conn = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None,
                                    check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        # migration 8 backfills text keys with it (同文异版 of documents older than migration 4)
        self.conn.create_function("dangan_text_key", 1, text_key, deterministic=True)
        # migration 17 computes the Big5 key of every document (同文异版 of a Big5 copy that lost characters)
        self.conn.create_function("dangan_big5_key", 1, big5_key, deterministic=True)
        # migration 11 reads the 网页发布时间 of documents catalogued before it was kept (migration 10)
        self.conn.create_function("dangan_posted_date", 1, _posted_date, deterministic=True)
        self.conn.execute("PRAGMA busy_timeout = 60000")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: take the write lock up front, so two writers queue, never deadlock."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current >= len(MIGRATIONS):
            return
        if current > 0:  # an existing catalog: keep a copy of it as it was, then migrate
            from dangan.archive.snapshot import backup_before_migrate

            backup_before_migrate(self.path, current)
        with self.transaction() as conn:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                log.info("catalog migration %d", number)
                for statement in statements(script):
                    if not _column_there(conn, statement):
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")


_ADD_COLUMN_RE = re.compile(r"^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)", re.IGNORECASE)


def _column_there(conn: sqlite3.Connection, statement: str) -> bool:
    """Is `statement` an ADD COLUMN of a column the table already has? A catalog whose version was put back (a
    restore's checks, an upgrade tried again) runs the later migrations again: a table comes IF NOT EXISTS, and a
    column added twice would stop the upgrade (duplicate column name), so it is not added again."""
    m = _ADD_COLUMN_RE.match(statement)
    if m is None:
        return False
    return any(row[1] == m[2] for row in conn.execute(f"PRAGMA table_info({m[1]})"))


def statements(script: str) -> Iterator[str]:
    """A migration's statements; a trigger body's own `;` stays inside its statement."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""
    if pending.strip(" \n;"):
        yield pending


def _posted_date(text: str | None) -> str | None:
    """The 网页发布时间 the reader finds in a stored text (its first lines), for migration 11."""
    from dangan.read.understand.gongwen_posting import posting_day

    return posting_day(text) if text else None
