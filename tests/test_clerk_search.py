"""`search` as a clerk types it, on real files: by 文种 and 发文机关 (and their near misses),
impossible dates and ranges, and `reindex` with --json or a backend it cannot reach."""
from __future__ import annotations

import json

import pytest
from clerk_desk import dangan

from dangan.errors import ExitCode


def test_search_by_type_and_by_issuer_as_a_clerk_reads_it(clerk_desk) -> None:
    home, _ = clerk_desk
    meetings = dangan(home, "search", "--type", "会议记录").output
    assert "共找到 2 件" in meetings
    assert "东湖社区居民委员会会议记录" in meetings
    assert "宏福苑业主立案法团第十一届管理委员会第五次会议记录" in meetings      # Markdown, Traditional script
    beijing = dangan(home, "search", "--issuer", "北京市人民政府").output
    assert "共找到 1 件" in beijing and "2026年北京市政府工作报告" in beijing
    short = dangan(home, "search", "报告", "--issuer", "北京市政府").output     # as clerks shorten it
    assert "共找到 1 件" in short and "2026年北京市政府工作报告" in short
    near = dangan(home, "search", "报告", "--issuer", "北京人民政府").output
    assert "没有找到匹配的文件" in near
    assert "您是不是要找发文机关：北京市人民政府（1 件）  dangan search 报告 --issuer 北京市人民政府\n" in near
    unknown = dangan(home, "search", "报告", "--type", "文件").output
    assert "没有找到匹配的文件" in unknown and "注意：“文件”不是已知的文种；可用：决议" in unknown


@pytest.mark.parametrize(("args", "said"), [
    (("search", "--from", "2022-13-45"), "2022-13-45（月份应在 1 到 12 之间）"),
    (("search", "会议", "--to", "2022-02-30"), "2022-02-30（2022年2月只有 28 天）"),
    (("search", "date:2022-13"), "2022-13（月份应在 1 到 12 之间）"),
    (("tag", "1", "--set", "成文日期=2024-13-01"), "2024-13-01（月份应在 1 到 12 之间）"),
])
def test_an_impossible_date_is_a_date_error(clerk_desk, args: tuple[str, ...], said: str) -> None:
    home, _ = clerk_desk
    result = dangan(home, *args, code=ExitCode.USAGE)
    assert f"错误：日期无效：{said}" in result.output
    hint = "提示：日期须写到日：2022-03-26" if args[0] == "tag" else "提示：日期写成 2022-03-26"
    assert "检索式" not in result.output and hint in result.output


def test_a_range_that_ends_before_it_starts_is_a_date_error(clerk_desk) -> None:
    home, _ = clerk_desk
    result = dangan(home, "search", "会议", "--from", "2023", "--to", "2022", code=ExitCode.USAGE)
    assert "错误：日期无效：2023-01-01 至 2022-12-31（起始日期晚于截止日期）" in result.output
    assert "检索式" not in result.output and "提示：检查 --from / --to" in result.output


def test_reindex_answers_json_and_says_a_database_is_needed_for_postgres(clerk_desk, monkeypatch) -> None:
    """reindex had no --json; --backend postgres with no database printed 重建索引：0/N 件, then
    索引目录由 （无） 建立 with the hint to run dangan reindex, which was what had failed."""
    home, ids = clerk_desk
    monkeypatch.delenv("DANGAN_DATABASE_URL", raising=False)
    assert json.loads(dangan(home, "reindex", "--json").output) == {"indexed": len(ids), "backend": "whoosh"}
    said = dangan(home, "reindex", "--backend", "postgres", code=3).output
    assert "须先给出数据库地址" in said and "init --database" in said
    assert "重建索引：" not in said and "索引目录由" not in said and "运行 dangan reindex" not in said
    assert json.loads(dangan(home, "stats", "--json").output)["index_backend"] == "whoosh"
    assert json.loads(dangan(home, "search", "政府工作报告", "--json").output)["total"] >= 2
