"""Shared by the task-list tests on the real speeches of bench/data/tasks: read one speech's drafted
tasks with the default unit list (conftest's `units`), and pick tasks by a phrase they hold."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dangan.compose.minutes.speech import Task, draft_minutes

DATA = Path(__file__).resolve().parents[1] / "bench" / "data" / "tasks"


def tasks_of(name: str, units, when: date | None = None) -> list[Task]:  # type: ignore[no-untyped-def]
    text = (DATA / name).read_text(encoding="utf-8")
    return list(draft_minutes(text, when, units=units).tasks)


def one(tasks: list[Task], key: str) -> Task:
    found = [t for t in tasks if key in t.text]
    assert len(found) == 1, [t.text for t in tasks]
    return found[0]


def none_with(tasks: list[Task], *phrases: str) -> bool:
    return not [t for t in tasks if any(p in t.text for p in phrases)]
