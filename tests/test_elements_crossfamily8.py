"""Cross-family round 8 of issue 15: 发文机关 held out. A 署名 over a date line that names no one day is the 署名 all
the same ("signer_over_bare_digits", widened): validation_r14's 瑶海区生态环境分局 over 2023117 and office_paperwork's
鄒城市文明辦 over 2013417 (their untouched misses, the rule's first form) and now validation_r38's
共青团华中农业大学委员会宣传部 over 二〇一六年三月 (a month and no day: its untouched and held-out miss).

The widening reads validation_r38's page where its own rules are off (held out), takes no month line that a later day's
date follows (a cover's or a schedule's month never stands before the real 署名), no sentence over a month line, and
every other labelled file reads as before with the rule off.
"""
from __future__ import annotations

from labelled_elements import DATA, assert_reads_as_before, doc_fields

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

CAMPUS = "validation_r38/2a94b8bda04ff446dcedd42276fc99ee.php"
YAOHAI = "validation_r14/瑶海区生态环境分局征求规划意见的通知.txt"
UESTC = "validation_r30/98089b179476f854a64f7361f88b3e2b.php"
ORGAN = "共青团华中农业大学委员会宣传部"


def _text(name: str) -> str:
    path = DATA / "docs" / name
    return extractor_for(detect_mime(path)).extract(path, Limits()).text


def test_a_signature_over_a_month_with_no_day_held_out() -> None:
    with rules.disabled(rules.only_from("validation_r38")):
        assert doc_fields(CAMPUS)["issuer"] == ORGAN
        with rules.disabled({"signer_over_bare_digits"}):
            assert doc_fields(CAMPUS)["issuer"] == ""


def test_the_month_line_read_only_as_the_last_date() -> None:
    text = _text(CAMPUS)
    assert text.rstrip().endswith(ORGAN + "\n二〇一六年三月")
    meta = read_metadata(text)
    assert meta.issuer.value == ORGAN and meta.doc_date is None   # the 成文日期 is not made up from a month
    # with its day the line is a 成文日期 as before
    meta = read_metadata(text.replace("二〇一六年三月", "二〇一六年三月一日"))
    assert (meta.issuer.value, meta.doc_date.value) == (ORGAN, "2016-03-01")
    # a day's date after the month line: the month is no 署名's date (a schedule's or a cover's month), the search
    # goes on to the day's date
    meta = read_metadata(text + "\n\n印发日期：\n2016年3月5日\n")
    assert meta.doc_date.value == "2016-03-05" and meta.issuer is None
    # a sentence over the month line names no one
    meta = read_metadata(text.replace(ORGAN + "\n", "本办法由校团委宣传部负责解释。\n"))
    assert meta.issuer is None


def test_the_same_form_in_another_familys_page() -> None:
    # 电子科技大学网络文化建设工作办公室 / 2014年11月: read with every rule on by undated_signer (the month line is a page's
    # date there); in the strict reading, two site rules off, by the widening
    assert doc_fields(UESTC)["issuer"] == "电子科技大学网络文化建设工作办公室"
    with rules.disabled(rules.fewer_than_two_others("validation_r30")):
        assert doc_fields(UESTC)["issuer"] == "电子科技大学网络文化建设工作办公室"
        with rules.disabled({"signer_over_bare_digits"}):
            assert doc_fields(UESTC)["issuer"] == ""


def test_signer_over_bare_digits_changes_no_other_reading() -> None:
    assert_reads_as_before({"signer_over_bare_digits"}, changed={CAMPUS, YAOHAI}, round_family="validation_r40",
                           docs_only=False)
