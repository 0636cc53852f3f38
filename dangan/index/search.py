"""Search: the index ranks, the catalog supplies the fields, the snippet shows the hit.

A result never misleads: a query with nothing to search for is refused
(query.require_searchable), a date filter says how many matches it left out
for having no 成文日期, and a term the archive does not hold gets spellings that
it does hold (suggest.py).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from typing import Any, Protocol, runtime_checkable

from dangan.archive.attachments import filed_in
from dangan.archive.catalog import Catalog
from dangan.archive.selections import posted_in_range
from dangan.errors import BadQuery
from dangan.index import open_index
from dangan.index.analyzer import compact, units
from dangan.index.base import IndexBackend, Ranked, Sort, file_stem
from dangan.index.loose import Part, levels, loosened, parts, unmatched
from dangan.index.query import Query, parse_query, require_searchable
from dangan.index.snippet_window import snippet as snippet_of
from dangan.index.snippets import OPEN, make_snippet, needle_pattern
from dangan.index.suggest import suggest
from dangan.model import Document, SearchHit, SearchResult
from dangan.read.understand.taxonomy import Taxonomy
from dangan.text.normalize import search_text
from dangan.workspace import Workspace

MAX_LIMIT = 1000
MAX_OFFSET = 100_000
PICTURE_MARK = "〔图片文字〕"   # a snippet from what OCR read in a Word file's pictures, not from its own text


def search(ws: Workspace, text: str = "", *, limit: int = 10, offset: int = 0,
           sort: Sort = "relevance", facets: bool = False, taxonomy: Taxonomy | None = None,
           allow_empty: bool = True, only: Collection[int] | None = None,
           doc_type: str | None = None, issuer: str | None = None, doc_number: str | None = None,
           items: Iterable[str] = (), title: str | None = None, date: str | None = None,
           year: str | None = None, date_from: str | None = None, date_to: str | None = None) -> SearchResult:
    """Search the index; with a taxonomy, `items` are its codes and select by evidence links.

    The filters (`doc_type` … `date_to`, as the query's own fields) override the text's.
    An empty query lists everything when `allow_empty` (the web desk's newest documents);
    input with nothing to search for is a BadQuery, always. `only`: the documents a reader
    may see (a unit's released ones); the others are not counted, the best MAX_LIMIT matches
    are the most it can page through, and there are no facets.
    """
    check_page(limit, offset)
    filters: dict[str, object] = {
        "doc_type": doc_type, "issuer": issuer, "doc_number": doc_number, "title": title,
        "date": date, "year": year, "date_from": date_from, "date_to": date_to}
    if only is None:
        return _search(ws, text, tuple(items), filters, limit=limit, offset=offset, sort=sort,
                       facets=facets, taxonomy=taxonomy, allow_empty=allow_empty)
    result = _search(ws, text, tuple(items), filters, limit=MAX_LIMIT, offset=0, sort=sort,
                     facets=False, taxonomy=taxonomy, allow_empty=allow_empty)
    hits = [h for h in result.hits if h.id in only]
    return replace(result, total=len(hits), hits=tuple(hits[offset:offset + limit]), facets={}, offset=offset,
                   posted=tuple(row for row in result.posted if row["id"] in only))


def _search(ws: Workspace, text: str, codes: tuple[str, ...], filters: dict[str, object], *, limit: int,
            offset: int, sort: Sort, facets: bool, taxonomy: Taxonomy | None, allow_empty: bool) -> SearchResult:
    if taxonomy is not None:   # item:Ⅲ-77 in the query is that edition's code too, as --item is
        codes += tuple(c for c in parse_query(text, **filters).items if c not in codes)
    if taxonomy is None or not codes:
        query = parse_query(text, **filters, **({"items": codes} if codes else {}))
        require_searchable(query, allow_empty=allow_empty)
        return run_query(ws, query, limit=limit, offset=offset, sort=sort, facets=facets)
    from dangan.archive.evidence import evidence_ids

    allowed = evidence_ids(ws, taxonomy, codes)
    parsed = parse_query(text, **filters)
    require_searchable(parsed)
    query = replace(parsed, items=())
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


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(detail=f"--limit {limit} 不在 1–{MAX_LIMIT} 之间", hint="例：--limit 20")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadQuery(detail=f"--offset {offset} 不在 0–{MAX_OFFSET} 之间", hint="例：--offset 20（跳过前 20 条）")


def run_query(ws: Workspace, query: Query, *, limit: int = 10, offset: int = 0,
              sort: Sort = "relevance", facets: bool = False) -> SearchResult:
    check_page(limit, offset)
    backend = open_index(ws)
    try:
        ranked = backend.search(query, limit=limit, offset=offset, sort=sort)
        strict_total, used = ranked.total, query
        found: tuple[Part, ...] = ()
        if not strict_total:   # nothing holds every term: most of them, said so (loose.py)
            ranked, used, found = _relaxed(backend, query, limit=limit, offset=offset, sort=sort) or (ranked, query, ())
        facet_counts = _facets(ws, backend, used) if facets else {}
        undated = _undated(backend, used)
        undated_ids = _undated_ids(backend, used) if undated else []
        ids = [doc_id for doc_id, _ in ranked.hits]
        with Catalog(ws.catalog_path) as catalog:
            docs = catalog.get_many(ids, with_text=True)
            pictures = catalog.picture_texts(ids)   # 图片文字: indexed with the text, shown where it holds the hit
            paths = catalog.first_paths(ids)
            parents = filed_in(catalog.conn, ids)   # an OFD's attachment is listed as one, with its 件
            posted = posted_in_range(catalog, undated_ids, query.date_from, query.date_to) if undated_ids else []
        first = docs.get(ids[0]) if ids and strict_total else None
        top = compact(search_text(first.text or "")) if first is not None else None   # once, not once a term
        suggestions = _suggestions(backend, query, strict_total, top)
        suggestions += _date_suggestions(backend, query, strict_total, top)
        loose = _loose(backend, query) if ranked.total else ()
    finally:
        backend.close()
    needles = query.needles()
    hits = []
    for doc_id, score in ranked.hits:
        doc = docs.get(doc_id)
        if doc is None:  # index ahead of catalog: `dangan check` reports it
            continue
        text = snippet_of(doc.text, needles)
        name, matched_in = _matched_in(doc, needles, text)
        if needles and "text" not in matched_in and OPEN in (seen := snippet_of(pictures.get(doc_id, ""), needles)):
            text, matched_in = PICTURE_MARK + seen, (*matched_in, "pictures")
        hits.append(SearchHit(
            id=doc_id, score=round(score, 4), title=doc.title, doc_type=doc.doc_type,
            doc_number=doc.doc_number, issuer=doc.issuer, doc_date=doc.doc_date,
            path=paths.get(doc_id), snippet=text, name=name, matched_in=matched_in,
            attachment_of=parents.get(doc_id), missing=_missing(doc, pictures.get(doc_id, ""), found)))
    relaxed = None
    if found:
        relaxed = {"required": used.at_least, "parts": [p.label for p in found],
                   "unmatched": list(hits[0].missing) if hits else []}
    return SearchResult(total=ranked.total, hits=tuple(hits), facets=facet_counts, offset=offset,
                        undated=undated, suggestions=suggestions, loose=loose, posted=tuple(posted),
                        relaxed=relaxed)


def _relaxed(backend: IndexBackend, query: Query, *, limit: int, offset: int,
             sort: Sort) -> tuple[Ranked, Query, tuple[Part, ...]] | None:
    """The looser pass: all parts but one, then fewer, never under half (loose.levels); None when even that
    finds nothing or the query has fewer than two parts."""
    found = parts(query)
    for at_least in levels(len(found)):
        looser = loosened(query, found, at_least)
        ranked = backend.search(looser, limit=limit, offset=offset, sort=sort)
        if ranked.total:
            return ranked, looser, found
    return None


def _missing(doc: Document, pictures: str, found: tuple[Part, ...]) -> tuple[str, ...]:
    """The parts of a looser pass's query that this document does not hold anywhere it is searched."""
    if not found:
        return ()
    where = (doc.text or "", doc.title or "", doc.issuer or "", doc.doc_number or "", file_stem(doc.original_name), pictures)
    return unmatched(found, compact(search_text("\n".join(where))))


def _matched_in(doc: Document, needles: list[str], snippet: str) -> tuple[str, tuple[str, ...]]:
    """The file name with the terms it holds marked ("" when it holds none), and where the
    terms were found: "text" (the snippet marks them), "title", "issuer" (发文机关), "number" (文号),
    "name" — a hit found by its file name alone says so (a clerk typed 第二次修订稿 from the name,
    not from the text), as one found by the 发文机关 its seal names and its text does not."""
    if not needles:
        return "", ()
    where = ["text"] if OPEN in snippet else []
    if doc.title and needle_in(doc.title, needles):
        where.append("title")
    spans = [n for n in needles if len(units(n)) > 1]   # as the index finds them there: no lone 局 of a word
    for field, value in (("issuer", doc.issuer), ("number", doc.doc_number)):
        if value and needle_in(value, spans):
            where.append(field)
    name = ""
    if needle_in(file_stem(doc.original_name), needles):
        name = make_snippet(doc.original_name, needles, width=3 * len(doc.original_name) + 3)   # whole
        where.append("name")
    return name, tuple(where)


def needle_in(text: str, needles: list[str]) -> bool:
    flat = compact(search_text(text))
    return any(needle_pattern(n).search(flat) for n in needles)


@runtime_checkable
class MatchingIds(Protocol):
    """A backend whose facets are counted in the catalog (Whoosh)."""

    facets_from_catalog: bool

    def matching_ids(self, query: Query) -> list[int]: ...


def _facets(ws: Workspace, backend: IndexBackend, query: Query) -> dict[str, dict[str, int]]:
    """The backend's own counts, or (Whoosh: grouping there costs a search per field) one
    GROUP BY per field in the catalog over the matching ids."""
    if not (isinstance(backend, MatchingIds) and backend.facets_from_catalog):
        return backend.facets(query)
    ids = backend.matching_ids(query)
    with Catalog(ws.catalog_path) as catalog:
        return catalog.facet_counts(ids)


def _undated(backend: IndexBackend, query: Query) -> int | None:
    """With a date filter: how many documents would match without it but have no date."""
    if not (query.date_from or query.date_to):
        return None
    return backend.search(replace(query, date_from=None, date_to=None, undated=True), limit=1).total


def _undated_ids(backend: IndexBackend, query: Query) -> list[int]:
    """The undated matches a date filter left out (the best MAX_LIMIT): those with a 网页发布时间 in the range are
    named, as `year:2022` keeps to the 成文日期 (a web copy's posting day is the site's, not the document's)."""
    ranked = backend.search(replace(query, date_from=None, date_to=None, undated=True), limit=MAX_LIMIT)
    return [doc_id for doc_id, _ in ranked.hits]


def _suggestions(backend: IndexBackend, query: Query, total: int,
                 top: str | None) -> tuple[dict[str, Any], ...]:
    """Spellings the index holds, for each term it does not hold as a span.

    With no hits, every term the index lacks; with hits, a bare term of several
    words that is nowhere a phrase (the top hit would hold it: phrases rank first),
    since its hits are only the words scattered (垃圾分累 → 垃圾 … 分累). A term of
    real words that no document holds together may be a slip into another word
    (水土保护 for 水土保持): for it suggest.py proposes only single dictionary words,
    which keeps the look-up cheap, and nothing for words the archive holds apart.
    """
    lacking = []
    for term in query.typed:
        if len(term.units) < 2:
            continue
        if total == 0:
            if backend.span_count(term.text) == 0:
                lacking.append(term)
        elif not term.quoted and top is not None and not any(_holds(top, t.compact) for t in (term, *query.spelled(term))):
            if backend.span_count(term.text) == 0:
                lacking.append(term)
    out: list[dict[str, Any]] = []
    typed = search_text(query.raw)
    for term in lacking:
        for s in suggest(backend, term.text):
            out.append({**s.to_dict(), "query": typed.replace(term.text, s.replacement, 1)
                        if term.text in typed else s.replacement})
    return tuple(out)


def _loose(backend: IndexBackend, query: Query) -> tuple[dict[str, str], ...]:
    """Bare terms written with marks (〔2023〕, 余府发〔2023〕3号) that no document holds as written:
    their hits hold only the words, which the result must say."""
    out = []
    for term in query.typed:
        words_only = "".join(u for u in term.units if any(ch.isalnum() for ch in u))
        if term.quoted or words_only == "".join(term.units) or not words_only:
            continue
        if backend.span_count(term.text) == 0:
            out.append({"term": term.text, "words": words_only})
    return tuple(out)


def _date_suggestions(backend: IndexBackend, query: Query, total: int,
                      top: str | None) -> tuple[dict[str, Any], ...]:
    """A day typed as text finds only that spelling (2012年1月9日 misses 二〇一二年一月九日): with
    no hits, or bare words only scattered (2012年 … 1月 … 9日), the 成文日期 filter for that day
    and the other spelling, when the archive holds them."""
    from datetime import date

    from dangan.errors import InvalidDate
    from dangan.text.dates import parse_date_strict, written_forms

    if query.date_from or query.date_to:
        return ()
    out: list[dict[str, Any]] = []
    for term in query.typed:
        if total and (term.quoted or top is None or _holds(top, term.compact)):
            continue
        try:
            day: date = parse_date_strict(term.text)
        except InvalidDate:
            continue
        iso = day.isoformat()
        dated = backend.search(Query(date_from=iso, date_to=iso), limit=1).total
        if dated:
            out.append({"term": term.text, "replacement": f"date:{iso}", "kind": "成文日期",
                        "documents": dated, "query": f"date:{iso}"})
        for other in written_forms(day):
            if compact(search_text(other)) != term.compact and (held := backend.span_count(other)):
                out.append({"term": term.text, "replacement": other, "kind": "日期的另一种写法",
                            "documents": held, "query": f'"{other}"'})
    return tuple(out)


def _holds(flat: str, needle: str) -> bool:
    """`flat`: the top hit's text as compact search text (made once a search: a report's text normalised
    again for each term and each of its spellings cost more than the search itself)."""
    return needle_pattern(needle).search(flat) is not None
