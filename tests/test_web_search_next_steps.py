"""A search that finds nothing says what to try next; a page past the last one links back.

The desk said only 没有找到匹配的文件 and left the clerk with an empty page: no word on typos, on the
quotes that ask for the exact span, on the filters that narrowed it, or on scans not yet read."""
from __future__ import annotations

from urllib.parse import quote

from web_desk import html


def test_nothing_found_says_what_to_try(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client.get("/?q=量子纠缠"))
    assert "没有找到匹配的文件" in page and "可以试试" in page and "检查有没有错别字" in page
    assert "去掉引号" not in page and "去掉筛选条件" not in page       # neither quotes nor filters were used
    assert 'href="/status"' in page and "识别进度" in page


def test_nothing_found_with_quotes_and_a_filter_offers_the_plain_search(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client.get('/?q="量子纠缠"&type=讲话&from=2020-01-01'))
    assert "没有找到匹配的文件" in page and "去掉引号" in page and "去掉筛选条件和日期范围再查" in page
    plain = f'href="/?q={quote(chr(34) + "量子纠缠" + chr(34), safe="")}"'
    assert plain in page                                                 # the words kept, type and date dropped
    assert "没有找到匹配的文件" not in html(client.get("/?q=创建办会&type=讲话"))


def test_a_search_that_finds_says_no_next_steps(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client.get("/?q=创建办会"))
    assert "共找到" in page and "可以试试" not in page


def test_a_page_past_the_last_links_back(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client.get("/?q=创建办会&page=9"))
    assert "这一页已越过最后一件" in page and "回到最后一页" in page
    assert "page=1" in page.split("回到最后一页")[0].rsplit("<a", 1)[1]
    back = html(client.get("/?q=创建办会&page=1"))
    assert "这一页已越过最后一件" not in back and "书记在创建办会部署会讲话" in back
