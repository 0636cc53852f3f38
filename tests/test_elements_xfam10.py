"""Cross-family round 10 of issue 15: 发文字号 and 发文机关 held out. Two forms of held-out misses that two families show:

- several organs run together before a joint heading's 关于 or 印发 (gov_site_pages' 岳阳 notice,
  中共岳阳市委办公室岳阳市人民政府办公室印发…, whose miss led to "joint_title_organs") where the run as a whole would pass
  for one organ's name, so the title's reading took it whole: validation_r34's 黑龙江 两办 notice, its organ line
  中共黑龙江省委办公厅 黑龙江省人民政府办公厅 over the 关于 heading (the space lost where the heading is joined), read as one
  organ on its untouched run, held out and with every rule on. The rule is widened to it and credited to it too;
- the 发文字号 of the document's own head block, set straight over its 主送 (or over the organ and heading lines over it)
  below a page's heading or rows that the title's reading took ("number_over_recipients"): validation_r23's 函 (沪建综规
  〔2025〕449号 over its organ line and heading, under the site's 信息公开 fields) and 沪商规 notice (its heading replaced by
  the file's cut name held out), and validation_r17's model-text page (国函〔2009〕2 号 under the quoted 批复's heading,
  the page's own name 公文批复 read for the title: its untouched miss, read since by model_text_heading), and
  gov_site_pages_7's 湖州 page (its untouched miss; test_elements_crossfamily2 reads it with its own rules off).

Each test reads the real files; every other labelled file reads as before without the change.
"""
from __future__ import annotations

import re

import pytest
from labelled_elements import DATA, assert_reads_as_before, doc_fields, fields_now, fields_of, labelled_by

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import gongwen_elements, rules
from dangan.read.understand.gongwen import read_metadata

TWO_OFFICES = "validation_r34/黑龙江省两办关于印发三个突破年行动方案的通知_hljnews.txt"
ORGAN_LINE = "中共黑龙江省委办公厅 黑龙江省人民政府办公厅"
JOINT = "中共黑龙江省委办公厅、黑龙江省人民政府办公厅"


def _text(name: str) -> str:
    path = DATA / "docs" / name
    return extractor_for(detect_mime(path)).extract(path, Limits()).text


def test_the_two_offices_held_out() -> None:
    with rules.disabled(rules.only_from("validation_r34")):
        assert doc_fields(TWO_OFFICES)["issuer"] == JOINT
        with rules.disabled({"joint_title_organs"}):
            assert doc_fields(TWO_OFFICES)["issuer"] == JOINT.replace("、", "")
    # the title keeps the organ line whole, as the data README has a title's organ lines
    assert doc_fields(TWO_OFFICES)["title"].startswith(JOINT.replace("、", "") + "关于印发《")


def test_the_offices_read_as_printed() -> None:
    text = _text(TWO_OFFICES)
    assert ORGAN_LINE in text
    # run together in print, as 岳阳's heading prints them: the same two
    assert read_metadata(text.replace(ORGAN_LINE, ORGAN_LINE.replace(" ", ""))).issuer.value == JOINT
    # one organ whose name does not name its place again after an organ's ending: one organ
    for one in ("黑龙江省人民政府办公厅", "中共黑龙江省委办公厅", "黑龙江省委宣传部"):
        assert read_metadata(text.replace(ORGAN_LINE, one)).issuer.value == one, one
    # a second organ of another place: no split where the first organ's place does not come again
    other = "中共黑龙江省委办公厅哈尔滨市人民政府办公厅"
    assert read_metadata(text.replace(ORGAN_LINE, other)).issuer.value == other


def _as_before(prefix: str) -> list[str] | None:
    """title_organs as issuer_from_title asked it before the round: never of a run that passes for one organ."""
    if gongwen_elements.ORG.fullmatch(re.sub(" ", "", prefix)):
        return None
    return _TITLE_ORGANS(prefix)


_TITLE_ORGANS = gongwen_elements.title_organs


def test_the_widening_changes_no_other_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [lab["source"] for lab in labelled_by("validation_r43")
               if not lab["source"].startswith("ocr:") and lab["source"] != "docs/" + TWO_OFFICES]
    assert len(sources) > 500
    with monkeypatch.context() as patched:
        patched.setattr(gongwen_elements, "title_organs", _as_before)
        before = {source: fields_of(source) for source in sources}
        assert fields_of("docs/" + TWO_OFFICES)["issuer"] == JOINT.replace("、", "")
    after = fields_now(sources)
    differ = {source: (before[source], now) for source, now in after.items() if now != before[source]}
    assert not differ, differ


LETTER = "validation_r23/关于印发《上海市城市体检促进城市更新的工作指引》的函.md"
SEVEN = "validation_r23/上海市商务委员会 上海市委宣传部 上海市财政局 上海市公安局 上海市市场监督管理局 上海市绿化和市容.md"
MODEL_TEXT = "validation_r17/公文批复范文_瑞文网.txt"


def _number(name: str, off: set[str]) -> tuple[str, str]:
    with rules.disabled(off):
        with_rule = doc_fields(name)["doc_number"]
        with rules.disabled({"number_over_recipients"}):
            return with_rule, doc_fields(name)["doc_number"]


def test_the_number_over_the_recipients_held_out() -> None:
    held_out = rules.only_from("validation_r23")
    assert "number_over_recipients" not in held_out
    assert _number(LETTER, held_out) == ("沪建综规〔2025〕449号", "")
    assert _number(SEVEN, held_out) == ("沪商规〔2024〕4号", "")
    # validation_r17's page with the page's own name read for the title (model_text_heading off): its untouched miss
    assert _number(MODEL_TEXT, {"model_text_heading"}) == ("国函〔2009〕2号", "")
    with rules.disabled({"model_text_heading"}):
        assert doc_fields(MODEL_TEXT)["title"] == "公文批复"


def test_only_the_head_block_over_the_recipients() -> None:
    text = _text(LETTER)
    block = "沪建综规〔2025〕449号\n上海市住房和城乡建设管理委员会\n关于印发《上海市城市体检促进城市更新的工作指引》的函\n各有关单位："
    assert block in text
    with rules.disabled(rules.only_from("validation_r23")):
        assert read_metadata(text).doc_number.value == "沪建综规〔2025〕449号"
        # a sentence between the number and the 主送: the number belongs to no head block
        cut = block.replace("\n上海市住房", "\n现将有关事项函告如下，请认真执行。\n上海市住房")
        assert read_metadata(text.replace(block, cut)).doc_number is None
        # more lines between than an organ's line and a heading's: too far from the 主送
        far = block.replace("\n关于印发", "\n城市更新\n城市体检\n关于印发")
        assert read_metadata(text.replace(block, far)).doc_number is None
        # no 主送 under the block: no head block to read
        bare = block.replace("各有关单位：", "为进一步提高城市体检成果质量，制定本指引。")
        assert read_metadata(text.replace(block, bare)).doc_number is None


def test_the_number_rule_changes_no_other_reading() -> None:
    assert_reads_as_before({"number_over_recipients"}, changed=set(), round_family="validation_r43", docs_only=False)
