"""Crash points for the recovery tests: the process kills itself at a named point.

`DANGAN_CRASH_AT=journal@3` SIGKILLs the process the third time it passes the point
`journal`. Unset (always, outside the tests) it costs one dictionary lookup.
"""
from __future__ import annotations

import os
import signal

CRASH_ENV = "DANGAN_CRASH_AT"  # tests only: `<point>[@n]` kills the process at the n-th hit
_crash_hits: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Recovery tests: SIGKILL this process here when $DANGAN_CRASH_AT names this point."""
    wanted = os.environ.get(CRASH_ENV)
    if not wanted or wanted.partition("@")[0] != name:
        return
    _crash_hits[name] = _crash_hits.get(name, 0) + 1
    if _crash_hits[name] >= int(wanted.partition("@")[2] or 1):
        os.kill(os.getpid(), signal.SIGKILL)
