"""Login, session secret, CSRF tokens and response headers of the web desk.

The desk listens on 127.0.0.1 unless a password is set. Every POST carries a
per-session CSRF token (form field `csrf_token` or header `X-CSRF-Token`);
the session cookie is HttpOnly and SameSite=Strict.
"""
from __future__ import annotations

import hmac
import os
import secrets
import time
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

SECRET_NAME = "web_secret.key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OPEN_ENDPOINTS = frozenset({"auth.login", "static"})
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


def before_request() -> Response | None:
    """Refuse an unauthenticated visitor (when a password is set) and a POST without its token."""
    password_hash = current_app.config.get("DANGAN_PASSWORD_HASH")
    if password_hash and request.endpoint not in OPEN_ENDPOINTS and not session.get("auth"):
        if request.method in UNSAFE or request.path.startswith("/api/"):
            abort(403)
        return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))
    if request.method in UNSAFE and not _csrf_ok():
        abort(403, description="表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。")
    return None


def after_request(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def install(app: Flask, password_hash: str | None) -> None:
    app.config["DANGAN_PASSWORD_HASH"] = password_hash
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
def login() -> Response | str:
    password_hash = current_app.config.get("DANGAN_PASSWORD_HASH")
    if not password_hash:
        return redirect(url_for("search.index"))
    error = None
    if request.method == "POST":
        if check_password_hash(password_hash, request.form.get("password", "")):
            session.clear()  # a new session after login: no fixation of the old token
            session["auth"] = True
            session[CSRF_FIELD] = secrets.token_urlsafe(32)
            return redirect(_safe_next(request.args.get("next")))
        time.sleep(0.5)
        error = "密码不正确。"
    return render_template("login.html", error=error, next=request.args.get("next", ""))


@bp.post("/logout")
def logout() -> Response:
    session.clear()
    return redirect(url_for("auth.login") if current_app.config.get("DANGAN_PASSWORD_HASH")
                    else url_for("search.index"))
