"""Search: the index ranks, the catalog supplies the fields, the snippet shows the hit."""
from __future__ import annotations

from dangan.archive.catalog import Catalog
from dangan.index import open_index
from dangan.index.base import Sort
from dangan.index.query import Query, parse_query
from dangan.index.snippet_window import snippet as snippet_of
from dangan.model import SearchHit, SearchResult
from dangan.workspace import Workspace

MAX_LIMIT = 1000


def search(ws: Workspace, text: str = "", *, limit: int = 10, offset: int = 0,
           sort: Sort = "relevance", facets: bool = False, **filters: object) -> SearchResult:
    query = parse_query(text, **filters)
    return run_query(ws, query, limit=limit, offset=offset, sort=sort, facets=facets)


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
