"""Ruled tables read from pypdfium2's paths: the rows pdfplumber finds, in the same order, faster."""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pdfplumber
import pypdfium2
from conftest import CORPUS

from dangan.read.extract import pdf_geometry, pdf_tables
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


def as_pdfplumber_edges(horizontal, vertical):
    """Our edge tuples as the dicts pdfplumber's geometry takes."""
    return [{"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
             "bottom": bottom, "width": x1 - x0, "height": bottom - top}
            for orientation, edges in (("h", horizontal), ("v", vertical))
            for x0, top, x1, bottom, _ in edges]


def assert_geometry_is_pdfplumbers(horizontal, vertical):
    """Merged edges, cells, tables and rows, to the last bit of every coordinate."""
    from pdfplumber.table import (
        Table,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )
    from pdfplumber.utils import filter_edges

    merged = filter_edges(merge_edges(filter_edges(as_pdfplumber_edges(horizontal, vertical), min_length=1),
                                      3, 3, 3, 3), min_length=3)
    ours_h, ours_v = pdf_geometry.merged_edges(horizontal, vertical)
    assert ours_h == [(e["x0"], e["top"], e["x1"], e["bottom"], e["width"]) for e in merged if e["orientation"] == "h"]
    assert ours_v == [(e["x0"], e["top"], e["x1"], e["bottom"], e["height"]) for e in merged if e["orientation"] == "v"]
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    assert pdf_geometry.intersections_to_cells(pdf_geometry.intersections(ours_h, ours_v)) == cells
    tables = cells_to_tables(cells)
    found = pdf_geometry.table_cells(horizontal, vertical)
    assert [sorted(t) for t in found] == [sorted(t) for t in tables]
    for mine, theirs in zip(found, tables):
        assert pdf_geometry.rows(mine) == [row.cells for row in Table(None, theirs).rows]
        assert pdf_geometry.bbox(mine) == Table(None, theirs).bbox


def test_table_geometry_is_pdfplumbers_on_every_corpus_table_page():
    pages = 0
    for path in sorted((CORPUS / "pdf").rglob("*.pdf")):
        with pypdfium2.PdfDocument(str(path)) as pdf:
            for index in range(len(pdf)):
                page = pdf[index]
                if len(paths := path_objects(page)) >= MIN_PATHS_FOR_TABLE:
                    assert_geometry_is_pdfplumbers(*pdf_tables._edges(paths, page.get_height()))
                    pages += 1
                page.close()
    assert pages >= 60


def random_rulings(rng):
    """One or two ruled grids: lines a little off their place (snapped in chains), drawn
    in pieces (joined), some pieces left out (merged cells), some drawn twice, plus
    stray short and long lines. Half the cases are on a half-point grid, so that
    distances of exactly the tolerance occur."""
    horizontal, vertical = [], []
    coarse = rng.random() < 0.5

    def draw(along, position, start, end):
        if coarse:
            position, start, end = (round(v * 2) / 2 for v in (position, start, end))
        for _ in range(rng.choice([1, 1, 1, 2])):
            edge = ((start, position, end, position, end - start) if along == 1
                    else (position, start, position, end, end - start))
            (horizontal if along == 1 else vertical).append(edge)

    for corner in rng.sample([(40, 60), (60, 400), (300, 80)], rng.randint(1, 2)):
        xs = [corner[0] + sum(rng.uniform(20, 90) for _ in range(k)) for k in range(rng.randint(2, 7))]
        ys = [corner[1] + sum(rng.uniform(12, 40) for _ in range(k)) for k in range(rng.randint(2, 9))]
        for along, lines, across in ((1, ys, xs), (0, xs, ys)):
            for position in lines:
                stops = [across[0] + rng.uniform(-1, 1)] + across[1:-1] + [across[-1] + rng.uniform(-1, 1)]
                for start, end in zip(stops, stops[1:]):
                    if rng.random() < 0.12:
                        continue                       # a merged cell
                    jitter = rng.choice([0, 0, 3, -3, rng.uniform(-3.5, 3.5)])
                    gap = rng.choice([0, 0, 0.5, 2.9, 3, 3.1, 5])
                    draw(along, position + jitter, start, end - gap)
    for _ in range(rng.randint(0, 6)):
        along, position, start = rng.choice([0, 1]), rng.uniform(0, 600), rng.uniform(0, 600)
        draw(along, position, start, start + rng.choice([0.5, 1, 2, 3, 3.2, rng.uniform(5, 300)]))
    rng.shuffle(horizontal)
    rng.shuffle(vertical)
    return horizontal, vertical


def test_table_geometry_is_pdfplumbers_on_random_rulings():
    tables = 0
    for seed in range(300):
        horizontal, vertical = random_rulings(random.Random(seed))
        assert_geometry_is_pdfplumbers(horizontal, vertical)
        tables += len(pdf_geometry.table_cells(horizontal, vertical))
    assert tables > 300


def test_cell_texts_are_the_same_whether_cells_overlap_or_not():
    """The one-pass placement (cells side by side) and the per-cell test (overlapping
    cells) both give what testing every character against every cell gives."""
    def every_cell(row, chars):
        return tuple("" if cell is None else pdf_tables._cell_text(
            [c for c in chars if cell[0] <= c.cx < cell[2] and cell[1] <= c.cy < cell[3]]) for cell in row)

    for seed in range(200):
        rng = random.Random(seed)
        edges = sorted(rng.sample(range(0, 200, 10), 5))
        row = [(a, 0.0, b, 20.0) for a, b in zip(edges, edges[1:])]
        if seed % 3 == 0:
            row.insert(rng.randrange(len(row)), None)
        if seed % 4 == 0:   # a cell reaching over its neighbour
            k = rng.randrange(len(row) - 1)
            if row[k] is not None:
                row[k] = (row[k][0], 0.0, row[k][2] + 15, 20.0)
        chars = []
        for _ in range(rng.randint(0, 40)):
            x = rng.choice([rng.uniform(-5, 205), float(rng.choice(edges))])
            baseline = rng.choice([5.0, 6.5, 15.0])
            centre = rng.choice([x + 1, float(rng.choice(edges))])     # some on a cell's edge
            chars.append(pdf_tables.Char(rng.choice("一二三45"), x, x + rng.choice([3, 8]), centre,
                                         rng.choice([rng.uniform(-2, 22), 0.0, 20.0]), baseline))
        chars.sort(key=lambda c: c.cy)
        assert pdf_tables._row_texts(row, chars, [c.cy for c in chars]) == every_cell(row, chars), seed


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
