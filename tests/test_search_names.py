"""A file is found by its name, in every backend: the clerk remembers 第二次修订稿 or 最终版.

Real corpus texts under the names clerks give their copies (the bytes are the corpus
file's); a name match ranks below the same span in another document's body, and the hit
says it came from the name. An index of the schema before names is refused with the
reindex hint, and `reindex` rebuilds it.
"""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PKULAW

from dangan.cli import cli as main
from dangan.errors import IndexMismatch
from dangan.index import MARKER
from dangan.index.maintain import reindex
from dangan.index.search import search
from dangan.index.snippets import CLOSE, OPEN
from dangan.intake.batch import ingest_paths
from dangan.workspace import Workspace, init_workspace

BACKENDS = ("whoosh", "tantivy", "postgres")
XINYU = next(PKULAW.glob("新余市*.txt"))    # says nothing of 水土保持 nor 修订稿
HAIKOU = next(PKULAW.glob("海口市*.txt"))   # holds 水土保持方案管理 once in its body
RENAMED = "生产建设项目水土保持方案管理办法（第二次修订稿）.txt"


def _workspace(tmp_path: Path, backend: str, dsn: str | None) -> Workspace:
    home = tmp_path / f"names-{backend}"
    home.mkdir()
    database = f'database = "{dsn}"\nschema = "names"\n' if dsn else ""
    (home / "dangan.toml").write_text(f'[index]\nbackend = "{backend}"\n{database}', encoding="utf-8")
    ws = init_workspace(home)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(XINYU, inbox / RENAMED)
    shutil.copy(HAIKOU, inbox / HAIKOU.name)
    with zipfile.ZipFile(inbox / "材料汇总.zip", "w") as zf:   # a member named by the clerk
        zf.write(PKULAW.parent / "seed_speech" / "书记在创建办会部署会讲话.txt", "讲话稿/书记讲话（最终版）.txt")
    report = ingest_paths(ws, sorted(inbox.iterdir()))
    assert report.count("failed") == 0, report.to_dict()
    return ws


@pytest.fixture(params=BACKENDS)
def nws(request: pytest.FixtureRequest, tmp_path: Path) -> Workspace:
    dsn = request.getfixturevalue("pg_dsn") if request.param == "postgres" else None
    return _workspace(tmp_path, request.param, dsn)


def test_a_file_is_found_by_part_of_its_name(nws: Workspace) -> None:
    for query in ("第二次修订稿", '"第二次修订稿"', "修订稿"):
        hits = search(nws, query).hits
        assert [h.path.rsplit("/", 1)[-1] for h in hits] == [RENAMED], query
        assert hits[0].matched_in == ("name",)
        assert "修订稿" in hits[0].name
    # the ZIP lists its members in its own text (a body match, first); the member by its name
    zipped, member = search(nws, "最终版").hits
    assert zipped.path.endswith("材料汇总.zip") and zipped.matched_in == ("text",)
    assert member.path.endswith("书记讲话（最终版）.txt") and member.matched_in == ("name",)
    assert member.name == "书记讲话（«最终版»）.txt".replace("«", OPEN).replace("»", CLOSE)


def test_a_name_match_ranks_below_the_same_span_in_a_body(nws: Workspace) -> None:
    for query in ("水土保持方案管理", '"水土保持方案管理"'):
        hits = search(nws, query).hits
        assert [h.path.rsplit("/", 1)[-1] for h in hits] == [HAIKOU.name, RENAMED], query
        assert "text" in hits[0].matched_in and "name" not in hits[0].matched_in
        assert "name" in hits[1].matched_in   # (bare: its words 方案, 管理 are in its text too)
    assert search(nws, '"水土保持方案管理"').hits[1].matched_in == ("name",)


def test_a_body_match_is_not_said_to_come_from_the_name(nws: Workspace) -> None:
    hit = search(nws, '"创建办"').hits[0]
    assert hit.path.endswith("书记讲话（最终版）.txt")
    assert "text" in hit.matched_in and hit.name == ""


def test_search_json_and_text_say_the_hit_came_from_the_name(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "whoosh", None)
    runner = CliRunner()
    out = runner.invoke(main, ["--home", str(ws.home), "search", "--json", "第二次修订稿"], catch_exceptions=False)
    hit = json.loads(out.output)["results"][0]
    assert hit["matched_in"] == ["name"] and "第二次修订稿" in hit["name"]
    out = runner.invoke(main, ["--home", str(ws.home), "search", "第二次修订稿"], catch_exceptions=False)
    assert "按文件名找到：生产建设项目水土保持方案管理办法（第二次修订稿）.txt" in out.output


def test_an_index_built_before_names_is_refused_until_reindexed(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "whoosh", None)
    marker = ws.index_dir / MARKER
    marker.write_text(json.dumps({"backend": "whoosh", "schema": 2}), encoding="utf-8")
    with pytest.raises(IndexMismatch) as caught:
        search(ws, "第二次修订稿")
    assert "索引结构 2" in caught.value.message and "reindex" in caught.value.hint
    out = CliRunner().invoke(main, ["--home", str(ws.home), "search", "第二次修订稿"])
    assert out.exit_code != 0 and "dangan reindex" in out.output
    reindex(ws)
    assert [h.matched_in for h in search(ws, "第二次修订稿").hits] == [("name",)]
