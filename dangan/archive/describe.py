"""Everything the catalog knows about one document, for `show` and the web desk."""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from dangan.archive.catalog import OCR_FAILED, Catalog
from dangan.archive.selections import archive_members, reader_of, variants
from dangan.read.extract.detect import ARCHIVES
from dangan.read.version import reader_version
from dangan.workspace import Workspace


def describe(ws: Workspace, doc_id: int) -> dict[str, Any]:
    with Catalog(ws.catalog_path) as catalog:
        doc = catalog.get(doc_id)
        data = doc.to_dict()
        data["text"] = doc.text.replace("\f", "\n\n")
        state = catalog.conn.execute("SELECT needs_ocr FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        data["ocr_failed"] = state == OCR_FAILED   # tried and failed: not waiting any more
        data["needs_ocr"] = bool(state) and not data["ocr_failed"]
        data["sources"] = [_shown(source) for source in catalog.sources(doc_id)]
        data["page_info"] = catalog.pages(doc_id)
        data["ocr_pages"] = [p["number"] for p in data["page_info"] if p["origin"] == "ocr"]
        confidences = [p["confidence"] for p in data["page_info"]
                       if p["origin"] == "ocr" and p["confidence"] is not None]
        data["ocr_confidence"] = round(sum(confidences) / len(confidences), 3) if confidences else None
        data["meta_origin"] = catalog.meta_origin(doc_id)
        data["seals"] = catalog.seals(doc_id)
        data["warnings"] = catalog.notes(doc_id)   # 读取提示
        data["reader"] = reader_of(catalog, doc_id)   # which reader read it (migration 14)
        data["older_reader"] = (data["reader"] or {}).get("reader") != reader_version()
        data["items"] = [dict(r) for r in catalog.conn.execute(
            "SELECT di.item_code AS code, i.name AS name, di.score, di.origin "
            "FROM document_items di LEFT JOIN items i ON i.code = di.item_code "
            "WHERE di.document_id = ? ORDER BY di.score DESC", (doc_id,))]
        data["original"] = str(ws.originals / doc.relpath)
        data["variants"] = [{**v, "original": str(ws.originals / v["relpath"])} for v in variants(catalog, doc_id)]
        if doc.mime in ARCHIVES:   # a ZIP's members are documents of their own: say which
            data["members"] = archive_members(catalog, doc_id)
    return data


def _shown(source: dict[str, Any]) -> dict[str, Any]:
    """A file taken from the desk (an upload, a unit's hand-in) was staged under a random folder that is
    gone once it is archived: a clerk knows it by the name it was sent with, not by that path."""
    inbox = source.get("inbox")
    staged = bool(inbox) and not str(inbox).startswith("/")
    if not staged:
        return {**source, "shown": source["path"]}
    parts = PurePath(source["path"]).parts
    at = [k for k, part in enumerate(parts[:-3]) if part == "staging" and parts[k + 1] == inbox]
    # staging/<inbox>/<random>/规范性文件.zip/通知.txt: a ZIP's member says which upload it came in
    rest = parts[at[-1] + 3:] if at else parts[-1:]
    return {**source, "shown": "/".join(rest) or PurePath(source["path"]).name}
