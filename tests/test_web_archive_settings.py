"""归档: the 全宗号 and 机构代码 a clerk types on the desk's page were only reused from the codes given
before, never saved: the CLI's `dangan archive` still said 还没有全宗号. Now they are kept in the
workspace's dangan.toml (its comments kept), offered by the page and taken by the CLI."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS
from web_desk import html, token

from dangan.cli import cli
from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import DEFAULT_TOML, init_workspace, open_workspace

NOTICE = CORPUS / "txt/cn_normative_docs_pkulaw/新余市人民政府办公室关于印发《新余市新余市...(FBM-CLI.12.748997).txt"
REPLY = CORPUS / "ofd/路桥区卫生局关于同意辞职的批复.ofd"


def test_the_codes_typed_on_the_desk_become_the_workspaces(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    ingest_paths(ws, [NOTICE, REPLY])
    with create_app(ws).test_client() as client:
        coded = html(client.post("/archive/codes", data={"csrf_token": token(client), "year": "2012", "fonds": "0194",
                                                          "org_code": "cjb", "confirm": "1"}, follow_redirects=True))
        assert "2012 年度新编档号 1 件（0194-WS·2012-D30-CJB-0001）" in coded
        assert "全宗号 0194、机构代码 CJB 已存入工作区设置（dangan.toml）" in coded
        page = html(client.get("/archive?year=2011"))   # offered for the next year, not retyped
        assert 'name="fonds" value="0194"' in page and 'name="org_code" value="CJB"' in page
        again = html(client.post("/archive/codes", data={"csrf_token": token(client), "year": "2011", "fonds": "0194",
                                                         "org_code": "CJB", "confirm": "1"}, follow_redirects=True))
        assert "0194-WS·2011-D30-CJB-0001" in again and "已存入工作区设置" not in again   # unchanged: not resaved
    text = ws.config_file.read_text(encoding="utf-8")
    assert 'fonds = "0194"          # 全宗号，例如 "0194"' in text     # in place, its comment kept
    assert 'org_code = "CJB"    # 机构（问题）代码' in text and "# 测评体系：" in text
    settings = tomllib.loads(text)
    default = tomllib.loads(DEFAULT_TOML)
    assert settings == {**default, "workspace": {**default["workspace"], "fonds": "0194", "org_code": "CJB"}}
    assert open_workspace(ws.home).settings.fonds == "0194"


def test_the_cli_takes_the_saved_fonds(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    ingest_paths(ws, [NOTICE, REPLY])
    runner = CliRunner()
    refused = runner.invoke(cli, ["--home", str(ws.home), "archive", "--year", "2011"])
    assert refused.exit_code != 0 and "还没有全宗号" in refused.output
    with create_app(ws).test_client() as client:
        client.post("/archive/codes", data={"csrf_token": token(client), "year": "2012", "fonds": "0194",
                                            "org_code": "CJB", "confirm": "1"})
    done = runner.invoke(cli, ["--home", str(ws.home), "archive", "--year", "2011", "--json"])
    assert done.exit_code == 0, done.output
    assert [row["code"] for row in json.loads(done.output)["assigned"]] == ["0194-WS·2011-D30-CJB-0001"]
    helped = runner.invoke(cli, ["--home", str(ws.home), "archive", "--help"]).output
    assert "网页工作台“归档”页编档号时所填的全宗号存在这里" in "".join(helped.split())   # as wrapped


def test_a_settings_file_it_cannot_write_safely_is_left_as_it_was(tmp_path: Path) -> None:
    """A 全宗号 written as a number by hand: the codes are given, the file is not touched, the clerk is told."""
    ws = init_workspace(tmp_path / "ws")
    ingest_paths(ws, [NOTICE])
    hand = ws.config_file.read_text(encoding="utf-8").replace('fonds = ""', "fonds = 194", 1)
    ws.config_file.write_text(hand, encoding="utf-8")
    ws = open_workspace(ws.home)
    with create_app(ws).test_client() as client:
        page = html(client.post("/archive/codes", data={"csrf_token": token(client), "year": "2012", "fonds": "0194",
                                                        "org_code": "BGS", "confirm": "1"}, follow_redirects=True))
    assert "0194-WS·2012-D30-BGS-0001" in page
    assert "档号已编，但全宗号 0194、机构代码 BGS 未能存入工作区设置 dangan.toml" in page
    assert "fonds、org_code 的写法不是 键 = &#34;值&#34;，无法自动写入" in page
    assert ws.config_file.read_text(encoding="utf-8") == hand
    assert not ws.config_file.with_name("dangan.toml.tmp").exists()
