"""Round 16 of issue 15: validation_r16's untouched misses, read the general way where another family's
misses share the cause (rules kind_before_material, date_in_next_cell,
crumb_repeated).

Each reading is checked on the real files that showed it, with the rule off for what it read before.
"""
from __future__ import annotations

from labelled_elements import doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import doc_type_of_title

# --- a title ending in 材料 is named by the kind before it ("kind_before_material") -------------------

DEYU = "validation_r16/某区全国文明城区创建工作汇报材料_德育素材网.txt"
JIEDAO = "office_paperwork/街道创建全国文明城市工作总结汇报材料.txt"


def test_a_report_handed_in_as_material_is_a_huibao() -> None:
    # validation_r16, untouched: 德育素材网 首页 / 某区202x年全国文明城区创建工作汇报材料 / 2024-10-29 02:07:28 德育素材网
    read = doc_fields(DEYU)
    assert read["title"] == "某区202x年全国文明城区创建工作汇报材料"
    assert read["doc_type"] == "汇报"
    assert read["doc_date"] == "" and read["issuer"] == ""
    with rules.disabled({"kind_before_material"}):
        off = doc_fields(DEYU)
    assert off["title"] == read["title"] and off["doc_type"] == ""


def test_a_summary_given_as_a_huibao_is_the_summary() -> None:
    # office_paperwork's first-run and held-out miss: …工作总结汇报材料 (现总结如下) had no 文种
    read = doc_fields(JIEDAO)
    assert read["doc_type"] == "总结"
    with rules.disabled({"kind_before_material"}):
        assert doc_fields(JIEDAO)["doc_type"] == ""


def test_what_reads_as_before() -> None:
    assert doc_type_of_title("新桥街道关于创文迎检准备工作的情况汇报") == "汇报"   # no 材料: the ending as before
    assert doc_type_of_title("关于2021开展创建全国文明城市工作总结汇报材料") == "总结"
    assert doc_type_of_title("党史学习教育学习材料") is None   # 材料 after no kind names none
    with rules.disabled({"kind_before_material"}):
        assert doc_type_of_title("某区202x年全国文明城区创建工作汇报材料") is None


# --- a date label's value in its next table cell ("date_in_next_cell") ------------------------------

ZIYANG = "validation_r16/紫阳县常务会议确定事项落实情况的通报.txt"


def test_a_date_in_the_cell_after_its_label_is_read() -> None:
    # validation_r16, untouched: 文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 | (no 署名)
    read = doc_fields(ZIYANG)
    assert read["doc_date"] == "2022-09-14"
    assert read["doc_type"] == "通报"
    with rules.disabled({"date_in_next_cell"}):
        assert doc_fields(ZIYANG)["doc_date"] == ""


def test_a_row_with_its_own_date_reads_as_before() -> None:
    # validation_r13's 汉阴: the same site's row, its date by the 署名 as before
    read = doc_fields("validation_r13/汉阴县财政涉农资金管理办法印发通知.txt")
    with rules.disabled({"date_in_next_cell"}):
        assert doc_fields("validation_r13/汉阴县财政涉农资金管理办法印发通知.txt") == read


# --- a breadcrumb's last crumb set again under it ("crumb_repeated") ---------------------------------

MISHU = "validation_r16/关于创建全国文明城区工作情况汇报_秘书稿子.txt"


def test_a_crumb_repeated_under_the_breadcrumb_is_no_heading() -> None:
    # validation_r16, untouched: 当前位置:秘书稿子>> 工作报告>> 工作汇报 / 工作汇报 / 关于创建全国文明城区工作情况汇报
    read = doc_fields(MISHU)
    assert read["title"] == "关于创建全国文明城区工作情况汇报"
    assert read["doc_type"] == "汇报"
    with rules.disabled({"crumb_repeated", "headline_over_heading"}):
        assert doc_fields(MISHU)["title"] == "工作汇报"
    with rules.disabled({"crumb_repeated"}):   # cross-family round 3: the heading over the body, under a short name
        assert doc_fields(MISHU)["title"] == "关于创建全国文明城区工作情况汇报"


def test_the_same_cause_on_a_congress_report_page() -> None:
    # congress_documents' first-run miss: 当前位置：首页 > 党建引领> 学习专栏 / 学习专栏 / 每周一学（…） / 文章来源…
    name = "congress_documents/浙江省第十五次党代会报告.txt"
    title = "忠实践行“八八战略”坚决做到“两个维护”在高质量发展中奋力推进中国特色社会主义共同富裕先行和省域现代化先行"
    assert doc_fields(name)["title"] == title
    with rules.disabled({"title_above_salutation"}):   # the crumb alone no longer stands in for the heading
        assert doc_fields(name)["title"] != "学习专栏"


def test_a_heading_that_is_no_crumb_reads_as_before() -> None:
    # 网站导航 / 倚栏轩 > 百科 > 方案大全 > 正文: the last crumb (正文) is not the heading's text; unchanged
    name = "validation_r16/街道创建全国文明城市工作方案_倚栏轩.txt"
    read = doc_fields(name)
    with rules.disabled({"crumb_repeated"}):
        assert doc_fields(name) == read
