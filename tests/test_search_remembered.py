"""Papers asked for as people remember them (inspection day), in every backend, through the CLI on corpus files.

A year typed in digits finds a report whose text writes it only in Chinese numerals (1982 → 一九八二年) and
back; 14届 / 十四届, a 文号 without its brackets, 76号文, 市政府办 and 全国人大 find what prints them otherwise;
a year and a 文种 in the query rank (a report dated 2017 above one that mentions 2017), never filter.
bench/bench_clerk_queries.py measures the same on the whole corpus.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from backend_homes import BACKENDS, backend_home
from cli_run import dangan
from conftest import CORPUS, PKULAW

from dangan.index.analyzer import phrase_grams, units
from dangan.index.query import parse_query, words
from dangan.index.query_forms import spellings, years
from dangan.index.snippets import CLOSE, OPEN
from dangan.text.organs import organ_forms

REPORTS = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
CONGRESS = CORPUS / "txt" / "cn_cpc_congress_reports"
FILES = [
    *(REPORTS / f"{y}年中华人民共和国国务院政府工作报告.txt" for y in (1957, 1981, 1982, 1997, 2003, 2004, 2017)),
    REPORTS / "1964年中华人民共和国国务院政府工作报告（摘要）.txt",   # names 周恩来 and 一九五七年 more than the 1957 one
    REPORTS / "第十三届全国人民代表大会第四次会议关于政府工作报告的决议.txt",
    REPORTS / "第十三届全国人民代表大会第五次会议关于政府工作报告的决议.txt",
    REPORTS / "第十二届全国人民代表大会第五次会议关于政府工作报告的决议.txt",   # names 李克强 and 2017 too
    CONGRESS / "14_加快改革开放和现代化建设步伐 (十四大).txt",
    CONGRESS / "15_高举邓小平理论伟大旗帜，把建设有中国特色社会主义事业全面推向二十一世纪 (十五大).txt",
    CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd",
    next(PKULAW.glob("新余市*.txt")),
    next(PKULAW.glob("海口市*.txt")),
]


@pytest.fixture(scope="module", params=BACKENDS)
def home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return backend_home(request, tmp_path_factory, "remembered", FILES)


def first(home: Path, query: str) -> dict:
    found = json.loads(dangan(home, "search", "--json", query))
    assert found["results"], query
    return found["results"][0]


@pytest.mark.parametrize(("query", "title"), [
    ("1982", "1982年中华人民共和国国务院政府工作报告"),                 # its text: 一九八二年 only
    ("国务院 1982 政府工作报告", "1982年中华人民共和国国务院政府工作报告"),
    ("一九八二 国务院", "1982年中华人民共和国国务院政府工作报告"),
    ("余府发2012 3号", "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知"),
    ("76号文", "关于同意张阿三同志辞职的批复"),
    ("市政府办 绿色建筑", "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知"),
    ("十三届全国人大四次会议 决议", "第十三届全国人民代表大会第四次会议关于政府工作报告的决议"),
    ("14大报告", "加快改革开放和现代化建设步伐"),
    # the 1997 report prints 第十五次全国代表大会 (then coming) more often than the congress' own report: its
    # file name's 15 weighs as much in Tantivy as in Whoosh now (base.py's hints, one set for both)
    ("第15次全国代表大会 报告", "高举邓小平理论伟大旗帜，把建设有中国特色社会主义事业全面推向二十一世纪"),
    ("周恩来 1957", "政府工作报告"),   # the 1957 report (dated 1957-06-26) above the 1964 one that says 一九五七年
])
def test_a_paper_is_found_first_as_it_is_remembered(home: Path, query: str, title: str) -> None:
    """First in Whoosh and Tantivy; PostgreSQL ranks coarsely (a match per field, not per occurrence): top 3."""
    found = json.loads(dangan(home, "search", "--json", query))["results"]
    titles = [r["title"] for r in found]
    if "postgres" in str(home):
        assert title in titles[:3], (query, titles)
    else:
        assert titles[0] == title, (query, titles)


def test_the_other_spelling_is_marked_in_the_snippet(home: Path) -> None:
    hit = first(home, "1982")
    assert f"{OPEN}一九八二年{CLOSE}" in hit["snippet"]
    said = dangan(home, "search", "1982")
    assert "1982年中华人民共和国国务院政府工作报告" in said.split("\n\n")[0] + said
    assert "您是不是要找" not in said


def test_a_year_ranks_and_does_not_filter(home: Path) -> None:
    """The 2017 report (dated 2017-03-05, titled 政府工作报告) above the 决议 of that session, which names
    李克强 and 2017 in its text; both are listed, and so is a report of another year that mentions 2017."""
    found = json.loads(dangan(home, "search", "--json", "李克强 2017 政府工作报告"))
    paths = [Path(r["path"]).name for r in found["results"]]
    assert paths[0] == "2017年中华人民共和国国务院政府工作报告.txt"
    assert "第十二届全国人民代表大会第五次会议关于政府工作报告的决议.txt" in paths
    year = json.loads(dangan(home, "search", "--json", "2003"))   # the 2004 report says 2003年 in its text
    assert year["total"] == 2 and year["results"][0]["title"] == "2003年中华人民共和国国务院政府工作报告"


def test_quoted_is_exact_and_a_count_is_no_year() -> None:
    query = parse_query('"1982" 14届 二〇二三年')
    assert [t.text for t in query.positive if not t.variant] == ["1982", "14届", "二〇二三年"]
    assert [t.text for t in query.positive if t.variant] == ["十四届", "2023年"]   # none for the quoted year
    assert query.years == ("2023",)
    assert parse_query("余府发2012 3号").years == ("2012",)


def test_a_two_digit_year_is_a_year_and_a_count_of_years_is_not() -> None:
    """26年 and 24年度 as clerks and file names shorten them (24年预算) are 2026年 and 2024年度, and rank that year;
    a count of years (近26年, 26年来: for 26 years) is no year, nor 126年 or 第26年."""
    assert spellings("26年")[:1] == ["2026年"] and spellings("24年度决算")[:1] == ["2024年度决算"]
    assert spellings("98年")[:1] == ["1998年"]
    assert parse_query("普陀 司法局 26年 预算").years == ("2026",)
    for counted in ("近26年", "26年来", "26年以来", "满26年", "第26年", "26年前", "126年", "历时26年"):
        assert spellings(counted) == [] and years(counted) == [], counted
    assert words("普陀司法局26年预算") == ["普陀", "司法局", "26年", "预算"]   # one word, not 26 (anything) and 年
    assert "26年" not in words("近26年来的发展")


def test_the_campaign_office_s_short_names_are_one_office() -> None:
    """创文办, 创建办, 创城办 name one office (the speech says 创建办, a clerk types 创文办); 文明办 is another organ."""
    assert spellings("创文办")[:2] == ["创建办", "创城办"]
    assert spellings("区创城办")[:2] == ["区创建办", "区创文办"]
    assert not any("文明办" in s for s in spellings("创文办")) and not any("创" in s for s in spellings("文明办"))
    assert organ_forms("市监局")[1] == "市场监管局"   # the same rule: the two short forms of one 局


def test_a_year_in_chinese_numerals_keeps_its_zeros() -> None:
    """〇 was no unit: 二〇〇三年 was 二三年 to the index, and a span of 二〇二三年; ○ (as printers set it) is 〇."""
    assert units("二〇〇三年") == ["二", "〇", "〇", "三", "年"]
    assert units("一九八○年") == units("一九八〇年")
    grams = phrase_grams("二〇〇三年")
    other = phrase_grams("二〇二三年")
    assert not any(other[i:i + len(grams)] == grams for i in range(len(other)))


def test_the_circle_zero_is_found_as_the_zero(home: Path) -> None:
    """The 1982 report prints 一九八○年 (a circle): typed with 〇 it is found, and as quoted."""
    for query in ('"一九八〇年"', '"一九八○年"'):
        names = [Path(r["path"]).name for r in json.loads(dangan(home, "search", "--json", query))["results"]]
        assert "1982年中华人民共和国国务院政府工作报告.txt" in names, query
