"""Users and their roles in the catalog; logins checked and audited.

Passwords are kept only as werkzeug scrypt hashes (the format of the old
`serve --password-file`, so the single password becomes the `admin` account as
is; older pbkdf2 hashes are upgraded at the next login). The web desk's sessions
remember `session_key` (a fingerprint of the hash): a password change or a
disabled account, from the web or the CLI, ends every session of that user.
werkzeug is imported only to hash or check a password: its package imports its server
and test client too (~50 ms), which a command listing users or the audit trail never needs.
"""
from __future__ import annotations

import functools
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import Catalog, inserted_id, now_iso
from dangan.errors import AccountInvalid, UserNotFound


def _password_hash(password: str) -> str:
    from werkzeug.security import generate_password_hash

    return generate_password_hash(password)


def _password_matches(pwhash: str, password: str) -> bool:
    from werkzeug.security import check_password_hash

    return check_password_hash(pwhash, password)


ROLES = {"admin": "管理员", "clerk": "办公室", "unit": "责任单位", "viewer": "检查组"}
LEGACY_ADMIN = "admin"
NAME = re.compile(r"^[\w.\-]{1,40}$")
MIN_PASSWORD = 8
FREE_FAILURES = 5              # failures within the window before each attempt must wait
WINDOW_SECONDS = 15 * 60
MAX_WAIT_SECONDS = 15 * 60


@functools.cache
def _dummy_hash() -> str:
    """Checked when the name is unknown, so that a wrong name costs as long as a wrong password.
    Made at the first login, not at import: scrypt costs every CLI command 0.2–0.3 s."""
    return _password_hash(secrets.token_hex(16))




@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str
    unit: str | None = None
    disabled: bool = False

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "role_name": self.role_name,
                "unit": self.unit, "disabled": self.disabled}


ANONYMOUS = User(0, "anonymous", "anonymous")


def local_user() -> User:
    """The desk without accounts belongs to whoever started it on this machine (127.0.0.1 only)."""
    return User(0, audit.os_user(), "admin")


def _user(row: Any) -> User:
    return User(row["id"], row["name"], row["role"], row["unit"], bool(row["disabled"]))


def check_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountInvalid(detail=f"密码太短：至少 {MIN_PASSWORD} 个字符。", hint="")


def _hash(password: str | None, password_hash: str | None) -> str:
    if password_hash is not None:
        return password_hash
    check_strength(password or "")
    return _password_hash(password or "")


def add_user(catalog: Catalog, name: str, role: str, password: str | None = None, *,
             unit: str | None = None, password_hash: str | None = None, source: str = "cli") -> User:
    """A new account; a `unit` account names its unit (责任单位)."""
    unit = check_new_user(catalog, name, role, unit)
    digest = _hash(password, password_hash)
    stamp = now_iso()
    with catalog.transaction() as conn:
        if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise AccountInvalid(detail=f"用户 {name} 已存在。", hint="改密码用 `dangan user passwd`。")
        cur = conn.execute("INSERT INTO users (name, role, unit, password_hash, disabled, source, "
                           "created_at, updated_at) VALUES (?,?,?,?,0,?,?,?)",
                           (name, role, unit, digest, source, stamp, stamp))
        audit.append(conn, "user.add", f"user:{name}", {"after": {"role": role, "unit": unit,
                                                                   "source": source}})
    return get_user(catalog, inserted_id(cur))


def check_new_user(catalog: Catalog, name: str, role: str, unit: str | None) -> str | None:
    """Refuse an account that cannot be added (before anyone types its password twice); its unit as
    the unit list names it."""
    if not NAME.match(name):
        raise AccountInvalid(detail=f"用户名“{name}”不合规：只用汉字、字母、数字、点、横线和下划线，至多 40 个字符。")
    if role not in ROLES:
        raise AccountInvalid(detail=f"没有角色“{role}”：可选 {'、'.join(ROLES)}。", hint="")
    unit = listed_unit(catalog, unit)
    if role == "unit" and not unit:
        raise AccountInvalid(detail="责任单位账号须指明单位，如 --unit 区委宣传部。", hint="")
    if catalog.conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
        raise AccountInvalid(detail=f"用户 {name} 已存在。", hint="改密码用 `dangan user passwd`。")
    return unit


def unit_name(catalog: Catalog, text: str | None) -> str | None:
    """A unit as the workspace's unit list names it (`宣传部` → `区委宣传部`); unknown names as given."""
    from dangan.read.understand.units import load_units

    text = (text or "").strip()
    if not text or text == "*":
        return text or None
    return load_units(catalog.path.parent).normalise(text) or text


def listed_unit(catalog: Catalog, text: str | None) -> str | None:
    """A new account's unit as the workspace's unit list names it (an alias such as 宣传部 is stored as
    区委宣传部); a unit not on the list is refused, with the names it may mean: the account's
    materials are filed, released and counted under the listed name."""
    from dangan.read.understand.units import load_units

    text = (text or "").strip()
    if not text or text == "*":
        return text or None
    units = load_units(catalog.path.parent)
    found = units.normalise(text)
    if found:
        return found
    close = units.close_names(text)
    meant = f"（是不是 {'、'.join(close)}？）" if close else ""
    own = catalog.path.parent / "units.toml"
    raise AccountInvalid(detail=f"单位不在单位名单中：{text}{meant}",
                         hint=f"请用名单中的单位名称或其简称（名单：{units.source}）；"
                              f"名单外的单位请先加进 {own}，再添加账号。")


def get_user(catalog: Catalog, key: int | str) -> User:
    column = "id" if isinstance(key, int) else "name"
    row = catalog.conn.execute(f"SELECT * FROM users WHERE {column} = ?", (key,)).fetchone()
    if row is None:
        raise UserNotFound(name=key)
    return _user(row)


def list_users(catalog: Catalog) -> list[User]:
    return [_user(r) for r in catalog.conn.execute("SELECT * FROM users ORDER BY id")]


def has_users(catalog: Catalog) -> bool:
    return catalog.conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def set_disabled(catalog: Catalog, name: str, disabled: bool = True) -> User:
    """Disable (or enable again) an account; its sessions end at once. One already so is left as it
    is, with nothing in the trail (停用：是 → 是 said nothing happened)."""
    user = get_user(catalog, name)
    if user.disabled == disabled:
        return user
    with catalog.transaction() as conn:
        conn.execute("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?",
                     (int(disabled), now_iso(), user.id))
        audit.append(conn, "user.disable" if disabled else "user.enable", f"user:{name}",
                     {"before": {"disabled": user.disabled}, "after": {"disabled": disabled}})
    return get_user(catalog, user.id)


def set_password(catalog: Catalog, name: str, password: str | None = None, *,
                 password_hash: str | None = None) -> None:
    """A new password ends every session of the user (a copied cookie stops working)."""
    user = get_user(catalog, name)
    digest = _hash(password, password_hash)
    with catalog.transaction() as conn:
        conn.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                     (digest, now_iso(), user.id))
        audit.append(conn, "user.passwd", f"user:{name}")


def sync_legacy_admin(catalog: Catalog, password_hash: str) -> User:
    """The old single password (`serve --password-file`) as the account `admin`, kept in step with the file."""
    row = catalog.conn.execute("SELECT * FROM users WHERE name = ?", (LEGACY_ADMIN,)).fetchone()
    if row is None:
        return add_user(catalog, LEGACY_ADMIN, "admin", password_hash=password_hash, source="password-file")
    if row["source"] == "password-file" and row["password_hash"] != password_hash:
        set_password(catalog, LEGACY_ADMIN, password_hash=password_hash)
    return _user(row)


# -- login ---------------------------------------------------------------------
def check_login(catalog: Catalog, name: str, password: str, address: str) -> User | None:
    """The user if the password is right and the account enabled; every attempt is audited.

    (The web desk throttles attempts per address and name before calling this.)
    """
    row = catalog.conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    good = _password_matches(row["password_hash"] if row else _dummy_hash(), password)
    if row is None or not good or row["disabled"]:
        reason = "unknown" if row is None else "disabled" if good else "password"
        audit.record(catalog, "login.failed", f"user:{name}", {"address": address, "reason": reason}, user=name)
        return None
    with catalog.transaction() as conn:
        if not row["password_hash"].startswith("scrypt:"):   # an older werkzeug hash: upgrade it
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?",
                         (_password_hash(password), row["id"]))
        audit.append(conn, "login", f"user:{name}", {"address": address}, user=name)
    return _user(row)


def verify_password(catalog: Catalog, name: str, password: str) -> bool:
    """The signed-in user's own password, before it is changed (no audit entry)."""
    row = catalog.conn.execute("SELECT password_hash FROM users WHERE name = ?", (name,)).fetchone()
    return _password_matches(row[0] if row else _dummy_hash(), password) and row is not None


def session_key(catalog: Catalog, name: str) -> str | None:
    """A fingerprint of the user's password hash (sessions keep it); None for an unknown or disabled user."""
    row = catalog.conn.execute("SELECT password_hash, disabled FROM users WHERE name = ?", (name,)).fetchone()
    if row is None or row[1]:
        return None
    return hashlib.sha256(row[0].encode()).hexdigest()[:16]
