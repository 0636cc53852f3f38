"""Everything the catalog knows about one document, for `show` and the web desk."""
from __future__ import annotations

from typing import Any

from dangan.archive.catalog import OCR_FAILED, Catalog
from dangan.archive.selections import variants
from dangan.workspace import Workspace


def describe(ws: Workspace, doc_id: int) -> dict[str, Any]:
    with Catalog(ws.catalog_path) as catalog:
        doc = catalog.get(doc_id)
        data = doc.to_dict()
        data["text"] = doc.text.replace("\f", "\n\n")
        state = catalog.conn.execute("SELECT needs_ocr FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        data["ocr_failed"] = state == OCR_FAILED   # tried and failed: not waiting any more
        data["needs_ocr"] = bool(state) and not data["ocr_failed"]
        data["sources"] = catalog.sources(doc_id)
        data["page_info"] = catalog.pages(doc_id)
        data["ocr_pages"] = [p["number"] for p in data["page_info"] if p["origin"] == "ocr"]
        confidences = [p["confidence"] for p in data["page_info"]
                       if p["origin"] == "ocr" and p["confidence"] is not None]
        data["ocr_confidence"] = round(sum(confidences) / len(confidences), 3) if confidences else None
        data["meta_origin"] = catalog.meta_origin(doc_id)
        data["items"] = [dict(r) for r in catalog.conn.execute(
            "SELECT di.item_code AS code, i.name AS name, di.score, di.origin "
            "FROM document_items di LEFT JOIN items i ON i.code = di.item_code "
            "WHERE di.document_id = ? ORDER BY di.score DESC", (doc_id,))]
        data["original"] = str(ws.originals / doc.relpath)
        data["variants"] = [{**v, "original": str(ws.originals / v["relpath"])} for v in variants(catalog, doc_id)]
    return data
