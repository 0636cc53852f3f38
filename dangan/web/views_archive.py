"""归档: the year's 档号 (DA/T 22-2015) and its 归档文件目录, as `dangan archive` and `dangan catalog` make them.

The page previews the year's catalogue (coded documents first, then those still without a 档号),
names the documents in no year for want of a 成文日期 (each linked to its page, where the date is
entered), gives the codes once the clerk confirms (a 档号 never changes once given) and sends the
catalogue as XLSX or DOCX.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.archive.catalog import Catalog
from dangan.archive.codes import RETENTIONS, assign_codes, fonds_in_use, undated_documents
from dangan.archive.selections import archive_years
from dangan.compose.catalogue import catalogue_rows, write_catalogue
from dangan.errors import DanganError
from dangan.web.app import web_hint, workspace
from dangan.web.roles import needs
from dangan.workspace import Workspace, save_settings

bp = Blueprint("archive", __name__)

FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _year(value: str | None, years: list[int]) -> int:
    """The year asked for; without one, the newest year that has documents (or this year)."""
    if value and value.strip().isdigit() and 1900 <= int(value) <= 2999:
        return int(value)
    if value:
        abort(400, description=f"年度“{value}”不是四位年份，如 2024。")
    return years[0] if years else date.today().year


@bp.get("/archive")
@needs("archive")
def page() -> str:
    ws = workspace()
    with Catalog(ws.catalog_path) as catalog:
        years = archive_years(catalog)
        year = _year(request.args.get("year"), years)
        rows = catalogue_rows(catalog, year)
        undated = undated_documents(catalog)
        used = None if ws.settings.fonds else fonds_in_use(catalog)   # the codes given before, when unset
    fonds, org_code = used or (ws.settings.fonds, ws.settings.org_code)
    return render_template("archive.html", year=year, years=years, rows=rows, undated=undated,
                           coded=sum(1 for row in rows if row["code"]), retentions=RETENTIONS,
                           fonds=fonds, org_code=org_code)


@bp.post("/archive/codes")
@needs("archive")
def codes() -> Response:
    """编档号 for the year, once the clerk has ticked that the list was checked."""
    ws = workspace()
    year = _year(request.form.get("year"), [])
    back = redirect(url_for("archive.page", year=year))
    if not request.form.get("confirm"):
        flash("未编档号：请先核对下方目录，勾选“已核对”后再编档号（档号一经编定不再改变）。", "error")
        return back
    retention = request.form.get("retention") or None
    fonds = request.form.get("fonds", "").strip() or ws.settings.fonds
    org_code = (request.form.get("org_code", "").strip() or ws.settings.org_code).upper()
    try:
        with Catalog(ws.catalog_path) as catalog:
            report = assign_codes(catalog, year, fonds, retention=retention, org_code=org_code)
    except DanganError as exc:
        hint = web_hint(exc.hint)
        flash(f"未编档号：{exc.message}" + (f"（{hint}）" if hint else ""), "error")
        return back
    assigned = report.assigned
    if not assigned:
        flash(f"{year} 年度没有需要新编档号的文件；原有档号 {len(report.kept)} 件保持不变。", "ok")
    else:
        span = assigned[0]["code"] if len(assigned) == 1 else f"{assigned[0]['code']} 至 {assigned[-1]['code']}"
        flash(f"{year} 年度新编档号 {len(assigned)} 件（{span}），原有档号 {len(report.kept)} 件保持不变。", "ok")
    if report.attached:   # the CLI's words (cli/dossier.py)
        flash(f"OFD/PDF 附件 {report.attached} 件随其正文归档（正文与附件为一件），不另编档号。", "ok")
    if report.attachments_kept:
        flash(f"另有 OFD/PDF 附件 {report.attachments_kept} 件此前已单独编有档号，档号编定后不收回，仍各为一件。", "ok")
    _remember_codes(ws, fonds, org_code)
    return back


def _remember_codes(ws: Workspace, fonds: str, org_code: str) -> None:
    """The 全宗号 and 机构代码 the codes were given with become the workspace's (dangan.toml), so the
    page offers them next year and `dangan archive` takes them without --fonds."""
    if (fonds, org_code) == (ws.settings.fonds, ws.settings.org_code):
        return
    try:
        current_app.extensions["dangan_ws"] = save_settings(ws, "workspace", {"fonds": fonds, "org_code": org_code})
    except (DanganError, OSError) as exc:
        reason = exc.message if isinstance(exc, DanganError) else str(exc)
        flash(f"档号已编，但全宗号 {fonds}、机构代码 {org_code} 未能存入工作区设置 dangan.toml：{reason}", "error")
        return
    flash(f"全宗号 {fonds}、机构代码 {org_code} 已存入工作区设置（dangan.toml），以后编档号时默认使用。", "ok")


@bp.get("/archive/<int:year>.<fmt>")
@needs("archive")
def catalogue(year: int, fmt: str) -> Response:
    """The 归档文件目录 of the year as a download named 2024年归档文件目录.xlsx (or .docx)."""
    if fmt not in FORMATS:
        abort(404)
    ws = workspace()
    name = f"{_year(str(year), [])}年归档文件目录.{fmt}"
    result = write_catalogue(ws, year, ws.out / "web" / name)
    return send_file(result.path, as_attachment=True, download_name=name, max_age=0, mimetype=FORMATS[fmt])
