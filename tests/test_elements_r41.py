"""Round 41 of issue 15: validation_r41's untouched miss whose cause another family's untouched run shows too.

- The author named only in the sentence by which the document makes itself known (maker_in_opening):
  validation_r41's model-text page (a Traditional pinyin mirror) carries a 方案 with no 署名 whose opening says
  滿洲里市地稅局作為重要的行政執法部門,研究制定創建全國文明城市工作方案如下; validation_r33's news-site 通告, the date alone
  under it, says 经市城市管理委员会研究决定,…,现将有关事项通告如下. Both were read with no issuer on their untouched runs.
  Two superiors whose study a notice conveys (经市委、市政府研究,决定表彰…,有关推荐事项通知如下: validation_r20's 常州 notice,
  labelled with no issuer) are not read as its author.
- The 通告's heading (关于加强元旦节前后城市管理工作的通告) names no place: a span of time (节前后, 期间) is no place that
  completes 市城市管理委员会 (place_not_phrase, widened).

Each reading is checked on the real files that showed it, with its rule off for what they read before.
"""
from __future__ import annotations

from labelled_elements import doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_context import places

MANZHOULI = "validation_r41/創建文明城市迎檢方案精選25篇_runthegoodtimes.txt"
MIANYANG = "validation_r33/关于加强元旦节前后城市管理工作的通告_myscxx.txt"
CHANGZHOU = "validation_r20/常州推荐先进集体通知_常州文明网.txt"


def test_the_organ_that_drew_up_the_plan_in_its_opening_is_its_author() -> None:
    # validation_r41, untouched: no issuer
    fields = doc_fields(MANZHOULI)
    assert fields["issuer"] == "满洲里市地税局"
    assert fields["title"] == "创建文明城市迎检方案"
    assert fields["doc_type"] == "方案"
    with rules.disabled({"maker_in_opening"}):
        assert doc_fields(MANZHOULI)["issuer"] == ""


def test_the_organ_whose_study_decided_the_notice_is_its_author() -> None:
    # validation_r33, untouched: no issuer
    fields = doc_fields(MIANYANG)
    assert fields["issuer"] == "市城市管理委员会"
    assert fields["doc_type"] == "通告"
    with rules.disabled({"maker_in_opening"}):
        assert doc_fields(MIANYANG)["issuer"] == ""


def test_two_superiors_whose_study_a_notice_conveys_are_not_its_author() -> None:
    assert doc_fields(CHANGZHOU)["issuer"] == ""


def test_a_span_of_time_in_a_heading_is_no_place() -> None:
    assert places("关于加强元旦节前后城市管理工作的通告") == []
    assert places("关于做好国庆期间城市管理工作的通知") == []
    with rules.disabled({"place_not_phrase"}):
        assert places("关于加强元旦节前后城市管理工作的通告") == ["加强元旦节前后城市"]
    # real places stay, 毕节市 among them
    assert places("关于推进浦东新区综合改革的意见") == ["浦东新区"]
    assert places("贵州省毕节市人民政府") == ["贵州省毕节市"]
