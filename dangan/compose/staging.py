"""A folder the clerk named, written whole or not at all.

Exports and packages are written into a hidden folder beside the target and renamed into
place when complete: a run stopped half-way (Ctrl-C, a full disk, a killed process) leaves
no half folder that looks finished, to be handed over or to block the next run.
"""
from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dangan.errors import path_error


@contextmanager
def staged_folder(out: Path, label: str) -> Iterator[Path]:
    """Yield the hidden folder to write into; on success it becomes `out` (absent or empty)."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for stale in out.parent.glob(f".{glob.escape(out.name)}.{label}-*"):
            shutil.rmtree(stale, ignore_errors=True)   # left by a run that was killed
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.{label}-", dir=out.parent))
    except OSError as exc:   # the hidden folder's name would mean nothing to the clerk: the target's, or
        # the folder above it that is at fault (a file where a folder must be)
        named = Path(exc.filename) if isinstance(exc.filename, str) else None
        raise (path_error(exc, named if named in out.parents else out) or exc) from exc
    os.chmod(staging, 0o755)   # mkdtemp makes 0700; the result is an ordinary folder
    try:
        yield staging
        if out.exists():
            out.rmdir()   # the empty folder the clerk named
        os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
