"""Our query model (query.py) as a tantivy query: the same translation as whoosh_query.to_whoosh.

    quoted term      phrase over bigrams, in the body or (boosted) the title, 发文机关 or 文号 or (weighed down)
                     the file name
    bare term        AND of its jieba words, each a span, or the whole term as a span; found whole, it ranks first
    one character    the unigram field (or a one-character title, 发文机关 or 文号)
    filters          exact terms, fast-field ranges; scored 0 so they never change the ranking
    -term            must not occur as a span
"""
from __future__ import annotations

import re

import tantivy
from tantivy import Occur
from tantivy import Query as TQ

from dangan.index.analyzer import phrase_grams, units
from dangan.index.base import NAME_BOOST, NUMBER_IN_TITLE, ORGAN_FIELDS, TYPE_HINT, YEAR_HINT
from dangan.index.query import Query, Term, words
from dangan.text.normalize import search_text
from dangan.text.organs import organ_forms

PHRASE_BOOST = 4.0   # as whoosh_backend: a bare query found as a phrase ranks above scattered words
TITLE_BOOST = 2.0
_REGEX_META = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")


def to_tantivy(query: Query, schema: tantivy.Schema) -> TQ:
    musts: list[TQ] = []
    shoulds: list[TQ] = []
    for group in query.groups:
        parts = [_term(schema, term) for term in group]
        musts.append(parts[0][0] if len(parts) == 1 else _any(*(must for must, _ in parts)))
        shoulds.extend(b for _, boost in parts for b in boost)
    if 0 < query.at_least < len(musts):   # the looser pass (loose.py): at least so many groups, not all
        musts = [TQ.boolean_query([(Occur.Should, q) for q in musts], minimum_number_should_match=query.at_least)]
    shoulds.extend(_hints(query, schema))
    musts.extend(TQ.const_score_query(f, 0.0) for f in filters(query, schema))
    clauses = [(Occur.Must, q) for q in musts] or [(Occur.Must, TQ.all_query())]
    clauses += [(Occur.Should, q) for q in shoulds]
    clauses += [(Occur.MustNot, span(schema, t.text)) for t in query.negated]
    if len(clauses) == 1 and not shoulds:
        return clauses[0][1]
    return TQ.boolean_query(clauses)


def _term(schema: tantivy.Schema, term: Term) -> tuple[TQ, list[TQ]]:
    whole = span(schema, term.text)
    if term.quoted or len(term.units) <= 2:
        return whole, []
    parts = [w for w in words(term.text) if w]
    if len(parts) <= 1:
        return whole, []
    words_ = TQ.boolean_query([(Occur.Must, span(schema, w)) for w in parts])
    # or the term whole (as whoosh_query._term: a one-character word of a 发文机关 is only inside its bigrams)
    must = _any(words_, TQ.const_score_query(whole, 0.0))
    return must, [TQ.boost_query(whole, PHRASE_BOOST)]


def span(schema: tantivy.Schema, text: str) -> TQ:
    """Match a span of units exactly, in the body, the title, the 发文机关 or the 文号 (these three weighed
    alike) or (two units or more) the file name."""
    us = units(text)
    if not us:
        return TQ.empty_query()
    if len(us) == 1:
        numbers = [_number_in(schema, "title", us[0], NUMBER_IN_TITLE),
                   _number_in(schema, "name", us[0], NUMBER_IN_TITLE * NAME_BOOST)] if us[0][0].isdigit() else []
        return _any(TQ.term_query(schema, "chars", us[0]),
                    *(TQ.boost_query(TQ.term_query(schema, f, us[0]), TITLE_BOOST) for f in ("title", *ORGAN_FIELDS)),
                    *numbers)
    return _any(_phrase(schema, "grams", text), TQ.boost_query(_phrase(schema, "name", text), NAME_BOOST),
                *(TQ.boost_query(_phrase(schema, f, text), TITLE_BOOST) for f in ("title", *ORGAN_FIELDS)))


def _phrase(schema: tantivy.Schema, field: str, text: str) -> TQ:
    grams = phrase_grams(text)
    if not grams:
        return TQ.empty_query()
    if len(grams) == 1:
        return TQ.term_query(schema, field, grams[0])
    words: list[str | tuple[int, str]] = list(grams)   # the stub's list type (words may carry positions)
    return TQ.phrase_query(schema, field, words)


def _number_in(schema: tantivy.Schema, field: str, number: str, score: float) -> TQ:
    """A number as a unit of a bigram field (as whoosh_query._number_in): 1982年, not 19821年."""
    return TQ.const_score_query(TQ.regex_query(schema, field, regex_escape(number) + "(?:[^0-9].*)?"), score)


def _hints(query: Query, schema: tantivy.Schema) -> list[TQ]:
    out = [TQ.disjunction_max_query([TQ.const_score_query(TQ.term_query(schema, "year", y), YEAR_HINT),
                                     _number_in(schema, "title", y, YEAR_HINT)]) for y in query.years]
    return out + [TQ.const_score_query(TQ.term_query(schema, "doc_type", t), TYPE_HINT) for t in query.types]


def _any(*queries: TQ) -> TQ:
    return TQ.boolean_query([(Occur.Should, q) for q in queries])


def filters(query: Query, schema: tantivy.Schema) -> list[TQ]:
    out: list[TQ] = []
    if query.doc_type:
        out.append(TQ.term_query(schema, "doc_type", query.doc_type))
    if query.issuer:   # the name as typed or any spelling it stands for (文明办 → …精神文明建设委员会办公室)
        out.append(_any(*(q for form in organ_forms(query.issuer)
                          for q in (TQ.term_query(schema, "issuer", form), _phrase(schema, "issuer_grams", search_text(form))))))
    if query.doc_number:
        out.append(_any(TQ.term_query(schema, "doc_number", query.doc_number),
                        TQ.regex_query(schema, "doc_number", f".*{regex_escape(query.doc_number)}.*")))
    for item in query.items:
        out.append(_any(TQ.term_query(schema, "items", item),
                        TQ.regex_query(schema, "items", f"{regex_escape(item)}\\..*")))
    if query.title:
        out.append(_phrase(schema, "title", search_text(query.title)))
    if query.date_from or query.date_to:
        low = ymd(query.date_from) if query.date_from else 1
        high = ymd(query.date_to) if query.date_to else 99_999_999
        out.append(TQ.range_query(schema, "date", tantivy.FieldType.Unsigned, max(low, 1), high))
    if query.undated:
        out.append(TQ.range_query(schema, "date", tantivy.FieldType.Unsigned, 0, 0))
    return out


def regex_escape(text: str) -> str:
    """Escape for tantivy's regex (Rust regex-syntax): only its meta characters."""
    return _REGEX_META.sub(r"\\\1", text)


def ymd(iso: str) -> int:
    """'2022-03-26' → 20220326, '2022-03' → 20220300; 0 when there is no year."""
    digits = re.sub(r"\D", "", iso or "")
    if len(digits) < 4:
        return 0
    return int(digits[:8].ljust(8, "0"))
