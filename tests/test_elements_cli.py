"""Issue 15 end to end: elements found on ingest are what search, tag and archive use."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from dangan.cli import cli
from dangan.errors import ExitCode, InvalidDate
from dangan.text.dates import date_bounds, parse_date_strict

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"
BEIJING = CORPUS / "txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the meeting records, the speeches and the Beijing report."""
    home = tmp_path_factory.mktemp("elements") / "ws"
    inbox = home.parent / "in"
    shutil.copytree(DOCS / "meeting_records", inbox / "meeting_records")
    shutil.copytree(DOCS / "speeches", inbox / "speeches")
    shutil.copy(BEIJING, inbox / BEIJING.name)
    for args in (["init"], ["ingest", str(inbox)]):
        result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return home


def _run(home: Path, *args: str):
    return CliRunner().invoke(cli, ["--home", str(home), *args])


def _hits(home: Path, *args: str) -> list[dict]:
    result = _run(home, "search", *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return data["results"]


def test_search_by_type_finds_meeting_records(home: Path) -> None:
    titles = {hit["title"] for hit in _hits(home, "会议", "--type", "会议记录")}
    assert "东湖社区居民委员会会议记录" in titles
    assert "宏福苑业主立案法团第十一届管理委员会第五次会议记录" in titles   # Markdown, Traditional


def test_search_by_issuer_finds_the_congress_report(home: Path) -> None:
    titles = [hit["title"] for hit in _hits(home, "政府工作", "--issuer", "北京市人民政府")]
    assert titles == ["2026年北京市政府工作报告"]


def test_search_with_an_impossible_date_is_a_date_error(home: Path) -> None:
    result = _run(home, "search", "会议", "--from", "2022-13-45")
    assert result.exit_code == ExitCode.USAGE
    assert "日期无效" in result.output and "2022-13-45" in result.output


def test_tag_with_an_impossible_date_is_a_date_error(home: Path) -> None:
    result = _run(home, "tag", "1", "--set", "成文日期=2024-13-01")
    assert result.exit_code == ExitCode.USAGE
    assert "日期无效" in result.output and "月份" in result.output
    assert _run(home, "tag", "1", "--set", "成文日期=二〇二四年二月二十九日").exit_code == 0


@pytest.mark.parametrize(("text", "day"), [
    ("2021-10-04", "2021-10-04"), ("2021/10/04", "2021-10-04"), ("2021.10.4", "2021-10-04"),
    ("2021年10月4日", "2021-10-04"), ("２０２１年１０月４日", "2021-10-04"), ("二〇二一年十月四日", "2021-10-04"),
    ("二零二一年十月四日", "2021-10-04"), ("二○二一年十月四日", "2021-10-04"), ("二O二一年十月廿四日", "2021-10-24"),
    ("貳零貳壹年拾月肆日", "2021-10-04"), ("二〇二一年十月卅一日", "2021-10-31"),
])
def test_every_written_form_of_a_day(text: str, day: str) -> None:
    assert parse_date_strict(text).isoformat() == day


@pytest.mark.parametrize("text", ["2024-13-01", "2022-13-45", "2023-02-29", "2021-04-31", "二〇二一年十三月一日", "明天"])
def test_impossible_days_are_refused(text: str) -> None:
    with pytest.raises(InvalidDate):
        parse_date_strict(text)


def test_bounds_of_a_year_and_a_month() -> None:
    assert date_bounds("2024") == ("2024-01-01", "2024-12-31")
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    with pytest.raises(InvalidDate):
        date_bounds("2024-13")
