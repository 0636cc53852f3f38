"""GB/T 9704 elements read from real corpus documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from dangan.read.understand.gongwen import read_metadata

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TXT = CORPUS / "txt"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")


def corpus_text(relpath: str) -> str:
    return (CORPUS / relpath).read_text(encoding="utf-8-sig")


def docx_text(relpath: str) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(CORPUS / relpath)).paragraphs)


# --- real documents -----------------------------------------------------------------------

XINYU = next(iter(sorted((TXT / "cn_normative_docs_pkulaw").glob("新余*.txt"))), None) if CORPUS.is_dir() else None
HAIKOU = next(iter(sorted((TXT / "cn_normative_docs_pkulaw").glob("海口*.txt"))), None) if CORPUS.is_dir() else None


@needs_corpus
def test_pkulaw_notice_xinyu() -> None:
    assert XINYU is not None
    text = XINYU.read_text(encoding="utf-8")
    meta = read_metadata(text, filename=XINYU.name)
    assert meta.values() == {
        "title": "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知",
        "doc_number": "余府发〔2012〕3号",
        "issuer": "新余市人民政府办公室",
        "doc_date": "2012-01-09",
        "recipients": "各县（区）人民政府、管委会，市政府各部门，市直各单位",
        "cc": None, "secrecy": None, "urgency": None,
        "doc_type": "通知",
    }
    # spans point into the text as given (mixed CRLF/LF)
    assert meta.doc_number is not None and meta.doc_number.span is not None
    start, end = meta.doc_number.span
    assert text[start:end] == "（余府发〔2012〕3号）"
    assert meta.doc_date is not None and meta.doc_date.span is not None
    assert text[slice(*meta.doc_date.span)] == "二○一二年一月九日"
    assert not any("法宝" in (v or "") or "原文链接" in (v or "") for v in meta.values().values())


@needs_corpus
def test_pkulaw_announcement_haikou_states_no_number_nor_date() -> None:
    assert HAIKOU is not None
    meta = read_metadata(HAIKOU.read_text(encoding="utf-8"), filename=HAIKOU.name)
    assert meta.doc_type is not None and meta.doc_type.value == "公告"
    assert meta.issuer is not None and meta.issuer.value == "海口市水务局"
    assert meta.doc_number is None       # （2020年） is a year, not a 发文字号
    assert meta.doc_date is None         # only a year; the body's dates are not the 成文日期


RESOLUTIONS = sorted(p.name for p in (TXT / "cn_state_council_gov_work_reports_1954_2025").glob("*决议.txt")) \
    if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("name", RESOLUTIONS)
def test_npc_resolutions(name: str) -> None:
    text = corpus_text(f"txt/cn_state_council_gov_work_reports_1954_2025/{name}")
    meta = read_metadata(text, filename=name)
    assert meta.doc_type is not None and meta.doc_type.value == "决议"
    assert meta.title is not None and meta.title.value == name.removesuffix(".txt")
    assert meta.issuer is not None and meta.issuer.value == name.split("关于")[0]
    assert meta.doc_number is None


@needs_corpus
@pytest.mark.parametrize(("name", "date"), [
    ("第十三届全国人民代表大会第五次会议关于政府工作报告的决议.txt", "2022-03-11"),
    ("第十三届全国人民代表大会第四次会议关于政府工作报告的决议.txt", "2021-03-11"),
    ("第十二届全国人民代表大会第二次会议关于政府工作报告的决议.txt", None),
])
def test_npc_resolution_dates(name: str, date: str | None) -> None:
    meta = read_metadata(corpus_text(f"txt/cn_state_council_gov_work_reports_1954_2025/{name}"), filename=name)
    assert meta.values()["doc_date"] == date


@needs_corpus
@pytest.mark.parametrize(("year", "title", "issuer", "date"), [
    (1957, "政府工作报告", None, "1957-06-26"),
    (2017, "政府工作报告", "国务院", "2017-03-05"),
    (2021, "政府工作报告", "国务院", "2021-03-05"),
    (2022, "政府工作报告", "国务院", "2022-03-05"),
    (2024, "政府工作报告", "国务院", "2024-03-05"),
    # no heading: the file name; the issuer is the organ the premier speaks for (我代表…)
    (1954, "1954年中华人民共和国国务院政府工作报告", "中央人民政府", None),
    (2025, "2025年中华人民共和国国务院政府工作报告", "国务院", None),
])
def test_state_council_reports(year: int, title: str, issuer: str | None, date: str | None) -> None:
    name = f"{year}年中华人民共和国国务院政府工作报告.txt"
    meta = read_metadata(corpus_text(f"txt/cn_state_council_gov_work_reports_1954_2025/{name}"), filename=name)
    values = meta.values()
    assert (values["title"], values["issuer"], values["doc_date"], values["doc_type"]) == (title, issuer, date, "报告")
    assert values["recipients"] is None     # 各位代表： is a salutation, not a 主送机关


@needs_corpus
def test_title_from_file_name_is_marked_unsure() -> None:
    name = "2025年中华人民共和国国务院政府工作报告.txt"
    text = corpus_text(f"txt/cn_state_council_gov_work_reports_1954_2025/{name}")
    assert read_metadata(text).title is None                      # never invented without a name
    meta = read_metadata(text, filename=name)
    assert meta.title is not None and meta.title.confidence < 0.5 and meta.title.span is None


@needs_corpus
def test_seed_speech_traditional_with_pinyin() -> None:
    path = next((TXT / "seed_speech").glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    meta = read_metadata(text, filename=path.name)
    assert meta.doc_type is not None and meta.doc_type.value == "讲话"
    assert meta.title is not None and meta.title.value == "书记在创建办会部署会讲话"   # Simplified, no pinyin
    assert meta.title.span is not None
    assert text[slice(*meta.title.span)] == "書記在創(chuàng)建辦會(huì)部署會(huì)講話"
    # 時間:2022-03-26 09:11:00 over the site's 導語 (…來源于網友上傳) is when the site posted its copy: no 成文日期,
    # kept as the copy's 网页发布时间
    assert meta.doc_date is None
    assert meta.posted_date is not None and meta.posted_date.value == "2022-03-26"
    assert text[slice(*meta.posted_date.span)].startswith("時(shí)間:2022-03-26")
    assert "posted_date" not in meta.values()   # not a GB/T 9704 element
    assert meta.doc_number is None and meta.recipients is None


@needs_corpus
@pytest.mark.parametrize(("province", "date", "issuer"), [
    ("上海市", "2025-01-15", "上海市人民政府"),      # 我代表上海市人民政府
    ("云南省", "2025-01-18", "云南省人民政府"),      # 我代表省人民政府 + the title's 云南省
    ("河南省", "2025-01-18", "河南省人民政府"),
    ("重庆市", "2025-01-19", "重庆市人民政府"),
    ("辽宁省", "2025-01-16", "辽宁省人民政府"),
])
def test_provincial_docx_reports(province: str, date: str, issuer: str | None) -> None:
    text = docx_text(f"docx/cn_provincial_gov_work_reports_2025/2025年{province}政府工作报告.docx")
    values = read_metadata(text).values()
    assert values["title"] == f"2025年{province}政府工作报告"
    assert (values["doc_date"], values["issuer"], values["doc_type"]) == (date, issuer, "报告")


WEB = sorted(p.name for p in (TXT / "cn_provincial_gov_work_reports_2026_web_scrape").glob("*.txt")) \
    if CORPUS.is_dir() else []
NOISE_WORDS = ("下载", "打印", "全屏", "收藏", "字号", "加大", "还原", "减小", "来源", "首页", "分享", "时间")


@needs_corpus
@pytest.mark.parametrize("name", WEB)
def test_web_scrape_noise_is_not_a_title(name: str) -> None:
    meta = read_metadata(corpus_text(f"txt/cn_provincial_gov_work_reports_2026_web_scrape/{name}"), filename=name)
    assert meta.title is not None and meta.title.value.endswith("政府工作报告")
    assert not any(word in meta.title.value for word in NOISE_WORDS)
    assert meta.doc_date is not None and meta.doc_date.value.startswith("2026-0")
    assert meta.doc_type is not None and meta.doc_type.value == "报告"


@needs_corpus
def test_web_page_time_line_loses_to_the_heading_date() -> None:
    # 时间：2026-02-09 is when the page went up; the report was given on 2026-02-03.
    meta = read_metadata(corpus_text("txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_上海市_政府工作报告.txt"))
    assert meta.doc_date is not None and meta.doc_date.value == "2026-02-03"


def test_pdf_title_spanning_two_large_lines_that_name_years():
    """"贵州省2023年预算执行情况和2024年 / 预算草案的报告": years inside a title are not a date."""
    from dangan.read.extract.base import Limits
    from dangan.read.extract.registry import extractor_for

    path = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Guizhou_test.pdf"
    extracted = extractor_for("application/pdf").extract(path, Limits())
    meta = read_metadata(extracted.text, extracted.layout, path.name)
    assert meta.title.value == "贵州省2023年预算执行情况和2024年预算草案的报告"
    assert meta.doc_date.value == "2024-01-24" and meta.issuer.value == "贵州省财政厅"
