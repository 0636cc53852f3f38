"""网页发布时间 (posted_date): a web copy's posting row is the site's, not the 成文日期 — kept as its own element.

The corpus speech (时間:2022-03-26 09:11:00 over the site's 導語: 一文來源于網友上傳) states no date of its own: it
is shown and exported with its posting time, and `archive --year` gives it a 档号 of the year inferred from it,
marked so ([2022-03-26]); a document with neither stays undated with its reason."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import corpus_file

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.compose.catalogue import catalogue_rows
from dangan.workspace import init_workspace

SEED = "txt/seed_speech/书记在创建办会部署会讲话.txt"


def _run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_posting_time_is_kept_shown_and_infers_the_archival_year(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    plain = tmp_path / "无日期的讲话.txt"
    plain.write_text("在全镇会议上的讲话\n\n同志们：\n    今天我们召开会议，部署创建工作。\n", encoding="utf-8")
    _run(ws.home, "ingest", str(corpus_file(SEED)), str(plain))

    data = json.loads(_run(ws.home, "show", "1", "--json"))
    assert data["doc_date"] is None and data["posted_date"] == "2022-03-26"
    shown = _run(ws.home, "show", "1")
    assert "网页发布时间：2022-03-26" in shown and "成文日期" not in shown

    report = json.loads(_run(ws.home, "archive", "--year", "2022", "--fonds", "Z001", "--json"))
    assert report["inferred"] == 1
    assert [(row["id"], row["date"], row.get("inferred")) for row in report["assigned"]] == [(1, "[2022-03-26]", True)]
    assert report["undated"]["count"] == 1 and report["undated"]["documents"][0]["id"] == 2
    assert report["undated"]["documents"][0]["reason"] == "正文没有写明成文日期"

    with Catalog(ws.catalog_path) as catalog:
        assert catalog.get(1).archival_code == "Z001-WS·2022-D30-BGS-0001"
        rows = catalogue_rows(catalog, 2022)
    assert [(row["code"], row["date"]) for row in rows] == [("Z001-WS·2022-D30-BGS-0001", "[20220326]")]
    assert "日期据网页发布时间推定" in rows[0]["note"]


def test_the_archive_report_says_how_many_years_were_inferred(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    _run(ws.home, "ingest", str(corpus_file(SEED)))
    said = _run(ws.home, "archive", "--year", "2022", "--fonds", "Z001")
    assert "新编档号 1 件" in said and "其中 1 件正文未写成文日期，年度据网页发布时间推定" in said


def test_tag_sets_the_posting_time_as_it_sets_a_date(tmp_path: Path) -> None:
    """`tag --set 网页发布时间=…` takes a day typed any usual way, refuses an impossible one with the 成文日期's own
    error, shows it marked 手工著录, and `archive --year` infers the year from it."""
    ws = init_workspace(tmp_path / "ws")
    plain = tmp_path / "无日期的讲话.txt"
    plain.write_text("在全镇会议上的讲话\n\n同志们：\n    今天我们召开会议，部署创建工作。\n", encoding="utf-8")
    _run(ws.home, "ingest", str(plain))

    tagged = json.loads(_run(ws.home, "tag", "1", "--set", "网页发布时间=2022年3月26日", "--json"))
    assert tagged["posted_date"] == "2022-03-26" and tagged["doc_date"] is None
    assert "网页发布时间：2022-03-26（手工著录）" in _run(ws.home, "show", "1")

    runner = CliRunner()
    refused = [runner.invoke(cli, ["--home", str(ws.home), "tag", "1", "--set", f"{name}=2022-13-01"])
               for name in ("网页发布时间", "成文日期")]
    assert refused[0].exit_code == refused[1].exit_code != 0
    assert refused[0].output == refused[1].output and "日期无效" in refused[0].output
    assert json.loads(_run(ws.home, "show", "1", "--json"))["posted_date"] == "2022-03-26"   # nothing lost

    report = json.loads(_run(ws.home, "archive", "--year", "2022", "--fonds", "Z001", "--json"))
    assert [(row["id"], row["date"], row.get("inferred")) for row in report["assigned"]] == [(1, "[2022-03-26]", True)]
    moved = _run(ws.home, "tag", "1", "--set", "网页发布时间=2023-01-05")
    assert "网页发布时间改为 2023-01-05后档号不变，仍列在 2022 年度" in moved
    cleared = _run(ws.home, "tag", "1", "--clear", "网页发布时间")
    assert "已清除" in cleared and json.loads(_run(ws.home, "show", "1", "--json"))["posted_date"] is None
