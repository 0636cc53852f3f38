"""The manifest (manifest.jsonl) of a backup or an export: one JSON object a line.

    {"kind": "header", "format": "dangan-backup", "version": 1, ...}
    {"kind": "document", "id": 1, "sha256": ..., "size": ..., <every catalog column but
     the text>, "tags": {...}, "meta_origin": {...}, "sources": [...], "items": [...],
     "tasks": [...]}
    {"kind": "task", ...}                 tasks linked to no document
    {"kind": "file", "path": "catalog.sqlite3", "sha256": ..., "size": ...}
    {"kind": "file", "path": "originals/…", ..., "variant_of": 5}   another original (同文异版)
    {"kind": "end", "documents": n, "lines_sha256": <sha256 of every line above>}

Records are built from a catalog connection by walking documents and their
sources, items and tasks side by side in document order (a merge join):
constant memory however large the archive.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Container, Iterator
from dataclasses import Field, dataclass
from pathlib import Path
from typing import IO, Any, ClassVar

from dangan.errors import ManifestInvalid

MANIFEST_NAME = "manifest.jsonl"
EXPORT_LIST_NAME = "文件清单.xlsx"
CATALOG_NAME = "catalog.sqlite3"
ORIGINALS_DIR = "originals"
FORMAT_BACKUP = "dangan-backup"
FORMAT_EXPORT = "dangan-export"
VERSION = 1
JSON_COLUMNS = ("tags", "meta_origin")


def document_records(conn: sqlite3.Connection, only: Container[int] | None = None
                     ) -> Iterator[dict[str, Any]]:
    """One record per document (id order), with sources, items and tasks; no text."""
    columns = [r[1] for r in conn.execute("PRAGMA table_info(documents)") if r[1] != "text"]
    docs = conn.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY id")
    sources = _Groups(conn.execute(
        "SELECT document_id, path, inbox, added_at FROM sources ORDER BY document_id, id"))
    items = _Groups(conn.execute(
        "SELECT di.document_id, di.item_code AS code, i.name AS name, di.score, di.origin "
        "FROM document_items di LEFT JOIN items i ON i.code = di.item_code "
        "ORDER BY di.document_id, di.item_code"))
    tasks = _Groups(conn.execute(
        "SELECT * FROM tasks WHERE document_id IS NOT NULL ORDER BY document_id, id"))
    for values in docs:
        record: dict[str, Any] = {"kind": "document", **dict(zip(columns, values))}
        doc_id = record["id"]
        for name in JSON_COLUMNS:
            if name in record:
                record[name] = json.loads(record[name] or "{}")
        record["sources"] = sources.take(doc_id)
        record["items"] = items.take(doc_id)
        record["tasks"] = [_task(t) for t in tasks.take(doc_id)]
        if only is None or doc_id in only:
            yield record


def variant_files(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every other original of a document (同文异版) as a `file` record under originals/:
    kept, checked and restored like the documents' own."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'variants'").fetchone() is None:
        return   # a catalog from before 同文异版
    for doc_id, relpath, sha, size in conn.execute(
            "SELECT document_id, relpath, sha256, size FROM variants ORDER BY document_id, id"):
        yield {"kind": "file", "path": f"{ORIGINALS_DIR}/{relpath}", "sha256": sha, "size": size,
               "variant_of": doc_id}


def orphan_tasks(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    cursor = conn.execute("SELECT * FROM tasks WHERE document_id IS NULL ORDER BY id")
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield {"kind": "task", **_task(dict(zip(names, row)))}


def _task(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "owners": json.loads(row.get("owners") or "[]")}


class _Groups:
    """Rows of a cursor ordered by document id, handed out one document at a time."""

    def __init__(self, cursor: sqlite3.Cursor):
        self.names = [d[0] for d in cursor.description][1:]
        self.cursor = cursor
        self.row: tuple[Any, ...] | None = next(cursor, None)

    def take(self, doc_id: int) -> list[dict[str, Any]]:
        out = []
        while self.row is not None and self.row[0] <= doc_id:
            if self.row[0] == doc_id:
                out.append(dict(zip(self.names, self.row[1:])))
            self.row = next(self.cursor, None)
        return out


class ManifestWriter:
    """Writes records as JSON lines, hashing them, and closes with the `end` line."""

    def __init__(self, fh: IO[bytes], fmt: str, **header: Any):
        self.fh = fh
        self.digest = hashlib.sha256()
        self.counts: dict[str, int] = {}
        self.write({"kind": "header", "format": fmt, "version": VERSION, **header})

    def write(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        self.digest.update(line)
        self.fh.write(line)
        kind = record["kind"]
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def close(self, **end: Any) -> None:
        record = {"kind": "end", "documents": self.counts.get("document", 0),
                  "tasks": self.counts.get("task", 0), "files": self.counts.get("file", 0),
                  **end, "lines_sha256": self.digest.hexdigest()}
        self.fh.write((json.dumps(record, ensure_ascii=False) + "\n").encode())


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a backup or a copy: missing, altered, extra, unsafe, manifest."""

    kind: str
    path: str
    message: str
    document_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "message": self.message,
                "document_id": self.document_id}


class ReportsProblems:
    """For report dataclasses with a `problems` list: `ok` and a JSON-ready dict."""

    problems: list[Problem]
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]   # the report dataclass's own

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "problems"}
        return {**out, "ok": self.ok, "problems": [p.to_dict() for p in self.problems]}


def describe_document(doc_id: int | None, title: str | None, name: str | None = None) -> str:
    """'文件 12《关于…的通知》' for problem messages."""
    if doc_id is None:
        return ""
    label = title or name
    return f"文件 {doc_id}《{label}》" if label else f"文件 {doc_id}"


def read_manifest(path: Path, formats: tuple[str, ...] = (FORMAT_BACKUP,)
                  ) -> Iterator[dict[str, Any]]:
    """Yield the header and every record; raise ManifestInvalid on damage.

    The check of the `end` line (counts and the hash of all lines) can only
    come at the end: a caller must treat records as provisional until the
    iteration finishes without an exception.
    """
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    end: dict[str, Any] | None = None
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            if end is not None:
                raise ManifestInvalid(detail=f"结尾记录之后还有内容（第 {number} 行）")
            try:
                record = json.loads(line)
                kind = record["kind"]
            except (ValueError, KeyError, TypeError):
                raise ManifestInvalid(detail=f"第 {number} 行无法解析") from None
            if number == 1 and (kind != "header" or record.get("format") not in formats):
                raise ManifestInvalid(detail="不是 dangan 的清单（缺少文件头）")
            if kind == "end":
                end = record
                continue
            digest.update(line)
            counts[kind] = counts.get(kind, 0) + 1
            yield record
    if end is None:
        raise ManifestInvalid(detail="缺少结尾记录，备份可能没有完成")
    if end.get("lines_sha256") != digest.hexdigest():
        raise ManifestInvalid(detail="清单内容的校验值不符，清单被改动或损坏")
    for kind in ("document", "task", "file"):
        if end.get(f"{kind}s", 0) != counts.get(kind, 0):
            raise ManifestInvalid(detail=f"记录数不符（{kind}）")


def manifest_format(path: Path) -> str | None:
    """The `format` of a dangan manifest's header line, or None for any other file."""
    try:
        with path.open("rb") as fh:
            first = fh.readline(1 << 16)
        record = json.loads(first)
    except (OSError, ValueError):
        return None
    if isinstance(record, dict) and record.get("kind") == "header":
        fmt = record.get("format")
        return fmt if fmt in (FORMAT_BACKUP, FORMAT_EXPORT) else None
    return None
