"""Issue 15 end to end: elements found on ingest are what search, tag and archive use."""
from __future__ import annotations

import json
import re
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
def built_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
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


@pytest.fixture
def home(built_home: Path, tmp_path: Path) -> Path:
    """This test's own copy of the module's workspace: a date one test tags is not in the next."""
    return Path(shutil.copytree(built_home, tmp_path / "ws"))


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


def test_archive_year_skips_only_undated_documents(home: Path) -> None:
    result = _run(home, "archive", "--year", "2021", "--fonds", "0194", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    titles = {row["title"] for row in data["assigned"]}
    assert "宏福苑业主立案法团第十一届管理委员会第五次会议记录" in titles     # 二零二一年十二月十一日
    assert "平阳县人民政府常务会议纪要" in titles                              # header line 2021年6月30日
    assert data["undated"]["count"] == 0       # every document here states its date somewhere


def test_undated_document_is_skipped_with_its_reason(tmp_path: Path) -> None:
    home, inbox = tmp_path / "ws", tmp_path / "in"
    inbox.mkdir()
    (inbox / "无日期.txt").write_text("关于做好值班工作的通知\n各单位：\n" + "请按要求做好值班工作。" * 10, encoding="utf-8")
    for args in (["init"], ["ingest", str(inbox)]):
        assert _run(home, *args).exit_code == 0
    result = _run(home, "archive", "--year", "2024", "--fonds", "0194")
    assert "另有 1 件文件没有成文日期，未编入任何年度" in result.output
    assert "正文没有写明成文日期 1 件" in result.output and "--set 成文日期=" in result.output


def test_same_text_in_other_bytes_is_one_document(tmp_path: Path) -> None:
    """The 2024 report as UTF-8/LF and as GB18030/CRLF: one 件, two originals, one hit, one 档号."""
    home, inbox = tmp_path / "ws", tmp_path / "in"
    inbox.mkdir()
    utf8 = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt"
    gb = CORPUS / "txt/encoding_variants_DERIVED/2024年国务院政府工作报告_GB18030_CRLF.txt"
    shutil.copy(utf8, inbox / "a.txt")
    shutil.copy(gb, inbox / "b.txt")
    assert _run(home, "init").exit_code == 0
    report = json.loads(_run(home, "ingest", str(inbox), "--json").output)
    assert report["ingested"] == 1 and report["duplicates"] == 1
    assert [row["path"].rsplit("/", 1)[-1] for row in report["same_text"]] == ["b.txt"]
    hits = _hits(home, "政府工作报告")
    assert len(hits) == 1
    shown = json.loads(_run(home, "show", str(hits[0]["id"]), "--json").output)
    assert [v["original_name"] for v in shown["variants"]] == ["b.txt"]
    assert Path(shown["variants"][0]["original"]).read_bytes() == gb.read_bytes()   # both originals kept
    archived = json.loads(_run(home, "archive", "--year", "2024", "--fonds", "0194", "--json").output)
    assert len(archived["assigned"]) == 1


def test_page_counts_say_when_they_are_estimates(tmp_path: Path) -> None:
    home, inbox = tmp_path / "ws", tmp_path / "in"
    inbox.mkdir()
    shutil.copy(CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年吉林省政府工作报告.docx", inbox / "jl.docx")
    shutil.copy(DOCS / "meeting_records/东湖社区居民委员会会议记录.txt", inbox / "dh.txt")
    for args in (["init"], ["ingest", str(inbox)]):
        assert _run(home, *args).exit_code == 0
    by_name = {}
    for doc_id in (1, 2):
        data = json.loads(_run(home, "show", str(doc_id), "--json").output)
        by_name[data["original_name"]] = (data["pages"], data["pages_estimated"], doc_id)
    assert by_name["jl.docx"][:2] == (18, False)         # docProps/app.xml <Pages>18</Pages>
    assert by_name["dh.txt"][:2] == (2, True)            # 22 lines × 28 characters a page
    assert "估算" in _run(home, "show", str(by_name["dh.txt"][2])).output
    assert "估算" not in _run(home, "show", str(by_name["jl.docx"][2])).output


def test_docx_without_statistics_gets_an_estimate(tmp_path: Path) -> None:
    """A DOCX whose docProps/app.xml has no <Pages> (many converters write none) is estimated."""
    import zipfile

    import docx

    from dangan.read.extract.base import Limits
    from dangan.read.extract.docx import DocxExtractor

    made = tmp_path / "made.docx"
    document = docx.Document()
    for _ in range(60):
        document.add_paragraph("各街道、各部门要按照测评体系的要求，逐项对照检查，确保问题整改到位，不留死角。" * 2)
    document.save(str(made))
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(bare, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "docProps/app.xml":
                data = re.sub(rb"<Pages>\d+</Pages>", b"", data)
            dst.writestr(item, data)
    extracted = DocxExtractor().extract(bare, Limits())
    assert extracted.page_count_estimated and extracted.page_count == 9   # 60 × 3 lines ÷ 22


@pytest.mark.parametrize(("source", "text"), [
    ("<div>会议</div>\n# 标题\n", "会议\n\n标题\n"),
    ("---\ntitle: x\n---\n# 会议纪要\n\n**时间：** 2025年4月3日\n", "会议纪要\n\n时间： 2025年4月3日\n"),
    ("| 日期 | 二〇二二年八月二十日 |\n|---|---|\n| 地点 | 会所 |\n", "日期：二〇二二年八月二十日\n地点：会所\n"),
    ("- [通知](http://x.cn/a) ![照片](p.png)\n", "通知 照片\n"),
    ("**日期：**二〇二一年十月四日\n**地点：**会议室\n", "日期：二〇二一年十月四日\n地点：会议室\n"),
])
def test_markdown_markup_never_survives(source: str, text: str) -> None:
    from dangan.read.extract.markdown import markdown_to_text

    assert markdown_to_text(source) == text
