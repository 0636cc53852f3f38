"""Our query model (query.py) as a Whoosh query: spans over unit bigrams, words, fields.

The same translation as tantivy_query.py for the other backend.
"""
from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.matching import AndNotMatcher

from dangan.index.analyzer import phrase_grams, units
from dangan.index.base import NAME_BOOST, NUMBER_IN_TITLE, ORGAN_FIELDS, TYPE_HINT, YEAR_HINT
from dangan.index.query import Query, Term, words
from dangan.index.whoosh_atleast import AtLeast
from dangan.index.whoosh_fields import TITLE_BOOST
from dangan.index.whoosh_filters import date_filter
from dangan.index.whoosh_phrase import UnitSpan
from dangan.text.normalize import search_text
from dangan.text.organs import organ_forms

PHRASE_BOOST = 4.0   # a bare query found as a phrase ranks above scattered words
# ORGAN_FIELDS (base.py): a one-bigram match gets the title's weight here (the title's is in its postings: its
# field_boost multiplies each bigram's frequency); a longer span in the title or an organ field is weighed
# TITLE_BOOST times the body's, as Tantivy weighs them. (UnitSpan counts positions, which carry no field_boost:
# it scored a span in the title as one in the body, and 第十四届全国人民代表大会第二次会议, a resolution's
# 发文机关, weighed half Tantivy's, below budget reports that print 十四届人大二次会议: findit3, bench/README.md.)


def to_whoosh(query: Query, *, scored: bool = True) -> wq.Query:
    """The query for Whoosh; `scored=False` leaves out the phrase boosts (same documents)."""
    musts: list[wq.Query] = []
    boosts: list[wq.Query] = []
    for group in query.groups:
        parts = [_term(term) for term in group]
        musts.append(parts[0][0] if len(parts) == 1 else wq.Or([must for must, _ in parts]))
        boosts.extend(b for _, boost in parts for b in boost)
    if 0 < query.at_least < len(musts):   # the looser pass (loose.py): at least so many groups, not all
        musts = [AtLeast(musts, query.at_least)]
    boosts.extend(_hints(query))
    musts.extend(_filters(query))
    if not musts:
        musts.append(wq.Every())
    main: wq.Query = wq.And(musts) if len(musts) > 1 else musts[0]
    if boosts and scored:
        main = wq.AndMaybe(main, wq.Or(boosts))
    negated = [_span(t.text) for t in query.negated]
    if negated:
        main = AndNot(main, wq.Or(negated))
    return main


class _AndNotMatcher(AndNotMatcher):
    """Whoosh's, with its first document checked against the excluded ones in every case.

    Whoosh (2.7, whoosh-reloaded 2.7.5) checks the first document only when the excluded
    matcher starts on that very document: when its first document is an earlier one, the
    first hit is kept though it holds the excluded word. `文明 -报告` kept 2026年浙江省政府
    工作报告 (the first 文明 document of its segment; the first 报告 one is earlier)."""

    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class AndNot(wq.AndNot):
    """`a` without the documents of `b`, by the matcher above."""

    def matcher(self, searcher: Any, context: Any = None) -> _AndNotMatcher:   # whoosh's searcher, context
        return _AndNotMatcher(self.a.matcher(searcher, context), self.b.matcher(searcher, searcher.boolean_context()))


def _term(term: Term) -> tuple[wq.Query, list[wq.Query]]:
    whole = _span(term.text)
    if term.quoted or len(term.units) <= 2:
        return whole, []
    parts = [w for w in words(term.text) if w]
    if len(parts) <= 1:
        return whole, []
    # Its words anywhere, or the term whole: in a short field a one-character word is not a unit of its own
    # (局 of 自然资源局 in the 发文机关 is only inside bigrams), so `周村区自然资源局` must also match as a span there.
    # The whole scores nothing here: its phrase boost below ranks it, as before.
    must = wq.Or([wq.And([_span(w) for w in parts]), wq.ConstantScoreQuery(whole, 0.0)])
    return must, [_boosted(whole, PHRASE_BOOST)]


def _span(text: str) -> wq.Query:
    """Match a span of units exactly, in the body, the title, the 发文机关 or the 文号 (these two weighed as
    the title) or (two units or more) the file name."""
    us = units(text)
    if not us:
        return wq.NullQuery
    if len(us) == 1:
        numbers = [_number_in("title", us[0], NUMBER_IN_TITLE), _number_in("name", us[0], NUMBER_IN_TITLE * NAME_BOOST)]
        return wq.Or([wq.Term("chars", us[0]), wq.Term("title", us[0]),
                      *(wq.Term(f, us[0], boost=TITLE_BOOST) for f in ORGAN_FIELDS),
                      *(numbers if us[0][0].isdigit() else ())])
    grams = phrase_grams(text)
    if len(grams) == 1:
        return wq.Or([wq.Term("grams", grams[0]), wq.Term("title", grams[0]),
                      wq.Term("name", grams[0], boost=NAME_BOOST),
                      *(wq.Term(f, grams[0], boost=TITLE_BOOST) for f in ORGAN_FIELDS)])
    return wq.Or(list(span_leaves(grams)))


def span_leaves(grams: list[str]) -> tuple[UnitSpan, ...]:
    """A span of two bigrams or more, as `_span` matches it: one UnitSpan a field (the backend's
    `span_count` counts their documents without Whoosh's union matcher)."""
    return (UnitSpan("grams", grams), UnitSpan("title", grams, TITLE_BOOST), UnitSpan("name", grams, NAME_BOOST),
            *(UnitSpan(f, grams, TITLE_BOOST) for f in ORGAN_FIELDS))


def _number_in(field: str, number: str, score: float) -> wq.Query:
    """A number as a unit of a bigram field: the bigrams it starts (1982年, 2024_5 …), not 19821年; at a constant
    score. (Whoosh's Regex drops its boost when the pattern names one term, scoring it by BM25 (2003年 in a
    title: 6.8, not 25), and scores several as their BM25 sum: a constant must be asked for.)"""
    return wq.ConstantScoreQuery(wq.Regex(field, re.escape(number) + r"(?:[^0-9].*)?$"), score)


def _hints(query: Query) -> list[wq.Query]:
    # a document of the year: dated in it, else titled with it (a report of 1982 dated nowhere but its title)
    out: list[wq.Query] = [wq.DisjunctionMax([wq.ConstantScoreQuery(wq.Term("year", y), YEAR_HINT),
                                              _number_in("title", y, YEAR_HINT)]) for y in query.years]
    out += [wq.ConstantScoreQuery(wq.Term("doc_type", t), TYPE_HINT) for t in query.types]
    return out


def _boosted(q: wq.Query, boost: float) -> wq.Query:
    q = q.copy()
    q.boost = boost
    return q


def _filters(query: Query) -> list[wq.Query]:
    out: list[wq.Query] = []
    if query.doc_type:
        out.append(wq.Term("doc_type", query.doc_type))
    if query.issuer:   # the name as typed or any spelling it stands for (文明办 → …精神文明建设委员会办公室)
        either: list[wq.Query] = []
        for form in organ_forms(query.issuer):
            grams = phrase_grams(search_text(form))   # the field holds the name as search text
            either += [wq.Term("issuer", form),
                       UnitSpan("issuer_grams", grams) if len(grams) > 1 else wq.Term("issuer_grams", grams[0])]
        out.append(wq.Or(either))
    if query.doc_number:   # exact, or a span of it (〔2023〕): a phrase, not a wildcard scan
        out.append(wq.Or([wq.Term("doc_number", query.doc_number), _span_in("number_grams", query.doc_number)]))
    for item in query.items:
        out.append(wq.Or([wq.Term("items", item), wq.Prefix("items", f"{item}.")]))
    if query.title:
        out.append(_span_in("title", query.title))
    if query.date_from or query.date_to:
        out.append(date_filter(query.date_from, query.date_to))
    if query.undated:
        out.append(wq.Term("dated", "0"))
    return out


def _span_in(field: str, text: str) -> wq.Query:
    grams = phrase_grams(search_text(text))
    if not grams:
        return wq.NullQuery
    return UnitSpan(field, grams) if len(grams) > 1 else wq.Term(field, grams[0])
