"""The CLI as a test types it: `dangan(home, "search", "绿色建筑")` runs `dangan --home HOME search 绿色建筑`
in process (click's runner), checks the exit code (0 unless `code` says otherwise) and gives what it printed."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dangan.cli import cli


def dangan(home: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    crashed = result.exception if not isinstance(result.exception, SystemExit) else None
    assert result.exit_code == code, result.output + (f"\n{crashed!r}" if crashed else "")   # a crash names itself
    return result.output
