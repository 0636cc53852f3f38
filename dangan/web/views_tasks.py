"""督办台账: open tasks by owner and deadline, mark done, export the XLSX."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.archive.tasks import list_tasks, set_status
from dangan.compose.ledger import STATUS, export_ledger
from dangan.web import security
from dangan.web.app import workspace
from dangan.web.roles import needs

bp = Blueprint("tasks", __name__)


def _filters(source: dict[str, str]) -> tuple[str, str | None]:
    show = source.get("show", "open")
    return ("all" if show == "all" else "open"), (source.get("owner", "").strip() or None)


@bp.get("/tasks")
@needs("tasks")
def page() -> str:
    show, owner = _filters(request.args)
    scope = security.unit_scope()
    owner = scope or owner       # a unit sees its own tasks only
    with Catalog(workspace().catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=show == "open", owner=owner, exact_owner=True)
        everyone = list_tasks(catalog, open_only=True, owner=scope, exact_owner=True)
    owners: dict[str, int] = {}
    for task in everyone:
        for name in task["owners"] or ["（未定）"]:
            owners[name] = owners.get(name, 0) + 1
    return render_template("tasks.html", rows=rows, show=show, owner=owner or "", status_names=STATUS,
                           owners=sorted(owners.items(), key=lambda kv: (-kv[1], kv[0])),
                           leaders=any(task.get("leaders") for task in rows),   # 责任领导 when some task names one
                           today=date.today().isoformat())


@bp.post("/tasks/<int:task_id>/status")
@needs("tasks.edit")
def status(task_id: int) -> Response:
    new = "open" if request.form.get("status") == "open" else "done"
    scope = security.unit_scope()
    with Catalog(workspace().catalog_path) as catalog:
        if scope is not None and task_id not in {t["id"] for t in list_tasks(catalog, owner=scope, exact_owner=True)}:
            abort(403, description="当前账号无权修改这项任务（不是本单位的任务）。")
        set_status(catalog, task_id, new)
    flash(f"任务 {task_id} 已标记为{STATUS[new]}。", "ok")
    show, owner = _filters(request.form)
    return redirect(url_for("tasks.page", show=show if show != "open" else None, owner=owner))


@bp.get("/tasks/export.xlsx")
@needs("tasks")
def export() -> Response:
    show, owner = _filters(request.args)
    owner = security.unit_scope() or owner
    ws = workspace()
    with Catalog(ws.catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=show == "open", owner=owner, exact_owner=True)
    out = export_ledger(rows, ws.out / "web" / "督办台账.xlsx")
    audit.record(security.catalog(), "export", "ledger", {"rows": len(rows), "owner": owner, "show": show})
    return send_file(out, as_attachment=True, download_name="督办台账.xlsx", max_age=0,
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
