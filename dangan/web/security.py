"""Login, roles, session secret, CSRF tokens, host and origin checks, response headers of the web desk.

With no accounts in the catalog the desk is the local user's own (127.0.0.1 only,
acting as admin, audited under the OS user). Once accounts exist (the old single
password is the account `admin`) every request needs a signed-in user. Every view
declares a permission (`roles.needs`) and the user's role is checked here, on the
server, for every request; a unit's view of documents and tasks is narrowed further.

A request naming a host that is not the desk's (DNS rebinding: an outside page
resolving its own name to the desk's address) is refused; so is a POST from another
origin. Every POST carries a per-session CSRF token (form field `csrf_token` or header
`X-CSRF-Token`); the session cookie is HttpOnly and SameSite=Strict (Secure behind
HTTPS) and holds only an id of a server-side session (`sessions.py`), revoked on
logout and ended by a password change or a disabled account.
"""
from __future__ import annotations

import hmac
import ipaddress
import logging
import math
import os
import secrets
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.security import generate_password_hash
from werkzeug.wrappers import Response

from dangan.archive import accounts, audit, releases
from dangan.archive.accounts import User
from dangan.archive.catalog import Catalog
from dangan.errors import DanganError
from dangan.web.roles import PERMISSIONS, allowed, needs
from dangan.web.sessions import FREE_FAILURES, LoginThrottle, SessionStore

log = logging.getLogger(__name__)

SECRET_NAME = "web_secret.key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SESSION_HOURS = 12.0     # the cookie's lifetime; the server ends idle sessions sooner (sessions.py)
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SESSION_ID = "sid"
HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

bp = Blueprint("auth", __name__)


def secret_key(home: Path) -> bytes:
    """The workspace's session key: generated once, kept 0600 beside the catalog."""
    path = home / SECRET_NAME
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        os.chmod(path, 0o600)
        key = path.read_bytes()
        if len(key) >= 32:
            return key
        path.unlink()
        return secret_key(home)
    key = secrets.token_bytes(48)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


def read_password_file(path: Path) -> str:
    """A password file holds the password (first line) or a werkzeug hash of it."""
    text = path.read_text(encoding="utf-8").splitlines()
    line = text[0].strip() if text else ""
    if not line:
        raise ValueError("empty password file")
    if line.startswith(("scrypt:", "pbkdf2:")) and "$" in line:
        return line
    return generate_password_hash(line)


def csrf_token() -> str:
    token = session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return str(token)


def _csrf_ok() -> bool:
    expected = session.get(CSRF_FIELD)
    sent = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD)
    return bool(expected and sent) and hmac.compare_digest(str(expected), str(sent))


def host_name(host: str) -> str:
    """`Host` without its port, lower case: `[::1]:8765` → `::1`, `Desk.lan:80` → `desk.lan`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _host_allowed(name: str) -> bool:
    """A name on the allow-list, or an IP address: DNS rebinding needs a name it controls."""
    allowed = current_app.config["DANGAN_ALLOWED_HOSTS"]
    if "*" in allowed or name in allowed:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _origin_ok() -> bool:
    """A POST's Origin (when the browser sends one) must be one of the desk's own names."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and _host_allowed(host_name(parts.netloc))


def catalog() -> Catalog:
    """The request's catalog connection (closed at teardown)."""
    if "dangan_catalog" not in g:
        g.dangan_catalog = Catalog(current_app.extensions["dangan_ws"].catalog_path)
    return g.dangan_catalog


def current_user() -> User:
    """The signed-in user of this request (anonymous before the check has run)."""
    return g.get("dangan_user", accounts.ANONYMOUS)


def unit_scope() -> str | None:
    """A unit account's unit (its view of documents and tasks is narrowed to it); None for others."""
    user = current_user()
    return (user.unit or "") if user.role == "unit" else None


def require_document(doc_id: int) -> None:
    """A unit may open only what the office released to it."""
    scope = unit_scope()
    if scope is not None and not releases.is_released(catalog(), doc_id, scope):
        abort(403, description="当前账号无权查看这份文件（未向本单位公开）。")


def can_open(doc_id: int) -> bool:
    """Whether the page may link a document: a unit only what was released to it."""
    scope = unit_scope()
    return scope is None or releases.is_released(catalog(), doc_id, scope)


def signed_in_user() -> User | None:
    """The user of a live server-side session whose password and account are as when it was opened."""
    store: SessionStore = current_app.extensions["dangan_sessions"]
    found = store.check_user(catalog(), session.get(SESSION_ID),
                             lambda name: accounts.session_key(catalog(), name))
    return accounts.get_user(catalog(), found.user) if found else None


def _permission() -> str | None:
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, "dangan_permission", None)


def before_request() -> Response | tuple[str, int] | None:
    """Refuse a foreign host name; find the user and check the role's permission for this view;
    refuse a POST from another origin or without its token."""
    if not _host_allowed(host_name(request.host)):
        log.warning("拒绝了主机名不在允许列表中的请求：%r（来自 %s）", request.host, request.remote_addr)
        abort(400, description=f"主机名 {host_name(request.host)} 不在允许列表中。"
                               "如需用这个名字访问，请把它加入 dangan.toml 的 [web] allowed_hosts。")
    if request.endpoint is None or request.endpoint == "static":
        return None                                   # a 404 follows, or a stylesheet
    permission = _permission()
    if permission is None:
        abort(403)                                    # an undeclared view is nobody's
    user = accounts.local_user() if not accounts.has_users(catalog()) else signed_in_user()
    if user is None:
        if permission != "open":
            if request.method in UNSAFE and not request.path.startswith("/api/"):
                return _signed_out_post()
            if request.path.startswith("/api/"):
                abort(403)
            return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))
        user = accounts.ANONYMOUS
    g.dangan_user = user
    if not allowed(user.role, permission):
        abort(403, description="当前账号无权使用此功能。")
    g.dangan_actor = audit.set_actor(user.name)       # library calls record this user in the audit trail
    if request.method in UNSAFE and not _origin_ok():
        log.warning("拒绝了来自其他网站的提交：Origin %r", request.headers.get("Origin"))
        abort(403, description="表单来源不明（来自其他网站，CSRF 校验失败），请在本系统的页面中操作。")
    if request.method in UNSAFE and not _csrf_ok():
        abort(403, description="表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。")
    return None


SIGNED_OUT = "登录已过期（或尚未登录），这次提交没有保存。"


def _signed_out_post() -> Response | tuple[str, int]:
    """A form sent after the session ended (the desk left open past its hours): say so, and offer the login
    that leads back to the page the form was on — not 禁止访问, and not, after logging in, a 405 on the
    form's POST-only address."""
    from urllib.parse import urlsplit

    if request.path == "/upload":   # the page's script reads a JSON reason
        abort(403, description=SIGNED_OUT + "请重新登录后再上传。")
    came = urlsplit(request.referrer or "")
    back = (came.path + (f"?{came.query}" if came.query else "")) if came.netloc == request.host else ""
    return render_template("error.html", title="需要重新登录", message=SIGNED_OUT + "请重新登录，再回到原页面操作。",
                           hint="", status=403, login_next=_safe_next(back)), 403


def after_request(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def teardown(_error: BaseException | None) -> None:
    token = g.pop("dangan_actor", None)
    if token is not None:
        audit.reset_actor(token)
    conn = g.pop("dangan_catalog", None)
    if conn is not None:
        conn.close()


def install(app: Flask, password_hash: str | None, allowed_hosts: Iterable[str] = ()) -> None:
    """Hooks, sessions and throttle for `app`; `allowed_hosts` adds names to the local ones.

    The old single password (`password_hash`) is the account `admin`, kept in step with it.
    """
    if password_hash:
        with Catalog(app.extensions["dangan_ws"].catalog_path) as cat:
            accounts.sync_legacy_admin(cat, password_hash)
    app.config["DANGAN_ALLOWED_HOSTS"] = LOCAL_NAMES | {host_name(h) for h in allowed_hosts if h}
    app.extensions["dangan_sessions"] = SessionStore()   # kept in the catalog: a restart keeps them
    app.extensions["dangan_throttle"] = LoginThrottle()
    app.before_request(before_request)
    app.after_request(after_request)
    app.teardown_request(teardown)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["can"] = lambda permission: allowed(current_user().role, permission)
    app.jinja_env.globals["current_user"] = current_user
    app.jinja_env.globals["can_open"] = can_open
    app.register_blueprint(bp)


def undeclared(app: Flask) -> list[str]:
    """Endpoints without a permission (the tests assert there are none but `static`)."""
    return sorted(name for name, view in app.view_functions.items()
                  if getattr(view, "dangan_permission", None) not in PERMISSIONS)


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never `//host`, a scheme, or a backslash trick."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or "\\" in target:
        return url_for("search.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
@needs("open")
def login() -> Response | str | tuple[str, int]:
    """Name and password (a blank name is `admin`, the old single password); failures are counted
    per address and per name, and after a few each attempt waits, longer each time."""
    if not accounts.has_users(catalog()):
        return redirect(url_for("search.index"))
    error, typed = None, request.form.get("name", "").strip()[:80]
    if request.method == "POST":
        name = typed or accounts.LEGACY_ADMIN
        throttle: LoginThrottle = current_app.extensions["dangan_throttle"]
        keys = (f"addr:{request.remote_addr}", f"user:{name}")
        wait = throttle.wait(*keys)
        if wait > 0:
            log.warning("登录被暂停：%s 来自 %s，还需等待 %d 秒", name, request.remote_addr, math.ceil(wait))
            error = f"登录失败次数过多，请 {math.ceil(wait)} 秒后再试。"
            return render_template("login.html", error=error, name=typed, next=request.args.get("next", "")), 429
        user = accounts.check_login(catalog(), name, request.form.get("password", ""), request.remote_addr or "?")
        if user is not None:
            throttle.succeeded(*keys)
            session.clear()  # a new session after login: no fixation of the old token
            session.permanent = True
            store: SessionStore = current_app.extensions["dangan_sessions"]
            session[SESSION_ID] = store.open(catalog(), user.name, accounts.session_key(catalog(), user.name) or "")
            session[CSRF_FIELD] = secrets.token_urlsafe(32)
            log.info("登录成功：%s 来自 %s", user.name, request.remote_addr)
            return redirect(_safe_next(request.args.get("next")))
        count = throttle.failed(*keys)
        log.warning("登录失败：%s 来自 %s（连续第 %d 次）", name, request.remote_addr, count)
        if count == FREE_FAILURES:   # the lockout starts: once in the audit trail, not at every refusal
            audit.record(catalog(), "login.locked", f"user:{name}",
                         {"address": request.remote_addr, "failures": count}, user=name)
        time.sleep(0.5)
        error = "用户名或密码不正确。"
    return render_template("login.html", error=error, name=typed, next=request.args.get("next", ""))


@bp.post("/logout")
@needs("account")
def logout() -> Response:
    store: SessionStore = current_app.extensions["dangan_sessions"]
    store.revoke(catalog(), session.get(SESSION_ID))
    if current_user().id:
        audit.record(catalog(), "logout", f"user:{current_user().name}")
    session.clear()
    return redirect(url_for("auth.login") if accounts.has_users(catalog()) else url_for("search.index"))


@bp.route("/account", methods=["GET", "POST"])
@needs("account")
def account() -> Any:
    """The signed-in user's own password: the old one, then the new one twice."""
    user = current_user()
    if request.method == "POST":
        old, new = request.form.get("old", ""), request.form.get("new", "")
        if user.id == 0:
            flash("本机工作台没有账号；用 `dangan user add` 建立账号。", "error")
        elif new != request.form.get("again", ""):
            flash("两次输入的新密码不一致。", "error")
        elif not accounts.verify_password(catalog(), user.name, old):
            flash("原密码不正确。", "error")
        else:
            try:
                accounts.set_password(catalog(), user.name, new)
            except DanganError as exc:
                flash(exc.message, "error")
            else:
                session.clear()   # every session of the account has ended, this one too
                flash("密码已修改，请用新密码登录。", "ok")
                return redirect(url_for("auth.login"))
        return redirect(url_for("auth.account"))
    return render_template("account.html", user=user)
