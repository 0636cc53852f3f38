"""Read-only selections over the catalog that the use cases need (dossiers, exports,
checks, OCR, the web desk). Catalog SQL lives in `archive/` only; these functions take
an open `Catalog` (or a connection, for exports that stream a snapshot) and return
plain values.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dangan.archive.catalog import OCR_FAILED, Catalog

CHUNK = 500   # ids per IN (...) list, well under SQLite's parameter limit


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


def item_codes_by_document(catalog: Catalog, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
    """Item codes of each document (of all documents when `ids` is None)."""
    out: dict[int, list[str]] = {}
    if ids is None:
        rows: Iterable[Any] = catalog.conn.execute("SELECT document_id, item_code FROM document_items")
    else:
        wanted = list(ids)
        rows = (row for chunk in _chunks(wanted) for row in catalog.conn.execute(
            f"SELECT document_id, item_code FROM document_items WHERE document_id IN "
            f"({','.join('?' * len(chunk))})", chunk))
    for doc_id, code in rows:
        out.setdefault(doc_id, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def ids_needing_ocr(catalog: Catalog) -> list[int]:
    return [r[0] for r in catalog.conn.execute("SELECT id FROM documents WHERE needs_ocr = 1 ORDER BY id")]


def source_records(catalog: Catalog) -> Iterator[tuple[str, int, str, int, str | None, str]]:
    """(path, document id, added_at, size, title, mime) of every source path, oldest first."""
    yield from catalog.conn.execute(
        "SELECT s.path, s.document_id, s.added_at, d.size, d.title, d.mime FROM sources s "
        "JOIN documents d ON d.id = s.document_id ORDER BY s.id")


def originals(catalog: Catalog) -> list[sqlite3.Row]:
    """id, sha256, relpath and title of every document, for checking the originals."""
    return catalog.conn.execute("SELECT id, sha256, relpath, title FROM documents ORDER BY id").fetchall()


def variant_originals(catalog: Catalog) -> list[sqlite3.Row]:
    """document_id, sha256, relpath and original_name of every other original (同文异版)."""
    return catalog.conn.execute("SELECT document_id, sha256, relpath, original_name FROM variants "
                                "ORDER BY document_id, id").fetchall()


def code_order(code: str) -> tuple[tuple[int, int | str], ...]:
    """Codes in the order a taxonomy counts them: Ⅰ-2 before Ⅰ-10, A02 before A10 (SQL's text order put
    Ⅰ-10, Ⅰ-11, Ⅰ-12 between Ⅰ-1 and Ⅰ-2)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", code) if part)


def item_rows(catalog: Catalog, top_only: bool = True) -> list[dict[str, Any]]:
    """Evaluation items in code order: code, name, parent."""
    sql = "SELECT code, name, parent FROM items"
    if top_only:
        sql += " WHERE parent IS NULL OR parent = ''"
    return sorted((dict(row) for row in catalog.conn.execute(sql)), key=lambda row: code_order(row["code"]))


def child_items(catalog: Catalog, code: str) -> list[dict[str, Any]]:
    return sorted((dict(r) for r in catalog.conn.execute(
        "SELECT code, name, standard FROM items WHERE parent = ?", (code,))), key=lambda row: code_order(row["code"]))


def ids_with_item(catalog: Catalog, code: str) -> list[int]:
    """Documents linked to the item, to one of its sub-codes or to one of its children."""
    rows = catalog.conn.execute(
        "SELECT DISTINCT document_id FROM document_items WHERE item_code = ? OR item_code LIKE ? "
        "OR item_code IN (SELECT code FROM items WHERE parent = ?)", (code, f"{code}.%", code))
    return [r[0] for r in rows]


def filter_ids(catalog: Catalog, ids: Sequence[int] | None, *, day_from: str | None = None,
               day_to: str | None = None, doc_type: str | None = None) -> list[int]:
    """The ids (all documents when None) whose day (成文日期, else the photo's date) lies in
    [day_from, day_to] (ISO days, inclusive) and whose 文种 is `doc_type`, in id order."""
    clauses, args = [], []
    day = "coalesce(nullif(doc_date, ''), substr(taken_at, 1, 10))"
    if day_from:
        clauses.append(f"{day} >= ?")
        args.append(day_from)
    if day_to:
        clauses.append(f"{day} <= ?")
        args.append(day_to)
    if doc_type:
        clauses.append("doc_type = ?")
        args.append(doc_type)
    where = "".join(f" AND {c}" for c in clauses)
    if ids is None:
        return [r[0] for r in catalog.conn.execute(f"SELECT id FROM documents WHERE 1 = 1{where} ORDER BY id", args)]
    kept: list[int] = []
    for chunk in _chunks(ids):
        kept += [r[0] for r in catalog.conn.execute(
            f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(chunk))}){where}", [*chunk, *args])]
    return kept


def posted_in_range(catalog: Catalog, ids: Sequence[int], day_from: str | None,
                    day_to: str | None) -> list[dict[str, Any]]:
    """Of `ids`, the documents with no 成文日期 whose 网页发布时间 lies in [day_from, day_to] (ISO, inclusive):
    id, title (else the file name) and posted_date, by posting day."""
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        rows += [dict(r) for r in catalog.conn.execute(
            f"SELECT id, coalesce(title, original_name) AS title, posted_date FROM documents "
            f"WHERE id IN ({','.join('?' * len(chunk))}) AND coalesce(doc_date, '') = '' "
            "AND posted_date >= ? AND posted_date <= ?", [*chunk, day_from or "0000", day_to or "9999"])]
    return sorted(rows, key=lambda r: (r["posted_date"], r["id"]))


# A document's day for its archival year: its 成文日期, else the 网页发布时间 of its copy (an inferred date).
ARCHIVE_DAY = "coalesce(nullif(doc_date, ''), posted_date)"


def year_rows(catalog: Catalog, year: int) -> list[sqlite3.Row]:
    """The documents of `year`, in 档号 order (those without one last), for the 归档文件目录: those whose 档号
    is of that year (a 档号 never changes, even when the 成文日期 is corrected later), and those without a 档号
    dated in it."""
    return catalog.conn.execute(
        "SELECT id, archival_code, doc_number, issuer, title, original_name, doc_date, posted_date, secrecy, pages, "
        f"retention, pages_estimated, meta_origin FROM documents WHERE (coalesce(archival_code, '') = '' "
        f"AND substr({ARCHIVE_DAY}, 1, 4) = ?) OR archival_code LIKE ? "
        f"ORDER BY archival_code IS NULL, archival_code, {ARCHIVE_DAY}, id",
        (f"{year:04d}", f"%·{year:04d}-%")).fetchall()


def archive_years(catalog: Catalog) -> list[int]:
    """The years documents are filed under, newest first: a 档号's own year, else the year of the
    成文日期 (or of the 网页发布时间 when no date is stated), as `year_rows` reads them."""
    from dangan.archive.attachments import attachment_parents, filed_with

    parents = attachment_parents(catalog.conn)   # an OFD's attachment is filed in its OFD's year, not its own
    rows = catalog.conn.execute(
        "SELECT CASE WHEN coalesce(archival_code, '') != '' "
        "THEN substr(archival_code, instr(archival_code, '·') + 1, 4) "
        f"ELSE substr({ARCHIVE_DAY}, 1, 4) END AS year, id, coalesce(archival_code, '') != '' FROM documents")
    return sorted({int(year) for (year, doc_id, coded) in rows if year and str(year).isdigit()
                   and (coded or filed_with(parents, doc_id) == doc_id)}, reverse=True)


def ids_to_reread(catalog: Catalog, *, year: int | None = None, since: str | None = None,
                  older_than: str | None = None) -> list[int]:
    """The documents `dangan reread` reads again: dated (成文日期) in `year`, catalogued on or after `since`
    (an ISO day or time), read by another reader than `older_than` (migration 14), or all."""
    sql, args = "SELECT id FROM documents WHERE 1 = 1", list[object]()
    if older_than is not None:
        sql, args = sql + f" AND id IN ({OLDER_READER})", [*args, older_than]
    if year is not None:
        sql, args = sql + " AND substr(coalesce(doc_date, ''), 1, 4) = ?", [*args, f"{year:04d}"]
    if since:
        sql, args = sql + " AND ingested_at >= ?", [*args, since]
    return [r[0] for r in catalog.conn.execute(sql + " ORDER BY id", args)]


OLDER_READER = ("SELECT d.id FROM documents d LEFT JOIN document_readers r ON r.document_id = d.id "
                "WHERE r.reader IS NULL OR r.reader != ?")


def older_reader_count(catalog: Catalog, reader: str) -> int:
    """Documents whose elements another reader than `reader` read (or one from before migration 14)."""
    return catalog.conn.execute(f"SELECT count(*) FROM ({OLDER_READER})", (reader,)).fetchone()[0]


def reader_of(catalog: Catalog, doc_id: int) -> dict[str, Any] | None:
    """Which reader read the document's elements and when (migration 14); None from before it was kept."""
    row = catalog.conn.execute("SELECT reader, read_at FROM document_readers WHERE document_id = ?",
                               (doc_id,)).fetchone()
    return dict(row) if row else None


def item_origins(catalog: Catalog, doc_id: int) -> dict[str, str]:
    """The document's item links: code → origin (auto, manual)."""
    return dict(catalog.conn.execute("SELECT item_code, origin FROM document_items WHERE document_id = ?",
                                     (doc_id,)).fetchall())


def all_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]


def date_order(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, int]:
    """序号 by 成文日期 (undated last), then id."""
    dated: list[tuple[int, str, int]] = []
    for chunk in _chunks(ids):
        dated.extend(conn.execute(f"SELECT doc_date IS NULL, coalesce(doc_date, ''), id "
                                  f"FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return {doc_id: seq for seq, (_, _, doc_id) in enumerate(sorted(dated), start=1)}


def open_snapshot(path: Any) -> sqlite3.Connection:
    """A read connection of its own (exports stream while a writer may be at work)."""
    conn = sqlite3.connect(path, timeout=60)
    return conn


def variants(catalog: Catalog, doc_id: int) -> list[dict[str, Any]]:
    """The other originals of a document: other bytes, the same text (同文异版)."""
    rows = catalog.conn.execute("SELECT sha256, size, mime, relpath, original_name, source, added_at "
                                "FROM variants WHERE document_id = ? ORDER BY id", (doc_id,))
    return [dict(r) for r in rows]


def archive_members(catalog: Catalog, doc_id: int) -> list[dict[str, Any]]:
    """The documents taken out of an archive (ZIP/7z/RAR) as members: recorded from a source path
    under one of the archive's own (`报送.zip/通知/x.txt`), or of one of its other originals (同文异版: a PDF
    sent again with other attachments); each once, in member order."""
    out: dict[int, dict[str, Any]] = {}
    for (prefix,) in catalog.conn.execute(
            "SELECT path FROM sources WHERE document_id = ? UNION ALL "
            "SELECT source FROM variants WHERE document_id = ? AND source IS NOT NULL", (doc_id, doc_id)).fetchall():
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
        for row in catalog.conn.execute(
                "SELECT s.document_id, s.path, d.title, d.original_name FROM sources s "
                "JOIN documents d ON d.id = s.document_id WHERE s.path LIKE ? ESCAPE '\\' AND s.document_id != ? "
                "ORDER BY s.id", (pattern, doc_id)):
            out.setdefault(row[0], {"id": row[0], "member": row[1][len(prefix) + 1:],
                                    "title": row[2] or row[3]})
    return list(out.values())


# The batches intake opens member by member (intake/unpack.py): the container is no document to hand over.
ARCHIVE_MIMES = ("application/zip", "application/x-7z-compressed", "application/vnd.rar")
MAX_NESTING = 8


def hand_over_once(conn: sqlite3.Connection, ids: Sequence[int]) -> list[int]:
    """`ids` with every archive batch (ZIP/7z/RAR) handed over as its catalogued members, so no
    document goes out twice: a batch whose members are among `ids` is left out; a batch chosen
    without them (tagged as a whole) stands for all its members, in its place; a batch none of whose
    members was catalogued (all failed) is kept, so nothing is lost. Nested batches likewise."""
    current = list(dict.fromkeys(ids))
    for _ in range(MAX_NESTING):   # bounded: a batch holding its own container's bytes must not loop
        chosen = set(current)
        batches: dict[int, list[int]] = {}
        for chunk in _chunks(current):
            marks = ",".join("?" * len(chunk))
            for doc_id, path in conn.execute(
                    f"SELECT d.id, s.path FROM documents d JOIN sources s ON s.document_id = d.id "
                    f"WHERE d.id IN ({marks}) AND d.mime IN ({','.join('?' * len(ARCHIVE_MIMES))}) ORDER BY s.id",
                    (*chunk, *ARCHIVE_MIMES)):
                pattern = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
                members = batches.setdefault(doc_id, [])
                members += [r[0] for r in conn.execute(
                    "SELECT document_id FROM sources WHERE path LIKE ? ESCAPE '\\' AND document_id != ? "
                    "ORDER BY id", (pattern, doc_id)) if r[0] not in members]
        changed = False
        result: list[int] = []
        for doc_id in current:
            members = batches.get(doc_id) or []
            if not members:
                result.append(doc_id)
                continue
            changed = True
            if not chosen.intersection(members):
                result += members
        current = list(dict.fromkeys(result))
        if not changed:
            break
    return current


def batches_with_members(conn: sqlite3.Connection, ids: Sequence[int]) -> set[int]:
    """The archive batches among `ids` whose members were catalogued: each is its members' container,
    filed as them (hand_over_once), not an 归档文件 of its own — no 档号, and no undated document to fix."""
    batches: list[int] = []
    for chunk in _chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        batches += [r[0] for r in conn.execute(
            f"SELECT id FROM documents WHERE id IN ({marks}) AND mime IN ({','.join('?' * len(ARCHIVE_MIMES))})",
            (*chunk, *ARCHIVE_MIMES))]
    return {batch for batch in batches if hand_over_once(conn, [batch]) != [batch]}


def texts_near_length(catalog: Catalog, length: int, slack: float, other_than: int) -> list[tuple[int, str]]:
    """(id, text) of the documents with a text layer (not awaiting OCR) whose stored text is within
    `slack` (a fraction) of `length` characters: the candidates a scan's OCR text may repeat."""
    rows = catalog.conn.execute(
        "SELECT id, text FROM documents WHERE id != ? AND needs_ocr = 0 AND length(text) BETWEEN ? AND ? "
        "ORDER BY id", (other_than, int(length * (1 - slack)), int(length * (1 + slack)) + 1))
    return [(r["id"], r["text"]) for r in rows]


def failures(catalog: Catalog, limit: int = 100) -> list[dict[str, Any]]:
    """The latest quarantined inputs, newest first: each file (path and bytes) once, at its latest
    failure, with `attempts` (a folder ingested twice does not list its bad files twice)."""
    rows = catalog.conn.execute(
        "SELECT f.*, n.attempts FROM failures f JOIN (SELECT max(id) AS id, count(*) AS attempts "
        "FROM failures GROUP BY path, coalesce(sha256, '')) n ON n.id = f.id ORDER BY f.id DESC LIMIT ?", (limit,))
    return [dict(r) for r in rows]


def catalog_stats(catalog: Catalog) -> dict[str, Any]:
    """The catalog's figures for `dangan stats` (documents, pages, OCR, failures, jobs, by 文种 and format)."""
    one = lambda sql: catalog.conn.execute(sql).fetchone()[0]  # noqa: E731
    by_type = dict(catalog.conn.execute(
        "SELECT coalesce(doc_type, '未知'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"))
    by_mime = dict(catalog.conn.execute("SELECT mime, count(*) FROM documents GROUP BY 1"))
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "pages": one("SELECT coalesce(sum(pages), 0) FROM documents"),
        "bytes": one("SELECT coalesce(sum(size), 0) FROM documents"),
        "sources": one("SELECT count(*) FROM sources"),
        "needs_ocr": one("SELECT count(*) FROM documents WHERE needs_ocr = 1"),
        "ocr_failed": one(f"SELECT count(*) FROM documents WHERE needs_ocr = {OCR_FAILED}"),
        "needs_conversion": one("SELECT count(*) FROM documents WHERE needs_conversion = 1"),
        "ocr_pages": one("SELECT count(*) FROM pages WHERE origin = 'ocr'"),
        "low_confidence_pages": one("SELECT count(*) FROM pages WHERE origin = 'ocr' "
                                    "AND confidence < 0.8"),
        "ocr_pictures": one("SELECT count(*) FROM document_pictures WHERE origin = 'ocr'"),   # 图片文字 (DOCX, PPTX)
        "failed": one("SELECT count(*) FROM (SELECT 1 FROM failures GROUP BY path, coalesce(sha256, ''))"),
        "tasks_open": one("SELECT count(*) FROM tasks WHERE status = 'open'"),
        "jobs_pending": one("SELECT count(*) FROM jobs WHERE state NOT IN ('indexed', 'failed', 'done')"),
        "jobs_failed": one("SELECT count(*) FROM jobs WHERE state = 'failed'"),
        "by_type": by_type,
        "by_mime": by_mime,
    }


def issuers_like(catalog: Catalog, typed: str, limit: int = 5) -> list[tuple[str, int]]:
    """发文机关 the catalog holds that a typed name abbreviates (北京市政府 → 北京市人民政府: its characters
    in order, the first one first), with their document counts, the commonest first."""
    typed = "".join(typed.split())
    if not typed:
        return []
    rows = catalog.conn.execute("SELECT issuer, count(*) FROM documents WHERE coalesce(issuer, '') <> '' "
                                "AND substr(issuer, 1, 1) = ? GROUP BY issuer", (typed[0],))
    found = [(issuer, count) for issuer, count in rows if issuer != typed and _in_order(typed, issuer)]
    return sorted(found, key=lambda row: (-row[1], len(row[0]), row[0]))[:limit]


def _in_order(needle: str, text: str) -> bool:
    rest = iter(text)
    return all(ch in rest for ch in needle)
