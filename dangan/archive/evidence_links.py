"""The evidence links' SQL: documents attached to requirements (网上申报要求) of a taxonomy.

The `evidence` and `evidence_runs` tables. Automatic links come from the matcher
(`archive/evidence.py`); manual links and manual refusals (req -1) come from `tag`
and the review desk, and an automatic pass never replaces them.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dangan.archive.catalog import Catalog, now_iso

__all__ = ["evidence_rows", "link_evidence", "set_evidence", "unclassified", "unlink_evidence"]


def set_evidence(catalog: Catalog, doc_id: int, taxonomy: str, links: Iterable[tuple[str, int, float, str | None]],
                 *, version: str) -> None:
    """Replace a document's automatic links under `taxonomy` (content, req, confidence, passage);
    manual links stay, and an automatic link never replaces or duplicates a manual one."""
    stamp = now_iso()
    with catalog.transaction() as conn:
        conn.execute("DELETE FROM evidence WHERE document_id = ? AND taxonomy = ? AND origin = 'auto'",
                     (doc_id, taxonomy))
        manual = {r[0] for r in conn.execute("SELECT content FROM evidence WHERE document_id = ? AND "
                                             "taxonomy = ? AND origin = 'manual'", (doc_id, taxonomy))}
        conn.executemany(
            "INSERT OR IGNORE INTO evidence (document_id, taxonomy, content, req, confidence, origin, passage, "
            "linked_at) VALUES (?,?,?,?,?,'auto',?,?)",
            [(doc_id, taxonomy, content, req, confidence, passage, stamp)
             for content, req, confidence, passage in links if content not in manual])
        conn.execute("INSERT INTO evidence_runs (document_id, taxonomy, version) VALUES (?,?,?) "
                     "ON CONFLICT(document_id, taxonomy) DO UPDATE SET version = excluded.version",
                     (doc_id, taxonomy, version))


def link_evidence(catalog: Catalog, doc_id: int, taxonomy: str, content: str, req: int = 0) -> None:
    """A manual link: replaces the automatic guesses for that 测评内容, never replaced itself."""
    with catalog.transaction() as conn:
        conn.execute("DELETE FROM evidence WHERE document_id = ? AND taxonomy = ? AND content = ? "
                     "AND origin = 'auto'", (doc_id, taxonomy, content))
        conn.execute("INSERT OR REPLACE INTO evidence (document_id, taxonomy, content, req, confidence, "
                     "origin, passage, linked_at) VALUES (?,?,?,?,1.0,'manual',NULL,?)",
                     (doc_id, taxonomy, content, req, now_iso()))
        conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))


def unlink_evidence(catalog: Catalog, doc_id: int, taxonomy: str, content: str) -> int:
    """Remove every link of the document to that 测评内容; an automatic pass will not bring it back."""
    with catalog.transaction() as conn:
        cur = conn.execute("DELETE FROM evidence WHERE document_id = ? AND taxonomy = ? AND content = ?",
                           (doc_id, taxonomy, content))
        conn.execute("INSERT OR REPLACE INTO evidence (document_id, taxonomy, content, req, confidence, "
                     "origin, passage, linked_at) VALUES (?,?,?,-1,0,'manual',NULL,?)",
                     (doc_id, taxonomy, content, now_iso()))
    return cur.rowcount


def evidence_rows(catalog: Catalog, taxonomy: str, doc_id: int | None = None) -> list[dict[str, Any]]:
    """Links under `taxonomy` (req -1 rows are manual refusals and are left out), with titles."""
    sql = ("SELECT e.document_id, e.content, e.req, e.confidence, e.origin, e.passage, d.title, "
           "d.original_name, d.mime, d.doc_type, d.doc_date, d.taken_at FROM evidence e "
           "JOIN documents d ON d.id = e.document_id WHERE e.taxonomy = ? AND e.req >= 0")
    args: list[Any] = [taxonomy]
    if doc_id is not None:
        sql += " AND e.document_id = ?"
        args.append(doc_id)
    rows = catalog.conn.execute(sql + " ORDER BY e.content, e.req, d.doc_date, e.document_id", args)
    return [dict(r) for r in rows]


def unclassified(catalog: Catalog, taxonomy: str, version: str) -> list[int]:
    """Documents not yet matched against this taxonomy version."""
    rows = catalog.conn.execute(
        "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM evidence_runs r WHERE "
        "r.document_id = d.id AND r.taxonomy = ? AND r.version = ?) ORDER BY id", (taxonomy, version))
    return [r[0] for r in rows]
