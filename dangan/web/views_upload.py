"""上传: drop many files; each is POSTed alone and comes back 收录 / 重复 / 失败 with a reason."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request
from werkzeug.wrappers import Response

from dangan.archive import audit
from dangan.web import intake, security
from dangan.web.app import SLACK_BYTES, workspace
from dangan.web.roles import needs

bp = Blueprint("upload", __name__)


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
    audit.record(security.catalog(), "upload", f"doc:{result.document_id}" if result.document_id else None,
                 {"name": result.name, "status": result.status, "reason": result.reason})
    return jsonify(result.to_dict()), 200
