"""Who may do what on the web desk: one table, checked on the server for every request.

Each view declares the permission it needs with `@needs("…")`; `install` refuses to
start an app with an undeclared endpoint, so a new page cannot be forgotten.
A unit's access to single documents is narrowed further by `can_read` (released ones only).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# permission → roles that hold it
PERMISSIONS: dict[str, frozenset[str]] = {
    "open":      frozenset({"admin", "clerk", "unit", "viewer", "anonymous"}),  # login page, static
    "account":   frozenset({"admin", "clerk", "unit", "viewer"}),   # own password, logout
    "search":    frozenset({"admin", "clerk", "unit", "viewer"}),   # unit: released documents only
    "read":      frozenset({"admin", "clerk", "unit", "viewer"}),   # unit: released documents only
    "download":  frozenset({"admin", "clerk", "unit", "viewer"}),   # originals; unit: released only
    "edit":      frozenset({"admin", "clerk"}),                     # 著录, items, release to units
    "ingest":    frozenset({"admin", "clerk"}),                     # direct upload into the archive
    "handin":    frozenset({"unit"}),                               # 报送 into the review queue
    "review":    frozenset({"admin", "clerk"}),                     # 审核: accept / return / reject
    "dossier":   frozenset({"admin", "clerk", "viewer"}),
    "minutes":   frozenset({"admin", "clerk"}),
    "archive":   frozenset({"admin", "clerk"}),                     # 档号 and the 归档文件目录
    "tasks":     frozenset({"admin", "clerk", "unit", "viewer"}),   # unit: its own tasks
    "tasks.edit": frozenset({"admin", "clerk", "unit"}),            # unit: its own tasks
    "tasks.issue": frozenset({"admin", "clerk"}),                   # tasks to the units from the 缺项清单
    "gaps":      frozenset({"admin", "clerk", "viewer"}),
    "status":    frozenset({"admin", "clerk"}),                     # 状态; the 同文异版候选 listed
    "variants":  frozenset({"admin"}),                              # 同文异版候选 folded or kept apart
    "users":     frozenset({"admin"}),
    "audit":     frozenset({"admin"}),
}


def needs(permission: str) -> Callable[[F], F]:
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    def mark(view: F) -> F:
        view.dangan_permission = permission  # type: ignore[attr-defined]
        return view
    return mark


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS.get(permission, frozenset())
