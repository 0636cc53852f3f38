"""Ruled tables read from pypdfium2's paths: the rows pdfplumber finds, in the same order, faster."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pdfplumber
import pypdfium2
from conftest import CORPUS

from dangan.read.extract.base import Limits
from dangan.read.extract.pdf import MIN_PATHS_FOR_TABLE, PdfExtractor
from dangan.read.extract.pdf_tables import path_objects, ruled_tables

BUDGET = CORPUS / "pdf/cn_shanghai_putuo_budgets/putuo_sifaju_2026_dept_budget.pdf"
REPORT = CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf"
TABLE_PAGES = Path(__file__).parent / "data" / "pdf_table_pages.json"


def ours(path):
    out = {}
    with pypdfium2.PdfDocument(str(path)) as pdf:
        for index in range(len(pdf)):
            page = pdf[index]
            if len(paths := path_objects(page)) >= MIN_PATHS_FOR_TABLE:
                textpage = page.get_textpage()
                out[index] = ruled_tables(page, textpage, paths)[0]
                textpage.close()
            page.close()
    return out


def pdfplumbers(path, pages):
    out = {}
    with pdfplumber.open(path) as pdf:
        for index in pages:
            page = pdf.pages[index]
            out[index] = [tuple(tuple((c or "").replace("\n", "") for c in row) for row in t.extract())
                          for t in page.find_tables()]
            page.close()
    return out


def test_same_tables_and_row_order_as_pdfplumber_on_real_budgets():
    for path in (BUDGET, REPORT):
        started = time.perf_counter()
        found = ours(path)
        fast = time.perf_counter() - started
        started = time.perf_counter()
        reference = pdfplumbers(path, found)
        slow = time.perf_counter() - started
        assert [len(found[i]) for i in found] == [len(reference[i]) for i in found]
        rows = [(a, b) for i in found for ta, tb in zip(found[i], reference[i]) for a, b in zip(ta, tb)]
        same = sum(a == b or [c.replace(" ", "") for c in a] == [c.replace(" ", "") for c in b]
                   for a, b in rows)
        assert same >= 0.98 * len(rows), (path.name, same, len(rows))
        assert fast < slow, (fast, slow)


def test_budget_rows_in_page_order_with_numbers_in_their_cells():
    summary = ours(BUDGET)[9][0]   # 收支预算总表: header, rows, totals last
    assert summary[:2] == (("本年收入", "", "本年支出", ""), ("项目", "预算数", "项目", "预算数"))
    assert ("1.一般公共预算", "96,282,213.44", "二、社会保障和就业支出", "3,343,704.00") in summary
    assert summary[-1] == ("收入总计", "96,282,213.44", "支出总计", "96,282,213.44")


def test_table_page_text_keeps_lines_outside_the_table():
    extracted = PdfExtractor().extract(REPORT, Limits())
    assert len(extracted.tables) == 7
    page = next(p.text for p in extracted.pages if "行政处罚\t4119" in p.text)
    assert "（本列数据的勾稽关系为" in page and "信息公开" in page


def test_cells_are_exactly_pdfplumbers():
    from pdfplumber.table import edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    from dangan.read.extract import pdf_tables

    with pypdfium2.PdfDocument(str(BUDGET)) as pdf:
        for index in ours(BUDGET):
            page = pdf[index]
            edges = merge_edges(filter_edges(pdf_tables._edges(path_objects(page), page.get_height()), min_length=1),
                                3, 3, 3, 3)
            points = edges_to_intersections(filter_edges(edges, min_length=3), 3, 3)
            assert pdf_tables.intersections_to_cells(points) == intersections_to_cells(points)
            page.close()


def test_table_pages_read_exactly_as_stored():
    """Eight table pages of five budgets and reports, text and rows to the character:
    the finder's speed-ups must not move a character between cells or lines."""
    stored = json.loads(TABLE_PAGES.read_text(encoding="utf-8"))["pages"]
    for name in dict.fromkeys(page["file"] for page in stored):
        extracted = PdfExtractor().extract(CORPUS / name, Limits())
        for page in (p for p in stored if p["file"] == name):
            tables = [[list(row) for row in t.rows] for t in extracted.tables if t.page == page["page"]]
            assert tables == page["tables"], (name, page["page"])
            assert extracted.pages[page["page"] - 1].text == page["text"], (name, page["page"])
