"""The reader's fingerprint covers the code that reads a file into text and elements, and only that: every dangan
module dangan/read/ imports (at import time or inside a function), never a module the reader does not reach, so a
display helper added to dangan/text/ for the desk does not make every archive ask for a reread."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dangan.read.version import PACKAGE, reader_version, reading_files


def _relative() -> set[str]:
    return {p.relative_to(PACKAGE).as_posix() for p in reading_files()}


def test_the_fingerprint_reads_the_reader_and_what_it_imports() -> None:
    files = _relative()
    assert {p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "read").rglob("*.py")} <= files
    # reached through the reader's own imports: dates (find_dates), script (to_simplified), the model, the errors
    assert {"text/dates.py", "text/script.py", "text/__init__.py", "model.py", "errors/base.py"} <= files
    # display and search helpers the reader never imports, and every stage downstream of it
    assert not files & {"text/paths.py", "text/list_marks.py", "text/organs.py", "text/doc_words.py"}
    assert not {f for f in files if f.split("/")[0] in ("index", "archive", "compose", "web", "cli", "ops", "intake")}
    assert reader_version().split("+")[1] and len(reader_version().split("+")[1]) == 12


def test_every_module_the_reader_loads_is_in_the_fingerprint() -> None:
    """Import every module of dangan/read in a fresh interpreter: each dangan module then loaded is one the
    fingerprint reads (the static reading of imports misses none the reader really loads)."""
    code = ("import pkgutil, importlib, sys, dangan.read as r\n"
            "for m in pkgutil.walk_packages(r.__path__, 'dangan.read.'):\n"
            "    importlib.import_module(m.name)\n"
            "print('\\n'.join(sorted(getattr(sys.modules[n], '__file__', '') or '' for n in sys.modules "
            "if n.startswith('dangan.'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=PACKAGE.parent).stdout.split()
    files = _relative()
    outside = {Path(f).resolve().relative_to(PACKAGE).as_posix() for f in loaded if f} - files
    assert not outside, outside
