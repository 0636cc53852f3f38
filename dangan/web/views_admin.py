"""用户 and 审计 (admin only): accounts with their roles, and the audit trail with its check."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from dangan.archive import accounts, audit
from dangan.errors import DanganError
from dangan.web.roles import needs
from dangan.web.security import catalog

bp = Blueprint("admin", __name__)

AUDIT_SHOWN = 200


@bp.get("/admin/users")
@needs("users")
def users() -> str:
    return render_template("users.html", users=accounts.list_users(catalog()), roles=accounts.ROLES)


@bp.post("/admin/users")
@needs("users")
def add_user() -> Response:
    form = request.form
    try:
        user = accounts.add_user(catalog(), form.get("name", "").strip(), form.get("role", ""),
                                 form.get("password", ""), unit=form.get("unit"), source="web")
    except DanganError as exc:
        flash(f"未添加：{exc.message}", "error")
    else:
        typed = (form.get("unit") or "").strip()
        stored = f"；单位按单位名单记为 {user.unit}（输入的是 {typed}）" if user.unit and typed and user.unit != typed else ""
        flash(f"已添加用户 {user.name}（{user.role_name}{'，' + user.unit if user.unit else ''}）{stored}。", "ok")
    return redirect(url_for("admin.users"))


@bp.post("/admin/users/<name>/disable")
@needs("users")
def disable(name: str) -> Response:
    enable = request.form.get("enable") == "1"
    try:
        accounts.set_disabled(catalog(), name, not enable)
    except DanganError as exc:
        flash(exc.message, "error")
    else:
        flash(f"用户 {name} 已{'启用' if enable else '停用'}。", "ok")
    return redirect(url_for("admin.users"))


@bp.post("/admin/users/<name>/passwd")
@needs("users")
def passwd(name: str) -> Response:
    try:
        accounts.set_password(catalog(), name, request.form.get("password", ""))
    except DanganError as exc:
        flash(f"未修改：{exc.message}", "error")
    else:
        flash(f"用户 {name} 的密码已重设，其登录已全部失效。", "ok")
    return redirect(url_for("admin.users"))


@bp.get("/admin/audit")
@needs("audit")
def audit_page() -> str:
    user = request.args.get("user", "").strip() or None
    action = request.args.get("action", "").strip() or None
    rows = audit.entries(catalog(), user=user, action=action, limit=AUDIT_SHOWN)
    # the filter takes the names the table shows (著录, 删除任务, 合并), from the one table of names
    return render_template("audit.html", rows=rows[::-1], check=audit.verify(catalog().conn),
                           user=user or "", action=action or "", shown=AUDIT_SHOWN,
                           names=list(dict.fromkeys(audit.ACTION_NAMES.values())),
                           unknown=bool(action) and not audit.known_action(action or ""))
