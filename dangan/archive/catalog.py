"""The catalog: SQLite in WAL mode, the source of truth with the originals.

`Catalog` is one connection to it. Its documents, their pages and sources and the
failures are here; the file itself (pragmas, transactions, migrations) is
`catalog_db.CatalogDatabase`, the evaluation items and their links `catalog_items`,
what the search pages read beside the index `catalog_search`.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from dangan import fields
from dangan.archive import audit
from dangan.archive.catalog_db import inserted_id, now_iso
from dangan.archive.catalog_items import ItemLinks
from dangan.archive.catalog_search import SearchSupport
from dangan.errors import DocumentNotFound
from dangan.model import Document, OfficialMeta, Page, Picture, Seal
from dangan.text.fingerprint import big5_key
from dangan.text.paths import path_text

PAGE_BREAK = "\f"  # pages are joined with a form feed so they can be split back
EDITABLE = fields.EDITABLE
OCR_FAILED = 2     # documents.needs_ocr: 0 done, 1 pending, 2 OCR failed (not retried by --pending)


class Catalog(ItemLinks, SearchSupport):
    """One connection to the catalog: documents, pages, sources and failures, plus the parts it inherits."""

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

    def find_big5_key(self, key: str) -> list[tuple[int, str]]:
        """The documents (id, text) whose text has this Big5 key (text.fingerprint.big5_key), first first."""
        rows = self.conn.execute("SELECT d.id, d.text FROM document_big5_keys k JOIN documents d ON d.id = k.document_id "
                                 "WHERE k.key = ? ORDER BY d.id", (key,))
        return [(row[0], row[1]) for row in rows]

    def set_text_key(self, doc_id: int, key: str | None) -> None:
        """The text key of the document's stored text (its Big5 key read from the text here)."""
        with self.transaction() as conn:
            conn.execute("UPDATE documents SET text_key = ? WHERE id = ?", (key, doc_id))
            row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            write_big5_key(conn, doc_id, row[0] if row else None)

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
                     text_key: str | None = None, needs_conversion: bool = False,
                     seals: tuple[Seal, ...] = (), notes: tuple[str, ...] = (), reader: str | None = None,
                     pictures: tuple[Picture, ...] = (), stored_name: str | None = None) -> int:
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
            write_pages(conn, doc_id, pages)
            write_big5_key(conn, doc_id, text)
            self._add_source(conn, doc_id, source, inbox, stamp, stored_name)
            if needs_conversion:
                conn.execute("UPDATE documents SET needs_conversion = 1 WHERE id = ?", (doc_id,))
            write_seals(conn, doc_id, seals)
            write_notes(conn, doc_id, notes)
            write_pictures(conn, doc_id, pictures)
            if reader:
                stamp_reader_in(conn, [doc_id], reader)
            if values.get("posted_date"):   # 网页发布时间 (migration 10)
                conn.execute("UPDATE documents SET posted_date = ? WHERE id = ?", (values["posted_date"], doc_id))
            audit.append(conn, "ingest", f"doc:{doc_id}",
                         {"after": {"name": original_name, "sha256": sha256, "size": size,
                                    "source": path_text(source), "inbox": inbox,
                                    **({"stored_name": stored_name} if stored_name else {})}}, at=stamp)
        return doc_id

    def add_source(self, doc_id: int, source: Path, inbox: str | None = None,
                   stored_name: str | None = None) -> None:
        with self.transaction() as conn:
            self._add_source(conn, doc_id, source, inbox, now_iso(), stored_name)

    @staticmethod
    def _add_source(conn: sqlite3.Connection, doc_id: int, source: Path,
                    inbox: str | None, stamp: str, stored_name: str | None = None) -> None:
        """`stored_name`: a ZIP member's garbled name as the archive holds it, when `source` has it read back
        (migration 19)."""
        conn.execute("INSERT OR IGNORE INTO sources (document_id, path, inbox, added_at) "
                     "VALUES (?,?,?,?)", (doc_id, path_text(source), inbox, stamp))
        if stored_name:
            conn.execute("INSERT OR IGNORE INTO source_stored_names (document_id, path, stored_name) VALUES (?,?,?)",
                         (doc_id, path_text(source), stored_name))

    def get(self, doc_id: int) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            into = self.folded_into(doc_id)
            if into is None:
                raise DocumentNotFound(id=doc_id)
            raise DocumentNotFound(f"编号为 {doc_id} 的文件已并入编号 {into} 的文件：正文与它相同（识别文字后或合并同文异版候选时发现），"
                                   "原件作为它的同文异版保存", id=doc_id,
                                   hint=f"用 `dangan show {into}` 查看，此原件列在其“同文异版”中。")
        return _document(row)

    def folded_into(self, doc_id: int) -> int | None:
        """The document a removed document `doc_id` became another original of (同文异版 found after
        OCR, `variants.fold_into`), following later folds; None when it was never folded.

        Ingest, upload and watch hand out the number before OCR reads the text, so a clerk holds
        a number that is no document any more: the audit's same_text entry says where it went.
        """
        seen, current = {doc_id}, doc_id
        while True:
            row = self.conn.execute(
                "SELECT object FROM audit WHERE action = 'same_text' AND json_extract(detail, '$.folded') = ? "
                "ORDER BY id DESC LIMIT 1", (current,)).fetchone()
            if row is None or not str(row[0]).startswith("doc:"):
                return None
            current = int(str(row[0])[4:])
            if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (current,)).fetchone():
                return current
            if current in seen:
                return None
            seen.add(current)

    def get_many(self, ids: Iterable[int], *, with_text: bool = False) -> dict[int, Document]:
        ids = list(ids)
        if not ids:
            return {}
        cols = "*" if with_text else "*, '' AS text"
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT {cols} FROM documents WHERE id IN ({marks})", ids)
        return {row["id"]: _document(row) for row in rows}

    def sources(self, doc_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT s.path, s.inbox, s.added_at, n.stored_name FROM sources s "
                                 "LEFT JOIN source_stored_names n ON n.document_id = s.document_id AND n.path = s.path "
                                 "WHERE s.document_id = ? ORDER BY s.id", (doc_id,))
        return [dict(r) for r in rows]

    def seals(self, doc_id: int) -> list[dict[str, Any]]:
        """The document's electronic seals, in the file's order."""
        return [dict(r) for r in self.conn.execute(
            "SELECT name, organ, signed_at, provider, page, boundary FROM document_seals "
            "WHERE document_id = ? ORDER BY number", (doc_id,))]

    def notes(self, doc_id: int) -> list[str]:
        """What the reader noted on the document (读取提示, migration 13), in its order."""
        return [r[0] for r in self.conn.execute(
            "SELECT note FROM document_notes WHERE document_id = ? ORDER BY number", (doc_id,))]

    def pictures(self, doc_id: int) -> list[dict[str, Any]]:
        """The document's pictures read or to be read by OCR (图片文字, migration 16), in document order."""
        return [dict(r) for r in self.conn.execute(
            "SELECT number, part, width, height, origin, text, confidence FROM document_pictures "
            "WHERE document_id = ? ORDER BY number", (doc_id,))]

    def picture_texts(self, ids: Iterable[int] | None = None) -> dict[int, str]:
        """What OCR read in each document's pictures, a picture a paragraph (all documents when `ids` is None)."""
        sql = "SELECT document_id, text FROM document_pictures WHERE text != ''"
        chosen = None if ids is None else list(dict.fromkeys(ids))
        if chosen is not None:
            if not chosen:
                return {}
            sql += f" AND document_id IN ({','.join('?' * len(chosen))})"   # a page of hits, one document
        out: dict[int, list[str]] = {}
        for doc_id, text in self.conn.execute(sql + " ORDER BY document_id, number", chosen or ()):
            out.setdefault(doc_id, []).append(text)
        return {doc_id: "\n\n".join(texts) for doc_id, texts in out.items()}

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
        """Edit catalog elements; `manual` values are never overwritten by `auto` ones, nor the 成文日期 of a document
        given a 档号 (its year and 件号 rest on it): OCR or a conversion reading it again leaves it."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        doc = self.get(doc_id)
        with self.transaction() as conn:
            row = conn.execute("SELECT meta_origin FROM documents WHERE id = ?", (doc_id,)).fetchone()
            origins = json.loads(row[0] or "{}")
            for key, value in fields.items():
                kept = origins.get(key, {}).get("origin") in ("manual", "folder", "import")
                if origin == "auto" and (kept or (key == "doc_date" and doc.archival_code)):
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

    def set_tags(self, doc_id: int, tags: Mapping[str, str]) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE documents SET tags = ?, updated_at = ? WHERE id = ?",
                         (json.dumps(dict(tags), ensure_ascii=False), now_iso(), doc_id))

    # -- failures --------------------------------------------------------
    def record_failure(self, path: Path, sha256: str | None, code: str, reason: str,
                       quarantined: Path | None) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO failures (path, sha256, error_code, reason, quarantined, at) "
                         "VALUES (?,?,?,?,?,?)",
                         (path_text(path), sha256, code, reason,
                          str(quarantined) if quarantined else None, now_iso()))


def split_pages(text: str) -> list[str]:
    return text.split(PAGE_BREAK)


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


def write_pages(conn: sqlite3.Connection, doc_id: int, pages: tuple[Page, ...]) -> None:
    """The document's page rows become `pages`: a page without text (and not OCR's) waits for OCR ('none')."""
    conn.execute("DELETE FROM pages WHERE document_id = ?", (doc_id,))
    conn.executemany(
        "INSERT INTO pages (document_id, number, origin, confidence, chars) VALUES (?,?,?,?,?)",
        [(doc_id, p.number, p.origin if p.text or p.origin == "ocr" else "none", p.confidence, len(p.text))
         for p in pages])


def write_big5_key(conn: sqlite3.Connection, doc_id: int, text: str | None) -> None:
    """The Big5 key of the document's text (同文异版 of a Big5 copy that lost characters), or none."""
    key = big5_key(text or "")
    if key is None:
        conn.execute("DELETE FROM document_big5_keys WHERE document_id = ?", (doc_id,))
    else:
        conn.execute("INSERT OR REPLACE INTO document_big5_keys (document_id, key) VALUES (?, ?)", (doc_id, key))


def write_notes(conn: sqlite3.Connection, doc_id: int, notes: tuple[str, ...]) -> None:
    """The document's reading notes (读取提示) become `notes`: a reading replaces the one before."""
    conn.execute("DELETE FROM document_notes WHERE document_id = ?", (doc_id,))
    conn.executemany("INSERT INTO document_notes (document_id, number, note) VALUES (?,?,?)",
                     [(doc_id, n, note) for n, note in enumerate(notes, 1)])


def write_pictures(conn: sqlite3.Connection, doc_id: int, pictures: tuple[Picture, ...]) -> None:
    """The document's pictures to read by OCR (migration 16) become `pictures`; a picture at the same part keeps
    the text read before till OCR reads it again (a reading that fails loses nothing)."""
    old = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT part, text, confidence FROM document_pictures WHERE document_id = ?", (doc_id,)).fetchall()}
    conn.execute("DELETE FROM document_pictures WHERE document_id = ?", (doc_id,))
    conn.executemany(
        "INSERT INTO document_pictures (document_id, number, part, width, height, origin, text, confidence) "
        "VALUES (?,?,?,?,?,'none',?,?)",
        [(doc_id, p.number, p.part, p.width, p.height, *old.get(p.part, ("", None))) for p in pictures])


def write_seals(conn: sqlite3.Connection, doc_id: int, seals: tuple[Seal, ...]) -> None:
    """The document's electronic seals (电子签章, migration 12) become `seals`, in the file's order."""
    conn.execute("DELETE FROM document_seals WHERE document_id = ?", (doc_id,))
    conn.executemany(
        "INSERT INTO document_seals (document_id, number, name, organ, signed_at, provider, page, boundary) "
        "VALUES (?,?,?,?,?,?,?,?)",
        [(doc_id, n, s.name, s.organ, s.signed_at, s.provider, s.page, s.boundary) for n, s in enumerate(seals, 1)])


def stamp_reader_in(conn: sqlite3.Connection, ids: Iterable[int], reader: str) -> None:
    """Which reader read these documents' elements (migration 14), inside the caller's transaction."""
    stamp = now_iso()
    conn.executemany("INSERT INTO document_readers (document_id, reader, read_at) VALUES (?,?,?) "
                     "ON CONFLICT(document_id) DO UPDATE SET reader = excluded.reader, read_at = excluded.read_at",
                     [(doc_id, reader, stamp) for doc_id in ids])
