"""上传: drop many files; each is POSTed alone and comes back 收录 / 重复 / 失败 with a reason."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, current_app, jsonify, render_template, request
from werkzeug.wrappers import Response

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.web import intake, ocr_runs, security
from dangan.web.app import SLACK_BYTES, workspace
from dangan.web.roles import needs
from dangan.workspace import Workspace

bp = Blueprint("upload", __name__)
OCR_STARTED = "扫描件，正在后台识别文字，进度见“状态”页"


def _ocr_pending(ws: Workspace) -> bool:
    from dangan.intake.ocr_stage import pending_ids

    with Catalog(ws.catalog_path) as catalog:
        return bool(pending_ids(catalog))


def why_not_read(ws: Workspace) -> str:
    """A scan the desk did not start reading: said, so its row does not look like a finished document."""
    from dangan.web import watcher

    if not ws.settings.ocr_enabled:
        return "扫描件：工作区设置关闭了文字识别，正文检索不到；可在文件页手工填写著录项"
    if watcher.state(ws)["running"]:
        return "扫描件，由收件箱监视在后台识别文字"
    return "扫描件，尚未识别文字：可在“状态”页开始识别"


@bp.get("/upload")
@needs("ingest")
def page() -> str:
    limit_mb = (current_app.config["MAX_CONTENT_LENGTH"] - SLACK_BYTES) // 2**20
    return render_template("upload.html", limit_mb=limit_mb)


@bp.post("/upload")
@needs("ingest")
def receive() -> tuple[Response, int]:
    upload = request.files.get("file")
    if upload is None:
        return jsonify(status="failed", label="失败", reason="请求中没有文件。"), 400
    ws = workspace()
    staged = intake.stage(ws, upload.stream, upload.filename)
    result = intake.ingest_staged(ws, staged)
    # a scan (or a ZIP's scans, or ones archived before with --no-ocr) is read next, beside the requests
    started = result.status == "added" and _ocr_pending(ws) and ocr_runs.start(ws)
    if result.needs_ocr and result.status == "added":
        reason = OCR_STARTED if started else why_not_read(ws)
        if result.name.lower().endswith((".docx", ".pptx")):   # its pictures wait, not a scan's pages (图片文字)
            reason = reason.replace("扫描件", "文件中的图片", 1)
        result = replace(result, reason=reason)
    audit.record(security.catalog(), "upload", f"doc:{result.document_id}" if result.document_id else None,
                 {"name": result.name, "status": result.status, "reason": result.reason})
    return jsonify(result.to_dict()), 200
