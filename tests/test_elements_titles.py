"""The title a clerk would name, weighed anywhere in a document's head (issue 15, round 11).

`clerk_title` (dangan/read/understand/gongwen_title.py) reads the heading of a copy whose heading
is not where GB/T 9704 sets it, before the file's name stands in. Each test reads a real file of
the labelled set with the family's own rules switched off (as the bench reads it held out), then
with `clerk_title` off too, so it shows what the general reading does.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.gongwen_text import prepare
from dangan.read.understand.gongwen_title import clerk_title

DATA = Path(__file__).resolve().parent / "data" / "elements"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _meta(source: str) -> dict[str, str | None]:
    path = DATA / source
    return read_metadata(path.read_text(encoding="utf-8"), filename=path.name).values()


def _label(source: str) -> str:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return next(lab for lab in labels if lab["source"] == source)["title"]


@pytest.mark.parametrize(("source", "family"), [
    # 本文标题:… at an essay site's foot, no heading at the top
    ("docs/office_paperwork/创文总结表彰大会讲话_素材网.txt", "office_paperwork"),
    # 关于解决文化活动经费的请示Xxx:随着…: the heading run into the 主送 and the text
    ("docs/scanned_or_docx_like/文化站活动经费请示_文档.txt", "scanned_or_docx_like"),
    # 第1页共4页关于创立全国文明城市工作情况的报告创立为民…: a PDF's page counter before it
    ("docs/scanned_or_docx_like/市创文工作情况的报告_文库4页.txt", "scanned_or_docx_like"),
    # 1、创建文明城市整改报告篇4县创城指挥部办公室:根据…: a chunk number and the collection's 篇4 around it
    ("docs/scanned_or_docx_like/望远镇创建文明城市整改报告.txt", "scanned_or_docx_like"),
    # the page's heading keeps the quotation marks the file's name lost (关于报送“政府开放日”…的通知)
    ("docs/gov_site_pages/关于报送政府开放日组织开展信息的通知.txt", "gov_site_pages"),
])
def test_held_out_the_head_gives_the_title_not_the_file_name(source: str, family: str) -> None:
    want = _label(source)
    with rules.disabled(rules.only_from(family)):
        assert _meta(source)["title"] == want
        with rules.disabled({"clerk_title"}):
            assert _meta(source)["title"] != want   # the file's name stood in
    assert _meta(source)["title"] == want            # every rule on: unchanged


def test_the_rule_is_credited_only_to_the_families_whose_misses_led_to_it() -> None:
    assert rules.RULES["clerk_title"] == {"office_paperwork", "scanned_or_docx_like", "gov_site_pages_7"}


def test_a_report_without_a_heading_keeps_its_file_name() -> None:
    # wikisource's State Council reports open with 各位代表： and quote titles split by links (《 / 中共中央
    # 关于制定…第十个五年计划的建议 / 》): no candidate is a heading, the file's name stands in
    path = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025" / "2001年中华人民共和国国务院政府工作报告.txt"
    meta = read_metadata(path.read_text(encoding="utf-8"), filename=path.name).values()
    assert (meta["title"], meta["doc_type"]) == ("2001年中华人民共和国国务院政府工作报告", "报告")


def test_a_title_quoted_in_a_sentence_is_no_heading() -> None:
    # 弋府字〔2015〕23号 / 清湖乡人民政府: / 你乡呈送的《关于申请批复清湖乡总体规划…的请示》收悉,…
    source = "docs/gov_site_pages_4/弋府字2015第23号.txt"
    assert _meta(source)["title"] == "弋府字2015第23号"
    assert clerk_title(prepare("根据《关于做好防汛工作的通知》,现将有关事项通知如下。\n"), None) is None
    assert clerk_title(prepare("你乡呈送的《关于申请批复\n清湖乡总体规划的请示》收悉\n"), None) is None
    assert clerk_title(prepare("市政府工作报告的建议\n"), None) is None        # …报告 inside a longer name


def test_a_label_a_run_on_heading_and_a_wrapped_quote() -> None:
    assert clerk_title(prepare("正文……\n本文标题:关于做好防汛工作的通知\n链接地址:http://x\n"), None).value == \
        "关于做好防汛工作的通知"
    assert clerk_title(prepare("1、关于解决活动经费的请示县文化局:随着…\n"), None).value == "关于解决活动经费的请示"
    got = clerk_title(prepare("《周矶办事处关于创建全国文明城市百日攻坚\n行动实施方案》的解读文件\n一、背景\n"), None)
    assert got.value == "《周矶办事处关于创建全国文明城市百日攻坚行动实施方案》的解读文件"
    with rules.disabled({"clerk_title"}):
        assert clerk_title(prepare("本文标题:关于做好防汛工作的通知\n"), None) is None
