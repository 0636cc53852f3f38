"""Round 17 of issue 15: validation_r17's untouched misses, read the general way where another family's
misses share the cause (rules site_copy_names, model_text_heading, cell_heading,
site_words_over_heading).

Each reading is checked on the real files that showed it, with the rule off for what it read before,
and on real files that must read as before.
"""
from __future__ import annotations

import pytest
from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_page_names import _copy_base

ROUND_17 = {"site_copy_names", "model_text_heading", "cell_heading", "site_words_over_heading"}



# --- a site's names for its copy of a document ("site_copy_names") --------------------------------

WENDANG = "validation_r17/街道社区创建文明城区工作总结三篇_文档文库.txt"
YUANLIN = "validation_r12/园林局城市绿化讲话全文_冰豆网.txt"
ZANGYUAN = "validation_r17/街道创建文明城市工作汇报精选五篇_藏源.txt"
WENMING = "validation_r17/区乡村文化振兴2022年度工作总体情况汇报_文明家园.txt"


def test_a_collection_name_over_the_first_piece_is_no_part_of_its_heading() -> None:
    # validation_r17, untouched: 2023年最新的…工作总结三篇 (twice, round a 发布时间 row) / 街道社区创建文明城区工作总结
    read = doc_fields(WENDANG)
    assert read["title"] == "街道社区创建文明城区工作总结"
    assert read["doc_type"] == "总结" and read["doc_date"] == ""
    with rules.disabled({"site_copy_names"}):
        off = doc_fields(WENDANG)
    assert off["title"].startswith("2023年最新的") and off["title"].endswith("三篇街道社区创建文明城区工作总结")


def test_file_name_lines_over_a_speech_are_no_part_of_its_heading() -> None:
    # validation_r12, every rule: 园林局城市绿化讲话全文.docx / …(the site's rows)… / 园林局城市绿化讲话全文 / 园林局城市绿化讲话 / 同志们:
    read = doc_fields(YUANLIN)
    assert read["title"] == "园林局城市绿化讲话" and read["doc_type"] == "讲话"
    # (its record's rows: cross-family round 2; the heading under the file's name: round 42, which reads it too)
    with rules.disabled({"site_copy_names", "file_record_time", "file_name_over_heading"}):
        assert doc_fields(YUANLIN)["title"] == "园林局城市绿化讲话全文.docx园林局城市绿化讲话全文园林局城市绿化讲话"


@pytest.mark.parametrize(("name", "title"), [
    (ZANGYUAN, "街道创建文明城市工作汇报"),                     # …工作汇报篇1 (the site's numbering of its five)
    (WENMING, "区乡村文化振兴2022年度工作总体情况汇报"),        # …情况汇报范文 (the site's word for a model text)
])
def test_the_sites_word_after_a_heading_is_dropped(name: str, title: str) -> None:
    read = doc_fields(name)
    assert read["title"] == title and read["doc_type"] == "汇报"
    # round 25's piece_counter reads …汇报篇1 too; the site's lead over it (以下是小编整理的…汇报精选五篇) names the kind
    # since the kinds round (site_blurb_kind)
    with rules.disabled({"site_copy_names", "piece_counter", "site_blurb_kind"}):
        off = doc_fields(name)
    assert off["title"] != title and off["title"].startswith(title) and off["doc_type"] == ""


def test_what_is_no_copy_name() -> None:
    assert _copy_base("关于印发《2023年全文明城市创建工作要点》的通知") is None   # a title's own last word
    assert _copy_base("创文宣传标语全文") is None                                 # no whole title before 全文
    assert _copy_base("街道创建全国文明城市工作方案 篇1") == "街道创建全国文明城市工作方案"
    assert _copy_base("申请办公经费请示格式范文(通用4篇)") is None              # 请示格式 ends no title


# --- a model-text page's name for the document over the document ("model_text_heading") -------------

RUIWEN = "validation_r17/公文批复范文_瑞文网.txt"
ZAIXIAN = "validation_r17/会议记录范文_010在线作文网.txt"
ISANGIL = "validation_r16/请求解决镇学校危房改造资金的请示报告_繁体.txt"


def test_a_quoted_pifu_under_a_model_page_is_read_as_itself() -> None:
    # validation_r17, untouched: 公文批复 / 2024-07-05 批复 / (a sentence) / 范文如下: / 国务院关于…的批复 / 国函〔2009〕2 号 / 江苏省人民政府:
    read = doc_fields(RUIWEN)
    assert read["title"] == "国务院关于同意将江苏省南通市列为国家历史文化名城的批复"
    assert read["doc_number"] == "国函〔2009〕2号"
    assert (read["issuer"], read["doc_date"], read["doc_type"]) == ("国务院", "2009-01-02", "批复")
    with rules.disabled({"model_text_heading", "number_over_recipients"}):
        off = doc_fields(RUIWEN)
    assert off["title"] == "公文批复" and off["doc_number"] == ""
    with rules.disabled({"model_text_heading"}):   # cross-family round 10: the number over the 主送 read all the same
        assert doc_fields(RUIWEN)["doc_number"] == "国函〔2009〕2号"


def test_a_record_under_a_model_page_is_read_as_itself() -> None:
    # validation_r17, untouched: 会议记录是怎么样的格式(3) / 会议记录 时间:2021-08-31 手机版 / 会议记录范文 /
    # xx市xxx区xxx办公会议记录 / 时间:2016年9月6日上午
    read = doc_fields(ZAIXIAN)
    assert read["title"] == "xx市xxx区xxx办公会议记录"
    assert read["doc_date"] == "2016-09-06" and read["doc_type"] == "会议记录"
    with rules.disabled({"model_text_heading", "title_shape"}):   # (title_shape, cross-family round 5, reads it too)
        assert doc_fields(ZAIXIAN)["title"] == "会议记录是怎么样的格式(3)"


def test_a_request_under_a_model_page_is_read_as_itself() -> None:
    # validation_r16, first run and held out: 學校資金申請報告 / 申請報告 時間:2017-07-11 我要投稿 / 【…】 /
    # 關于請求解決xx鎮學校危房改造資金的請示報告 / 尊敬的領導:
    assert doc_fields(ISANGIL)["title"] == "关于请求解决xx镇学校危房改造资金的请示报告"
    with rules.disabled({"model_text_heading"}):
        assert doc_fields(ISANGIL)["title"] == "学校资金申请报告"


def test_a_page_heading_over_its_stamp_and_a_second_copy_reads_as_before() -> None:
    # validation_r16's 区长 speech: heading / 2023-06-27 421 / the heading again / 同志们: (no other heading below)
    name = "validation_r16/区长在2023年度生态环境保护工作会议上的讲话.txt"
    read = doc_fields(name)
    assert read["title"] == "区长在2023年度生态环境保护工作会议上的讲话"
    with rules.disabled({"model_text_heading"}):
        assert doc_fields(name) == read


# --- a table row's cell naming the document ("cell_heading") ---------------------------------------

ZIYANG = "validation_r16/紫阳县常务会议确定事项落实情况的通报.txt"
CHISHUI = "validation_r17/赤水市政协第55号提案答复_百科词条.txt"


def test_the_file_name_cell_of_a_disclosure_table_is_the_title() -> None:
    # validation_r16, first run and held out: 文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | ||
    read = doc_fields(ZIYANG)
    assert read["title"] == "2022年第八次县政府常务会议确定事项落实情况的通报"
    assert read["doc_type"] == "通报" and read["doc_date"] == "2022-09-14"
    with rules.disabled({"cell_heading"}):
        assert doc_fields(ZIYANG)["title"] == "紫阳县常务会议确定事项落实情况的通报"   # the file's name stood in


def test_an_encyclopedia_entrys_name_cell_is_the_title() -> None:
    # validation_r17, untouched: 词条 | 对赤水市政协五届一次会议第55号提案的答复 | / 释义 | …赤水市建设局 二00七年七月十七日 |
    read = doc_fields(CHISHUI)
    assert read["title"] == "对赤水市政协五届一次会议第55号提案的答复"
    assert read["issuer"] == "赤水市建设局" and read["doc_date"] == "2007-07-17"
    with rules.disabled({"cell_heading", "cell_bars"}):   # (since round 36 cell_bars drops the bars too)
        assert doc_fields(CHISHUI)["title"] == "词条 | 对赤水市政协五届一次会议第55号提案的答复 |"


def test_a_table_under_its_own_heading_reads_as_before() -> None:
    # validation_r13's 汉阴: the heading, then 索引号 | … | rows (no cell names the document)
    name = "validation_r13/汉阴县财政涉农资金管理办法印发通知.txt"
    read = doc_fields(name)
    with rules.disabled({"cell_heading"}):
        assert doc_fields(name) == read


# --- a page's own words over the heading ("site_words_over_heading") --------------------------------

JINGWANG = "validation_r17/志愿服务月主题实践活动情况汇报_静网_繁体.txt"
YILANXUAN = "validation_r16/街道创建全国文明城市工作方案_倚栏轩.txt"


@pytest.mark.parametrize(("name", "title", "before"), [
    (JINGWANG, "创建全国文明城市「志愿服务月」主题实践活动情况汇报", "静网PWA视频评论"),   # validation_r17, untouched
    (YILANXUAN, "街道创建全国文明城市工作方案", "网站导航"),                               # validation_r16, first run
])
def test_a_sites_words_over_the_heading_are_no_part_of_it(name: str, title: str, before: str) -> None:
    assert doc_fields(name)["title"] == title
    with rules.disabled({"site_words_over_heading", "page_word_over_heading"}):   # (web_wrapped's rule reads it too)
        assert doc_fields(name)["title"] == before + title


YAOHAI = "validation_r14/瑶海区生态环境分局征求规划意见的通知.txt"


def test_a_sites_tag_at_the_headings_front_is_no_part_of_it() -> None:
    # validation_r14, first run and held out: 首页 > 瑶海区生态环境分局 > … / 【面向社会】关于公开征求《…》意见的通知
    title = "关于公开征求《合肥市瑶海区生态文明建设示范区规划(2022-2030)(征求意见稿)》意见的通知"
    assert doc_fields(YAOHAI)["title"] == title
    with rules.disabled({"site_words_over_heading"}):
        assert doc_fields(YAOHAI)["title"] == "【面向社会】" + title


# --- every other labelled document reads as before ----------------------------------------------------

# validation_r13's 范文站 page (title labelled "?"): 同意专项规划批复范文, the page's name for a 批复 it quotes, loses the
# site's 范文 too
FANWEN = "validation_r13/厦门市人民政府同意环境卫生专项规划批复_范文站.txt"
CHANGED = {WENDANG, YUANLIN, ZANGYUAN, WENMING, RUIWEN, ZAIXIAN, ISANGIL, ZIYANG, CHISHUI, JINGWANG, YILANXUAN, YAOHAI,
           FANWEN}


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_17, changed=CHANGED, round_family="validation_r17")
