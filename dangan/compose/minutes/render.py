"""Lay out a drafted `Minutes` as a 会议纪要 DOCX through a docxtpl template.

A template may come from the user, so it is rendered in a sandboxed Jinja2
environment with `StrictUndefined` and autoescaping (a value holding `&` or
`<` would otherwise break the document's XML). Every failure of the template
becomes `dangan.errors.TemplateError`.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from dangan.compose.minutes.speech import Minutes, OutlineNode, Task, to_simplified
from dangan.compose.minutes.speech_tasks import split_sentences
from dangan.errors import TemplateError

__all__ = ["DEFAULT_TEMPLATE", "agenda_items", "cn_number", "minutes_context", "render_minutes"]

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
MAX_POINTS = 4
_DIGITS = "零一二三四五六七八九"


def cn_number(value: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一 (up to 99)."""
    if value < 10:
        return _DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def date_cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _clip(text: str) -> str:
    return text.rstrip("。；;，, ") + "。" if text else ""


def _tasks_under(tasks: tuple[Task, ...], source: str, exact: bool) -> list[Task]:
    return [t for t in tasks if (t.source == source if exact else t.source.startswith(source))]


def _fallback_text(node: OutlineNode) -> str:
    return "".join(split_sentences(node.text)[:2])


def agenda_items(minutes: Minutes) -> list[dict[str, Any]]:
    """议定事项: one item per top part, its key directives as points."""
    items = []
    for index, node in enumerate(minutes.outline, start=1):
        source = node.number
        points: list[dict[str, str]] = []
        for task in _tasks_under(minutes.tasks, source, exact=True)[:MAX_POINTS]:
            points.append({"label": "", "text": task.text})
        for sub, child in enumerate(node.children, start=1):
            said = [t.text for t in _tasks_under(minutes.tasks, source + child.number, exact=False)]
            label = f"（{cn_number(sub)}）{_clip(child.heading)}" if child.heading else f"（{cn_number(sub)}）"
            points.append({"label": label, "text": "".join(said[:2]) or _fallback_text(child)})
        if not points:
            text = _fallback_text(node)
            if text:
                points.append({"label": "", "text": text})
        heading = node.heading or _clip(_fallback_text(node))[:30]
        items.append({"number": f"{cn_number(index)}、", "heading": heading, "points": points})
    return items


def _meeting_values(meeting: Mapping[str, Any] | None) -> dict[str, str]:
    meeting = meeting or {}
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
    values = _meeting_values(meeting)
    when = date_cn(minutes.date)
    values["time"] = values["time"] or when
    name = re.sub(r"纪要$", "", minutes.title) or "会议"
    host = f"{values['host']}主持" if values["host"] else ""
    intro = f"{when}，{host}召开{name}。" if when else f"{host}召开{name}。"
    items = agenda_items(minutes)
    tasks = [
        {
            "index": str(number),
            "text": task.text,
            "owners": "、".join(task.owners),
            "deadline": date_cn(task.deadline),
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
        "tasks_heading": f"{cn_number(len(items) + 1)}、任务分工",
        "tasks": tasks,
        "figures": list(minutes.figures),
    }
    return _simplified(context)


def _environment() -> Any:
    """The locked-down sandbox shared with the dossier: a user's template is untrusted."""
    from dangan.compose.sandbox import environment

    return environment()


def _describe(exc: Exception) -> str:
    from dangan.compose.sandbox import describe

    return describe(exc)


def render_minutes(
    minutes: Minutes,
    out: Path,
    template: Path | None = None,
    meeting: dict[str, Any] | None = None,
) -> Path:
    """Write the 会议纪要 DOCX to `out` and return its path.

    `meeting` may give time/place/host/attendees/absent/observers/recipients
    and issuer (or 时间/地点/主持/出席/请假/列席/分送); what is missing is left
    as a highlighted blank to fill in.
    """
    from docxtpl import DocxTemplate
    from jinja2.exceptions import TemplateError as JinjaError

    source = Path(template) if template is not None else DEFAULT_TEMPLATE
    if not source.is_file():
        raise TemplateError(detail=f"找不到模板文件 {source}",
                            hint="运行 `python -m dangan.templates.docx.build_templates` 生成默认模板。")
    try:
        document = DocxTemplate(str(source))
        document.render(minutes_context(minutes, meeting), jinja_env=_environment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(detail=_describe(exc)) from exc
    except (KeyError, ValueError, OSError) as exc:
        raise TemplateError(detail=f"无法读取模板 {source.name}（{type(exc).__name__}）") from exc
    except Exception as exc:  # zipfile / lxml errors from a damaged template
        if type(exc).__module__.split(".")[0] in ("zipfile", "lxml", "docx", "docxtpl"):
            raise TemplateError(detail=f"模板文件已损坏（{type(exc).__name__}）") from exc
        raise
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".minutes-", suffix=".docx", dir=out.parent)
    os.close(handle)
    try:
        document.save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out
