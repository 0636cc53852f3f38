"""Looking after the archive: check originals and index against the catalog, stats, reindex."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.store import verify_original
from dangan.config import Workspace
from dangan.index import open_backend
from dangan.index.base import IndexDoc
from dangan.pipeline.lock import WriterLock

WHOOSH_ADVICE_AT = 10_000


def check(ws: Workspace, *, on_step: Callable[[], None] | None = None) -> dict[str, Any]:
    """Every original present with its checksum; catalog and index hold the same ids."""
    problems: list[dict[str, Any]] = []
    with Catalog(ws.catalog_path) as catalog:
        rows = catalog.conn.execute("SELECT id, sha256, relpath, title FROM documents ORDER BY id").fetchall()
        for row in rows:
            problem = verify_original(ws.originals, row["relpath"], row["sha256"])
            if problem == "missing":
                problems.append({"kind": "original_missing", "id": row["id"], "path": row["relpath"],
                                 "message": f"原件缺失：文件 {row['id']}（{row['title']}）"})
            elif problem == "checksum":
                problems.append({"kind": "checksum_mismatch", "id": row["id"], "path": row["relpath"],
                                 "message": f"原件校验值不符：文件 {row['id']}（{row['title']}）"})
            if on_step:
                on_step()
        catalog_ids = {row["id"] for row in rows}
    backend = open_backend(ws.index_dir, ws.settings.index_backend)
    try:
        index_ids = backend.all_ids()
        count = backend.count()
    finally:
        backend.close()
    for doc_id in sorted(catalog_ids - index_ids):
        problems.append({"kind": "not_indexed", "id": doc_id,
                         "message": f"索引中缺少文件 {doc_id}，请运行 dangan reindex"})
    for doc_id in sorted(index_ids - catalog_ids):
        problems.append({"kind": "index_orphan", "id": doc_id,
                         "message": f"索引中有目录里不存在的文件 {doc_id}，请运行 dangan reindex"})
    advice = _advice(ws, count)
    return {"ok": not problems, "documents": len(catalog_ids), "indexed": len(index_ids),
            "problems": problems, "advice": advice}


def stats(ws: Workspace) -> dict[str, Any]:
    with Catalog(ws.catalog_path) as catalog:
        out = catalog.stats()
    backend = open_backend(ws.index_dir, ws.settings.index_backend)
    try:
        out["indexed"] = backend.count()
    finally:
        backend.close()
    out["index_backend"] = ws.settings.index_backend
    out["advice"] = _advice(ws, out["indexed"])
    return out


def reindex(ws: Workspace, *, on_doc: Callable[[], None] | None = None,
            on_wait: Callable[[], None] | None = None) -> int:
    """Rebuild the index from the catalog, in batches; documents gone from the catalog are dropped."""
    with WriterLock(ws.lock_file, on_wait=on_wait), Catalog(ws.catalog_path) as catalog:
        items = _items_by_document(catalog)
        backend = open_backend(ws.index_dir, ws.settings.index_backend)
        try:
            stale = backend.all_ids() - set(catalog.ids())
            if stale:
                backend.delete(stale)

            def docs():  # type: ignore[no-untyped-def]
                for doc in catalog.iter_documents():
                    if on_doc:
                        on_doc()
                    yield IndexDoc.from_document(doc, items.get(doc.id, ()))

            return backend.add(docs())
        finally:
            backend.close()


def _items_by_document(catalog: Catalog) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for doc_id, code in catalog.conn.execute("SELECT document_id, item_code FROM document_items"):
        out.setdefault(doc_id, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def _advice(ws: Workspace, count: int) -> str | None:
    if ws.settings.index_backend == "whoosh" and count >= WHOOSH_ADVICE_AT:
        return (f"索引已有 {count} 件文件，建议切换到 Tantivy 后端："
                "dangan reindex --backend tantivy")
    return None


def switch_backend(ws: Workspace, backend: str, *, on_doc: Callable[[], None] | None = None,
                   on_wait: Callable[[], None] | None = None) -> int:
    """Build the new backend's index beside the old one, then swap: a crash leaves the old intact."""
    import re
    import shutil

    beside = ws.home / f"index.{backend}.new"
    shutil.rmtree(beside, ignore_errors=True)
    with WriterLock(ws.lock_file, on_wait=on_wait), Catalog(ws.catalog_path) as catalog:
        items = _items_by_document(catalog)
        new = open_backend(beside, backend)
        try:
            count = new.add(IndexDoc.from_document(doc, items.get(doc.id, ()))
                            for doc in _counting(catalog.iter_documents(), on_doc))
        finally:
            new.close()
        old = ws.home / "index.old"
        shutil.rmtree(old, ignore_errors=True)
        ws.index_dir.rename(old)
        beside.rename(ws.index_dir)
        text = ws.config_file.read_text(encoding="utf-8")
        text, n = re.subn(r'(?m)^backend\s*=\s*"[^"]*"', f'backend = "{backend}"', text)
        if not n:
            text += f'\n[index]\nbackend = "{backend}"\n'
        ws.config_file.write_text(text, encoding="utf-8")
        shutil.rmtree(old, ignore_errors=True)
    return count


def _counting(docs, on_doc):  # type: ignore[no-untyped-def]
    for doc in docs:
        if on_doc:
            on_doc()
        yield doc
