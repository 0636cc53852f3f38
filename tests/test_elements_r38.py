"""Round 38 of issue 15: validation_r38's untouched misses whose cause another family's untouched run shows too.

- A news item's headline that names no kind read for the title of the document the page carries (headline_subject):
  validation_r38's cni.top page sets 城市更新重大进展!天津市城镇老旧小区更新改造征求意见稿发布 over a 导读 and three news
  paragraphs, then the document's own heading 天津市城镇老旧小区更新改造工作方案 / (征求意见稿) over 一、总体要求; the headline
  was read and no 文种 with it. validation_r28's forum repost set a headline naming no kind (国务院成立…领导小组 张高丽任组长)
  over the notice it carries, read for the title on its untouched run (its heading, run into its 主送 after 全文如下：, is
  read by headline_over_heading since).

Each reading is checked on the real files that showed it, with its rule off for what they read before; a page whose
headline names no kind and whose lower lines hold no heading sharing its subject keeps its headline.
"""
from __future__ import annotations

from labelled_elements import doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_news import _shares_subject

TIANJIN = "validation_r38/天津市城镇老旧小区更新改造工作方案征求意见稿_cni.txt"
FORUM = "validation_r28/jy0832_archiver_tid-223987.txt"
HEADLINE = "城市更新重大进展!天津市城镇老旧小区更新改造征求意见稿发布"


def test_the_heading_a_headline_naming_no_kind_announces() -> None:
    # validation_r38, untouched: the headline read, no 文种
    fields = doc_fields(TIANJIN)
    assert fields["title"] == "天津市城镇老旧小区更新改造工作方案(征求意见稿)"
    assert fields["doc_type"] == "方案"
    with rules.disabled({"headline_subject"}):
        fields = doc_fields(TIANJIN)
        assert fields["title"] == HEADLINE
        assert not fields["doc_type"]


def test_the_other_familys_headline_is_read_by_its_own_reading() -> None:
    # validation_r28's repost: headline_over_heading reads the heading after 全文如下：; headline_subject changes nothing
    title = "国务院办公厅关于成立第一次全国地理国情普查领导小组的通知"
    assert doc_fields(FORUM)["title"] == title
    with rules.disabled({"headline_subject"}):
        assert doc_fields(FORUM)["title"] == title
    with rules.disabled({"headline_over_heading"}):
        assert doc_fields(FORUM)["title"] != title


def test_a_heading_shares_the_headline_subject_only_by_a_long_run() -> None:
    assert _shares_subject(HEADLINE, "天津市城镇老旧小区更新改造工作方案")
    # a place's name and a common word are no subject
    assert not _shares_subject(HEADLINE, "天津市人民政府关于印发城市更新行动方案的通知")
