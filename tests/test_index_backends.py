"""The index contract on IndexDocs built here, for every backend: add/replace/delete, staging,
fields, date ranges, facets, sorting, exact quoted numbers and marks, the writer lock."""
from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.errors import WorkspaceBusy
from dangan.index import analyzer, open_backend
from dangan.index.analyzer import compact, fold, phrase_grams, unigrams
from dangan.index.base import IndexBackend, IndexDoc, Sort
from dangan.index.grams import char_string, compact_fast, gram_string
from dangan.index.query import parse_query
from dangan.index.snippets import CLOSE, OPEN
from dangan.read.extract.text import decode_text
from dangan.text.normalize import search_text

BACKENDS = ("whoosh", "tantivy", "postgres")
LOCAL = ("whoosh", "tantivy")   # backends in a folder, with a writer lock of their own
REPORT_2024 = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025" / "2024年中华人民共和国国务院政府工作报告.txt"


def unit_docs() -> list[IndexDoc]:
    return [
        IndexDoc(1, search_text("关于开展生活垃圾分类工作的通知。3月底前完成，２０２２年考核。"),
                 title="生活垃圾分类通知", doc_type="通知", issuer="区创建办",
                 doc_number="区创建办发〔2022〕12号", doc_date="2022-03-26", items=("A05.01",)),
        IndexDoc(2, search_text("文明城市创建工作推进会议纪要，王主任主持。"), title="推进会纪要",
                 doc_type="纪要", issuer="区文明办", doc_number="区文明办〔2022〕3号",
                 doc_date="2022-09-01", items=("A01", "A05")),
        IndexDoc(3, search_text("二〇二一年工作总结：市容环境卫生整治。"), title="工作总结",
                 doc_type="总结", issuer="区文明办", doc_date="2021-12-31"),
        IndexDoc(4, search_text("照片说明：志愿者在社区清理垃圾。"), doc_type="照片"),
    ]


def open_named(request: pytest.FixtureRequest, folder: Path, name: str) -> IndexBackend:
    """A backend in `folder`; a PostgreSQL one in a schema of its own on the test server."""
    if name != "postgres":
        return open_backend(folder, name)
    schema = "t" + hashlib.sha1(str(folder).encode()).hexdigest()[:12]
    return open_backend(folder, name, database=request.getfixturevalue("pg_dsn"), pg_schema=schema)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IndexBackend]:
    opened = open_named(request, tmp_path / "ix", request.param)
    assert opened.add(unit_docs()) == 4
    yield opened
    opened.close()


def found(b: IndexBackend, text: str = "", **filters: object) -> set[int]:
    return {i for i, _ in b.search(parse_query(text, **filters), limit=100).hits}


def test_add_replace_delete_count_all_ids(backend: IndexBackend, tmp_path: Path,
                                         request: pytest.FixtureRequest) -> None:
    assert backend.count() == 4 and backend.all_ids() == {1, 2, 3, 4}
    changed = IndexDoc(2, search_text("通报：推进会后的整改情况"), doc_type="通报", doc_date="2022-10-01")
    assert backend.add([changed]) == 1
    assert backend.count() == 4 and backend.all_ids() == {1, 2, 3, 4}
    assert found(backend, "type:纪要") == set() and found(backend, "type:通报") == {2}
    assert found(backend, "王") == set() and found(backend, '"整改情况"') == {2}
    backend.delete([3, 99])
    assert backend.count() == 3 and backend.all_ids() == {1, 2, 4}
    backend.close()
    again = open_named(request, tmp_path / "ix", backend.name)
    assert again.count() == 3 and found(again, "整治") == set()
    again.close()


@pytest.mark.parametrize("name", BACKENDS)
def test_stage_commit_rollback(name: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """A batch stages documents as they come and commits once; nothing staged is seen before
    the commit, a document staged twice is one document, a rollback drops what was staged."""
    docs = unit_docs()
    fresh = open_named(request, tmp_path / "ix", name)
    try:
        assert fresh.stage(docs[:2]) == 2
        assert fresh.count() == 0
        fresh.stage([docs[2], IndexDoc(1, search_text("改过的第一件：背街小巷整治"), doc_type="通报")])
        fresh.commit()
        assert fresh.count() == 3 and fresh.all_ids() == {1, 2, 3}
        assert found(fresh, '"背街小巷"') == {1} and found(fresh, "type:通报") == {1}
        fresh.stage([docs[3], IndexDoc(2, search_text("不该留下的改动"))])
        fresh.rollback()
        assert fresh.all_ids() == {1, 2, 3} and found(fresh, '"不该留下"') == set()
        fresh.stage([IndexDoc(3, search_text("第三件改过：门前三包"))])   # replace a committed one
        fresh.commit()
        assert fresh.count() == 3 and found(fresh, '"门前三包"') == {3} and found(fresh, '"市容环境"') == set()
        assert fresh.add([docs[3]]) == 1 and fresh.all_ids() == {1, 2, 3, 4}
    finally:
        fresh.close()


def test_empty_index(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    for name in BACKENDS:
        empty = open_named(request, tmp_path / name, name)
        assert empty.count() == 0 and empty.all_ids() == set() and empty.add([]) == 0
        assert empty.search(parse_query("王")).total == 0
        if hasattr(empty, "matching_ids"):
            assert empty.matching_ids(parse_query("")) == []
        assert all(v == {} for v in empty.facets(parse_query("")).values())
        empty.close()


def test_spans_characters_digits(backend: IndexBackend) -> None:
    assert found(backend, '"圾分类工"') == {1}              # cut mid-word
    assert found(backend, '"通知3月底"') == {1}             # across the full stop, digits + CJK
    assert found(backend, "3月") == {1} and found(backend, '"2022年"') == {1}   # ２０２２ in the text
    assert found(backend, "王") == {2} and found(backend, "圾") == {1, 4}
    assert found(backend, '"推进会纪要"') == {2}            # the title only
    assert found(backend, "垃圾 -分类") == {4}
    assert found(backend, "生活垃圾分类") == {1}             # bare: words, phrase ranks first


def test_filters_on_fields(backend: IndexBackend) -> None:
    assert found(backend, "type:通知") == {1}
    assert found(backend, "issuer:区文明办") == {2, 3} and found(backend, "issuer:文明办") == {2, 3}
    assert found(backend, 'number:"〔2022〕12"') == {1}
    assert found(backend, "", doc_number="区文明办(2022)3号") == {2}
    assert found(backend, "item:A05") == {1, 2} and found(backend, "item:A05.01") == {1}
    assert found(backend, "item:A0") == set()
    assert found(backend, 'title:"垃圾分类"') == {1}
    assert found(backend, "工作 type:总结") == {3}


def test_date_ranges(backend: IndexBackend) -> None:
    assert found(backend, "from:2022-01-01 to:2022-12-31") == {1, 2}
    assert found(backend, "from:2022-03-27") == {2}
    assert found(backend, "to:2022-03-26") == {1, 3}
    assert found(backend, "date:2022-03") == {1} and found(backend, "date:2022-03-26") == {1}
    assert found(backend, "year:2021") == {3}
    assert found(backend, "from:1900-01-01") == {1, 2, 3}   # no date: outside every range


def test_facets_counts(backend: IndexBackend) -> None:
    facets = backend.facets(parse_query(""))
    assert facets["issuer"] == {"区文明办": 2, "区创建办": 1}
    assert facets["year"] == {"2022": 2, "2021": 1}
    assert facets["items"] == {"A01": 1, "A05": 1, "A05.01": 1}
    assert facets["doc_type"] == {"总结": 1, "照片": 1, "纪要": 1, "通知": 1}
    assert backend.facets(parse_query("垃圾"), ("doc_type",)) == {"doc_type": {"照片": 1, "通知": 1}}


def test_sort_by_date(backend: IndexBackend) -> None:
    def order(sort: Sort) -> list[int]:
        return [i for i, _ in backend.search(parse_query(""), limit=10, sort=sort).hits]

    assert order("date") == [2, 1, 3, 4]
    assert order("date_asc")[-3:] == [3, 1, 2]
    assert [i for i, _ in backend.search(parse_query(""), limit=2, offset=1, sort="date").hits] == [1, 3]


@pytest.mark.parametrize("cls_name", LOCAL)
def test_second_writer_waits_then_gives_up(tmp_path: Path, cls_name: str) -> None:
    from dangan.index.tantivy_backend import TantivyBackend
    from dangan.index.whoosh_backend import WhooshBackend

    cls = TantivyBackend if cls_name == "tantivy" else WhooshBackend
    first, second = cls(tmp_path / "ix"), cls(tmp_path / "ix", lock_timeout=0.3)
    writer = first._writer()
    with pytest.raises(WorkspaceBusy):
        second.add(unit_docs())
    if cls_name == "whoosh":
        writer.cancel()
    del writer   # tantivy: the lock goes with the last reference to the writer
    first.close()
    assert second.add(unit_docs()) == 4
    second.close()


def test_tantivy_pool_build_matches_in_process(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from dangan.index.tantivy_backend import TantivyBackend

    text = search_text(decode_text(REPORT_2024.read_bytes())[0])
    docs = [IndexDoc(i + 1, text[i * 400:(i + 1) * 400 + 40], doc_type="报告") for i in range(40)]
    pooled, plain = TantivyBackend(tmp_path / "p", workers=2, pool_after=8), TantivyBackend(tmp_path / "s")
    broken = TantivyBackend(tmp_path / "b", workers=2, pool_after=8)
    assert pooled.add(docs) == plain.add(docs) == 40
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))   # workers cannot start
    assert broken.add(docs) == 40
    for query in ("发展", '"高质量发展"', "民", "3月", "经济 -就业"):
        a, b, c = (x.search(parse_query(query), limit=50) for x in (pooled, plain, broken))
        assert a.total == b.total == c.total and a.total > 0, query
        assert {(i, round(s, 5)) for i, s in a.hits} == {(i, round(s, 5)) for i, s in b.hits}, query
    for backend in (pooled, plain, broken):
        backend.close()


# -- exact spans: numbers, Latin words and marks are units ---------------------
EXACT_TEXTS = {
    11: "全年国内生产总值增长5.3万亿元，居民消费价格上涨2.3%。",
    12: "财政赤字5.53万亿元，城镇调查失业率12.3%，2023年目标完成。",
    13: "余府发〔2012〕3号：PM2.5平均浓度下降，5G基站建成，GDP增长。成文日期2022-03-26。",
    14: "余府发[2012]3号抄送。pm25监测；5 g 网络；gdpr 条例；2022年3月26日印发；1,234.5亿元。",
    15: "发文字号余府发20123号；第5.3.1条；比率0.3%、0.35%；2022.03.26通过；covid-19防控。",
}


@pytest.fixture(params=BACKENDS)
def exact(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IndexBackend]:
    opened = open_named(request, tmp_path / "ix", request.param)
    opened.add([IndexDoc(i, search_text(t)) for i, t in EXACT_TEXTS.items()])
    yield opened
    opened.close()


@pytest.mark.parametrize(("query", "expected"), [
    ('"5.3万亿元"', {11}), ('"5.53万亿元"', {12}), ('"3万亿元"', set()),       # decimals
    ('"2.3%"', {11}), ('"12.3%"', {12}), ('"0.3%"', {15}), ('"0.35%"', {15}),  # percentages
    ('"2023"', {12}), ('"202"', set()), ("2.3", {11}),
    ('"〔2012〕3号"', {13, 14}), ('"余府发(2012)3号"', {13, 14}),                 # 文号 brackets
    ('"余府发［2012］3号"', {13, 14}), ('"20123号"', {15}), ('"2012"', {13, 14}),
    ('"2022-03-26"', {13}), ('"2022年3月26日"', {14}), ('"3月26日"', {14}),        # dates
    ('"2022.03.26"', {15}), ('"5.3.1"', {15}), ('"5.3"', {11}),
    ('"5G"', {13, 14}), ('"PM2.5"', {13}), ('"pm25"', {14}), ("GDP", {13}),        # Latin
    ('"GDPR"', {14}), ('"gdp增长"', {13}), ('"covid-19"', {15}), ('"1234.5亿元"', {14}),
    ('"1,234.5亿元"', {14}), ('"、0.35%"', {15}),
])
def test_quoted_spans_are_exact_with_numbers_and_marks(exact: IndexBackend, query: str,
                                                        expected: set[int]) -> None:
    assert found(exact, query) == expected


def test_snippets_mark_whole_numbers_only() -> None:
    from dangan.index.snippets import make_snippet

    text = "城镇调查失业率12.3%，居民消费价格上涨2.3%。"
    assert make_snippet(text, parse_query('"2.3%"').needles()).count(OPEN) == 1
    assert OPEN + "2.3%" + CLOSE in make_snippet(text, parse_query('"2.3%"').needles())
    assert OPEN + "ＰＭ２.５" + CLOSE in make_snippet("细颗粒物ＰＭ２.５浓度", ["pm2.5"])


def test_fold_is_the_folding_table_on_every_corpus_text() -> None:
    """fold (one str.replace per mark the text holds) must give what a translate table over every
    character gives, so units, compact and every snippet are the same as with the table."""
    table = str.maketrans({**{c: "(" for c in analyzer._OPEN}, **{c: ")" for c in analyzer._CLOSE},
                           **{c: "-" for c in analyzer._DASH}, "○": "〇"})
    marks = analyzer._OPEN + analyzer._CLOSE + analyzer._DASH + "○"
    every = f"〔2023〕{marks}【通知】[1]–2−3﹣4‐5‑6‒7（试行）［附件］〖A〗"
    assert fold(every) == every.translate(table) and fold(every) != every
    texts = [decode_text(p.read_bytes())[0] for p in sorted((CORPUS / "txt").rglob("*.txt"))]
    assert len(texts) > 50 and sum(any(m in t for m in marks) for t in texts) > 20
    for text in texts:
        assert fold(text) == text.translate(table)
        norm = search_text(text)
        assert fold(norm) == norm.translate(table)


def test_grams_are_the_analyzer_tokens() -> None:
    text = search_text("第一章，总则：Abc 2024年3月（试行）\n生活垃圾。王")
    assert compact_fast(text) == compact(text)
    assert gram_string(text).split() == phrase_grams(text)
    assert char_string(text).split() == unigrams(text)
    assert gram_string("王") == "王" and gram_string("，") == ""
