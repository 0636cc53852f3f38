"""The audit trail: an append-only, hash-chained table in the catalog (DA/T 70 真实性/完整性).

Each row's `hash` is SHA-256 over its own fields and the previous row's hash, so
an edited, inserted or deleted row breaks the chain from that row on; triggers
refuse UPDATE and DELETE through SQLite. Upper layers call `record` (its own
transaction) or `append` (inside theirs); nothing else writes the table.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextvars import ContextVar, Token
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dangan.archive.catalog import Catalog

GENESIS = "0" * 64
FIELDS = ("id", "at", "user", "action", "object", "detail")
# How each action reads to an administrator (the desk's 审计 page); the code stays in the trail.
ACTION_NAMES = {
    "login": "登录", "logout": "退出", "login.failed": "登录失败", "login.locked": "登录暂停",
    "user.add": "添加账号", "user.disable": "停用账号", "user.enable": "启用账号", "user.passwd": "重设密码",
    "ingest": "收录", "upload": "上传", "scan": "文字识别", "same_text": "同文异版合并",
    "same_text.dismiss": "标为不是同一文件", "same_text.undismiss": "撤销“不是同一文件”", "tag": "著录",
    "release": "向单位公开", "release.withdraw": "撤回公开",
    "review.submit": "报送", "review.accept": "审核采用", "review.return": "审核退回", "review.reject": "审核不采用",
    "task.add": "新增任务", "task.edit": "修改任务", "task.status": "任务状态", "task.remove": "删除任务",
    "export": "导出", "download": "下载原件", "backup": "备份", "restore": "恢复", "archive": "编档号",
    "repair": "修复原件", "reread": "重新识别",
}


def action_name(action: str) -> str:
    """登录 for login; an action not listed reads as its code."""
    return ACTION_NAMES.get(action, action)


def action_codes(typed: str) -> tuple[str, ...]:
    """The actions a filter typed by a clerk means, in the names `action_name` shows: every action whose
    name holds the words (著录 → tag, 删除 → task.remove, 合并 → same_text, 审核 → the three review
    verdicts, 任务 → task.*). A code typed as stored (review, login.failed) is matched by `entries` itself."""
    words = typed.split()
    return tuple(code for code, name in ACTION_NAMES.items() if words and all(w in name for w in words))


def known_action(typed: str) -> bool:
    """Whether a filter means some action: a name's words, a code or a code's group (review → review.*)."""
    return bool(action_codes(typed)) or any(code == typed or code.startswith(f"{typed}.") for code in ACTION_NAMES)


def row_hash(row: tuple[Any, ...], previous: str) -> str:
    """SHA-256 of (id, at, user, action, object, detail, previous hash) as compact JSON."""
    blob = json.dumps([*row, previous], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def os_user() -> str:
    """The name CLI actions are recorded under: `os:<login>`."""
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):
        return "os:unknown"


_ACTOR: ContextVar[str | None] = ContextVar("dangan_actor", default=None)


def actor() -> str:
    """Who is acting now: the web desk's signed-in user, else the OS user."""
    return _ACTOR.get() or os_user()


def set_actor(name: str | None) -> Token[str | None]:
    """The web desk names the signed-in user for the rest of the request (`reset_actor` after)."""
    return _ACTOR.set(name)


def reset_actor(token: Token[str | None]) -> None:
    _ACTOR.reset(token)


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def append(conn: sqlite3.Connection, action: str, object: str | None = None,
           detail: dict[str, Any] | None = None, *, user: str | None = None, at: str | None = None) -> int:
    """Add one entry inside the caller's write transaction (BEGIN IMMEDIATE); returns its id.
    `at`: the caller's own stamp of what it records (an ingest's 收录时间), so both read the same second."""
    user = user or actor()
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    number, previous = (last[0] + 1, last[1]) if last else (1, GENESIS)
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail is not None else None
    row = (number, at or _now(), user, action, object, text)
    conn.execute("INSERT INTO audit (id, at, user, action, object, detail, hash) VALUES (?,?,?,?,?,?,?)",
                 (*row, row_hash(row, previous)))
    return number


def record(catalog: Catalog, action: str, object: str | None = None,
           detail: dict[str, Any] | None = None, *, user: str | None = None) -> int:
    with catalog.transaction() as conn:
        return append(conn, action, object, detail, user=user)


def note(catalog_path: Path, action: str, object: str | None = None,
         detail: dict[str, Any] | None = None) -> int:
    """`record` for a caller that holds no catalog (an export, a download)."""
    from dangan.archive.catalog import Catalog

    with Catalog(catalog_path) as catalog:
        return record(catalog, action, object, detail)


def entries(catalog: Catalog, *, since: str | None = None, user: str | None = None,
            action: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT id, at, user, action, object, detail FROM audit WHERE 1=1"
    args: list[object] = []
    if since:
        sql, args = sql + " AND at >= ?", [*args, since]
    if user:
        sql, args = sql + " AND user = ?", [*args, user]
    if action:   # a code (review: its group too) or the words of its name (著录, 删除任务, 合并)
        codes = action_codes(action)
        sql += f" AND (action = ? OR action LIKE ?{' OR action IN (' + ','.join('?' * len(codes)) + ')' if codes else ''})"
        args = [*args, action, f"{action}.%", *codes]
    sql += " ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
    out = []
    for row in catalog.conn.execute(sql, args):
        entry = dict(row)
        entry["detail"] = json.loads(entry["detail"]) if entry["detail"] else None
        out.append(entry)
    return out[::-1]


def _rows(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    cur = conn.execute("SELECT id, at, user, action, object, detail, hash FROM audit ORDER BY id")
    while batch := cur.fetchmany(1000):
        yield from batch


def verify(conn: sqlite3.Connection) -> dict[str, Any]:
    """{"ok", "entries", "first_broken", "head"}: the first row whose hash does not follow."""
    previous, count, expected, broken = GENESIS, 0, 1, None
    for row in _rows(conn):
        count += 1
        if broken is None and (row[0] != expected or row_hash(tuple(row)[:6], previous) != row[6]):
            broken = row[0]
        previous, expected = row[6], row[0] + 1
    return {"ok": broken is None, "entries": count, "first_broken": broken,
            "head": previous if count else None}
