"""归档文件目录 (DA/T 22-2015) of one year, as XLSX (openpyxl) or DOCX (templates/docx/catalogue.docx).

Columns: 序号, 档号, 文号, 责任者, 题名, 日期 (8 digits, 20220326), 密级, 页数, 备注.
Documents with a 档号 come first in 档号 order; documents of the year still
without one follow in date order, marked 未编档号 in 备注; a page count reckoned
from the text (a DOCX without its own statistics, a text file) is marked 页数为估算.
A ZIP/7z/RAR batch whose members are catalogued is listed as its members only
(selections.batches_with_members), not as an 归档文件 of its own beside them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.archive.codes import RETENTIONS, inferred_date, parse_code, undated_documents
from dangan.archive.selections import batches_with_members, year_rows
from dangan.compose.sandbox import fixed, render_docx, save_atomically
from dangan.errors import CatalogueFormat
from dangan.workspace import Workspace

__all__ = ["COLUMNS", "CatalogueResult", "catalogue_context", "catalogue_rows", "write_catalogue", "write_xlsx"]

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "docx" / "catalogue.docx"
COLUMNS = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
KEYS = ("index", "code", "doc_number", "issuer", "title", "date", "secrecy", "pages", "note")
WIDTHS = (6, 26, 20, 18, 46, 10, 6, 6, 10)     # characters, for XLSX
TITLE = "归档文件目录"


@dataclass(frozen=True, slots=True)
class CatalogueResult:
    path: Path
    year: int
    rows: int
    coded: int
    undated: int = 0     # documents in no year's list for want of a 成文日期

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "year": self.year, "rows": self.rows, "coded": self.coded,
                "undated": self.undated}


def eight_digits(iso: str | None) -> str:
    """'2022-03-26' → '20220326' (a month or year alone is padded with 00)."""
    digits = "".join(ch for ch in (iso or "")[:10] if ch.isdigit())
    return digits.ljust(8, "0") if digits else ""


def catalogue_rows(catalog: Catalog, year: int, retention: str | None = None) -> list[dict[str, str]]:
    """The rows of the 归档文件目录 of `year` (optionally one 保管期限)."""
    rows = year_rows(catalog, year)
    # a ZIP/7z/RAR batch whose members are catalogued is no 归档文件 beside them: its members stand for it
    batches = batches_with_members(catalog.conn, [row["id"] for row in rows])
    rows = [row for row in rows if row["id"] not in batches]
    out: list[dict[str, str]] = []
    for row in rows:
        code = parse_code(row["archival_code"])
        if retention and (code.retention if code else row["retention"]) != retention:
            continue
        out.append({
            "index": str(len(out) + 1), "code": row["archival_code"] or "", "doc_number": row["doc_number"] or "",
            "issuer": row["issuer"] or "", "title": row["title"] or row["original_name"],
            "date": inferred_date(eight_digits(row["doc_date"]), eight_digits(row["posted_date"])),
            "secrecy": row["secrecy"] or "",
            "pages": str(row["pages"] or ""), "note": _note(row),
        })
    return out


ESTIMATED_PAGES = "页数为估算"   # the catalogue's, the export list's and the package list's one word for it
INFERRED_DATE = "日期据网页发布时间推定"   # likewise, for a date in [brackets] (codes.inferred_date)


def _note(row: Any) -> str:
    """备注: 未编档号; 页数为估算 when the pages were reckoned from the text (DOCX without statistics, text)."""
    notes = ["" if row["archival_code"] else "未编档号", ESTIMATED_PAGES if row["pages_estimated"] and row["pages"] else "",
             INFERRED_DATE if not row["doc_date"] and row["posted_date"] else ""]
    return "；".join(n for n in notes if n)


def _info(ws: Workspace, year: int, rows: Sequence[dict[str, str]], retention: str | None) -> str:
    codes = (parse_code(row["code"]) for row in rows)
    fonds = ws.settings.fonds or next((code.fonds for code in codes if code), "")
    parts = [f"全宗号：{fonds}" if fonds else "", f"年度：{year}",
             f"保管期限：{RETENTIONS[retention]}" if retention else "",
             f"单位：{ws.settings.unit}" if ws.settings.unit else ""]
    return "　".join(p for p in parts if p)


def catalogue_context(ws: Workspace, year: int, rows: Sequence[dict[str, str]],
                      retention: str | None = None) -> dict[str, Any]:
    return {"title": TITLE, "info": _info(ws, year, rows, retention), "rows": list(rows), "year": str(year)}


def write_xlsx(rows: Sequence[dict[str, str]], out: Path, *, title: str = TITLE, info: str = "",
               columns: Sequence[str] = COLUMNS, keys: Sequence[str] = KEYS,
               widths: Sequence[int] = WIDTHS) -> Path:
    """A printable sheet: title row, header row (repeated on every page), landscape A4."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from dangan.compose.xlsx import printable, sheet_title

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(title)
    last = get_column_letter(len(columns))
    sheet.append([f"{title}（{info}）" if info else title])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.append(list(columns))
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in rows:
        sheet.append([_cell(row.get(key, ""), key) for key in keys])
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            cell.border = box
            cell.font = Font(name="宋体", size=10.5, bold=cell.row == 2)
            wrap = columns[cell.column - 1] in ("题名", "责任者", "文号", "备注", "所属部分", "文件", "档号")
            centre = cell.row == 2 or not wrap
            cell.alignment = Alignment(horizontal="center" if centre else "left", vertical="center",
                                       wrap_text=wrap)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    printable(sheet, widths, font_size=10.5)
    return save_atomically(book.save, out)


def _cell(value: str, key: str) -> Any:
    """Numbers where a spreadsheet should count them; dates stay text (20220326, not 20,220,326)."""
    if key in ("index", "pages") and value.isdigit():
        return int(value)
    return value


def write_catalogue(ws: Workspace, year: int, out: Path, *, retention: str | None = None,
                    template: Path | None = None) -> CatalogueResult:
    """Write the 归档文件目录 of `year` to `out` (.xlsx or .docx, by its suffix)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise CatalogueFormat(suffix=out.suffix or "（无扩展名）")
    with Catalog(ws.catalog_path) as catalog:
        rows = catalogue_rows(catalog, year, retention)
        undated = len(undated_documents(catalog))
    context = catalogue_context(ws, year, rows, retention)
    if suffix == ".xlsx":
        write_xlsx(rows, out, info=context["info"])
    else:
        render_docx(Path(template) if template else DEFAULT_TEMPLATE, fixed(context), out)
    audit.note(ws.catalog_path, "export", f"catalogue:{out.name}",
               {"year": year, "documents": len(rows), "retention": retention})
    return CatalogueResult(out, year, len(rows), sum(1 for r in rows if r["code"]), undated)
