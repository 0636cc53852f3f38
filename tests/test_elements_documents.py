"""Official-document elements on real documents as issued, one test per case of issue 15.

Notices, meeting records and 纪要, speeches, congress and government work reports, budgets, OCR
scans and OFD files (the labelled set's documents, read by labelled_elements.meta_of): the 标题,
发文字号, 发文机关, 成文日期 and 文种 each case showed, with the rule that reads it switched off where
that shows what the rule does.
"""
from __future__ import annotations

import pytest
from labelled_elements import CORPUS, DATA, meta_of

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")

_CONGRESS = "docs/congress_documents/"


def test_meeting_record_in_markdown_and_traditional_script() -> None:
    meta = meta_of("docs/meeting_records/宏福苑业主立案法团第十一届管理委员会第五次会议记录.md")
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


def test_dates_in_every_chinese_form_in_documents() -> None:
    assert meta_of("docs/meeting_records/柳河村村民委员会会议记录_GBK.txt")["doc_date"] == "2020-10-22"  # 廿二
    assert meta_of("docs/written_notices/关于表彰2021年度优秀志愿服务组织的决定.txt")["doc_date"] == "2022-01-20"
    assert meta_of("docs/speeches/在全镇防汛工作会议上的讲话_BIG5.txt")["doc_date"] == "2019-06-10"


def test_doc_type_by_title_then_by_form() -> None:
    assert meta_of("docs/meeting_records/东湖社区居民委员会会议记录.txt")["doc_type"] == "会议记录"
    assert meta_of("docs/written_notices/在职证明.txt")["doc_type"] == "证明"
    assert meta_of("docs/written_notices/关于部分台账资料缺失的情况说明.txt")["doc_type"] == "说明"
    text = "时间：2024年5月6日\n地点：三楼会议室\n主持：王明\n出席：张三、李四\n一、研究了值班安排。\n"
    assert read_metadata(text).values()["doc_type"] == "会议记录"


def test_jiyao_header_and_brief() -> None:
    meta = meta_of("docs/meeting_records/区创建办专题会议纪要.txt")
    assert meta["title"] == "关于推进农贸市场环境整治的专题会议纪要"
    assert meta["doc_date"] == "2022-04-08"         # 二〇二二年四月八日 on the header line
    meta = meta_of("docs/written_notices/创文工作简报第15期.txt")
    assert (meta["doc_type"], meta["doc_date"]) == ("简报", "2022-07-25")
    assert meta["issuer"] == "金山区创建全国文明城市工作指挥部办公室"


def test_version_head_org_and_signature() -> None:
    meta = meta_of("docs/written_notices/关于开展2023年度安全生产大检查的通知.txt")
    assert meta["issuer"] == "青山县人民政府办公室"
    assert meta["doc_number"] == "青政办发〔2023〕17号"
    assert meta["doc_date"] == "2023-05-06"
    meta = meta_of("docs/written_notices/关于加强老旧小区物业管理的实施意见.txt")
    assert meta["doc_number"] == "东政发〔2019〕5号"     # ﹝﹞ brackets
    assert meta["title"] == "东城区人民政府关于加强老旧小区物业管理的实施意见"


def test_organ_line_above_title_belongs_to_the_title() -> None:
    meta = meta_of("pdf/cn_shanghai_putuo_budgets/上海市普陀区财政局2024年度部门决算.pdf")
    assert meta["title"] == "上海市普陀区财政局2024年度部门决算"
    meta = meta_of("docs/written_notices/关于2022年度目标考核结果的通报.txt")
    assert meta["issuer"] == "中共江南市委办公室、江南市人民政府办公室"
    assert meta["doc_number"] == "江委办〔2023〕8号"


def test_unit_never_cut_at_a_line_break() -> None:
    meta = read_metadata("上海市普陀区规划和自然\n资源局2024年度部门决算\n目 录\n第一部分 概况\n")
    assert meta.values()["title"] == "上海市普陀区规划和自然资源局2024年度部门决算"
    assert meta.values()["issuer"] == "上海市普陀区规划和自然资源局"
    meta = read_metadata("中共上海市普陀区委社会工作部\n2025年度部门预算\n目 录\n")
    assert meta.values()["issuer"] == "中共上海市普陀区委社会工作部"


def test_issuer_completed_from_the_title() -> None:
    meta = meta_of("pdf/cn_provincial_budget_reports_2024/Anhui.pdf")
    assert meta["issuer"] == "安徽省财政厅"          # the heading says only 省财政厅


def test_congress_report_delivery_line_and_on_behalf_issuer() -> None:
    meta = meta_of("txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt")
    assert meta["doc_date"] == "2026-01-25"
    assert meta["issuer"] == "北京市人民政府"       # 我代表北京市人民政府 / 在北京市第十六届…
    meta = meta_of("docx/cn_provincial_gov_work_reports_2025/2025年广西政府工作报告.docx")
    assert meta["issuer"] == "广西壮族自治区人民政府"  # 我代表自治区人民政府 + 在广西壮族自治区…
    meta = meta_of("txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_内蒙古自治区_政府工作报告.txt")
    assert meta["issuer"] == "内蒙古自治区人民政府"


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


def test_a_party_congress_report_is_issued_by_the_committee_it_speaks_for() -> None:
    # 在中国共产党梧州市第十四次代表大会上的报告 / 梧州市委书记 蒋连生 / 我代表中共梧州市第十三届委员会向大会作报告
    wuzhou = _CONGRESS + "梧州市第十四次党代会报告.txt"
    assert meta_of(wuzhou)["issuer"] == "中共梧州市第十三届委员会"
    # 我代表第十三届中央委员会 in a report to 中国共产党第十四次全国代表大会 (held out: congress_documents' evidence)
    fourteenth = "txt/cn_cpc_congress_reports/14_加快改革开放和现代化建设步伐 (十四大).txt"
    with rules.disabled(rules.only_from("cpc_congress_reports")):
        assert meta_of(fourteenth)["issuer"] == "中国共产党第十三届中央委员会"
    with rules.disabled({"party_congress_committee"}):
        assert meta_of(wuzhou)["issuer"] == "梧州市委"
        assert meta_of(fourteenth)["issuer"] == "十三届中央委员会"


def test_congress_session_presidium_and_standing_committee() -> None:
    meta = meta_of(_CONGRESS + "巴中市人大关于检察院工作报告的决议.txt")   # …第二次会议主席团 / 2018年1月7日
    assert meta["issuer"] == "巴中市第四届人民代表大会第二次会议主席团"
    with rules.disabled({"presidium"}):
        assert meta_of(_CONGRESS + "巴中市人大关于检察院工作报告的决议.txt")["issuer"] == "巴中市第四届人民代表大会第二次会议"
    meta = meta_of(_CONGRESS + "盐城市人大关于中级法院工作报告的决议.txt")   # session / 关于… / 发布日期:…
    assert (meta["title"], meta["issuer"]) == (
        "盐城市第九届人民代表大会第二次会议关于盐城市中级人民法院工作报告的决议", "盐城市第九届人民代表大会第二次会议")
    with rules.disabled({"organ_over_guanyu"}):
        assert meta_of(_CONGRESS + "盐城市人大关于中级法院工作报告的决议.txt")["title"] == "关于盐城市中级人民法院工作报告的决议"
    with rules.disabled({"organ_over_guanyu", "meeting_opener"}):   # …会议听取和审议了… (encoding_variants' rule)
        assert meta_of(_CONGRESS + "盐城市人大关于中级法院工作报告的决议.txt")["issuer"] is None
    meta = meta_of(_CONGRESS + "余姚市人大常委会工作报告.txt")   # 我受余姚市第十七届人民代表大会常务委员会委托
    assert meta["issuer"] == "余姚市人民代表大会常务委员会"
    with rules.disabled({"standing_committee_term"}):
        assert meta_of(_CONGRESS + "余姚市人大常委会工作报告.txt")["issuer"] == "余姚市第十七届人民代表大会常务委员会"


def test_ocr_scan_dash_read_as_yi() -> None:
    meta = meta_of("ocr:pdf/cn_provincial_budget_reports_2024/Hebei.pdf#1")
    assert meta["doc_date"] == "2024-01-21"          # 一—2024年1月21日在…
    assert meta["issuer"] == "河北省财政厅"


def test_ofd_elements_from_the_pages_layout() -> None:
    """Every OFD 公文 and form of the corpus, read from its real file with every rule on."""
    path = CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd"
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    sizes = {line.text: line.size for line in extracted.layout}
    assert sizes["关于同意张阿三同志辞职的批复"] > sizes["区中医院："] + 4   # 2号 title over 3号 body, in points
    meta = meta_of("ofd/路桥区卫生局关于同意辞职的批复.ofd")
    assert (meta["title"], meta["doc_number"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "关于同意张阿三同志辞职的批复", "路卫发〔2011〕76号", "路桥区卫生局", "2011-03-10", "批复")
    with rules.disabled({"organ_from_code"}):   # 版头 测试符路桥区卫生局文件, code 路卫发
        assert meta_of("ofd/路桥区卫生局关于同意辞职的批复.ofd")["issuer"] == "测试符路桥区卫生局"
    meta = meta_of("ofd/增值税电子普通发票.ofd")
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "浙江增值税电子普通发票", "兰溪市悦济舫餐厅", "2020-07-23", "发票")
    meta = meta_of("ofd/不动产登记证明.ofd")   # no title printed; a rotated grey 事由… watermark
    assert (meta["title"], meta["doc_date"], meta["doc_type"]) == ("不动产登记证明", None, "证明")
    with rules.disabled({"layout_without_title", "file_date_not_doc_date"}):
        meta = meta_of("ofd/不动产登记证明.ofd")
        assert meta["title"].startswith("中国建设银行") and meta["doc_date"] == "2020-06-20"


def test_organ_cut_by_its_code_only_before_a_place() -> None:
    from dangan.read.understand.gongwen_context import organ_by_code

    assert organ_by_code("测试符路桥区卫生局", "路卫发〔2011〕76号") == "路桥区卫生局"
    assert organ_by_code("北京市人民政府", "京政发〔2020〕1号") == "北京市人民政府"
    assert organ_by_code("上海市普陀区人民政府", "普府发〔2020〕1号") == "上海市普陀区人民政府"
    assert organ_by_code("国家发展和改革委员会", "发改投资〔2020〕1号") == "国家发展和改革委员会"


def test_an_invoice_is_issued_by_its_seller() -> None:
    meta = meta_of("ofd/增值税电子普通发票.ofd")
    assert (meta["doc_type"], meta["issuer"], meta["doc_date"]) == ("发票", "兰溪市悦济舫餐厅", "2020-07-23")


def test_a_long_title_line_wins_over_the_file_name() -> None:
    title = "关于印发《城关区2024年创建全国文明城市测评体系操作手册（试行）》及配套考核细则和问题整改责任清单的通知"
    text = f"{title}\n各街道、各部门：\n现将有关文件印发给你们，请认真贯彻执行。\n城关区创建办\n2024年3月5日\n"
    values = read_metadata(text, filename="扫描件0012.txt").values()
    assert values["title"] == title and values["doc_type"] == "通知"
