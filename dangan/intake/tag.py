"""Edit a document's elements and items by hand, then reindex that one document.

Manual values carry origin `manual`: a later automatic pass never overwrites them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from dangan import fields
from dangan.archive.catalog import EDITABLE, Catalog
from dangan.errors import BadQuery
from dangan.index.query import date_range, normalise_number
from dangan.index.session import WriterSession
from dangan.workspace import Workspace

FIELD_NAMES = {name: field for name, field in fields.ALIASES.items() if name != field}


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
    with WriterSession(ws) as session:
        catalog = session.catalog
        catalog.get(doc_id)  # raises DocumentNotFound
        if fields:
            catalog.update_fields(doc_id, dict(fields), origin="manual")
        _edit_items(catalog, doc_id, list(add_items), list(remove_items))
        doc = catalog.get(doc_id)
        codes = catalog.item_codes(doc_id)
        session.refresh(doc_id)
    return {**{k: getattr(doc, k) for k in doc.META_FIELDS}, "items": list(codes)}


def _edit_items(catalog: Catalog, doc_id: int, add: list[str], remove: list[str]) -> None:
    for code in add:
        if catalog.item(code) is None:
            raise BadQuery(f"未知的测评项目代码：{code}", hint="用 dangan taxonomy show 查看测评项目和测评内容的代码。")
    if not (add or remove):
        return
    catalog.link_items(doc_id, dict.fromkeys(add, 1.0), "manual")
    catalog.unlink_items(doc_id, remove)
