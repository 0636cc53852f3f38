"""Cross-family round 7 of issue 15: 标题 on documents never seen. A heading's first words left on the line above the
lines the reader took it from, in a block a date in brackets closes ("heading_lead_line"): two families' untouched first
runs missed it, still missed held out (validation_r35: an organ's name wrapped before its organ word under a reposter's
headline; validation_r29: a speech's speaker on a line of his own in a dataset viewer's cell).

The rule reads both titles where their own families' rules are off (held out), leaves a page's word, an organ's
whole name and a menu over such a block alone, and every other labelled file reads as before with it off.
"""
from __future__ import annotations

from labelled_elements import DATA, assert_reads_as_before, doc_fields

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

HARBIN = "validation_r35/README_ourhimalayas_gnews15.md"
SPEECH_ROW = "validation_r29/hf_sj32475983_testdata.txt"
CHANGED = {HARBIN, SPEECH_ROW}


def _title_held_out(name: str, family: str) -> tuple[str, str]:
    with rules.disabled(rules.only_from(family)):
        with_rule = doc_fields(name)["title"]
        with rules.disabled({"heading_lead_line"}):
            without = doc_fields(name)["title"]
    return with_rule, without


def _text(name: str) -> str:
    path = DATA / "docs" / name
    return extractor_for(detect_mime(path)).extract(path, Limits()).text


def test_an_organs_name_wrapped_before_its_organ_word() -> None:
    # 哈尔滨市应对新型冠状病毒 / 感染肺炎疫情工作指挥部 / 第59号公告 / （2022年4月17日） under a reposter's headline
    assert _title_held_out(HARBIN, "validation_r35") == (
        "哈尔滨市应对新型冠状病毒感染肺炎疫情工作指挥部第59号公告", "感染肺炎疫情工作指挥部第59号公告")


def test_a_speakers_line_over_the_meeting() -> None:
    # 冯 云 波 同 志 / 在2018年县政府第一次学习会议上的 / 讲 话 / (2018年5月15日) in a dataset viewer's input cell
    assert _title_held_out(SPEECH_ROW, "validation_r29") == (
        "冯云波同志在2018年县政府第一次学习会议上的讲话", "在2018年县政府第一次学习会议上的讲话")


def test_a_pages_word_or_an_organs_whole_name_over_the_block_is_left() -> None:
    text = _text(HARBIN)
    assert "哈尔滨市应对新型冠状病毒" in text
    # a page's word (no place opens it), an organ's whole name (the organ lines' reading, not a wrapped name), a line
    # opening with its own place under the line above: none is the heading's first words
    for above, first in (("通知公告", "感染肺炎疫情工作指挥部"), ("哈尔滨市人民政府", "感染肺炎疫情工作指挥部"),
                         ("哈尔滨市应对新型冠状病毒", "黑龙江省感染肺炎疫情工作指挥部")):
        meta = read_metadata(text.replace("哈尔滨市应对新型冠状病毒", above).replace("感染肺炎疫情工作指挥部", first))
        assert meta.title.value == first + "第59号公告", above
    # two short lines over the block: a menu's words or a page's, not one heading's block
    meta = read_metadata(text.replace("哈尔滨市应对新型冠状病毒", "疫情防控\n\n哈尔滨市应对新型冠状病毒"))
    assert meta.title.value == "感染肺炎疫情工作指挥部第59号公告"
    # without the date in brackets under it, the block is not known for a heading's
    meta = read_metadata(text.replace("（2022年4月17日）", ""))
    assert meta.title.value == "感染肺炎疫情工作指挥部第59号公告"


def test_a_speaker_only_over_a_heading_opening_with_zai() -> None:
    text = _text(SPEECH_ROW)
    assert read_metadata(text).title.value == "冯云波同志在2018年县政府第一次学习会议上的讲话"
    # the same line over a heading that does not open with 在 is no speaker of it
    meta = read_metadata(text.replace("在2018年县政府第一次学习会议上的", "2018年县政府第一次学习会议上的"))
    assert not meta.title.value.startswith("冯云波同志")


def test_heading_lead_line_changes_no_other_reading() -> None:
    assert_reads_as_before({"heading_lead_line"}, changed=CHANGED, round_family="validation_r40", docs_only=False)
