"""发文字号, 发文机关 and 成文日期 of documents saved from government sites (issue 15).

Pages give these elements outside GB/T 9704's places: a 文号 on the title's line or in the
disclosure table, a 简报's header line with its issue, organs run together before the title, a 落款
run into one line, the site's record of when it posted the page, a date under another label.
Each test reads a real page of the labelled set, with the rule switched off where that shows it.
"""
from __future__ import annotations

import pytest
from labelled_elements import CORPUS, PAGES, PAGES3, PAGES4, PAGES5, PAGES6, PAGES7, meta_of

from dangan.read.understand import rules

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")



def test_doc_number_on_the_title_line_and_in_the_disclosure_table() -> None:
    meta = meta_of(PAGES + "岳阳市委办市政府办印发关于全面推进政务公开工作的实施意见的通知.txt")
    assert meta["doc_number"] == "岳办发〔2017〕2号" and meta["title"].endswith("的通知") and meta["doc_type"] == "通知"
    assert meta["issuer"] == "中共岳阳市委办公室、岳阳市人民政府办公室"     # 署名 one organ a line
    meta = meta_of(PAGES + "关于表彰全民健身运动会章贡分赛区参赛工作先进单位的通报.txt")   # 文件编号:…
    assert meta["doc_number"] == "区府办字〔2012〕142号"
    meta = meta_of(PAGES + "吉安市市本级政务公开工作实施细则.txt")                      # ( 吉府发〔2003〕37号 )
    assert meta["doc_number"] == "吉府发〔2003〕37号"


def test_number_before_a_quoted_title_and_a_number_in_a_table_cell() -> None:
    pages = "docs/gov_site_pages_4/"
    meta = meta_of(pages + "成府发2003第61号.txt")   # 成府發(fā)〔2003〕61號(hào)《成都市人民政府關(guān)于…》
    assert meta["title"] == "成都市人民政府关于命名锦江区盐市口成华区新鸿路等17个街道办事处为成都市社区建设示范街道的通报"
    assert (meta["doc_number"], meta["issuer"]) == ("成府发〔2003〕61号", "成都市人民政府")
    assert meta_of(pages + "山福镇突发公共事件总体应急预案印发.txt")["doc_number"] == "鹿山政〔2020〕72号"   # 文号 | … |
    with rules.disabled({"disclosure_fields"}):   # 文件编号:… | in a row of cells
        assert meta_of(PAGES + "关于表彰全民健身运动会章贡分赛区参赛工作先进单位的通报.txt")["doc_number"] == "区府办字〔2012〕142号"


def test_crumb_tail_series_line_and_a_number_between_two_headings() -> None:
    meta = meta_of(PAGES7 + "湖州市2023年全市卫生健康工作要点的通知.txt")   # >政务频道 >政务公开 >本局文件 is no 版头
    assert (meta["issuer"], meta["doc_number"], meta["doc_date"]) == ("湖州市卫生健康委员会", "湖卫健发〔2023〕1号", "2023-04-26")
    meta = meta_of(PAGES7 + "在市十届人大三次会议闭幕会上的讲话.txt")   # “日新月异”系列№7266 / 2024年1月 above it
    assert (meta["title"], meta["doc_date"]) == ("在市十届人大三次会议闭幕会上的讲话", "2024-01-12")
    # own_head_below: cross-family round 2; number_over_recipients (the 文号 over the 主送): cross-family round 10
    with rules.disabled({"number_anywhere_in_head", "own_head_below", "number_over_recipients"}):
        assert meta_of(PAGES7 + "湖州市2023年全市卫生健康工作要点的通知.txt")["doc_number"] is None


def test_brief_header_with_issue_number() -> None:
    meta = meta_of(PAGES + "暖泉督查第10期.txt")
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "暖泉督查", "暖泉街道办事处", "2013-03-22", "简报")


def test_brief_header_numbered_heading_and_opening_date() -> None:
    meta = meta_of(PAGES3 + "清城区创文简报第九期.txt")   # …办公室编印 2014年7月3日, one space apart
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "创文简报", "清城区创建全国文明城市办公室", "2014-07-03", "简报")
    meta = meta_of(PAGES3 + "斗门区五届104次区政府常务会议纪要.txt")   # 一、审议… is a section, not the title
    assert (meta["title"], meta["doc_date"], meta["doc_type"]) == ("斗门区五届104次区政府常务会议纪要", "2024-09-13", "纪要")
    meta = meta_of(PAGES3 + "关于对两区包街包巷包小区责任单位评比情况的通报.txt")
    assert meta["title"] == "关于对两区“包街包巷包小区”责任单位评比情况的通报"
    assert (meta["issuer"], meta["doc_date"]) == ("天水市创建全国文明城市指挥部办公室", "2022-03-04")


def test_joint_organs_run_together_before_the_title() -> None:
    meta = meta_of(PAGES3 + "成都市四部门关于印发城市社区嵌入式服务设施建设工程实施方案的通知.txt")
    assert meta["issuer"] == "成都市发展和改革委员会、中共成都市委社会工作部、成都市规划和自然资源局、成都市住房和城乡建设局"
    with rules.disabled({"stacked_signature"}):   # 署名 one organ a line: the title names both
        meta = meta_of(PAGES + "岳阳市委办市政府办印发关于全面推进政务公开工作的实施意见的通知.txt")
        assert meta["issuer"] == "中共岳阳市委办公室、岳阳市人民政府办公室"


def test_signature_and_date_inside_a_run_on_line() -> None:
    meta = meta_of(PAGES4 + "山福镇突发公共事件总体应急预案印发.txt")   # …(修订) 温州市鹿城区山福镇人民政府 2020年10月22日 山福镇…
    assert (meta["issuer"], meta["doc_date"]) == ("温州市鹿城区山福镇人民政府", "2020-10-22")
    meta = meta_of(PAGES5 + "随州市文明办两创活动自查通知.txt")   # 署名 date | at the end of a table row
    assert (meta["issuer"], meta["doc_date"]) == ("随州市精神文明建设委员会办公室", "2013-04-17")
    meta = meta_of(PAGES5 + "呼和浩特市政府信息公开目录编制规则.txt")   # 呼政辦發[2008]68號 各旗…: … 二OO八年五月二十三日 …
    assert (meta["doc_number"], meta["doc_date"], meta["doc_type"]) == ("呼政办发〔2008〕68号", "2008-05-23", "通知")
    # the 署名 and date stand after the 附件 item there: signer_after_attachment (round 43) reads them too
    with rules.disabled({"inline_signature", "signer_after_attachment"}):
        assert meta_of(PAGES4 + "山福镇突发公共事件总体应急预案印发.txt")["doc_date"] is None


def test_a_sites_record_of_the_page_is_not_the_documents_date() -> None:
    # 时间:2024-07-09 06:45:11 来源: 法律资料网 作者:… is when the database posted it; the issuers sit under the heading
    meta = meta_of(PAGES4 + "关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知.txt")
    assert (meta["doc_date"], meta["issuer"]) == (None, "财政部、司法部")
    assert meta_of(PAGES4 + "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知.txt")["doc_date"] is None
    with rules.disabled({"page_facts_time", "page_stamp"}):
        assert meta_of(PAGES4 + "关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知.txt")["doc_date"] == "2024-07-09"


def test_a_date_under_a_label_is_not_the_records_date() -> None:
    # 日期:2023年10月15日 at the head; 下次会议时间: / 2023年11月15日 at the end
    assert meta_of(PAGES6 + "村民会议记录.txt")["doc_date"] == "2023-10-15"
    with rules.disabled({"date_under_label"}):
        assert meta_of(PAGES6 + "村民会议记录.txt")["doc_date"] == "2023-11-15"
