"""A clerk's merge of two documents of one text (同文异版) that were both worked on: the work moves, then the fold.

`variants.fold_into` folds only a document nobody worked on: it moves bytes and sources, and a clerk's work
would be lost with the row. Here the clerk names the one to keep, and what was done to the other moves onto
it first where that is unambiguous: hand-set elements (手工著录, an inbox's default, an import) where the kept
one has none of its own, photo captions, item links and manual evidence (dossier places, and a 测评内容 said
not to be this document's) as a union, tasks, minutes drafts, releases and hand-ins re-pointed. Where it is
not (both hand-set a different 成文日期, one placed it under a 测评内容 the other said it is not, both drafted
minutes of one meeting, a 档号 on the one that would go, a date the kept one's 档号 rests on), nothing moves and each conflict is named. What was
read automatically from the other (elements, item and evidence guesses) goes with it: the text is the same.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from dangan.archive.catalog import Catalog, now_iso
from dangan.archive.variants import fold_row
from dangan.archive.variants_apart import said_apart
from dangan.fields import EDITABLE, LABELS

KEPT_ORIGINS = ("manual", "folder", "import")   # values an automatic reading never overwrites


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What merging `other` into `keep` moves (`moved`, empty groups left out) and what stops it (`conflicts`,
    each a sentence naming both documents' values)."""

    keep: int
    other: int
    moved: dict[str, Any] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()


def _shown(value: Any) -> str:
    return "（空，手工清除）" if value in (None, "") else str(value)


def _elements(conn: sqlite3.Connection, keep: int, other: int, moved: dict[str, Any], conflicts: list[str]) -> None:
    rows = {r["id"]: r for r in conn.execute(
        f"SELECT id, meta_origin, archival_code, {', '.join(EDITABLE)} FROM documents WHERE id IN (?, ?)", (keep, other))}
    origins = {i: json.loads(rows[i]["meta_origin"] or "{}") for i in (keep, other)}
    for name in EDITABLE:
        theirs = origins[other].get(name, {})
        if not isinstance(theirs, dict) or theirs.get("origin") not in KEPT_ORIGINS:
            continue
        mine = origins[keep].get(name, {})
        value, held = rows[other][name], rows[keep][name]
        if isinstance(mine, dict) and mine.get("origin") in KEPT_ORIGINS:
            if value != held:
                conflicts.append(f"两件都手工著录了{LABELS[name]}且不同（第 {keep} 件：{_shown(held)}；"
                                 f"第 {other} 件：{_shown(value)}）")
        elif name in ("doc_date", "posted_date") and rows[keep]["archival_code"] and value != held:
            # the 档号's year and 件号 rest on the kept one's date: a change is the clerk's own (dangan tag)
            conflicts.append(f"第 {keep} 件已编档号 {rows[keep]['archival_code']}（年度和件号按它的日期编定），第 {other} 件"
                             f"手工著录的{LABELS[name]}{_shown(value)}不随合并移过去（确需更正请用 dangan tag）")
        elif value != held or theirs.get("origin") != mine.get("origin"):
            moved.setdefault("elements", {})[name] = value
    code, theirs_code = rows[keep]["archival_code"], rows[other]["archival_code"]
    if theirs_code and code:
        conflicts.append(f"两件都已编档号（第 {keep} 件 {code}；第 {other} 件 {theirs_code}），在归档文件目录中是两件，"
                         "不能合并为一件")
    elif theirs_code:
        conflicts.append(f"第 {other} 件已编档号 {theirs_code}，档号不随合并移动：请改为保留第 {other} 件")


def _tags(conn: sqlite3.Connection, keep: int, other: int, moved: dict[str, Any], conflicts: list[str]) -> None:
    tags = {r["id"]: json.loads(r["tags"] or "{}") for r in conn.execute(
        "SELECT id, tags FROM documents WHERE id IN (?, ?)", (keep, other))}
    for key, value in tags[other].items():
        held = tags[keep].get(key)
        if held is None:
            moved.setdefault("tags", {})[key] = value
        elif held != value:
            conflicts.append(f"两件的照片说明“{key}”不同（第 {keep} 件：{held}；第 {other} 件：{value}）")


def _items_and_evidence(conn: sqlite3.Connection, keep: int, other: int, moved: dict[str, Any],
                        conflicts: list[str]) -> None:
    held = {r[0] for r in conn.execute(
        "SELECT item_code FROM document_items WHERE document_id = ? AND origin = 'manual'", (keep,))}
    items = [r[0] for r in conn.execute("SELECT item_code FROM document_items WHERE document_id = ? AND "
                                        "origin = 'manual' ORDER BY item_code", (other,)) if r[0] not in held]
    if items:
        moved["items"] = items
    places = {i: _places(conn, i) for i in (keep, other)}
    for place, reqs in places[other].items():
        held = places[keep].get(place, set())
        placed, refused = {r for r in reqs if r >= 0}, not any(r >= 0 for r in reqs)
        if held and (refused != (not any(r >= 0 for r in held))):
            said, put = (other, keep) if refused else (keep, other)
            conflicts.append(f"第 {said} 件已标明不属于测评内容 {place[1]}（{place[0]}），第 {put} 件却手工关联到它")
            continue
        for req in sorted(placed - held) if placed else ([-1] if -1 not in held else []):
            moved.setdefault("evidence", []).append(
                {"taxonomy": place[0], "content": place[1], **({"refused": True} if req < 0 else {"requirement": req})})


def _places(conn: sqlite3.Connection, doc_id: int) -> dict[tuple[str, str], set[int]]:
    """A document's manual evidence: (taxonomy, 测评内容) → its requirements (-1: said not to be this one's)."""
    out: dict[tuple[str, str], set[int]] = {}
    for r in conn.execute("SELECT taxonomy, content, req FROM evidence WHERE document_id = ? AND origin = 'manual'",
                          (doc_id,)):
        out.setdefault((r[0], r[1]), set()).add(r[2])
    return out


def _ties(conn: sqlite3.Connection, keep: int, other: int, moved: dict[str, Any], conflicts: list[str]) -> None:
    """Tasks, minutes drafts, releases and hand-ins tied to `other`."""
    tasks = [r[0] for r in conn.execute("SELECT id FROM tasks WHERE document_id = ? ORDER BY id", (other,))]
    days = {r[0]: r[1] for r in conn.execute("SELECT meeting_date, id FROM minutes_drafts WHERE document_id = ?",
                                             (keep,))}
    drafts = []
    for r in conn.execute("SELECT id, meeting_date FROM minutes_drafts WHERE document_id = ? ORDER BY id", (other,)):
        if r[1] in days:
            conflicts.append(f"两件都起草了{r[1] or '未定日期'}的会议纪要（纪要草稿 {days[r[1]]} 与 {r[0]}），"
                             "只能各留一份")
        else:
            drafts.append(r[0])
    units = [r[0] for r in conn.execute("SELECT unit FROM releases WHERE document_id = ? AND unit NOT IN "
                                        "(SELECT unit FROM releases WHERE document_id = ?) ORDER BY unit", (other, keep))]
    handins = [r[0] for r in conn.execute("SELECT id FROM submissions WHERE document_id = ? ORDER BY id", (other,))]
    for name, ids in (("tasks", tasks), ("drafts", drafts), ("releases", units), ("submissions", handins)):
        if ids:
            moved[name] = ids


def _plan(conn: sqlite3.Connection, keep: int, other: int) -> MergePlan:
    moved: dict[str, Any] = {}
    conflicts: list[str] = []
    for step in (_elements, _tags, _items_and_evidence, _ties):
        step(conn, keep, other, moved, conflicts)
    if said_apart(conn, keep, other):
        conflicts.insert(0, f"第 {other} 件与第 {keep} 件已标为不是同一文件（撤销这一标记后才能合并）")
    return MergePlan(keep, other, moved, tuple(conflicts))


def plan_merge(catalog: Catalog, other: int, keep: int) -> MergePlan:
    """What merging `other` into `keep` would move, and the conflicts that stop it; nothing changes."""
    catalog.get(keep), catalog.get(other)   # DocumentNotFound, naming where a folded number went
    return _plan(catalog.conn, keep, other)


def merge_into(catalog: Catalog, other: int, keep: int) -> MergePlan:
    """Move `other`'s work onto `keep` and fold `other` into it, in one transaction; with conflicts (read again
    inside it) nothing changes and the plan says why."""
    catalog.get(keep), catalog.get(other)
    with catalog.transaction() as conn:
        plan = _plan(conn, keep, other)
        if plan.conflicts:
            return plan
        _move(conn, plan)
        fold_row(conn, other, keep, plan.moved)
    return plan


def _move(conn: sqlite3.Connection, plan: MergePlan) -> None:
    keep, other, moved = plan.keep, plan.other, plan.moved
    stamp = now_iso()
    elements = moved.get("elements", {})
    if elements:
        row = conn.execute("SELECT meta_origin FROM documents WHERE id = ?", (keep,)).fetchone()
        origins, theirs = json.loads(row[0] or "{}"), json.loads(conn.execute(
            "SELECT meta_origin FROM documents WHERE id = ?", (other,)).fetchone()[0] or "{}")
        for name, value in elements.items():
            conn.execute(f"UPDATE documents SET {name} = ? WHERE id = ?", (value, keep))
            origins[name] = theirs[name]
        conn.execute("UPDATE documents SET meta_origin = ? WHERE id = ?", (json.dumps(origins, ensure_ascii=False), keep))
        if {"title", "doc_type"} & set(elements):   # the evidence matcher reads them: match again
            conn.execute("DELETE FROM evidence_runs WHERE document_id = ?", (keep,))
    if moved.get("tags"):
        tags = json.loads(conn.execute("SELECT tags FROM documents WHERE id = ?", (keep,)).fetchone()[0] or "{}")
        conn.execute("UPDATE documents SET tags = ? WHERE id = ?",
                     (json.dumps({**tags, **moved["tags"]}, ensure_ascii=False), keep))
    conn.execute("INSERT OR REPLACE INTO document_items (document_id, item_code, score, origin) SELECT ?, item_code, "
                 "score, 'manual' FROM document_items WHERE document_id = ? AND origin = 'manual'", (keep, other))
    for link in moved.get("evidence", []):
        place = (keep, link["taxonomy"], link["content"])
        # a manual link replaces the automatic guesses for its 测评内容; a refusal replaces every link to it
        conn.execute("DELETE FROM evidence WHERE document_id = ? AND taxonomy = ? AND content = ? AND "
                     + ("1" if link.get("refused") else "origin = 'auto'"), place)
        conn.execute("INSERT OR IGNORE INTO evidence (document_id, taxonomy, content, req, confidence, origin, passage, "
                     "linked_at) SELECT ?, taxonomy, content, req, confidence, 'manual', passage, linked_at FROM evidence "
                     "WHERE document_id = ? AND taxonomy = ? AND content = ? AND req = ? AND origin = 'manual'",
                     (keep, other, link["taxonomy"], link["content"], -1 if link.get("refused") else link["requirement"]))
    conn.execute("UPDATE tasks SET document_id = ? WHERE document_id = ?", (keep, other))
    conn.execute("UPDATE minutes_drafts SET document_id = ? WHERE document_id = ?", (keep, other))
    conn.execute("INSERT OR IGNORE INTO releases (document_id, unit, by_user, at) SELECT ?, unit, by_user, at "
                 "FROM releases WHERE document_id = ?", (keep, other))
    conn.execute("UPDATE submissions SET document_id = ? WHERE document_id = ?", (keep, other))
    conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (stamp, keep))


def moved_lines(moved: dict[str, Any]) -> list[str]:
    """What a merge moves, a line each as the clerk reads it (CLI, desk, audit trail)."""
    lines = [f"{LABELS[name]}：{value if value not in (None, '') else '（手工清除）'}（手工著录）"
             for name, value in moved.get("elements", {}).items()]
    lines += [f"照片说明·{key}：{value}" for key, value in moved.get("tags", {}).items()]
    if moved.get("items"):
        lines.append(f"测评项目：{'、'.join(moved['items'])}")
    for link in moved.get("evidence", []):
        where = f"测评内容 {link['content']}（{link['taxonomy']}）"
        lines.append(f"标明不属于{where}" if link.get("refused") else
                     f"佐证：{where}" + (f"第 {link['requirement']} 条申报要求" if link["requirement"] else ""))
    for name, label in (("tasks", "督办任务"), ("drafts", "会议纪要草稿"), ("submissions", "报送材料")):
        if moved.get(name):
            lines.append(f"{label}：编号 {'、'.join(map(str, moved[name]))}")
    if moved.get("releases"):
        lines.append(f"已下发给：{'、'.join(moved['releases'])}")
    return lines
