"""One contract for every index backend: the search requirements (spans cut anywhere, both scripts, fields).

Each backend gets one small workspace per session, ingested from 25 real corpus
files through `ingest_paths` with `[index] backend` set in dangan.toml. No case
is skipped for either backend. Backend-level unit tests (IndexDocs built here)
follow the corpus cases below.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS, PKULAW, SEED_SPEECH

from dangan.archive.catalog import Catalog
from dangan.errors import BadQuery, ExitCode, WorkspaceBusy
from dangan.index import IndexMismatch, detect_backend, open_backend
from dangan.index.analyzer import compact, phrase_grams, unigrams
from dangan.index.base import IndexBackend, IndexDoc, Sort
from dangan.index.grams import char_string, compact_fast, gram_string
from dangan.index.maintain import reindex, set_backend, switch_backend
from dangan.index.query import parse_query
from dangan.index.search import search
from dangan.index.snippets import CLOSE, OPEN
from dangan.ops.check import check, stats
from dangan.read.extract.text import decode_text
from dangan.text.normalize import search_text
from dangan.workspace import Workspace, init_workspace, open_workspace

BACKENDS = ("whoosh", "tantivy", "postgres")
LOCAL = ("whoosh", "tantivy")   # backends in a folder, with a writer lock of their own
STATE = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
CPC = CORPUS / "txt" / "cn_cpc_congress_reports"
BUDGET = CORPUS / "pdf" / "cn_provincial_budget_reports_2024"
REPORT_2024 = STATE / "2024年中华人民共和国国务院政府工作报告.txt"
NPC = sorted(STATE.glob("第十三届*决议.txt"))
SUBSET = [
    SEED_SPEECH, *sorted(PKULAW.iterdir()), *NPC, REPORT_2024,
    STATE / "2025年中华人民共和国国务院政府工作报告.txt",
    STATE / "1954年中华人民共和国国务院政府工作报告.txt",
    *sorted(CPC.glob("0[3]_*.txt")), *sorted(CPC.glob("1[89]_*.txt")),
    BUDGET / "excerpts" / "Guizhou_test.pdf", BUDGET / "Shanxi.pdf",
    *sorted((CORPUS / "txt" / "encoding_variants_DERIVED").iterdir()),
    *sorted((CORPUS / "docx" / "cn_provincial_gov_work_reports_2025").glob("2025年[江浙]*.docx")),
    *sorted((CORPUS / "txt" / "cn_provincial_gov_work_reports_2026_web_scrape").glob("*[海湖]*.txt")),
]
_BUILT: dict[str, Workspace] = {}


def build(backend: str, base: Path, dsn: str | None = None) -> Workspace:
    """Ingest the subset; then tag two documents by hand (items, issuer) and reindex."""
    if backend not in _BUILT:
        home = base / f"contract-{backend}"
        home.mkdir(parents=True)
        database = f'database = "{dsn}"\nschema = "contract"\n' if backend == "postgres" else ""
        (home / "dangan.toml").write_text(f'[index]\nbackend = "{backend}"\n{database}', encoding="utf-8")
        ws = init_workspace(home)
        report = ingest_paths(ws, SUBSET)
        # The GB18030 copy of the 2024 report has the same text: it is kept as 同文异版 of it.
        assert report.count("added") == len(SUBSET) - 1, report.to_dict()["failed"]
        assert report.count("duplicate") == 1 and report.count("failed") == 0
        with Catalog(ws.catalog_path) as catalog:
            speech, report_id = doc_id(catalog, "seed_speech"), doc_id(catalog, REPORT_2024.name)
            catalog.set_items(speech, {"A01.02": 1.0, "A05": 1.0}, "manual")
            catalog.set_items(report_id, {"A01": 1.0}, "manual")
            catalog.update_fields(report_id, {"issuer": "区创建办", "doc_date": "2024-03-05"}, "manual")
        reindex(ws)
        _BUILT[backend] = ws
    return _BUILT[backend]


def ingest_paths(ws: Workspace, paths: list[Path]):  # type: ignore[no-untyped-def]
    from dangan.intake.batch import ingest_paths as run

    return run(ws, paths)


def doc_id(catalog: Catalog, name_part: str) -> int:
    row = catalog.conn.execute("SELECT document_id FROM sources WHERE path LIKE ?",
                               (f"%{name_part}%",)).fetchone()
    return int(row[0])


@pytest.fixture(scope="session", params=BACKENDS)
def cws(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    dsn = request.getfixturevalue("pg_dsn") if request.param == "postgres" else None
    ws = build(request.param, tmp_path_factory.getbasetemp(), dsn)
    assert ws.settings.index_backend == request.param
    return ws


def paths(ws: Workspace, query: str, limit: int = 3, **filters: object) -> list[str]:
    return [h.path or "" for h in search(ws, query, limit=limit, **filters).hits]


def ids(ws: Workspace, query: str = "", **filters: object) -> set[int]:
    return {h.id for h in search(ws, query, limit=200, **filters).hits}


def id_of(ws: Workspace, name_part: str) -> int:
    with Catalog(ws.catalog_path) as catalog:
        return doc_id(catalog, name_part)


# -- text -------------------------------------------------------------------
def test_quoted_spans_cut_anywhere(cws: Workspace) -> None:
    text = decode_text(REPORT_2024.read_bytes())[0]
    runs = [m.group() for m in re.finditer(r"[\u4e00-\u9fff]{14,}", text)]
    for i, (start, n) in enumerate([(3, 6), (5, 7), (1, 8), (7, 3), (2, 5)]):
        span = runs[10 * i + 2][start:start + n]
        hits = search(cws, f'"{span}"', limit=50).hits
        assert str(REPORT_2024) in [h.path for h in hits], span
        assert all(OPEN in h.snippet for h in hits), span


def test_quoted_span_across_pdf_line_break(cws: Workspace) -> None:
    assert any(p.endswith("excerpts/Guizhou_test.pdf") for p in paths(cws, '"年预算草案的报告"', 10))


def test_span_across_punctuation_and_a_non_span(cws: Workspace) -> None:
    # "…，…" in the text: the comma is not part of the compact text, so the span joins across it
    assert search(cws, '"绿色建筑管理办法"').total >= 1
    assert search(cws, '"法办理管筑建色绿"').total == 0


def test_bare_words_rank_the_phrase_first(cws: Workspace) -> None:
    result = search(cws, "绿色建筑管理办法", limit=5)
    assert result.hits[0].path.endswith("(FBM-CLI.12.748997).txt")
    assert OPEN + "绿色建筑管理办法" + CLOSE in result.hits[0].snippet
    assert search(cws, "管理 绿色", limit=50).total >= result.total


def test_cross_script(cws: Workspace) -> None:
    assert paths(cws, "创建办会")[0] == str(SEED_SPEECH)
    assert paths(cws, '"中央委员会的人员太少"')[0].startswith(str(CPC / "03_"))
    assert paths(cws, '"綠色建築管理辦法"')[0].endswith("(FBM-CLI.12.748997).txt")


def test_single_character(cws: Workspace) -> None:
    result = search(cws, "王", limit=100)
    assert result.total >= 3
    assert all(OPEN + "王" + CLOSE in h.snippet for h in result.hits[:10])


def test_digits_with_chinese(cws: Workspace) -> None:
    march = search(cws, "3月", limit=200)
    assert march.total >= 3
    assert any("3月" in h.snippet or "3 月" in h.snippet for h in march.hits)
    year = paths(cws, '"2025年"', limit=200)
    assert any(p.endswith("2025年中华人民共和国国务院政府工作报告.txt") for p in year)


def test_full_width_digits(cws: Workspace) -> None:
    for query in ('"２０２３年全省和省本级预算执行情况"', '"2023年全省和省本级预算执行情况"'):
        assert any(p.endswith("Shanxi.pdf") for p in paths(cws, query, 5)), query


def test_snippet_marks_the_hit_in_original_script(cws: Workspace) -> None:
    hit = search(cws, '"创建办会"', limit=1).hits[0]
    assert OPEN + "創建辦會" + CLOSE in hit.snippet
    assert "(chuàng)" not in hit.snippet


def test_negated_term_excludes(cws: Workspace) -> None:
    with_it, without = ids(cws, "创建"), ids(cws, "创建 -办会")
    assert without and without < with_it
    assert id_of(cws, "seed_speech") in with_it - without


@pytest.mark.parametrize("query", ['"', "-", '""', "-王", "，。", "*", "\\", "😀", "OR", '"*"', "%"])
def test_degenerate_queries_are_refused_never_the_whole_archive(cws: Workspace, query: str) -> None:
    with pytest.raises(BadQuery) as caught:
        search(cws, query, limit=3)
    assert caught.value.exit_code == ExitCode.USAGE and caught.value.hint


# -- fields -----------------------------------------------------------------
def test_filters(cws: Workspace) -> None:
    notice, speech = id_of(cws, "新余市"), id_of(cws, "seed_speech")
    assert ids(cws, doc_type="通知") == {notice}
    assert ids(cws, doc_type="讲话") == {speech}
    assert ids(cws, issuer="新余市人民政府办公室") == {notice}
    assert ids(cws, issuer="新余市") == {notice}
    assert ids(cws, doc_number="〔2012〕3号") == {notice}
    assert ids(cws, doc_number="余府发(2012)3号") == {notice}
    assert ids(cws, date_from="2012-01-01", date_to="2012-12-31") == {notice}
    assert ids(cws, "绿色", doc_type="讲话") == set()
    assert ids(cws, doc_type="决议") >= {id_of(cws, p.name) for p in NPC}


def test_filters_and_facets_agree_with_the_catalog(cws: Workspace) -> None:
    with Catalog(cws.catalog_path) as catalog:
        rows = catalog.conn.execute("SELECT id, doc_type, issuer, doc_date FROM documents").fetchall()
    facets = search(cws, "", facets=True, limit=1).facets
    for field in ("doc_type", "issuer"):
        values = {r[field] for r in rows if r[field]}
        assert values and set(facets[field]) == values
        for value in values:
            expected = {r["id"] for r in rows if r[field] == value}
            assert facets[field][value] == len(expected)
            if field == "doc_type":
                assert ids(cws, doc_type=value) == expected, value
    years = {r["doc_date"][:4] for r in rows if r["doc_date"]}
    assert set(facets["year"]) == years
    for year in years:
        assert ids(cws, f"year:{year}") == {r["id"] for r in rows if (r["doc_date"] or "")[:4] == year}


def test_catalog_facets_equal_the_index_facets(cws: Workspace) -> None:
    """search.py may count facets in the catalog over the hit ids (Whoosh): the same counts."""
    from dangan.index import open_index

    backend = open_index(cws)
    try:
        with Catalog(cws.catalog_path) as catalog:
            for text in ("", "经济", '"创建办会"', "type:报告", "item:A05", "发展 -农业"):
                query = parse_query(text)
                hit_ids = [i for i, _ in backend.search(query, limit=1000).hits]
                assert catalog.facet_counts(hit_ids) == backend.facets(query), text
                if hasattr(backend, "matching_ids"):
                    assert sorted(backend.matching_ids(query)) == sorted(hit_ids), text
    finally:
        backend.close()


def test_total_is_exact_whatever_the_page_size(cws: Workspace) -> None:
    """Whoosh drops matchers that cannot reach the top N once it is full: never from the count."""
    for text in ("经济 社会", "发展 改革 创新", '"高质量发展"', "创建文明城市", "发展 -农业"):
        every = search(cws, text, limit=1000)
        assert search(cws, text, limit=1).total == every.total == len(every.hits), text


def test_field_syntax_and_hand_tagged_values(cws: Workspace) -> None:
    notice, report = id_of(cws, "新余市"), id_of(cws, REPORT_2024.name)
    assert ids(cws, "type:通知 date:2012-01") == {notice}
    assert ids(cws, 'number:"〔2012〕3"') == {notice}
    assert ids(cws, "issuer:区创建办 date:2024-03-05") == ids(cws, "issuer:创建办") == {report}
    assert report in ids(cws, "from:2024-03-01 to:2024-03-31")
    assert report not in ids(cws, "to:2024-03-04")
    assert ids(cws, 'title:"绿色建筑管理办法"') == {notice}


def test_items_filter_and_facets(cws: Workspace) -> None:
    speech, report = id_of(cws, "seed_speech"), id_of(cws, REPORT_2024.name)
    assert ids(cws, "item:A01") >= {speech, report}   # A01.02 belongs to A01
    assert speech in ids(cws, "item:A01.02") and report not in ids(cws, "item:A01.02")
    facets = search(cws, "", facets=True, limit=1).facets
    assert set(facets) == {"doc_type", "issuer", "year", "items"}
    assert facets["doc_type"]["讲话"] == 1
    assert facets["items"]["A01"] >= 1 and facets["items"]["A05"] >= 1
    assert facets["issuer"]["区创建办"] == 1 and facets["year"]["2012"] >= 1
    assert sum(facets["doc_type"].values()) <= search(cws, "", limit=1).total
    assert list(facets["year"].values()) == sorted(facets["year"].values(), reverse=True)
    narrowed = search(cws, "创建办会", facets=True, limit=200)
    expected: dict[str, int] = {}
    for hit in narrowed.hits:
        if hit.doc_type:
            expected[hit.doc_type] = expected.get(hit.doc_type, 0) + 1
    assert narrowed.facets["doc_type"] == expected and "讲话" in expected


def test_sort_by_date_and_paging(cws: Workspace) -> None:
    newest = search(cws, "", sort="date", limit=200).hits
    dates = [h.doc_date for h in newest if h.doc_date]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 3
    oldest = [h.doc_date for h in search(cws, "", sort="date_asc", limit=200).hits if h.doc_date]
    assert oldest == sorted(oldest)
    every = [h.id for h in search(cws, "报告", limit=200).hits]
    page = [h.id for h in search(cws, "报告", limit=5, offset=5).hits]
    assert page == every[5:10]


def test_index_matches_catalog(cws: Workspace) -> None:
    report = check(cws)
    assert report["ok"], report["problems"]
    assert report["indexed"] == len(SUBSET) - 1   # the 同文异版 copy is not a document of its own


def test_backends_agree(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Same documents, same queries: the same hits (ranking may differ in detail)."""
    base = tmp_path_factory.getbasetemp()
    whoosh, tantivy = build("whoosh", base), build("tantivy", base)
    for query in ('"创建办会"', "创建办会", "王", "3月", "绿色建筑管理办法", "创建 -办会",
                  '"2023年全省"', "type:决议", "item:A01", "issuer:新余市", "from:2020-01-01"):
        a, b = search(whoosh, query, limit=500), search(tantivy, query, limit=500)
        assert a.total == b.total, query
        assert {h.id for h in a.hits} == {h.id for h in b.hits}, query
    assert search(whoosh, "", facets=True).facets == search(tantivy, "", facets=True).facets


# -- backend units: IndexDocs built here ------------------------------------
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


def test_work_report_decimals_and_percentages_are_exact(cws: Workspace) -> None:
    """Every decimal / percentage of the work reports held by ≤ 3 documents: exactly those."""
    with Catalog(cws.catalog_path) as catalog:
        texts = {row[0]: search_text(row[1]) for row in catalog.conn.execute("SELECT id, text FROM documents")}
    reports = "\n".join(t for i, t in texts.items() if "政府工作报告" in t[:300])
    numbers = sorted(set(re.findall(r"(?<![\d.])\d+\.\d+%?|(?<![\d.])\d+%", reports)))
    checked = 0
    for number in numbers:
        whole = re.compile(r"(?<![\d.])" + re.escape(number) + (r"(?!\.?\d)" if number[-1].isdigit() else ""))
        expected = {i for i, t in texts.items() if number in t and whole.search(t)}   # `in` first: cheap
        if len(expected) <= 3:
            assert ids(cws, f'"{number}"') == expected, number
            checked += 1
    assert checked >= 100


def test_grams_are_the_analyzer_tokens() -> None:
    text = search_text("第一章，总则：Abc 2024年3月（试行）\n生活垃圾。王")
    assert compact_fast(text) == compact(text)
    assert gram_string(text).split() == phrase_grams(text)
    assert char_string(text).split() == unigrams(text)
    assert gram_string("王") == "王" and gram_string("，") == ""


# -- switching and advice ----------------------------------------------------
@pytest.fixture
def small_ws(workspace: Workspace) -> Workspace:
    ingest_paths(workspace, [SEED_SPEECH, *NPC[:2]])
    return workspace


def test_switch_backend_both_ways(small_ws: Workspace) -> None:
    before = {h.id for h in search(small_ws, "创建", limit=50).hits}
    ws = small_ws
    for target in ("tantivy", "whoosh"):
        assert switch_backend(ws, target) == 3
        ws = open_workspace(ws.home)
        assert ws.settings.index_backend == target and detect_backend(ws.index_dir) == target
        assert "[workspace]" in ws.config_file.read_text(encoding="utf-8")   # the rest is kept
        assert {h.id for h in search(ws, "创建", limit=50).hits} == before
        assert check(ws)["ok"]
        assert sorted(p.name for p in ws.home.iterdir() if p.name.startswith("index")) == ["index"]


def test_backend_mismatch_is_read_reported_and_mended_by_reindex(small_ws: Workspace) -> None:
    switch_backend(small_ws, "tantivy")
    config = small_ws.config_file
    config.write_text(set_backend(config.read_text(encoding="utf-8"), "whoosh"), encoding="utf-8")
    ws = open_workspace(small_ws.home)   # as after a crash between the swap and the settings
    report = check(ws)
    assert not report["ok"] and report["problems"][0]["kind"] == "index_backend_mismatch"
    assert search(ws, '"创建办会"').total == 1           # the index is read as what it is
    assert stats(ws)["index_backend"] == "tantivy"
    assert reindex(ws) == 3
    assert detect_backend(ws.index_dir) == "whoosh" and check(ws)["ok"]


def test_old_tantivy_schema_is_rebuilt_by_reindex(small_ws: Workspace) -> None:
    from dangan.index.tantivy_backend import MARKER

    switch_backend(small_ws, "tantivy")
    ws = open_workspace(small_ws.home)
    (ws.index_dir / MARKER).write_text('{"backend": "tantivy", "schema": 0}', encoding="utf-8")
    with pytest.raises(IndexMismatch):
        search(ws, "创建")
    assert reindex(ws) == 3 and check(ws)["ok"] and search(ws, "创建").total >= 1


def test_stats_advise_tantivy_past_the_threshold(small_ws: Workspace,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from dangan.ops import check as maintain

    monkeypatch.setattr(maintain, "WHOOSH_ADVICE_AT", 3)
    assert "dangan reindex --backend tantivy" in (stats(small_ws)["advice"] or "")
    assert "tantivy" in (check(small_ws)["advice"] or "")
    switch_backend(small_ws, "tantivy")
    assert stats(open_workspace(small_ws.home))["advice"] is None


def test_wordsplit_gives_jiebas_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dangan.index import wordsplit

    monkeypatch.setattr(wordsplit, "CACHE_DIR", tmp_path)
    wordsplit._open.cache_clear()
    try:
        text = search_text(decode_text(SEED_SPEECH.read_bytes())[0])
        sentences = [s for s in re.split(r"[。！？\n]", text) if 2 < len(s) < 60][:300]
        full = wordsplit._full()
        assert [wordsplit.cut(s) for s in sentences] == [list(full.cut(s)) for s in sentences]
        assert wordsplit.table_path().stat().st_mode & 0o777 == 0o600
    finally:
        wordsplit._open.cache_clear()


def test_windowed_snippets_equal_whole_text_snippets() -> None:
    from dangan.index.snippet_window import snippet
    from dangan.index.snippets import make_snippet

    texts = [decode_text(p.read_bytes())[0] for p in (SEED_SPEECH, REPORT_2024, *NPC[:1])]
    for query in ('"创建办会"', "创建办会", "王", "3月", '"2024年"', "高质量发展", "不存在的词语"):
        needles = parse_query(query).needles()
        for text in texts:
            assert snippet(text, needles) == make_snippet(text, needles), query


def test_cli_reindex_backend_switches_in_place(small_ws: Workspace) -> None:
    import json

    from click.testing import CliRunner

    from dangan.cli import cli

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--home", str(small_ws.home), *args],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    for backend in ("tantivy", "whoosh"):
        assert "3" in run("reindex", "--backend", backend)
        assert json.loads(run("stats", "--json"))["index_backend"] == backend
        assert json.loads(run("search", '"创建办会"', "--json"))["total"] >= 1
