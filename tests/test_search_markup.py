"""A phrase is found as the clerk reads it, across what a saved page left in its text.

Real pages of the labelled element set (tests/data/elements/docs), never used to tune search:
a 美篇 post saved as text with its HTML (…立身之本。</b></p><p class="ql-block"><b style=…>创建…),
a CMS's script that writes the page (PM<sub>2.5</sub>, Word's broken <spantimes new="" roman">&nbsp;),
a 决定 whose template keeps its placeholders (××省人民政府(印章)), and a Markdown copy whose
<2021年…> is the document's own bracket, not markup. Every backend; the snippet shows the text as
a browser shows it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dangan.index.analyzer import compact, units
from dangan.index.search import search
from dangan.index.snippets import OPEN
from dangan.intake.batch import ingest_paths
from dangan.read.extract.text import decode_text
from dangan.text.normalize import normalise, search_text
from dangan.workspace import Workspace, init_workspace

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"
MEIPIAN = DOCS / "validation_r26" / "青龙县第三实验小学创城工作_美篇.txt"
SCRIPT_PAGE = DOCS / "validation_r32" / "content.js"
TEMPLATE = DOCS / "validation_r22" / "民族团结进步表彰决定_考题云.txt"
CHONGMING = DOCS / "validation_r23" / "上海市崇明区人民政府办公室关于印发2021年本区城市体检工作方案的通知.md"
FILES = (MEIPIAN, SCRIPT_PAGE, TEMPLATE, CHONGMING)
BACKENDS = ("whoosh", "tantivy", "postgres")


def _workspace(tmp_path: Path, backend: str, dsn: str | None) -> Workspace:
    home = tmp_path / f"markup-{backend}"
    home.mkdir()
    database = f'database = "{dsn}"\nschema = "markup"\n' if dsn else ""
    (home / "dangan.toml").write_text(f'[index]\nbackend = "{backend}"\n{database}', encoding="utf-8")
    ws = init_workspace(home)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in FILES:
        shutil.copy(path, inbox / path.name)
    report = ingest_paths(ws, sorted(inbox.iterdir()), ocr=False)
    assert report.count("failed") == 0, report.to_dict()
    return ws


@pytest.fixture(params=BACKENDS)
def mws(request: pytest.FixtureRequest, tmp_path: Path) -> Workspace:
    dsn = request.getfixturevalue("pg_dsn") if request.param == "postgres" else None
    return _workspace(tmp_path, request.param, dsn)


def _only(ws: Workspace, query: str, name: str) -> str:
    hits = search(ws, query).hits
    assert [Path(h.path).name for h in hits] == [name], query
    return hits[0].snippet


def test_a_span_read_across_a_page_s_tags_is_found(mws: Workspace) -> None:
    raw = decode_text(MEIPIAN.read_bytes())[0]
    assert "立身之本。</b></p><p" in raw      # the saved post holds its HTML between the two sentences
    for query, name in (('"美德是立身之本。创建文明城市可以铸造"', MEIPIAN.name),
                        ('"一、冬防目标完成情况"', SCRIPT_PAGE.name),       # <spantimes …>&nbsp;</spantimes></span>
                        ('"细颗粒物PM2.5平均浓度为76"', SCRIPT_PAGE.name)):  # PM<sub>2.5</sub></span>
        snippet = _only(mws, query, name)
        assert OPEN in snippet and "<" not in snippet and "&nbsp;" not in snippet, snippet
    # the tags' own words are not the document's: "span" and "class" find nothing
    assert search(mws, '"ql block"').total == 0 and search(mws, "spantimes").total == 0


def test_a_span_cut_inside_a_run_of_placeholders_is_found(mws: Workspace) -> None:
    for query in ('"×省人民政府(印章"', '"××省人民政府(印章)"', '"×省人民政府关于表彰全省"'):
        snippet = _only(mws, query, TEMPLATE.name)
        assert OPEN in snippet and "省人民政府" in snippet, (query, snippet)


def test_a_document_s_own_angle_brackets_stay_text(mws: Workspace) -> None:
    _only(mws, '"印发2021年上海市城市体检工作方案的函"', CHONGMING.name)


def test_search_text_and_the_snippet_map_agree_on_real_pages() -> None:
    for path in FILES:
        raw = decode_text(path.read_bytes())[0]
        norm = normalise(raw)
        assert norm.text == search_text(raw), path.name
        assert len(norm.offsets) == len(norm.text)
        assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:])), path.name
    assert units("××省") == ["×", "×", "省"] and compact(search_text("20××年")) == "20××年"
    assert search_text("PM<sub>2.5</sub>") == "pm 2.5 " and search_text("&#20013;国&nbsp;") == "中国 "
