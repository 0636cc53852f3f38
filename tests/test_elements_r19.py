"""Round 19 of issue 15: validation_r19's untouched misses, read the general way where the cause is shown in
another family's documents too (rule collection_first_piece).

The reading is checked on the real file that showed it, with the rule off for what it read before, on the
earlier families' files that set their pieces the same way, and on every other labelled file, which must
read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_page_names import _COLLECTION, _FIRST_PIECE

ROUND_19 = {"collection_first_piece"}



# --- a site's collection name over the first piece's heading ("collection_first_piece") ----------------

LINGGAN = "validation_r19/创建文明城市工作自查报告_灵感范文站_繁体.txt"
CANGYUAN = "validation_r17/街道创建文明城市工作汇报精选五篇_藏源.txt"
JIUAI = "validation_r18/创建全国文明城市动员大会讲话稿通用10篇_就爱阅读.txt"


def test_the_first_piece_under_a_collection_name_is_the_document() -> None:
    # validation_r19, untouched: 靈感範文站 / 位置:… / 一季度精神文明創建總結【精彩多篇】 (twice) /
    # 創建文明城市工作自查報告 篇一 / 一、領導重視,…
    read = doc_fields(LINGGAN)
    assert read["title"] == "创建文明城市工作自查报告" and read["doc_type"] == "报告"
    with rules.disabled(ROUND_19):
        off = doc_fields(LINGGAN)
    assert off["title"] == "一季度精神文明创建总结【精彩多篇】" and off["doc_type"] == ""


def test_the_earlier_collections_read_as_before() -> None:
    # validation_r17's 藏源 collection (…工作汇报精选五篇 over …工作汇报篇1) reads its piece with or without the rule;
    # validation_r18's 就爱阅读 page (【通用10篇】 in a blurb, title "?") keeps what it read
    assert doc_fields(CANGYUAN)["title"] == "街道创建文明城市工作汇报"
    with rules.disabled(ROUND_19):
        assert doc_fields(CANGYUAN)["title"] == "街道创建文明城市工作汇报"
        jiuai = doc_fields(JIUAI)
    assert doc_fields(JIUAI) == jiuai


def test_what_marks_a_collection_and_its_first_piece() -> None:
    for name in ("一季度精神文明创建总结【精彩多篇】", "街道创建文明城市工作汇报精选五篇", "申请办公经费请示格式范文(通用4篇)"):
        assert _COLLECTION.fullmatch(name)
    assert not _COLLECTION.fullmatch("创建文明城市工作自查报告")
    assert _FIRST_PIECE.fullmatch("创建文明城市工作自查报告 篇一").group("h") == "创建文明城市工作自查报告"
    assert _FIRST_PIECE.fullmatch("创建全国文明城市动员大会上的讲话稿例文【第一篇】")
    assert not _FIRST_PIECE.fullmatch("创建文明城市工作自查报告 篇二")


# --- every other labelled document reads as before ----------------------------------------------------


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_19, changed={LINGGAN}, round_family="validation_r19")
