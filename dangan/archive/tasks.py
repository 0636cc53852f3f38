"""The task ledger (督办台账) in the catalog: tasks drafted from meetings, and their status."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dangan.archive.catalog import Catalog, now_iso
from dangan.errors import TaskNotFound


def save_tasks(catalog: Catalog, document_id: int | None, tasks: Sequence[Any]) -> list[int]:
    """Store drafted tasks; drafting the same speech again adds no duplicates (same text, same source)."""
    ids = []
    stamp = now_iso()
    with catalog.transaction() as conn:
        for task in tasks:
            row = conn.execute(
                "SELECT id FROM tasks WHERE text = ? AND coalesce(paragraph, '') = ? "
                "AND coalesce(document_id, -1) = coalesce(?, -1)",
                (task.text, task.source or "", document_id)).fetchone()
            if row:
                ids.append(row[0])
                continue
            cur = conn.execute(
                "INSERT INTO tasks (document_id, paragraph, text, owners, deadline, status, "
                "created_at, updated_at) VALUES (?,?,?,?,?,'open',?,?)",
                (document_id, task.source, task.text, json.dumps(list(task.owners), ensure_ascii=False),
                 task.deadline.isoformat() if task.deadline else None, stamp, stamp))
            ids.append(int(cur.lastrowid))
    return ids


def list_tasks(catalog: Catalog, *, open_only: bool = False, owner: str | None = None,
               document_id: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT t.*, d.title AS document_title FROM tasks t "
           "LEFT JOIN documents d ON d.id = t.document_id WHERE 1=1")
    args: list[Any] = []
    if open_only:
        sql += " AND t.status = 'open'"
    if document_id is not None:
        sql += " AND t.document_id = ?"
        args.append(document_id)
    sql += " ORDER BY t.deadline IS NULL, t.deadline, t.id"
    out = []
    for row in catalog.conn.execute(sql, args):
        task = dict(row)
        task["owners"] = json.loads(task["owners"] or "[]")
        if owner and not any(owner in o or o in owner for o in task["owners"]):
            continue
        out.append(task)
    return out


def set_status(catalog: Catalog, task_id: int, status: str = "done") -> dict[str, Any]:
    with catalog.transaction() as conn:
        cur = conn.execute("UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?",
                           (status, now_iso(), task_id))
        if cur.rowcount == 0:
            raise TaskNotFound(id=task_id)
    row = dict(catalog.conn.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone())
    row["owners"] = json.loads(row["owners"] or "[]")
    return row


def replace_tasks(catalog: Catalog, document_id: int | None, old_ids: Sequence[int],
                  tasks: Sequence[Any]) -> list[int]:
    """After a reviewer edits a draft's tasks: its open tasks give way to the edited list.

    Tasks already marked done stay as they are (the ledger keeps its history).
    """
    with catalog.transaction() as conn:
        conn.executemany("DELETE FROM tasks WHERE id = ? AND status = 'open'", [(i,) for i in old_ids])
    return save_tasks(catalog, document_id, tasks)
