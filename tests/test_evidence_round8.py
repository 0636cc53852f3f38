"""Round 8 of the item matcher, on real pages (a cause real10's first run shows with real3's and real5's).

A title naming the city campaign and an activity is the public's part in the campaign (Ⅲ-82 群众参与),
not the kind of event one passage describes.
"""
from __future__ import annotations

import pytest
from test_evidence_real import DOCS, WEB, top

from dangan.read.understand.evidence import campaign_activity
from dangan.read.understand.evidence import matcher_for as _matcher_for
from dangan.read.understand.taxonomy import load_edition

WEB5 = WEB.parent / "real5"
WEB10 = WEB.parent / "real10"


@pytest.fixture(scope="module")
def matcher():
    return _matcher_for(load_edition("national-2015"))


def test_a_title_naming_a_campaign_activity() -> None:
    assert campaign_activity("中共泸州市纳溪区合面镇委员会关于开展“创文明城市、做文明市民、建幸福纳溪”活动的实施方案")
    assert campaign_activity("三明市举办“文明创城·有你有我”主题互动系列活动")
    assert campaign_activity("越秀区诗书街迎亚运创文明文化进社区活动")
    # the campaign's own paperwork names no 活动; 文明家庭/网上精神文明 创建活动 are other contents' activities
    assert not campaign_activity("关于做好全国文明城市测评迎检工作的通知")
    assert not campaign_activity("在创建全国文明城市动员大会上的讲话")
    assert not campaign_activity("文明家庭创建活动")
    assert not campaign_activity("网上精神文明创建活动")
    assert not campaign_activity(None)


def test_a_campaign_activity_is_the_publics_part_in_it(matcher) -> None:
    # 合面镇's activity plan went to Ⅲ-9 by 市民 (市民文明手册), 三明's 互动系列活动 to Ⅲ-23 by 互动 (网络文明传播)
    found = top(matcher, DOCS / "scanned_or_docx_like" / "合面镇创文明城市活动实施方案.txt", doc_type="方案",
                title="中共泸州市纳溪区合面镇委员会关于开展“创文明城市、做文明市民、建幸福纳溪”活动的实施方案")
    assert found[0].content == "Ⅲ-82"
    found = top(matcher, WEB5 / "三明市文明创城有你有我主题互动系列活动.txt",
                title="三明市举办“文明创城·有你有我”主题互动系列活动")
    assert found[0].content == "Ⅲ-82"
    # 诗书街's forum in a 社区 (real10) was not in the three: its 进社区 is Ⅲ-17's and Ⅲ-29's words
    found = top(matcher, WEB10 / "越秀区诗书街迎亚运创文明文化进社区活动.txt", title="越秀区诗书街迎亚运创文明文化进社区活动")
    assert "Ⅲ-82" in [m.content for m in found]
    # below the attach threshold: a suggestion, not a link
    assert not any(m.attach for m in found)
