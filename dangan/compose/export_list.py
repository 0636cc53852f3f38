"""The list that travels with an export (文件清单.xlsx): the 归档文件目录 columns plus file names."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HEADER = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "文件名", "测评项目", "备注")
KEYS = ("seq", "archival_code", "doc_number", "issuer", "title", "date", "secrecy", "pages",
        "file", "items", "remark")
WIDTHS = (6, 24, 22, 20, 48, 10, 6, 6, 40, 16, 16)


def list_row(record: dict[str, Any]) -> dict[str, Any]:
    """The list's cells for one manifest record (dates as 8 digits, DA/T 22)."""
    return {
        "seq": record["seq"], "archival_code": record.get("archival_code") or "",
        "doc_number": record.get("doc_number") or "", "issuer": record.get("issuer") or "",
        "title": record.get("title") or record.get("original_name") or "",
        "date": (record.get("doc_date") or "").replace("-", ""),
        "secrecy": record.get("secrecy") or "", "pages": record.get("pages") or "",
        "file": record["file"], "items": "、".join(i["code"] for i in record.get("items", [])),
        "remark": "",
    }


def write_export_list(rows: Sequence[dict[str, Any]], out: Path, title: str = "移交文件清单") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append([row[key] for key in KEYS])
    thin = Side(style="thin")
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = Font(name="仿宋", size=11, bold=cell.row == 2)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".list-", suffix=".xlsx", dir=out.parent)
    os.close(handle)
    try:
        book.save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out
