"""Everything the catalog knows about one document, for `show` and the web desk."""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from dangan.archive.attachments import attachment_parents, filed_in, filed_with
from dangan.archive.catalog import OCR_FAILED, Catalog
from dangan.archive.selections import archive_members, reader_of, variants
from dangan.errors import DanganError
from dangan.read.extract.detect import ARCHIVES, OFD, PDF
from dangan.read.understand.photo_docs import mostly_pictures
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
        data["sources"] = [_garbled(_shown(source)) for source in catalog.sources(doc_id)]
        data["page_info"] = catalog.pages(doc_id)
        data["ocr_pages"] = [p["number"] for p in data["page_info"] if p["origin"] == "ocr"]
        confidences = [p["confidence"] for p in data["page_info"]
                       if p["origin"] == "ocr" and p["confidence"] is not None]
        data["ocr_confidence"] = round(sum(confidences) / len(confidences), 3) if confidences else None
        data["meta_origin"] = catalog.meta_origin(doc_id)
        data["seals"] = catalog.seals(doc_id)
        data["pictures"] = catalog.pictures(doc_id)   # 图片文字: an office file's pictures and what OCR read in them
        # a Word/PowerPoint file of photos: photo evidence (照片佐证) as a JPEG is, its pictures shown as photos
        data["photo_evidence"] = mostly_pictures(doc.text, len(data["pictures"]))
        data["warnings"] = catalog.notes(doc_id)   # 读取提示
        data["reader"] = reader_of(catalog, doc_id)   # which reader read it (migration 14)
        data["older_reader"] = (data["reader"] or {}).get("reader") != reader_version()
        data["items"] = [dict(r) for r in catalog.conn.execute(
            "SELECT di.item_code AS code, i.name AS name, di.score, di.origin "
            "FROM document_items di LEFT JOIN items i ON i.code = di.item_code "
            "WHERE di.document_id = ? ORDER BY di.score DESC", (doc_id,))]
        data["evidence"] = _evidence(ws, catalog, doc_id)
        data["original"] = str(ws.originals / doc.relpath)
        data["variants"] = [{**v, "original": str(ws.originals / v["relpath"])} for v in variants(catalog, doc_id)]
        if doc.mime in ARCHIVES:   # a ZIP's members are documents of their own: say which
            data["members"] = archive_members(catalog, doc_id)
        elif doc.mime in (OFD, PDF) or any(v["mime"] in (OFD, PDF) for v in data["variants"]):
            # its attachments (GB/T 33190 §20; a PDF's embedded files; a 同文异版 copy's) likewise, under 附件/
            data["attachments"] = _attachments(catalog, doc_id)
        if found := filed_in(catalog.conn, [doc_id]).get(doc_id):   # an OFD's attachment: in that OFD's 件
            data["attachment_of"] = found
    return data


def _attachments(catalog: Catalog, doc_id: int) -> list[dict[str, Any]]:
    """An OFD's (or PDF's) attachments, each saying whether it is filed in this 件 or is a 件 of its own
    (`filed_apart`, `apart_reason`, its `archival_code`): the same bytes taken on their own before the
    OFD came (a unit's ZIP holding the 附件 too), or numbered by an older dangan, keep their own 档号
    (archive/attachments), and "归档时与本文件为一件" said of them contradicted the 归档文件目录."""
    members = archive_members(catalog, doc_id)
    parents = attachment_parents(catalog.conn)
    for member in members:
        apart = filed_with(parents, member["id"]) == member["id"]
        member["filed_apart"] = apart
        member["apart_reason"] = ("" if not apart else "此前已单独编档号" if member["id"] in parents
                                  else "在本文件之前已单独收录")
        member["archival_code"] = catalog.conn.execute(
            "SELECT archival_code FROM documents WHERE id = ?", (member["id"],)).fetchone()[0] or None
    return members


def _evidence(ws: Workspace, catalog: Catalog, doc_id: int) -> list[dict[str, Any]]:
    """The 测评内容 (and 网上申报 requirement) the document is filed under as evidence, in any taxonomy,
    named: `tag --item Ⅲ-28 --req 1 --taxonomy national-2015` was said once by tag and never again by
    show or the desk. A link of the workspace's own edition with no requirement is its 测评项目 line."""
    from dangan.read.understand.taxonomy import workspace_taxonomy

    rows = [dict(r) for r in catalog.conn.execute(
        "SELECT taxonomy, content, req, origin, confidence FROM evidence WHERE document_id = ? AND req >= 0 "
        "ORDER BY taxonomy, content, req", (doc_id,)) if r["req"] or r["taxonomy"] != ws.settings.taxonomy]
    names: dict[str, tuple[str, dict[str, str]]] = {}
    for code in dict.fromkeys(r["taxonomy"] for r in rows):
        try:
            taxonomy = workspace_taxonomy(ws, code)
        except (DanganError, OSError):   # an edition no longer there: its codes stand unnamed
            continue
        names[code] = (taxonomy.name, {c.code: c.name for c in taxonomy.contents()})
    for row in rows:
        taxonomy_name, contents = names.get(row["taxonomy"], ("", {}))
        row.update(taxonomy_name=taxonomy_name, name=contents.get(row["content"], ""))
    return rows


def _garbled(source: dict[str, Any]) -> dict[str, Any]:
    """A ZIP member whose name another tool garbled is listed by the name read back, saying the one stored."""
    stored = source.get("stored_name")
    return {**source, "name_note": f"压缩包内存的是乱码名“{stored}”，已按 GBK 还原" if stored else ""}


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
