"""One test per search requirement (phrases cut anywhere, both scripts, fields, facets), on the ingested corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, SEED_SPEECH

from dangan.errors import BadQuery
from dangan.index.search import search
from dangan.index.snippets import CLOSE, OPEN
from dangan.read.extract.text import decode_text

STATE_COUNCIL = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
CPC = CORPUS / "txt" / "cn_cpc_congress_reports"


def top_paths(ws, query: str, limit: int = 3, **filters) -> list[str]:
    return [h.path for h in search(ws, query, limit=limit, **filters).hits]


def test_quoted_span_cut_mid_word_finds_its_document(corpus_ws):
    ws, _ = corpus_ws
    report = STATE_COUNCIL / "2024年中华人民共和国国务院政府工作报告.txt"
    text = decode_text(report.read_bytes())[0]
    # Cut spans at fixed offsets inside long CJK runs: they start and end mid-word.
    runs = [m.group() for m in re.finditer(r"[\u4e00-\u9fff]{14,}", text)]
    spans = [runs[i][3:3 + n] for i, n in ((2, 6), (20, 7), (40, 8))]
    for span in spans:
        hits = search(ws, f'"{span}"', limit=50).hits
        assert str(report) in [h.path for h in hits], span
        # every hit really holds the span (no partial matches)
        assert all(OPEN in h.snippet for h in hits), span


def test_quoted_span_found_across_pdf_line_break(corpus_ws):
    ws, _ = corpus_ws
    # In Guizhou_test.pdf "预算执行情况和 2024 年\n预算草案" breaks the line mid-phrase.
    paths = top_paths(ws, '"年预算草案的报告"', limit=10)
    assert any(p.endswith("excerpts/Guizhou_test.pdf") for p in paths)


def test_bare_words_rank_phrase_holders_first(corpus_ws):
    ws, _ = corpus_ws
    result = search(ws, "绿色建筑管理办法", limit=5)
    assert result.hits[0].path.endswith("(FBM-CLI.12.748997).txt")
    assert OPEN + "绿色建筑管理办法" + CLOSE in result.hits[0].snippet
    # words that occur apart in other documents do not outrank the phrase
    scattered = search(ws, "管理 绿色", limit=50)
    assert scattered.total >= result.total


def test_simplified_query_finds_traditional_document(corpus_ws):
    ws, _ = corpus_ws
    assert top_paths(ws, "创建办会")[0] == str(SEED_SPEECH)
    assert top_paths(ws, '"中央委员会的人员太少"')[0].startswith(str(CPC / "03_"))


def test_traditional_query_finds_simplified_document(corpus_ws):
    ws, _ = corpus_ws
    paths = top_paths(ws, '"綠色建築管理辦法"')
    assert paths[0].endswith("(FBM-CLI.12.748997).txt")


def test_single_character(corpus_ws):
    ws, _ = corpus_ws
    result = search(ws, "王", limit=100)
    assert result.total > 10
    assert all(OPEN + "王" + CLOSE in h.snippet for h in result.hits[:10])


def test_digits_with_chinese(corpus_ws):
    ws, _ = corpus_ws
    march = search(ws, "3月", limit=200)
    assert march.total > 5
    assert any("3月" in h.snippet or "3 月" in h.snippet for h in march.hits)
    year = search(ws, '"2025年"', limit=200)
    assert any(h.path.endswith("2025年中华人民共和国国务院政府工作报告.txt") for h in year.hits)


def test_full_width_digits_query_and_text(corpus_ws):
    ws, _ = corpus_ws
    # Shanxi.pdf writes its years in full-width digits (２０２３); both spellings find it.
    for query in ('"２０２３年全省和省本级预算执行情况"', '"2023年全省和省本级预算执行情况"'):
        assert any(p.endswith("Shanxi.pdf") for p in top_paths(ws, query, limit=5)), query


def test_snippet_marks_the_hit_in_original_script(corpus_ws):
    ws, _ = corpus_ws
    hit = search(ws, '"创建办会"', limit=1).hits[0]
    assert OPEN + "創建辦會" + CLOSE in hit.snippet
    assert "(chuàng)" not in hit.snippet  # pinyin annotations are not shown


def test_json_fields_present_and_null_when_unknown(corpus_ws):
    ws, _ = corpus_ws
    data = search(ws, "创建办会", limit=1).to_dict()
    hit = data["results"][0]
    assert set(hit) >= {"id", "title", "doc_type", "doc_number", "issuer", "doc_date",
                        "path", "score", "snippet"}
    assert data["total"] >= 1
    assert Path(hit["path"]).is_absolute()


def test_negated_term_excludes(corpus_ws):
    ws, _ = corpus_ws
    with_it = {h.id for h in search(ws, "创建", limit=500).hits}
    without = {h.id for h in search(ws, "创建 -办会", limit=500).hits}
    assert without and without < with_it


@pytest.mark.parametrize("query", ['"', "-", '""'])
def test_degenerate_queries_are_refused(corpus_ws, query):
    ws, _ = corpus_ws
    with pytest.raises(BadQuery):
        search(ws, query, limit=3)


def test_a_line_break_inside_chinese_is_not_shown_as_a_space(corpus_ws):
    """The resolution's web copy puts 政府工作报告 on a line of its own and the Guizhou PDF breaks
    经济 over two lines: snippets read “所作的 政府工作报告 。” and “省委经 济工作会议”."""
    ws, _ = corpus_ws
    resolution = search(ws, '"李强所作的政府工作报告"', limit=1).hits[0]
    assert f"{OPEN}李强所作的政府工作报告{CLOSE}。" in resolution.snippet, resolution.snippet
    guizhou = next(h for h in search(ws, '"省委经济工作会议"', limit=10).hits
                   if h.path.endswith("excerpts/Guizhou_test.pdf"))
    assert f"{OPEN}省委经济工作会议{CLOSE}" in guizhou.snippet, guizhou.snippet
    spaced = search(ws, '"2024年预算执行情况"', limit=3).hits   # a space between Latin/digit runs and
    assert all("  " not in h.snippet for h in spaced)          # Chinese is still one space at most
