"""Round 22 of issue 15: validation_r22's untouched misses, read the general way where the cause is shown in
another family's documents too (rules purpose_actor, site_row_words).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the
earlier family's files that show the same cause, on pages of the same form it must leave alone, and on every
other labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields, fields_of

from dangan.read.understand import rules

ROUND_22 = {"purpose_actor", "site_row_words"}



# --- the organ acting on the purpose the opening states ("purpose_actor") ------------------------------

XICHENG = "validation_r22/西城街道政务开放日_繁体.txt"
TONGCHENG = "validation_r21/通城县创建氛围宣传紧急通知_云上通城.txt"
GMRB = "validation_r21/中央文明委第四届表彰决定_光明日报.txt"
KAIJIANG = "validation_r22/开江县广场文艺宣传活动通知_开江县政府网.txt"


def test_a_street_office_named_only_in_the_body_is_the_issuer() -> None:
    # validation_r22, untouched: no heading, no 署名; 為進一步促進政府信息與政務公開…,西城街道辦事處將于…開展
    assert doc_fields(XICHENG)["issuer"] == "西城街道办事处"
    with rules.disabled({"purpose_actor"}):
        assert doc_fields(XICHENG)["issuer"] == ""


def test_the_earlier_familys_pages_of_the_same_kind() -> None:
    # validation_r21's two pages cut before their 署名: …,县委文明办计划在隽水城区开展… / …,中央文明委决定,授予…
    assert doc_fields(TONGCHENG)["issuer"] == "县委文明办"
    assert doc_fields(GMRB)["issuer"] == "中央文明委"
    with rules.disabled({"purpose_actor"}):
        assert doc_fields(TONGCHENG)["issuer"] == ""
        assert doc_fields(GMRB)["issuer"] == ""


def test_an_issuer_read_otherwise_is_kept() -> None:
    # 开江's notice: …经县委、县政府领导同意,决定开展… names no organ before 决定, and its heading names the office
    assert doc_fields(KAIJIANG)["issuer"] == "开江县城乡环境综合治理工程领导小组办公室"


# --- a site's row marked by its click count or its call for contributions ("site_row_words") ----------

FENGQIU = "validation_r22/封丘县政务信息资源共享通知_繁体.txt"
GAOZIHUI = "validation_r22/县文明县城创建推进情况汇报_稿子汇.txt"
ISANGIL = "validation_r16/请求解决镇学校危房改造资金的请示报告_繁体.txt"
ZHEJIANG = "congress_documents/浙江省第十五次党代会报告.txt"
SEED = "txt/seed_speech/书记在创建办会部署会讲话.txt"


def test_a_row_with_the_sites_click_count_or_call_for_contributions_is_no_date() -> None:
    # validation_r22, untouched: 時間:2019年06月17日 點擊次數:28596 over a notice cut before its 署名;
    # 时间:2023-08-19 工作报告 我要投稿 over a 汇报 with no date
    assert doc_fields(FENGQIU)["doc_date"] == ""
    assert doc_fields(GAOZIHUI)["doc_date"] == ""
    with rules.disabled({"site_row_words"}):
        assert doc_fields(FENGQIU)["doc_date"] == "2019-06-17"
        assert doc_fields(GAOZIHUI)["doc_date"] == "2023-08-19"


def test_the_earlier_families_rows_with_the_same_words() -> None:
    # validation_r16's 申請報告 時間:2017-07-11 我要投稿 and congress_documents' 发布时间:… 点击数: rows, labelled no date,
    # read so already; the corpus speech's 時間:2022-03-26 09:11:00 row, no click count on it, is no date either
    # (upload_note_time: the site's note under it), with this rule on or off
    for name in (ISANGIL, ZHEJIANG):
        assert doc_fields(name)["doc_date"] == ""
    assert fields_of(SEED)["doc_date"] == ""
    with rules.disabled({"site_row_words"}):
        assert fields_of(SEED)["doc_date"] == ""


# --- every other labelled document reads as before ----------------------------------------------------

# (validation_r19's 意榕 倡议书: purpose_actor as the cross-family round widened it, a purpose sentence of its own)
CHANGED = {XICHENG, TONGCHENG, GMRB, FENGQIU, GAOZIHUI, "validation_r19/晋宁区市容整治倡议书_意榕旅游网.txt"}


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_22, changed=CHANGED, round_family="validation_r22", docs_only=False)
