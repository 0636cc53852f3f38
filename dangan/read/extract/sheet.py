"""Spreadsheets (.xlsx, .xls, .et, .ods, .csv): every sheet, one line per row.

python-calamine (Rust calamine) reads XLSX, XLS/ET (BIFF8) and ODS. Each row
becomes `sheet name<TAB>cell<TAB>cell…`, the header row included, so a ledger
row is one searchable line and a snippet shows the row. Cells of a merged
range all carry the range's value (the 责任单位 merged down a column is on
every row). CSV is decoded like plain text and read with the csv module; a CSV of
one row whose cell holds a document is read as that document (`records`).

Memory stays bounded: a sheet's size is checked before it is loaded (the
XML of an XLSX, the file of an XLS), rows are turned into text one at a time,
and reading stops at `MAX_CELLS` cells.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import EncryptedFile, MissingDependency, TooLarge
from dangan.model import Extracted, Page, Table
from dangan.read.extract import detect, records
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt
from dangan.read.extract.registry import register
from dangan.read.extract.text import decode_text

MAX_CELLS = 2_000_000          # 200k rows of 10 columns: beyond that a "sheet" is a database dump
MAX_SHEET_XML = 200 * 2**20    # uncompressed XML of an XLSX/ODS (calamine holds a sheet in memory)
MAX_BIFF_FILE = 100 * 2**20    # an XLS/ET file
TABLE_ROWS = 2_000             # rows kept as a structured Table per sheet (the text keeps all)


@register
class SpreadsheetExtractor:
    name: ClassVar[str] = "calamine"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.XLSX, detect.XLS, detect.ODS})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        _check_size(path, limits)
        try:
            from python_calamine import CalamineWorkbook
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise MissingDependency(name="python-calamine") from exc
        try:
            workbook = CalamineWorkbook.from_path(str(path))
        except Exception as exc:   # CalamineError, PasswordError, XmlError, ZipError…
            if type(exc).__name__ == "PasswordError":
                raise EncryptedFile(detail="表格设有打开密码") from exc
            raise corrupt("表格无法解析", exc) from exc
        merges = _ods_merges(path) if _is_ods(path) else {}
        sheets = []
        try:
            for index, name in enumerate(workbook.sheet_names):
                sheet = workbook.get_sheet_by_index(index)
                ranges = sheet.merged_cell_ranges or merges.get(index, [])
                rows = list(sheet_rows(sheet.iter_rows(), sheet.start or (0, 0), ranges))
                sheets.append((name, rows))
        except TooLarge:
            raise
        except Exception as exc:
            raise corrupt("表格内容无法读取", exc) from exc
        finally:
            workbook.close()
        return build(sheets, self.name)


@register
class CsvExtractor:
    name: ClassVar[str] = "csv"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.CSV})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        text, encoding = decode_text(path.read_bytes())
        sample = text[:8192]
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        except csv.Error:
            dialect = csv.excel_tab if "\t" in sample and "," not in sample else csv.excel
        reader = csv.reader(io.StringIO(text), dialect)
        first = list(itertools.islice((row for row in reader if any(cell.strip() for cell in row)), 3))
        if len(first) == 2 and (record := records.csv_document(first, f"{self.name}:{encoding}")):
            return record      # a header and one row holding a document: read the document
        rows = ([cell_text(v) for v in row] for row in itertools.chain(first, reader))
        trimmed = list(sheet_rows(rows, (0, 0), []))
        return build([(path.stem, trimmed)], f"{self.name}:{encoding}")


def build(sheets: list[tuple[str, list[list[str]]]], extractor: str) -> Extracted:
    """One page per sheet: `sheet<TAB>cells…` lines; the first rows also as a Table."""
    pages, tables = [], []
    for number, (name, rows) in enumerate(sheets, start=1):
        label = name.replace("\t", " ").strip() or f"Sheet{number}"
        pages.append(Page(number, "\n".join("\t".join([label, *row]) for row in rows)))
        if rows:
            tables.append(Table(page=number, rows=tuple(tuple(r) for r in rows[:TABLE_ROWS])))
    if not pages:
        pages.append(Page(1, ""))
    return Extracted(pages=tuple(pages), extractor=extractor, tables=tuple(tables),
                     page_count=len(pages))


def sheet_rows(rows: Iterable[Iterable[Any]], start: tuple[int, int],
               merged: Iterable[tuple[tuple[int, int], tuple[int, int]]]) -> Iterator[list[str]]:
    """Rows as lists of cell text, merged ranges filled, empty rows and trailing cells dropped."""
    anchors = {(r0, c0): (r1, c1) for (r0, c0), (r1, c1) in merged}
    fill: dict[tuple[int, int], str] = {}
    cells_seen = 0
    for i, row in enumerate(rows):
        r = start[0] + i
        cells = [cell_text(v) for v in row]
        cells_seen += len(cells)
        if cells_seen > MAX_CELLS:
            raise TooLarge(detail=f"表格超过 {MAX_CELLS:,} 个单元格")
        for j, value in enumerate(cells):
            c = start[1] + j
            if (r, c) in anchors:
                r1, c1 = anchors.pop((r, c))
                for rr in range(r, r1 + 1):
                    for cc in range(c, c1 + 1):
                        if (rr, cc) != (r, c):
                            fill[(rr, cc)] = value
            elif not value and (r, c) in fill:
                cells[j] = fill.pop((r, c))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield cells


def cell_text(value: Any) -> str:
    """A cell as it reads: integers without `.0`, dates as ISO, booleans in Chinese."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return " ".join(str(value).split())


def _check_size(path: Path, limits: Limits) -> None:
    """Refuse a workbook whose sheets would not fit in memory, before calamine loads one."""
    if not zipfile.is_zipfile(path):
        size = path.stat().st_size
        if size > MAX_BIFF_FILE:
            raise TooLarge(detail=f"表格文件 {size // 2**20} MB（上限 {MAX_BIFF_FILE // 2**20} MB）")
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise corrupt("ZIP 结构损坏", exc) from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    ceiling = min(limits.max_unzipped_bytes, MAX_SHEET_XML)
    if total > ceiling:
        raise TooLarge(detail=f"表格解压后 {total // 2**20} MB（上限 {ceiling // 2**20} MB）")
    if total > 50 * 2**20 and total / packed > 200:
        raise TooLarge(detail=f"表格压缩比 {total // packed}:1，疑似压缩炸弹")


def _is_ods(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _ods_merges(path: Path) -> dict[int, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Merged ranges of each ODS sheet (calamine does not report them), streamed from content.xml."""
    from lxml import etree

    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    t = "{%s}" % table_ns
    merges: dict[int, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    sheet, row, col = -1, -1, 0
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        for event, el in etree.iterparse(fh, events=("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == t + "table":
                    sheet, row = sheet + 1, -1
                elif tag == t + "table-row":
                    row, col = row + 1, 0
                continue
            if tag in (t + "table-cell", t + "covered-table-cell"):
                rows_span = int(el.get(t + "number-rows-spanned", 1))
                cols_span = int(el.get(t + "number-columns-spanned", 1))
                if rows_span > 1 or cols_span > 1:
                    merges.setdefault(sheet, []).append(
                        ((row, col), (row + rows_span - 1, col + cols_span - 1)))
                col += int(el.get(t + "number-columns-repeated", 1))
                el.clear()
            elif tag == t + "table-row":
                row += int(el.get(t + "number-rows-repeated", 1)) - 1
                el.clear()
    return merges
