"""A workspace on each index backend (Whoosh, Tantivy, PostgreSQL) holding a few real files, for the search
tests that must answer alike on all three: `home = backend_home(request, tmp_path_factory, "partial", FILES)`
in a module fixture parametrised by BACKENDS (PostgreSQL through the session's `pg_dsn`)."""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from cli_run import dangan

BACKENDS = ("whoosh", "tantivy", "postgres")


def backend_home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, name: str,
                 files: Sequence[Path]) -> Path:
    backend = request.param
    root = tmp_path_factory.mktemp(f"{name}-{backend}")
    home = root / "ws"
    home.mkdir()
    database = ""
    if backend == "postgres":
        database = f'database = "{request.getfixturevalue("pg_dsn")}"\nschema = "{name}"\n'
    (home / "dangan.toml").write_text(f'[index]\nbackend = "{backend}"\n{database}', encoding="utf-8")
    inbox = root / "收文"
    inbox.mkdir()
    for path in files:
        shutil.copy(path, inbox / path.name)
    dangan(home, "init")
    dangan(home, "ingest", "--no-ocr", "--quiet", str(inbox))
    return home
