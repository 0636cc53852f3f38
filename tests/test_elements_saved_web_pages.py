"""The saved-web-pages round of issue 15: a page as a clerk saves it (浏览器“另存为”), read whole.

saved_web_pages (one page, drawn blind: bench/README.md, "Round: saved web pages") is a county 统计局's 统计公报 that
Chrome saved from its site: 政府网站发展指引 meta tags, a breadcrumb, a posting row, the heading as <h1> and again in the
content block, a browser extension's injected CSS, and the 署名 in brackets alone on the last line. Its one untouched
miss was that 署名 (rule "signer_line_in_brackets", credited to saved_web_pages alone: no other labelled or corpus
document closes so); the posting row the main-text finder left out is kept as the page's 网页发布时间 (rule
"page_posting_row"), its PubDate meta tag (the day the CMS regenerated the page) not. Each check reads the real saved file.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from labelled_elements import DATA, doc_fields

from dangan.cli import cli
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.metadata import read_facts

PAGE = "saved_web_pages/万载县2015年国民经济和社会发展统计公报.html"
HEADING = "万载县2015年国民经济和社会发展统计公报"


def _page_text() -> str:
    path = DATA / "docs" / PAGE
    return extractor_for(detect_mime(path)).extract(path, Limits()).pages[0].text


def test_the_saved_page_reads_as_its_document() -> None:
    text = _page_text()
    assert text.splitlines()[0] == HEADING                 # the heading, not the <title>'s 万载县人民政府 | …
    assert text.splitlines()[-1] == "（万载县统计局）"      # the 署名 kept, the site's 上一篇/footer left out
    assert "jjext" not in text and "发布日期" not in text   # the extension's CSS and the posting row are the page's
    assert doc_fields(PAGE) == {"title": HEADING, "doc_number": "", "issuer": "万载县统计局", "doc_date": "",
                                "doc_type": "公报"}


def test_a_signer_alone_in_brackets_is_the_issuer() -> None:
    # saved_web_pages, untouched: …恩格尔系数为41.77%。 / 　　（万载县统计局） read no issuer
    with rules.disabled({"signer_line_in_brackets"}):
        assert doc_fields(PAGE)["issuer"] == ""
    # a bracketed closing line that names no organ is none: the same page closed by （完）
    text = _page_text().replace("（万载县统计局）", "（完）")
    assert not read_metadata(text).values().get("issuer")


def test_the_posting_row_is_the_pages_posting_time() -> None:
    # 来源： / 访问量：199 / 发布日期：2017-05-15 10:49:00, left out of the main text; <meta name="PubDate"> says 2022-04-24
    path = DATA / "docs" / PAGE
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    assert extracted.hints["posted"] == "2017-05-15"
    meta = read_facts(extracted, path.name)[0]
    assert meta.posted_date is not None and meta.posted_date.value == "2017-05-15"
    assert meta.doc_date is None                              # the site's posting is no 成文日期
    with rules.disabled({"page_posting_row"}):   # the PubDate tag stands in (page_article_meta, tests/test_html_page_meta.py)
        assert extractor_for(detect_mime(path)).extract(path, Limits()).hints["posted"] == "2022-04-24"
    with rules.disabled({"page_posting_row", "page_article_meta"}):
        assert "posted" not in extractor_for(detect_mime(path)).extract(path, Limits()).hints


def test_ingest_then_show_gives_the_elements(tmp_path: Path) -> None:
    home, inbox = tmp_path / "ws", tmp_path / "in"
    inbox.mkdir()
    shutil.copy(DATA / "docs" / PAGE, inbox / Path(PAGE).name)
    for args in (["init"], ["ingest", str(inbox)]):
        result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    shown = json.loads(CliRunner().invoke(cli, ["--home", str(home), "show", "1", "--json"]).output)
    assert (shown["mime"], shown["title"], shown["doc_type"], shown["issuer"]) == ("text/html", HEADING, "公报", "万载县统计局")
    assert shown["doc_date"] is None and shown["doc_number"] is None
    assert shown["posted_date"] == "2017-05-15"
    page = CliRunner().invoke(cli, ["--home", str(home), "show", "1"]).output
    assert "发文机关：万载县统计局" in page and "文种：公报" in page
