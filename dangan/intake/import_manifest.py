"""Ingesting an export from another workspace keeps its metadata.

A folder made by `dangan export` holds `manifest.jsonl`. While a batch walks
such a folder, the manifest and the XLSX list are skipped (they are not
documents), and each document ingested from it gets the manifest's elements,
tags and evaluation items with origin `import`, provided the file is the one
the manifest describes (same sha256). Manual values already in the catalog
are never overwritten. A backup's manifest is skipped too.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from dangan.archive.catalog import EDITABLE
from dangan.archive.manifest import (
    EXPORT_LIST_NAME,
    FORMAT_EXPORT,
    MANIFEST_NAME,
    ManifestInvalid,
    manifest_format,
    read_manifest,
)
from dangan.index.base import IndexDoc
from dangan.model import IngestResult

log = logging.getLogger(__name__)

ORIGIN = "import"
KEPT_AS_TAGS = {"archival_code": "原档号", "retention": "原保管期限"}


class ManifestImports:
    """Per batch: which folders are exports, and their records by file name."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[str, dict[str, Any]] | None] = {}
        self.applied = 0

    def skip(self, path: Path) -> bool:
        """True for an export's or a backup's own files, which are not documents."""
        path = Path(os.path.abspath(path))
        if path.name == MANIFEST_NAME:
            return manifest_format(path) is not None
        return path.name == EXPORT_LIST_NAME and self._records(path.parent) is not None

    def apply(self, batch: Any, path: Path, result: IngestResult) -> bool:
        """Give the document just ingested from `path` its metadata from the folder's manifest."""
        if result.document_id is None:
            return False
        path = Path(os.path.abspath(path))
        records = self._records(path.parent)
        record = records.get(path.name) if records else None
        if record is None:
            return False
        if apply_record(batch, result.document_id, record):
            self.applied += 1
            return True
        return False

    def _records(self, folder: Path) -> dict[str, dict[str, Any]] | None:
        if folder not in self._folders:
            self._folders[folder] = _load(folder / MANIFEST_NAME)
        return self._folders[folder]


def _load(manifest: Path) -> dict[str, dict[str, Any]] | None:
    if manifest_format(manifest) != FORMAT_EXPORT:
        return None
    try:
        return {r["file"]: r for r in read_manifest(manifest, (FORMAT_EXPORT,))
                if r["kind"] == "document" and r.get("file")}
    except ManifestInvalid as error:
        log.warning("%s: %s; metadata not imported", manifest, error.message)
        return None


def apply_record(batch: Any, doc_id: int, record: dict[str, Any]) -> bool:
    """Elements, tags and items of one manifest record, then the document is indexed anew."""
    catalog = batch.catalog
    doc = catalog.get(doc_id)
    if doc.sha256 != record.get("sha256"):
        log.warning("document %d differs from the exported file %s: metadata not imported",
                    doc_id, record.get("file"))
        return False
    origins = catalog.meta_origin(doc_id)
    fields = {k: record[k] for k in EDITABLE
              if record.get(k) not in (None, "")
              and origins.get(k, {}).get("origin") not in ("manual", "folder")}
    if fields:
        catalog.update_fields(doc_id, fields, origin=ORIGIN)
    tags = {label: str(record[key]) for key, label in KEPT_AS_TAGS.items() if record.get(key)}
    tags.update(record.get("tags") or {})
    tags.update(doc.tags)   # what this workspace already says wins
    known = {}
    for item in record.get("items") or []:
        local = catalog.item(item["code"])
        if local and (not item.get("name") or local["name"] == item["name"]):
            known[item["code"]] = item
    catalog.set_tags(doc_id, tags)
    for origin in ("auto", "manual"):   # Catalog.link_items keeps manual links above automatic ones
        catalog.link_items(doc_id, {code: float(item.get("score") or 1.0) for code, item in known.items()
                                    if (item.get("origin") == "manual") == (origin == "manual")}, origin)
    _reindex(batch, doc_id)
    return True


def _reindex(batch: Any, doc_id: int) -> None:
    """Replace the document's pending index entry (one entry per id in a writer's buffer)."""
    batch.pending = [d for d in batch.pending if d.id != doc_id]
    batch.queue_index(IndexDoc.from_document(batch.catalog.get(doc_id),
                                             batch.catalog.item_codes(doc_id)))
