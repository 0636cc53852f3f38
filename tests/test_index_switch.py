"""Switching an archive's index backend, mismatches found and mended, and the advice to switch."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED_SPEECH
from test_index_contract import NPC, REPORT_2024, ingest_paths

from dangan.index import IndexMismatch, detect_backend
from dangan.index.maintain import reindex, switch_backend
from dangan.index.query import parse_query
from dangan.index.search import search
from dangan.ops.check import check, stats
from dangan.read.extract.text import decode_text
from dangan.text.normalize import search_text
from dangan.workspace import Workspace, open_workspace, save_settings


# -- switching and advice ----------------------------------------------------
@pytest.fixture
def small_ws(workspace: Workspace) -> Workspace:
    ingest_paths(workspace, [SEED_SPEECH, *NPC[:2]])
    return workspace


def test_switch_backend_both_ways(small_ws: Workspace) -> None:
    before = {h.id for h in search(small_ws, "创建", limit=50).hits}
    ws = small_ws
    for target in ("tantivy", "whoosh"):
        assert switch_backend(ws, target) == 3
        ws = open_workspace(ws.home)
        assert ws.settings.index_backend == target and detect_backend(ws.index_dir) == target
        assert "[workspace]" in ws.config_file.read_text(encoding="utf-8")   # the rest is kept
        assert {h.id for h in search(ws, "创建", limit=50).hits} == before
        assert check(ws)["ok"]
        assert sorted(p.name for p in ws.home.iterdir() if p.name.startswith("index")) == ["index"]


def test_backend_mismatch_is_read_reported_and_mended_by_reindex(small_ws: Workspace) -> None:
    switch_backend(small_ws, "tantivy")
    ws = save_settings(small_ws, "index", {"backend": "whoosh"})   # as after a crash between the swap and the settings
    report = check(ws)
    assert not report["ok"] and report["problems"][0]["kind"] == "index_backend_mismatch"
    assert search(ws, '"创建办会"').total == 1           # the index is read as what it is
    assert stats(ws)["index_backend"] == "tantivy"
    assert reindex(ws) == 3
    assert detect_backend(ws.index_dir) == "whoosh" and check(ws)["ok"]


def test_old_tantivy_schema_is_rebuilt_by_reindex(small_ws: Workspace) -> None:
    from dangan.index.tantivy_backend import MARKER

    switch_backend(small_ws, "tantivy")
    ws = open_workspace(small_ws.home)
    (ws.index_dir / MARKER).write_text('{"backend": "tantivy", "schema": 0}', encoding="utf-8")
    with pytest.raises(IndexMismatch):
        search(ws, "创建")
    assert reindex(ws) == 3 and check(ws)["ok"] and search(ws, "创建").total >= 1


def test_stats_advise_tantivy_past_the_threshold(small_ws: Workspace,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from dangan.ops import check as maintain

    monkeypatch.setattr(maintain, "WHOOSH_ADVICE_AT", 3)
    assert "dangan reindex --backend tantivy" in (stats(small_ws)["advice"] or "")
    assert "tantivy" in (check(small_ws)["advice"] or "")
    from click.testing import CliRunner

    from dangan.cli import cli

    said = CliRunner().invoke(cli, ["--home", str(small_ws.home), "stats"]).output
    assert "建议：" in said and "dangan reindex --backend tantivy" in said
    assert not re.search(r"^[a-z_]+：", said, re.M), said      # every figure under its Chinese name (no desk_advice)
    switch_backend(small_ws, "tantivy")
    assert stats(open_workspace(small_ws.home))["advice"] is None


def test_wordsplit_gives_jiebas_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dangan.index import wordsplit

    monkeypatch.setattr(wordsplit, "CACHE_DIR", tmp_path)
    wordsplit._open.cache_clear()
    try:
        text = search_text(decode_text(SEED_SPEECH.read_bytes())[0])
        sentences = [s for s in re.split(r"[。！？\n]", text) if 2 < len(s) < 60][:300]
        full = wordsplit._full()
        assert [wordsplit.cut(s) for s in sentences] == [list(full.cut(s)) for s in sentences]
        assert wordsplit.table_path().stat().st_mode & 0o777 == 0o600
    finally:
        wordsplit._open.cache_clear()


def test_windowed_snippets_equal_whole_text_snippets() -> None:
    from dangan.index.snippet_window import snippet
    from dangan.index.snippets import make_snippet

    texts = [decode_text(p.read_bytes())[0] for p in (SEED_SPEECH, REPORT_2024, *NPC[:1])]
    for query in ('"创建办会"', "创建办会", "王", "3月", '"2024年"', "高质量发展", "不存在的词语"):
        needles = parse_query(query).needles()
        for text in texts:
            assert snippet(text, needles) == make_snippet(text, needles), query


def test_cli_reindex_backend_switches_in_place(small_ws: Workspace) -> None:
    import json

    from click.testing import CliRunner

    from dangan.cli import cli

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--home", str(small_ws.home), *args],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    for backend in ("tantivy", "whoosh"):
        assert "3" in run("reindex", "--backend", backend)
        assert json.loads(run("stats", "--json"))["index_backend"] == backend
        assert json.loads(run("search", '"创建办会"', "--json"))["total"] >= 1
