"""The query language as a clerk types it, on the whole corpus: exclusions, OR, errors, suggestions."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dangan.cli import cli
from dangan.errors import BadQuery, ExitCode
from dangan.index.query import parse_query
from dangan.index.search import search


def run(ws, *args: str):
    return CliRunner().invoke(cli, ["--home", str(ws.home), "search", *args])


def found(ws, *args: str) -> dict:
    result = run(ws, *args, "--json", "--limit", "200")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_exclusion_as_its_own_argument(corpus_ws):
    ws, _ = corpus_ws
    both = {h["id"] for h in found(ws, "经济")["results"]}
    without = {h["id"] for h in found(ws, "经济", "-农业")["results"]}
    assert without and without < both
    after_dashes = run(ws, "--json", "--limit", "200", "经济", "--", "-农业")
    assert without == {h["id"] for h in json.loads(after_dashes.stdout)["results"]}
    assert without == {h.id for h in search(ws, "经济 -农业", limit=200).hits}
    assert without == {h["id"] for h in found(ws, "-农业", "经济", "-n", "200")["results"]}


def test_options_still_parse_around_exclusions(corpus_ws):
    ws, _ = corpus_ws
    result = run(ws, "经济", "-农业", "-n", "2", "--sort", "date")
    assert result.exit_code == 0 and "显示 2 件" in result.output
    assert run(ws, "经济", "-n3").exit_code == 0
    assert "用法" in run(ws, "-h").output or "Usage" in run(ws, "-h").output


def test_or_takes_either(corpus_ws):
    ws, _ = corpus_ws
    a = {h["id"] for h in found(ws, '"绿色建筑管理办法"')["results"]}
    b = {h["id"] for h in found(ws, '"创建办会"')["results"]}
    assert a and b and not a & b
    assert {h["id"] for h in found(ws, '"绿色建筑管理办法"', "OR", '"创建办会"')["results"]} == a | b
    assert [[t.text for t in g] for g in parse_query("甲乙 OR 丙丁 戊己").groups] == [["甲乙", "丙丁"], ["戊己"]]


@pytest.mark.parametrize("args", [['"'], ["*"], ["\\"], ["😀"], ["-农业"], [], ["foo:文明"],
                                  ["经济", "--from", "2022-13-45"], ["经济", "--to", "2022-02-30"],
                                  ["经济", "--from", "2023", "--to", "2022"], ["经济", "--limit", "0"],
                                  ["经济", "--limit", "-5"], ["经济", "--offset", "-1"]])
def test_nonsense_is_a_usage_error_with_a_chinese_hint(corpus_ws, args):
    ws, _ = corpus_ws
    result = run(ws, *args)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "错误：" in result.output and "共找到" not in result.output


def test_an_offset_past_the_end_says_so(corpus_ws):
    ws, _ = corpus_ws
    result = run(ws, "经济", "--offset", "100000")
    assert result.exit_code == 0 and "已越过最后一件" in result.output


def test_a_date_filter_counts_the_undated(corpus_ws):
    ws, _ = corpus_ws
    dated = search(ws, "经济", date_from="2020-01-01", limit=200)
    everything = search(ws, "经济", limit=1).total
    assert dated.undated and dated.undated > 0
    assert dated.total + dated.undated <= everything
    assert f"另有 {dated.undated} 件无成文日期" in run(ws, "经济", "--from", "2020-01-01").output
    assert search(ws, "经济", limit=1).undated is None


@pytest.mark.parametrize(("typo", "word"), [("垃圾分累", "垃圾分类"), ("文明成市", "文明城市"),
                                            ("粮食产梁", "粮食产量"), ("拨乱反政", "拨乱反正")])
def test_typos_get_the_word_the_archive_holds(corpus_ws, typo, word):
    ws, _ = corpus_ws
    result = search(ws, typo)
    assert result.suggestions and result.suggestions[0]["replacement"] == word
    assert result.suggestions[0]["query"] == word
    assert f"您是不是要找：{word}" in run(ws, typo).output


def test_no_suggestion_when_the_archive_holds_the_term(corpus_ws):
    ws, _ = corpus_ws
    assert search(ws, "垃圾分类").suggestions == ()
    assert search(ws, '"创建办会"').suggestions == ()


def test_unknown_field_names_the_fields():
    with pytest.raises(BadQuery) as caught:
        parse_query("foo:文明")
    assert "type:" in caught.value.hint
    assert [t.text for t in parse_query("10:30 会议").terms] == ["10:30", "会议"]   # not a field


@pytest.mark.parametrize(("query", "field"), [("type:", "type"), ("文种：", "文种"), ('issuer:""', "issuer"),
                                            ("type: 通知", "type"), ("垃圾 -year:", "year")])
def test_a_field_without_a_value_is_a_usage_error_with_an_example(query, field):
    with pytest.raises(BadQuery) as caught:
        parse_query(query)
    assert f"字段 {field}: 后面没有要找的值" in caught.value.message
    assert f"{field}:" in caught.value.hint and "不留空格" in caught.value.hint
    assert [t.text for t in parse_query("10:30 会议 foo：").terms] == ["10:30", "会议", "foo:"]   # not a field: words


def test_a_field_without_a_value_exits_3_through_the_cli(tmp_path):
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "ws"), "init"], catch_exceptions=False)
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "ws"), "search", "type:"])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "后面没有要找的值" in result.output and "没有找到" not in result.output
    assert "提示：" in result.output and "type:通知" in result.output


def test_typo_set_gets_the_right_first_suggestion_at_least_80_percent(corpus_ws):
    """42 real corpus words with one wrong character (tests/data/search_typos.json)."""
    from pathlib import Path

    ws, _ = corpus_ws
    rows = json.loads((Path(__file__).parent / "data" / "search_typos.json").read_text(encoding="utf-8"))["typos"]
    assert len(rows) >= 30
    right = [r for r in rows if [s["replacement"] for s in search(ws, r["typo"]).suggestions][:1] == [r["word"]]]
    assert len(right) / len(rows) >= 0.8, [r["typo"] for r in rows if r not in right]


@pytest.mark.parametrize("typed, other", [
    ('"2012年1月9日"', "二〇一二年一月九日"),   # the notice writes 二○一二年一月九日
    ("2012年1月9日", "二〇一二年一月九日"),
])
def test_a_date_written_otherwise_is_suggested_with_its_date_filter(corpus_ws, typed, other):
    """A clerk types the 成文日期 in digits; the 新余 notice writes it in Chinese numerals: no hit,
    and no hint would leave them thinking the archive lacks it."""
    ws, _ = corpus_ws
    result = search(ws, typed)
    assert result.total == 0 or not typed.startswith('"')   # bare: only 2012年 … 1月 … 9日 scattered
    offered = {s["replacement"]: s for s in result.suggestions}
    assert offered["date:2012-01-09"]["kind"] == "成文日期" and offered["date:2012-01-09"]["documents"] >= 1
    assert offered[other]["documents"] >= 1 and search(ws, offered[other]["query"]).total >= 1
    said = run(ws, typed).output
    assert "您是不是要找：date:2012-01-09（成文日期，" in said and "dangan search date:2012-01-09" in said


def test_a_date_that_is_found_gets_no_date_suggestion(corpus_ws):
    ws, _ = corpus_ws
    result = search(ws, '"二〇一二年一月九日"')
    assert result.total >= 1 and not result.suggestions


def test_a_bare_term_with_marks_no_document_holds_as_written_says_so(corpus_ws):
    """`search 〔1954〕` (a clerk's 文号 year, typed bare) finds reports that only say 1954: the
    result says no document holds 〔1954〕 as written, and how to look for a 文号."""
    ws, _ = corpus_ws
    result = search(ws, "〔1954〕")
    assert result.total >= 1
    assert result.loose == ({"term": "〔1954〕", "words": "1954"},)
    said = run(ws, "〔1954〕").output
    assert "注意：没有文件含“〔1954〕”原样，下列文件只含“1954”" in said and "number:〔1954〕" in said
    held = search(ws, "余府发〔2012〕3号")
    assert held.total >= 1 and held.loose == ()
    assert search(ws, '"〔1954〕"').loose == ()   # quoted: nothing found, nothing to explain
    from dangan.web.app import create_app

    with create_app(ws).test_client() as client:
        page = client.get("/?q=〔1954〕").get_data(as_text=True)
    assert "没有文件含“〔1954〕”原样，下列文件只含“1954”" in page


def test_needles_of_equal_length_keep_the_query_order():
    # a set's order changed with each process's hash seed: the same search marked 乡村 in one run
    # and 振兴 in the next, so its snippet showed another place of the document
    assert parse_query("乡村振兴").needles() == ["乡村振兴", "乡村", "振兴"]
    assert parse_query("振兴乡村").needles() == ["振兴乡村", "振兴", "乡村"]
    assert parse_query('"高质量" 营商环境 优化').needles() == ["营商环境", "高质量", "营商", "环境", "优化"]
