"""Labelled written documents typeset to GB/T 9704-2012 as a real office types them (tests/styled_gongwen.py:
a red 版头 mark larger than the title, the 发文字号 and the red rule, the title block in 二号, 署名 and
成文日期, the 版记 between rules, — 1 — page numbers), saved by python-docx and printed to PDF by
LibreOffice, then read as ingest reads a DOCX and a PDF. bench/bench_elements_formats.py scores the 49
written documents so (`styled_docx`, `styled_pdf`); these are the readings its misses led to, each
shown on the real files with its rule on and off."""
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
