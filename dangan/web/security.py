"""Login, session secret, CSRF tokens, host and origin checks, response headers of the web desk.

The desk listens on 127.0.0.1 unless a password is set. A request naming a
host that is not the desk's (DNS rebinding: an outside page resolving its own
name to the desk's address) is refused; so is a POST from another origin.
Every POST carries a per-session CSRF token (form field `csrf_token` or header
`X-CSRF-Token`); the session cookie is HttpOnly and SameSite=Strict and holds
only an id of a server-side session (`sessions.py`), revoked on logout.
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
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, abort, current_app, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from dangan.web.sessions import LoginThrottle, SessionStore, key_of

log = logging.getLogger(__name__)

SECRET_NAME = "web_secret.key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OPEN_ENDPOINTS = frozenset({"auth.login", "static"})
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


def signed_in() -> bool:
    """The visitor holds a live server-side session opened with the current password."""
    store: SessionStore = current_app.extensions["dangan_sessions"]
    return store.check(session.get(SESSION_ID), current_app.config["DANGAN_PASSWORD_KEY"]) is not None


def before_request() -> Response | None:
    """Refuse a foreign host name, an unauthenticated visitor (when a password is set),
    and a POST from another origin or without its token."""
    if not _host_allowed(host_name(request.host)):
        log.warning("拒绝了主机名不在允许列表中的请求：%r（来自 %s）", request.host, request.remote_addr)
        abort(400, description=f"主机名 {host_name(request.host)} 不在允许列表中。"
                               "如需用这个名字访问，请把它加入 dangan.toml 的 [web] allowed_hosts。")
    password_hash = current_app.config.get("DANGAN_PASSWORD_HASH")
    if password_hash and request.endpoint not in OPEN_ENDPOINTS and not signed_in():
        if request.method in UNSAFE or request.path.startswith("/api/"):
            abort(403)
        return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))
    if request.method in UNSAFE and not _origin_ok():
        log.warning("拒绝了来自其他网站的提交：Origin %r", request.headers.get("Origin"))
        abort(403, description="表单来源不明（来自其他网站，CSRF 校验失败），请在本系统的页面中操作。")
    if request.method in UNSAFE and not _csrf_ok():
        abort(403, description="表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。")
    return None


def after_request(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def install(app: Flask, password_hash: str | None, allowed_hosts: Iterable[str] = ()) -> None:
    """Hooks, sessions and throttle for `app`; `allowed_hosts` adds names to the local ones."""
    app.config["DANGAN_PASSWORD_HASH"] = password_hash
    app.config["DANGAN_PASSWORD_KEY"] = key_of(password_hash or "")
    app.config["DANGAN_ALLOWED_HOSTS"] = LOCAL_NAMES | {host_name(h) for h in allowed_hosts if h}
    app.extensions["dangan_sessions"] = SessionStore()   # a restart forgets every session
    app.extensions["dangan_throttle"] = LoginThrottle()
    app.before_request(before_request)
    app.after_request(after_request)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.register_blueprint(bp)


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never `//host`, a scheme, or a backslash trick."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or "\\" in target:
        return url_for("search.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str | tuple[str, int]:
    password_hash = current_app.config.get("DANGAN_PASSWORD_HASH")
    if not password_hash:
        return redirect(url_for("search.index"))
    error = None
    if request.method == "POST":
        throttle: LoginThrottle = current_app.extensions["dangan_throttle"]
        client = f"addr:{request.remote_addr}"
        wait = throttle.wait(client)
        if wait > 0:
            log.warning("登录被暂停：来自 %s，还需等待 %d 秒", request.remote_addr, math.ceil(wait))
            error = f"登录失败次数过多，请 {math.ceil(wait)} 秒后再试。"
            return render_template("login.html", error=error, next=request.args.get("next", "")), 429
        if check_password_hash(password_hash, request.form.get("password", "")):
            throttle.succeeded(client)
            session.clear()  # a new session after login: no fixation of the old token
            store: SessionStore = current_app.extensions["dangan_sessions"]
            session[SESSION_ID] = store.open("", current_app.config["DANGAN_PASSWORD_KEY"])
            session[CSRF_FIELD] = secrets.token_urlsafe(32)
            log.info("登录成功：来自 %s", request.remote_addr)
            return redirect(_safe_next(request.args.get("next")))
        count = throttle.failed(client)
        log.warning("登录失败：来自 %s（连续第 %d 次）", request.remote_addr, count)
        time.sleep(0.5)
        error = "密码不正确。"
    return render_template("login.html", error=error, next=request.args.get("next", ""))


@bp.post("/logout")
def logout() -> Response:
    store: SessionStore = current_app.extensions["dangan_sessions"]
    store.revoke(session.get(SESSION_ID))
    session.clear()
    return redirect(url_for("auth.login") if current_app.config.get("DANGAN_PASSWORD_HASH")
                    else url_for("search.index"))
