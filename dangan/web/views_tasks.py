"""督办台账: open tasks by owner and deadline, mark done, export the XLSX."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, flash, redirect, render_template, request, send_file, url_for

from dangan.archive.catalog import Catalog
from dangan.archive.tasks import list_tasks, set_status
from dangan.compose.ledger import STATUS, export_ledger
from dangan.web.app import workspace

bp = Blueprint("tasks", __name__)


def _filters(source: dict[str, str]) -> tuple[str, str | None]:
    show = source.get("show", "open")
    return ("all" if show == "all" else "open"), (source.get("owner", "").strip() or None)


@bp.get("/tasks")
def page() -> str:
    show, owner = _filters(request.args)
    with Catalog(workspace().catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=show == "open", owner=owner)
        everyone = list_tasks(catalog, open_only=True)
    owners: dict[str, int] = {}
    for task in everyone:
        for name in task["owners"] or ["（未定）"]:
            owners[name] = owners.get(name, 0) + 1
    return render_template("tasks.html", rows=rows, show=show, owner=owner or "", status_names=STATUS,
                           owners=sorted(owners.items(), key=lambda kv: (-kv[1], kv[0])),
                           today=date.today().isoformat())


@bp.post("/tasks/<int:task_id>/status")
def status(task_id: int) -> Response:
    new = "open" if request.form.get("status") == "open" else "done"
    with Catalog(workspace().catalog_path) as catalog:
        set_status(catalog, task_id, new)
    flash(f"任务 {task_id} 已标记为{STATUS[new]}。", "ok")
    show, owner = _filters(request.form)
    return redirect(url_for("tasks.page", show=show if show != "open" else None, owner=owner))


@bp.get("/tasks/export.xlsx")
def export() -> Response:
    show, owner = _filters(request.args)
    ws = workspace()
    with Catalog(ws.catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=show == "open", owner=owner)
    out = export_ledger(rows, ws.out / "web" / "督办台账.xlsx")
    return send_file(out, as_attachment=True, download_name="督办台账.xlsx", max_age=0,
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
