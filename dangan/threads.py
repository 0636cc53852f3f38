"""Whether this process may fork: only while it runs a single thread.

A fork copies only the calling thread. With other threads about (the web
desk's request threads, the watcher's observer, a native library's pool such
as Tantivy's writer or onnxruntime's) a lock one of them holds at that moment
is never released in the child, and Python 3.12+ warns. Threads are counted by
the OS, so native ones count too.
"""
from __future__ import annotations

import os
import threading


def may_fork() -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("Threads:")) == 1
    except (OSError, StopIteration, ValueError, IndexError):
        return threading.active_count() == 1   # no /proc: Python's own threads at least
