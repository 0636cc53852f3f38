"""Edit a document's elements and items by hand, then reindex that one document.

Manual values carry origin `manual`: a later automatic pass never overwrites them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from dangan.archive.catalog import EDITABLE, Catalog
from dangan.config import Workspace
from dangan.errors import BadQuery
from dangan.index import open_backend
from dangan.index.base import IndexDoc
from dangan.index.query import date_range, normalise_number
from dangan.pipeline.lock import WriterLock

FIELD_NAMES = {
    "标题": "title", "题名": "title", "文种": "doc_type", "发文字号": "doc_number", "文号": "doc_number",
    "发文机关": "issuer", "责任者": "issuer", "成文日期": "doc_date", "日期": "doc_date",
    "主送机关": "recipients", "抄送机关": "cc", "密级": "secrecy", "紧急程度": "urgency",
    "拍摄时间": "taken_at",
}


def parse_assignments(pairs: Iterable[str]) -> dict[str, str | None]:
    """'发文机关=区文明办' / 'issuer=…' → {'issuer': '…'}; an empty value clears the field."""
    out: dict[str, str | None] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        field = FIELD_NAMES.get(name.strip(), name.strip())
        if not sep or field not in EDITABLE:
            known = "、".join(sorted(set(FIELD_NAMES)))
            raise BadQuery(f"无法识别的著录项：{pair!r}", hint=f"可用：{known}，写成 名称=值。")
        out[field] = clean_value(field, value.strip())
    return out


def clean_value(field: str, value: str) -> str | None:
    if not value:
        return None
    if field == "doc_number":
        return normalise_number(value)
    if field == "doc_date":
        start, _ = date_range(value)
        if len(value.replace("年", "-").replace("月", "-").strip("-日").split("-")) < 3:
            raise BadQuery(detail=f"成文日期 {value!r} 应写到日，如 2022-03-26")
        return start
    return value


def tag_document(ws: Workspace, doc_id: int, *, fields: Mapping[str, str | None] | None = None,
                 add_items: Iterable[str] = (), remove_items: Iterable[str] = ()) -> dict[str, object]:
    """Apply manual edits and reindex the document; returns its elements and item codes."""
    with WriterLock(ws.lock_file), Catalog(ws.catalog_path) as catalog:
        catalog.get(doc_id)  # raises DocumentNotFound
        if fields:
            catalog.update_fields(doc_id, dict(fields), origin="manual")
        _edit_items(catalog, doc_id, list(add_items), list(remove_items))
        doc = catalog.get(doc_id)
        codes = catalog.item_codes(doc_id)
        backend = open_backend(ws.index_dir, ws.settings.index_backend)
        try:
            backend.add([IndexDoc.from_document(doc, codes)])
        finally:
            backend.close()
    return {**{k: getattr(doc, k) for k in doc.META_FIELDS}, "items": list(codes)}


def _edit_items(catalog: Catalog, doc_id: int, add: list[str], remove: list[str]) -> None:
    for code in add:
        if catalog.item(code) is None:
            raise BadQuery(f"未知的测评项目代码：{code}", hint="测评项目见 taxonomy/default.toml 或工作区的 taxonomy.toml。")
    if not (add or remove):
        return
    with catalog.transaction() as conn:
        for code in add:
            conn.execute("INSERT OR REPLACE INTO document_items (document_id, item_code, score, origin) "
                         "VALUES (?, ?, 1.0, 'manual')", (doc_id, code))
        for code in remove:
            conn.execute("DELETE FROM document_items WHERE document_id = ? AND item_code = ?",
                         (doc_id, code))
