"""发文字号 and 成文日期 in the forms copies, OCR and typists give them (issue 15, round 12).

validation_r11's untouched misses were mostly numbers and dates the general parsers did not read:
a Latin 0 or gaps among the Chinese numerals of a year (二0一七年, 二 0 一二年), a 文号 with a
disclosure class after it (华建复〔2017〕5号(B类)) or a date before it (2006年10月26日 财建〔2006〕689号),
a 发文日期 value on the line under its label, a delivery line whose date lost 年 and 月
(20221227日在…). Each is read on the real file, and checked against what it must not read.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.gongwen_lines import doc_number_match, heading_date
from dangan.read.understand.metadata import read_facts
from dangan.text.dates import date_from_bare_digits, find_dates, parse_date

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs" / "validation_r11"


def _read(name: str) -> dict[str, str]:
    path = DOCS / name
    values = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values()
    return {k: values.get(k) or "" for k in ("title", "doc_number", "issuer", "doc_date", "doc_type")}


@pytest.mark.parametrize(("text", "day"), [
    ("二0一七年五月二十六日", date(2017, 5, 26)),        # a Latin 0 typed among Chinese numerals
    ("二 0 一二年七月十日", date(2012, 7, 10)),          # a run-on PDF line spaces the year's digits
    ("二OO八年五月二十三日", date(2008, 5, 23)),         # Latin O, as before
    ("二o一四年十二月十五日", date(2014, 12, 15)),
    ("二零一二年七月十日", date(2012, 7, 10)),
    ("二○○八年五月二十七日", date(2008, 5, 27)),
])
def test_a_chinese_year_with_latin_zeros_or_gaps_is_read(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["三0年代", "第10000年", "一 二 三 四", "编号0一二三年", "共30一二人"])
def test_digits_that_are_no_chinese_year_stay_unread(text: str) -> None:
    assert [m for m in find_dates(text) if m.precision != "month"] == []


def test_a_reply_with_a_class_after_its_number_keeps_its_heading_apart() -> None:
    # 对…的回复 / 华建复〔2017〕5号(B类) / 对…的回复 / … / 二0一七年五月二十六日 / 扫一扫在手机打开当前页
    got = _read("华容县对人大代表第69号建议的回复.txt")
    assert got["title"] == "对华容县十七届人大一次会议第69号建议的回复"
    assert got["doc_number"] == "华建复〔2017〕5号"
    assert got["doc_date"] == "2017-05-26"
    with rules.disabled({"number_line_forms"}):   # the rule is what keeps the three lines apart
        assert _read("华容县对人大代表第69号建议的回复.txt")["doc_number"] == ""


def test_a_law_database_date_and_number_line_gives_the_number() -> None:
    got = _read("财政部前期工作经费管理暂行办法的通知.txt")
    assert got["doc_number"] == "财建〔2006〕689号"
    assert got["doc_date"] == "2006-10-26"
    assert got["title"] == "财政部关于印发《中央预算内基建投资项目前期工作经费管理暂行办法》的通知"


@pytest.mark.parametrize(("line", "number"), [
    ("华建复〔2017〕5号(B类)", "华建复〔2017〕5号"),
    ("沪府发〔2017〕92号（主动公开）", "沪府发〔2017〕92号"),
    ("2006年10月26日 财建〔2006〕689号", "财建〔2006〕689号"),
    ("财建〔2006〕689号　2006年10月26日", "财建〔2006〕689号"),
])
def test_number_line_forms(line: str, number: str) -> None:
    m = doc_number_match(line)
    assert m is not None and f"{m.group('code')}〔{m.group('year')}〕{int(m.group('num'))}号" == number


@pytest.mark.parametrize("line", [
    "华建复〔2017〕5号(B类意见)",                     # no class mark: a sentence's bracket
    "2006年10月26日 财建〔2006〕689号 财政部",        # a third word: not a number line
    "2006年10月 财建〔2006〕689号",                   # no full day before the number
    "关于印发财建〔2006〕689号文件的通知",
])
def test_lines_that_are_no_number_line(line: str) -> None:
    assert doc_number_match(line) is None


def test_a_date_under_its_own_label_and_a_delivery_line_that_lost_year_and_month() -> None:
    got = _read("黄陂区2022年计划执行情况与2023年计划草案的报告.txt")
    assert got["doc_date"] == "2022-12-27"
    for off in ("date_lost_marks", "date_below_own_label"):   # each reads it alone
        with rules.disabled({off}):
            assert _read("黄陂区2022年计划执行情况与2023年计划草案的报告.txt")["doc_date"] == "2022-12-27"
    with rules.disabled({"date_lost_marks", "date_below_own_label"}):
        assert _read("黄陂区2022年计划执行情况与2023年计划草案的报告.txt")["doc_date"] == ""


@pytest.mark.parametrize(("line", "iso"), [
    ("20221227日在黄陂区第六届人民代表大会第二次会议上", "2022-12-27"),
    ("——20240115日在全区经济工作会议上", "2024-01-15"),
    ("20221327日在黄陂区第六届人民代表大会第二次会议上", None),   # no 13th month
    ("20221227日在区政府门口", None),                            # no meeting: no delivery line
    ("20221227在黄陂区第六届人民代表大会第二次会议上", None),
    ("编号20221227日在会上", None),
])
def test_compact_delivery_date(line: str, iso: str | None) -> None:
    got = heading_date(line)
    assert (got[0] if got else None) == iso


def test_a_label_under_which_another_label_follows_gives_no_date() -> None:
    text = "某区关于做好某项工作的通知\n成文日期\n发布日期\n2022-12-27\n各街道：\n现将有关事项通知如下。\n"
    assert read_metadata(text).doc_date is None
    text = "某区关于做好某项工作的通知\n发文日期\n2022-12-27 18:10\n各街道：\n现将有关事项通知如下。\n"
    assert read_metadata(text).doc_date.value == "2022-12-27"


def test_a_heading_block_run_into_one_line_gives_number_title_issuer_and_date() -> None:
    # 关于请求解决校园路排水沟建设报告 xx 镇呈〔2012〕12 号 xx 镇人民政府 关于…公路 建设资金的报告 县移民局: …
    # 特此报告 xx 镇人民政府 二 0 一二年七月十日 -2-  (a doc-sharing copy; the first words are the site's name for
    # another file)
    got = _read("镇人民政府请求解决搬迁户机耕道公路建设资金的报告.txt")
    assert got == {"title": "xx镇人民政府关于请求解决修建xx村xx户搬迁户机耕道公路建设资金的报告",
                   "doc_number": "xx镇呈〔2012〕12号", "issuer": "xx镇人民政府", "doc_date": "2012-07-10",
                   "doc_type": "报告"}
    with rules.disabled({"run_on_number", "run_on_title_block", "run_on_closing_date"}):
        got = _read("镇人民政府请求解决搬迁户机耕道公路建设资金的报告.txt")
        assert (got["doc_number"], got["doc_date"]) == ("", "")


def test_a_number_opening_a_run_on_line_under_the_heading_is_read_without_that_familys_rule() -> None:
    # 關於印發…的通知 / 來源… / 呼政辦發[2008]68號 各旗、縣、區人民政府,…: (gov_site_pages_5, its own rule off)
    path = DOCS.parent / "gov_site_pages_5" / "呼和浩特市政府信息公开目录编制规则.txt"
    with rules.disabled({"number_opens_line"}):
        values = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values()
    assert values.get("doc_number") == "呼政办发〔2008〕68号"


def test_a_cited_number_in_a_run_on_body_is_no_number() -> None:
    # 财政部's notice cites (财建〔2002〕394号) in its body: a bracket, not a gap, stands before it
    body = "为进一步加强管理,根据《基本建设财务管理规定》(财建〔2002〕394号),制定本办法。" * 6
    assert read_metadata("某区关于印发办法的通知\n" + body + "\n").doc_number is None
    run_on = "各街道: 根据 财建〔2002〕394号 文件精神,现将有关事项通知如下。" + "请认真贯彻执行。" * 30
    assert read_metadata(run_on).doc_number is None   # a number after the 主送 is cited, not the document's


def test_a_closing_formula_run_on_with_a_chinese_date() -> None:
    text = ("关于解决活动经费的请示\n县文化局:\n" + "我站今年开展活动较多,经费不足。" * 5
            + "\n特此请示 某某镇文化站 二0一八年十一月八日 -1-\n")
    meta = read_metadata(text)
    assert (meta.doc_date.value, meta.issuer.value) == ("2018-11-08", "某某镇文化站")
    text = "关于解决活动经费的请示\n县文化局:\n特此请示,并请于2018年11月8日前批复为盼。\n"
    assert read_metadata(text).doc_date is None   # a deadline in the sentence, not a date after the formula


@pytest.mark.parametrize(("digits", "day"), [
    ("2013417", date(2013, 4, 17)),     # 41 is no month
    ("2017 6 23", date(2017, 6, 23)),
    ("20221227", date(2022, 12, 27)),
    ("2013111", None),                  # 1-11 or 11-1: not one day
    ("2013 13 1", None),
    ("2013", None),
    ("1234567", None),
])
def test_date_from_bare_digits(digits: str, day: date | None) -> None:
    assert date_from_bare_digits(digits) == day


def test_a_signature_date_that_lost_its_marks_under_a_note() -> None:
    # 牟定县人民政府办公室 / (此件公开发布) / { 2017 6 23 (gov_site_pages: the copy lost 年月日)
    path = DOCS.parent / "gov_site_pages" / "牟定县人民政府办公室关于印发突发环境事件应急预案的通知.txt"
    values = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values()
    assert (values.get("doc_date"), values.get("issuer")) == ("2017-06-23", "牟定县人民政府办公室")
    with rules.disabled({"date_lost_marks"}):
        assert read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values().get(
            "doc_date") is None


@pytest.mark.parametrize("tail", [
    "附件:统计表\n20131117\n",                    # no 署名 above the digits
    "某区创建办\n2013111\n",                       # under a 署名, but 1-11 or 11-1
    "某区创建办\n联系电话 2013417\n",              # words on the line
])
def test_bare_digits_that_are_no_signature_date(tail: str) -> None:
    text = "关于做好某项工作的通知\n各街道:\n现将有关事项通知如下,请认真贯彻执行。\n" + tail
    assert read_metadata(text).doc_date is None
