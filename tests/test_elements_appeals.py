"""A 倡议书's author (issue 15, after round 19): named where it makes the appeal (rule appeal_author) or in a
署名 with no date under it (rule undated_signer), read only when nothing else names the issuer.

Checked on validation_r19's real pages that showed it (untouched misses), with the rules off for what they read
before; on real pages of the item bench that nobody labelled for elements (a 公告 signed without a date, a
倡议书 whose author names itself); on an excerpt that ends inside a list of working groups, which names no
signer; and on every labelled document, which must read as before except those three pages.
"""
from __future__ import annotations

from pathlib import Path

from labelled_elements import assert_reads_as_before, fields_of

from dangan.read.understand import rules

RULES = {"appeal_author", "undated_signer"}
ITEMS = Path(__file__).resolve().parents[1] / "bench" / "data" / "items"
ANLU = "docs/validation_r19/安陆市文明指数测评倡议书_安陆云.txt"
BAICHENG = "docs/validation_r19/白城市文明办倡议书_信息公开.txt"
PUNING = "docs/validation_r19/普宁市创文办门前三包倡议书_繁体.txt"


def _issuer(source: str) -> tuple[str, str]:
    """(issuer with the rules, issuer without them)."""
    on = fields_of(source)["issuer"]
    with rules.disabled(RULES):
        return on, fields_of(source)["issuer"]


def test_an_undated_signature_closing_the_appeal() -> None:
    # …把我们的家园建设得更美好、更和谐! / (blank) / 安陆市委文明办 — the page's last line, no date under it
    assert _issuer(ANLU) == ("安陆市委文明办", "")


def test_the_organ_that_makes_the_appeal_in_the_body() -> None:
    # 信息公开 page with no 署名: …在此,白城市文明办向全体市民发出倡议: / 一、文明在心中…
    assert _issuer(BAICHENG) == ("白城市文明办", "")
    # Traditional model-text page of several pieces: the first piece's 署名 普寧市創文辦, then ***二***
    assert _issuer(PUNING) == ("普宁市创文办", "")


def test_unlabelled_real_pages() -> None:
    # a 公告 that closes with its organ and no date: …报送市委、市政府研究… / 盐城市信访局人民建议征集办公室
    notice = str(ITEMS / "real5" / "关于开展我为创建全国文明城市献一策人民建议专题征集公告.txt")
    assert _issuer(notice) == ("盐城市信访局人民建议征集办公室", "")
    # …为此,我们向全县人民发出"光盘行动"倡议: names no organ; the 署名 over 1月28日 does
    appeal = str(ITEMS / "real2" / "石台县光盘行动倡议书.txt")
    assert _issuer(appeal)[0] == "共青团石台县委员会"


def test_a_section_heading_at_the_end_of_an_excerpt_is_no_signer() -> None:
    # an excerpt cut inside a 方案's list of working groups: …完成指挥部领导交办的其他事项; / (一)综合组 / 组长:XXX
    plan = str(ITEMS / "real4" / "巩固提升全国文明城市工作方案.txt")
    assert _issuer(plan) == ("", "")


def test_no_other_labelled_document_reads_differently() -> None:
    # written after round 19
    # (validation_r17's 阅读库 请示, its 署名 over X年XX月XX日: undated_signer as the cross-family round widened it)
    assert_reads_as_before(RULES, changed={ANLU, BAICHENG, PUNING, "validation_r17/申请办公经费请示格式范文_阅读库.txt"},
                           round_family="validation_r19")
