"""Whoosh's read path: kept searchers never answer from an older index; spans and date
filters match what a plain scan of the same texts finds (IndexDocs of real corpus texts)."""
from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.index.analyzer import compact
from dangan.index.base import IndexDoc
from dangan.index.query import parse_query
from dangan.index.whoosh_backend import WhooshBackend
from dangan.read.extract.text import decode_text
from dangan.text.normalize import search_text

STATE = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
YEARS = ("2018", "2019", "2021", "2022", "2023", "2024")


def reports() -> list[IndexDoc]:
    return list(_reports())


@cache
def _reports() -> tuple[IndexDoc, ...]:
    """Decoded and normalised once per process (IndexDoc is frozen)."""
    docs = []
    for n, year in enumerate(YEARS, start=1):
        raw = decode_text((STATE / f"{year}年中华人民共和国国务院政府工作报告.txt").read_bytes())[0]
        docs.append(IndexDoc(id=n, text=search_text(raw), title=f"{year}年政府工作报告",
                             doc_type="报告", doc_date=f"{year}-03-0{n}"))
    return tuple(docs)


def build(folder: Path, docs: list[IndexDoc], batches: int = 3) -> WhooshBackend:
    backend = WhooshBackend(folder)
    size = -(-len(docs) // batches)
    for start in range(0, len(docs), size):   # several segments, as batches of an ingest make
        backend.add(docs[start:start + size])
    return backend


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The six reports indexed once per module, in three batches (three segments)."""
    folder = tmp_path_factory.mktemp("whoosh-search") / "ix"
    build(folder, reports()).close()
    return folder


@pytest.fixture
def ix(built: Path, tmp_path: Path) -> Path:
    """This test's own copy of the built index: whatever a test does to it stays here."""
    return Path(shutil.copytree(built, tmp_path / "ix"))


def hits(folder: Path, text: str) -> set[int]:
    backend = WhooshBackend(folder)
    try:
        return {doc_id for doc_id, _ in backend.search(parse_query(text), limit=50).hits}
    finally:
        backend.close()


def test_a_kept_searcher_sees_the_next_commit(tmp_path: Path) -> None:
    docs = reports()
    build(tmp_path / "ix", docs[:3]).close()
    assert hits(tmp_path / "ix", '"减税降费"') <= {1, 2, 3}   # the searcher goes back to the pool
    backend = WhooshBackend(tmp_path / "ix")
    backend.add(docs[3:])
    backend.close()
    assert hits(tmp_path / "ix", "year:2024 报告") == {6}


def test_a_rebuilt_folder_at_the_same_generation_is_not_read_through_a_kept_searcher(tmp_path: Path) -> None:
    docs = reports()
    build(tmp_path / "ix", docs[:3]).close()
    assert hits(tmp_path / "ix", "year:2018 报告") == {1}
    build(tmp_path / "beside", docs[3:]).close()   # what reindex builds beside and swaps in
    shutil.rmtree(tmp_path / "ix")
    (tmp_path / "beside").rename(tmp_path / "ix")
    assert hits(tmp_path / "ix", "year:2018 报告") == set()
    assert hits(tmp_path / "ix", "year:2024 报告") == {6}


@pytest.mark.parametrize("span", ["减税降费", "高质量发展", "稳中求进工作总基调", "国内生产总值增长",
                                  "5.2%", "新型城镇化", "城镇新增就业", "人民群众"])
def test_spans_and_totals_match_a_scan_of_the_texts(ix: Path, span: str) -> None:
    docs = reports()
    backend = WhooshBackend(ix)
    try:
        want = {d.id for d in docs if re.search(r"(?<![\d.])" + re.escape(compact(span)) + r"(?!\.?\d)"
                                                if span[0].isdigit() else re.escape(compact(span)),
                                                compact(d.text))}
        ranked = backend.search(parse_query(f'"{span}"'), limit=50)
        assert {doc_id for doc_id, _ in ranked.hits} == want and ranked.total == len(want), span
        assert set(backend.matching_ids(parse_query(f'"{span}"'))) == want
        assert backend.span_count(span) == len(want)
    finally:
        backend.close()


@pytest.mark.parametrize(("query", "want"), [("date:2021", {3}), ("from:2019 to:2021", {2, 3}),
                                              ("from:2021-03-03 to:2023-03-05", {3, 4, 5}),
                                              ("to:2018-03-01", {1}), ("from:2024-03-07", set())])
def test_date_filters_by_year_terms_or_the_date_column(ix: Path, query: str, want: set[int]) -> None:
    backend = WhooshBackend(ix)
    try:
        ranked = backend.search(parse_query(f"报告 {query}"), limit=50)
        assert {doc_id for doc_id, _ in ranked.hits} == want and ranked.total == len(want)
    finally:
        backend.close()



def _with_a_table_title() -> list[IndexDoc]:
    """The reports and a short document holding a phrase cut from a table title."""
    return [*reports(), IndexDoc(id=99, text=search_text("……一般公共预算财政拨款支出决算表 附件说明 财政拨款"),
                                 title="某单位决算", doc_type="报告", doc_date="2024-08-01")]


@pytest.fixture(scope="module")
def two_cuts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reports and the table title indexed twice: in one commit, and with the short
    document committed alone in a small last segment (the last file of an ingest)."""
    folder = tmp_path_factory.mktemp("whoosh-cuts")
    docs = _with_a_table_title()
    one = WhooshBackend(folder / "one")
    one.add(docs)
    one.close()
    alone = WhooshBackend(folder / "last alone")
    alone.add(docs[:-1])
    alone.add(docs[-1:])
    alone.close()
    return folder


@pytest.mark.parametrize("text", ['"稳中求进工作总基调"', "稳中求进工作总基调", "城镇新增就业 减税降费",
                                  "算财政拨款支出决"])
def test_scores_do_not_depend_on_how_the_index_is_cut_into_segments(two_cuts: Path, tmp_path: Path,
                                                                     text: str) -> None:
    """A span is scored with the whole index's statistics. A document committed alone in a
    small segment (the last file of an ingest) once got a near-zero idf for its spans, and a
    bare phrase found whole in it ranked below documents holding only its words."""
    ranked = {}
    for cut in ("one", "last alone"):
        backend = WhooshBackend(Path(shutil.copytree(two_cuts / cut, tmp_path / cut)))
        try:
            assert backend.search(parse_query(text), limit=50).hits
            ranked[cut] = dict(backend.search(parse_query(text), limit=50).hits)
        finally:
            backend.close()
    assert ranked["one"] == pytest.approx(ranked["last alone"], rel=1e-6)
    if text == "算财政拨款支出决":
        assert max(ranked["last alone"], key=ranked["last alone"].get) == 99


@pytest.mark.parametrize("read", ["doc_freq", "terms_with_prefix", "index_chars"])
def test_vocabulary_reads_retry_when_a_commit_pulls_a_segment_away(ix: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   read: str) -> None:
    """Suggestions read the term tables while the watcher may commit: the first reader's
    segment files vanish (FileNotFoundError from Whoosh), the read reopens and answers."""
    docs = reports()
    backend = WhooshBackend(ix)
    calls = {"n": 0}
    real_reader = WhooshBackend._reader

    def vanishing(self: WhooshBackend) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise FileNotFoundError(2, "No such file or directory", "_MAIN_3.toc")
        return real_reader(self)

    monkeypatch.setattr(WhooshBackend, "_reader", vanishing)
    try:
        answer = {"doc_freq": lambda: backend.doc_freq("chars", "政"),
                  "terms_with_prefix": lambda: backend.terms_with_prefix("grams", "减税"),
                  "index_chars": backend.index_chars}[read]()
    finally:
        backend.close()
    assert calls["n"] >= 2
    if read == "doc_freq":
        assert answer == len(docs)
    else:
        assert ("减税" if read == "terms_with_prefix" else "政") in answer


def test_opening_survives_a_toc_a_commit_just_deleted(ix: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search opening the index while the watcher commits: the TOC it listed is gone when it
    reads it (FileNotFoundError from Whoosh); the open retries and sees the next generation."""
    from whoosh import index as whoosh_index

    real_open = whoosh_index.open_dir
    calls = {"n": 0}

    def vanishing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise FileNotFoundError(2, "No such file or directory", "_MAIN_0.toc")
        return real_open(*args, **kwargs)

    monkeypatch.setattr(whoosh_index, "open_dir", vanishing)
    backend = WhooshBackend(ix)
    try:
        assert calls["n"] == 2 and backend.count() == len(reports())
    finally:
        backend.close()


@pytest.mark.parametrize("kept, excluded", [("新质生产力", "改革"), ("减税降费", "改革"), ("高质量发展", "人民"),
                                            ("文明", "报告"), ("疫情", "发展")])
def test_an_excluded_word_removes_every_document_holding_it(ix: Path, kept: str, excluded: str) -> None:
    """Whoosh's AndNot checked a segment's first hit against the excluded word only when both
    started on the same document: `文明 -报告` kept 2026年浙江省政府工作报告 (the first 文明
    document of its segment, after a 报告 one). Same result as a scan of the texts."""
    def scan(word: str) -> set[int]:
        return {d.id for d in reports() if compact(word) in compact(d.text) or compact(word) in d.title}

    backend = WhooshBackend(ix)
    try:
        ranked = backend.search(parse_query(f'"{kept}" -{excluded}'), limit=50)
        want = scan(kept) - scan(excluded)
        assert {doc_id for doc_id, _ in ranked.hits} == want and ranked.total == len(want)
    finally:
        backend.close()
