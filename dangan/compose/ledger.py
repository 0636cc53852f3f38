"""The 督办台账 as XLSX: one row a task, who, by when, status, where it was said."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HEADER = ("序号", "任务", "责任单位", "完成时限", "状态", "来源")
WIDTHS = (6, 60, 24, 12, 8, 30)
STATUS = {"open": "未完成", "done": "已完成"}


def export_ledger(tasks: Sequence[dict[str, Any]], out: Path, title: str = "督办台账") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(HEADER))
    for number, task in enumerate(tasks, start=1):
        source = " ".join(filter(None, [task.get("document_title"), task.get("paragraph")]))
        sheet.append([number, task["text"], "、".join(task["owners"]), task.get("deadline") or "",
                      STATUS.get(task["status"], task["status"]), source])
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = Font(name="仿宋", size=11, bold=cell.row == 2)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.freeze_panes = "A3"
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".ledger-", suffix=".xlsx", dir=out.parent)
    os.close(handle)
    try:
        book.save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out
