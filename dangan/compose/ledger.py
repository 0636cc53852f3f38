"""The 督办台账 as XLSX or CSV: one row a task, who, by when, status, where it was said."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dangan.compose.xlsx import write_table
from dangan.text.list_marks import outline_place

HEADER = ("序号", "任务", "责任单位", "完成时限", "状态", "来源", "已报送/待审核/已退回")
WIDTHS = (6, 60, 24, 12, 8, 30, 12)
LEADERS = "责任领导"   # a column beside 责任单位, only when some task names a leader
STATUS = {"open": "未完成", "done": "已完成"}


def owners_cell(task: dict[str, Any]) -> str:
    """牵头：X；配合：Y when a task has supporting units, else the owners."""
    lead = task.get("lead") or []
    support = [o for o in task["owners"] if o not in lead]
    if lead and support:
        return f"牵头：{'、'.join(lead)}；配合：{'、'.join(support)}"
    return "、".join(task["owners"])


def leaders_cell(task: dict[str, Any]) -> str:
    """责任领导: the people named by role or name (分管副区长、王局长)."""
    return "、".join(task.get("leaders") or [])


def due_cell(task: dict[str, Any]) -> str:
    """The deadline, and a standing rule's 频次 (每月, 3天内) after it."""
    return "；".join(filter(None, [task.get("deadline"), task.get("frequency")]))


def export_ledger(tasks: Sequence[dict[str, Any]], out: Path, title: str = "督办台账") -> Path:
    """The ledger as XLSX (or CSV by `out`'s suffix); 责任领导 stands after 责任单位 when some task names one."""
    leaders = any(task.get("leaders") for task in tasks)
    header: tuple[str, ...] = HEADER
    widths: tuple[int, ...] = WIDTHS
    if leaders:
        header = (*HEADER[:3], LEADERS, *HEADER[3:])
        widths = (*WIDTHS[:3], 18, *WIDTHS[3:])
    rows = ([number, task["text"], owners_cell(task), *([leaders_cell(task)] if leaders else []), due_cell(task),
             STATUS.get(task["status"], task["status"]),
             " ".join(filter(None, [task.get("document_title"), outline_place(task.get("paragraph"))])), _handins(task)]
            for number, task in enumerate(tasks, start=1))
    return write_table(out, title, header, widths, rows)


def _handins(task: dict[str, Any]) -> str:
    counts = task.get("handins") or {}
    return f"{counts['submitted']}/{counts['pending']}/{counts['returned']}" if counts.get("submitted") else ""
