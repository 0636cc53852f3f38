"""Lay out a drafted `Minutes` as a 会议纪要 DOCX through a docxtpl template.

A template may come from the user, so it is rendered as the dossier's template is
(`compose/sandbox.py`): a locked-down Jinja2 sandbox with `StrictUndefined` and
autoescaping, in a forked child with a memory limit and a wall-clock timeout. Every
failure of the template becomes `dangan.errors.TemplateError`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from dangan.compose.minutes.speech import Minutes, Task, cn_number, to_simplified
from dangan.compose.sandbox import RENDER_SECONDS, fixed, render_docx

__all__ = ["DEFAULT_TEMPLATE", "agenda_items", "cn_number", "due_cn", "minutes_context", "owners_cn", "render_minutes"]

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "docx" / "minutes.docx"
MEETING_KEYS = {
    "time": ("time", "时间"),
    "place": ("place", "地点"),
    "host": ("host", "主持"),
    "attendees": ("attendees", "出席"),
    "absent": ("absent", "请假"),
    "observers": ("observers", "列席"),
    "recipients": ("recipients", "分送"),
}


def date_cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _clip(text: str) -> str:
    return text.rstrip("。；;，, ") + "。" if text else ""


def agenda_items(minutes: Minutes) -> list[dict[str, Any]]:
    """议定事项: one item per point, its condensed paragraph then its sub-points （一）（二）…."""
    items = []
    for index, point in enumerate(minutes.points, start=1):
        points: list[dict[str, str]] = []
        if point.text:
            points.append({"label": "", "text": point.text})
        for child in point.subpoints:
            label = f"{child.label}{_clip(child.heading)}" if child.heading else child.label
            points.append({"label": label, "text": child.text})
        heading = point.heading
        if not heading and points and not points[0]["label"]:
            heading, points[0]["text"] = points[0]["text"], ""  # a paragraph without heading is the item
            if not points[0]["text"]:
                points.pop(0)
        items.append({"number": f"{cn_number(index)}、", "heading": heading, "points": points})
    return items


def owners_cn(task: Task) -> str:
    """责任单位 as a 台账 writes it: 牵头：X；配合：Y, or the owners when none leads."""
    support = [o for o in task.owners if o not in task.lead]
    if task.lead and support:
        return f"牵头：{'、'.join(task.lead)}；配合：{'、'.join(support)}"
    return "、".join(task.owners)


def due_cn(task: Task) -> str:
    parts = [date_cn(task.deadline)] if task.deadline else []
    if task.frequency:
        parts.append(task.frequency)
    return "；".join(parts)


def _meeting_values(meeting: Mapping[str, Any] | None, minutes: Minutes | None = None) -> dict[str, str]:
    meeting = {**(minutes.meeting if minutes else {}), **{k: v for k, v in (meeting or {}).items() if v}}
    if minutes is not None:
        attendance = minutes.attendance
        for key, people in (("attendees", attendance.present), ("absent", attendance.absent),
                            ("observers", attendance.observers)):
            if people and not any(meeting.get(name) for name in MEETING_KEYS[key]):
                meeting[key] = list(people)
    values = {}
    for key, names in MEETING_KEYS.items():
        raw = next((meeting[name] for name in names if meeting.get(name)), "")
        if isinstance(raw, (list, tuple)):
            raw = "、".join(str(item) for item in raw)
        values[key] = str(raw)
    return values


def _simplified(value: Any) -> Any:
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, Mapping):
        return {key: _simplified(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_simplified(item) for item in value]
    return value


def minutes_context(minutes: Minutes, meeting: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The template context; every string in Simplified Chinese."""
    values = _meeting_values(meeting, minutes)
    when = date_cn(minutes.date)
    values["time"] = values["time"] or when
    name = re.sub(r"纪要$", "", minutes.title) or "会议"
    host = f"{values['host']}主持" if values["host"] else ""
    intro = f"{when}，{host}召开{name}。" if when else f"{host}召开{name}。"
    if name == "会议" and not host and not when:
        intro = ""  # nothing known of the meeting: no bare 召开会议。 before the opening
    items = agenda_items(minutes)
    tasks = [
        {
            "index": str(number),
            "text": task.text,
            "owners": owners_cn(task),
            "lead": "、".join(task.lead),
            "leaders": "、".join(task.leaders),
            "deadline": due_cn(task),
        }
        for number, task in enumerate(minutes.tasks, start=1)
    ]
    issuer = str((meeting or {}).get("issuer") or (meeting or {}).get("印发机关") or "")
    context = {
        "title": minutes.title,
        "issuer": issuer,
        "date_cn": when,
        "meeting": values,
        "intro": intro,
        "opening": minutes.opening,
        "items": items,
        "tasks_heading": "附：任务分工",
        "milestones": [f"{date_cn(m.when)}（{m.said}）：{m.text}" for m in minutes.milestones],
        "tasks": tasks,
        "leaders": any(task.leaders for task in minutes.tasks),   # the 责任领导 column, only when some task has one
        "figures": list(minutes.figures),
    }
    return _simplified(context)


def render_minutes(
    minutes: Minutes,
    out: Path,
    template: Path | None = None,
    meeting: dict[str, Any] | None = None,
    *,
    seconds: float = RENDER_SECONDS,
) -> Path:
    """Write the 会议纪要 DOCX to `out` and return its path.

    `meeting` may give time/place/host/attendees/absent/observers/recipients
    and issuer (or 时间/地点/主持/出席/请假/列席/分送); what is missing is left
    as a highlighted blank to fill in. The template is rendered as the dossier's is
    (`sandbox.render_docx`): in a forked child with a memory limit, killed after `seconds`.
    """
    context = minutes_context(minutes, meeting)
    return render_docx(Path(template) if template is not None else DEFAULT_TEMPLATE, fixed(context), out,
                       seconds=seconds)
