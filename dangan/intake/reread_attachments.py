"""`dangan reread` and an OFD's attachments: an OFD archived before its attachments were read gets them now.

Ingest takes an OFD's attachments as documents of their own (`unpack`, GB/T 33190 §20); an OFD archived by an
older dangan never had them taken, and ingesting the same file again is only a duplicate. Reading the archived
original again lists its attachments; those neither catalogued under the OFD (`通知.ofd/附件/名称`, as a
document or as another original of one) nor refused
before (a failure row at that path: refused once is said once, not on every reread) are taken from the stored
original as ingest takes them, under the OFD's first source path.

A PDF's embedded files likewise (`通知.pdf/附件/名称`): its names are listed by a call in an extraction worker
(`pdf_attachments.list_attachments`), as ingest reads PDFs, never by pdfium in this process.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from dangan.archive.catalog import Catalog
from dangan.model import Document, Incoming, IngestResult
from dangan.read.extract.detect import OFD, PDF
from dangan.read.extract.members import Member, list_members
from dangan.read.extract.pdf_attachments import list_attachments
from dangan.text.paths import path_text
from dangan.workspace import Workspace


def pending_attachments(ws: Workspace, catalog: Catalog, doc: Document) -> tuple[str, ...]:
    """The names (附件/名称) of the OFD's attachments not yet taken nor refused; () for any other document."""
    if doc.mime not in (OFD, PDF):
        return ()
    shown = _shown(catalog, doc)
    try:
        members = _members(ws, doc)
    except Exception:  # noqa: BLE001 - an unreadable list was said at ingest or is said by reading the OFD / PDF
        return ()
    like = _like(shown)   # taken (a document, or another original of one: 同文异版) or refused before
    known = {r[0] for r in catalog.conn.execute(
        "SELECT path FROM sources WHERE path LIKE ? ESCAPE '\\' UNION SELECT source FROM variants WHERE source LIKE ? "
        "ESCAPE '\\' UNION SELECT path FROM failures WHERE path LIKE ? ESCAPE '\\'", (like, like, like))}
    return tuple(dict.fromkeys(f"附件/{m.name}" for m in members
                               if path_text(Path(f"{shown}/附件/{m.name}")) not in known))


def take_attachments(ws: Workspace, doc_ids: list[int]) -> dict[int, tuple[IngestResult, ...]]:
    """Take the pending attachments of these OFDs, as ingest takes them (each its own document): each OFD's
    results, a refused attachment quarantined with its reason as ingest quarantines it."""
    from dangan.intake.ingest import Batch, Origin
    from dangan.intake.unpack import ingest_members, ingest_pdf_attachments

    results: dict[int, tuple[IngestResult, ...]] = {}
    if not doc_ids:
        return results
    with Batch(ws) as batch:
        for doc_id in doc_ids:
            doc = batch.catalog.get(doc_id)
            path = ws.originals / doc.relpath
            incoming = Incoming(path, doc.mime, doc.size, doc.sha256, datetime.now())
            shown = Path(_shown(batch.catalog, doc))
            if doc.mime == PDF:
                try:
                    names = _pdf_names(ws, path)
                except Exception:  # noqa: BLE001 - listed a moment ago; gone unreadable: nothing taken, said by reading it
                    names = ()
                results[doc_id] = ingest_pdf_attachments(incoming, names, shown, batch, Origin())
            else:
                results[doc_id] = ingest_members(incoming, shown, batch, Origin())
    return results


def _members(ws: Workspace, doc: Document) -> list[Member]:
    path = ws.originals / doc.relpath
    if doc.mime == PDF:
        from dangan.intake.unpack import pdf_members

        return pdf_members(_pdf_names(ws, path))
    return list_members(path, doc.mime)


def _pdf_names(ws: Workspace, path: Path) -> tuple[str, ...]:
    """The PDF's embedded files' names, read by pdfium in an extraction worker under the workspace's limits."""
    from dangan.intake.ingest import limits_of
    from dangan.intake.workers import shared_pool

    return tuple(shared_pool(limits_of(ws)).run(list_attachments, path))


def _shown(catalog: Catalog, doc: Document) -> str:
    sources = catalog.sources(doc.id)
    return sources[0]["path"] if sources else doc.original_name


def _like(shown: str) -> str:
    return path_text(Path(shown)).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/附件/%"


def refusals(taken: Sequence[IngestResult]) -> tuple[str, ...]:
    """附件/名称：原因 for each of a container's attachments that was quarantined instead of taken."""
    return tuple(f"附件/{r.path.name}：{r.reason}" for r in taken if r.status == "failed")
