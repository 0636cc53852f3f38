"""Search: the index ranks, the catalog supplies the fields, the snippet shows the hit."""
from __future__ import annotations

from dangan.archive.catalog import Catalog
from dangan.index import open_index
from dangan.index.base import Sort
from dangan.index.query import Query, parse_query
from dangan.index.snippet_window import snippet as snippet_of
from dangan.model import SearchHit, SearchResult
from dangan.read.understand.taxonomy import Taxonomy
from dangan.workspace import Workspace

MAX_LIMIT = 1000


def search(ws: Workspace, text: str = "", *, limit: int = 10, offset: int = 0,
           sort: Sort = "relevance", facets: bool = False, taxonomy: Taxonomy | None = None,
           **filters: object) -> SearchResult:
    """Search the index; with a taxonomy, `items` are its codes and select by evidence links."""
    codes = tuple(filters.pop("items", None) or ())  # type: ignore[arg-type]
    if taxonomy is None or not codes:
        query = parse_query(text, **filters, **({"items": codes} if codes else {}))
        return run_query(ws, query, limit=limit, offset=offset, sort=sort, facets=facets)
    from dangan.archive.evidence import evidence_ids

    allowed = evidence_ids(ws, taxonomy, codes)
    query = parse_query(text, **filters)
    if not query.terms and not query.has_filters:
        with Catalog(ws.catalog_path) as catalog:   # no words: every linked document, newest first
            docs = sorted(catalog.get_many(allowed).values(), key=lambda d: (d.doc_date or "", d.id), reverse=True)
            paths = catalog.first_paths(allowed)
        hits = [SearchHit(id=d.id, score=0.0, title=d.title, doc_type=d.doc_type, doc_number=d.doc_number,
                          issuer=d.issuer, doc_date=d.doc_date, path=paths.get(d.id), snippet="") for d in docs]
        return SearchResult(total=len(hits), hits=tuple(hits[offset:offset + limit]))
    result = run_query(ws, query, limit=MAX_LIMIT, sort=sort, facets=facets)
    hits = [h for h in result.hits if h.id in allowed]
    return SearchResult(total=len(hits), hits=tuple(hits[offset:offset + limit]), facets=result.facets)


def run_query(ws: Workspace, query: Query, *, limit: int = 10, offset: int = 0,
              sort: Sort = "relevance", facets: bool = False) -> SearchResult:
    limit = max(1, min(limit, MAX_LIMIT))
    backend = open_index(ws)
    try:
        ranked = backend.search(query, limit=limit, offset=offset, sort=sort)
        facet_counts = backend.facets(query) if facets else {}
    finally:
        backend.close()
    ids = [doc_id for doc_id, _ in ranked.hits]
    with Catalog(ws.catalog_path) as catalog:
        docs = catalog.get_many(ids, with_text=True)
        paths = catalog.first_paths(ids)
    needles = query.needles()
    hits = []
    for doc_id, score in ranked.hits:
        doc = docs.get(doc_id)
        if doc is None:  # index ahead of catalog: `dangan check` reports it
            continue
        hits.append(SearchHit(
            id=doc_id, score=round(score, 4), title=doc.title, doc_type=doc.doc_type,
            doc_number=doc.doc_number, issuer=doc.issuer, doc_date=doc.doc_date,
            path=paths.get(doc_id), snippet=snippet_of(doc.text, needles)))
    return SearchResult(total=ranked.total, hits=tuple(hits), facets=facet_counts)
