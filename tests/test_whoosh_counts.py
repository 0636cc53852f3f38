"""Whoosh's counts the suggester asks for, read more cheaply than Whoosh reads them, must be
Whoosh's: a bigram's document count (its own hash lookup over the mapped term file) and a
span's document count (the union of its fields' span documents, no union matcher), on the
state council's reports indexed in three segments, one document deleted."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_whoosh_search import build, reports

from dangan.index.analyzer import compact, phrase_grams
from dangan.index.query import Query, Term
from dangan.index.whoosh_backend import WhooshBackend
from dangan.index.whoosh_terms import DocCounts

FIELDS = ("grams", "chars", "title", "name", "issuer_grams", "number_grams")


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three segments, then the 2021 report deleted (its postings stay in the term counts)."""
    folder = tmp_path_factory.mktemp("whoosh-counts") / "ix"
    backend = build(folder, reports())
    backend.delete([3])
    backend.close()
    return folder


def test_bigram_counts_are_whooshs_in_every_field(ix: Path, tmp_path: Path) -> None:
    backend = WhooshBackend(Path(shutil.copytree(ix, tmp_path / "ix")))
    try:
        reader = backend._reader()
        assert len(reader.leaf_readers()) == 3
        held = [t for c in "政府经济发展改革减税" for t in backend.terms_with_prefix("grams", c)]
        chars = backend.index_chars()
        absent = [a + b for a, b in zip(chars[::3], chars[1::5], strict=False)]
        assert len(held) > 300 and len(absent) > 300
        backend._walks = {}   # answered by the lookups, not by the walks just made
        for field in FIELDS:
            for term in [*held, *absent, "2023", "5.2%", "年", "报告", ""]:
                assert backend.doc_freq(field, term) == reader.doc_frequency(field, term), (field, term)
        assert sum(backend.doc_freq("grams", t) > 0 for t in absent) < len(absent)
    finally:
        backend.close()
    assert backend._mapped == {}


@pytest.mark.parametrize("span", ["减税降费", "高质量发展", "稳中求进工作总基调", "国内生产总值增长", "政府工作报告",
                                  "2021年政府工作", "新型城镇化", "人民群众", "减税降废", "城镇新增就业人数"])
def test_span_counts_are_whooshs_count_of_the_span_query(ix: Path, tmp_path: Path, span: str) -> None:
    backend = WhooshBackend(Path(shutil.copytree(ix, tmp_path / "ix")))
    try:
        searcher = backend._searcher()
        whooshs = len(list(searcher.docs_for_query(backend._query(Query(terms=(Term(span, quoted=True),)),
                                                                  scored=False))))
        assert len(phrase_grams(span)) >= 2
        assert backend.span_count(span) == whooshs
        texts = [d for d in reports() if d.id != 3]
        assert whooshs == sum(compact(span) in compact(d.text) or compact(span) in compact(d.title or "")
                              for d in texts)
    finally:
        backend.close()


def test_a_segment_not_laid_out_as_known_is_asked_of_whoosh(ix: Path, tmp_path: Path) -> None:
    backend = WhooshBackend(Path(shutil.copytree(ix, tmp_path / "ix")))
    try:
        leaf = backend._reader().leaf_readers()[0][0]
        counts = DocCounts.open(leaf, "grams")
        assert counts is not None and counts.mapped is not None
        assert counts("发展") == leaf.doc_frequency("grams", "发展") > 0
        counts.close()
        assert counts.mapped is None and counts("发展") == leaf.doc_frequency("grams", "发展")
        assert DocCounts.open(object(), "grams") is None
    finally:
        backend.close()
