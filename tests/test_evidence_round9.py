"""Round 9 of the item matcher, on real pages (a cause real11's first run shows with real4's and real6's).

A leader's speech shows the leader taking the campaign in hand (Ⅲ-79-3 主要领导亲自抓) only when it is
about the campaign or 精神文明; a speech on another subject (招商引资, 述职评议, a 劳模 award) is not.
"""
from __future__ import annotations

import pytest
from test_evidence_real import DOCS, WEB, top

from dangan.read.understand.evidence import is_speech, leader_on_campaign
from dangan.read.understand.evidence import matcher_for as _matcher_for
from dangan.read.understand.taxonomy import load_edition

WEB4 = WEB.parent / "real4"
WEB6 = WEB.parent / "real6"


@pytest.fixture(scope="module")
def matcher():
    return _matcher_for(load_edition("national-2015"))


def test_a_speech_on_the_campaign_is_the_leaders_hand_in_it() -> None:
    assert leader_on_campaign("在创建省级文明城市动员大会上的讲话", None)
    assert leader_on_campaign("全市决胜全国文明城市誓师大会讲话", None)
    assert leader_on_campaign("在全区精神文明建设工作会议上的讲话", None)
    # still speeches, but on other subjects
    for title in ("在第一期全市乡镇(街道)党政正职述职评议会上的讲话", "市长在全市招商引资工作调度会上的讲话",
                  "在五一劳动奖状、五一劳动奖章获得者表彰大会上的讲话"):
        assert is_speech(title, None)
        assert not leader_on_campaign(title, None)
    # a paper about the campaign that is no speech
    assert not leader_on_campaign("街道创建文明城市工作总结", None)


def test_a_speech_on_another_subject_is_not_filed_as_the_leaders(matcher) -> None:
    # real11's 述职评议 speech was attached under Ⅲ-79 at 0.714 by the 领导 亲自 every speech had
    found = top(matcher, DOCS / "validation_r29" / "gongwen_doc_318489.txt")
    assert not any(m.attach for m in found)
    assert found[0].confidence < 0.4
    # real4's 招商引资 调度会 speech: Ⅲ-79 at 0.435 before
    found = top(matcher, WEB4 / "市长在全市招商引资工作调度会上的讲话.txt", title="市长在全市招商引资工作调度会上的讲话")
    assert found[0].confidence < 0.3
    # real6's 招商引资 推进会 speech and real11's 五一 award speech no longer have Ⅲ-79 first
    found = top(matcher, WEB6 / "在全区招商引资工作推进会上的讲话.txt", title="在全区招商引资工作推进会上的讲话")
    assert found[0].content != "Ⅲ-79"
    found = top(matcher, DOCS / "validation_r29" / "wenku_docs_qq_nU4WdeINwk.txt")
    assert "Ⅲ-79" not in [m.content for m in found]


def test_a_campaign_speech_stays_the_leaders(matcher) -> None:
    for path in (DOCS / "gov_site_pages_5" / "在创建省级文明城市动员大会上的讲话.txt",
                 DOCS / "validation_r25" / "全市决胜全国文明城市誓师大会讲话_bgzvip.txt"):
        assert top(matcher, path)[0].content == "Ⅲ-79"
