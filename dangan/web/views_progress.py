"""迎检进度: covered/total per 测评项目, click through to each 测评内容's missing requirements.

The same report as `dangan gaps`; a document can be put under a requirement from
here (by its number, as `dangan tag ID --item … --req …` does) and an automatic
link can be refused ("不是此项", kept out for good); the units that owe evidence get
their tasks from here, for all gaps or one 测评内容 (as `dangan tasks add --from-gaps`).
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.archive import audit
from dangan.compose.gap_tasks import tasks_from_gaps
from dangan.compose.gaps import gap_report, write_gaps_xlsx
from dangan.errors import BadQuery, DanganError
from dangan.intake.tag import tag_document
from dangan.read.understand.taxonomy import list_editions, workspace_taxonomy
from dangan.web import security
from dangan.web.app import workspace
from dangan.web.roles import needs

bp = Blueprint("progress", __name__)


def _taxonomy_name() -> str | None:
    return (request.values.get("taxonomy") or "").strip() or None


@bp.get("/progress")
@needs("gaps")
def page() -> str:
    ws = workspace()
    taxonomy = workspace_taxonomy(ws, _taxonomy_name())
    report = gap_report(ws, taxonomy).to_dict()
    contents: dict[str, list[dict]] = {}
    for content in report["contents"]:
        contents.setdefault(content["item"], []).append(content)
    return render_template("progress.html", report=report, contents=contents, taxonomy=taxonomy,
                           editions=list_editions(ws.home), show_all=request.args.get("show") == "all")


@bp.get("/progress/gaps.xlsx")
@needs("gaps")
def export() -> Response:
    ws = workspace()
    taxonomy = workspace_taxonomy(ws, _taxonomy_name())
    ws.out.mkdir(parents=True, exist_ok=True)
    path = write_gaps_xlsx(gap_report(ws, taxonomy), ws.out / f"缺项清单-{taxonomy.code}.xlsx")
    audit.record(security.catalog(), "export", "gaps", {"taxonomy": taxonomy.code})
    return send_file(path, as_attachment=True, download_name=path.name)


@bp.post("/progress/link")
@needs("edit")
def link() -> Response:
    """Put a document (by number) under a requirement of a 测评内容, by hand."""
    ws = workspace()
    taxonomy = workspace_taxonomy(ws, _taxonomy_name())
    content = request.form.get("content", "")
    try:
        doc_id = int(request.form.get("doc_id", "").strip().lstrip("#"))
        req = int(request.form.get("req") or 0) or None
    except ValueError as exc:
        raise BadQuery("材料编号应为数字", hint="材料编号见检索结果或文件页上的 #号。") from exc
    if request.form.get("action") == "remove":
        tag_document(ws, doc_id, remove_items=(content,), taxonomy=taxonomy)
        flash(f"已将材料 #{doc_id} 移出 {content}，自动识别不会再加回。", "ok")
    else:
        tag_document(ws, doc_id, add_items=(content,), req=req, taxonomy=taxonomy)
        flash(f"已将材料 #{doc_id} 挂到 {content}" + (f" 第{req}条申报要求。" if req else "。"), "ok")
    return redirect(url_for("progress.page", taxonomy=taxonomy.code, _anchor=f"c-{content}"))


@bp.post("/progress/tasks")
@needs("tasks.issue")
def issue() -> Response:
    """Tasks to the units owing evidence, for every gap or one 测评内容, with the deadline the clerk typed."""
    from dangan.archive.tasks import parse_deadline

    ws = workspace()
    taxonomy = workspace_taxonomy(ws, _taxonomy_name())
    content = request.form.get("content", "").strip()
    owner = request.form.get("owner", "").strip() or None
    typed = request.form.get("deadline", "").strip()
    back = url_for("progress.page", taxonomy=taxonomy.code, _anchor=f"c-{content}" if content else None)
    try:
        due = parse_deadline(typed, today=date.today()) if typed else None
        issued = tasks_from_gaps(ws, taxonomy, due, items=(content,) if content else (), owner=owner)
    except DanganError as exc:
        flash(f"未下发任务：{exc.message}", "error")
        return redirect(back)
    units = len({o for t in issued.tasks[:len(issued.added)] for o in t.owners})
    said = [f"已下发 {len(issued.added)} 项任务给 {units} 个责任单位" if issued.added else "没有新下发的任务"]
    if due:
        said.append(f"完成时限 {due.isoformat()}" + (f"（“{typed}”从今天算起）" if typed != due.isoformat() else ""))
    if issued.kept:
        said.append(f"{len(issued.kept)} 项各单位已有未完成的同项任务，未重复下发")
    if issued.unowned:
        said.append(f"{len(issued.unowned)} 条申报要求未录责任单位，未下发" +
                    ("（可在该测评内容下写明交给哪个单位）" if not content else "（写明交给哪个单位再下发）"))
    flash("；".join(said) + "。", "ok" if issued.added else "error")
    return redirect(back)
