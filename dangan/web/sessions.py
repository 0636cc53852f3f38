"""Server-side sessions and login throttling for the web desk.

The signed cookie carries only a random session id; what it stands for lives in
the catalog (`archive/web_sessions.py`), so a restart keeps everyone signed in
and several server processes on one workspace share the sessions. Logging out
revokes the id; a session remembers a fingerprint of its user's password hash,
so a new password (set on the web desk or with `dangan user passwd`) or a
disabled account ends every session opened before. Failed logins are counted
per client address (and per user name, once there are users): after
`FREE_FAILURES` the client waits, longer each time.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from dangan.archive import web_sessions
from dangan.archive.catalog import Catalog
from dangan.archive.web_sessions import StoredSession

FREE_FAILURES = 5          # wrong passwords allowed before waiting
FIRST_WAIT = 30.0          # seconds, doubled at each further failure …
LONGEST_WAIT = 15 * 60.0   # … up to this
FORGET_AFTER = 60 * 60.0   # a quiet hour clears a client's failures
IDLE_LIMIT = 2 * 3600.0    # a session unused this long is closed …
LIFETIME = 12 * 3600.0     # … and any session this old


class SessionStore:
    """Sessions of one workspace, kept in its catalog; `clock` is wall-clock seconds."""

    def __init__(self, clock: Callable[[], float] = time.time):
        self.clock = clock

    def open(self, catalog: Catalog, user: str, key: str) -> str:
        now = self.clock()
        web_sessions.purge(catalog, now, IDLE_LIMIT, LIFETIME)
        return web_sessions.open_session(catalog, user, key, now)

    def check(self, catalog: Catalog, sid: object, key: str) -> StoredSession | None:
        """The live session `sid` opened with `key`, or None (revoked, expired, unknown)."""
        if not isinstance(sid, str):
            return None
        found = web_sessions.find(catalog, sid)
        if found is None:
            return None
        now = self.clock()
        if found.key != key or now - found.seen > IDLE_LIMIT or now - found.created > LIFETIME:
            web_sessions.close(catalog, sid)
            return None
        web_sessions.touch(catalog, sid, found.seen, now)
        return found

    def check_user(self, catalog: Catalog, sid: object,
                   key_for: Callable[[str], str | None]) -> StoredSession | None:
        """As `check`, with the key of the session's own user now (None: no such user, or disabled)."""
        if not isinstance(sid, str):
            return None
        found = web_sessions.find(catalog, sid)
        if found is None:
            return None
        return self.check(catalog, sid, key_for(found.user) or "-")

    def revoke(self, catalog: Catalog, sid: object) -> None:
        if isinstance(sid, str):
            web_sessions.close(catalog, sid)

    def revoke_user(self, catalog: Catalog, user: str) -> int:
        """Close every session of `user`; returns how many."""
        return web_sessions.close_user(catalog, user)


class LoginThrottle:
    """Failed logins per key (client address, user name); `wait()` says how long to hold off."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._failures: dict[str, tuple[int, float]] = {}   # key -> (count, last failure)
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        now, longest = self.clock(), 0.0
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                if now - last > FORGET_AFTER:
                    self._failures.pop(key, None)
                    continue
                if count >= FREE_FAILURES:
                    pause = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (count - FREE_FAILURES))
                    longest = max(longest, last + pause - now)
        return max(0.0, longest)

    def failed(self, *keys: str) -> int:
        """Count a failure; returns the highest count among `keys`."""
        now, most = self.clock(), 0
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                count = 1 if now - last > FORGET_AFTER else count + 1
                self._failures[key] = (count, now)
                most = max(most, count)
        return most

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
