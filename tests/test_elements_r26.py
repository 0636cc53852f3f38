"""Round 26 of issue 15: validation_r26's untouched misses (what units send to a district 创文办), read the
general way where the cause is shown in another family's documents too (rule stacked_signature_run).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the
earlier families' files that show the same cause, on documents of the same form it must leave alone, and on
every other labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import DATA, assert_reads_as_before, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

ROUND_26 = {"stacked_signature_run"}


# --- a 署名 stacked one organ a line is every organ line spaced as the 署名 is over its date -------------------

YINJIANG = "validation_r26/印江县三部门门前三包倡议书_县政府网站.txt"
ZHOUQU = "validation_r22/舟曲县环境卫生整治督查通报_繁体.txt"
YINJIANG_ORGANS = "印江自治县住房和城乡建设局、印江自治县市场监督管理局、印江自治县融媒体中心"
ZHOUQU_OFFICE = "舟曲县全域无垃圾专项治理领导小组办公室"


def test_three_organs_signed_a_line_each_are_all_the_issuers() -> None:
    # validation_r26, untouched: three county bodies' 倡议书 signed one a line, a blank line between each as between the
    # last and 2025年3月2日: stacked_signature's two lines lost the first
    read = doc_fields(YINJIANG)
    assert (read["issuer"], read["doc_date"]) == (YINJIANG_ORGANS, "2025-03-02")
    with rules.disabled({"stacked_signature_run"}):
        assert doc_fields(YINJIANG)["issuer"] == "印江自治县市场监督管理局、印江自治县融媒体中心"


def test_a_lists_last_item_over_the_signature_is_no_co_signer() -> None:
    # validation_r22, untouched and since: 2、職能單位末位排名 / 交通局, two blank lines, then the 署名 on its date: the
    # list's last item was joined to the 署名, by stacked_signature and by joint_issuers' stacked run alike
    read = doc_fields(ZHOUQU)
    assert (read["issuer"], read["doc_date"]) == (ZHOUQU_OFFICE, "2020-04-10")
    with rules.disabled({"stacked_signature_run"}):
        assert doc_fields(ZHOUQU)["issuer"] == "交通局、" + ZHOUQU_OFFICE


def test_joint_signatures_of_earlier_families_are_kept() -> None:
    # two offices stacked over their date (岳阳, 眉山's Traditional 通报, 庄浪, 衡东 with no heading, 江南): still both
    for name, organs in (
            ("gov_site_pages/岳阳市委办市政府办印发关于全面推进政务公开工作的实施意见的通知.txt",
             "中共岳阳市委办公室、岳阳市人民政府办公室"),
            ("validation_r21/眉山市城乡环境治理十佳较差通报_繁体.txt", "中共眉山市委办公室、眉山市人民政府办公室"),
            ("validation_r13/庄浪县创建省级文明县标兵实施方案印发通知.txt", "中共庄浪县委办公室、庄浪县人民政府办公室"),
            ("validation_r12/衡东县2015年度机关单位绩效考核结果的通报.txt", "中共衡东县委办公室、衡东县人民政府办公室"),
            ("written_notices/关于2022年度目标考核结果的通报.txt", "中共江南市委办公室、江南市人民政府办公室")):
        assert doc_fields(name)["issuer"] == organs, name


def _yinjiang_signed(between: str, to_date: str) -> str | None:
    # 印江's real text with the lines between its three organs and between the last and the date set otherwise
    text = (DATA / "docs" / YINJIANG).read_text(encoding="utf-8")
    organs = YINJIANG_ORGANS.split("、")
    old = "\n\n".join(organs) + "\n\n2025年3月2日"
    assert old in text
    text = text.replace(old, f"\n{between}".join(organs) + f"\n{to_date}2025年3月2日")
    return read_metadata(text, filename="印江.txt").values().get("issuer")


def test_one_blank_line_a_copy_sets_after_every_line_keeps_the_signers_together() -> None:
    assert _yinjiang_signed("\n", "\n") == YINJIANG_ORGANS   # as printed: a blank line after each
    assert _yinjiang_signed("", "") == YINJIANG_ORGANS        # none anywhere
    assert _yinjiang_signed("\n", "") == YINJIANG_ORGANS      # the date tight under organs a blank line apart
    assert _yinjiang_signed("\n\n", "") == "印江自治县融媒体中心"   # two blank lines part them from a 署名 on its date


def test_one_organ_over_its_date_stays_one() -> None:
    # a single 署名 over its date, body sentences above it: nothing joined
    assert doc_fields("validation_r24/伊宁县人大代表建议答复函_政务公开镜像.txt")["issuer"] == "伊宁县人民政府"
    assert doc_fields("validation_r24/绛县促进专业镇高质量发展实施方案印发通知_繁体.txt")["issuer"] == "绛县人民政府办公室"


# --- every other labelled document reads as before ------------------------------------------------------

# validation_r23's seven organs a line each, a blank line between each as between the last and its date: read whole
# since the organ names (海关) and a 署名 of up to nine organs (tests/test_elements_organs.py); without the rule, its
# last two lines
SHANGHAI_SEVEN = "validation_r23/上海市商务委员会 上海市委宣传部 上海市财政局 上海市公安局 上海市市场监督管理局 上海市绿化和市容.md"
CHANGED = {YINJIANG, ZHOUQU, SHANGHAI_SEVEN}


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_26, changed=CHANGED, round_family="validation_r26", docs_only=False)
