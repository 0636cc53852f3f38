"""归档文件目录 (DA/T 22-2015) of one year, as XLSX (openpyxl) or DOCX (templates/docx/catalogue.docx).

Columns: 序号, 档号, 文号, 责任者, 题名, 日期 (8 digits, 20220326), 密级, 页数, 备注.
Documents with a 档号 come first in 档号 order; documents of the year still
without one follow in date order, marked 未编档号 in 备注; a page count reckoned
from the text (a DOCX without its own statistics, a text file) is marked 页数为估算.
A ZIP/7z/RAR batch whose members are catalogued is listed as its members only
(selections.batches_with_members), not as an 归档文件 of its own beside them. An OFD's attachments are
in its 件 (archive/attachments; DA/T 22-2015 5.1.1 正文与附件为一件): no row of their own, the OFD's
页数 is the 件's ("每一件归档文件的页数": its pages and its attachments'), and 备注 names them; one an
older dangan numbered as a 件 of its own keeps its row, and 备注 says whose attachment it is.
A 题名 that is no title the document gives (none was found in it, and the file's name stands for it) is
written in [ ], as DA/T 22-2015 7.7 asks of a 自拟 title, until someone enters one (著录).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from dangan.archive import audit
from dangan.archive.attachments import Attachment, attachment_parents, display_name, filed_with, members_of
from dangan.archive.catalog import Catalog
from dangan.archive.codes import RETENTIONS, inferred_date, parse_code, undated_documents
from dangan.archive.selections import batches_with_members, year_rows
from dangan.compose.sandbox import fixed, render_docx, save_atomically
from dangan.errors import CatalogueFormat
from dangan.model import FILE_NAME_CONFIDENCE
from dangan.read.understand.gongwen_elements import title_from_filename
from dangan.workspace import Workspace

__all__ = ["COLUMNS", "CatalogueResult", "catalogue_context", "catalogue_rows", "write_catalogue", "write_xlsx"]

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "docx" / "catalogue.docx"
COLUMNS = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
KEYS = ("index", "code", "doc_number", "issuer", "title", "date", "secrecy", "pages", "note")
WIDTHS = (6, 26, 20, 18, 40, 10, 6, 6, 16)     # characters, for XLSX (备注: an OFD 件 names its 附件)
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
    parents = attachment_parents(catalog.conn)
    rows = [row for row in rows if row["id"] not in batches
            and (row["archival_code"] or filed_with(parents, row["id"]) == row["id"])]
    attached = members_of(parents, [row["id"] for row in rows])
    pages = _pages(catalog, [a.id for found in attached.values() for a in found])
    out: list[dict[str, str]] = []
    for row in rows:
        code = parse_code(row["archival_code"])
        if retention and (code.retention if code else row["retention"]) != retention:
            continue
        count, estimated, uncounted = _item_pages(row, attached.get(row["id"], []), pages)
        out.append({
            "index": str(len(out) + 1), "code": row["archival_code"] or "", "doc_number": row["doc_number"] or "",
            "issuer": row["issuer"] or "", "title": catalogue_title(row),
            "date": inferred_date(eight_digits(row["doc_date"]), eight_digits(row["posted_date"])),
            "secrecy": row["secrecy"] or "",
            "pages": str(count or ""),
            "note": _note(row, _estimates(estimated, uncounted, bool(attached.get(row["id"]))),
                          attached.get(row["id"], []), parents.get(row["id"]), catalog),
        })
    return out


def catalogue_title(row: Any) -> str:
    """The row's 题名. DA/T 22-2015 7.7: "没有标题、标题不规范，或者标题不能反映文件主要内容、不方便检索的，应全部或
    部分自拟标题，自拟的内容外加“[ ]”号" — a document read with no title of its own stands under its file's name
    (the reader's last resort, a photo's or a sheet's name), which is no title it bears: bracketed. A title someone
    entered, imported or gave by folder is theirs, brackets or not."""
    title, name = row["title"] or "", row["original_name"] or ""
    read = json.loads(row["meta_origin"] or "{}").get("title", {"origin": "auto", "confidence": 0.0})
    named = title in {PurePath(name).stem, getattr(title_from_filename(name), "value", None)}
    own = title and (read.get("origin") != "auto" or read.get("confidence", 0.0) > FILE_NAME_CONFIDENCE or not named)
    if own or (title or name).startswith("["):
        return title or name
    return f"[{title or PurePath(name).stem}]"


def _pages(catalog: Catalog, ids: list[int]) -> dict[int, tuple[int | None, bool]]:
    """(pages, estimated) of the attachments filed in the year's 件."""
    out: dict[int, tuple[int | None, bool]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for doc_id, count, estimated in catalog.conn.execute(
                f"SELECT id, pages, pages_estimated FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[doc_id] = (count, bool(estimated))
    return out


def _item_pages(row: Any, attached: list[Attachment],
                pages: dict[int, tuple[int | None, bool]]) -> tuple[int | None, list[str], list[str]]:
    """The 件's 页数 (DA/T 22-2015 5.5: 每一件归档文件的页数): the 正文's and its attachments'; the parts whose
    pages were reckoned from the text (estimates), and the attachments with no page count (not in the sum)."""
    parts = [("正文", (row["pages"], bool(row["pages_estimated"])))] + [
        (display_name(a.name), pages.get(a.id, (None, False))) for a in attached]
    total = sum(count for _, (count, _) in parts if count)
    estimated = [name for name, (count, guessed) in parts if count and guessed]
    uncounted = [name for name, (count, _) in parts[1:] if not count]
    return total or None, estimated, uncounted


ESTIMATED_PAGES = "页数为估算"   # the catalogue's, the export list's and the package list's one word for it
INFERRED_DATE = "日期据网页发布时间推定"   # likewise, for a date in [brackets] (codes.inferred_date)


def _estimates(estimated: list[str], uncounted: list[str], with_attachments: bool) -> str:
    """页数为估算, naming the parts of a 件 with attachments whose pages were reckoned (页数为估算（绿色建筑管理办法）),
    and the attachments whose pages are not counted in it."""
    said = ""
    if estimated:
        said = ESTIMATED_PAGES + (f"（{'、'.join(estimated)}）" if with_attachments else "")
    if uncounted:
        said += ("；" if said else "") + f"页数未计附件：{'、'.join(uncounted)}"
    return said


def _note(row: Any, estimated: str, attached: list[Attachment], own: Attachment | None, catalog: Catalog) -> str:
    """备注: 未编档号; 页数为估算 when pages were reckoned from the text (DOCX without statistics, text); the
    attachments filed in the 件 (附件：名称；名称); for an attachment numbered as a 件 of its own, whose it is."""
    notes = ["" if row["archival_code"] else "未编档号", estimated,
             INFERRED_DATE if not row["doc_date"] and row["posted_date"] else "",
             ("附件：" + "；".join(display_name(a.name) for a in attached)) if attached else "",
             _whose(catalog, own) if own and own.coded else ""]
    return "；".join(n for n in notes if n)


def _whose(catalog: Catalog, own: Attachment) -> str:
    """An attachment numbered before as a 件 of its own: the OFD it came with (its 档号, else its 题名)."""
    parent = catalog.conn.execute("SELECT archival_code, coalesce(title, original_name) FROM documents "
                                  "WHERE id = ?", (own.parent,)).fetchone()
    return f"系 {parent[0] or '《' + (parent[1] or '') + '》'} 的附件，已单独编号" if parent else ""


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
