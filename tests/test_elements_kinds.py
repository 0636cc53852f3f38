"""Kinds of writing (文种) the reader did not hold, and kinds read by a document's form where no heading names one
(bench/README.md, "Kinds of writing (elements)").

- A heading ending in a speech's other names is a 讲话, as the labels file 讲话稿 and 发言: validation_r33's
  …副会长崔忠付致辞 (rule speech_words).
- A speaker's greeting after the 称谓 (尊敬的各位领导、各位来宾…：大家下午好) where no heading names the kind: the speech
  under validation_r30's collection heading and validation_r33's 致辞 page (rule speech_greeting); a Markdown post's
  front-matter title (年度述职报告) still names its kind first.
- A meeting's notice by its form, 兹订于…举行 and 请…准时出席: validation_r28's Typst notice (rule meeting_notice_wording).
- A 请示's ask after its own question, 可否筹备，请批示: validation_r18's Traditional 申请 (rule ask_closing).

Each reading is checked on the real files that showed it, with its rule off for what they read before.
"""
from __future__ import annotations

from labelled_elements import doc_fields, source_path

from dangan.model import Extracted, OfficialMeta, Page
from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import doc_type_of_title
from dangan.read.understand.metadata import read_facts

ZHICI = "validation_r33/ff808081311835920131260c0b9c170a.jsp"
COLLECTION_SPEECH = "validation_r30/公益志愿服務活動范文_公务员之家.txt"
SHUZHI = "validation_r32/report-2023.md"
TYPST_NOTICE = "validation_r28/woongzeyi_grad-inform-3_main.typ"
XIUZHOU = "gov_site_pages_4/关于召开秀洲区创建省级示范文明城区迎检工作会议的通知.txt"
NANYUE = "validation_r18/南岳区志愿者协会筹备申请_繁体.txt"
QINGSHI = "fresh_holdout/关于申请追加社区活动经费的请示.txt"
CHANGYI = "scanned_or_docx_like/创文倡议书_文库2页.txt"


def _kind(text: str, name: str) -> str:
    meta: OfficialMeta = read_facts(Extracted(pages=(Page(1, text),), extractor="text"), name)[0]
    return meta.doc_type.value if meta.doc_type is not None else ""


def _text(doc: str) -> str:
    return source_path("docs/" + doc).read_text(encoding="utf-8")


def test_a_heading_ending_in_zhici_is_a_speech() -> None:
    # validation_r33, untouched: the heading read right, its 致辞 no kind the reader knew
    assert doc_fields(ZHICI)["title"] == "中国物流与采购联合会副会长崔忠付致辞"
    assert doc_fields(ZHICI)["doc_type"] == "讲话"
    with rules.disabled({"speech_words", "speech_greeting"}):
        assert doc_fields(ZHICI)["doc_type"] == ""


def test_the_speech_words_by_the_labels_convention() -> None:
    for title in ("在开幕式上的致辞", "在表彰大会上的致词", "全区创建工作推进会发言稿", "学雷锋志愿服务演讲稿",
                  "在全区创文工作会议上的讲话提纲"):
        assert doc_type_of_title(title) == "讲话", title
        with rules.disabled({"speech_words"}):
            assert doc_type_of_title(title) is None, title
    assert doc_type_of_title("在全区创文工作会议上的讲话稿") == "讲话"   # the baseline's, as before


def test_a_speakers_greeting_names_a_speech() -> None:
    # validation_r30, untouched: a speech under a collection heading naming no kind (公益志愿服务活动 / 篇1 / 尊敬的各位领导、
    # 各位来宾,广大农民工朋友们: / 大家下午好!)
    assert doc_fields(COLLECTION_SPEECH)["title"] == "公益志愿服务活动"
    assert doc_fields(COLLECTION_SPEECH)["doc_type"] == "讲话"
    with rules.disabled({"speech_greeting"}):
        assert doc_fields(COLLECTION_SPEECH)["doc_type"] == ""
    # validation_r33's page greets the same way (…李万才市长，各位来宾，大家下午好。): read by it without its 致辞
    with rules.disabled({"speech_words"}):
        assert doc_fields(ZHICI)["doc_type"] == "讲话"


def test_a_front_matter_title_names_its_kind_before_the_greeting() -> None:
    # validation_r32's Markdown 述职报告 greets 尊敬的各位领导：大家好！ but its file's title says 年度述职报告: 报告, as labelled
    assert doc_fields(SHUZHI)["doc_type"] == "报告"
    with rules.disabled({"site_front_matter"}):
        assert doc_fields(SHUZHI)["doc_type"] == "讲话"
    with rules.disabled({"site_front_matter", "speech_greeting"}):
        assert doc_fields(SHUZHI)["doc_type"] == ""


def test_a_letters_greeting_is_no_speech() -> None:
    # scanned_or_docx_like's 创文倡议书 opens 尊敬的居民朋友:您好!: with its heading's kind word gone, no speech is read
    text = _text(CHANGYI)
    assert "尊敬的居民朋友:您好" in text
    assert _kind(text.replace("创文倡议书", "创文"), "x.txt") != "讲话"


def test_a_meeting_notice_by_its_form() -> None:
    # validation_r28, untouched: 兹订于2024年7月31日…举行…第三次筹委会议，请各班正副班长准时出席。 under a heading naming no kind
    assert doc_fields(TYPST_NOTICE)["doc_type"] == "通知"
    with rules.disabled({"meeting_notice_wording"}):
        assert doc_fields(TYPST_NOTICE)["doc_type"] == ""


def test_the_same_form_in_another_familys_notice() -> None:
    # gov_site_pages_4's 秀洲 notice (定于3月5日召开… / 请与会人员安排好工作,准时出席。), read by its heading; without its heading
    # and its other notice words (具体通知如下, the 主送's 各… with 请各单位…) the meeting's form alone reads it
    text = _text(XIUZHOU)
    lines = text.split("\n")
    assert lines[0].endswith("的通知") and "具体通知如下" in text
    body = "\n".join(lines[1:]).replace("具体通知如下", "具体事项如下")
    with rules.disabled({"notice_form"}):
        assert _kind(body, "x.txt") == "通知"
        with rules.disabled({"meeting_notice_wording"}):
            assert _kind(body, "x.txt") == ""


def test_a_request_asking_after_its_own_question() -> None:
    # validation_r18, untouched: 可否籌備,請批示。 closing an application with no heading
    assert doc_fields(NANYUE)["doc_type"] == "请示"
    with rules.disabled({"ask_closing"}):
        assert doc_fields(NANYUE)["doc_type"] == ""
    # a 请示's 妥否，请批示 (closing_formulas' until this rule split it off) reads by the same rule, the heading by its own
    assert doc_fields(QINGSHI)["doc_type"] == "请示"
    lines = _text(QINGSHI).split("\n")
    assert lines[1].endswith("的请示")
    body = "\n".join(lines[2:])   # its organ line and heading taken out
    assert "妥否，请批示" in body and _kind(body, "x.txt") == "请示"
    with rules.disabled({"closing_formulas"}):
        assert _kind(body, "x.txt") == "请示"
    with rules.disabled({"ask_closing"}):
        assert _kind(body, "x.txt") == ""


PROGRESS = "validation_r26/街道创城工作进展情况报告_范文大全.txt"
WANWEN = "validation_r32/文明城市倡议书15篇_wanwen.txt"


def test_a_sites_lead_names_the_pieces_kind() -> None:
    # validation_r26, untouched: no heading of its own, only the site's 下面是小编为大家整理的街道关于创城工作进展情况报告,
    # 供大家参考。 over 一、工作进展情况
    text = _text(PROGRESS)
    assert text.startswith("下面是小编为大家整理的街道关于创城工作进展情况报告")
    assert doc_fields(PROGRESS)["doc_type"] == "报告"
    with rules.disabled({"site_blurb_kind"}):
        assert doc_fields(PROGRESS)["doc_type"] == ""
    # the counters and the site's words after the name are dropped (…7篇, 【完整版】, (通用6篇), 范文): validation_r32's lead
    # (下面是小编精心整理的文明城市倡议书,…) names its 倡议书 with the first piece's heading taken out
    lines = _text(WANWEN).split("\n")
    lead = next(k for k, line in enumerate(lines) if "小编精心整理的文明城市倡议书" in line)
    body = "\n".join(line for line in lines[lead:] if not line.startswith("文明城市倡议书"))
    assert _kind(body, "x.txt") == "倡议书"
    assert _kind(body.replace("文明城市倡议书", "文明城市倡议书（通用6篇）", 1), "x.txt") == "倡议书"
    with rules.disabled({"site_blurb_kind"}):
        assert _kind(body, "x.txt") == ""
