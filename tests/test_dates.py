"""Chinese date reading: absolute forms, relative forms against a meeting date, deadlines."""
from __future__ import annotations

import time
from datetime import date

import pytest

from dangan.text.dates import DateMention, find_dates, parse_date, resolve_deadline

REF = date(2022, 3, 26)        # the seed speech's meeting (a Saturday)
WEDNESDAY = date(2022, 3, 23)

ABSOLUTE = [
    ("2022年3月26日", date(2022, 3, 26)),
    ("2022年03月26日", date(2022, 3, 26)),
    ("2022年3月26号", date(2022, 3, 26)),
    ("2022.3.26", date(2022, 3, 26)),
    ("2022-03-26", date(2022, 3, 26)),
    ("2022/3/26", date(2022, 3, 26)),
    ("２０２２年３月２６日", date(2022, 3, 26)),
    ("２０２２－０３－２６", date(2022, 3, 26)),
    ("2023 年 1 月 23 日", date(2023, 1, 23)),          # spaced out by a PDF
    ("二〇二二年三月二十六日", date(2022, 3, 26)),
    ("二○一二年一月九日", date(2012, 1, 9)),            # ○ (circle) as typeset
    ("二零二一年十月四日", date(2021, 10, 4)),
    ("二〇二二年十二月三十一日", date(2022, 12, 31)),
    ("二〇二二年三月廿六日", date(2022, 3, 26)),
    ("二〇二二年一月卅一日", date(2022, 1, 31)),
    ("貳〇二一年十月四日", date(2021, 10, 4)),          # Traditional capital 貳
    ("一九五七年六月二十六日", date(1957, 6, 26)),
    ("2022年9月", date(2022, 9, 1)),
    ("二〇二二年九月", date(2022, 9, 1)),
    ("2022年", date(2022, 1, 1)),
    ("2022年底", date(2022, 12, 31)),
]

RELATIVE = [  # (expression, reference, date of the mention)
    ("3月26日", REF, date(2022, 3, 26)),
    ("三月二十六日", REF, date(2022, 3, 26)),
    ("9月", REF, date(2022, 9, 1)),
    ("九月份", REF, date(2022, 9, 1)),
    ("9月份", REF, date(2022, 9, 1)),
    ("十月底", REF, date(2022, 10, 31)),
    ("10月底", REF, date(2022, 10, 31)),
    ("4月中旬", REF, date(2022, 4, 20)),
    ("今年十月份", REF, date(2022, 10, 1)),
    ("明年3月底", REF, date(2023, 3, 31)),
    ("月底前", REF, date(2022, 3, 31)),
    ("本月底", REF, date(2022, 3, 31)),
    ("下月底", REF, date(2022, 4, 30)),
    ("年底前", REF, date(2022, 12, 31)),
    ("今年年底", REF, date(2022, 12, 31)),
    ("年内", REF, date(2022, 12, 31)),
    ("上半年", REF, date(2022, 6, 30)),
    ("下半年", REF, date(2022, 12, 31)),
    ("二季度", REF, date(2022, 6, 30)),
    ("本周五", WEDNESDAY, date(2022, 3, 25)),
    ("本週五", WEDNESDAY, date(2022, 3, 25)),
    ("下周一", WEDNESDAY, date(2022, 3, 28)),
    ("下星期三", WEDNESDAY, date(2022, 3, 30)),
    ("周五前", WEDNESDAY, date(2022, 3, 25)),
    ("明天", REF, date(2022, 3, 27)),
    ("一个月内", REF, date(2022, 4, 26)),
    ("1个月内", REF, date(2022, 4, 26)),
    ("通过一个月的努力", REF, date(2022, 4, 26)),
    ("用两周时间", REF, date(2022, 4, 9)),
    ("两周内", REF, date(2022, 4, 9)),
    ("三天内", REF, date(2022, 3, 29)),
    ("三個月內", REF, date(2022, 6, 26)),
    ("半个月内", REF, date(2022, 4, 10)),
    ("六十日内", REF, date(2022, 5, 25)),
    ("10个工作日内", REF, date(2022, 4, 8)),             # Mon–Fri only
    ("一年内", REF, date(2023, 3, 26)),
]

INVALID = ["2月30日", "2022年2月30日", "二〇二二年二月三十日", "2022-13-01", "2021年2月29日", "", "今天天气很好",
           "第十三届全国人民代表大会", "3个月", "统一月度报表"]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected
    [mention] = find_dates(f"于{text}召开")
    assert (mention.date, mention.relative, mention.start, mention.end) == (expected, False, 1, 1 + len(text))
    assert mention.text == text


@pytest.mark.parametrize(("text", "ref", "expected"), RELATIVE)
def test_relative_forms(text: str, ref: date, expected: date) -> None:
    assert parse_date(text, ref) == expected
    [mention] = find_dates(text, ref)
    assert mention.relative and mention.date == expected


@pytest.mark.parametrize("text", ["3月26日", "九月份", "本周五", "一个月内", "月底前"])
def test_relative_forms_need_a_reference(text: str) -> None:
    assert parse_date(text) is None
    assert find_dates(text) == []


@pytest.mark.parametrize("text", INVALID)
def test_invalid_or_non_dates_give_none(text: str) -> None:
    assert parse_date(text, REF) is None


def test_parse_date_takes_exactly_one_expression() -> None:
    assert parse_date("2022年3月26日前") == date(2022, 3, 26)
    assert parse_date("会议于2022年3月26日召开") is None
    assert parse_date("2022年3月1日—2022年3月31日") is None


def test_precision() -> None:
    found = find_dates("2022年、2022年9月、2022年9月30日", REF)
    assert [m.precision for m in found] == ["year", "month", "day"]


def test_find_dates_in_order_with_offsets() -> None:
    text = "2020年2月1日—2020年2月29日我市作出审批决定，公告期为2020年3月1日－2020年3月31日。"
    found = find_dates(text)
    assert [m.date for m in found] == [date(2020, 2, 1), date(2020, 2, 29), date(2020, 3, 1), date(2020, 3, 31)]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert isinstance(found[0], DateMention)


def test_traditional_with_full_width_digits() -> None:
    [mention] = find_dates("會議於２０２２年３月２６日召開")
    assert mention.date == date(2022, 3, 26) and mention.text == "２０２２年３月２６日"


DEADLINES = [
    ("九月份创建国家文明城检查组就要到来检查评比", REF, date(2022, 9, 30)),
    ("各单位要在月底前完成自查", REF, date(2022, 3, 31)),
    ("年底前全部完成整改", REF, date(2022, 12, 31)),
    ("通过一个月的努力，突破六大难点、扮靓九纵九横", REF, date(2022, 4, 26)),
    ("请于本周五前报送区创建办", WEDNESDAY, date(2022, 3, 25)),
    ("下周一召开调度会", WEDNESDAY, date(2022, 3, 28)),
    ("10个工作日内报送整改情况", REF, date(2022, 4, 8)),
    ("上半年完成老旧小区改造", REF, date(2022, 6, 30)),
    ("2022年3月31日前报送材料", REF, date(2022, 3, 31)),
    ("9月10日前完成，10月底前验收", REF, date(2022, 9, 10)),
    ("今年十月份召开七城会，九月底前完成迎检准备", REF, date(2022, 9, 30)),
    ("3月底前完成", date(2022, 11, 10), date(2023, 3, 31)),   # said in November: next March
    ("要迅速整改", REF, None),
]


@pytest.mark.parametrize(("sentence", "ref", "expected"), DEADLINES)
def test_resolve_deadline(sentence: str, ref: date, expected: date | None) -> None:
    assert resolve_deadline(sentence, ref) == expected


def test_a_long_report_is_read_in_milliseconds() -> None:
    paragraph = ("过去一年，面对复杂严峻的形势，我们于2021年3月5日召开会议，九月份完成整治，"
                 "通过一个月的努力实现目标。国内生产总值增长8.1%，城镇新增就业1269万人。") * 400
    assert len(paragraph) > 30_000
    find_dates(paragraph, REF)  # warm up
    start = time.perf_counter()
    found = find_dates(paragraph, REF)
    elapsed = time.perf_counter() - start
    assert len(found) == 1200
    assert elapsed < 0.5, f"{elapsed:.3f}s"   # typically a few ms; generous for a busy CI machine
