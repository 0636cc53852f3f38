"""Traditional → Simplified that leaves Simplified text as it is (dangan.text.script.to_simplified)."""
from __future__ import annotations

from pathlib import Path

from dangan.compose.minutes.speech import draft_minutes
from dangan.read.understand.units import load_units
from dangan.text.normalize import search_text
from dangan.text.script import to_simplified

TASKS = Path(__file__).resolve().parents[1] / "bench" / "data" / "tasks"


def test_characters_simplified_text_also_has_are_kept_in_simplified_lines() -> None:
    assert to_simplified("各街道、乾西乡要抓紧落实\n") == "各街道、乾西乡要抓紧落实\n"
    assert to_simplified("哪吒闹海，麴姓人家") == "哪吒闹海，麴姓人家"


def test_traditional_lines_are_converted_whole() -> None:
    text = "乾淨整潔的街道\r\n乾西鄉創建工作\n各街道、乾西乡\n"
    assert to_simplified(text) == "干净整洁的街道\r\n干西乡创建工作\n各街道、乾西乡\n"
    assert to_simplified("後來於是") == "后来于是"    # Traditional leftovers in a Simplified copy: converted
    assert len(to_simplified(text)) == len(text)


def test_search_still_matches_either_way() -> None:
    # the index keeps OpenCC's plain mapping, so a query in either form finds either form
    assert search_text("乾西乡") == search_text("乾西鄉") == search_text("干西乡")


def test_a_real_speech_keeps_its_township_in_the_minutes() -> None:
    # 婺城区召开创卫工作会议 (a government news page, Simplified): 各街道、乾西乡 are owners of its tasks
    text = (TASKS / "gov_news" / "婺城区召开创卫工作会议.txt").read_text(encoding="utf-8")
    minutes = draft_minutes(text, None, units=load_units(None))
    owners = {o for t in minutes.tasks for o in t.owners}
    assert "乾西乡" in owners and "干西乡" not in owners
    assert "干西乡" not in "".join(t.text for t in minutes.tasks)
