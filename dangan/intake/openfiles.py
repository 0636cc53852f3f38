"""Which files some process still holds open (Linux `/proc/*/fd`): a writer may pause with
the file open, and a file is never taken from the inbox while one does."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")
_WRITE_MODES = os.O_WRONLY | os.O_RDWR


def open_elsewhere(paths: Iterable[Path], proc: Path = PROC) -> set[Path]:
    """The `paths` that some process (this one included: a test's writer thread) has open.

    Without /proc (not Linux) nothing is known and nothing is reported.
    """
    return _held(paths, proc, writing=False)


def written_elsewhere(paths: Iterable[Path], proc: Path = PROC) -> set[Path]:
    """The `paths` that some process has open for writing (a copy or a download in progress);
    readers (a viewer, our own workers) do not count. Without /proc nothing is reported."""
    return _held(paths, proc, writing=True)


def _held(paths: Iterable[Path], proc: Path, *, writing: bool) -> set[Path]:
    wanted = {os.path.realpath(p): p for p in paths}
    if not wanted or not proc.is_dir():
        return set()
    found: set[Path] = set()
    try:
        pids = [entry.name for entry in os.scandir(proc) if entry.name.isdigit()]
    except OSError:
        return found
    for pid in pids:
        folder = f"{proc}/{pid}/fd"
        try:
            fds = os.listdir(folder)
        except OSError:   # gone, or another user's process we may not look into
            continue
        for fd in fds:
            try:
                target = os.readlink(f"{folder}/{fd}")
            except OSError:
                continue
            if target in wanted and (not writing or _for_writing(proc, pid, fd)):
                found.add(wanted[target])
                if len(found) == len(wanted):
                    return found
    return found


def _for_writing(proc: Path, pid: str, fd: str) -> bool:
    """Whether descriptor `fd` of `pid` was opened for writing (`flags:` in fdinfo, octal)."""
    try:
        with open(f"{proc}/{pid}/fdinfo/{fd}", encoding="ascii") as info:
            for line in info:
                if line.startswith("flags:"):
                    return bool(int(line.split()[1], 8) & _WRITE_MODES)
    except (OSError, ValueError, IndexError):
        return False
    return False
