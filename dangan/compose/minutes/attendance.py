"""A sign-in sheet (签到表) → 出席 / 请假 / 列席 for the 纪要.

The sheet may be an XLSX workbook, a DOCX table or a text file (one person a
line, fields separated by tabs, commas or spaces). A header row names the
columns: 姓名 (required), 单位/部门/工作单位, 职务/职位, and a status column
(签到/备注/状态/类别/出席情况). A status of 请假/缺席/未到 puts the person under
请假, 列席 under 列席, anything else (签到, √, 出席, blank) under 出席. A text
file without a header reads as 姓名 [单位] [职务] [状态].

Each person is written 姓名（单位职务）, as a 纪要's 出席 line lists them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from dangan.compose.minutes.meeting import Attendance
from dangan.errors import AttendanceUnreadable
from dangan.read.extract.failures import library_reason

_DAMAGED = "文件已损坏或并非此格式"

__all__ = ["parse_rows", "read_attendance"]

_NAME_KEYS = ("姓名", "名字", "人员", "参会人员", "出席人员")
_UNIT_KEYS = ("单位", "部门", "工作单位", "所在单位", "单位名称")
_ROLE_KEYS = ("职务", "职位", "职称")
_STATUS_KEYS = ("签到", "备注", "状态", "类别", "出席情况", "参会情况", "签到情况", "身份")
_ABSENT_RE = re.compile(r"请假|缺席|未到|因公|因事|因病|公出|出差")
_OBSERVER_RE = re.compile(r"列席")
_SPLIT_RE = re.compile(r"\t|[,，;；|]|\s{2,}|\s")
MAX_ROWS = 2000




def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()


def _rows_xlsx(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile/openpyxl raise many kinds on a damaged file
        raise AttendanceUnreadable(detail=f"签到表 {path.name} 无法作为 XLSX 打开：{library_reason(exc, _DAMAGED)}") from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell(v) for v in row] for row, _ in zip(sheet.iter_rows(values_only=True), range(MAX_ROWS))]
    finally:
        book.close()


def _rows_docx(path: Path) -> list[list[str]]:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise AttendanceUnreadable(detail=f"签到表 {path.name} 无法作为 DOCX 打开：{library_reason(exc, _DAMAGED)}") from exc
    rows: list[list[str]] = []
    for table in document.tables:
        for row in table.rows[:MAX_ROWS]:
            rows.append([cell.text.strip() for cell in row.cells])
    if not rows:  # no table: one person a paragraph
        rows = [_split_line(p.text) for p in document.paragraphs if p.text.strip()]
    return rows


def _split_line(line: str) -> list[str]:
    return [part for part in _SPLIT_RE.split(line.strip()) if part]


def _rows_text(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise AttendanceUnreadable(detail=f"签到表 {path.name} 的文字编码无法识别")
    return [_split_line(line) for line in text.splitlines()[:MAX_ROWS] if line.strip()]


def _column(header: Sequence[str], keys: Iterable[str]) -> int | None:
    for index, cell in enumerate(header):
        if any(key in cell for key in keys):
            return index
    return None


def _person(name: str, unit: str, role: str) -> str:
    detail = f"{unit}{role}"
    return f"{name}（{detail}）" if detail else name


def parse_rows(rows: Sequence[Sequence[str]]) -> Attendance:
    rows = [list(r) for r in rows if any(c.strip() for c in r)]
    header_at = next((i for i, r in enumerate(rows[:10]) if _column(r, _NAME_KEYS) is not None), None)
    if header_at is None:
        columns: tuple[int | None, ...] = (0, 1, 2, 3)
        body = rows
    else:
        header = rows[header_at]
        columns = tuple(_column(header, keys) for keys in (_NAME_KEYS, _UNIT_KEYS, _ROLE_KEYS, _STATUS_KEYS))
        body = rows[header_at + 1:]
    name_col, unit_col, role_col, status_col = columns
    present: list[str] = []
    absent: list[str] = []
    observers: list[str] = []

    def get(row: Sequence[str], col: int | None) -> str:
        return row[col].strip() if col is not None and col < len(row) else ""

    for row in body:
        name = get(row, name_col)
        if not name or not re.search(r"[\u4e00-\u9fff]", name) or re.fullmatch(r"\d+", name):
            continue
        status = get(row, status_col) + "".join(row)
        person = _person(name, get(row, unit_col), get(row, role_col))
        if _ABSENT_RE.search(status):
            absent.append(person)
        elif _OBSERVER_RE.search(status):
            observers.append(person)
        else:
            present.append(person)
    if not (present or absent or observers):
        raise AttendanceUnreadable(detail="签到表中没有读到人员姓名")
    return Attendance(tuple(present), tuple(absent), tuple(observers))


def read_attendance(path: Path) -> Attendance:
    """出席/请假/列席 from a sign-in sheet (.xlsx, .docx, .txt/.csv)."""
    path = Path(path)
    if not path.is_file():
        raise AttendanceUnreadable(detail=f"找不到签到表：{path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _rows_xlsx(path)
    elif suffix == ".docx":
        rows = _rows_docx(path)
    elif suffix in (".txt", ".csv", ".tsv", ""):
        rows = _rows_text(path)
    else:
        raise AttendanceUnreadable(detail=f"签到表格式不支持：{path.suffix}（可用 .xlsx、.docx、.txt）")
    return parse_rows(rows)
