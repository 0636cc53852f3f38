"""Round 31 of issue 15: validation_r31's untouched misses (an unbiased sample of the policy and normative documents
districts and counties publish), read the general way where the cause is shown in another family's documents too
(rule adoption_line).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the earlier
family's file that shows the same cause, on a document of the same form it must leave alone, and on every other
labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules

ROUND_31 = {"adoption_line"}

NPC = "validation_r31/全国人大常委会关于完善和加强备案审查制度的决定_npcobserver.txt"
NINGBO = "congress_documents/宁波市人大关于常委会工作报告的决议.txt"


def test_an_adoption_line_behind_a_translation_dates_the_decision() -> None:
    # validation_r31, untouched: 全国人民代表大会常务委员会 / 关于…的决定 / its English title /
    # (2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过) / (Adopted at …)
    read = doc_fields(NPC)
    assert (read["doc_date"], read["doc_type"]) == ("2023-12-29", "决定")
    with rules.disabled(ROUND_31):
        assert doc_fields(NPC)["doc_date"] == ""


def test_the_same_in_another_familys_resolution_after_its_time() -> None:
    # congress_documents, untouched and since: the heading, • 阅读: / • 时间:2023-01-09 12:55 / • 来源:宁波日报 /
    # • (2023年1月8日宁波市第十六届人民代表大会第三次会议通过): the note's date, not the page's
    assert doc_fields(NINGBO)["doc_date"] == "2023-01-08"
    with rules.disabled(ROUND_31):
        assert doc_fields(NINGBO)["doc_date"] == ""


def test_an_adoption_told_inside_a_sentence_is_left_alone() -> None:
    # validation_r31's 阿拉山口 notice: 《…工作规则》已经2016年10月7日…第二次常务会议通过,现予印发 in its body, then its
    # 署名 over 2016年10月14日: the 署名's date
    assert doc_fields("validation_r31/阿拉山口市人民政府工作规则的通知_alsk.txt")["doc_date"] == "2016-10-14"


def test_every_other_labelled_file_reads_as_before() -> None:
    assert_reads_as_before(ROUND_31, changed={NPC, NINGBO}, round_family="validation_r31", docs_only=False)
