"""One styled XLSX table: a title row, a header row, bordered cells (台账 and 清单 alike)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dangan.compose.sandbox import save_atomically


def write_table(out: Path, title: str, header: Sequence[str], widths: Sequence[int],
                rows: Iterable[Sequence[Any]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
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
    return save_atomically(book.save, out)
