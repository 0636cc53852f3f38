"""A clerk's slips in search, on every file backend and real corpus files: a suggestion is only ever a word
the archive holds that reads better than what was typed (政府办 and 文明办 are an organ's short name, not a
typo of 政府信 or 文明建), a slip into another real word is caught (水土保护 → 水土保持), and a snippet does
not open on the link debris a web copy carries (…01d1f098…html 海口市…) unless the query was found in it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, PKULAW

from dangan.cli import cli
from dangan.index.search import search
from dangan.index.snippets import OPEN, make_snippet
from dangan.intake.batch import ingest_paths
from dangan.workspace import Workspace, init_workspace

REPORTS = CORPUS / "txt" / "cn_provincial_gov_work_reports_2026_web_scrape"
HAIKOU = next(PKULAW.glob("海口市*.txt"))   # 水土保持 notice; its second line is 原文链接：https://…bdfb.html
XINYU = next(PKULAW.glob("新余市*.txt"))
DEBRIS = ("http", "pkulaw.com", ".html", "bdfb")


@pytest.fixture(scope="module", params=("whoosh", "tantivy"))
def sws(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    home = tmp_path_factory.mktemp(f"slips-{request.param}")
    (home / "dangan.toml").write_text(f'[index]\nbackend = "{request.param}"\n', encoding="utf-8")
    ws = init_workspace(home)
    report = ingest_paths(ws, [PKULAW, CORPUS / "txt" / "seed_speech", REPORTS], ocr=False)
    assert report.count("failed") == 0 and report.count("added") > 20, report.to_dict()
    return ws


def run(ws: Workspace, *args: str):
    return CliRunner().invoke(cli, ["--home", str(ws.home), "search", *args], catch_exceptions=False)


@pytest.mark.parametrize("query", ["政府办", "文明办", "创建办", "洪泽区政府办", "洪泽区文明办", "城管局"])
def test_an_organs_short_name_is_no_typo(sws: Workspace, query: str) -> None:
    # the archive holds 政府信(息) and 文明建(设) as spans, which are no words and read worse
    assert search(sws, query).suggestions == ()
    assert "您是不是要找" not in run(sws, query).output


def test_a_slip_into_another_real_word_gets_the_archives_word(sws: Workspace) -> None:
    result = search(sws, "水土保护")
    assert result.total > 0   # documents with 保护 (and 水土) apart
    assert [s["replacement"] for s in result.suggestions] == ["水土保持"]
    said = run(sws, "水土保护").output
    assert "您是不是要找：水土保持" in said and "dangan search '水土保持'" in said
    found = json.loads(run(sws, "水土保持", "--json", "--limit", "50").stdout)
    assert HAIKOU.name in {Path(h["path"]).name for h in found["results"]}


def test_typos_still_get_their_word(sws: Workspace) -> None:
    assert [s["replacement"] for s in search(sws, "垃圾分累").suggestions][:1] == ["垃圾分类"]
    assert [s["replacement"] for s in search(sws, "水土保时").suggestions][:1] == ["水土保持"]
    assert search(sws, "水土保持").suggestions == () and search(sws, "生态保护").suggestions == ()


@pytest.mark.parametrize("query", ["海口市", "水务局", "新余市", "绿色建筑"])
def test_a_snippet_shows_no_link_debris(sws: Workspace, query: str) -> None:
    hits = [h for h in search(sws, query, limit=50).hits if "pkulaw" in (h.path or "")]
    assert hits, query
    for hit in hits:
        assert OPEN in hit.snippet and not any(d in hit.snippet for d in DEBRIS), hit.snippet
        assert f"«{query}" in hit.snippet.replace("»«", "")


def test_a_link_is_shown_when_the_query_is_found_in_it(sws: Workspace) -> None:
    hit = next(h for h in search(sws, "pkulaw", limit=50).hits if h.path and h.path.endswith(HAIKOU.name))
    assert "«pkulaw»" in hit.snippet and ".html" in hit.snippet


def test_the_head_of_a_text_hides_its_links() -> None:
    raw = XINYU.read_text(encoding="utf-8")
    head = make_snippet(raw[:2000], ())
    assert head.startswith("【法宝引证码】") or "新余市人民政府办公室" in head
    assert not any(d in head for d in DEBRIS), head


def test_shared_word_lookups_cut_as_each_text_alone() -> None:
    """suggest.py reads hundreds of candidates through one Words (a tokenizer whose table grows): each
    must be cut, and each word known, as `cut` and `is_word` do for that text alone."""
    from dangan.index.wordsplit import Words, cut, is_word
    from dangan.read.extract.text import decode_text
    from dangan.text.normalize import search_text

    rows = json.loads((Path(__file__).parent / "data" / "search_typos.json").read_text(encoding="utf-8"))["typos"]
    text = search_text(decode_text(HAIKOU.read_bytes())[0])
    runs = [r for r in "".join(c if "\u4e00" <= c <= "\u9fff" else " " for c in text).split() if len(r) >= 3]
    texts = [t for row in rows for t in (row["typo"], row["word"])]
    texts += [run[i:i + k] for run in runs[:40] for k in (3, 4, 6) for i in range(0, len(run) - k + 1, 2)]
    assert len(texts) > 300
    words = Words()
    for t in texts:
        assert words.cut(t) == cut(t), t
        assert all(words.is_word(w) == is_word(w) for w in {t, *cut(t)}), t
    assert words.is_word("水土保持") and not words.is_word("水土保护")


def test_tantivy_index_chars_are_the_walked_ones_and_follow_a_commit(tmp_path: Path) -> None:
    """The characters a first typed character is weighed against (kept for the process per index
    generation) are the one-character CJK terms of the `chars` walk, and a commit renews them."""
    from dangan.index import open_backend
    from dangan.index.base import IndexDoc
    from dangan.text.normalize import search_text

    index = open_backend(tmp_path / "index", "tantivy")
    index.add([IndexDoc(1, search_text("水土保持方案，2023年第3号（试行）。Abc"), title="通知")])
    walked = sorted(t for t in index.terms_with_prefix("chars", "") if len(t) == 1 and "\u3400" <= t <= "\u9fff")
    assert index.index_chars() == walked and "保" in walked and "湛" not in walked   # type: ignore[attr-defined]
    index.add([IndexDoc(2, search_text("文化站设在湛江。"))])
    assert "湛" in index.index_chars()   # type: ignore[attr-defined]
    index.close()
