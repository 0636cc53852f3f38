"""The catalog: SQLite in WAL mode, the source of truth with the originals."""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from dangan import fields
from dangan.archive import audit
from dangan.archive.migrations import MIGRATIONS
from dangan.errors import DocumentNotFound
from dangan.model import Document, OfficialMeta, Page
from dangan.text.fingerprint import text_key
from dangan.text.paths import path_text

log = logging.getLogger(__name__)

PAGE_BREAK = "\f"  # pages are joined with a form feed so they can be split back
EDITABLE = fields.EDITABLE
OCR_FAILED = 2     # documents.needs_ocr: 0 done, 1 pending, 2 OCR failed (not retried by --pending)


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The rowid the INSERT just run on `cur` gave its row."""
    assert cur.lastrowid is not None   # None only before any INSERT
    return cur.lastrowid


class Catalog:
    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = path
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        self.conn = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None,
                                    check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        # migration 8 backfills text keys with it (同文异版 of documents older than migration 4)
        self.conn.create_function("dangan_text_key", 1, text_key, deterministic=True)
        # migration 11 reads the 网页发布时间 of documents catalogued before it was kept (migration 10)
        self.conn.create_function("dangan_posted_date", 1, _posted_date, deterministic=True)
        self.conn.execute("PRAGMA busy_timeout = 60000")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: take the write lock up front, so two writers queue, never deadlock."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current >= len(MIGRATIONS):
            return
        if current > 0:  # an existing catalog: keep a copy of it as it was, then migrate
            from dangan.archive.snapshot import backup_before_migrate

            backup_before_migrate(self.path, current)
        with self.transaction() as conn:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                log.info("catalog migration %d", number)
                for statement in statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    # -- documents -------------------------------------------------------
    def find_sha(self, sha256: str) -> int | None:
        """The document these bytes are, or are another original of (同文异版)."""
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ? UNION ALL "
                                "SELECT document_id FROM variants WHERE sha256 = ?", (sha256, sha256)).fetchone()
        return row[0] if row else None

    def relpath_of_sha(self, sha256: str) -> str | None:
        """Where the store keeps these bytes, as a document or as another original of one."""
        row = self.conn.execute("SELECT relpath FROM documents WHERE sha256 = ? UNION ALL "
                                "SELECT relpath FROM variants WHERE sha256 = ?", (sha256, sha256)).fetchone()
        return row[0] if row else None

    def find_text_key(self, key: str, other_than: int | None = None) -> int | None:
        """The first document (other than `other_than`) whose text has this key (text.fingerprint.text_key)."""
        row = self.conn.execute("SELECT id FROM documents WHERE text_key = ? AND id IS NOT ? ORDER BY id LIMIT 1",
                                (key, other_than)).fetchone()
        return row[0] if row else None

    def set_text_key(self, doc_id: int, key: str | None) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE documents SET text_key = ? WHERE id = ?", (key, doc_id))

    def add_variant(self, doc_id: int, *, sha256: str, size: int, mime: str, relpath: str,
                    original_name: str, source: Path) -> None:
        """Another original of document `doc_id`: other bytes, the same text (同文异版)."""
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO variants (document_id, sha256, size, mime, relpath, "
                         "original_name, source, added_at) VALUES (?,?,?,?,?,?,?,?)",
                         (doc_id, sha256, size, mime, relpath, original_name, path_text(source), now_iso()))

    def add_document(self, *, sha256: str, size: int, mime: str, relpath: str,
                     original_name: str, pages: tuple[Page, ...], meta: OfficialMeta,
                     needs_ocr: bool, taken_at: str | None, tags: dict[str, str],
                     overrides: dict[str, str], source: Path, inbox: str | None,
                     page_count: int | None = None, pages_estimated: bool = False,
                     text_key: str | None = None, needs_conversion: bool = False) -> int:
        """Insert a document, its pages and its first source in one transaction.

        `page_count` is the document's own count when the extractor knows one (DOCX statistics,
        an estimate for text: `pages_estimated`); otherwise the pages extracted are counted."""
        values = meta.catalog_values()
        origin = {k: {"origin": "auto", "confidence": getattr(meta, k).confidence}
                  for k in values if getattr(meta, k) is not None}
        for key, value in overrides.items():
            values[key] = value
            origin[key] = {"origin": "folder", "confidence": 1.0}
        text = PAGE_BREAK.join(p.text for p in pages)
        stamp = now_iso()
        with self.transaction() as conn:
            cur = conn.execute(
                """INSERT INTO documents (sha256, size, mime, relpath, original_name, pages,
                   title, doc_type, doc_number, issuer, doc_date, recipients, cc, secrecy,
                   urgency, text, needs_ocr, taken_at, tags, meta_origin, ingested_at, updated_at,
                   pages_estimated, text_key)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (sha256, size, mime, relpath, original_name, page_count or len(pages) or None,
                 values["title"], values["doc_type"], values["doc_number"], values["issuer"],
                 values["doc_date"], values["recipients"], values["cc"], values["secrecy"],
                 values["urgency"], text, int(needs_ocr), taken_at,
                 json.dumps(tags, ensure_ascii=False), json.dumps(origin, ensure_ascii=False),
                 stamp, stamp, int(pages_estimated and bool(page_count)), text_key))
            doc_id = inserted_id(cur)
            conn.executemany(
                "INSERT INTO pages (document_id, number, origin, confidence, chars) VALUES (?,?,?,?,?)",
                [(doc_id, p.number, p.origin if p.text or p.origin == "ocr" else "none",
                  p.confidence, len(p.text)) for p in pages])
            self._add_source(conn, doc_id, source, inbox, stamp)
            if needs_conversion:
                conn.execute("UPDATE documents SET needs_conversion = 1 WHERE id = ?", (doc_id,))
            if values.get("posted_date"):   # 网页发布时间 (migration 10)
                conn.execute("UPDATE documents SET posted_date = ? WHERE id = ?", (values["posted_date"], doc_id))
            audit.append(conn, "ingest", f"doc:{doc_id}",
                         {"after": {"name": original_name, "sha256": sha256, "size": size,
                                    "source": path_text(source), "inbox": inbox}})
        return doc_id

    def add_source(self, doc_id: int, source: Path, inbox: str | None = None) -> None:
        with self.transaction() as conn:
            self._add_source(conn, doc_id, source, inbox, now_iso())

    @staticmethod
    def _add_source(conn: sqlite3.Connection, doc_id: int, source: Path,
                    inbox: str | None, stamp: str) -> None:
        conn.execute("INSERT OR IGNORE INTO sources (document_id, path, inbox, added_at) "
                     "VALUES (?,?,?,?)", (doc_id, path_text(source), inbox, stamp))

    def get(self, doc_id: int) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(id=doc_id)
        return _document(row)

    def get_many(self, ids: Iterable[int], *, with_text: bool = False) -> dict[int, Document]:
        ids = list(ids)
        if not ids:
            return {}
        cols = "*" if with_text else "*, '' AS text"
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT {cols} FROM documents WHERE id IN ({marks})", ids)
        return {row["id"]: _document(row) for row in rows}

    def sources(self, doc_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT path, inbox, added_at FROM sources WHERE document_id = ? "
                                 "ORDER BY id", (doc_id,))
        return [dict(r) for r in rows]

    # -- saved searches (the web desk's 常用检索) ------------------------------------
    def save_search(self, name: str, query: str) -> int:
        """Keep `query` (a search page's query string) under `name`; the same name is replaced."""
        with self.conn:
            self.conn.execute("INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?) "
                              "ON CONFLICT(name) DO UPDATE SET query = excluded.query",
                              (name, query, now_iso()))
        return int(self.conn.execute("SELECT id FROM saved_searches WHERE name = ?", (name,)).fetchone()[0])

    def saved_searches(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT id, name, query, created_at FROM saved_searches ORDER BY name")
        return [dict(r) for r in rows]

    def delete_saved_search(self, search_id: int) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM saved_searches WHERE id = ?", (search_id,))

    # Facet SQL: the values shown beside search hits, counted over the hits' ids. The
    # documents' three facets come from one pass (each row read once: a row holds its text,
    # so reading it is most of the cost), grouped by all three and summed per facet here.
    _FACET_DOCS = ("WITH hits(id) AS (SELECT value FROM json_each(?)) "
                   "SELECT coalesce(doc_type, ''), coalesce(issuer, ''), "
                   "CASE WHEN length(coalesce(doc_date, '')) >= 4 THEN substr(doc_date, 1, 4) ELSE '' END, "
                   "count(*) FROM documents d JOIN hits h ON d.id = h.id GROUP BY 1, 2, 3")
    _FACET_ITEMS = ("WITH hits(id) AS (SELECT value FROM json_each(?)) "
                    "SELECT item_code, count(DISTINCT document_id) FROM document_items i "
                    "JOIN hits h ON i.document_id = h.id GROUP BY 1")

    def facet_counts(self, ids: Iterable[int],
                     names: Iterable[str] = ("doc_type", "issuer", "year", "items")) -> dict[str, dict[str, int]]:
        """For each facet, value → how many of these documents have it; most frequent first.

        The ids go in as one JSON array (no temporary table: the catalog may be opened
        read-only).
        """
        hits = json.dumps([int(i) for i in ids])
        names = tuple(names)
        counts: dict[str, dict[str, int]] = {"doc_type": {}, "issuer": {}, "year": {}, "items": {}}
        if {"doc_type", "issuer", "year"} & set(names):
            for doc_type, issuer, year, n in self.conn.execute(self._FACET_DOCS, (hits,)):
                for name, value in (("doc_type", doc_type), ("issuer", issuer), ("year", year)):
                    if value:
                        counts[name][str(value)] = counts[name].get(str(value), 0) + int(n)
        if "items" in names:
            counts["items"] = {str(v): int(n) for v, n in self.conn.execute(self._FACET_ITEMS, (hits,))}
        return {name: dict(sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))) for name in names}

    def first_paths(self, ids: Iterable[int]) -> dict[int, str]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT document_id, path FROM sources WHERE document_id IN "
                                 f"({marks}) ORDER BY id DESC", ids)
        return {doc_id: path for doc_id, path in rows}  # the earliest source wins

    def pages(self, doc_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT number, origin, confidence, chars FROM pages "
                                 "WHERE document_id = ? ORDER BY number", (doc_id,))
        return [dict(r) for r in rows]

    def ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def iter_documents(self, batch: int = 200) -> Iterator[Document]:
        """All documents with their text, in id order, a bounded batch at a time."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                                     (last, batch)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _document(row)
            last = rows[-1]["id"]

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def update_fields(self, doc_id: int, fields: dict[str, str | None], origin: str) -> None:
        """Edit catalog elements; `manual` values are never overwritten by `auto` ones."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        doc = self.get(doc_id)
        with self.transaction() as conn:
            row = conn.execute("SELECT meta_origin FROM documents WHERE id = ?", (doc_id,)).fetchone()
            origins = json.loads(row[0] or "{}")
            for key, value in fields.items():
                kept = origins.get(key, {}).get("origin") in ("manual", "folder", "import")
                if origin == "auto" and kept:
                    continue
                conn.execute(f"UPDATE documents SET {key} = ? WHERE id = ?", (value, doc.id))
                origins[key] = {"origin": origin, "confidence": 1.0}
            conn.execute("UPDATE documents SET meta_origin = ?, updated_at = ? WHERE id = ?",
                         (json.dumps(origins, ensure_ascii=False), now_iso(), doc_id))
            if {"title", "doc_type"} & set(fields):
                conn.execute("DELETE FROM evidence_runs WHERE document_id = ?", (doc_id,))

    def meta_origin(self, doc_id: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT meta_origin FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else {}

    # -- evaluation items ----------------------------------------------------
    def sync_items(self, rows: Iterable[tuple[str, str, str | None, str | None]]) -> None:
        """(code, name, parent, standard) of every item; the taxonomy is the source."""
        rows = list(rows)
        with self.transaction() as conn:
            conn.executemany("INSERT INTO items (code, name, parent, standard) VALUES (?,?,?,?) "
                             "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
                             "parent = excluded.parent, standard = excluded.standard", rows)

    def set_items(self, doc_id: int, scores: dict[str, float], origin: str) -> None:
        """Replace a document's links of this origin (a fresh automatic reading, say)."""
        self.link_items(doc_id, scores, origin, replace=True)

    def link_items(self, doc_id: int, scores: Mapping[str, float], origin: str, *,
                   replace: bool = False) -> None:
        """Link evaluation items to a document: the one place of the rule that a manual
        link replaces an automatic one and an automatic link never replaces a manual one.

        `replace` first drops the document's links of this origin.
        """
        with self.transaction() as conn:
            if replace:
                conn.execute("DELETE FROM document_items WHERE document_id = ? AND origin = ?",
                             (doc_id, origin))
            manual = {r[0] for r in conn.execute("SELECT item_code FROM document_items WHERE "
                                                 "document_id = ? AND origin = 'manual'", (doc_id,))}
            conn.executemany("INSERT OR REPLACE INTO document_items (document_id, item_code, score, "
                             "origin) VALUES (?,?,?,?)",
                             [(doc_id, code, score, origin) for code, score in scores.items()
                              if origin == "manual" or code not in manual])
            conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))

    def unlink_items(self, doc_id: int, codes: Iterable[str]) -> None:
        """Remove links by hand, whatever their origin."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM document_items WHERE document_id = ? AND item_code = ?",
                             [(doc_id, code) for code in codes])
            conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))

    def set_tags(self, doc_id: int, tags: Mapping[str, str]) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE documents SET tags = ?, updated_at = ? WHERE id = ?",
                         (json.dumps(dict(tags), ensure_ascii=False), now_iso(), doc_id))

    def item_codes(self, doc_id: int) -> tuple[str, ...]:
        rows = self.conn.execute("SELECT item_code FROM document_items WHERE document_id = ? "
                                 "ORDER BY score DESC", (doc_id,))
        return tuple(r[0] for r in rows)

    def item(self, code: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM items WHERE code = ?", (code,)).fetchone()
        return dict(row) if row else None

    # -- failures and figures -------------------------------------------
    def record_failure(self, path: Path, sha256: str | None, code: str, reason: str,
                       quarantined: Path | None) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO failures (path, sha256, error_code, reason, quarantined, at) "
                         "VALUES (?,?,?,?,?,?)",
                         (path_text(path), sha256, code, reason,
                          str(quarantined) if quarantined else None, now_iso()))


def statements(script: str) -> Iterator[str]:
    """A migration's statements; a trigger body's own `;` stays inside its statement."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""
    if pending.strip(" \n;"):
        yield pending


def split_pages(text: str) -> list[str]:
    return text.split(PAGE_BREAK)


def _posted_date(text: str | None) -> str | None:
    """The 网页发布时间 the reader finds in a stored text (its first lines), for migration 11."""
    from dangan.read.understand.gongwen_dates import posting_day

    return posting_day(text) if text else None


def _document(row: sqlite3.Row) -> Document:
    keys = row.keys()
    return Document(
        id=row["id"], sha256=row["sha256"], size=row["size"], mime=row["mime"],
        original_name=row["original_name"], relpath=row["relpath"], pages=row["pages"],
        title=row["title"], doc_type=row["doc_type"], doc_number=row["doc_number"],
        issuer=row["issuer"], doc_date=row["doc_date"], recipients=row["recipients"],
        cc=row["cc"], secrecy=row["secrecy"], urgency=row["urgency"],
        text=row["text"] if "text" in keys else "", needs_ocr=bool(row["needs_ocr"]),
        needs_conversion=bool(row["needs_conversion"]) if "needs_conversion" in keys else False,
        taken_at=row["taken_at"], archival_code=row["archival_code"],
        retention=row["retention"], tags=json.loads(row["tags"] or "{}"),
        ingested_at=row["ingested_at"], updated_at=row["updated_at"],
        pages_estimated=bool(row["pages_estimated"]) if "pages_estimated" in keys else False,
        posted_date=row["posted_date"] if "posted_date" in keys else None,
    )
