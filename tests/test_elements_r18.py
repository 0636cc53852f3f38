"""Round 18 of issue 15: validation_r18's untouched misses, read the general way where the cause is shown in
another family's documents too (rules number_beside_masthead, row_label_over_heading, site_copy_year,
reply_wording_forms).

Each reading is checked on the real file that showed it, with the rule off for what it read before,
on the earlier family's file that shows the same cause, and on every other labelled file, which must
read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_lines import doc_number_match

ROUND_18 = {"number_beside_masthead", "row_label_over_heading", "site_copy_year", "reply_wording_forms"}



# --- a 文号 on the line of the page's name for the 版头 ("number_beside_masthead") ----------------------

JIAOZUO = "validation_r18/四城联创集中攻坚督导结果通报_焦作市政府网.txt"
CAIZHENG = "validation_r11/财政部前期工作经费管理暂行办法的通知.txt"


def test_a_number_beside_the_masthead_is_read_and_the_organ_line_joins_the_heading() -> None:
    # validation_r18, untouched: 焦作市四城联创指挥部文件 焦城创指〔2019〕48号 / 发布时间:… / 焦作市四城联创指挥部 /
    # 关于城区、市直、城区有关单位及街道办事处 / 四城联创集中攻坚督导结果通报
    read = doc_fields(JIAOZUO)
    assert read["doc_number"] == "焦城创指〔2019〕48号"
    assert read["title"] == "焦作市四城联创指挥部关于城区、市直、城区有关单位及街道办事处四城联创集中攻坚督导结果通报"
    assert read["issuer"] == "焦作市四城联创指挥部" and read["doc_type"] == "通报"
    with rules.disabled({"number_beside_masthead"}):
        off = doc_fields(JIAOZUO)
    assert off["doc_number"] == "" and off["issuer"] == "" and off["title"].startswith("关于城区")


def test_what_stands_beside_a_number_on_its_line() -> None:
    assert doc_number_match("焦作市四城联创指挥部文件 焦城创指〔2019〕48号") is not None
    assert doc_number_match("2006年10月26日 财建〔2006〕689号") is not None        # validation_r11: the date before it
    assert doc_number_match("关于印发《…办法》的解读文件 焦城创指〔2019〕48号") is None   # a heading ending in 文件
    assert doc_number_match("焦作市四城联创指挥部文件") is None                            # the 版头 alone
    with rules.disabled({"number_beside_masthead"}):
        assert doc_number_match("焦作市四城联创指挥部文件 焦城创指〔2019〕48号") is None


# --- a table row's label of the document's name ("row_label_over_heading") ---------------------------

KUAIWEN = "validation_r18/万人志愿服务集中活动的通知_快文网.txt"
BAOTA = "validation_r18/宝塔区联创办宣传工作紧急通知_信息公开表.txt"
YUXIAN = "gov_site_pages_7/蔚县突发公共卫生事件应急预案的通知.txt"
JINGDE = "validation_r12/旌德县城管执法局第57号提案答复.txt"


def test_the_label_in_the_name_cell_is_no_part_of_the_title() -> None:
    # validation_r18, untouched: | 标题:关于开展万人志愿服务集中活动的通知 | / | 关于…的通知 为纪念…(the body run on)
    read = doc_fields(KUAIWEN)
    assert read["title"] == "关于开展万人志愿服务集中活动的通知" and read["doc_type"] == "通知"
    with rules.disabled({"row_label_over_heading", "cell_bars"}):   # (since round 36 cell_bars drops the bars too)
        off = doc_fields(KUAIWEN)
    assert off["title"] == "| 标题:关于开展万人志愿服务集中活动的通知 |"
    with rules.disabled({"row_label_over_heading", "notice_wording", "cell_bars"}):   # (since round 24 its 通知如下 names the kind)
        assert doc_fields(KUAIWEN)["doc_type"] == ""


def test_a_spaced_row_label_before_the_heading_is_no_part_of_it() -> None:
    # validation_r18, untouched: 标  题 关于切实做好“…”宣传工作的紧急通知 / 索 引 号 … 发文机关 bc365 … / 发文字号 …
    title = ("关于切实做好“创建全国文明城市、国家卫生城市、国家森林城市和迎接第十一届中国艺术节、第一届世界苹果大会”"
             "宣传工作的紧急通知")
    read = doc_fields(BAOTA)
    assert read["title"] == title and read["doc_number"] == "延区联创办发〔2016〕120号"
    # (since round 24 the heading's own line, 61 characters, is read as one too: long_heading_line off as well)
    with rules.disabled({"row_label_over_heading", "long_heading_line"}):
        assert doc_fields(BAOTA)["title"] == "标题" + title


def test_rows_labelled_with_a_colon_read_as_before() -> None:
    # gov_site_pages_7 (名    称:蔚县…的通知) and validation_r12 (名称: 关于…的答复 文号:) label the name the same way
    for name in (YUXIAN, JINGDE):
        read = doc_fields(name)
        with rules.disabled({"row_label_over_heading"}):
            assert doc_fields(name) == read
    assert doc_fields(YUXIAN)["title"] == "蔚县人民政府办公室关于印发《蔚县突发公共卫生事件应急预案》的通知"


# --- a site's year before its page name for the copy ("site_copy_year") ------------------------------

CHANGYUN = "validation_r18/创建全国文明城市工作开展情况汇报_畅运范文网.txt"
WENDANG = "validation_r17/街道社区创建文明城区工作总结三篇_文档文库.txt"
JINGHAI = "validation_r14/静海区2023年度法治政府建设情况报告.txt"


def test_a_page_name_with_the_sites_year_gives_way_to_the_heading_under_it() -> None:
    # validation_r18, untouched: 2022年创建…情况汇报 / 时间:… / 下面是小编…(blurb) / 2022年创建…情况汇报 / 创建…情况汇报
    read = doc_fields(CHANGYUN)
    assert read["title"] == "创建全国文明城市工作开展情况汇报" and read["doc_type"] == "汇报"
    with rules.disabled({"site_copy_year"}):
        assert doc_fields(CHANGYUN)["title"] == "2022年创建全国文明城市工作开展情况汇报"


def test_a_heading_opening_with_its_own_year_keeps_it() -> None:
    # validation_r17's collection name (2023年最新的…三篇) still gives way by site_copy_names; validation_r14's
    # 静海区2023年度… report keeps its year, with or without the rule
    assert doc_fields(WENDANG)["title"] == "街道社区创建文明城区工作总结"
    assert doc_fields(JINGHAI)["title"] == "静海区2023年度法治政府建设情况报告"
    with rules.disabled({"site_copy_year"}):
        assert doc_fields(WENDANG)["title"] == "街道社区创建文明城区工作总结"


# --- a 批复's answer worded without 现 ("reply_wording_forms") -----------------------------------------

JIKAOTI = "validation_r18/阳澄湖生态保护区批复_公文写作试题.txt"
XIALU = "gov_site_pages_4/下陆区人民政府关于同意团结社区和老下陆社区整合的批复.txt"


def test_a_pifu_with_a_blanked_heading_is_known_by_its_answer() -> None:
    # validation_r18, untouched: ×××× (the heading blanked) / ×政复〔2013〕102号 / …收悉。经研究,批复如下: /
    # 特此作出如上批复。/ ××省人民政府 / 2013年10月28日
    read = doc_fields(JIKAOTI)
    assert read["doc_type"] == "批复" and read["doc_date"] == "2013-10-28" and read["issuer"] == ""
    with rules.disabled({"reply_wording_forms"}):
        assert doc_fields(JIKAOTI)["doc_type"] == ""
    # gov_site_pages_4's 下陆区 批复 answers the same way (…研究,根据有关规定,批复如下:) under its own heading
    assert doc_fields(XIALU)["doc_type"] == "批复"


# --- every other labelled document reads as before ----------------------------------------------------

CHANGED = {JIAOZUO, KUAIWEN, BAOTA, CHANGYUN, JIKAOTI}


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_18, changed=CHANGED, round_family="validation_r18")
