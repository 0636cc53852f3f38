"""A paper asked for with a word remembered wrong, or by an office's short word for its kind, in every backend,
through the CLI and the desk on corpus files.

When no document holds every term, the query is asked again requiring most of its parts (index/loose.py)
and the answer says so: 没有完全符合的结果，以下为部分符合的结果（未匹配：张三…）, each hit naming what it
lacks (`relaxed` and each hit's `missing` in --json). A document word's short form (年报) is also looked for
as titles print it (年度报告, text/doc_words.py). A number alone is a whole number in a title in PostgreSQL too
(202 is not 2020年…).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from backend_homes import BACKENDS, backend_home
from cli_run import dangan
from conftest import CORPUS, PKULAW

from dangan.web.app import create_app
from dangan.workspace import open_workspace

REPLY = "关于同意张阿三同志辞职的批复"   # the OFD's title; its file name says 路桥区卫生局关于同意辞职的批复
YEARLY = "洪泽区人民政府2023年政府信息公开工作年度报告"
SPEECH = "书记在创建办会部署会讲话"
FILES = [
    CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd",
    CORPUS / "pdf" / "cn_gov_info_disclosure_annual_reports" / "hzq2023_working.pdf",
    CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt",
    next(PKULAW.glob("新余市*.txt")),
    next(PKULAW.glob("海口市*.txt")),
]


@pytest.fixture(scope="module", params=BACKENDS)
def home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return backend_home(request, tmp_path_factory, "partial", FILES)


def searched(home: Path, *args: str) -> dict:
    return json.loads(dangan(home, "search", "--json", *args))


def test_a_title_with_a_name_remembered_wrong_is_found_and_the_clerk_told(home: Path) -> None:
    found = searched(home, "关于同意张三辞职的批复")
    assert found["results"][0]["title"] == REPLY
    assert found["results"][0]["missing"] == ["张三"]
    assert found["relaxed"] == {"required": 5, "parts": ["关于", "同意", "张三", "辞职", "的", "批复"],
                                "unmatched": ["张三"]}
    said = dangan(home, "search", "关于同意张三辞职的批复")
    assert "没有完全符合的结果，以下为部分符合的结果（未匹配：张三；每件至少含 6 个检索词中的 5 个）。" in said
    assert f"1. {REPLY}" in said and "   未含：张三\n" in said
    assert "没有找到匹配的文件" not in said


def test_words_apart_loosen_too_and_a_full_match_is_never_loosened(home: Path) -> None:
    found = searched(home, "卫生局 辞职 张三 批复")
    assert found["results"][0]["title"] == REPLY and found["relaxed"]["unmatched"] == ["张三"]
    strict = searched(home, "卫生局 辞职 批复")
    assert strict["results"][0]["title"] == REPLY
    assert "relaxed" not in strict and all("missing" not in r for r in strict["results"])


def test_an_excluded_word_and_a_filter_stay_required_when_loosened(home: Path) -> None:
    excluded = searched(home, "关于同意张三辞职的批复", "-路桥区")
    assert REPLY not in [r["title"] for r in excluded["results"]]
    filtered = searched(home, "关于同意张三辞职的批复", "--type", "通知")
    assert REPLY not in [r["title"] for r in filtered["results"]]
    assert all(r["doc_type"] == "通知" for r in filtered["results"])


def test_nothing_found_even_loosely_says_so(home: Path) -> None:
    found = searched(home, "张三 李四")
    assert found["total"] == 0 and "relaxed" not in found
    assert "没有找到匹配的文件" in dangan(home, "search", "张三", "李四")


def test_an_annual_report_is_found_by_its_everyday_name(home: Path) -> None:
    """年报: the report is titled …政府信息公开工作年度报告; found by every term, nothing loosened."""
    found = searched(home, "洪泽区 2023 信息公开 年报")
    assert found["results"][0]["title"] == YEARLY and "relaxed" not in found


def test_a_bare_number_is_a_whole_number_in_a_title(home: Path) -> None:
    """The 海口 notice's title holds 2020年 (twice) and no 202 anywhere: PostgreSQL found it by the prefix."""
    haikou = "海口市水务局关于2020年2月1日—2020年2月29日生产建设项目水土保持方案审批决定的公告"
    assert haikou in [r["title"] for r in searched(home, "2020")["results"]]
    assert haikou not in [r["title"] for r in searched(home, "202")["results"]]


def test_the_desk_says_the_results_are_partial(home: Path) -> None:
    if "whoosh" not in str(home):
        pytest.skip("the desk's page is the same whatever the backend")
    client = create_app(open_workspace(home)).test_client()
    page = client.get("/", query_string={"q": "关于同意张三辞职的批复"}).get_data(as_text=True)
    assert "没有完全符合的结果，以下为部分符合的结果（未匹配：张三；每件至少含 6 个检索词中的 5 个）。" in page
    assert REPLY in page and "未含：张三" in page
    strict = client.get("/", query_string={"q": "卫生局 辞职 批复"}).get_data(as_text=True)
    assert REPLY in strict and "没有完全符合的结果" not in strict and "未含：" not in strict


def test_a_name_typed_one_sound_off_gets_the_archive_s_spelling(home: Path) -> None:
    """张阿山 for 张阿三 (the 批复's title): 阿山 is a dictionary word (a place), so the typed name read no worse than
    the archive's and nothing was suggested. A name's shape, its surname kept and one character of the given
    name sounding alike are enough now; a name the archive holds nothing near gets nothing."""
    found = searched(home, "张阿山")
    assert found["total"] == 0
    assert [(s["replacement"], s["kind"]) for s in found["suggestions"]][:1] == [("张阿三", "近音")]
    assert "您是不是要找：张阿三（近音" in dangan(home, "search", "张阿山")
    assert searched(home, "张阿山 辞职")["suggestions"][0]["replacement"] == "张阿三"
    assert not searched(home, "王阿山").get("suggestions")


def test_the_campaign_office_is_found_by_any_of_its_short_names(home: Path) -> None:
    """The speech says 创建办; 创文办 and 创城办 find it by every term (not a partial result, as before). 文明办 is
    the 文明委's office, not the campaign's: still a partial result, 文明办 unmatched."""
    for query in ("书记 创文办 部署会 讲话", "创城办 部署会 讲话"):
        found = searched(home, query)
        assert found["results"][0]["title"] == SPEECH and "relaxed" not in found, query
    other = searched(home, "文明办 部署会 讲话")
    assert other["relaxed"]["unmatched"] == ["文明办"]


def test_a_two_digit_year_finds_the_year(home: Path) -> None:
    """23年 is 2023年 (a strict match, first); 近23年 ("for 23 years") is no year: a partial result without it."""
    found = searched(home, "洪泽区 23年 年报")
    assert found["results"][0]["title"] == YEARLY and "relaxed" not in found
    counted = searched(home, "洪泽区 近23年 年报")
    assert counted["relaxed"]["unmatched"] == ["近23年"]
