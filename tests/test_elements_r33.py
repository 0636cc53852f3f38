"""Round 33 of issue 15: validation_r33's untouched misses whose cause another family's untouched run shows too,
read by widening the rules that family's miss led to (page_stamp, collection_counts).

- A row whose own label says the site published the page (发布时间：/发表时间：) is the site's posting, never the
  成文日期, whatever stands beside it: validation_r33's JSP page of a speech (发布时间：2011-07-14 over one 发布人 row)
  and validation_r13's 肥东 通报 (发布时间:2021-04-23 15:29:19, read as its date on its untouched run; page_stamp
  refused it for the record fields under it, and now refuses it without them). The row stays the posting day.
- A site's first piece numbered by a bare 1 under the page's name that holds its heading is read without the number,
  whether the name counts the pieces (validation_r30's 國文雲, validation_r32's wanwen) or sets the site's year before
  the heading (validation_r33's vspos page: 2020年最美志愿者策劃方案 / … / 最美志愿者策劃方案1).

Each reading is checked on the real files that showed it, with its rule off for what they read before.
"""
from __future__ import annotations

from labelled_elements import doc_fields, source_path

from dangan.model import Extracted, OfficialMeta, Page
from dangan.read.understand import rules
from dangan.read.understand.metadata import read_facts

SPEECH = "validation_r33/ff808081311835920131260c0b9c170a.jsp"
FEIDONG = "validation_r13/肥东县文明创建督查通报.txt"
VSPOS = "validation_r33/2020年最美志愿者策劃方案_vspos.txt"
GUOWENYUN = "validation_r30/文明創建工作總結_國文雲.txt"
WANWEN = "validation_r32/文明城市倡议书15篇_wanwen.txt"


def _read(text: str, name: str) -> OfficialMeta:
    return read_facts(Extracted(pages=(Page(1, text),), extractor="text"), name)[0]


def _date(meta: OfficialMeta) -> str:
    return meta.doc_date.value if meta.doc_date is not None else ""


def test_a_posting_row_by_its_label_is_no_date() -> None:
    # validation_r33, untouched: the platform's 发布时间：2011-07-14 (a lone 发布人 row under it) read as the speech's date
    assert doc_fields(SPEECH)["doc_date"] == ""
    with rules.disabled({"page_stamp"}):
        assert doc_fields(SPEECH)["doc_date"] == "2011-07-14"


def test_the_posting_row_stays_the_posting_day() -> None:
    text = source_path("docs/" + FEIDONG).read_text(encoding="utf-8")
    meta = _read(text, "肥东县文明创建督查通报.txt")
    assert _date(meta) == ""
    assert meta.posted_date is not None and meta.posted_date.value == "2021-04-23"


def test_the_same_row_without_the_site_record_beside_it() -> None:
    # validation_r13's 肥东 page (its untouched miss: the 发布时间 row taken), with the 信息来源/作者/阅读次数 rows that
    # page_stamp first refused it by taken out: the row's own label still makes it the site's
    lines = source_path("docs/" + FEIDONG).read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("发布时间:2021-04-23") and lines[2].startswith("信息来源")
    bare = "\n".join(lines[:2] + lines[5:])
    assert _date(_read(bare, "肥东县文明创建督查通报.txt")) == ""
    with rules.disabled({"page_stamp"}):
        assert _date(_read(bare, "肥东县文明创建督查通报.txt")) == "2021-04-23"


def test_a_first_piece_numbered_by_one_under_a_year_named_page() -> None:
    # validation_r33, untouched: the page's name read for the first piece's heading
    assert doc_fields(VSPOS)["title"] == "最美志愿者策划方案"
    assert doc_fields(VSPOS)["doc_type"] == "方案"
    with rules.disabled({"collection_counts"}):
        assert doc_fields(VSPOS)["title"] == "2020年最美志愿者策划方案"


def test_the_counted_collections_read_as_before() -> None:
    # the form's first two pages (validation_r30 and r32, untouched misses) keep their pieces' headings
    assert doc_fields(GUOWENYUN)["title"] == "文明创建工作总结"
    assert doc_fields(WANWEN)["title"] == "文明城市倡议书"
    with rules.disabled({"collection_counts"}):
        assert doc_fields(WANWEN)["title"] != "文明城市倡议书"
