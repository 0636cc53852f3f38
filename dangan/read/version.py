"""Which reader read a document: the package's version and a fingerprint of the reading code.

The reader changes every round (bench/README.md) while the package's version stays, so the version alone
would not tell an older reading. The fingerprint is of the source of `dangan/read/` and of every dangan
module it imports, directly or through another (`dangan/text/`'s dates and script, the model, the
errors…): the code that turns a file into text and elements. Any change there makes the documents read
before "read by an older reader" (`dangan stats`, `dangan check`), which `dangan reread` reads again. A
module the reader never imports is left out: a display helper added to `dangan/text/` for the desk
(`paths.document_suffix`) made every archive ask for a reread that could change nothing. The imports are
read from the source, not by importing, so the fingerprint costs no start-up; a change that moves
nothing in the reader's own code (a tidy) still costs a reread that finds nothing to change.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
READER = "read"


@cache
def _module_files(name: str) -> tuple[Path, ...]:
    """The source files a dotted dangan module name stands for (a package's __init__ and, for
    `from dangan.text import dates`, the submodule), each one that exists."""
    parts = name.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    return tuple(p for p in (base.with_suffix(".py"), base / "__init__.py") if parts and p.is_file())


# `import dangan.x.y`, `from dangan.x import a, b` and `from dangan.x import (a,\n b)`, in functions too. A
# pattern, not ast: parsing the ~90 files took 0.8 s of every ingest's start, reading them with this 0.02 s.
_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+(dangan(?:\.\w+)+)|from[ \t]+(dangan(?:\.\w+)+)[ \t]+import[ \t]+"
                     r"(\([^)]*\)|[^\n]*))", re.MULTILINE)


def _imported(path: Path) -> set[str]:
    """The dangan modules a file imports, as dotted names; `from X import y` also names X.y, which is a
    module when such a file exists."""
    names: set[str] = set()
    for plain, module, what in _IMPORT.findall(path.read_text(encoding="utf-8")):
        names.add(plain or module)
        if module:
            names.update(f"{module}.{word.split()[0]}" for word in what.strip("()").split(",") if word.strip())
    return names


def reading_files() -> list[Path]:
    """Every file of dangan/read/ and every dangan source file it reaches by import, sorted."""
    todo = sorted((PACKAGE / READER).rglob("*.py"))
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _imported(path):
            parts = name.split(".")
            for depth in range(2, len(parts) + 1):   # dangan.text.dates also loads dangan/text/__init__.py
                todo.extend(p for p in _module_files(".".join(parts[:depth])) if p not in seen)
    return sorted(seen)


@cache
def reader_version() -> str:
    """`0.1.0+1a2b3c4d5e6f`: computed once per process (about two hundred small files)."""
    digest = hashlib.sha256()
    for path in reading_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    try:
        package = version("dangan")
    except PackageNotFoundError:   # run from a checkout that was never installed
        package = "0"
    return f"{package}+{digest.hexdigest()[:12]}"
