"""The hand-in queue (报送 → 审核 → 归档): a unit's file waits here until a clerk decides.

Held files live under <home>/review/<random>/ (never in an inbox, so no watcher
takes them); a row records the unit, the 测评内容 (taxonomy + content code), the
requirement and the task the file answers. Accepting is a use case
(`dangan.intake.review`, which ingests and links); this module keeps the rows.
"""
from __future__ import annotations

from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import Catalog, inserted_id, now_iso
from dangan.errors import SubmissionDecided, SubmissionNotFound

STATES = {"pending": "待审核", "accepted": "已归档", "returned": "已退回", "rejected": "不予采用"}
ACTIONS = {"accepted": "review.accept", "returned": "review.return", "rejected": "review.reject"}
REVIEW_DIR = "review"
NO_COUNTS = {"submitted": 0, "pending": 0, "accepted": 0, "returned": 0, "rejected": 0}


def add(catalog: Catalog, *, unit: str, user: str, original_name: str, held_path: str, sha256: str,
        size: int, taxonomy: str | None, item_code: str | None, requirement: int | None,
        task_id: int | None, note: str | None) -> int:
    with catalog.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO submissions (unit, user, taxonomy, item_code, requirement, task_id, original_name, "
            "held_path, sha256, size, note, state, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,'pending',?)",
            (unit, user, taxonomy, item_code, requirement, task_id, original_name, held_path, sha256, size,
             note, now_iso()))
        number = inserted_id(cur)
        audit.append(conn, "review.submit", f"submission:{number}",
                     {"after": {"unit": unit, "taxonomy": taxonomy, "content": item_code,
                                "requirement": requirement, "task": task_id, "name": original_name,
                                "sha256": sha256, "size": size}})
    return number


def get(catalog: Catalog, number: int) -> dict[str, Any]:
    row = catalog.conn.execute("SELECT * FROM submissions WHERE id = ?", (number,)).fetchone()
    if row is None:
        raise SubmissionNotFound(id=number)
    return _labelled(dict(row))


def check_pending(item: dict[str, Any]) -> None:
    if item["state"] != "pending":
        raise SubmissionDecided(id=item["id"], state=STATES[item["state"]])


def listing(catalog: Catalog, *, state: str | None = None, unit: str | None = None) -> list[dict[str, Any]]:
    """Submissions, newest first, with the task's text."""
    sql = "SELECT s.*, t.text AS task_text FROM submissions s LEFT JOIN tasks t ON t.id = s.task_id WHERE 1=1"
    args: list[object] = []
    if state:
        sql, args = sql + " AND s.state = ?", [*args, state]
    if unit is not None:
        sql, args = sql + " AND s.unit = ?", [*args, unit]
    return [_labelled(dict(r)) for r in catalog.conn.execute(sql + " ORDER BY s.id DESC", args)]


def decide(catalog: Catalog, number: int, state: str, *, reason: str | None = None,
           document_id: int | None = None) -> dict[str, Any]:
    """A pending submission's outcome, with its audit entry, in one transaction."""
    with catalog.transaction() as conn:
        row = conn.execute("SELECT state FROM submissions WHERE id = ?", (number,)).fetchone()
        if row is None:
            raise SubmissionNotFound(id=number)
        if row[0] != "pending":
            raise SubmissionDecided(id=number, state=STATES[row[0]])
        conn.execute("UPDATE submissions SET state = ?, reason = ?, document_id = ?, decided_at = ?, "
                     "decided_by = ? WHERE id = ?",
                     (state, reason, document_id, now_iso(), audit.actor(), number))
        audit.append(conn, ACTIONS[state], f"submission:{number}",
                     {"before": {"state": "pending"},
                      "after": {"state": state, "reason": reason, "document": document_id}})
    return get(catalog, number)


def counts(catalog: Catalog, taxonomy: str) -> dict[str, dict[str, int]]:
    """Per 测评内容: submitted (已报送, every hand-in), pending, returned, accepted, rejected."""
    out: dict[str, dict[str, int]] = {}
    rows = catalog.conn.execute("SELECT item_code, state, count(*) FROM submissions WHERE taxonomy = ? "
                                "AND item_code IS NOT NULL GROUP BY 1, 2", (taxonomy,))
    for code, state, count in rows:
        entry = out.setdefault(code, dict(NO_COUNTS))
        entry[state] += count
        entry["submitted"] += count
    return out


def task_counts(catalog: Catalog) -> dict[int, dict[str, int]]:
    """The same per task (督办台账)."""
    out: dict[int, dict[str, int]] = {}
    rows = catalog.conn.execute("SELECT task_id, state, count(*) FROM submissions WHERE task_id IS NOT NULL "
                                "GROUP BY 1, 2")
    for task_id, state, count in rows:
        entry = out.setdefault(task_id, dict(NO_COUNTS))
        entry[state] += count
        entry["submitted"] += count
    return out


def _labelled(row: dict[str, Any]) -> dict[str, Any]:
    row["state_name"] = STATES[row["state"]]
    return row
