"""报送 (a unit hands in evidence) and 审核 (the office accepts, returns with a reason, or rejects)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.archive import review
from dangan.archive.tasks import gap_target, list_tasks
from dangan.errors import DanganError
from dangan.intake import review as flow
from dangan.read.understand.taxonomy import workspace_taxonomy
from dangan.web import lookup, ocr_runs, security
from dangan.web.app import workspace
from dangan.web.roles import needs
from dangan.web.views_upload import why_not_read
from dangan.workspace import Workspace

bp = Blueprint("handin", __name__)
review_bp = Blueprint("review", __name__)
bps = (bp, review_bp)
PHOTOS = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".bmp", ".tif", ".tiff", ".gif")   # shown small


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


@bp.get("/handin")
@needs("handin")
def page() -> str:
    """The unit's form (测评内容, requirement, task, file) and its hand-ins with their state and reasons."""
    ws = workspace()
    unit = security.unit_scope() or ""
    taxonomy = workspace_taxonomy(ws)
    tasks = list_tasks(security.catalog(), open_only=True, owner=unit, exact_owner=True)
    mine = review.listing(security.catalog(), unit=unit)
    chosen_task = _int(request.args.get("task"))
    target = next((gap_target(t["source"]) for t in tasks if t["id"] == chosen_task), None)
    chosen_item = request.args.get("item", "") or (target[0] if target else "")
    return render_template("handin.html", unit=unit, taxonomy=taxonomy, contents=taxonomy.contents(),
                           tasks=tasks, mine=mine, chosen_task=chosen_task, chosen_item=chosen_item,
                           chosen_req=target[1][0] if target and len(target[1]) == 1 else None)


@bp.post("/handin")
@needs("handin")
def submit() -> Response:
    """One or more files (a unit's photos of one activity come together) for the same 测评内容 / task;
    the form comes back with that 测评内容 and task still chosen, for the next batch."""
    uploads = [f for f in request.files.getlist("file") if f and f.filename]
    item_code = request.form.get("item", "").strip() or None
    task_id = _int(request.form.get("task"))
    back = redirect(url_for("handin.page", task=task_id, item=item_code))
    if not uploads:
        flash("请选择要报送的文件。", "error")
        return back
    sent: list[dict] = []
    for upload in uploads:
        try:
            item = flow.hand_in(workspace(), upload.stream, upload.filename, unit=security.unit_scope() or "",
                                user=security.current_user().name, item_code=item_code,
                                requirement=_int(request.form.get("requirement")), task_id=task_id,
                                note=request.form.get("note"))
        except DanganError as exc:
            flash(f"未报送“{upload.filename}”：{exc.message}" if len(uploads) > 1 else f"未报送：{exc.message}",
                  "error")
        else:
            sent.append(item)
    if len(sent) == 1:
        flash(f"已报送“{sent[0]['original_name']}”，等待审核（编号 {sent[0]['id']}）。", "ok")
    elif sent:
        listed = "、".join(f"“{i['original_name']}”（编号 {i['id']}）" for i in sent)
        flash(f"已报送 {len(sent)} 个文件，等待审核：{listed}。", "ok")
    return back


@review_bp.get("/review")
@needs("review")
def page_review() -> str:
    state = request.args.get("state", "pending")
    rows = review.listing(security.catalog(), state=state if state in review.STATES else None)
    return render_template("review.html", rows=rows, state=state, states=review.STATES, photo_suffixes=PHOTOS)


@review_bp.get("/review/<int:number>/file")
@needs("review")
def held(number: int) -> Response:
    path = flow.held_file(workspace(), number)
    if path is None:
        abort(404)
    return send_file(path, as_attachment=True, max_age=0, mimetype="application/octet-stream",
                     download_name=lookup.safe_filename(path.name, fallback=f"报送材料-{number}"))


def _read_next(ws: Workspace, doc_id: int) -> str:
    """An accepted photo or scan is read by OCR beside the requests, as an upload's is (not when off)."""
    from dangan.intake.ocr_stage import pending_ids

    if doc_id not in pending_ids(security.catalog()):
        return ""
    if ocr_runs.start(ws):
        return "，照片或扫描件正在后台识别文字（进度见“状态”页）"
    return f"（{why_not_read(ws)}）"   # OCR off, or the inbox watcher reads it


@review_bp.get("/review/<int:number>/photo.jpg")
@needs("review")
def held_photo(number: int) -> Response:
    """A waiting photo, small, to look at on the 审核 page before accepting it."""
    from dangan.web.preview import held_photo as thumbnail

    path = flow.held_file(workspace(), number)
    data = thumbnail(path) if path is not None else None
    if data is None:
        abort(404)
    return Response(data, mimetype="image/jpeg", headers={"Cache-Control": "no-store"})


@review_bp.post("/review/<int:number>/<any(accept, return, reject):decision>")
@needs("review")
def decide(number: int, decision: str) -> Response:
    ws = workspace()
    try:
        if decision == "accept":
            item = flow.accept(ws, number)
            flash(f"已归档：报送材料 {number} 收录为文件 {item['document_id']}{_read_next(ws, item['document_id'])}。",
                  "ok")
        else:
            flow.send_back(ws, number, request.form.get("reason", ""), reject=decision == "reject")
            flash(f"报送材料 {number} 已{'退回' if decision == 'return' else '不予采用'}。", "ok")
    except DanganError as exc:
        flash(f"未处理：{exc.message}", "error")
    return redirect(url_for("review.page_review"))
