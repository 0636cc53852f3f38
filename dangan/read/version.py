"""Which reader read a document: the package's version and a fingerprint of the reading code.

The reader changes every round (bench/README.md) while the package's version stays, so the version alone
would not tell an older reading. The fingerprint is of the source of `dangan/read/` and `dangan/text/`,
the code that turns a file into text and elements: any change there makes the documents read before
"read by an older reader" (`dangan stats`, `dangan check`), which `dangan reread` reads again. A change
that moves nothing (a tidy) costs a reread that finds nothing to change.
"""
from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
READING = ("read", "text")


@cache
def reader_version() -> str:
    """`0.1.0+1a2b3c4d5e6f`: computed once per process (about a hundred small files)."""
    digest = hashlib.sha256()
    for folder in READING:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    try:
        package = version("dangan")
    except PackageNotFoundError:   # run from a checkout that was never installed
        package = "0"
    return f"{package}+{digest.hexdigest()[:12]}"
