"""A workspace whose index lives in PostgreSQL, used from the CLI as a clerk would."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import SEED_SPEECH

from dangan.cli import cli

REPO = Path(__file__).resolve().parents[1]


def run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_init_with_a_database_ingest_search_check(tmp_path: Path, pg_dsn: str) -> None:
    home = tmp_path / "ws"
    said = run(home, "init", "--database", pg_dsn, "--schema", "clerk")
    assert "PostgreSQL" in said
    assert 'backend = "postgres"' in (home / "dangan.toml").read_text(encoding="utf-8")
    run(home, "ingest", str(REPO / "examples"), "--no-ocr")
    hits = json.loads(run(home, "search", '"創建辦會"', "--json"))["results"]
    assert hits and hits[0]["path"].endswith(SEED_SPEECH.name)
    stats = json.loads(run(home, "stats", "--json"))
    assert stats["index_backend"] == "postgres" and stats["indexed"] == stats["documents"] == 5
    assert json.loads(run(home, "check", "--json"))["ok"]
    # Another archive may not take over this schema: rebuilding its index there would wipe ours.
    other = tmp_path / "other"
    refused = CliRunner().invoke(cli, ["--home", str(other), "init", "--database", pg_dsn, "--schema", "clerk"])
    assert refused.exit_code == 4 and "另一个档案" in refused.output
    assert json.loads(run(home, "stats", "--json"))["indexed"] == 5
    run(other, "init", "--database", pg_dsn, "--schema", "clerk_other")
    assert json.loads(run(other, "stats", "--json"))["index_backend"] == "postgres"


def test_switching_an_existing_workspace_to_postgres_and_back(tmp_path: Path, pg_dsn: str) -> None:
    home = tmp_path / "ws"
    run(home, "init")
    run(home, "ingest", str(SEED_SPEECH), "--no-ocr")
    toml = home / "dangan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "[index]\n", f'[index]\ndatabase = "{pg_dsn}"\nschema = "switch"\n'), encoding="utf-8")
    run(home, "reindex", "--backend", "postgres")
    assert json.loads(run(home, "search", "创建办会", "--json"))["total"] == 1
    run(home, "reindex", "--backend", "whoosh")
    assert json.loads(run(home, "search", "创建办会", "--json"))["total"] == 1
