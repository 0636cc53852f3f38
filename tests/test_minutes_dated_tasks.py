"""A named actor told to do something by a day of its own is a task, whatever the verb.

The clerk's trial drafted minutes of a real Big5 speech (在全镇防汛工作会议上的讲话): its third
point, 各村应急分队要在六月二十日前集结到位，配足冲锋舟、救生衣等物资, was dropped as an exhortation
because 集结 and 配足 are not on the action-verb list.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dangan.compose.minutes.speech import draft_minutes
from dangan.compose.minutes.task_rules import disabled

SPEECH = Path(__file__).parent / "data/elements/docs/speeches/在全镇防汛工作会议上的讲话_BIG5.txt"


def _tasks() -> list[tuple[str, tuple[str, ...], str | None]]:
    drafted = draft_minutes(SPEECH.read_bytes().decode("big5hkscs"), date(2019, 6, 10))
    return [(t.source, t.owners, t.deadline.isoformat() if t.deadline else None) for t in drafted.tasks]


def test_every_point_of_the_big5_speech_is_a_task_with_its_owner_and_day() -> None:
    assert _tasks() == [("一、", ("各村",), "2019-06-15"), ("二、", ("镇防汛办",), None),
                        ("三、", ("各村应急分队",), "2019-06-20")]


def test_without_the_rule_the_third_point_was_lost() -> None:
    with disabled({"dated_assignment"}):
        assert [source for source, _, _ in _tasks()] == ["一、", "二、"]

