"""Pairs a clerk said are not one text: a 同文异版候选 dismissed, never proposed or folded again.

Two texts can read to one key and still be two documents (a 决议 and its 修订稿 that differ only in what
the key leaves out; a Big5 copy a clerk judges another text), and two documents both worked on may be kept
apart on purpose. Such a pair is recorded here (migration 18, the lower id first), with who said so and
when, and an audit entry; `ops.same_text` and `archive.variants.fold_into` honour it. Undoing removes it.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import Catalog, now_iso
from dangan.errors import SameTextPairInvalid


def ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def is_apart(catalog: Catalog, a: int, b: int) -> bool:
    return said_apart(catalog.conn, a, b)


def said_apart(conn: sqlite3.Connection, a: int, b: int) -> bool:
    """The same question inside a transaction (a clerk's merge reads it with the rest of its plan)."""
    return conn.execute("SELECT 1 FROM same_text_apart WHERE document_a = ? AND document_b = ?",
                        ordered(a, b)).fetchone() is not None


def apart_pairs(catalog: Catalog) -> set[frozenset[int]]:
    return {frozenset(row) for row in catalog.conn.execute("SELECT document_a, document_b FROM same_text_apart")}


def listed(catalog: Catalog) -> list[dict[str, Any]]:
    """Every pair kept apart, with both titles, who said so and when (oldest first)."""
    rows = catalog.conn.execute(
        "SELECT p.document_a, p.document_b, p.at, p.user, "
        "coalesce(a.title, a.original_name) AS title_a, coalesce(b.title, b.original_name) AS title_b "
        "FROM same_text_apart p JOIN documents a ON a.id = p.document_a JOIN documents b ON b.id = p.document_b "
        "ORDER BY p.at, p.document_a, p.document_b")
    return [{"documents": [{"id": r["document_a"], "title": r["title_a"]}, {"id": r["document_b"], "title": r["title_b"]}],
             "at": r["at"], "user": r["user"]} for r in rows]


def carry_over(conn: sqlite3.Connection, doc_id: int, into: int) -> None:
    """Inside a fold of `doc_id` into `into` (its transaction): what was said of `doc_id` holds for `into`,
    the same text: not one text with each document it was kept apart from (its own rows go with it)."""
    conn.execute("INSERT OR IGNORE INTO same_text_apart (document_a, document_b, at, user) "
                 "SELECT min(other, :into), max(other, :into), at, user FROM (SELECT CASE WHEN document_a = :id "
                 "THEN document_b ELSE document_a END AS other, at, user FROM same_text_apart "
                 "WHERE :id IN (document_a, document_b)) WHERE other != :into", {"id": doc_id, "into": into})


def _checked(catalog: Catalog, a: int, b: int) -> tuple[int, int]:
    """The pair, lower id first; both must be documents (a folded number says where it went)."""
    if a == b:
        raise SameTextPairInvalid(detail=f"两个编号相同（{a}）：请给出两件不同的文件")
    for doc_id in (a, b):
        catalog.get(doc_id)   # DocumentNotFound, naming the document a folded number went into
    return ordered(a, b)


def keep_apart(catalog: Catalog, a: int, b: int) -> bool:
    """Record that documents `a` and `b` are not one text; False when it was recorded already."""
    first, second = _checked(catalog, a, b)
    with catalog.transaction() as conn:
        added = conn.execute("INSERT OR IGNORE INTO same_text_apart (document_a, document_b, at, user) "
                             "VALUES (?,?,?,?)", (first, second, now_iso(), audit.actor())).rowcount
        if added:
            audit.append(conn, "same_text.dismiss", f"doc:{first}", {"with": second})
    return bool(added)


def undo_keep_apart(catalog: Catalog, a: int, b: int) -> bool:
    """Forget that `a` and `b` are not one text (they may be proposed again); False when it was not recorded."""
    first, second = _checked(catalog, a, b)
    with catalog.transaction() as conn:
        removed = conn.execute("DELETE FROM same_text_apart WHERE document_a = ? AND document_b = ?",
                               (first, second)).rowcount
        if removed:
            audit.append(conn, "same_text.undismiss", f"doc:{first}", {"with": second})
    return bool(removed)
