"""检索 and 文件: the search page, one document (elements, text, preview), its original."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, session, url_for
from werkzeug.wrappers import Response

from dangan.archive import accounts, audit, releases
from dangan.archive.catalog import Catalog
from dangan.archive.describe import describe
from dangan.errors import DanganError, DocumentNotFound, IndexMismatch
from dangan.fields import FACET_LABELS as FACET_NAMES
from dangan.fields import LABELS as FIELD_NAMES
from dangan.index.base import Sort
from dangan.index.loose import notice
from dangan.index.search import search
from dangan.intake.tag import parse_assignments, tag_document
from dangan.ops.same_text import pairs_of
from dangan.read.extract.detect import DOCX, PPTX
from dangan.web import lookup, ocr_runs, preview, security
from dangan.web.app import workspace
from dangan.web.roles import allowed, needs
from dangan.workspace import Workspace

bp = Blueprint("search", __name__)

PAGE_SIZE = 10  # as `dangan search`: every hit costs a snippet over its whole text
SORTS = {"relevance": "相关度", "date": "日期（新→旧）", "date_asc": "日期（旧→新）"}
FILTER_ARGS = ("type", "issuer", "year", "item")   # the facet links' query arguments
DATE_ARGS = {"from": "成文日期起", "to": "成文日期止"}   # the form's date range (the query's from: to:)
FACET_ARGS = {"doc_type": "type", "issuer": "issuer", "year": "year", "items": "item"}
FACET_ORDER = ("doc_type", "issuer", "year", "items")
FACET_SHOWN = 12
HISTORY_KEY, HISTORY_SIZE = "search_history", 10
TYPED_KEY = "tag_typed"   # a refused 著录 edit's form, shown again so the clerk corrects one box, not retypes all
# The editable elements: form field → the name `dangan tag --set` takes.
TAG_FIELDS = (("doc_type", "文种"), ("title", "标题"), ("doc_number", "文号"),
              ("issuer", "发文机关"), ("doc_date", "成文日期"), ("posted_date", "网页发布时间"), ("secrecy", "密级"))
MAX_PREVIEW_PAGES = 30
MAX_TEXT_CHARS = 200_000   # a page a browser opens at once; the rest is in the original
SAFE_MIMES = frozenset({"application/pdf", "text/plain", "image/jpeg", "image/png", "image/tiff", "image/webp", "image/avif",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})


def _int_arg(name: str, default: int) -> int:
    try:
        return max(1, int(request.args.get(name, default)))
    except ValueError:
        return default


@bp.get("/")
@needs("search")
def index() -> str:
    ws = workspace()
    text = request.args.get("q", "").strip()
    asked = request.args.get("sort") or ("relevance" if text else "date")
    sort: Sort = "date" if asked == "date" else "date_asc" if asked == "date_asc" else "relevance"
    page = _int_arg("page", 1)
    active = {arg: value for arg in FILTER_ARGS if (value := request.args.get(arg, "").strip())}
    dates = {arg: value for arg in DATE_ARGS if (value := request.args.get(arg, "").strip())}
    scope = security.unit_scope()
    only = None if scope is None else releases.released_ids(security.catalog(), scope)
    result, error = None, None
    try:
        result = search(ws, text, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=sort,
                        facets=only is None, only=only, doc_type=active.get("type"), issuer=active.get("issuer"),
                        year=active.get("year"), items=(active["item"],) if "item" in active else (),
                        date_from=dates.get("from"), date_to=dates.get("to"))
    except IndexMismatch:
        raise   # after an upgrade: the desk's page offers the rebuild (app._library_error)
    except DanganError as exc:
        error = exc
    names = lookup.item_names(ws)
    facets = []
    if result:
        for field in FACET_ORDER:
            counts = sorted(result.facets.get(field, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            if field == "year":
                counts = sorted(counts, reverse=True)
            values = [(value, f"{value} {names[value]}" if field == "items" and value in names else value,
                       count) for value, count in counts[:FACET_SHOWN]]
            facets.append((FACET_ARGS[field], FACET_NAMES[field], values))
    pages = -(-result.total // PAGE_SIZE) if result else 0
    shown = urlencode({k: v for k, v in request.args.items() if k != "page" and v})
    if result is not None and (text or active or dates):
        _remember(shown)
    with Catalog(ws.catalog_path) as catalog:
        saved = catalog.saved_searches()
    return render_template("search.html", q=text, sort=sort, sorts=SORTS, page=page, pages=pages,
                           result=result, error=error, facets=facets, active=active, dates=dates,
                           filter_names={**{FACET_ARGS[f]: FACET_NAMES[f] for f in FACET_ORDER}, **DATE_ARGS},
                           item_names=names, item_example=_item_example(ws), page_size=PAGE_SIZE, shown=shown if (text or active or dates) else "",
                           history=session.get(HISTORY_KEY, []), saved=saved,
                           nothing_released=only is not None and not only, relaxed_notice=notice,
                           archive_empty=bool(result and not result.total and not (text or active or dates)))


def _remember(query: str) -> None:
    """The desk's recent searches (this login's session), newest first, each once."""
    history = [query, *(h for h in session.get(HISTORY_KEY, []) if h != query)][:HISTORY_SIZE]
    session[HISTORY_KEY] = history


@bp.post("/saved")
@needs("edit")
def save() -> Response:
    """常用检索: keep the search shown under a name (the same name is replaced)."""
    name, query = request.form.get("name", "").strip()[:60], request.form.get("query", "").strip()
    if not name or not query:
        flash("未保存：请给检索起个名字。", "error")
    else:
        with Catalog(workspace().catalog_path) as catalog:
            catalog.save_search(name, query)
        flash(f"已保存为常用检索：{name}", "ok")
    return redirect(url_for("search.index") + ("?" + query if query else ""))


@bp.post("/saved/<int:search_id>/delete")
@needs("edit")
def unsave(search_id: int) -> Response:
    with Catalog(workspace().catalog_path) as catalog:
        catalog.delete_saved_search(search_id)
    flash("已删除常用检索。", "ok")
    return redirect(url_for("search.index"))


@bp.get("/doc/<int:doc_id>")
@needs("read")
def document(doc_id: int) -> str | Response:
    security.require_document(doc_id)
    ws = workspace()
    try:
        data = describe(ws, doc_id)
    except DocumentNotFound:   # the number the upload gave, its scan since found to repeat another's text
        into = security.catalog().folded_into(doc_id)
        if into is None:
            raise
        flash(f"编号 {doc_id} 的文件与本件正文相同，已并入本件：原件列在下方“同文异版”中，不另编档号。", "ok")
        return redirect(url_for("search.document", doc_id=into))
    query = request.args.get("q", "")
    linked = {row["code"] for row in data["items"]}
    item_rows = lookup.item_choices(ws, linked)
    typed = session.pop(TYPED_KEY, None)
    if not typed or typed.get("doc") != doc_id:
        typed = {"fields": {}}
    checked = set(typed["items"]) if "items" in typed else linked
    kind = ("pdf" if data["mime"] == "application/pdf" else
            "photo" if str(data["mime"]).startswith("image/") else "text")
    return render_template(
        "document.html", doc=data, q=query,
        paragraphs=lookup.marked_paragraphs(data["text"][:MAX_TEXT_CHARS], query),
        text_total=len(data["text"]), text_shown=MAX_TEXT_CHARS if len(data["text"]) > MAX_TEXT_CHARS else None,
        tag_fields=TAG_FIELDS, field_names=FIELD_NAMES, items=item_rows, linked=linked, kind=kind,
        typed=typed["fields"], checked=checked,
        preview_pages=range(1, min(data["pages"] or 0, MAX_PREVIEW_PAGES) + 1),
        more_pages=max(0, (data["pages"] or 0) - MAX_PREVIEW_PAGES),
        picture_images=data["mime"] in (DOCX, PPTX),   # a .doc/.wps keeps its pictures in a converted copy
        released=releases.units_of(security.catalog(), doc_id), ocr_run=ocr_runs.state(ws),
        secret=releases.secret_level(security.catalog(), doc_id),
        same_text=pairs_of(security.catalog(), doc_id) if allowed(security.current_user().role, "status") else [])


@bp.post("/doc/<int:doc_id>/release")
@needs("edit")
def release(doc_id: int) -> Response:
    """Release the document to a unit (`*`: every unit), so its accounts can search and read it."""
    typed = request.form.get("unit", "").strip()
    if level := releases.secret_level(security.catalog(), doc_id):
        flash(f"未公开：此文件标有密级“{level}”，涉密文件不经网页工作台向单位公开，请按保密规定办理；"
              "如密级著录有误，请先在“著录项”中更正。", "error")
        return redirect(url_for("search.document", doc_id=doc_id) + "#release")
    try:   # a unit off the unit list has no account to see it: refused, with the names it may mean
        unit = accounts.listed_unit(security.catalog(), typed)
    except DanganError as exc:
        flash(f"未公开：{exc.message}。请用单位名单中的名称或简称。", "error")
        return redirect(url_for("search.document", doc_id=doc_id) + "#release")
    shown = "全部单位" if unit == releases.EVERY_UNIT else unit
    as_typed = f"（输入的是 {typed}）" if unit and unit != typed else ""
    if not unit:
        flash("请填写单位名称（* 表示全部单位）。", "error")
    elif releases.release(security.catalog(), doc_id, [unit]):
        flash(f"已向{shown}公开{as_typed}。", "ok")
    else:
        flash(f"此前已向{shown}公开过。", "ok")
    return redirect(url_for("search.document", doc_id=doc_id) + "#release")


@bp.post("/doc/<int:doc_id>/withdraw")
@needs("edit")
def withdraw(doc_id: int) -> Response:
    """Take back a release (a document released to the wrong unit could not be taken back at the desk)."""
    unit = request.form.get("unit", "").strip()
    shown = "全部单位" if unit == releases.EVERY_UNIT else unit
    if unit and releases.withdraw(security.catalog(), doc_id, unit):
        flash(f"已撤回向{shown}的公开：该单位账号不再能检索、查看此文件。", "ok")
    else:
        flash(f"未撤回：此文件没有向{shown or '该单位'}公开。", "error")
    return redirect(url_for("search.document", doc_id=doc_id) + "#release")


@bp.post("/doc/<int:doc_id>/tag")
@needs("edit")
def tag(doc_id: int) -> Response:
    """The same edit as `dangan tag`: changed elements only, items added and removed."""
    ws = workspace()
    current = describe(ws, doc_id)
    pairs = [f"{label}={request.form.get(field, '').strip()}" for field, label in TAG_FIELDS
             if field in request.form and request.form.get(field, "").strip() != (current[field] or "")]
    linked = {row["code"] for row in current["items"]}
    add: list[str] = []
    remove: list[str] = []
    if "items_shown" in request.form:  # the form lists the top-level items and the linked 测评内容 as checkboxes
        chosen = set(request.form.getlist("items"))
        shown = {row["code"] for row in lookup.item_choices(ws, linked)}
        add, remove = sorted(chosen - linked), sorted((linked & shown) - chosen)
    refused = None
    if not (pairs or add or remove):
        flash("没有改动。", "ok")
    elif "title" in request.form and not request.form.get("title", "").strip():
        # every 归档文件 has a 题名 (DA/T 22): an emptied box is a slip, not a wish; the file name stood in
        refused = "未保存：标题不能清空。请填写正确的标题；其他著录项也未改动。"
    else:
        try:
            tag_document(ws, doc_id, fields=parse_assignments(pairs), add_items=add, remove_items=remove)
        except DanganError as exc:
            refused = f"未保存：{exc.message}"
        else:
            flash("著录项已保存：" + "；".join(_changes(pairs, add, remove)) + "。", "ok")
    if refused:   # the page shows the form as typed, the saved values in its heading
        flash(refused.rstrip("。") + "。下方表单保留了您填写的内容，改正后再点“保存著录”。", "error")
        session[TYPED_KEY] = {"doc": doc_id, "fields": {field: request.form.get(field, "") for field, _ in TAG_FIELDS
                                                        if field in request.form},
                              **({"items": request.form.getlist("items")} if "items_shown" in request.form else {})}
    return redirect(url_for("search.document", doc_id=doc_id, q=request.form.get("q") or None))


def _changes(pairs: list[str], add: list[str], remove: list[str]) -> list[str]:
    """What the save changed, in the clerk's words: 发文机关 → 区创建办；文号 已清空；测评项目 加 A02."""
    said = [f"{label} → {value}" if value else f"{label} 已清空"
            for label, _, value in (pair.partition("=") for pair in pairs)]
    return said + ([f"测评项目 加 {'、'.join(add)}"] if add else []) + ([f"测评项目 去掉 {'、'.join(remove)}"] if remove else [])


def _document(doc_id: int) -> Any:
    ws = workspace()
    try:
        with Catalog(ws.catalog_path) as catalog:
            return catalog.get(doc_id)
    except DanganError:
        abort(404)


@bp.get("/doc/<int:doc_id>/page/<int:number>.png")
@needs("read")
def page_png(doc_id: int, number: int) -> Response:
    security.require_document(doc_id)
    path = preview.pdf_page(workspace(), _document(doc_id), number)
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/png", max_age=3600)


@bp.get("/doc/<int:doc_id>/photo.png")
@needs("read")
def photo_png(doc_id: int) -> Response:
    security.require_document(doc_id)
    path = preview.photo(workspace(), _document(doc_id))
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/png", max_age=3600)


@bp.get("/doc/<int:doc_id>/picture/<int:number>.png")
@needs("read")
def picture_png(doc_id: int, number: int) -> Response:
    """A picture of a Word or PowerPoint file of photos, as the catalog lists it (图片文字)."""
    security.require_document(doc_id)
    ws = workspace()
    with Catalog(ws.catalog_path) as catalog:
        part = next((p["part"] for p in catalog.pictures(doc_id) if p["number"] == number), None)
    path = preview.office_picture(ws, _document(doc_id), number, part) if part else None
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/png", max_age=3600)


@bp.get("/doc/<int:doc_id>/original")
@needs("download")
def original(doc_id: int) -> Response:
    """The stored original, found by id only (query arguments are ignored), always as a download."""
    security.require_document(doc_id)
    doc = _document(doc_id)
    path = preview.original_path(workspace(), doc)
    if path is None:
        abort(404)
    name = lookup.download_name(doc.original_name, doc.mime, doc.relpath, fallback=f"document-{doc.id}")
    mime = doc.mime if doc.mime in SAFE_MIMES else "application/octet-stream"
    audit.record(security.catalog(), "download", f"doc:{doc.id}",
                 {"name": doc.original_name, "sha256": doc.sha256})
    response = send_file(path, mimetype=mime, as_attachment=True, download_name=name, max_age=0)
    response.content_type = lookup.download_content_type(mime, path)   # werkzeug would say utf-8 for any text
    return response


@bp.get("/doc/<int:doc_id>/variant/<int:number>")
@needs("download")
def variant(doc_id: int, number: int) -> Response:
    """Another original of the document (同文异版: the same text in other bytes), the number-th
    as `show` lists them, always as a download."""
    security.require_document(doc_id)
    ws = workspace()
    variants = describe(ws, doc_id)["variants"]
    if not 1 <= number <= len(variants):
        abort(404)
    row = variants[number - 1]
    root = ws.originals.resolve()
    path = (root / row["relpath"]).resolve()
    if root not in path.parents or not path.is_file():
        abort(404)
    name = lookup.download_name(row["original_name"], row["mime"], row["relpath"],
                                fallback=f"document-{doc_id}-{number}")
    mime = row["mime"] if row["mime"] in SAFE_MIMES else "application/octet-stream"
    audit.record(security.catalog(), "download", f"doc:{doc_id}",
                 {"name": row["original_name"], "sha256": row["sha256"], "variant": number})
    response = send_file(path, mimetype=mime, as_attachment=True, download_name=name, max_age=0)
    response.content_type = lookup.download_content_type(mime, path)   # werkzeug would say utf-8 for any text
    return response


def _item_example(ws: Workspace) -> str:
    """A 测评项目 code of the edition the workspace works to, for the search page's hint (Ⅲ-17 under
    national-2015, where the hint said A01, a code of another edition)."""
    from dangan.read.understand.taxonomy import workspace_taxonomy

    try:
        contents = workspace_taxonomy(ws).contents()
    except DanganError:   # a broken own edition is said on the pages that use it, not on every search
        return "A01"
    return contents[0].code if contents else "A01"
