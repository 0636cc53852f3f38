"""状态: counts, the OCR queue, quarantine with reasons, the last check, the watcher."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.archive.selections import failures as recent_failures
from dangan.fields import STAT_LABELS as STAT_NAMES
from dangan.intake.quarantine import hint_beside
from dangan.ops.check import problem_lines, stats
from dangan.web import check_runs, index_runs, ocr_runs, reread_runs, security, watcher
from dangan.web.app import workspace
from dangan.web.intake import staging_dir
from dangan.web.lookup import safe_filename
from dangan.web.roles import needs
from dangan.workspace import Workspace

bp = Blueprint("status", __name__)

FAILURES_SHOWN = 50
BATCH_SUFFIXES = frozenset({".zip", ".7z", ".rar", ".ofd"})   # an OFD opened for its attachments (附件/…)


@bp.get("/status")
@needs("status")
def page() -> str:
    ws = workspace()
    figures = stats(ws)
    with Catalog(ws.catalog_path) as catalog:
        failures = [_as_clerk_sees(ws, row) for row in recent_failures(catalog, limit=FAILURES_SHOWN)]
    return render_template("status.html", stats=figures, stat_names=STAT_NAMES, failures=failures,
                           last_check=check_runs.last_check(ws), check_run=check_runs.state(ws),
                           watcher=watcher.state(ws), home=str(ws.home),
                           problem_lines=problem_lines, ocr_run=ocr_runs.state(ws), ocr_enabled=ws.settings.ocr_enabled,
                           reread_run=reread_runs.state(ws))


@bp.post("/status/ocr")
@needs("status")
def run_ocr() -> Response:
    """Read the scans and photos still without text (as `dangan ocr --pending`), beside the requests."""
    from dangan.intake.ocr_stage import pending_ids

    ws = workspace()
    with Catalog(ws.catalog_path) as catalog:
        pending = len(pending_ids(catalog))
    if not pending:
        flash("没有待识别的文件。", "ok")
    elif ocr_runs.start(ws):
        flash("已开始识别扫描件和照片中的文字；本页显示进度，识别完即可检索。", "ok")
    elif not ws.settings.ocr_enabled:
        flash("未识别：工作区设置中关闭了文字识别（dangan.toml 的 [ocr] enabled）。", "error")
    else:
        flash("收件箱监视正在运行，扫描件由它识别，无需在此开始。", "ok")
    return redirect(url_for("status.page"))


def _as_clerk_sees(ws: Workspace, row: dict[str, Any]) -> dict[str, Any]:
    """A quarantined file by its own name, where it came from (网页上传, a folder, a ZIP it was in)
    and whether its copy can be downloaded; an upload's path was its hidden staging folder's."""
    path = Path(row["path"])
    web = staging_dir(ws)
    uploaded = web in path.parents
    parts = path.relative_to(web).parts[1:] if uploaded else path.parts   # staging/web/<random>/name…
    batch = next((p for n, p in enumerate(parts[:-1]) if Path(p).suffix.lower() in BATCH_SUFFIXES
                  or (Path(p).suffix.lower() == ".pdf" and parts[n + 1] == "附件")), None)   # a PDF's embedded files
    where = "网页上传" if uploaded else str(path.parent if batch is None else Path(*parts[:parts.index(batch)]))
    kept = row.get("quarantined")
    inside = bool(kept and Path(kept).is_file() and ws.quarantine.resolve() in Path(kept).resolve().parents)
    ofd = batch is not None and Path(batch).suffix.lower() == ".ofd"
    attached = "OFD" if ofd else "PDF" if batch is not None and Path(batch).suffix.lower() == ".pdf" else None
    return {**row, "name": path.name, "batch": batch, "ofd": ofd, "attached": attached, "where": where, "kept": inside,
            "hint": hint_beside(kept) if inside else None}


@bp.get("/status/quarantine/<int:failure_id>")
@needs("status")
def quarantined(failure_id: int) -> Response:
    """The quarantined copy of a failed file, under its own name, as a download (to check or send back)."""
    ws = workspace()
    with Catalog(ws.catalog_path) as catalog:
        row = next((r for r in recent_failures(catalog, limit=FAILURES_SHOWN) if r["id"] == failure_id), None)
    shown = _as_clerk_sees(ws, row) if row else None
    if shown is None or not shown["kept"]:
        abort(404)
    audit.record(security.catalog(), "download", f"quarantine:{failure_id}", {"name": shown["name"]})
    return send_file(shown["quarantined"], as_attachment=True, download_name=safe_filename(shown["name"]),
                     mimetype="application/octet-stream", max_age=0)


@bp.post("/status/reindex")
@needs("status")
def run_reindex() -> Response:
    """Rebuild the index from the catalog (as `dangan reindex`), beside the requests."""
    ws = workspace()
    if index_runs.start(ws):
        flash("已开始重建索引：原件和著录不受影响；完成前检索暂不可用，本页显示进度。", "ok")
    else:
        flash("索引正在重建，请稍候。", "ok")
    return redirect(request.referrer if _same_site(request.referrer) else url_for("status.page"))


def _same_site(url: str | None) -> bool:
    from urllib.parse import urlsplit

    return bool(url) and urlsplit(url).netloc == request.host


@bp.post("/status/reread")
@needs("status")
def run_reread() -> Response:
    """Read again the documents an older reader read (as `dangan reread --older`), beside the requests."""
    ws = workspace()
    if not stats(ws)["older_reader"]:
        flash("所有文件都已由当前版本的读取程序识别，无需重新识别。", "ok")
    elif reread_runs.start(ws):
        flash("已开始重新识别：手工著录的值和档号不变；本页显示进度。", "ok")
    else:
        flash("重新识别正在进行，请稍候。", "ok")
    return redirect(url_for("status.page"))


@bp.post("/status/check")
@needs("status")
def run_check() -> Response:
    """`dangan check` on demand, beside the requests; the result is kept in logs/last_check.json."""
    ws = workspace()
    if check_runs.start(ws, stats(ws)["documents"]):
        flash("已开始核对：逐件校验原件并比对目录与索引；本页显示进度。", "ok")
    else:
        flash("核对正在进行，请稍候。", "ok")
    return redirect(url_for("status.page"))
