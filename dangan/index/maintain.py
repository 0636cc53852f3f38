"""Looking after the archive: check originals and index against the catalog, stats, reindex."""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.store import verify_original
from dangan.config import Workspace
from dangan.index import IndexMismatch, detect_backend, open_backend
from dangan.index.base import IndexDoc
from dangan.model import Document
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
    found = detect_backend(ws.index_dir)
    if found is not None and found != ws.settings.index_backend:
        problems.append({"kind": "index_backend_mismatch",
                         "message": f"索引由 {found} 建立，而 dangan.toml 设置的是 "
                                    f"{ws.settings.index_backend}：运行 dangan reindex 按设置重建"})
    try:
        backend = open_backend(ws.index_dir, ws.settings.index_backend)
    except IndexMismatch as error:
        problems.append({"kind": "index_schema_mismatch",
                         "message": f"{error.message}，请运行 dangan reindex"})
        return {"ok": False, "documents": len(catalog_ids), "indexed": None,
                "problems": problems, "advice": None}
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
    advice = _advice(backend.name, count)
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
    out["index_backend"] = backend.name   # as built; dangan.toml may differ (check says so)
    out["advice"] = _advice(backend.name, out["indexed"])
    return out


def reindex(ws: Workspace, *, on_doc: Callable[[], None] | None = None,
            on_wait: Callable[[], None] | None = None) -> int:
    """Rebuild the index from the catalog, in batches; documents gone from the catalog are dropped.

    An index folder the backend cannot use (built by the other backend in a switch cut
    short, or by an older schema) is rebuilt beside and swapped.
    """
    if not _opens(ws):
        return _rebuild_beside(ws, ws.settings.index_backend, on_doc=on_doc, on_wait=on_wait)
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


def _opens(ws: Workspace) -> bool:
    """False when the index folder holds the other backend's index, or an old schema."""
    if detect_backend(ws.index_dir) not in (None, ws.settings.index_backend):
        return False
    try:
        open_backend(ws.index_dir, ws.settings.index_backend).close()
    except IndexMismatch:
        return False
    return True


def _items_by_document(catalog: Catalog) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for doc_id, code in catalog.conn.execute("SELECT document_id, item_code FROM document_items"):
        out.setdefault(doc_id, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def _advice(backend: str, count: int) -> str | None:
    if backend == "whoosh" and count >= WHOOSH_ADVICE_AT:
        return (f"索引已有 {count} 件文件，建议切换到 Tantivy 后端："
                "dangan reindex --backend tantivy")
    return None


def switch_backend(ws: Workspace, backend: str, *, on_doc: Callable[[], None] | None = None,
                   on_wait: Callable[[], None] | None = None) -> int:
    """Build the new backend's index beside the old one, swap, then record it in dangan.toml.

    A crash while building leaves the old index and settings intact; a crash between the
    swap and the settings is reported by `open_backend` (IndexMismatch) and mended by reindex.
    """
    return _rebuild_beside(ws, backend, on_doc=on_doc, on_wait=on_wait, record=True)


def _rebuild_beside(ws: Workspace, backend: str, *, on_doc: Callable[[], None] | None,
                    on_wait: Callable[[], None] | None, record: bool = False) -> int:
    beside = ws.home / f"index.{backend}.new"
    old = ws.home / "index.old"
    shutil.rmtree(beside, ignore_errors=True)
    with WriterLock(ws.lock_file, on_wait=on_wait), Catalog(ws.catalog_path) as catalog:
        items = _items_by_document(catalog)
        new = open_backend(beside, backend)
        try:
            count = new.add(IndexDoc.from_document(doc, items.get(doc.id, ()))
                            for doc in _counting(catalog.iter_documents(), on_doc))
        finally:
            new.close()
        shutil.rmtree(old, ignore_errors=True)
        if ws.index_dir.exists():
            ws.index_dir.rename(old)
        beside.rename(ws.index_dir)
        if record:
            text = ws.config_file.read_text(encoding="utf-8")
            _write_atomic(ws.config_file, set_backend(text, backend))
        shutil.rmtree(old, ignore_errors=True)
    return count


def set_backend(toml_text: str, backend: str) -> str:
    """dangan.toml with `[index] backend` set, comments and everything else kept."""
    line = f'backend = "{backend}"'
    header = re.search(r"(?m)^\[index\][ \t]*(#.*)?$", toml_text)
    if header is None:
        return toml_text.rstrip("\n") + f"\n\n[index]\n{line}\n"
    nxt = re.search(r"(?m)^\[", toml_text[header.end():])
    end = header.end() + nxt.start() if nxt else len(toml_text)
    section = toml_text[header.end():end]
    section, n = re.subn(r'(?m)^backend[ \t]*=[ \t]*"[^"\n]*"', line, section, count=1)
    if not n:
        section = "\n" + line + section
    return toml_text[:header.end()] + section + toml_text[end:]


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _counting(docs: Iterator[Document], on_doc: Callable[[], None] | None) -> Iterator[Document]:
    for doc in docs:
        if on_doc:
            on_doc()
        yield doc
