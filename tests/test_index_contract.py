"""One contract for every index backend, on real documents: spans cut anywhere, both scripts, fields.

Each backend gets one small workspace per session, ingested from 25 real corpus
files through `ingest_paths` with `[index] backend` set in dangan.toml. No case
is skipped for either backend. The same contract on IndexDocs built by hand is in
test_index_backends.py; switching backends in test_index_switch.py.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, PKULAW, SEED_SPEECH

from dangan.archive.catalog import Catalog
from dangan.errors import BadQuery, ExitCode
from dangan.index.maintain import reindex
from dangan.index.query import parse_query
from dangan.index.search import search
from dangan.index.snippets import CLOSE, OPEN
from dangan.ops.check import check
from dangan.read.extract.text import decode_text
from dangan.text.normalize import search_text
from dangan.workspace import Workspace, init_workspace

BACKENDS = ("whoosh", "tantivy", "postgres")
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
    assert ids(cws, issuer="新余市政府办") == ids(cws, issuer="政府办") == {notice}   # as clerks shorten it
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
    # the long form a document would spell finds the short one the clerk tagged
    assert ids(cws, "issuer:区创建全国文明城市工作指挥部办公室") == {report}
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
