"""同文异版 found after the fact: a document whose text turns out to be another's.

Ingest links a file to the document whose text it repeats before cataloguing it.
A scan cannot be matched then: its text arrives later, from OCR. When it does and
equals an archived document's text, the scan becomes another original of that
document (`variants`), as it would have at ingest: its bytes kept, its sources
moved, the document row itself removed. Only a document nobody has worked on yet
is folded — no 档号, no element, item or evidence set by hand, no task, minutes
draft, release or hand-in tied to it; otherwise both stay and the caller says so.
Nor is a pair a clerk said are not one text (`variants_apart`).
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import Catalog, now_iso
from dangan.archive.variants_apart import carry_over, is_apart
from dangan.fields import LABELS

# Tables whose rows tie work to a document, each as the clerk names it: a document with any of them is never folded.
_WORK = (("SELECT '督办任务' FROM tasks WHERE document_id = :id", ""),
         ("SELECT '会议纪要' FROM minutes_drafts WHERE document_id = :id", ""),
         ("SELECT '下发给' || group_concat(unit, '、') FROM releases WHERE document_id = :id HAVING count(*)", ""),
         ("SELECT '单位报送' FROM submissions WHERE document_id = :id", ""),
         ("SELECT group_concat(item_code, '、') FROM document_items WHERE document_id = :id AND origin = 'manual' "
          "HAVING count(*)", "测评项目 "),
         ("SELECT group_concat(content, '、') FROM (SELECT DISTINCT content FROM evidence WHERE document_id = :id "
          "AND origin = 'manual' AND req >= 0) HAVING count(*)", "测评内容 "),
         ("SELECT group_concat(content, '、') FROM (SELECT DISTINCT content FROM evidence WHERE document_id = :id "
          "AND origin = 'manual' AND req < 0) HAVING count(*)", "标明不属于 "))


def worked_on(catalog: Catalog, doc_id: int) -> str | None:
    """Why document `doc_id` must stay a document of its own, or None."""
    row = catalog.conn.execute("SELECT archival_code, meta_origin FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return "不存在"
    if row["archival_code"]:
        return f"已编档号 {row['archival_code']}"
    origins = json.loads(row["meta_origin"] or "{}")
    edited = [LABELS.get(k, k) for k, v in origins.items() if isinstance(v, dict) and v.get("origin") == "manual"]
    if edited:
        return f"有手工修改的要素（{'、'.join(edited)}）"
    ties = []
    for query, label in _WORK:
        found = catalog.conn.execute(query, {"id": doc_id}).fetchone()
        if found and found[0]:
            ties.append(label + found[0])
    return f"已有手工关联（{'；'.join(dict.fromkeys(ties))}）" if ties else None


def apart_reason(catalog: Catalog, doc_id: int, into: int) -> str | None:
    """Why `doc_id` may not be folded into `into`: it was worked on, or a clerk said the two are not one text."""
    if is_apart(catalog, doc_id, into):
        return f"已标为与 {into} 不是同一文件"
    return worked_on(catalog, doc_id)


def fold_into(catalog: Catalog, doc_id: int, into: int) -> bool:
    """Make document `doc_id` another original of document `into` (同文异版); False when it
    has been worked on (see `worked_on`) or the two were said not to be one text, and it
    stays a document of its own."""
    if doc_id == into or apart_reason(catalog, doc_id, into) is not None:
        return False
    with catalog.transaction() as conn:
        fold_row(conn, doc_id, into)
    return True


def fold_row(conn: sqlite3.Connection, doc_id: int, into: int, moved: dict[str, Any] | None = None) -> None:
    """Inside a transaction: document `doc_id`'s original and sources become `into`'s, its row goes, and
    the audit's same_text entry says where it went (`Catalog.folded_into` follows it), with what a
    clerk's merge moved onto `into` first (`variants_merge`)."""
    doc = conn.execute("SELECT sha256, size, mime, relpath, original_name FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    first = conn.execute("SELECT path FROM sources WHERE document_id = ? ORDER BY id LIMIT 1",
                         (doc_id,)).fetchone()
    conn.execute("INSERT OR IGNORE INTO variants (document_id, sha256, size, mime, relpath, original_name, "
                 "source, added_at) VALUES (?,?,?,?,?,?,?,?)",
                 (into, doc["sha256"], doc["size"], doc["mime"], doc["relpath"], doc["original_name"],
                  first["path"] if first else None, now_iso()))
    conn.execute("UPDATE OR IGNORE variants SET document_id = ? WHERE document_id = ?", (into, doc_id))
    conn.execute("INSERT OR IGNORE INTO sources (document_id, path, inbox, added_at) "
                 "SELECT ?, path, inbox, added_at FROM sources WHERE document_id = ?", (into, doc_id))
    conn.execute("INSERT OR IGNORE INTO source_stored_names (document_id, path, stored_name) "
                 "SELECT ?, path, stored_name FROM source_stored_names WHERE document_id = ?", (into, doc_id))
    carry_over(conn, doc_id, into)
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    audit.append(conn, "same_text", f"doc:{into}",
                 {"folded": doc_id, "sha256": doc["sha256"], "original_name": doc["original_name"],
                  **({"moved": moved} if moved else {})})
