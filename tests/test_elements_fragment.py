"""A page that starts mid-document has no heading (rule fragment_not_title).

The clerk trial: a scanned page of a longer 公文, read by OCR under a scanner's file name, took its first line (好政治关、
法律关…) for the 标题. GB/T 9704 sets a heading as a whole phrase; a line that ends in a clause mark (，、；) or runs as a
sentence (clause marks inside) is a piece of the body, and the labels' rule gives the file's name where no heading is.

Checked on a real corpus page read by OCR (ocr_scans' Guangdong_test.pdf, its third page), on a real report's text cut
at a page break mid-sentence and wrapped as OCR reads a page, and on every labelled file, which must read as before.
"""
from __future__ import annotations

import json

from labelled_elements import CORPUS, DATA, assert_reads_as_before

from dangan.model import Extracted, Page
from dangan.read.understand import rules
from dangan.read.understand.gongwen_lines import fragment_line
from dangan.read.understand.gongwen_text import compact
from dangan.read.understand.metadata import read_facts

FRAGMENT = {"fragment_not_title"}
SCAN_NAME = "scan0012.pdf"
HUNAN = CORPUS / "txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_湖南省_政府工作报告.txt"
GUANGDONG = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Guangdong_test.pdf"


def _title(page: str) -> str:
    meta = read_facts(Extracted(pages=(Page(1, page),), extractor="ocr"), SCAN_NAME)[0]
    assert meta.title is not None
    return meta.title.value


def test_an_ocr_page_that_starts_mid_sentence_takes_the_file_name() -> None:
    from dangan.read.extract.ocr import ocr_image, render_pdf_page

    page = ocr_image(render_pdf_page(GUANGDONG, 2, dpi=150)).text   # the report's third page, mid-paragraph
    first = page.strip().splitlines()[0]
    assert fragment_line(compact(first)), first
    assert _title(page) == "scan0012"
    with rules.disabled(FRAGMENT):
        assert _title(page) != "scan0012"   # a body line stood as the title


def test_a_report_cut_at_a_page_break_takes_the_file_name() -> None:
    # the 2026 Hunan report's paragraphs, the page break falling mid-sentence, wrapped at 28 characters a line as OCR
    # reads a printed page: every such page opened with a piece of a sentence for title
    paragraphs = [p.strip() for p in HUNAN.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 120]
    for i in (3, 10, 20, 30):
        body = "".join(paragraphs[i:i + 4])[len(paragraphs[i]) // 2:]
        page = "\n".join(body[k:k + 28] for k in range(0, 900, 28))
        assert _title(page) == "scan0012", i
        with rules.disabled(FRAGMENT):
            title = _title(page)
        assert title != "scan0012" and title[:10] in body, (i, title)


def test_fragments_by_form_and_no_label_is_one() -> None:
    for line in ("好政治关、法律关、保密关，", "索改为股权投入，推动积累公共资产，规范财政资金管理，增强",
                 "应急能力、公益性领域等集中，向前瞻性战略性新兴产业集中。", "千兆光网通达全部行政村，形成“算力、算法、算据、算网”四",
                 "；统筹教育强省、科技强省、人才强省建设，推动国家实验室体"):
        assert fragment_line(line), line
    for line in ("关于开展文明城市、卫生城市创建工作的通知", "年度述职报告", "名词解释",
                 "坚定信心，真抓实干", "尊敬的各位领导："):
        assert not fragment_line(line), line
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    assert not [lab["title"] for lab in labels if lab["title"] not in ("", "?") and fragment_line(compact(lab["title"]))]


def test_every_labelled_file_reads_as_before() -> None:
    assert_reads_as_before(FRAGMENT, changed=set(), round_family="validation_r32", docs_only=False)

