"""The web desk's sessions in the catalog: a restart keeps them, and several server
processes on one workspace share them (a logout or a new password counts everywhere).

The cookie holds a random id; the table holds only its SHA-256, so the catalog (or a
backup of it) opens no session. Times are wall-clock seconds: they outlive a restart.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from dangan.archive.catalog import Catalog

TOUCH_EVERY = 60.0   # seconds: `seen` is written at most this often (no write per request)


@dataclass(frozen=True, slots=True)
class StoredSession:
    user: str      # "" while the desk has one shared password
    key: str       # fingerprint of the password hash it was opened with
    created: float
    seen: float


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def open_session(catalog: Catalog, user: str, key: str, now: float) -> str:
    sid = secrets.token_urlsafe(32)
    catalog.conn.execute("INSERT INTO web_sessions (id_hash, user, key, created, seen) VALUES (?, ?, ?, ?, ?)",
                         (_hash(sid), user, key, now, now))
    return sid


def find(catalog: Catalog, sid: str) -> StoredSession | None:
    row = catalog.conn.execute("SELECT user, key, created, seen FROM web_sessions WHERE id_hash = ?",
                               (_hash(sid),)).fetchone()
    return StoredSession(row[0], row[1], row[2], row[3]) if row else None


def touch(catalog: Catalog, sid: str, seen: float, now: float) -> None:
    if now - seen >= TOUCH_EVERY:
        catalog.conn.execute("UPDATE web_sessions SET seen = ? WHERE id_hash = ?", (now, _hash(sid)))


def close(catalog: Catalog, sid: str) -> None:
    catalog.conn.execute("DELETE FROM web_sessions WHERE id_hash = ?", (_hash(sid),))


def close_user(catalog: Catalog, user: str) -> int:
    return catalog.conn.execute("DELETE FROM web_sessions WHERE user = ?", (user,)).rowcount


def purge(catalog: Catalog, now: float, idle: float, lifetime: float) -> int:
    """Forget sessions unused for `idle` seconds or older than `lifetime`."""
    return catalog.conn.execute("DELETE FROM web_sessions WHERE seen < ? OR created < ?",
                                (now - idle, now - lifetime)).rowcount
