"""A document carried in a data record: a one-row CSV, a JSON object, a one-line JSONL.

Scraped collections and records exports keep each document as one record: a CSV of
`province,year,title,source_url,publish_date,full_text`, a JSONL line of
`{"title": …, "content": …}`. Read as a ledger (one tab-joined line per row, every
cell's line breaks collapsed) or as raw JSON, the document inside is lost: its
heading, its delivery line, its 署名 and date all sit in one long cell. A clerk reads
the cell. So when a file holds exactly one record and one of its fields is a
document (long text with line breaks, or very long text), the extracted text is that
field as it was written, under the record's own title field when the text does not
already open with it; the record's other fields stay a two-column Table. A file of
several records, or of records without such a field, is left to the usual reading.

Rule `record_document` (rules.py): written from raw_csv_records' untouched first run; a JSON
record of another repository (data_record_documents, drawn blind) read right untouched, so it is
credited to both families and stays on when either is held out (strict still reads both without it).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from dangan.model import Extracted, Page, Table
from dangan.read.extract.text import page_estimate
from dangan.read.understand import rules

BODY_MIN = 200          # a field with a line break and this many characters reads as a document
BODY_ALONE = 2_000      # …or this many without one
TITLE_MAX = 120
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})

_TITLE_KEY = re.compile(r"(?:^|[_\-\s])(?:title|subject|name|headline)$|^(?:标题|题名|名称|文件名称|文件标题|主题|篇名)$",
                        re.IGNORECASE)


def _is_body(value: str) -> bool:
    v = value.strip()
    return len(v) >= BODY_ALONE or (len(v) >= BODY_MIN and "\n" in v)


def _compact(s: str) -> str:
    return "".join(s.split())


def document_of(fields: Sequence[tuple[str, str]]) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(text, other fields) of a record holding one document, or None.

    `fields` are the record's (name, value) pairs in order. The document is the longest
    field that reads as one; a short title field is set above it unless the text's first
    lines already carry it (a page that prints its heading under its furniture)."""
    bodies = [(len(v), i) for i, (_, v) in enumerate(fields) if isinstance(v, str) and _is_body(v)]
    if not bodies:
        return None
    _, at = max(bodies)
    body = fields[at][1].replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    others = tuple((k, " ".join(v.split())) for i, (k, v) in enumerate(fields) if i != at and v.strip())
    title = next((v for k, v in others if _TITLE_KEY.search(k.strip()) and 0 < len(v) <= TITLE_MAX), "")
    head = [_compact(line) for line in body.split("\n")[:40] if line.strip()]
    if title and _compact(title) not in head:
        body = f"{title}\n{body}"
    return body, others


def extracted(text: str, others: Iterable[tuple[str, str]], extractor: str) -> Extracted:
    rows = tuple(tuple(kv) for kv in others)
    return Extracted(pages=(Page(1, text),), extractor=extractor,
                     tables=(Table(page=1, rows=rows),) if rows else (),
                     page_count=page_estimate(text), page_count_estimated=True)


def csv_document(rows: Sequence[Sequence[str]], extractor: str) -> Extracted | None:
    """A CSV of a header row and exactly one data row holding a document."""
    if not rules.on("record_document"):
        return None
    if len(rows) != 2 or len(rows[0]) < len(rows[1]) or not any(_is_body(v) for v in rows[1]):
        return None
    found = document_of(list(zip((h.strip() for h in rows[0]), rows[1], strict=False)))
    return extracted(found[0], found[1], f"record:{extractor}") if found else None


def json_document(text: str, extractor: str) -> Extracted | None:
    """A JSON object, a one-element list of objects, or a single JSONL line holding a document."""
    if not rules.on("record_document"):
        return None
    record = _one_record(text)
    if record is None:
        return None
    fields = [(str(k), v) for k, v in record.items() if isinstance(v, str)]
    found = document_of(fields)
    return extracted(found[0], found[1], f"record:{extractor}") if found else None


def _one_record(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except ValueError:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) != 1:
            return None
        try:
            value = json.loads(lines[0])
        except ValueError:
            return None
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value if isinstance(value, dict) else None
