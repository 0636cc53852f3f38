"""A plain search finds a document by its 发文机关 (and 文号), in every backend, though its text never names them.

A clerk types the organ's name as words and expects what it issued among the hits: the 发文机关 an OFD's
electronic seal names (corpus/ofd/不动产登记证明.ofd: 淄博市周村区自然资源局, whose text says neither 淄博
nor 周村), and one entered by hand (`dangan tag --set 发文机关=…`) on a real speech that names no organ.
Bare words, a quoted span and a 繁體 query find it; it ranks above a document holding the words scattered;
the snippet is still from the text, and the hit says it was found by its 发文机关. `issuer:` is unchanged.
An index of the schema before (4) is refused with the reindex hint, and `reindex` rebuilds it.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, PKULAW

from dangan.archive.catalog import Catalog
from dangan.cli import cli as main
from dangan.errors import IndexMismatch
from dangan.index import MARKER
from dangan.index.search import search
from dangan.index.snippets import OPEN
from dangan.intake.batch import ingest_paths
from dangan.text.normalize import search_text
from dangan.web.app import create_app
from dangan.workspace import Workspace, init_workspace

BACKENDS = ("whoosh", "tantivy", "postgres")
CERTIFICATE = CORPUS / "ofd" / "不动产登记证明.ofd"    # its seal: 淄博市周村区自然资源局(不动产登记专用章)
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"   # 繁體; names no 淄川 nor 规划
XINYU = next(PKULAW.glob("新余市*.txt"))   # 规划 and 办公室 in its text, apart
BY_HAND = "新余市城乡规划办公室"            # the speech's 发文机关, entered by a clerk
NUMBER = "淄川规办发〔2022〕7号"            # and its 文号


def _workspace(tmp_path: Path, backend: str, dsn: str | None) -> Workspace:
    home = tmp_path / f"issuer-{backend}"
    home.mkdir()
    database = f'database = "{dsn}"\nschema = "issuer"\n' if dsn else ""
    (home / "dangan.toml").write_text(f'[index]\nbackend = "{backend}"\n{database}', encoding="utf-8")
    ws = init_workspace(home)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in (CERTIFICATE, SPEECH, XINYU):
        shutil.copy(path, inbox / path.name)
    report = ingest_paths(ws, sorted(inbox.iterdir()), ocr=False)
    assert report.count("failed") == 0, report.to_dict()
    out = CliRunner().invoke(main, ["--home", str(home), "tag", str(_id(ws, SPEECH.name)),
                                    "--set", f"发文机关={BY_HAND}", "--set", f"发文字号={NUMBER}"],
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return ws


def _id(ws: Workspace, name: str) -> int:
    with Catalog(ws.catalog_path) as catalog:
        (doc_id,) = [d.id for d in catalog.iter_documents() if d.original_name == name]
    return doc_id


def _names(ws: Workspace, query: str) -> list[str]:
    return [Path(h.path or "").name for h in search(ws, query).hits]


@pytest.fixture(params=BACKENDS)
def iws(request: pytest.FixtureRequest, tmp_path: Path) -> Workspace:
    dsn = request.getfixturevalue("pg_dsn") if request.param == "postgres" else None
    return _workspace(tmp_path, request.param, dsn)


def test_the_seal_s_organ_is_found_by_a_plain_word(iws: Workspace) -> None:
    with Catalog(iws.catalog_path) as catalog:
        doc = catalog.get(_id(iws, CERTIFICATE.name))
    text = search_text(doc.text)
    assert doc.issuer == "淄博市周村区自然资源局" and "淄博" not in text and "周村" not in text
    for query in ("淄博", "周村区 自然资源局", "淄博市周村区自然资源局", '"周村区自然资源"', "周村區自然資源局"):
        assert _names(iws, query) == [CERTIFICATE.name], query
    (hit,) = search(iws, "淄博").hits
    assert hit.matched_in == ("issuer",) and OPEN not in hit.snippet   # the snippet: the text's start, unmarked
    assert hit.snippet.startswith(doc.text.split()[0])


def test_an_issuer_entered_by_hand_is_found_by_its_words(iws: Workspace) -> None:
    text = search_text(SPEECH.read_text(encoding="utf-8"))   # (written in 繁體)
    assert "城乡规划" not in text and "规划办公室" not in text and "淄川" not in text
    for query in ("城乡规划", "新余市 城乡规划办公室", '"乡规划办"', "城鄉規劃辦公室", '"城鄉規劃"'):
        assert _names(iws, query) == [SPEECH.name], query
    # the organ's own document first, above one that holds its words apart (规划 … 办公室)
    assert _names(iws, "规划办公室") == [SPEECH.name, XINYU.name]
    # the 文号 as entered, bare or quoted, also where the text never writes it
    for query in ("淄川规办发", '"规办发〔2022〕7号"'):
        assert _names(iws, query) == [SPEECH.name], query
    # issuer: as before (the name or a span of it); a word of the issuer can be excluded like a body word
    assert _names(iws, "issuer:城乡规划办公室") == [SPEECH.name]
    assert _names(iws, "创建 -城乡规划") == []
    assert set(_names(iws, "创建")) == {SPEECH.name}


def test_search_and_the_desk_say_the_hit_came_from_its_issuer(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "whoosh", None)
    runner = CliRunner()
    out = runner.invoke(main, ["--home", str(ws.home), "search", "--json", "淄博"], catch_exceptions=False)
    (hit,) = json.loads(out.output)["results"]
    assert hit["matched_in"] == ["issuer"] and hit["issuer"] == "淄博市周村区自然资源局"
    out = runner.invoke(main, ["--home", str(ws.home), "search", "淄博"], catch_exceptions=False)
    assert "按发文机关找到：淄博市周村区自然资源局" in out.output
    out = runner.invoke(main, ["--home", str(ws.home), "search", "淄川规办发"], catch_exceptions=False)
    assert "按文号找到：淄川规办发〔2022〕7号" in out.output
    with create_app(ws).test_client() as client:   # the web desk's result list says it too
        html = client.get("/?q=淄博").get_data(as_text=True)
    assert "按发文机关找到：淄博市周村区自然资源局" in html and CERTIFICATE.stem in html


@pytest.mark.parametrize("backend", ["tantivy", "postgres"])
def test_an_index_built_before_is_refused_until_reindexed(request: pytest.FixtureRequest, tmp_path: Path,
                                                          backend: str) -> None:
    dsn = request.getfixturevalue("pg_dsn") if backend == "postgres" else None
    ws = _workspace(tmp_path, backend, dsn)
    marker = ws.index_dir / MARKER
    data = json.loads(marker.read_text(encoding="utf-8"))
    marker.write_text(json.dumps({**data, "schema": 4}), encoding="utf-8")
    if dsn:   # the table as schema 4 made it: without the 文号's bigrams
        import psycopg

        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("ALTER TABLE issuer.docs DROP COLUMN number_grams")
    with pytest.raises(IndexMismatch) as caught:
        search(ws, "淄博")
    assert "索引结构 4" in caught.value.message and "reindex" in caught.value.hint
    out = CliRunner().invoke(main, ["--home", str(ws.home), "reindex"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert _names(ws, "淄博") == [CERTIFICATE.name]
    assert _names(ws, "淄川规办发") == [SPEECH.name]
