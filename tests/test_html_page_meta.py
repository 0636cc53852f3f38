"""A saved government article page's own tags and headings (dangan/read/extract/html.py).

The 政府网站网页设计规范 of the 政府网站发展指引 (国办发〔2017〕47号) asks every article page for 内容页面标签 in <head>:
ArticleTitle (具体内容信息的标题), PubDate (内容信息发布时间), ContentSource (文章的发布单位或转载来源). trafilatura's
metadata reads none of them. Rule "page_article_meta": ArticleTitle is the page's title unless it is the site's or the
column's name; PubDate is the 网页发布时间 (`posted` hint) when the page shows no posting row; ContentSource is never read
as the issuer. Rule "page_main_headings": a heading (h1 to h3) of the main text trafilatura left out is set back as a line
of its own (validation_r42's PHP news page, its notice's heading in an <h3>).

Each check reads the real saved files: saved_web_pages' 万载 page (all five tags) and validation_r42's news3.php.
"""
from __future__ import annotations

import re
from pathlib import Path

from labelled_elements import DATA, doc_fields

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.html import article_meta, decode_page, main_text
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules

WANZAI = "saved_web_pages/万载县2015年国民经济和社会发展统计公报.html"
HEADING = "万载县2015年国民经济和社会发展统计公报"
PHP_NEWS = "validation_r42/news3.php"
NOTICE = "国家卫生计生委办公厅关于印发三级综合医院医疗服务能力指南（2016年版）的通知"


def _page(name: str) -> str:
    return decode_page((DATA / "docs" / name).read_bytes())


def _hints(path: Path) -> dict[str, str]:
    return dict(extractor_for(detect_mime(path)).extract(path, Limits()).hints)


def test_the_specifications_tags_are_read_by_name() -> None:
    meta = article_meta(_page(WANZAI))
    assert meta == {"sitename": "万载县人民政府", "columnname": "统计公报", "articletitle": HEADING,
                    "pubdate": "2022-04-24 10:00:43"}   # ContentSource is there but empty: left out


def test_article_title_is_the_pages_title_unless_it_names_the_column_or_site(tmp_path: Path) -> None:
    page = _page(WANZAI)
    # the <title> is 万载县人民政府 | 万载县2015年…统计公报; ArticleTitle gives the heading alone
    assert main_text(page)[0] == HEADING
    # a CMS that fills ArticleTitle with the column's or the site's name: that is no document's title
    for name in ("统计公报", "万载县人民政府"):
        changed = page.replace(f'name="ArticleTitle" content="{HEADING}"', f'name="ArticleTitle" content="{name}"')
        assert article_meta(changed)["articletitle"] == name
        assert main_text(changed)[0] != name
    # with <title>, og:title and <h1> gone, the tag alone names the page
    bare = re.sub(r"<title>.*?</title>", "<title></title>", page, flags=re.DOTALL)
    bare = re.sub(r"<(/?)h1\b", r"<\1div", bare, flags=re.IGNORECASE)
    path = tmp_path / "page.html"
    path.write_text(bare, encoding="utf-8")
    assert _hints(path)["title"] == HEADING
    with rules.disabled({"page_article_meta"}):
        assert _hints(path).get("title") != HEADING


def test_pubdate_is_the_posting_time_only_where_no_posting_row_shows(tmp_path: Path) -> None:
    page = _page(WANZAI)
    # the page shows 发布日期：2017-05-15 10:49:00; its PubDate (2022-04-24, the CMS's regeneration) gives way
    assert _hints(DATA / "docs" / WANZAI)["posted"] == "2017-05-15"
    without_row = page.replace("发布日期：", "")
    assert without_row != page
    path = tmp_path / "page.html"
    path.write_text(without_row, encoding="utf-8")
    assert _hints(path)["posted"] == "2022-04-24"
    with rules.disabled({"page_article_meta"}):
        assert "posted" not in _hints(path)
    # never the 成文日期, and ContentSource never the issuer
    assert doc_fields(WANZAI)["doc_date"] == ""
    sourced = page.replace('name="ContentSource" content=""', 'name="ContentSource" content="万载县人民政府网"')
    path.write_text(sourced, encoding="utf-8")
    assert "万载县人民政府网" not in extractor_for(detect_mime(path)).extract(path, Limits()).pages[0].text


def test_a_heading_the_main_text_finder_left_out_is_set_back() -> None:
    # validation_r42, untouched: no <title>, no <h1>; the <h3> heading left out and the 文号 under it read as the title
    title, text = main_text(_page(PHP_NEWS))
    lines = text.splitlines()
    assert title is None
    assert lines[:3] == ["2018.11.02", NOTICE, "国卫办医函〔2016〕936号"]
    assert doc_fields(PHP_NEWS)["title"] == NOTICE
    with rules.disabled({"page_main_headings"}):
        assert NOTICE not in main_text(_page(PHP_NEWS))[1]
        assert doc_fields(PHP_NEWS)["title"] == "国卫办医函〔2016〕936号"


def test_a_heading_over_the_pages_furniture_stays_out() -> None:
    # the 万载 page's <h3>关联稿件：</h3> heads the site's related links, no line of the main text
    text = main_text(_page(WANZAI))[1]
    assert "关联稿件" not in text
