"""The list that travels with an export (文件清单.xlsx): the 归档文件目录 columns plus file names."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dangan.archive.codes import inferred_date
from dangan.compose.catalogue import ESTIMATED_PAGES, INFERRED_DATE, eight_digits
from dangan.compose.xlsx import write_table

HEADER = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "文件名", "测评项目", "备注")
KEYS = ("seq", "archival_code", "doc_number", "issuer", "title", "date", "secrecy", "pages",
        "file", "items", "remark")
WIDTHS = (6, 24, 22, 20, 48, 10, 6, 6, 40, 16, 16)


def list_row(record: dict[str, Any], attached: str = "") -> dict[str, Any]:
    """The list's cells for one manifest record (dates as 8 digits, DA/T 22; a web copy's posting day in
    [brackets] when the text states no date); 备注 says a page count reckoned from the text (a TXT, a DOCX
    without statistics) is an estimate and a bracketed date inferred, as the catalogue does, and `attached` (an
    OFD's attachment: the 件 it goes with)."""
    return {
        "seq": record["seq"], "archival_code": record.get("archival_code") or "",
        "doc_number": record.get("doc_number") or "", "issuer": record.get("issuer") or "",
        "title": record.get("title") or record.get("original_name") or "",
        "date": inferred_date(eight_digits(record.get("doc_date")), eight_digits(record.get("posted_date"))),
        "secrecy": record.get("secrecy") or "", "pages": record.get("pages") or "",
        "file": record["file"], "items": "、".join(i["code"] for i in record.get("items", [])),
        "remark": "；".join(note for note in (
            ESTIMATED_PAGES if record.get("pages_estimated") and record.get("pages") else "",
            INFERRED_DATE if not record.get("doc_date") and record.get("posted_date") else "", attached) if note),
    }


def write_export_list(rows: Sequence[dict[str, Any]], out: Path, title: str = "移交文件清单") -> Path:
    return write_table(out, title, HEADER, WIDTHS, ([row[key] for key in KEYS] for row in rows))
