"""One table (台账, 清单) written by the output's suffix: styled XLSX, or CSV that Excel opens."""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dangan.compose.sandbox import save_atomically
from dangan.errors import TableFormat

TABLE_SUFFIXES = (".xlsx", ".csv")
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(title: str) -> str:
    """A worksheet's name from a table's title: Excel forbids []:*?/ and the backslash
    (已有 4/9 项) and more than 31 characters; openpyxl raises on them."""
    return SHEET_FORBIDDEN.sub("_", title)[:31].strip("' ") or "Sheet1"


def check_table_suffix(out: Path) -> str:
    """The suffix of `out` when a table can be written under it, else `TableFormat` (exit 3)."""
    suffix = Path(out).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise TableFormat(suffix=Path(out).suffix or "（无扩展名）")
    return suffix


def write_table(out: Path, title: str, header: Sequence[str], widths: Sequence[int],
                rows: Iterable[Sequence[Any]]) -> Path:
    """Write the table as `.xlsx` (title row, header, borders) or `.csv` (header and rows)."""
    if check_table_suffix(out) == ".csv":
        return write_csv(out, header, rows)
    return write_xlsx_table(out, title, header, widths, rows)


def write_csv(out: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """UTF-8 with a BOM and CRLF line ends: Excel then reads the Chinese right, not as GBK."""
    def save(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows(rows)
    return save_atomically(save, out)


def write_xlsx_table(out: Path, title: str, header: Sequence[str], widths: Sequence[int],
                     rows: Iterable[Sequence[Any]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(title)
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    thin = Side(style="thin")
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = Font(name="仿宋", size=11, bold=cell.row == 2)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    printable(sheet, widths, font_size=11)
    return save_atomically(book.save, out)


def text_width(text: str) -> float:
    """Width in Excel's column units (the digit 0): a CJK or full-width character takes two."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def row_lines(values: Sequence[Any], widths: Sequence[float]) -> int:
    """Lines the tallest cell of a row wraps to, in columns of `widths`."""
    most = 1
    for value, width in zip(values, widths, strict=False):
        if value is None or value == "":
            continue
        room = max(1.0, width - 1.0)
        lines = sum(max(1, math.ceil(text_width(part) / room)) for part in str(value).split("\n"))
        most = max(most, lines)
    return most


def printable(sheet: Any, widths: Sequence[float], *, font_size: float, first: int = 2) -> None:
    """What a clerk prints: rows as tall as their wrapped text (openpyxl writes none, and LibreOffice
    and WPS then print the lines of a long cell over each other), landscape A4 one page wide, the
    header row on every page, page numbers."""
    line = font_size * 1.3
    sheet.row_dimensions[1].height = 30
    for number, cells in enumerate(sheet.iter_rows(min_row=first, values_only=True), start=first):
        sheet.row_dimensions[number].height = round(row_lines(cells, widths) * line + 4, 1)
    sheet.print_title_rows = f"{first}:{first}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
