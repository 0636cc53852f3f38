"""Labelled written documents typeset to GB/T 9704-2012 as a real office types them (tests/styled_gongwen.py:
a red 版头 mark larger than the title, the 发文字号 and the red rule, the title block in 二号, 署名 and
成文日期, the 版记 between rules, — 1 — page numbers), saved by python-docx and printed to PDF by
LibreOffice, then read as ingest reads a DOCX and a PDF. bench/bench_elements_formats.py scores the 49
written documents so (`styled_docx`, `styled_pdf`); these are the readings its misses led to, each
shown on the real files with its rule on and off. The same documents typed as many clerks type them, the
two-field header lines, 署名 and 成文日期 set by fixed runs of full-width spaces (`styled_spaces_docx`,
`styled_spaces_pdf`), wrap at the page's edge in the PDF; the reading written for that is shown likewise."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from format_files import soffice
from labelled_elements import CORPUS, DATA, source_path
from styled_gongwen import styled_docx

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.pdf import PdfExtractor
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.metadata import read_facts

FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")
MINUTES = "docs/meeting_records/区创建办专题会议纪要.txt"        # 版头: organ + 会议纪要 in 小初 over the 文号
STREET = "docs/fresh_holdout/街道党工委会议纪要.txt"             # 纪要标志 over two lines, no heading below
LEDGER = "docs/fresh_holdout/幸福社区创文问题整改台账.txt"        # 填报单位：…<tab>填报日期：…
OWNERS = "docs/fresh_holdout_2/麗景花園業主委員會會議紀錄.md"      # a Traditional title block
NOTICE = "docs/written_notices/关于开展2023年度安全生产大检查的通知.txt"   # …文件 版头, 署名, 版记
JOINT = "docs/written_notices/关于2022年度目标考核结果的通报.txt"   # organ lines in the title, a joint 署名
REQUEST = "docs/fresh_holdout/关于申请追加社区活动经费的请示.txt"   # 发文字号<tab>签发人
SOURCES = (MINUTES, STREET, LEDGER, OWNERS, NOTICE, JOINT, REQUEST)
STANDING = "docs/meeting_records/县政府常务会议纪要.txt"          # 平阳县人民政府办公室 … 2021年6月30日 under the heading
BRIEF = "docs/written_notices/创文工作简报第15期.txt"             # 金山区…办公室编 … 2022年7月25日
SPACED = (*SOURCES, STANDING, BRIEF)
REVIEW = "docs/fresh_holdout/关于全区创文问题整改情况的通报.txt"   # 署名 城南区创建全国文明城市工作指挥部办公室


def label(source: str) -> dict[str, str]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return next(lab for lab in labels if lab["source"] == source)


@pytest.fixture(scope="session")
def styled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Each document's own text laid out to GB/T 9704 (the label says only which lines are the title
    block), and the DOCX printed to PDF in one LibreOffice run."""
    work = tmp_path_factory.mktemp("styled")
    made = {}
    for source in SOURCES:
        original = source_path(source)
        text = extractor_for(detect_mime(original)).extract(original, Limits()).text
        made[source] = styled_docx(text, label(source)["title"], work / f"{original.stem}.docx")
    soffice(list(made.values()), "pdf", work)
    return {source: {"docx": docx, "pdf": docx.with_suffix(".pdf")} for source, docx in made.items()}


@pytest.fixture(scope="session")
def spaced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The same layout typed with runs of spaces for the two-field, 署名 and date lines, printed likewise."""
    work = tmp_path_factory.mktemp("spaced")
    made = {}
    for source in SPACED:
        original = source_path(source)
        text = extractor_for(detect_mime(original)).extract(original, Limits()).text
        made[source] = styled_docx(text, label(source)["title"], work / f"{original.stem}.docx", spaces=True)
    original = source_path(REVIEW)   # its 署名 pushed right by sixteen spaces, as another clerk might
    text = extractor_for(detect_mime(original)).extract(original, Limits()).text
    made["sign16"] = styled_docx(text, label(REVIEW)["title"], work / "sign16.docx", spaces=True, sign_run=16)
    original = source_path(JOINT)   # its joint 署名 and date after twenty: each wraps
    text = extractor_for(detect_mime(original)).extract(original, Limits()).text
    made["sign20"] = styled_docx(text, label(JOINT)["title"], work / "sign20.docx", spaces=True, sign_run=20)
    soffice(list(made.values()), "pdf", work)
    return {source: {"docx": docx, "pdf": docx.with_suffix(".pdf")} for source, docx in made.items()}


def read(path: Path) -> dict[str, str]:
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    meta, _ = read_facts(extracted, path.name)
    values = meta.values()
    return {f: values.get(f) or "" for f in FIELDS}


@pytest.mark.parametrize("form", ("docx", "pdf"))
@pytest.mark.parametrize("source", SOURCES)
def test_a_typeset_document_reads_as_labelled(styled, source, form):
    want = label(source)
    assert read(styled[source][form]) == {f: want[f] for f in FIELDS}


def test_the_files_are_laid_out_as_the_standard_sets_them(styled):
    """What the readings below rest on is in the files: the 版头's mark larger than the title, the
    title larger than the body, the header line's and the 签发人 line's fields a tab apart."""
    layout = PdfExtractor().extract(styled[MINUTES]["pdf"], Limits()).layout
    size = {ln.text: ln.size for ln in layout}
    assert size["会议纪要"] > size["关于推进农贸市场环境整治的专题会议纪要"] + 8 > size["城创办纪〔2022〕6号"] + 8
    top = {ln.text: ln.top for ln in layout}
    assert top["会议纪要"] < top["城创办纪〔2022〕6号"] < top["关于推进农贸市场环境整治的专题会议纪要"]
    minutes = extractor_for(detect_mime(styled[MINUTES]["docx"])).extract(styled[MINUTES]["docx"], Limits()).text
    assert "城关区创建办\t二〇二二年四月八日" in minutes.splitlines()
    assert "城关区创建全国文明城市工作指挥部办公室\t2022年4月8日印发" in minutes.splitlines()   # 版记
    request = extractor_for(detect_mime(styled[REQUEST]["docx"])).extract(styled[REQUEST]["docx"], Limits()).text
    assert "红街报〔2022〕27号\t签发人：周建国" in request.splitlines()


def test_a_masthead_mark_larger_than_the_title_is_never_the_title(styled):
    """城关区…办公室 / 会议纪要 in 小初 over 城创办纪〔2022〕6号, the heading in 二号 below (rule layout_masthead)."""
    assert read(styled[MINUTES]["pdf"])["title"] == "关于推进农贸市场环境整治的专题会议纪要"
    with rules.disabled({"layout_masthead"}):   # the 纪要标志 read as the title
        assert read(styled[MINUTES]["pdf"])["title"] == "城关区创建全国文明城市工作指挥部办公室会议纪要"


def test_a_jiyao_mark_over_two_lines_is_the_heading(styled):
    """中共东风街道工作委员会 / 会 议 纪 要 in the title's size, no heading below (rule layout_jiyao_title)."""
    assert read(styled[STREET]["pdf"])["title"] == "中共东风街道工作委员会会议纪要"
    with rules.disabled({"layout_jiyao_title"}):
        assert read(styled[STREET]["pdf"])["title"] == "会议纪要"


def test_a_tab_sets_a_header_line_s_fields_apart(styled):
    """城关区创建办<tab>二〇二二年四月八日 and 填报单位：…<tab>填报日期：… (rule tab_field_gap)."""
    assert read(styled[MINUTES]["docx"])["doc_date"] == "2022-04-08"
    assert read(styled[LEDGER]["docx"])["issuer"] == "幸福社区居民委员会"
    with rules.disabled({"tab_field_gap"}):
        assert read(styled[MINUTES]["docx"])["doc_date"] == ""
        assert read(styled[LEDGER]["docx"])["issuer"] == "幸福社区"


def test_a_title_read_from_the_layout_is_simplified(styled):
    """麗景花園業主委員會 / 2022年度第三次會議紀錄 set in 二号: values come back Simplified."""
    assert read(styled[OWNERS]["pdf"])["title"] == "丽景花园业主委员会2022年度第三次会议纪录"


def test_a_line_over_a_ruled_table_keeps_its_field_gap(styled):
    """A page whose ruled tables replace its text (pdf_tables) spaces the lines outside them as any page's
    text is spaced (pdf_text): the 台账's 填报单位：… 填报日期：… header, and a real budget's 编制部门 line."""
    lines = PdfExtractor().extract(styled[LEDGER]["pdf"], Limits()).text.splitlines()
    header = next(line for line in lines if line.startswith("填报单位"))
    assert header.startswith("填报单位：幸福社区居民委员会   ") and header.endswith(" 填报日期：2024年5月8日")
    budget = PdfExtractor().extract(CORPUS / "pdf/cn_shanghai_putuo_budgets/上海市普陀区人民政府办公室25年预算.pdf",
                                    Limits())
    assert "编制部门：上海市普陀区人民政府办公室                    单位：元" in budget.pages[7].text.splitlines()
    assert "2023年政府信息公开工作年度报告" in PdfExtractor().extract(
        CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf", Limits()).pages[0].text.splitlines()


@pytest.mark.parametrize("form", ("docx", "pdf"))
@pytest.mark.parametrize("source", SPACED)
def test_a_document_typed_with_spaces_reads_as_labelled(spaced, source, form):
    want = label(source)
    assert read(spaced[source][form]) == {f: want[f] for f in FIELDS}


def pdf_lines(path: Path) -> list[str]:
    return PdfExtractor().extract(path, Limits()).text.splitlines()


def test_a_line_typed_with_spaces_wraps_in_the_pdf(spaced):
    """What the reading below rests on: a fixed run of full-width spaces between a line's two fields makes a long
    line wrap at 三号, in the DOCX one paragraph, in the PDF two lines; the 签发人 line and the 署名 fit."""
    gap = "\u3000" * 10
    docx = extractor_for(detect_mime(spaced[STANDING]["docx"])).extract(spaced[STANDING]["docx"], Limits()).text
    assert f"\u3000平阳县人民政府办公室{gap}2021年6月30日" in docx.splitlines()
    lines = pdf_lines(spaced[STANDING]["pdf"])
    k = lines.index(f"\u3000平阳县人民政府办公室{gap}2021年6月")
    assert lines[k + 1] == "30日"                                                     # cut inside the date
    lines = pdf_lines(spaced[LEDGER]["pdf"])
    k = lines.index(f"填报单位：幸福社区居民委员会{gap}填报日")
    assert lines[k + 1] == "期：2024年5月8日"                                          # cut inside the label
    lines = pdf_lines(spaced[BRIEF]["pdf"])
    k = next(k for k, line in enumerate(lines) if line.startswith("\u3000金山区创建全国文明城市工作指挥部办公室编\u3000"))
    assert lines[k].endswith("\u3000") and lines[k + 1] == "2022年7月25日"             # cut after the gap
    lines = pdf_lines(spaced[REQUEST]["pdf"])
    assert "\u3000" * 12 + "红星街道办事处" in lines and "\u3000" * 12 + "2022年9月14日" in lines


def test_a_header_line_wrapped_at_the_page_edge_is_one_line(spaced):
    """…2021年6月 / 30日, 填报日 / 期：2024年5月8日 and …办公室编 / 2022年7月25日 (rule wrapped_field_line); the
    same documents' DOCX, one paragraph a line, read alike with the rule off."""
    assert read(spaced[STANDING]["pdf"])["doc_date"] == "2021-06-30"
    assert read(spaced[STANDING]["pdf"])["issuer"] == "平阳县人民政府办公室"
    assert read(spaced[LEDGER]["pdf"])["doc_date"] == "2024-05-08"
    assert read(spaced[BRIEF]["pdf"])["issuer"] == "金山区创建全国文明城市工作指挥部办公室"
    with rules.disabled({"wrapped_field_line"}):
        assert read(spaced[STANDING]["pdf"])["doc_date"] == ""
        assert read(spaced[STANDING]["pdf"])["issuer"] == "平阳县人民政府"
        assert read(spaced[LEDGER]["pdf"])["doc_date"] == ""
        assert read(spaced[BRIEF]["pdf"])["issuer"] == ""
        assert read(spaced[STANDING]["docx"])["doc_date"] == "2021-06-30"
        assert read(spaced[BRIEF]["docx"])["issuer"] == "金山区创建全国文明城市工作指挥部办公室"


def test_a_signature_over_its_date_is_not_joined():
    """The 署名 over the 成文日期, or an organ line ending in spaces over a date alone with no field before its gap,
    stays two lines; a date line under a whole date is not a wrapped field."""
    from dangan.read.understand.gongwen_text import prepare

    for text in ("青山县人民政府办公室\n2023年5月6日", "\u3000" * 12 + "红星街道办事处\u3000\u3000\n2022年9月14日",
                 "城关区创建办\u3000\u3000二〇二二年四月八日\n二〇二二年四月九日",
                 "中共滨湖区委\u3000\u3000滨湖区人民政府\n2020年5月9日"):
        assert len(prepare(text).lines) == 2, text
    joined = prepare("红街报〔2022〕27号\u3000\u3000签发人：\r\n周建国\r\n区财政局：")
    assert [line.text for line in joined.lines] == ["红街报〔2022〕27号\u3000\u3000签发人：周建国", "区财政局："]
    start, end = joined.span(joined.lines[1].start, joined.lines[1].end)
    assert "红街报〔2022〕27号\u3000\u3000签发人：\r\n周建国\r\n区财政局："[start:end] == "区财政局："


def test_a_long_signature_wrapped_at_the_page_edge_is_one_line(spaced):
    """城南区创建全国文明城市工作指挥部办公室 after sixteen full-width spaces wraps (…工 / 作指挥部办公室) over its date: one
    署名 line (rule wrapped_signature); with the rule off its rest is taken for the 发文机关."""
    lines = pdf_lines(spaced["sign16"]["pdf"])
    k = lines.index("\u3000" * 16 + "城南区创建全国文明城市工")
    assert lines[k + 1] == "作指挥部办公室" and lines[k + 2] == "\u3000" * 16 + "2022年11月2日"
    want = label(REVIEW)
    assert read(spaced["sign16"]["pdf"]) == {f: want[f] for f in FIELDS}
    with rules.disabled({"wrapped_signature"}):
        assert read(spaced["sign16"]["pdf"])["issuer"] == "作指挥部办公室"
    from dangan.read.understand.gongwen_text import prepare

    body = prepare("\u3000" * 4 + "会议要求各单位要高度重视认真落实各项任务\n确保实效\n2022年11月2日")
    assert len(body.lines) == 3   # a sentence's end under it is no organ's name


def test_a_signature_and_date_pushed_off_the_line_are_read_whole(spaced):
    """The joint 署名 and the date after twenty full-width spaces: 中共江南市委办公 / 室, 江南市人民政府办 / 公室 and
    2023年3月15 / 日 (rule wrapped_signature); with the rule off the date is lost."""
    lines = pdf_lines(spaced["sign20"]["pdf"])
    k = lines.index("\u3000" * 20 + "2023年3月15")
    assert lines[k + 1] == "日"
    k = lines.index("\u3000" * 20 + "中共江南市委办公")
    assert lines[k + 1] == "室"
    want = label(JOINT)
    assert read(spaced["sign20"]["pdf"]) == {f: want[f] for f in FIELDS}
    with rules.disabled({"wrapped_signature"}):
        assert read(spaced["sign20"]["pdf"])["doc_date"] == ""
