"""Cross-family round 6 of issue 15: 成文日期 on documents never seen. The date in brackets on the line straight
under the heading the reader settled on, where the heading block stopped short of it ("date_under_title"): four
families' untouched first runs missed it (validation_r29, r34, r35, r36), each under a different page's furniture.

The rule reads those four documents' dates where their own families' rules are off (held out, and for two of them in
the strict reading too), and every other labelled file reads as before with it off.
"""
from __future__ import annotations

from labelled_elements import DATA, assert_reads_as_before, doc_fields

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

HARBIN = "validation_r35/README_ourhimalayas_gnews15.md"
GUANGCHANG = "validation_r36/regulation_3.jsp"
SPEECH_ROW = "validation_r29/hf_sj32475983_testdata.txt"
SHANXI_ROW = "validation_r34/hf_leetdavid_market_positivity_p77.txt"
CHANGED = {HARBIN, GUANGCHANG, SPEECH_ROW, SHANXI_ROW}


def _date_held_out(name: str, family: str, strict: bool = False) -> tuple[str, str]:
    off = rules.fewer_than_two_others(family) if strict else rules.only_from(family)
    with rules.disabled(off):
        with_rule = doc_fields(name)["doc_date"]
        with rules.disabled({"date_under_title"}):
            without = doc_fields(name)["doc_date"]
    return with_rule, without


def test_a_reposts_bracketed_date_under_its_title_line() -> None:
    # a reposter's headline (哈尔滨封城如约而至—刚刚，哈尔滨市发布第59号公告！) over the organ lines keeps the heading block
    # from reaching **第59号公告** / **（2022年4月17日）**
    assert _date_held_out(HARBIN, "validation_r35") == ("2022-04-17", "")
    assert _date_held_out(HARBIN, "validation_r35", strict=True) == ("2022-04-17", "")


def test_a_date_run_into_the_first_article_of_the_headings_cell() -> None:
    # 广昌县纪委监察部举报网站 / | 中纪委监察部关于保护检举、控告人的规定 | / | （1996年1月15日） 第一条 为了…: the site's
    # name over the heading, the date opening the cell's line of articles
    assert _date_held_out(GUANGCHANG, "validation_r36") == ("1996-01-15", "")
    assert _date_held_out(GUANGCHANG, "validation_r36", strict=True) == ("1996-01-15", "")


def test_a_speech_in_a_viewers_cell_and_a_law_databases_bracket() -> None:
    # 冯 云 波 同 志 / 在2018年县政府第一次学习会议上的 / 讲 话 / (2018年5月15日) in a dataset viewer's input cell
    assert _date_held_out(SPEECH_ROW, "validation_r29") == ("2018-05-15", "")
    # the heading three times in a viewer's row, then (晋政办发〔2020〕84号2020年10月13日): the 文号 before the date
    assert _date_held_out(SHANXI_ROW, "validation_r34") == ("2020-10-13", "")


def test_a_sites_stamp_in_brackets_is_no_date() -> None:
    # the same repost with its bracket holding the stamp the page itself gives its source's posting
    # (潇湘晨报发布时间: 2022-04-18 00:50), or the date padded as a site pads it: a page's stamp, never the 成文日期
    path = DATA / "docs" / HARBIN
    text = extractor_for(detect_mime(path)).extract(path, Limits()).text
    assert "（2022年4月17日）" in text
    assert read_metadata(text).doc_date.value == "2022-04-17"
    for stamp in ("（2022-04-18 00:50）", "（2022年04月17日）", "（2022年4月17日 00:50）"):
        meta = read_metadata(text.replace("（2022年4月17日）", stamp))
        assert meta.doc_date is None, stamp


def test_date_under_title_changes_no_other_reading() -> None:
    assert_reads_as_before({"date_under_title"}, changed=CHANGED, round_family="validation_r38", docs_only=False)
