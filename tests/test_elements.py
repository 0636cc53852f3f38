"""Official-document elements on real documents, one test per case of issue 15.

The labelled set (tests/data/elements/labels.json: corpus files and documents
written for the families the corpus lacks) is measured per family, leave-one-
family-out, by bench/bench_elements.py; here every rule is on and each field
must reach the issue's targets over the whole set.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.metadata import read_facts

DATA = Path(__file__).resolve().parent / "data" / "elements"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")
# A validation family labelled blind and read once untouched (its first run is in
# bench/results/elements_baseline.json) stays out of the targets below while most of its
# misses are unread (round 16 read three of validation_r16's ten; validation_r17 was labelled
# after round 16); bench_elements.py scores it like every other family.
UNTOUCHED = frozenset({"validation_r16", "validation_r17"})
TARGETS = {"title": 0.98, "doc_number": 0.98, "issuer": 0.95, "doc_date": 0.95, "doc_type": 0.95}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")


def _path(source: str) -> Path:
    source = source.removeprefix("ocr:").split("#")[0]
    return DATA / source if source.startswith("docs/") else CORPUS / source


def _meta(source: str) -> dict[str, str | None]:
    """Elements of a labelled document; "ocr:<pdf>#<page>" is that page rendered and read by OCR."""
    path = _path(source)
    cache = json.loads((DATA / "ocr_cache.json").read_text(encoding="utf-8"))
    if path.name in cache:
        return read_metadata(cache[path.name], filename=path.name).values()
    if source.startswith("ocr:"):
        from dangan.read.extract.ocr import ocr_image, render_pdf_page

        page = int(source.partition("#")[2] or 1)
        return read_metadata(ocr_image(render_pdf_page(path, page - 1, dpi=150)).text).values()
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    return read_facts(extracted, path.name)[0].values()


def _labels() -> list[dict[str, str]]:
    return json.loads((DATA / "labels.json").read_text(encoding="utf-8"))


def test_labelled_set_is_large_and_varied() -> None:
    labels = _labels()
    assert len({lab["family"] for lab in labels}) >= 10
    assert sum(1 for lab in labels for f in FIELDS if lab[f] != "?") >= 250
    assert len({lab["source"] for lab in labels}) == len(labels)
    assert all(_path(lab["source"]).exists() for lab in labels)


def test_every_rule_names_families_that_exist() -> None:
    families = {lab["family"] for lab in _labels()}
    for name, motivated_by in rules.RULES.items():
        assert motivated_by and motivated_by <= families | {rules.ISSUE_TEXT}, name


@pytest.mark.slow
def test_every_rule_the_reader_asks_for_is_listed() -> None:
    """A name asked for with rules.on() but missing from RULES could never be switched off."""
    import re

    root = Path(__file__).resolve().parents[1] / "dangan"
    asked = {name for f in root.rglob("*.py") for name in re.findall(r'rules\.on\("(\w+)"\)', f.read_text("utf-8"))}
    assert asked and asked <= set(rules.RULES)


def test_field_accuracy_on_the_labelled_set() -> None:
    labels = [lab for lab in _labels() if not lab["source"].endswith(".ofd") and not lab["source"].startswith("ocr:")
              and lab["family"] not in UNTOUCHED]
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    misses = []
    for lab in labels:
        got = _meta(lab["source"])
        for f in FIELDS:
            if lab[f] == "?":
                continue
            scored[f] += 1
            if "".join((got[f] or "").split()) == "".join(lab[f].split()):
                right[f] += 1
            else:
                misses.append(f"{f} {lab['source'][-30:]}: want {lab[f]!r} got {got[f]!r}")
    print("\n" + "\n".join(misses))
    for f in FIELDS:
        assert right[f] / scored[f] >= TARGETS[f], (f, right[f], scored[f])


def test_meeting_record_in_markdown_and_traditional_script() -> None:
    meta = _meta("docs/meeting_records/宏福苑业主立案法团第十一届管理委员会第五次会议记录.md")
    assert meta["title"] == "宏福苑业主立案法团第十一届管理委员会第五次会议记录"   # no '#', headings joined
    assert meta["doc_date"] == "2021-12-11"          # 日期：二零二一年十二月十一日（星期六）
    assert meta["doc_type"] == "会议记录"
    assert meta["issuer"] == "宏福苑业主立案法团"     # not the management company at 列席


def test_markdown_markup_never_reaches_the_text() -> None:
    path = DATA / "docs/meeting_records/项目推进会会议纪要.md"
    text = extractor_for(detect_mime(path)).extract(path, Limits()).text
    assert "#" not in text and "**" not in text and "- 时间" not in text
    assert "时间：2025年4月3日" in text
    assert "1．迁移进度" in text


def test_congress_report_delivery_line_and_on_behalf_issuer() -> None:
    meta = _meta("txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt")
    assert meta["doc_date"] == "2026-01-25"
    assert meta["issuer"] == "北京市人民政府"       # 我代表北京市人民政府 / 在北京市第十六届…
    meta = _meta("docx/cn_provincial_gov_work_reports_2025/2025年广西政府工作报告.docx")
    assert meta["issuer"] == "广西壮族自治区人民政府"  # 我代表自治区人民政府 + 在广西壮族自治区…
    meta = _meta("txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_内蒙古自治区_政府工作报告.txt")
    assert meta["issuer"] == "内蒙古自治区人民政府"


def test_issuer_completed_from_the_title() -> None:
    meta = _meta("pdf/cn_provincial_budget_reports_2024/Anhui.pdf")
    assert meta["issuer"] == "安徽省财政厅"          # the heading says only 省财政厅


def test_unit_never_cut_at_a_line_break() -> None:
    meta = read_metadata("上海市普陀区规划和自然\n资源局2024年度部门决算\n目 录\n第一部分 概况\n")
    assert meta.values()["title"] == "上海市普陀区规划和自然资源局2024年度部门决算"
    assert meta.values()["issuer"] == "上海市普陀区规划和自然资源局"
    meta = read_metadata("中共上海市普陀区委社会工作部\n2025年度部门预算\n目 录\n")
    assert meta.values()["issuer"] == "中共上海市普陀区委社会工作部"


def test_organ_line_above_title_belongs_to_the_title() -> None:
    meta = _meta("pdf/cn_shanghai_putuo_budgets/上海市普陀区财政局2024年度部门决算.pdf")
    assert meta["title"] == "上海市普陀区财政局2024年度部门决算"
    meta = _meta("docs/written_notices/关于2022年度目标考核结果的通报.txt")
    assert meta["issuer"] == "中共江南市委办公室、江南市人民政府办公室"
    assert meta["doc_number"] == "江委办〔2023〕8号"


def test_version_head_org_and_signature() -> None:
    meta = _meta("docs/written_notices/关于开展2023年度安全生产大检查的通知.txt")
    assert meta["issuer"] == "青山县人民政府办公室"
    assert meta["doc_number"] == "青政办发〔2023〕17号"
    assert meta["doc_date"] == "2023-05-06"
    meta = _meta("docs/written_notices/关于加强老旧小区物业管理的实施意见.txt")
    assert meta["doc_number"] == "东政发〔2019〕5号"     # ﹝﹞ brackets
    assert meta["title"] == "东城区人民政府关于加强老旧小区物业管理的实施意见"


def test_jiyao_header_and_brief() -> None:
    meta = _meta("docs/meeting_records/区创建办专题会议纪要.txt")
    assert meta["title"] == "关于推进农贸市场环境整治的专题会议纪要"
    assert meta["doc_date"] == "2022-04-08"         # 二〇二二年四月八日 on the header line
    meta = _meta("docs/written_notices/创文工作简报第15期.txt")
    assert (meta["doc_type"], meta["doc_date"]) == ("简报", "2022-07-25")
    assert meta["issuer"] == "金山区创建全国文明城市工作指挥部办公室"


def test_dates_in_every_chinese_form_in_documents() -> None:
    assert _meta("docs/meeting_records/柳河村村民委员会会议记录_GBK.txt")["doc_date"] == "2020-10-22"  # 廿二
    assert _meta("docs/written_notices/关于表彰2021年度优秀志愿服务组织的决定.txt")["doc_date"] == "2022-01-20"
    assert _meta("docs/speeches/在全镇防汛工作会议上的讲话_BIG5.txt")["doc_date"] == "2019-06-10"


def test_doc_type_by_title_then_by_form() -> None:
    assert _meta("docs/meeting_records/东湖社区居民委员会会议记录.txt")["doc_type"] == "会议记录"
    assert _meta("docs/written_notices/在职证明.txt")["doc_type"] == "证明"
    assert _meta("docs/written_notices/关于部分台账资料缺失的情况说明.txt")["doc_type"] == "说明"
    text = "时间：2024年5月6日\n地点：三楼会议室\n主持：王明\n出席：张三、李四\n一、研究了值班安排。\n"
    assert read_metadata(text).values()["doc_type"] == "会议记录"


def test_ocr_scan_dash_read_as_yi() -> None:
    meta = _meta("ocr:pdf/cn_provincial_budget_reports_2024/Hebei.pdf#1")
    assert meta["doc_date"] == "2024-01-21"          # 一—2024年1月21日在…
    assert meta["issuer"] == "河北省财政厅"


def test_web_page_title_is_not_page_furniture() -> None:
    meta = _meta("txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_宁夏回族自治区_政府工作报告.txt")
    assert meta["title"] == "2026年宁夏回族自治区政府工作报告"
    assert meta["doc_date"] == "2026-02-03"          # the delivery line, not the page's 发表时间


def test_leave_one_family_out_switches_rules_off() -> None:
    path = "txt/cn_cpc_congress_reports/17_高举中国特色社会主义伟大旗帜，为夺取全面建设小康社会新胜利而奋斗 (十七大).txt"
    assert _meta(path)["issuer"] == "中国共产党第十六届中央委员会"
    with rules.disabled(rules.only_from("cpc_congress_reports")):   # party_congress_committee: congress_documents too
        assert _meta(path)["issuer"] == "中国共产党第十六届中央委员会"
    with rules.disabled(rules.fewer_than_two_others("cpc_congress_reports")):   # the strict reading
        assert _meta(path)["issuer"] == "第十六届中央委员会"


def test_page_furniture_and_captions_are_not_titles() -> None:
    text = ("首页 > 新闻 > 云南要闻\n云南要闻\n2025年云南省政府工作报告\n发布时间：2025-01-25 10:00 来源：云南日报\n"
            "1月18日，云南省第十四届人民代表大会第三次会议在昆明开幕。记者 张三 摄\n"
            "——2025年1月18日在云南省第十四届人民代表大会第三次会议上\n云南省省长 王予波\n各位代表：\n"
            "现在，我代表省人民政府，向大会报告工作，请予审议。\n")
    values = read_metadata(text, filename="page.html").values()
    assert values["title"] == "2025年云南省政府工作报告"
    assert (values["issuer"], values["doc_date"]) == ("云南省人民政府", "2025-01-18")


def test_a_long_title_line_wins_over_the_file_name() -> None:
    title = "关于印发《城关区2024年创建全国文明城市测评体系操作手册（试行）》及配套考核细则和问题整改责任清单的通知"
    text = f"{title}\n各街道、各部门：\n现将有关文件印发给你们，请认真贯彻执行。\n城关区创建办\n2024年3月5日\n"
    values = read_metadata(text, filename="扫描件0012.txt").values()
    assert values["title"] == title and values["doc_type"] == "通知"


# --- the third held-out family: pages saved from government sites and law databases ---------

_PAGES = "docs/gov_site_pages/"


def test_site_chrome_never_reaches_the_title() -> None:
    meta = _meta(_PAGES + "广州市人民政府关于修改行政规范性文件管理规定的决定.txt")   # 热门站点| … | 设为首页
    assert meta["title"] == "广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定"
    meta = _meta(_PAGES + "济宁市人民政府关于持续深化市县同权改革的实施意见.txt")       # 政务服务丨…
    assert (meta["title"], meta["issuer"]) == ("济宁市人民政府关于持续深化“市县同权”改革的实施意见", "济宁市人民政府")
    meta = _meta(_PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")            # 关怀版 无障碍
    assert meta["title"] == "关于2023年10月份民生实事项目进展情况的通报"
    with rules.disabled({"site_chrome", "page_top_chrome", "complete_line_stands_alone", "page_switches", "title_form"}):
        assert _meta(_PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")["title"].startswith("关怀版")


def test_doc_number_on_the_title_line_and_in_the_disclosure_table() -> None:
    meta = _meta(_PAGES + "岳阳市委办市政府办印发关于全面推进政务公开工作的实施意见的通知.txt")
    assert meta["doc_number"] == "岳办发〔2017〕2号" and meta["title"].endswith("的通知") and meta["doc_type"] == "通知"
    assert meta["issuer"] == "中共岳阳市委办公室、岳阳市人民政府办公室"     # 署名 one organ a line
    meta = _meta(_PAGES + "关于表彰全民健身运动会章贡分赛区参赛工作先进单位的通报.txt")   # 文件编号:…
    assert meta["doc_number"] == "区府办字〔2012〕142号"
    meta = _meta(_PAGES + "吉安市市本级政务公开工作实施细则.txt")                      # ( 吉府发〔2003〕37号 )
    assert meta["doc_number"] == "吉府发〔2003〕37号"


def test_the_documents_own_heading_wins_over_the_pages() -> None:
    meta = _meta(_PAGES + "吉安市市本级政务公开工作实施细则.txt")
    assert meta["title"] == "江西省吉安市人民政府办公室关于印发吉安市市本级政务公开工作实施细则的通知"
    meta = _meta(_PAGES + "市创建全国文明城市工作指挥部办公室关于全国文明城市建设工作督查通报.txt")
    assert meta["issuer"] == "V市创建全国文明城市工作指挥部办公室" and meta["doc_type"] == "通报"


def test_brief_header_with_issue_number() -> None:
    meta = _meta(_PAGES + "暖泉督查第10期.txt")
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "暖泉督查", "暖泉街道办事处", "2013-03-22", "简报")


def test_committee_completed_from_the_congress_it_reports_to() -> None:
    from dangan.read.understand.gongwen_context import complete_party
    from dangan.read.understand.gongwen_text import prepare

    cases = [("十三届中央委员会", "现在，我代表十三届中央委员会向大会作报告。中国共产党第十四次全国代表大会…",
              "中国共产党第十三届中央委员会"),
             ("第十二届委员会", "——在中国共产党上海市第十三次代表大会上的报告", "中国共产党上海市第十二届委员会"),
             ("常务委员会", "——2025年1月14日在北京市第十六届人民代表大会第三次会议上", "北京市第十六届人民代表大会常务委员会"),
             ("第十二届委员会", "在全区工作会议上的讲话", "第十二届委员会"),            # no congress named: left as is
             ("中央委员会", "在中国共产党上海市第十三次代表大会上", "中央委员会")]   # a local congress
    for org, text, want in cases:
        assert complete_party(org, prepare(text)) == want


def test_site_menu_page_heading_and_quoted_title() -> None:
    pages = "docs/gov_site_pages_2/"
    meta = _meta(pages + "阳泉市城区人民政府关于印发工作规则的通知.txt")   # 法定主动 / 公开内容 / 政策 …
    assert meta["title"] == "阳泉市城区人民政府关于印发阳泉市城区人民政府工作规则和阳泉市城区人民政府有关会议工作规则的通知"
    assert (meta["doc_number"], meta["doc_date"]) == ("城政发〔2021〕25号", "2021-11-11")
    meta = _meta(pages + "保定腰山镇人民政府关于取消南腰山村庙会的通告.txt")  # the document's heading under the page's
    assert meta["title"] == "腰山镇人民政府关于取消南腰山村庙会的通告"
    meta = _meta(pages + "京政办发2016第26号.txt")
    assert meta["title"] == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    assert _meta(pages + "綦江区文明示范楼栋文明示范小区名单公示.txt")["doc_type"] == "公示"


def test_an_invoice_is_issued_by_its_seller() -> None:
    meta = _meta("ofd/增值税电子普通发票.ofd")
    assert (meta["doc_type"], meta["issuer"], meta["doc_date"]) == ("发票", "兰溪市悦济舫餐厅", "2020-07-23")


# --- the fifth held-out family: more public pages (gov_site_pages_3) ------------------------

_PAGES3 = "docs/gov_site_pages_3/"


def test_greeting_crumbs_table_rows_and_the_sites_name_are_chrome() -> None:
    meta = _meta(_PAGES3 + "平凉市崆峒区人民政府工作规则.txt")         # 甘肃崆峒 / < / 索引号 … / 信息名称 …
    assert (meta["title"], meta["doc_date"]) == ("平凉市崆峒区人民政府工作规则", "2021-11-23")
    meta = _meta(_PAGES3 + "清源街道西门社区关于创建文明城市的会议记录.txt")   # 您好,欢迎访问… + a record on one line
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "清源街道西门社区关于创建文明城市(社区)的会议记录", "清源街道西门社区", "2012-09-02", "会议记录")
    with rules.disabled({"page_top_chrome"}):
        assert _meta(_PAGES3 + "平凉市崆峒区人民政府工作规则.txt")["title"].startswith("甘肃崆峒")


def test_joint_organs_run_together_before_the_title() -> None:
    meta = _meta(_PAGES3 + "成都市四部门关于印发城市社区嵌入式服务设施建设工程实施方案的通知.txt")
    assert meta["issuer"] == "成都市发展和改革委员会、中共成都市委社会工作部、成都市规划和自然资源局、成都市住房和城乡建设局"
    with rules.disabled({"stacked_signature"}):   # 署名 one organ a line: the title names both
        meta = _meta(_PAGES + "岳阳市委办市政府办印发关于全面推进政务公开工作的实施意见的通知.txt")
        assert meta["issuer"] == "中共岳阳市委办公室、岳阳市人民政府办公室"


def test_brief_header_numbered_heading_and_opening_date() -> None:
    meta = _meta(_PAGES3 + "清城区创文简报第九期.txt")   # …办公室编印 2014年7月3日, one space apart
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "创文简报", "清城区创建全国文明城市办公室", "2014-07-03", "简报")
    meta = _meta(_PAGES3 + "斗门区五届104次区政府常务会议纪要.txt")   # 一、审议… is a section, not the title
    assert (meta["title"], meta["doc_date"], meta["doc_type"]) == ("斗门区五届104次区政府常务会议纪要", "2024-09-13", "纪要")
    meta = _meta(_PAGES3 + "关于对两区包街包巷包小区责任单位评比情况的通报.txt")
    assert meta["title"] == "关于对两区“包街包巷包小区”责任单位评比情况的通报"
    assert (meta["issuer"], meta["doc_date"]) == ("天水市创建全国文明城市指挥部办公室", "2022-03-04")


def test_page_buttons_are_not_a_titles_first_words_and_a_community_reports_on_itself() -> None:
    pages = "docs/gov_site_pages_2/"
    with rules.disabled({"menu_lines"}):   # • 提交 / 购物车 / 长子县…的通告: the heading stands alone
        meta = _meta(pages + "长子县人民政府森林防火指挥部关于禁止燃放烟花爆竹的通告.txt")
        assert meta["title"] == "长子县人民政府森林防火指挥部关于禁止燃放烟花爆竹的通告"
    assert _meta(pages + "富康路社区创建全国文明城市第一阶段工作小结.txt")["issuer"] == "富康路社区"


def test_number_before_a_quoted_title_and_a_number_in_a_table_cell() -> None:
    pages = "docs/gov_site_pages_4/"
    meta = _meta(pages + "成府发2003第61号.txt")   # 成府發(fā)〔2003〕61號(hào)《成都市人民政府關(guān)于…》
    assert meta["title"] == "成都市人民政府关于命名锦江区盐市口成华区新鸿路等17个街道办事处为成都市社区建设示范街道的通报"
    assert (meta["doc_number"], meta["issuer"]) == ("成府发〔2003〕61号", "成都市人民政府")
    assert _meta(pages + "山福镇突发公共事件总体应急预案印发.txt")["doc_number"] == "鹿山政〔2020〕72号"   # 文号 | … |
    with rules.disabled({"disclosure_fields"}):   # 文件编号:… | in a row of cells
        assert _meta(_PAGES + "关于表彰全民健身运动会章贡分赛区参赛工作先进单位的通报.txt")["doc_number"] == "区府办字〔2012〕142号"


_PAGES4, _PAGES5 = "docs/gov_site_pages_4/", "docs/gov_site_pages_5/"


def test_a_pages_date_stamp_or_index_number_never_joins_the_title() -> None:
    meta = _meta(_PAGES4 + "五角场街道2015年工作总结和2016年工作安排.txt")   # …工作安排 2016-03-07
    assert meta["title"] == "五角场街道2015年工作总结和2016年工作安排"
    meta = _meta(_PAGES5 + "镇巴县人民政府工作规则.txt")   # heading / • 索引号: / 6107280000/2024-001005
    assert (meta["title"], meta["doc_number"]) == ("镇巴县人民政府工作规则", "镇政发〔2024〕7号")
    with rules.disabled({"title_without_ids", "title_form"}):
        assert _meta(_PAGES4 + "五角场街道2015年工作总结和2016年工作安排.txt")["title"].endswith("2016-03-07")


def test_signature_and_date_inside_a_run_on_line() -> None:
    meta = _meta(_PAGES4 + "山福镇突发公共事件总体应急预案印发.txt")   # …(修订) 温州市鹿城区山福镇人民政府 2020年10月22日 山福镇…
    assert (meta["issuer"], meta["doc_date"]) == ("温州市鹿城区山福镇人民政府", "2020-10-22")
    meta = _meta(_PAGES5 + "随州市文明办两创活动自查通知.txt")   # 署名 date | at the end of a table row
    assert (meta["issuer"], meta["doc_date"]) == ("随州市精神文明建设委员会办公室", "2013-04-17")
    meta = _meta(_PAGES5 + "呼和浩特市政府信息公开目录编制规则.txt")   # 呼政辦發[2008]68號 各旗…: … 二OO八年五月二十三日 …
    assert (meta["doc_number"], meta["doc_date"], meta["doc_type"]) == ("呼政办发〔2008〕68号", "2008-05-23", "通知")
    with rules.disabled({"inline_signature"}):
        assert _meta(_PAGES4 + "山福镇突发公共事件总体应急预案印发.txt")["doc_date"] is None


def test_a_sites_record_of_the_page_is_not_the_documents_date() -> None:
    # 时间:2024-07-09 06:45:11 来源: 法律资料网 作者:… is when the database posted it; the issuers sit under the heading
    meta = _meta(_PAGES4 + "关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知.txt")
    assert (meta["doc_date"], meta["issuer"]) == (None, "财政部、司法部")
    assert _meta(_PAGES4 + "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知.txt")["doc_date"] is None
    with rules.disabled({"page_facts_time", "page_stamp"}):
        assert _meta(_PAGES4 + "关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知.txt")["doc_date"] == "2024-07-09"


def test_a_reply_without_its_heading_and_buttons_above_a_speech() -> None:
    assert _meta(_PAGES4 + "弋府字2015第23号.txt")["doc_type"] == "批复"   # …现批复如下
    assert _meta(_PAGES5 + "某县长在安委会第四次全体扩大会议上的讲话.txt")["title"] == (
        "某县长在全县202x年度安委会第四次全体(扩大)会议上的讲话")   # 德育素材网 首页 above it
    assert _meta(_PAGES5 + "在创建省级文明城市动员大会上的讲话.txt")["title"] == "在创建省级文明城市动员大会上的讲话"   # 正文复制
    meta = _meta(_PAGES5 + "浦东新区人民政府关于印发工作规则的通知.txt")   # the heading again below, wrapped after 关于印发
    assert (meta["title"], meta["issuer"]) == ("浦东新区人民政府关于印发《浦东新区人民政府工作规则》的通知", "浦东新区人民政府")
    assert meta["doc_number"] == "浦府〔2022〕1号"


def test_the_first_line_of_a_wrapped_heading_is_kept() -> None:
    # 督查评比专报 / 第 6 期 / 关于对两区“包街包巷包小区” / 责任单位评比情况的通报
    title = "关于对两区“包街包巷包小区”责任单位评比情况的通报"
    assert _meta(_PAGES3 + "关于对两区包街包巷包小区责任单位评比情况的通报.txt")["title"] == title
    with rules.disabled({"wrapped_heading_start", "title_form"}):
        assert _meta(_PAGES3 + "关于对两区包街包巷包小区责任单位评比情况的通报.txt")["title"] == "责任单位评比情况的通报"
        assert _meta(_PAGES5 + "浦东新区人民政府关于印发工作规则的通知.txt")["title"] == "《浦东新区人民政府工作规则》的通知"


_PAGES6 = "docs/gov_site_pages_6/"


def test_switches_position_line_and_information_channel_are_chrome() -> None:
    meta = _meta(_PAGES6 + "南区街道办事处2022年工作总结.txt")   # 无障碍版 长者助手 登录 / 您当前的位置: > >
    assert (meta["title"], meta["issuer"], meta["doc_type"]) == ("南区街道办事处2022年工作总结", "南区街道办事处", "总结")
    meta = _meta(_PAGES6 + "中大槐树街道2022年工作总结.txt")   # 无障碍阅读 关怀版 返回首页 / 政府信息公开 / heading
    assert meta["title"] == "中大槐树街道2022年工作总结"
    with rules.disabled({"page_switches", "more_page_chrome", "title_form"}):
        assert _meta(_PAGES6 + "南区街道办事处2022年工作总结.txt")["title"] == "无障碍版长者助手登录"


def test_a_row_of_switches_is_chrome_on_either_familys_pages() -> None:
    """page_switches alone (every other chrome rule off) reads both families' pages."""
    chrome = {"site_chrome", "page_top_chrome", "complete_line_stands_alone", "more_page_chrome"}
    with rules.disabled(chrome):
        assert _meta(_PAGES6 + "南区街道办事处2022年工作总结.txt")["title"] == "南区街道办事处2022年工作总结"
        assert _meta(_PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")["title"] == (
            "关于2023年10月份民生实事项目进展情况的通报")   # 关怀版 无障碍 无障碍
    with rules.disabled(chrome | {"page_switches", "title_form"}):
        assert _meta(_PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")["title"].startswith("关怀版")


def test_a_date_under_a_label_is_not_the_records_date() -> None:
    # 日期:2023年10月15日 at the head; 下次会议时间: / 2023年11月15日 at the end
    assert _meta(_PAGES6 + "村民会议记录.txt")["doc_date"] == "2023-10-15"
    with rules.disabled({"date_under_label"}):
        assert _meta(_PAGES6 + "村民会议记录.txt")["doc_date"] == "2023-11-15"


_PAGES7 = "docs/gov_site_pages_7/"


def test_crumb_tail_series_line_and_a_number_between_two_headings() -> None:
    meta = _meta(_PAGES7 + "湖州市2023年全市卫生健康工作要点的通知.txt")   # >政务频道 >政务公开 >本局文件 is no 版头
    assert (meta["issuer"], meta["doc_number"], meta["doc_date"]) == ("湖州市卫生健康委员会", "湖卫健发〔2023〕1号", "2023-04-26")
    meta = _meta(_PAGES7 + "在市十届人大三次会议闭幕会上的讲话.txt")   # “日新月异”系列№7266 / 2024年1月 above it
    assert (meta["title"], meta["doc_date"]) == ("在市十届人大三次会议闭幕会上的讲话", "2024-01-12")
    with rules.disabled({"number_anywhere_in_head"}):
        assert _meta(_PAGES7 + "湖州市2023年全市卫生健康工作要点的通知.txt")["doc_number"] is None


def test_a_heading_under_a_label_and_a_notice_kept_as_html() -> None:
    meta = _meta(_PAGES7 + "遂宁市防汛应急预案征求意见的函.txt")   # 遂宁市水利局 / 征集调查 / 主题: / heading
    assert meta["title"] == "遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案(征求意见稿)》修改意见的函"
    assert (meta["issuer"], meta["doc_type"]) == ("遂宁市人民政府防汛抗旱指挥部办公室", "函")
    meta = _meta(_PAGES7 + "山西省激发重点群体活力带动城乡居民增收实施方案印发.txt")   # <p …> 山西省人民政府</p><p …> 2018年3月27日</p>
    assert (meta["issuer"], meta["doc_date"], meta["doc_number"]) == ("山西省人民政府", "2018-03-27", "晋政发〔2018〕13号")
    with rules.disabled({"html_tags"}):
        assert _meta(_PAGES7 + "山西省激发重点群体活力带动城乡居民增收实施方案印发.txt")["doc_date"] is None


def test_the_title_block_sits_above_the_recipients() -> None:
    # 政务服务丨济宁市人民政府关于…的实施意见 (the page's) … 济宁市人民政府 / 关于…的实施意见 / 济政字〔2021〕30号 / 各县…:
    jining = _PAGES + "济宁市人民政府关于持续深化市县同权改革的实施意见.txt"
    with rules.disabled(rules.only_from("gov_site_pages")):   # gov_site_pages held out
        meta = _meta(jining)
        assert (meta["title"], meta["issuer"]) == ("济宁市人民政府关于持续深化“市县同权”改革的实施意见", "济宁市人民政府")
        with rules.disabled({"title_above_recipients"}):
            assert _meta(jining)["title"].startswith("政务服务")
    with rules.disabled(rules.only_from("fresh_holdout")):   # organ lines under a 版头, then 关于…, then 主送
        meta = _meta("docs/fresh_holdout/关于做好2023年度防汛备汛工作的通知.txt")
        assert meta["title"] == "中共石门县委办公室石门县人民政府办公室关于做好2023年度防汛备汛工作的通知"


_CONGRESS = "docs/congress_documents/"


def test_the_title_of_a_speech_sits_above_its_speaker_and_salutation() -> None:
    # (两会受权发布)… / 新华社北京3月17日电 / 最高人民检察院工作报告 / ——2023年3月7日在… / 检察长 张军 / 各位代表:
    spp = _CONGRESS + "最高人民检察院工作报告2023.txt"
    meta = _meta(spp)
    assert (meta["title"], meta["issuer"], meta["doc_date"]) == ("最高人民检察院工作报告", "最高人民检察院", "2023-03-07")
    # 学习专栏 / 每周一学（…） / 文章来源… / three centred title lines / 同志们：
    zhejiang = _CONGRESS + "浙江省第十五次党代会报告.txt"
    assert _meta(zhejiang)["title"] == "忠实践行“八八战略”坚决做到“两个维护”在高质量发展中奋力推进中国特色社会主义共同富裕先行和省域现代化先行"
    with rules.disabled({"title_above_salutation", "news_dateline", "crumb_repeated"}):   # each reads one of them
        assert _meta(spp)["title"].startswith("新华社")
        assert _meta(zhejiang)["title"] == "学习专栏"
    with rules.disabled(rules.only_from("gov_site_pages_5")):   # 正文复制 / heading / 同志们:这次… (held out)
        assert _meta(_PAGES5 + "在创建省级文明城市动员大会上的讲话.txt")["title"] == "在创建省级文明城市动员大会上的讲话"


def test_a_party_congress_report_is_issued_by_the_committee_it_speaks_for() -> None:
    # 在中国共产党梧州市第十四次代表大会上的报告 / 梧州市委书记 蒋连生 / 我代表中共梧州市第十三届委员会向大会作报告
    wuzhou = _CONGRESS + "梧州市第十四次党代会报告.txt"
    assert _meta(wuzhou)["issuer"] == "中共梧州市第十三届委员会"
    # 我代表第十三届中央委员会 in a report to 中国共产党第十四次全国代表大会 (held out: congress_documents' evidence)
    fourteenth = "txt/cn_cpc_congress_reports/14_加快改革开放和现代化建设步伐 (十四大).txt"
    with rules.disabled(rules.only_from("cpc_congress_reports")):
        assert _meta(fourteenth)["issuer"] == "中国共产党第十三届中央委员会"
    with rules.disabled({"party_congress_committee"}):
        assert _meta(wuzhou)["issuer"] == "梧州市委"
        assert _meta(fourteenth)["issuer"] == "十三届中央委员会"


def test_a_heading_printed_twice_is_the_title() -> None:
    # 今天是… / 遂宁市水利局 / 征集调查 / 主题: / heading / 时限: … / heading again / 市直有关部门: …
    suining = _PAGES7 + "遂宁市防汛应急预案征求意见的函.txt"
    # 无障碍阅读… / 政府信息公开 / heading / 索引号 / 中大槐树街道办事处 / 2023-01-16 / heading again
    zhongda = _PAGES6 + "中大槐树街道2022年工作总结.txt"
    with rules.disabled(rules.only_from("gov_site_pages_7")):   # held out: labelled_heading off
        meta = _meta(suining)
        assert (meta["title"], meta["issuer"], meta["doc_type"]) == (
            "遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案(征求意见稿)》修改意见的函",
            "遂宁市人民政府防汛抗旱指挥部办公室", "函")
        with rules.disabled({"repeated_heading", "title_form"}):
            assert _meta(suining)["title"] == "遂宁市水利局征集调查"
    with rules.disabled(rules.only_from("gov_site_pages_6")):   # held out: more_page_chrome off
        assert _meta(zhongda)["title"] == "中大槐树街道2022年工作总结"
        with rules.disabled({"repeated_heading"}):
            assert _meta(zhongda)["title"] == "中大槐树街道办事处中大槐树街道2022年工作总结"


def test_ofd_elements_from_the_pages_layout() -> None:
    """Every OFD 公文 and form of the corpus, read from its real file with every rule on."""
    path = CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd"
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    sizes = {line.text: line.size for line in extracted.layout}
    assert sizes["关于同意张阿三同志辞职的批复"] > sizes["区中医院："] + 4   # 2号 title over 3号 body, in points
    meta = _meta("ofd/路桥区卫生局关于同意辞职的批复.ofd")
    assert (meta["title"], meta["doc_number"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "关于同意张阿三同志辞职的批复", "路卫发〔2011〕76号", "路桥区卫生局", "2011-03-10", "批复")
    with rules.disabled({"organ_from_code"}):   # 版头 测试符路桥区卫生局文件, code 路卫发
        assert _meta("ofd/路桥区卫生局关于同意辞职的批复.ofd")["issuer"] == "测试符路桥区卫生局"
    meta = _meta("ofd/增值税电子普通发票.ofd")
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "浙江增值税电子普通发票", "兰溪市悦济舫餐厅", "2020-07-23", "发票")
    meta = _meta("ofd/不动产登记证明.ofd")   # no title printed; a rotated grey 事由… watermark
    assert (meta["title"], meta["doc_date"], meta["doc_type"]) == ("不动产登记证明", None, "证明")
    with rules.disabled({"layout_without_title", "file_date_not_doc_date"}):
        meta = _meta("ofd/不动产登记证明.ofd")
        assert meta["title"].startswith("中国建设银行") and meta["doc_date"] == "2020-06-20"


def test_organ_cut_by_its_code_only_before_a_place() -> None:
    from dangan.read.understand.gongwen_context import organ_by_code

    assert organ_by_code("测试符路桥区卫生局", "路卫发〔2011〕76号") == "路桥区卫生局"
    assert organ_by_code("北京市人民政府", "京政发〔2020〕1号") == "北京市人民政府"
    assert organ_by_code("上海市普陀区人民政府", "普府发〔2020〕1号") == "上海市普陀区人民政府"
    assert organ_by_code("国家发展和改革委员会", "发改投资〔2020〕1号") == "国家发展和改革委员会"


def test_congress_session_presidium_and_standing_committee() -> None:
    meta = _meta(_CONGRESS + "巴中市人大关于检察院工作报告的决议.txt")   # …第二次会议主席团 / 2018年1月7日
    assert meta["issuer"] == "巴中市第四届人民代表大会第二次会议主席团"
    with rules.disabled({"presidium"}):
        assert _meta(_CONGRESS + "巴中市人大关于检察院工作报告的决议.txt")["issuer"] == "巴中市第四届人民代表大会第二次会议"
    meta = _meta(_CONGRESS + "盐城市人大关于中级法院工作报告的决议.txt")   # session / 关于… / 发布日期:…
    assert (meta["title"], meta["issuer"]) == (
        "盐城市第九届人民代表大会第二次会议关于盐城市中级人民法院工作报告的决议", "盐城市第九届人民代表大会第二次会议")
    with rules.disabled({"organ_over_guanyu"}):
        assert _meta(_CONGRESS + "盐城市人大关于中级法院工作报告的决议.txt")["title"] == "关于盐城市中级人民法院工作报告的决议"
    with rules.disabled({"organ_over_guanyu", "meeting_opener"}):   # …会议听取和审议了… (encoding_variants' rule)
        assert _meta(_CONGRESS + "盐城市人大关于中级法院工作报告的决议.txt")["issuer"] is None
    meta = _meta(_CONGRESS + "余姚市人大常委会工作报告.txt")   # 我受余姚市第十七届人民代表大会常务委员会委托
    assert meta["issuer"] == "余姚市人民代表大会常务委员会"
    with rules.disabled({"standing_committee_term"}):
        assert _meta(_CONGRESS + "余姚市人大常委会工作报告.txt")["issuer"] == "余姚市第十七届人民代表大会常务委员会"
