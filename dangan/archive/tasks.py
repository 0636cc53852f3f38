"""The task ledger (督办台账) in the catalog: tasks drafted from meetings, and their status.

A minutes draft is keyed by its source document and meeting date
(`minutes_drafts`). Drafting the same speech for the same meeting again
replaces that draft's open tasks; tasks already marked done stay, and a
redrafted task with the same text as a done one is not added again. So the
ledger never doubles, whether the speech was given as a path (ingested first)
or as a document id.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from dangan.archive import audit, review
from dangan.archive.catalog import Catalog, inserted_id, now_iso
from dangan.errors import BadQuery, InvalidDate, TaskNotFound
from dangan.text.dates import parse_date, parse_date_strict, resolve_deadline

_NAMES_RE = re.compile(r"[、,，;；\s]+")
_ROLE_RE = re.compile(r"(牵头|配合|协办|参与)(?:单位)?[：:]\s*([^；;]*)")

__all__ = ["GAP_SOURCE", "delete_task", "gap_target", "draft_ledger", "edit_task", "list_tasks", "meeting_day", "parse_deadline", "parse_leaders",
           "parse_owners", "replace_tasks", "save_tasks", "set_status", "store_draft", "task_row"]


# The source of a task issued from the 缺项清单: `缺项清单 Ⅲ-3 第1、3条` (the 测评内容, the requirements).
GAP_SOURCE = "缺项清单"
_GAP_RE = re.compile(r"缺项清单 (?P<code>\S+)(?: 第(?P<reqs>[\d、]+)条)?$")


def gap_target(source: str | None) -> tuple[str, tuple[int, ...]] | None:
    """(测评内容, requirement numbers) a task issued for the 缺项清单 asks evidence for; None for other tasks."""
    m = _GAP_RE.match(source or "")
    if m is None:
        return None
    return m["code"], tuple(int(n) for n in (m["reqs"] or "").split("、") if n)


def _json_list(values: Sequence[str] | None) -> str:
    return json.dumps(list(values or ()), ensure_ascii=False)


def _deadline(task: Any) -> str | None:
    due = getattr(task, "deadline", None)
    return due.isoformat() if isinstance(due, date) else (due or None)


def _insert(conn: Any, document_id: int | None, draft_id: int | None, task: Any, stamp: str) -> int:
    cur = conn.execute(
        "INSERT INTO tasks (document_id, draft_id, paragraph, text, owners, lead, leaders, deadline, frequency, "
        "status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,'open',?,?)",
        (document_id, draft_id, getattr(task, "source", None), task.text, _json_list(task.owners),
         _json_list(getattr(task, "lead", ())), _json_list(getattr(task, "leaders", ())), _deadline(task),
         getattr(task, "frequency", None), stamp, stamp))
    after = {"text": task.text, "owners": list(task.owners), "document": document_id, "deadline": _deadline(task)}
    if getattr(task, "leaders", ()):
        after["leaders"] = list(task.leaders)
    audit.append(conn, "task.add", f"task:{inserted_id(cur)}", {"after": after})
    return inserted_id(cur)


def save_tasks(catalog: Catalog, document_id: int | None, tasks: Sequence[Any],
               draft_id: int | None = None) -> list[int]:
    """Store tasks; one already in the ledger (same text, source and document) is not added twice."""
    ids = []
    stamp = now_iso()
    with catalog.transaction() as conn:
        for task in tasks:
            row = conn.execute(
                "SELECT id FROM tasks WHERE text = ? AND coalesce(paragraph, '') = ? "
                "AND coalesce(document_id, -1) = coalesce(?, -1)",
                (task.text, getattr(task, "source", None) or "", document_id)).fetchone()
            ids.append(row[0] if row else _insert(conn, document_id, draft_id, task, stamp))
    return ids


# A draft's own tasks, and those from before drafts were keyed (no draft id) of the same speech.
_MINE = "(draft_id = ? OR (draft_id IS NULL AND document_id = ?))"


def draft_ledger(catalog: Catalog, document_id: int, meeting_date: date | None) -> tuple[int, int]:
    """(open, done) tasks in the ledger of this speech's minutes for this meeting: what a redraft
    would replace (the open ones) and keep (the done ones)."""
    day = meeting_date.isoformat() if meeting_date else ""
    with catalog.transaction() as conn:
        row = conn.execute("SELECT id FROM minutes_drafts WHERE document_id = ? AND meeting_date = ?",
                           (document_id, day)).fetchone()
        counts = dict(conn.execute(f"SELECT status, count(*) FROM tasks WHERE {_MINE} GROUP BY status",
                                   (row[0] if row else -1, document_id)).fetchall())
    return counts.get("open", 0), counts.get("done", 0)


def edited_open(catalog: Catalog, document_id: int, meeting_date: date | None) -> list[int]:
    """Open tasks of this speech's minutes for this meeting that a clerk changed after they were
    drafted (owners, deadline or wording: edit_task's audit entries; a status toggled back to open
    is no edit): a redraft would put the draft's reading back over them."""
    day = meeting_date.isoformat() if meeting_date else ""
    with catalog.transaction() as conn:
        row = conn.execute("SELECT id FROM minutes_drafts WHERE document_id = ? AND meeting_date = ?",
                           (document_id, day)).fetchone()
        return [r[0] for r in conn.execute(
            f"SELECT id FROM tasks WHERE status = 'open' AND {_MINE} AND EXISTS (SELECT 1 FROM audit "
            "WHERE audit.action = 'task.edit' AND audit.object = 'task:' || tasks.id) ORDER BY id",
            (row[0] if row else -1, document_id))]


def store_draft(catalog: Catalog, document_id: int, meeting_date: date | None, title: str,
                tasks: Sequence[Any]) -> tuple[int, list[int], int]:
    """Keep a draft's tasks: its open tasks give way to `tasks`, done ones stay.

    Returns (draft id, task ids, how many open tasks were replaced)."""
    stamp = now_iso()
    day = meeting_date.isoformat() if meeting_date else ""
    with catalog.transaction() as conn:
        conn.execute(
            "INSERT INTO minutes_drafts (document_id, meeting_date, title, created_at, updated_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT (document_id, meeting_date) "
            "DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at",
            (document_id, day, title, stamp, stamp))
        draft_id = conn.execute("SELECT id FROM minutes_drafts WHERE document_id = ? AND meeting_date = ?",
                                (document_id, day)).fetchone()[0]
        mine = _MINE
        removed = [r[0] for r in conn.execute(f"SELECT id FROM tasks WHERE status = 'open' AND {mine}",
                                              (draft_id, document_id))]
        conn.execute(f"DELETE FROM tasks WHERE status = 'open' AND {mine}", (draft_id, document_id))
        if removed:
            audit.append(conn, "task.remove", f"draft:{draft_id}", {"before": {"tasks": removed}})
        done = {row[0]: row[1] for row in conn.execute(f"SELECT text, id FROM tasks WHERE {mine}",
                                                       (draft_id, document_id))}
        ids = [done.get(task.text) or _insert(conn, document_id, draft_id, task, stamp) for task in tasks]
    return draft_id, ids, len(removed)


def task_row(row: Any) -> dict[str, Any]:
    """A ledger row as the CLI's and the web's JSON give it."""
    task = dict(row)
    task["owners"] = json.loads(task.get("owners") or "[]")
    task["lead"] = json.loads(task.get("lead") or "[]")
    task["leaders"] = json.loads(task.get("leaders") or "[]")
    task["source"] = task.get("paragraph")
    task["draft"] = task.get("draft_id")
    return task


def list_tasks(catalog: Catalog, *, open_only: bool = False, owner: str | None = None,
               document_id: int | None = None, draft_id: int | None = None,
               exact_owner: bool = False) -> list[dict[str, Any]]:
    """The ledger; `owner` as typed finds a unit by part of its name (宣传部 → 区委宣传部), with `exact_owner`
    only the unit itself: a unit's own tasks (区委宣传部 is not 区委, whose tasks it must neither see nor
    answer) and the desk's filter by a name picked from the ledger's own list (区委 4 lists those 4)."""
    sql = ("SELECT t.*, d.title AS document_title, m.meeting_date AS meeting_date FROM tasks t "
           "LEFT JOIN documents d ON d.id = t.document_id "
           "LEFT JOIN minutes_drafts m ON m.id = t.draft_id WHERE 1=1")
    args: list[Any] = []
    if open_only:
        sql += " AND t.status = 'open'"
    if document_id is not None:
        sql += " AND t.document_id = ?"
        args.append(document_id)
    if draft_id is not None:
        sql += " AND t.draft_id = ?"
        args.append(draft_id)
    sql += " ORDER BY t.deadline IS NULL, t.deadline, t.id"
    out = []
    handins = review.task_counts(catalog)   # 已报送 / 待审核 / 已退回 by the units
    for row in catalog.conn.execute(sql, args):
        task = task_row(row)
        if owner and not any(o == owner if exact_owner else (owner in o or o in owner) for o in task["owners"]):
            continue
        task["handins"] = handins.get(task["id"], review.NO_COUNTS)
        out.append(task)
    return out


def _get(catalog: Catalog, task_id: int) -> dict[str, Any]:
    row = catalog.conn.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone()
    if row is None:
        raise TaskNotFound(id=task_id)
    return task_row(row)


def set_status(catalog: Catalog, task_id: int, status: str = "done") -> dict[str, Any]:
    with catalog.transaction() as conn:
        before = conn.execute("SELECT status FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if before is None:
            raise TaskNotFound(id=task_id)
        conn.execute("UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?", (status, now_iso(), task_id))
        audit.append(conn, "task.status", f"task:{task_id}",
                     {"before": {"status": before[0]}, "after": {"status": status}})
    return _get(catalog, task_id)


_UNSET: Any = object()


def edit_task(catalog: Catalog, task_id: int, *, owners: Sequence[str] | None = None,
              lead: Sequence[str] | None = None, deadline: date | None = _UNSET,
              text: str | None = None, leaders: Sequence[str] | None = None) -> dict[str, Any]:
    """Change a task's owners (lead first), 责任领导 (an empty list clears them), deadline (None clears it) or text."""
    changes: dict[str, Any] = {}
    if owners is not None:
        changes["owners"] = _json_list(owners)
        changes["lead"] = _json_list(lead if lead is not None else list(owners)[:1])
    if leaders is not None:
        changes["leaders"] = _json_list(leaders)
    if deadline is not _UNSET:
        changes["deadline"] = deadline.isoformat() if deadline else None
    if text is not None:
        changes["text"] = text
    with catalog.transaction() as conn:
        old = conn.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if old is None:
            raise TaskNotFound(id=task_id)
        if changes:
            sets = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(f"UPDATE tasks SET {sets}, updated_at = ? WHERE id = ?",
                         (*changes.values(), now_iso(), task_id))
            audit.append(conn, "task.edit", f"task:{task_id}",
                         {"before": {k: old[k] for k in changes}, "after": changes})
    return _get(catalog, task_id)


def delete_task(catalog: Catalog, task_id: int) -> dict[str, Any]:
    """Remove a task from the ledger; returns it as it was."""
    row = _get(catalog, task_id)
    with catalog.transaction() as conn:
        conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
        audit.append(conn, "task.remove", f"task:{task_id}",
                     {"before": {"text": row["text"], "owners": row["owners"], "deadline": row["deadline"]}})
    return row


def replace_tasks(catalog: Catalog, document_id: int | None, old_ids: Sequence[int],
                  tasks: Sequence[Any], draft_id: int | None = None) -> list[int]:
    """After a reviewer edits a draft's tasks: its open tasks give way to the edited list.

    Tasks already marked done stay as they are (the ledger keeps its history).
    """
    with catalog.transaction() as conn:
        for task_id in old_ids:
            row = conn.execute("SELECT text, owners, deadline FROM tasks WHERE id = ? AND status = 'open'",
                               (task_id,)).fetchone()
            if row is None:
                continue
            conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
            audit.append(conn, "task.remove", f"task:{task_id}",
                         {"before": {"text": row[0], "owners": json.loads(row[1] or "[]"), "deadline": row[2]}})
    return save_tasks(catalog, document_id, tasks, draft_id)


def parse_owners(text: str) -> tuple[list[str], list[str]]:
    """(owners, lead) from `区委宣传部、各街道` (the first leads) or `牵头：X；配合：Y、Z`."""
    roles = _ROLE_RE.findall(text)
    if roles:
        lead = [n for role, names in roles if role == "牵头" for n in _NAMES_RE.split(names) if n]
        support = [n for role, names in roles if role != "牵头" for n in _NAMES_RE.split(names) if n]
        return lead + [n for n in support if n not in lead], lead
    owners = [n for n in _NAMES_RE.split(text.strip()) if n]
    return owners, owners[:1]


def parse_leaders(text: str) -> list[str]:
    """责任领导 as typed: `张副区长、王局长` (无 or an empty string clears them)."""
    text = text.strip()
    return [] if text in ("", "无", "-") else [n for n in _NAMES_RE.split(text) if n]


def parse_deadline(text: str, meeting: date | None = None, today: date | None = None) -> date | None:
    """`2022-04-30`, `2022年4月30日`; `无` or an empty string clears the deadline. For a task of a meeting,
    a deadline as the speech says it (四月底, 月底前, 一个月内, 9月份) counts from the meeting's date, as the
    draft counted its own: a clerk correcting one in those words was refused (无法识别的日期写法). For a
    task of no meeting, given `today`, the words a clerk types (周五前, 12月5日, 下周一) count from today."""
    text = text.strip()
    if text in ("", "无", "-", "none"):
        return None
    try:
        return parse_date_strict(text)
    except InvalidDate as error:   # 2022-13-01 is told as such, not as a format to learn
        ref = meeting or today
        found = parse_date(text) or (resolve_deadline(_month_day(text), ref) if ref else None)
        if found is None:
            relative = ("；会议任务也可写成“四月底”“一个月内”，按会议日期推算" if meeting else
                        "；也可写成“周五前”“12月5日”“12.5”“下周一”，从今天算起" if today else "")
            raise BadQuery(f"完成时限的{error.message}；应写成 2022-04-30 或 2022年4月30日{relative}。",
                           hint="例：--deadline 2022-04-30" + ("，或 --deadline 周五前" if today and not meeting else "")
                           ) from None
        return found


_MONTH_DAY = re.compile(r"(?P<m>\d{1,2})[./／](?P<d>\d{1,2})(?P<rest>(?:日|号)?(?:之前|以前|前)?)")


def _month_day(text: str) -> str:
    """12.5 or 12/5前, as a clerk types a deadline in a box, read as 12月5日前. Only for a whole typed
    deadline: in running text 12.5 is a number (12.5万元), so the date reader does not take it."""
    m = _MONTH_DAY.fullmatch(text.strip())
    if m is None or not (1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31):
        return text
    return f"{int(m['m'])}月{int(m['d'])}日{m['rest'].lstrip('日号') or '前'}"


def meeting_day(catalog: Catalog, task_id: int) -> date | None:
    """The date of the meeting whose minutes drafted the task (None: a task of no meeting, or undated)."""
    row = catalog.conn.execute("SELECT d.meeting_date FROM tasks t JOIN minutes_drafts d ON d.id = t.draft_id "
                               "WHERE t.id = ?", (task_id,)).fetchone()
    try:
        return date.fromisoformat(row[0]) if row and row[0] else None
    except ValueError:
        return None
