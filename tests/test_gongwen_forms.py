"""GB/T 9704 elements read from synthetic snippets: a full notice, numbers, marks, the office's formats, layout, types."""
from __future__ import annotations

import pytest

from dangan.model import LayoutLine, OfficialMeta
from dangan.read.understand.gongwen import DOC_TYPES, doc_type_of_title, read_metadata

NOTICE = """000123
机密★1年
特急
XX区人民政府文件

XX府发〔2022〕12号

关于开展创建全国文明城市
集中整治行动的通知

各街道办事处，区政府各部门，区直各单位：
    为迎接全国文明城市测评，经区政府研究，决定开展集中整治行动。现将有关事项通知如下。
    一、整治范围。全区主次干道、背街小巷、农贸市场和各社区。
    二、工作要求。各单位要于4月10日前报送整治方案。

附件：1. 集中整治任务分解表
      2. 责任单位联系人名单

XX区人民政府
2022年3月26日
（此件公开发布）

抄送：区委办公室，区人大常委会办公室，区政协办公室。
XX区人民政府办公室                     2022年3月26日印发
"""


def test_synthetic_notice_all_elements() -> None:
    meta = read_metadata(NOTICE)
    assert meta.values() == {
        "title": "关于开展创建全国文明城市集中整治行动的通知",
        "doc_number": "XX府发〔2022〕12号",
        "issuer": "XX区人民政府",
        "doc_date": "2022-03-26",
        "recipients": "各街道办事处，区政府各部门，区直各单位",
        "cc": "区委办公室，区人大常委会办公室，区政协办公室",
        "secrecy": "机密★1年",
        "urgency": "特急",
        "doc_type": "通知",
    }
    assert meta.attachments == ("集中整治任务分解表", "责任单位联系人名单")
    for name in OfficialMeta.FIELDS:
        value = getattr(meta, name)
        assert value.span is not None and 0 <= value.span[0] < value.span[1] <= len(NOTICE)
        assert 0 < value.confidence <= 1


@pytest.mark.parametrize("number", [
    "XX府发〔2022〕12号", "XX府发(2022)12号", "XX府发（2022）12号", "XX府发[2022]12号",
    "XX府发［2022］12号", "XX府发〔2022〕第12号", "XX府发【2022】12号", "XX府发 〔2022〕 12 号",
    "XX府发〔２０２２〕１２号", "XX府发〔2022〕012号",
])
def test_doc_number_variants_are_normalised(number: str) -> None:
    text = f"XX区人民政府文件\n{number}\n关于做好迎检工作的通知\n各街道：\n    请认真落实。\n"
    meta = read_metadata(text)
    assert meta.doc_number is not None and meta.doc_number.value == "XX府发〔2022〕12号"


def test_doc_number_with_signer_and_in_heading_parentheses() -> None:
    text = "XX区创建办文件\nXX创办〔2022〕5号　　　　签发人：张三\n关于通报第一季度测评情况的通报\n"
    assert read_metadata(text).values()["doc_number"] == "XX创办〔2022〕5号"
    heading = "XX市人民政府关于印发管理办法的通知\n（2012年1月9日　余府发〔2012〕3号）\n各县（区）人民政府：\n"
    values = read_metadata(heading).values()
    assert (values["doc_number"], values["doc_date"], values["issuer"]) == \
        ("余府发〔2012〕3号", "2012-01-09", "XX市人民政府")


def test_cited_numbers_in_the_body_are_not_the_documents_own() -> None:
    text = ("关于加强人民调解工作的实施意见\n"
            "    根据《关于加强人民调解员队伍建设的实施意见》（沪司发〔2018〕86号），结合本区实际，制定本意见。\n")
    meta = read_metadata(text)
    assert meta.doc_number is None
    assert meta.doc_type is not None and meta.doc_type.value == "意见"


@pytest.mark.parametrize(("line", "secrecy", "urgency"), [
    ("秘密", "秘密", None),
    ("绝密★长期", "绝密★长期", None),
    ("机密★5年　加急", "机密★5年", "加急"),
    ("加急", None, "加急"),
])
def test_secrecy_and_urgency(line: str, secrecy: str | None, urgency: str | None) -> None:
    values = read_metadata(f"{line}\nXX区人民政府文件\n关于做好迎检工作的通知\n").values()
    assert (values["secrecy"], values["urgency"]) == (secrecy, urgency)


def test_secrecy_words_in_the_body_are_ignored() -> None:
    text = "关于做好保密工作的通知\n各单位：\n    涉及秘密的文件要妥善保管，特急文件当日办结。\n"
    values = read_metadata(text).values()
    assert values["secrecy"] is None and values["urgency"] is None


def test_summary_minutes_and_speech_types() -> None:
    minutes = "XX区创建全国文明城市工作调度会会议纪要\n时间：2022年3月26日\n地点：区政府三楼会议室\n出席：张三、李四\n"
    assert read_metadata(minutes).values()["doc_type"] == "纪要"
    speech = "在全区创建全国文明城市工作推进会上的讲话\n（2022年3月26日）\n同志们：\n    今天我们召开会议。\n"
    values = read_metadata(speech).values()
    assert (values["doc_type"], values["doc_date"], values["recipients"]) == ("讲话", "2022-03-26", None)


LETTER = """XX区创建全国文明城市工作指挥部办公室

XX创指办函〔2022〕8号

XX区创建全国文明城市工作指挥部办公室
关于商请协助开展“六小”门店整治的函

区市场监管局：
    为迎接测评，请贵局协助开展“六小”门店证照检查。
    特此函告。

XX区创建全国文明城市工作指挥部办公室
2022年4月2日
（联系人：张三，电话：12345678）
"""

MINUTES = """XX区创建全国文明城市工作
调度会议纪要
第5期
XX区创建办                    2022年4月8日

    4月7日下午，区创建办主任主持召开调度会，听取各街道工作汇报。会议议定事项如下：
    一、各街道要在4月15日前完成背街小巷整治。
"""

REQUEST = """XX区创建办关于申请追加创建经费的请示

区政府：
    为做好迎检工作，现申请追加创建经费50万元。
    妥否，请批示。

XX区创建办
2022年4月6日
"""


@pytest.mark.parametrize(("text", "expected"), [
    (LETTER, {"title": "XX区创建全国文明城市工作指挥部办公室关于商请协助开展“六小”门店整治的函",
              "doc_number": "XX创指办函〔2022〕8号", "issuer": "XX区创建全国文明城市工作指挥部办公室",
              "doc_date": "2022-04-02", "recipients": "区市场监管局", "doc_type": "函"}),
    (MINUTES, {"title": "XX区创建全国文明城市工作调度会议纪要", "doc_number": None, "issuer": "XX区创建办",
               "doc_date": "2022-04-08", "recipients": None, "doc_type": "纪要"}),
    (REQUEST, {"title": "XX区创建办关于申请追加创建经费的请示", "doc_number": None, "issuer": "XX区创建办",
               "doc_date": "2022-04-06", "recipients": "区政府", "doc_type": "请示"}),
])
def test_campaign_office_formats(text: str, expected: dict[str, str | None]) -> None:
    values = read_metadata(text).values()
    assert {key: values[key] for key in expected} == expected


def test_layout_font_sizes_pick_the_title() -> None:
    text = "XX区人民政府文件\nXX府发〔2022〕12号\n关于开展集中整治\n行动的通知\n各街道：\n    请落实。\n"
    layout = (
        LayoutLine("XX区人民政府文件", 30.0, 60.0),
        LayoutLine("XX府发〔2022〕12号", 16.0, 140.0),
        LayoutLine("关于开展集中整治", 22.0, 200.0),
        LayoutLine("行动的通知", 22.0, 230.0),
        LayoutLine("各街道：", 16.0, 280.0),
        LayoutLine("请落实。", 16.0, 300.0),
    )
    meta = read_metadata(text, layout)
    assert meta.title is not None and meta.title.value == "关于开展集中整治行动的通知"
    assert meta.title.confidence >= 0.9
    assert meta.issuer is not None and meta.issuer.value == "XX区人民政府"


def test_traditional_input_gives_simplified_values() -> None:
    text = "XX區人民政府關於開展創建工作的通知\n各街道辦事處：\n    請認真落實。\nXX區人民政府\n二〇二二年三月二十六日\n"
    values = read_metadata(text).values()
    assert values["title"] == "XX区人民政府关于开展创建工作的通知"
    assert values["issuer"] == "XX区人民政府"
    assert values["recipients"] == "各街道办事处"
    assert values["doc_date"] == "2022-03-26"


def test_nothing_is_invented() -> None:
    assert read_metadata("") == OfficialMeta()
    assert read_metadata("   \n\n") == OfficialMeta()
    prose = ("过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，"
             "社会大局保持稳定，各项工作取得新的成效。") * 3
    meta = read_metadata(prose)
    assert all(value is None for value in meta.values().values())
    assert meta.attachments == ()


def test_web_chrome_is_never_a_title() -> None:
    text = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n原文链接：https://example.org/1\n" \
           "XX区创建办关于第一季度测评情况的通报\n时间：2022-04-02\n各街道：\n    现将测评情况通报如下。\n"
    values = read_metadata(text).values()
    assert values["title"] == "XX区创建办关于第一季度测评情况的通报"
    assert values["issuer"] == "XX区创建办"
    assert values["doc_type"] == "通报"
    assert values["doc_date"] == "2022-04-02"


@pytest.mark.parametrize(("title", "kind"), [
    ("新余市人民政府办公室关于印发《新余市绿色建筑管理办法》的通知", "通知"),
    ("政府工作报告", "报告"),
    ("第十三届全国人民代表大会第五次会议关于政府工作报告的决议", "决议"),
    ("书记在创建办会部署会讲话", "讲话"),
    ("区长办公会议纪要", "纪要"),
    ("关于请求拨付创建经费的请示", "请示"),
    ("关于同意设立志愿服务站的批复", "批复"),
    ("关于商请协助开展测评的函", "函"),
    ("XX区创建全国文明城市工作实施方案", "方案"),
    ("1964年中华人民共和国国务院政府工作报告（摘要）", "报告"),
    ("关于河北省2023年预算执行情况和2024年预算草案的报告（书面）", "报告"),
    ("中华人民共和国主席令", "令"),
    ("上海市普陀区2026年区级部门预算", None),
])
def test_doc_type_of_title(title: str, kind: str | None) -> None:
    assert doc_type_of_title(title) == kind
    assert kind is None or kind in DOC_TYPES


def test_a_date_under_the_documents_own_date_label_is_still_its_date() -> None:
    """下次会议时间： / 2023年6月1日 is another event's; 成文日期： / 2023年5月8日 is the document's."""
    text = ("关于召开创文工作推进会的通知\n各社区：\n定于下周召开推进会，请准时参加。\n特此通知。\n"
            "青山街道办事处\n成文日期：\n2023年5月8日\n下次会议时间：\n2023年6月1日\n")
    assert read_metadata(text).values()["doc_date"] == "2023-05-08"
    assert read_metadata(text.replace("成文日期：\n2023年5月8日\n", "")).values()["doc_date"] is None
