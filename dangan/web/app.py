"""The web desk's application factory: one Flask app over one workspace.

Views parse the request, call the same library functions as the CLI and
render a template; they hold no logic of their own.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from dangan.archive.audit import action_name
from dangan.archive.audit_words import detail_text, object_text
from dangan.errors import DanganError, DocumentNotFound, IndexMismatch
from dangan.fields import format_name
from dangan.index.snippets import CLOSE, OPEN
from dangan.text.clock import local_time
from dangan.text.list_marks import outline_place
from dangan.web import security
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

NAV = (  # (endpoint, label, permission): a role sees only what it may use
    ("search.index", "检索", "search"),
    ("upload.page", "上传", "ingest"),
    ("progress.page", "迎检进度", "gaps"),
    ("handin.page", "报送", "handin"),
    ("review.page_review", "审核", "review"),
    ("dossier.page", "迎检资料", "dossier"),
    ("minutes.page", "会议纪要", "minutes"),
    ("archive.page", "归档", "archive"),
    ("tasks.page", "督办台账", "tasks"),
    ("status.page", "状态", "status"),
    ("admin.users", "用户", "users"),
    ("admin.audit_page", "审计", "audit"),
)
SLACK_BYTES = 2**20  # multipart overhead on top of the largest file the archive accepts


def create_app(ws: Workspace, password_hash: str | None = None,
               allowed_hosts: Iterable[str] = (), *, https: bool = False) -> Flask:
    """The desk for `ws`; once accounts exist every page asks for a login.

    `password_hash` (werkzeug format, the old single password) becomes the account `admin`.
    Requests must name the desk by a local name, a name in `[web] allowed_hosts`, or one
    of `allowed_hosts` (the address `dangan serve --host` binds). `https` (served behind a
    TLS proxy) marks the cookie Secure with the `__Host-` prefix.
    """
    from dangan.web import (
        views_admin,
        views_archive,
        views_dossier,
        views_minutes,
        views_progress,
        views_review,
        views_search,
        views_status,
        views_tasks,
        views_upload,
        views_variants,
    )

    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=security.secret_key(ws.home),
        MAX_CONTENT_LENGTH=int(ws.settings.max_file_mb * 2**20) + SLACK_BYTES,
        SESSION_COOKIE_NAME="__Host-dangan_session" if https else "dangan_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=https,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=security.SESSION_HOURS),
    )
    if isinstance(app.json, DefaultJSONProvider):   # the provider Flask gives unless told otherwise
        app.json.ensure_ascii = False
    app.extensions["dangan_ws"] = ws
    security.install(app, password_hash, (*ws.settings.web_allowed_hosts, *allowed_hosts))
    for module in (views_search, views_upload, views_progress, views_dossier, views_minutes, views_archive,
                   views_tasks, views_status, views_variants, views_admin):
        app.register_blueprint(module.bp)
    for blueprint in views_review.bps:
        app.register_blueprint(blueprint)
    app.jinja_env.filters["marks"] = marks
    app.jinja_env.filters["filesize"] = filesize
    app.jinja_env.filters["format_name"] = format_name
    app.jinja_env.filters["local_time"] = local_time
    app.jinja_env.filters["web_hint"] = web_hint
    app.jinja_env.filters["outline_place"] = outline_place
    app.jinja_env.globals["action_name"] = action_name
    app.jinja_env.globals["object_text"] = object_text
    app.jinja_env.globals["detail_text"] = detail_text
    app.jinja_env.filters["search_label"] = search_label
    app.jinja_env.globals["NAV"] = tuple(entry for entry in NAV if entry[0] in app.view_functions)
    missing = [name for name in security.undeclared(app) if name != "static"]
    if missing:   # a page without a permission would be nobody's: say so at once, not as a 403 later
        raise RuntimeError(f"web views without a permission (dangan.web.roles.needs): {missing}")
    app.register_error_handler(DanganError, _library_error)
    app.register_error_handler(HTTPException, _http_error)
    return app


def workspace() -> Workspace:
    """The workspace of the running app (views call this)."""
    return current_app.extensions["dangan_ws"]


def marks(snippet: str | None) -> Markup:
    """Escape a snippet, then turn the library's «match» marks into <mark> elements.

    The text is untrusted: it is escaped first, and only balanced marks become tags.
    """
    out: list[str] = []
    inside = False
    for char in str(escape(snippet or "")):
        if char == OPEN and not inside:
            out.append("<mark>")
            inside = True
        elif char == CLOSE and inside:
            out.append("</mark>")
            inside = False
        else:
            out.append(char)
    if inside:
        out.append("</mark>")
    return Markup("".join(out))


def search_label(query: str) -> str:
    """A saved or recent search's query string as a clerk reads it: 垃圾分类 · 文种：通知."""
    from urllib.parse import parse_qsl

    names = {"type": "文种", "issuer": "发文机关", "year": "年份", "item": "测评项目", "from": "成文日期起",
             "to": "成文日期止"}
    parts = [value if key == "q" else f"{names[key]}：{value}"
             for key, value in parse_qsl(query) if key == "q" or key in names]
    return " · ".join(parts) or "（全部）"


def filesize(size: int | None) -> str:
    if not size:
        return "—"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/upload" and request.method == "POST"


def _library_error(error: DanganError) -> tuple[Any, int]:
    status = 404 if isinstance(error, DocumentNotFound) or "NOT_FOUND" in error.code else 400
    if _wants_json():
        return jsonify(status="failed", label="失败", reason=error.message, hint=error.hint), status
    if isinstance(error, IndexMismatch):   # after an upgrade: rebuilt from the desk, not at a terminal
        from dangan.web import index_runs

        return render_template("error.html", title="索引需要重建", message=error.message, status=503,
                               hint=REINDEX_HINT, reindex=index_runs.state(workspace())), 503
    return render_template("error.html", title="出错了", message=error.message, hint=web_hint(error.hint),
                           status=status), status


REINDEX_HINT = ("检索用的索引按旧的结构建立（多在软件升级后），需按新结构重建：原件和著录不受影响，"
                "文件多时需要几分钟。重建完成前，检索、状态等页面暂不可用。")


def web_hint(hint: str) -> str:
    """A hint that tells the reader to type a command (`dangan search`, --item) helps at a terminal,
    not in the browser: the page shows none rather than one the clerk cannot follow."""
    return "" if "dangan " in hint or " --" in hint or hint.startswith("--") else hint


MESSAGES = {
    400: ("请求有误", "请求的内容不完整或格式不对。"),
    403: ("禁止访问", "当前账号无权访问这个页面，或表单已过期、来源不明。"),
    429: ("尝试过于频繁", "请稍后再试。"),
    404: ("找不到页面", "要找的页面或文件不存在。"),
    405: ("不支持的操作", "这个地址不接受这种请求。"),
    413: ("文件过大", "上传的内容超过了允许的大小。"),
}


def _http_error(error: HTTPException) -> Response | tuple[Any, int]:
    code = error.code or 500
    title, message = MESSAGES.get(code, ("出错了", "服务器无法完成这个请求。"))
    if code == 413:
        limit = current_app.config["MAX_CONTENT_LENGTH"] - SLACK_BYTES
        message = (f"上传的内容超过了允许的大小（每个文件至多 {limit // 2**20} MB），未收录。可压缩或拆分后再上传；"
                   "确需收录更大的文件，请管理员调大工作区设置 dangan.toml 中 [limits] 的 max_file_mb。")
    if code in (400, 403) and error.description and not error.description.isascii():
        message = error.description   # ours, in Chinese
    if _wants_json():
        return jsonify(status="failed", label="失败", reason=message), code
    return render_template("error.html", title=title, message=message, hint="", status=code), code
