"""Owner phrasings of a clerk's speech (owners18): a manner word between a unit and its duty (区文明办具体负责),
the duty doubled (牵头负责) or whole (负总责) still name the unit that answers for the work (`duty_verb`)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dangan.compose.minutes import task_rules
from dangan.compose.minutes.owners import find_owners as owners_of
from dangan.compose.minutes.speech import draft_minutes, find_owners
from dangan.compose.minutes.speech_directives import modal_at

DOCS = Path(__file__).parent / "data" / "elements" / "docs"
ZHELIN = DOCS / "validation_r23" / "上海市奉贤区柘林镇人民政府关于印发《柘林镇文物保护管理办法》的通知.md"


@pytest.mark.parametrize(("sentence", "owners"), [
    ("区文明办负责，6月底前完成。", ("区文明办",)),
    ("区文明办具体负责。", ("区文明办",)),
    ("分管副区长要靠前指挥，区文明办具体负责，6月底前完成。", ("区文明办",)),
    ("由区住建局牵头负责，区财政局配合。", ("区住建局", "区财政局")),
    ("县政府负总责，各乡镇抓好落实。", ("县政府",)),
    ("区委宣传部主要负责同志参加会议。", ()),  # 负责同志 is a person, not a duty
])
def test_duty_verbs(sentence: str, owners: tuple[str, ...]) -> None:
    assert find_owners(sentence) == owners


def test_duty_verb_switched_off() -> None:
    with task_rules.disabled({"duty_verb"}):
        assert find_owners("区文明办具体负责。") == ()
        assert find_owners("由区住建局具体负责，区财政局配合。") == ("区财政局",)
        assert find_owners("县政府负总责，各乡镇抓好落实。") != ("县政府",)
    assert find_owners("由区住建局具体负责，区财政局配合。") == ("区住建局", "区财政局")


def test_a_real_notice_names_its_unit_by_juti_fuze(units) -> None:  # type: ignore[no-untyped-def]
    """柘林镇's 文物保护管理办法 (validation_r23): 镇党群中心具体负责本行政区域内的文物保护…"""
    text = ZHELIN.read_text(encoding="utf-8")
    sentence = next(s + "。" for s in text.split("。") if "具体负责本行政区域" in s).strip()
    assert owners_of(sentence, units, modal_at(sentence)).lead == ("镇党群中心",)
    with task_rules.disabled({"duty_verb"}):
        assert owners_of(sentence, units, modal_at(sentence)).lead == ()


def test_the_ledger_row_of_a_clerks_sentence(units) -> None:  # type: ignore[no-untyped-def]
    text = "一、近期工作\n分管副区长要靠前指挥，区文明办具体负责，6月底前完成背街小巷整治。"
    tasks = draft_minutes(text, date(2026, 5, 6), units=units).tasks
    row = next(t for t in tasks if "背街小巷整治" in t.text)
    assert row.lead == ("区文明办",)
    assert row.deadline == date(2026, 6, 30)
