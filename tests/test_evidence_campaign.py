"""Round 5 of the item matcher, on real pages of the tuned sets (real, real2, real3, real4) and the corpus.

The inspection's own paperwork (迎检/测评 notices and meetings) is the campaign's organisation; a report
on the campaign as a whole is not evidence of the one topic a passage of it touches; a festival in a
duty roster's title only dates it.
"""
from __future__ import annotations

import json

import pytest
from test_evidence_real import DOCS, WEB, top

from dangan.read.understand.evidence import campaign_as_a_whole, matcher_for, undated
from dangan.read.understand.taxonomy import load_edition

WEB4 = WEB.parent / "real4"
OCR = json.loads((DOCS.parent / "ocr_cache.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def matcher():
    return matcher_for(load_edition("national-2015"))


def test_the_inspection_s_paperwork_is_the_campaign_s_organisation(matcher) -> None:
    # 迎检/测评 notices and meetings went to a topic their text quotes from the field standards
    # (吉安 → Ⅲ-48 文明行为, 三明 → Ⅲ-14, 秀洲 → Ⅲ-85): they organise the inspection (real3, real4)
    assert campaign_as_a_whole("关于做好江西省2017年度公共文明指数测评迎检工作的通知")
    assert campaign_as_a_whole("三明市迎接全国城市公共文明指数测评工作会议")
    assert campaign_as_a_whole("关于召开秀洲区创建省级示范文明城区迎检工作会议的通知")
    assert not campaign_as_a_whole("关于开展营商环境满意度测评的通知")
    assert not campaign_as_a_whole("衡东县2015年度机关单位绩效考核结果的通报")
    found = top(matcher, WEB4 / "三明市迎接全国城市公共文明指数测评工作会议.txt",
                title="三明市迎接全国城市公共文明指数测评工作会议")
    assert found[0].content == "Ⅲ-80"


def test_a_campaign_report_is_not_evidence_of_one_passage_s_topic(matcher) -> None:
    # 关于创建全国文明城区工作情况汇报 was attached under Ⅲ-23 网络文明传播 by its passage on 网吧监督员
    # 志愿者队伍 (real2's one wrong attachment); 进展情况的报告 went to Ⅲ-8 by its 微信 passage (real)
    found = top(matcher, DOCS / "validation_r16" / "关于创建全国文明城区工作情况汇报_秘书稿子.txt",
                title="关于创建全国文明城区工作情况汇报")
    assert found[0].content in ("Ⅲ-79", "Ⅲ-80") and not any(m.attach and m.content == "Ⅲ-23" for m in found)
    found = top(matcher, DOCS / "gov_site_pages_2" / "关于全国文明城市创建工作进展情况的报告.txt")
    assert found[0].content == "Ⅲ-79"


def test_a_festival_dates_a_duty_notice(matcher) -> None:
    # `dangan gaps` attached 江北区's 关于做好2022年春节期间值班工作的通知 (a scan) under Ⅲ-13 我们的节日
    title = "关于做好2022年春节期间值班工作的通知"
    assert undated(title, "春节期间值班") == "  期间值班" and undated("我们的节日·春节", "春节") == "春节"
    found = matcher.match(OCR[f"{title}.png"], title, "通知", "text/plain")
    assert not any(m.attach for m in found) and found[0].confidence < 0.3
    # a 我们的节日 page keeps its festival
    found = top(matcher, WEB / "福州高新区我们的节日中秋主题活动.txt", title="福州高新区我们的节日中秋主题活动")
    assert found[0].content == "Ⅲ-13"


def test_a_call_on_the_public_is_its_participation(matcher) -> None:
    # 倡议书 on the campaign (a 政协 session's 争当文明市民倡议书, a 创文倡议书) went to Ⅲ-9/Ⅲ-23 (real, both
    # halves): a call on citizens to take part is what the office files under Ⅲ-82 群众参与
    found = top(matcher, DOCS / "office_paperwork" / "驻马店市政协会议争当文明市民倡议书.txt")
    assert found[0].content == "Ⅲ-82"
    # a 倡议书 on one topic keeps it
    found = top(matcher, WEB.parent / "real2" / "石台县光盘行动倡议书.txt", title="石台县光盘行动倡议书")
    assert found[0].content == "Ⅲ-12"
