"""Round 28 of issue 15: validation_r28's untouched misses (an unbiased sample of everyday office paperwork), read the
general way where the cause is shown in another family's documents too (rule sharing_site_lead).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the earlier
family's file that shows the same cause, on a document of the same form it must leave alone, and on every other
labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules

ROUND_28 = {"sharing_site_lead"}

ZHENXING = "validation_r28/zixin_doc_1484011.txt"
SELF_CHECK = "validation_r26/镇创建省级文明城市工作自查报告_文档站.txt"


def test_a_chunk_counter_and_site_tag_before_a_run_on_heading_are_the_sites() -> None:
    # validation_r28, untouched: 1、-精品合同推荐- 2008年街道办工作总结一年来,振兴街道办事处…: the file's name was read
    read = doc_fields(ZHENXING)
    assert (read["title"], read["doc_type"]) == ("2008年街道办工作总结", "总结")
    with rules.disabled({"sharing_site_lead"}):
        off = doc_fields(ZHENXING)
    assert (off["title"], off["doc_type"]) == ("zixin_doc_1484011", "")


def test_a_sharing_sites_label_before_a_heading_run_into_its_recipients() -> None:
    # validation_r26, untouched and since: 文档介绍:xx市xx人民政府关于创建省级文明城市工作自查报告市精神文明办:自2011年…
    # (no 的 before 报告): the file's name was read
    assert doc_fields(SELF_CHECK)["title"] == "xx市xx人民政府关于创建省级文明城市工作自查报告"
    with rules.disabled({"sharing_site_lead"}):
        assert doc_fields(SELF_CHECK)["title"] == "镇创建省级文明城市工作自查报告文档站"


def test_a_heading_on_its_own_line_is_left_to_the_other_readings() -> None:
    # validation_r28's 后勤集团 通知: 通 知 alone on its line, then 集团各部门: — no site's words open it
    read = doc_fields("validation_r28/snsy_hqjt_info_4497_11969.txt")
    assert (read["title"], read["doc_type"]) == ("通知", "通知")


def test_every_other_labelled_file_reads_as_before() -> None:
    assert_reads_as_before(ROUND_28, changed={ZHENXING, SELF_CHECK}, round_family="validation_r28", docs_only=False)
