"""Editions of the 测评体系 as data: the generated national-2015, district-nine, workspace editions, the CLI."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from dangan.cli import cli
from dangan.errors import TaxonomyError, UnknownEdition
from dangan.read.understand.taxonomy import describe, list_editions, load_edition

DATA = REPO.parent / "shared" / "data" / "cepingtixi"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="shared cepingtixi data not found")


@pytest.fixture(scope="module")
def national():
    return load_edition("national-2015")


def _builder():
    spec = importlib.util.spec_from_file_location("build_taxonomy", REPO / "tools" / "build_taxonomy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@needs_data
def test_committed_edition_is_what_the_script_builds(tmp_path: Path) -> None:
    builder = _builder()
    out = tmp_path / "national-2015.toml"
    assert builder.main(["build", str(DATA / "requirements.json"), str(out)]) == 0
    committed = REPO / "dangan" / "taxonomy" / "national-2015.toml"
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


def _clauses_put_back(source: str) -> str:
    """A source cell whose clause number slid to its end (）制定…；2) as the builder reads it (2）制定…；)."""
    return re.sub(r"^[）)](.*?)(\d{1,2})$", r"\2）\1", source)


@needs_data
def test_a_clause_number_that_slid_to_the_end_of_its_cell_is_put_back(national) -> None:
    # Ⅲ-89's row 220 holds "）制定文明创建工作负面清单…；\n2": its clause and both its requirements are 2), not 0
    content = next(c for c in national.contents() if c.code == "Ⅲ-89")
    assert [s.clause for s in content.standards] == [1, 2, 3]
    assert content.standards[1].text.startswith("2）制定文明创建工作负面清单")
    assert [r.clause for r in content.requirements if "负面清单" in r.text or "形式主义" in r.text] == [2, 2]
    assert not any(s.text.startswith(("）", ")")) for c in national.contents() for s in c.standards)


@needs_data
def test_every_code_and_text_traces_back_to_a_source_row(national) -> None:
    rows = {int(r["id"]): r for r in json.loads((DATA / "requirements.json").read_text(encoding="utf-8"))}
    raw = tomllib.loads((REPO / "dangan" / "taxonomy" / "national-2015.toml").read_text(encoding="utf-8"))
    squash = lambda s: "".join(s.split())  # noqa: E731
    for content in raw["contents"]:
        sources = [rows[i] for i in content["rows"]]
        assert any(content["code"] in (r["test_content"] + r["title"] + r["index_name"]) for r in sources)
        for req in content.get("requirements", ()):
            assert squash(req["text"]) in squash(rows[req["row"]]["title"])
            for unit in req.get("units", ()):
                assert unit in rows[req["units_row"]]["evaluation_standard"]
        for standard in content.get("standards", ()):
            assert any(squash(standard["text"]).rstrip("。；;") in _clauses_put_back(squash(rows[i]["evaluation_standard"]))
                       for i in standard["rows"])
    for item in raw["items"]:
        assert any(item["code"] in r["headline"] for r in rows.values())


def test_national_2015_has_the_contents_requirements_and_kinds(national) -> None:
    contents = national.contents()
    assert len(contents) >= 80 and len(national.items) == 11
    assert {r.kinds and r.kinds[0] for c in contents for r in c.requirements} >= {"规范文件", "说明报告", "统计表格"}
    c77 = national.content("Ⅲ-77")
    assert c77.name == "公众参与" and c77.item == "Ⅰ-11" and c77.indicator == "Ⅱ-33"
    assert [r.kinds for r in c77.requirements] == [("规范文件",), ("说明报告", "实景图片")]
    assert c77.field and c77.questions == ("是否参加过环境保护、生态文明主题活动。",)
    assert national.content("Ⅲ-2").requirement(1).units == ("区委宣传部",)   # the one 责任单位 the data records
    assert national.content("Ⅲ-58") is None                                  # absent from the source
    assert national.item_of("Ⅲ-79").code == "Ⅰ-12"


def test_district_nine_and_the_default(national) -> None:
    nine = load_edition()
    assert nine.code == "district-nine" and len(nine.contents()) == 9
    assert all(c.standard == "待补充" and not c.requirements for c in nine.contents())
    assert {e.code for e in list_editions()} >= {"district-nine", "national-2015"}


def test_a_workspace_loads_its_own_edition(tmp_path: Path) -> None:
    own = tmp_path / "taxonomies"
    own.mkdir()
    (own / "city-2023.toml").write_text("""
[meta]
code = "city-2023"
name = "本市测评体系（2023）"

[[items]]
code = "一"
name = "政务环境"

[[contents]]
code = "1.1"
name = "政务公开"
item = "一"
  [[contents.requirements]]
  text = "提供政务公开工作年度报告（说明报告）"
""", encoding="utf-8")
    edition = load_edition("city-2023", tmp_path)
    assert edition.content("1.1").requirements[0].kinds == ("说明报告",)
    assert any(e.code == "city-2023" and e.origin == "工作区" for e in list_editions(tmp_path))
    assert load_edition(str(own / "city-2023.toml")).code == "city-2023"        # or by path
    with pytest.raises(UnknownEdition, match="national-2099"):
        load_edition("national-2099", tmp_path)
    (own / "broken.toml").write_text('[[contents]]\ncode = "x"\nname = "y"\nitem = "无"\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="不是已有的测评项目"):
        load_edition("broken", tmp_path)


def test_describe(national) -> None:
    tree = describe(national)
    assert tree["total"] == len(national.contents())
    one = describe(national, "Ⅲ-77")
    assert one["level"] == "content" and one["item_name"] == "可持续发展的生态环境"
    assert describe(national, "Ⅰ-11")["level"] == "item"
    with pytest.raises(UnknownEdition):
        describe(national, "Ⅲ-999")


def test_describe_an_indicator(national) -> None:
    """A 指标 (Ⅱ-1) lists its 测评内容 under its 测评项目; a code the data lacks (Ⅱ-34) stays unknown."""
    one = describe(national, "Ⅱ-1")
    assert one["level"] == "indicator" and one["name"] == national.indicator("Ⅱ-1")
    assert one["item"] == "Ⅰ-1" and one["item_name"] == "理想信念教育"
    assert one["contents"] and all(c["indicator"] == "Ⅱ-1" for c in one["contents"])
    assert "Ⅲ-1" in [c["code"] for c in one["contents"]]
    with pytest.raises(UnknownEdition, match="是不是 Ⅱ-1"):
        describe(national, "ii-1")
    with pytest.raises(UnknownEdition):
        describe(national, "Ⅱ-34")


def test_taxonomy_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    home = ["--home", str(tmp_path / "ws")]
    assert runner.invoke(cli, [*home, "init"]).exit_code == 0
    listed = runner.invoke(cli, [*home, "taxonomy", "list", "--json"], catch_exceptions=False)
    rows = json.loads(listed.output)
    assert {r["code"] for r in rows} >= {"national-2015", "district-nine"}
    assert next(r for r in rows if r["current"])["code"] == "district-nine"
    shown = runner.invoke(cli, [*home, "taxonomy", "show", "Ⅲ-77", "--taxonomy", "national-2015"],
                          catch_exceptions=False)
    assert shown.exit_code == 0 and "环境保护主题活动的年度安排" in shown.output and "实地考察" in shown.output
    bad = runner.invoke(cli, [*home, "taxonomy", "show", "Ⅲ-999", "--taxonomy", "national-2015"])
    assert bad.exit_code == 3 and "Ⅲ-999" in bad.output
    indicator = runner.invoke(cli, [*home, "taxonomy", "show", "Ⅱ-1", "--taxonomy", "national-2015"])
    assert indicator.exit_code == 0, indicator.output
    assert "测评项目：Ⅰ-1 理想信念教育" in indicator.output and "Ⅲ-1 干部群众全面深入学习" in indicator.output
    # the workspace is on district-nine: a national code is named with the option that shows it
    elsewhere = runner.invoke(cli, [*home, "taxonomy", "show", "Ⅲ-77"])
    assert elsewhere.exit_code == 3
    assert "national-2015 中有 Ⅲ-77" in elsewhere.output and "--taxonomy national-2015" in elsewhere.output
    config = tmp_path / "ws" / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('edition = "district-nine"',
                                                                 'edition = "national-2015"'), encoding="utf-8")
    rows = json.loads(runner.invoke(cli, [*home, "taxonomy", "list", "--json"]).output)
    assert next(r for r in rows if r["current"])["code"] == "national-2015"
