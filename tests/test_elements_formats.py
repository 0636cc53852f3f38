"""The same labelled documents in another format: printed to PDF by LibreOffice (as a clerk
prints a Word file), then read as ingest reads a PDF. bench/bench_elements_formats.py scores
every form over 64 documents; these are the causes it found, on real variants made here."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from format_files import soffice
from labelled_elements import CORPUS, DATA, source_path

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.pdf import PdfExtractor
from dangan.read.extract.registry import extractor_for
from dangan.read.understand.metadata import read_facts

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")

FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")
WRITTEN = ("docs/written_notices/关于加强老旧小区物业管理的实施意见.txt",   # 东政发﹝2019﹞5号: a fallback font's brackets
           "docs/written_notices/创文工作简报第15期.txt",                 # 编 + gap + 2022年7月25日 header line
           "docs/meeting_records/区创建办专题会议纪要.txt",              # 城关区创建办 + gap + 二〇二二年四月八日
           "docs/speeches/县长在全县经济工作会议上的讲话.txt")            # one size throughout, a ——subtitle
LATIN = ("The municipal office for civilised city building receives the same document as a Word file, "
         "as a PDF printed from it, and as a scan; in 2024 it filed 1,284 of them, 37% as PDF, and "
         "every one must be read alike whatever bytes it came in.")
HENAN = "docx/cn_provincial_gov_work_reports_2025/2025年河南省政府工作报告.docx"   # a heading line wrapped in an organ


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each written document's text → DOCX → PDF, two LibreOffice runs for all of them."""
    work = tmp_path_factory.mktemp("printed")
    texts = []
    for source in WRITTEN:
        path = work / Path(source).name
        original = source_path(source)
        path.write_text(extractor_for(detect_mime(original)).extract(original, Limits()).text, encoding="utf-8")
        texts.append(path)
    latin = work / "latin.txt"   # an English paragraph the PDF wraps at spaces
    latin.write_text(LATIN + "\n", encoding="utf-8")
    texts.append(latin)
    soffice(texts, "docx:MS Word 2007 XML", work, infilter="Text (encoded):UTF8")
    shutil.copyfile(CORPUS / HENAN, work / Path(HENAN).name)
    soffice([p.with_suffix(".docx") for p in texts] + [work / Path(HENAN).name], "pdf", work)
    return {source: work / f"{Path(source).stem}.pdf" for source in (*WRITTEN, HENAN, "latin")}


def label(source: str) -> dict[str, str]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return next(lab for lab in labels if lab["source"] == source)


@pytest.mark.parametrize("source", (*WRITTEN, HENAN))
def test_a_printed_document_reads_as_its_text_did(printed, source):
    extracted = PdfExtractor().extract(printed[source], Limits())
    meta, _ = read_facts(extracted, printed[source].name)
    values = meta.values()
    want = label(source)
    assert {f: values.get(f) or "" for f in FIELDS} == {f: want[f] for f in FIELDS}


def test_printed_lines_hold_the_document_s_characters_in_order(printed):
    text = PdfExtractor().extract(printed[WRITTEN[0]], Limits()).text
    assert "东政发﹝2019﹞5号" in text.splitlines()       # pdfium alone: 东政发﹝2019 5 ﹞ 号
    assert "2019年3月11日" in text                        # no made-up space between 年 and the digits
    brief = PdfExtractor().extract(printed[WRITTEN[1]], Limits()).text
    head = next(line for line in brief.splitlines() if line.startswith("金山区"))
    assert head.startswith("金山区创建全国文明城市工作指挥部办公室编  ") and head.endswith(" 2022年7月25日")


def test_a_real_pdf_s_dates_and_counts():
    """A province's budget report and a street office's budget, printed by their offices."""
    report = PdfExtractor().extract(CORPUS / "pdf/cn_provincial_budget_reports_2024/Guizhou.pdf", Limits())
    assert "（2024年1月24日在贵州省第十四届人民代表大会第二次会议上）" in report.pages[0].text   # was 1 月24 日
    budget = PdfExtractor().extract(CORPUS / "pdf/cn_shanghai_putuo_budgets/上海市普陀区人民政府万里街道办事处24年预算.pdf",
                                    Limits())
    assert "本部门中，行政单位1家，参公单位1家，事业单位4家" in budget.text   # was 行政单位 1 家


def test_a_wrapped_paragraph_is_one_line_and_a_heading_stays_apart(printed):
    """The DOCX's paragraph, wrapped by the PDF inside 河南省, is one line again; the heading over
    it, the salutation and an indented paragraph's first line are not run into their neighbours."""
    lines = PdfExtractor().extract(printed[HENAN], Limits()).pages[0].text.splitlines()
    assert lines[:3] == ["2025年河南省政府工作报告",
                         "2025年1月18日在河南省第十四届人民代表大会第三次会议上河南省人民政府省长王凯作政府工作报告",
                         "各位代表:"]
    assert lines[3].startswith("现在，我代表省人民政府") and lines[3].endswith("提出意见。")


def test_a_wrapped_latin_paragraph_keeps_its_spaces(printed):
    text = PdfExtractor().extract(printed["latin"], Limits()).text
    assert LATIN in text.splitlines()
