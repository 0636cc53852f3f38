"""Official-document elements on the paperwork a 创文办 files, as it comes (issue 15, round 9).

The two families here (tests/data/elements/docs/office_paperwork and scanned_or_docx_like) are
real public text, labelled before the reader ran on them; their untouched figures are in
bench/results/elements_baseline.json. Each test reads one real file with every rule on, then
with the rule that reads it switched off, so it shows what the rule does.
"""
from __future__ import annotations

import json
from pathlib import Path

from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

DATA = Path(__file__).resolve().parent / "data" / "elements"
OFFICE = "docs/office_paperwork/"
SCANNED = "docs/scanned_or_docx_like/"


def _meta(source: str) -> dict[str, str | None]:
    path = DATA / source
    return read_metadata(path.read_text(encoding="utf-8"), filename=path.name).values()


def _label(source: str) -> dict[str, str]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return next(lab for lab in labels if lab["source"] == source)


def test_a_doc_sharing_copy_gives_its_files_name_not_the_name_line_itself() -> None:
    # 创建文明城市整改报告 篇4.docx / 《…》由会员分享… / 1、创建文明城市整改报告篇4县创城指挥部办公室:根据…
    source = SCANNED + "望远镇创建文明城市整改报告.txt"
    meta = _meta(source)
    assert (meta["title"], meta["doc_type"]) == ("创建文明城市整改报告", "报告")
    with rules.disabled({"doc_sharing_copy", "clerk_title"}):   # the site's name line taken for the page's, the file name used
        assert _meta(source)["title"] == "望远镇创建文明城市整改报告"
    with rules.disabled({"doc_sharing_copy", "doc_sharing_blurb", "site_copy_names"}):   # (which drops 篇4.docx too)
        assert _meta(source)["title"] == "创建文明城市整改报告篇4.docx"
    # 篇11创文倡议书.docx: the collection's number before the name
    assert _meta(SCANNED + "创文倡议书_文库2页.txt")["title"] == "创文倡议书"


def test_page_counters_and_page_image_captions_are_furniture() -> None:
    # 2022年创建文明城市工作方案_第1页 … _第4页 (captions), then 文档简介
    source = SCANNED + "2022年创文工作方案_文库第1页.txt"
    assert _meta(source)["title"] == "2022年创建文明城市工作方案"
    with rules.disabled({"page_image_captions"}):   # doc_sharing_copy's until the cross-family round split it
        assert _meta(source)["title"].count("工作方案") == 4
    # 第1页共4页关于创立全国文明城市工作情况的报告创立为民、…: the counter run into the heading
    meta = _meta(SCANNED + "市创文工作情况的报告_文库4页.txt")
    assert (meta["title"], meta["doc_type"]) == ("关于创立全国文明城市工作情况的报告", "报告")


def test_a_heading_run_into_the_first_line_is_cut_at_its_kind() -> None:
    # 关于解决文化活动经费的请示Xxx:随着人民群众生活水平的逐年提升,…
    source = SCANNED + "文化站活动经费请示_文档.txt"
    meta = _meta(source)
    assert (meta["title"], meta["doc_type"]) == ("关于解决文化活动经费的请示", "请示")
    with rules.disabled({"run_on_heading", "clerk_title"}):   # round 11's general reading reads it too
        assert _meta(source)["title"] == "文化站活动经费请示文档"   # the file name, the stand-in
    # not written from it, the same cause in gov_site_pages_3: …会议记录时间:2012年9月2日地点:…
    record = "docs/gov_site_pages_3/清源街道西门社区关于创建文明城市的会议记录.txt"
    with rules.disabled(rules.only_from("gov_site_pages_3")):
        assert _meta(record)["title"] == _label(record)["title"]


def test_a_body_sentence_opening_with_guanyu_is_no_heading() -> None:
    from dangan.read.understand.gongwen_copies import run_on_heading
    from dangan.read.understand.gongwen_text import prepare

    assert run_on_heading(prepare("关于做好防汛工作的通知》要求,各单位…\n")) is None   # a title quoted in a sentence
    assert run_on_heading(prepare("关于做好防汛工作的通知\n各单位:\n")) is None        # nothing run on
    assert run_on_heading(prepare("根据《关于做好防汛工作的通知》,现…\n")) is None


def test_a_pages_label_of_its_heading_is_the_title_when_the_text_has_none() -> None:
    # 同志们: … / 本文标题:创建全国文明城市工作总结暨深入推进大会上讲话 / 链接地址:…
    source = OFFICE + "创文总结表彰大会讲话_素材网.txt"
    meta = _meta(source)
    assert (meta["title"], meta["doc_type"]) == ("创建全国文明城市工作总结暨深入推进大会上讲话", "讲话")
    with rules.disabled({"page_title_label", "clerk_title"}):   # round 11's general reading reads it too
        assert _meta(source)["title"] == "创文总结表彰大会讲话素材网"


def test_a_news_dateline_is_no_heading() -> None:
    # 新華社北京1月22日電 / 中央精神文明建設指導委員會 / 關于表彰…的決定 (a pinyin mirror, Traditional)
    source = OFFICE + "中央文明委表彰第二批全国文明城市的决定.txt"
    meta = _meta(source)
    assert meta["title"] == _label(source)["title"]
    assert (meta["issuer"], meta["doc_type"]) == ("中央精神文明建设指导委员会", "决定")
    with rules.disabled({"news_dateline", "title_form", "title_shape"}):   # (title_shape takes a whole heading too)
        assert _meta(source)["title"] == "新华社北京1月22日电"


def test_a_proposal_is_filed_as_such() -> None:
    source = OFFICE + "驻马店市政协会议争当文明市民倡议书.txt"
    meta = _meta(source)
    assert (meta["doc_type"], meta["issuer"]) == ("倡议书", "中国人民政治协商会议第二届驻马店市委员会第二次会议")
    with rules.disabled({"proposal_kind"}):
        assert _meta(source)["doc_type"] is None


def test_a_sites_posting_stamp_is_no_signature_date() -> None:
    # heading / 2023-02-22 23:27:55 127 / 文章导读…: the speech states no date
    source = OFFICE + "区委书记在创建全国文明城市工作会议上的讲话.txt"
    assert _meta(source)["doc_date"] is None
    with rules.disabled({"posting_stamp", "page_stamp"}):
        assert _meta(source)["doc_date"] == "2023-02-22"
    # heading / 2025-04-03 华博范文网 / 同志们:
    assert _meta(OFFICE + "某区委书记在全区创建全国文明城市动员大会上的讲话.txt")["doc_date"] is None


def test_the_signature_and_date_run_on_after_the_closing_formula() -> None:
    # …特恳请解决我站文艺团队活动经费补助3万元。 / 特此请示xxxxx2018年11月8日。
    source = SCANNED + "文化站活动经费请示_文档.txt"
    meta = _meta(source)
    assert (meta["doc_date"], meta["issuer"]) == ("2018-11-08", None)   # xxxxx: a blanked signer, no organ
    with rules.disabled({"closing_run_on", "run_on_closing_date"}):   # round 12's general form reads it too
        assert _meta(source)["doc_date"] is None


def test_a_quotation_wrapped_over_the_heading_lines_is_one_title_not_a_banner() -> None:
    # 《周矶办事处关于创建全国文明城市百日攻坚 / 行动实施方案》的解读文件: ends in 文件, yet no 版头
    source = OFFICE + "周矶办事处百日攻坚实施方案解读.txt"
    meta = _meta(source)
    assert (meta["title"], meta["issuer"]) == (_label(source)["title"], None)
    with rules.disabled({"wrapped_quote", "organ_form"}):
        assert _meta(source)["issuer"] == "《周矶办事处关于创建全国文明城市百日攻坚行动实施方案》的解读"
    with rules.disabled({"wrapped_quote"}):   # round 13: a 版头 that names no organ is no issuer either
        assert _meta(source)["issuer"] is None


def test_a_doc_sharing_sites_words_about_the_file_do_not_end_the_heading() -> None:
    # 湖南省人民政府办公厅文件 / 时间:… / 简介:写写帮文库小编为你整理了… / 第一篇:… / 版头 / 湘政办发〔2009〕24号
    # (gov_site_pages_4, held out: its own rules off; the number was lost since round 4)
    hunan = "docs/gov_site_pages_4/湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知.txt"
    with rules.disabled(rules.only_from("gov_site_pages_4")):
        assert _meta(hunan)["doc_number"] == "湘政办发〔2009〕24号"
        with rules.disabled({"doc_sharing_blurb", "number_over_recipients"}):
            assert _meta(hunan)["doc_number"] is None
        with rules.disabled({"doc_sharing_blurb"}):   # cross-family round 10: the 文号 over the 主送
            assert _meta(hunan)["doc_number"] == "湘政办发〔2009〕24号"
    # 第一篇:中共…合面镇委员会关于开展“…”实施方案 (the collection's short name) over the three-line heading
    heming = SCANNED + "合面镇创文明城市活动实施方案.txt"
    assert _meta(heming)["title"] == _label(heming)["title"]
