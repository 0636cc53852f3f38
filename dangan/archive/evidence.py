"""Keep the catalog's evidence links up to date for a taxonomy.

Automatic links are computed once per document and taxonomy version (the
matcher's VERSION and the edition's digest) and stored with their confidence
and the passage that proves them; asking for another edition (`--taxonomy`)
matches the documents not yet matched against it. Manual links and manual
removals are never touched.
"""
from __future__ import annotations

import logging

from dangan.archive.catalog import Catalog
from dangan.model import Document
from dangan.read.understand.classify import classify
from dangan.read.understand.evidence import VERSION, Match, matcher_for
from dangan.read.understand.taxonomy import Taxonomy
from dangan.text.normalize import PINYIN, to_simplified

log = logging.getLogger(__name__)

__all__ = ["match_document", "refresh_evidence", "run_version"]

SUGGESTIONS = 3


def run_version(taxonomy: Taxonomy) -> str:
    return f"{VERSION}:{taxonomy.digest}"


def _clean(text: str) -> str:
    return to_simplified(PINYIN.sub("", text))


def match_document(doc: Document, taxonomy: Taxonomy) -> list[tuple[Match, str]]:
    """The attachable matches of one document, each with its proving passage.

    An edition without 网上申报 requirements (the nine aspects) links by the keyword
    scoring that ingest uses for its items, so both agree.
    """
    text = _clean(doc.text or "")
    title = _clean(doc.title or "") if doc.title else None
    if not any(c.requirements for c in taxonomy.contents()):
        return [(Match(s.code, 0, s.score, s.score), "") for s in classify(text, title, taxonomy)]
    matches = matcher_for(taxonomy).match(text, title, doc.doc_type, doc.mime, top=SUGGESTIONS)
    return [(m, text[m.span[0]:m.span[1]].strip()) for m in matches if m.attach]


def refresh_evidence(catalog: Catalog, taxonomy: Taxonomy, ids: list[int] | None = None) -> int:
    """Match the documents not yet matched against this taxonomy version; returns how many."""
    version = run_version(taxonomy)
    pending = catalog.unclassified(taxonomy.code, version) if ids is None else ids
    for start in range(0, len(pending), 100):
        docs = catalog.get_many(pending[start:start + 100], with_text=True)
        for doc in docs.values():
            links = [(m.content, m.req, m.confidence, passage or None) for m, passage in match_document(doc, taxonomy)]
            catalog.set_evidence(doc.id, taxonomy.code, links, version=version)
    if pending:
        log.info("matched %d documents against %s", len(pending), taxonomy.code)
    return len(pending)
