"""Keep the catalog's evidence links up to date for a taxonomy.

Automatic links are computed once per document and taxonomy version (the
matcher's VERSION and the edition's digest) and stored with their confidence
and the passage that proves them; asking for another edition (`--taxonomy`)
matches the documents not yet matched against it. Manual links and manual
removals are never touched.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

from dangan.archive.catalog import Catalog
from dangan.archive.evidence_links import evidence_rows, set_evidence, unclassified
from dangan.errors import UnknownEdition, WorkspaceBusy
from dangan.lock import WriterLock
from dangan.model import Document
from dangan.read.understand.classify import classify
from dangan.read.understand.evidence import VERSION, Match, matcher_for
from dangan.read.understand.taxonomy import Taxonomy, did_you_mean
from dangan.text.normalize import PINYIN, to_simplified
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["evidence_ids", "match_document", "refresh_evidence", "run_version"]

SUGGESTIONS = 3
LOCK_SECONDS = 5.0


def run_version(taxonomy: Taxonomy) -> str:
    return f"{VERSION}:{taxonomy.digest}"


def _clean(text: str) -> str:
    return to_simplified(PINYIN.sub("", text))


def match_document(doc: Document, taxonomy: Taxonomy, pictures: str = "") -> list[tuple[Match, str]]:
    """The attachable matches of one document, each with its proving passage.

    An edition without 网上申报 requirements (the nine aspects) links by the keyword
    scoring that ingest uses for its items, so both agree. `pictures`: what OCR read in the
    pictures of a Word file of photos (catalog.picture_texts), often its only words.
    """
    text = _clean(f"{doc.text}\n\n{pictures}" if pictures else doc.text or "")
    title = _clean(doc.title or "") if doc.title else None
    if not any(c.requirements for c in taxonomy.contents()):
        return [(Match(s.code, 0, s.score, s.score), "") for s in classify(text, title, taxonomy)]
    matches = matcher_for(taxonomy).match(text, title, doc.doc_type, doc.mime, top=SUGGESTIONS)
    return [(m, text[m.span[0]:m.span[1]].strip()) for m in matches if m.attach]


def refresh_evidence(catalog: Catalog, taxonomy: Taxonomy, ids: list[int] | None = None) -> int:
    """Match the documents not yet matched against this taxonomy version; returns how many."""
    version = run_version(taxonomy)
    pending = unclassified(catalog, taxonomy.code, version) if ids is None else ids
    for start in range(0, len(pending), 100):
        docs = catalog.get_many(pending[start:start + 100], with_text=True)
        pictures = catalog.picture_texts(docs)
        for doc in docs.values():
            links = [(m.content, m.req, m.confidence, passage or None)
                     for m, passage in match_document(doc, taxonomy, pictures.get(doc.id, ""))]
            set_evidence(catalog, doc.id, taxonomy.code, links, version=version)
    if pending:
        log.info("matched %d documents against %s", len(pending), taxonomy.code)
    return len(pending)


def evidence_ids(ws: Workspace, taxonomy: Taxonomy, codes: Sequence[str]) -> set[int]:
    """Documents linked under `taxonomy` to the given 测评项目 or 测评内容 codes.

    New documents are matched first when the writer lock is free within a few seconds;
    otherwise the links already stored are used (a busy watcher must not block a search).
    """
    wanted: set[str] = set()
    for code in codes:
        item = taxonomy.item(code)
        content = taxonomy.content(code)
        if content is not None:
            wanted.add(content.code)
        elif item is not None:
            wanted.update(c.code for c in item.leaves())
        else:
            raise UnknownEdition(detail=f"{taxonomy.code} 中没有代码 {code}{did_you_mean(taxonomy, code)}")
    with Catalog(ws.catalog_path) as catalog:
        try:
            with WriterLock(ws.lock_file, timeout=LOCK_SECONDS):
                refresh_evidence(catalog, taxonomy)
        except WorkspaceBusy:
            log.info("writer busy: searching the evidence links already stored")
        return {link["document_id"] for link in evidence_rows(catalog, taxonomy.code) if link["content"] in wanted}
