"""Pages without a heading of their own (titles labelled "?") are not named by a field row or a sentence.

A law database's record fields and a bracketed 附注 are never a heading (rules law_db_fields,
note_not_heading); nor is a sentence of three clauses (clauses_not_title): the file's name stands in.
With no heading to name the kind, a kind's closing formula names it (closing_formulas).
"""
from __future__ import annotations

from labelled_elements import fields_of

from dangan.read.understand import rules

SHANXI = "docs/gov_site_pages_7/山西省激发重点群体活力带动城乡居民增收实施方案印发.txt"
FENGHUA = "docs/validation_r13/奉化区政府第86次常务会议纪要.txt"
VILLAGE = "docs/gov_site_pages_6/村民代表会议记录.txt"


_read = fields_of


def test_law_database_fields_are_the_records_not_the_heading() -> None:
    # laodongfa.com: 发文机关:… / 发布日期:… / 生效日期:… / 时效性 :现行有效 / 文号 :… then the notice as raw <p> tags
    read = _read(SHANXI)
    assert read["title"] == "山西省激发重点群体活力带动城乡居民增收的实施方案"   # the enclosed 方案's heading
    # the fields are still read where they stand
    assert (read["doc_number"], read["issuer"], read["doc_date"]) == ("晋政发〔2018〕13号", "山西省人民政府", "2018-03-27")
    # the 附注 above it joined as its first line; since round 35 site_words_over_heading also takes a bracketed
    # word off a heading's front, so both are switched off to show it
    with rules.disabled({"note_not_heading", "site_words_over_heading"}):
        assert _read(SHANXI)["title"].startswith("(此件公开发布)")
    with rules.disabled({"note_not_heading"}):
        assert _read(SHANXI)["title"] == "山西省激发重点群体活力带动城乡居民增收的实施方案"
    with rules.disabled({"law_db_fields", "note_not_heading"}):
        assert _read(SHANXI)["title"] == "时效性 :现行有效"


def test_disclosure_fields_run_onto_one_line_are_not_the_heading() -> None:
    # www.fh.gov.cn: 发文日期 2021-03-04 成文日期 2021-03-04 发布机构 区政府办公室, then a news-style heading
    read = _read(FENGHUA)
    assert read["title"] == "区政府召开第86次常务会议胡永光主持"
    assert (read["doc_date"], read["doc_type"]) == ("2021-03-04", "纪要")
    with rules.disabled({"law_db_fields"}):
        assert _read(FENGHUA)["title"].startswith("发文日期2021-03-04成文日期")


def test_a_sentence_of_three_clauses_is_no_heading() -> None:
    # zixun.pintu360.com: labelled meeting lines, 一、会议议程说明, then 会议由村主任李建国主持,首先对…,主要包括以下几项
    read = _read(VILLAGE)
    assert read["title"] == "村民代表会议记录"   # the file's name
    assert (read["doc_date"], read["doc_type"]) == ("2025-04-05", "会议记录")
    with rules.disabled({"clauses_not_title", "fragment_not_title"}):   # (a sentence of clauses is a fragment too)
        assert _read(VILLAGE)["title"].startswith("会议由村主任李建国主持")


WUYI = "docs/validation_r14/武义县林区禁燃禁放通告征求意见.txt"
FANWEN = "docs/validation_r13/厦门市人民政府同意环境卫生专项规划批复_范文站.txt"


def test_a_heading_runs_into_organs_not_into_a_verbs_object() -> None:
    # www.zjwy.gov.cn: 2.通过信函的方式将意见寄至:武义县自然资源和规划局… is a numbered item, not 意见 + its 主送
    assert _read(WUYI)["title"] == "武义县林区禁燃禁放通告征求意见"   # no heading: the file's name
    with rules.disabled({"run_on_to_organs"}):
        assert _read(WUYI)["title"] == "通过信函的方式将意见"
    # a model-text site: 同意专项规划批复范文 / 同意专项规划批复范文篇一市规划委、市市政园林局: — the second line is
    # the heading run into the 主送, not a fuller heading
    assert _read(FANWEN)["title"] == "同意专项规划批复"   # the site's word 范文 after it dropped (site_copy_names)
    with rules.disabled({"site_copy_names"}):
        assert _read(FANWEN)["title"] == "同意专项规划批复范文"
    # a line ending in its 主送 is no title either (address_not_title); title_shape would take the heading for the name
    with rules.disabled({"run_on_to_organs", "title_shape"}):
        assert _read(FANWEN)["title"] == "厦门市人民政府同意环境卫生专项规划批复范文站"   # the file's name
    with rules.disabled({"run_on_to_organs", "address_not_title", "title_shape"}):
        assert _read(FANWEN)["title"].endswith("市市政园林局:")


HENGDONG = "docs/validation_r12/衡东县2015年度机关单位绩效考核结果的通报.txt"


def test_an_organs_name_alone_is_no_heading() -> None:
    # 东办通报〔2016〕16号 / 中共衡东县委办公室 / 衡东县人民政府办公室 / (2016年8月18日) / the 通报's body
    read = _read(HENGDONG)
    assert read["title"] == "衡东县2015年度机关单位绩效考核结果的通报"   # the file's name
    assert (read["doc_number"], read["doc_type"]) == ("东办通报〔2016〕16号", "通报")
    with rules.disabled({"organ_alone_no_title"}):
        assert _read(HENGDONG)["title"] == "衡东县人民政府办公室"


QINGSHI = "docs/validation_r17/申请办公经费请示格式范文_阅读库.txt"
HUIBAO = "docs/validation_r17/区委宣传部创城督导检查情况报告_文秘家园.txt"


def test_a_kind_is_known_by_its_closing_formula() -> None:
    # a model-text page's 请示 closing on 妥否,请批示; a 督导检查 report opening on 现将…报告如下
    assert _read(QINGSHI)["doc_type"] == "请示"
    assert _read(HUIBAO)["doc_type"] == "报告"
    with rules.disabled({"closing_formulas"}):   # the 请示's ask is ask_closing's since the kinds round
        assert _read(QINGSHI)["doc_type"] == "请示" and _read(HUIBAO)["doc_type"] == ""
    with rules.disabled({"closing_formulas", "ask_closing"}):
        assert _read(QINGSHI)["doc_type"] == "" and _read(HUIBAO)["doc_type"] == ""
