"""Round 7 of the item matcher, on real pages of the tuned sets (real … real7; real8 stays unseen).

Each rule answers a cause found among the misses of two sets or more.
"""
from __future__ import annotations

import pytest
from test_evidence_real import DOCS, WEB, top

from dangan.read.understand.evidence import ATTACH, MIDPOINT, expand, phrases
from dangan.read.understand.evidence import matcher_for as _matcher_for
from dangan.read.understand.taxonomy import load_edition

WEB4 = WEB.parent / "real4"
WEB5 = WEB.parent / "real5"


@pytest.fixture(scope="module")
def matcher():
    return _matcher_for(load_edition("national-2015"))


def test_a_new_era_civilisation_practice_station_is_volunteer_service(matcher) -> None:
    # the 2015 system has no 新时代文明实践: a title about a 实践站/阵地 is about the 志愿服务 organised
    # there (real4's 富康社区 and 单县 pages went to Ⅲ-9 by their 宣讲 and 广场 and 文化)
    assert expand("富康社区新时代文明实践站", title=True)["志愿"] == 1
    assert not expand("富康社区新时代文明实践站")        # in a body it is not read so
    for name in ("东亭湖街道富康社区新时代文明实践站", "单县善益站新时代文明实践阵地"):
        found = top(matcher, WEB4 / f"{name}.txt", title=name)
        assert found[0].content == "Ⅲ-17", name
    # a 督查 round that passes a 实践站 keeps its own topic (the 文明委's 督促, Ⅲ-80)
    found = top(matcher, WEB4 / "三亚市创文巩卫办督查天涯区社区问题清单.txt", title="三亚市创文巩卫办督查天涯区社区问题清单")
    assert found[0].content == "Ⅲ-80"


def test_a_title_naming_a_phrase_of_the_standard_is_filed_there(matcher) -> None:
    # a title that names a content in its 测评标准's words (文明单位 in Ⅲ-85, 公益广告 in Ⅲ-20/Ⅲ-21) was
    # outweighed by commoner words: 蒸湘's 文明单位 名单 went to Ⅲ-89 (real), the 中央文明委's 表彰 decision
    # to Ⅲ-89 and was attached there (real3), 阳新's 公益广告 meeting to Ⅲ-81 (real5)
    assert "文明单位" in phrases("2）深化文明单位创建，扩大覆盖面")
    assert "文明餐桌" in phrases("开展文明餐桌行动")       # jieba cuts it into 文明 + 餐桌
    assert not phrases("成立领导小组，制定暂行办法，开展问卷调查")   # forms and organs name no topic
    assert matcher.phrases["文明单位"] == frozenset({"Ⅲ-85"})
    found = top(matcher, DOCS / "gov_site_pages_2" / "蒸湘区2020年度文明单位名单公示公告.txt",
                title="蒸湘区2020年度文明单位、星级文明社区、文明校园名单公示公告", doc_type="公告")
    assert found[0].content == "Ⅲ-85"
    found = top(matcher, DOCS / "office_paperwork" / "中央文明委表彰第二批全国文明城市的决定.txt", doc_type="决定",
                title="中央精神文明建设指导委员会关于表彰第二批全国文明城市(区)、文明村镇、文明单位、"
                      "精神文明建设先进工作者和第四批全国创建工作先进城市(区)的决定")
    assert found[0].content == "Ⅲ-85"
    found = top(matcher, WEB5 / "阳新县公益广告宣传工作会议.txt", title="“三个明确”做好公益广告宣传")
    assert found[0].content in ("Ⅲ-20", "Ⅲ-21")
    # an 营商环境 questionnaire is not Ⅲ-83's 问卷调查 (a method, not a topic): it stays unattached
    found = top(matcher, WEB5 / "营商环境满意度问卷调查结果公示.txt",
                title="【结果公示】打造“优乌止境”营商环境满意度问卷调查结果公示", doc_type="公示")
    assert not found[0].attach


def test_the_attachment_midpoint_after_round_7(matcher) -> None:
    # after the two rules above the right first answers of 望远镇's 整改报告 (real3) and 陆丰's 环境日
    # page (real5) sit just under ATTACH; the highest wrong first answer not attached (湖北's 法治政府
    # report under Ⅲ-1) must stay under it, and so must the 营商环境 满意度 negatives
    assert MIDPOINT == 4.0
    found = top(matcher, DOCS / "scanned_or_docx_like" / "望远镇创建文明城市整改报告.txt", title="创建文明城市整改报告",
                doc_type="报告")
    assert found[0].content == "Ⅲ-80" and found[0].attach
    found = top(matcher, WEB5 / "陆丰市环保局世界环境日主题宣传.txt", title="陆丰市环保局世界环境日主题宣传")
    assert found[0].content == "Ⅲ-77" and found[0].attach
    found = top(matcher, DOCS / "validation_r14" / "湖北省人民政府2023年度法治政府建设情况报告_秘书之家.txt",
                title="湖北省人民政府关于2023年度法治政府建设情况的报告", doc_type="报告")
    assert found[0].content == "Ⅲ-1" and found[0].confidence < ATTACH    # wrong, so it must not attach
