"""Round 30 of issue 15: validation_r30's untouched misses (an unbiased sample of the evidence paperwork a 创文 office
files), read the general way where the cause is shown in another family's documents too (rule summary_subject).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the earlier
family's file that shows the same cause, on a document of the same form it must leave alone, and on every other
labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules

ROUND_30 = {"summary_subject"}

GONGSHANG = "validation_r30/小學未成年思想道德建設工作總結_p719.txt"
ZHENXING = "validation_r28/zixin_doc_1484011.txt"
LUYANG = "validation_r30/文明創建工作總結_國文雲.txt"


def test_a_summary_names_its_author_as_the_subject_of_its_opening() -> None:
    # validation_r30, untouched: the site's blurb (…發現問題所在,…), then …工作總結篇一 / 市工商局充分發揮工商職能作用,開展了…
    read = doc_fields(GONGSHANG)
    assert (read["issuer"], read["doc_type"]) == ("市工商局", "总结")
    with rules.disabled(ROUND_30):
        assert doc_fields(GONGSHANG)["issuer"] == ""


def test_the_same_in_another_familys_summary_after_its_time() -> None:
    # validation_r28, untouched and since: …2008年街道办工作总结一年来,振兴街道办事处在区党工委、管委会的正确领导下,…
    assert doc_fields(ZHENXING)["issuer"] == "振兴街道办事处"
    with rules.disabled(ROUND_30):
        assert doc_fields(ZHENXING)["issuer"] == ""


def test_an_industrial_zone_summary_names_its_zone_once_it_is_an_organ() -> None:
    # validation_r30's 文明創建工作總結1: 20xx年度,廬陽工業區在以經濟建設爲中心工作的同時,… (no 领导下 after 在), then
    # 廬陽工業區高度重視今年的創建迎檢工作: read since 工业区 is an organ's ending (organ names, tests/test_elements_organs.py)
    read = doc_fields(LUYANG)
    assert (read["issuer"], read["doc_type"]) == ("庐阳工业区", "总结")
    with rules.disabled(ROUND_30):
        assert doc_fields(LUYANG)["issuer"] == ""


def test_every_other_labelled_file_reads_as_before() -> None:
    assert_reads_as_before(ROUND_30, changed={GONGSHANG, ZHENXING, LUYANG}, round_family="validation_r30", docs_only=False)
