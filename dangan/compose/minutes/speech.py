"""Speech → outline, tasks and key figures: the facts of a 会议纪要.

`draft_minutes` is the whole step: it cleans the text (Traditional →
Simplified, pinyin annotations and web noise off), reads the numbered outline,
turns directive sentences into tasks with owners and deadlines, and keeps the
figures worth repeating. The parts live in `speech_text`, `speech_outline`
and `speech_tasks`; this module re-exports their public names.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dangan.compose.minutes.speech_outline import (
    OutlineNode,
    ParsedSpeech,
    iter_nodes,
    parse_document,
    parse_outline,
)
from dangan.compose.minutes.speech_tasks import Task, extract_tasks, find_owners, key_figures
from dangan.compose.minutes.speech_text import prepare_text, split_header, strip_pinyin, to_simplified

__all__ = [
    "Minutes",
    "OutlineNode",
    "ParsedSpeech",
    "Task",
    "draft_minutes",
    "extract_tasks",
    "find_owners",
    "iter_nodes",
    "key_figures",
    "minutes_title",
    "parse_document",
    "parse_outline",
    "prepare_text",
    "strip_pinyin",
    "to_simplified",
]

_SPEECH_TITLE_RE = re.compile(r"在(.+?)(?:上)?的?(?:讲话|发言|致辞|总结讲话|部署讲话)")
_ACTION_RE = re.compile(r"^(?:主要任务就是|主要任务是|主要是|会议|就是)?(传达|学习|总结|部署|研究|听取|通报|安排|审议)(了)?")


@dataclass(frozen=True, slots=True)
class Minutes:
    """The content of a 会议纪要 before it is laid out."""

    title: str
    date: date | None
    opening: str
    outline: tuple[OutlineNode, ...]
    tasks: tuple[Task, ...]
    figures: tuple[str, ...]
    speech_title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "opening": self.opening,
            "outline": [node.to_dict() for node in self.outline],
            "tasks": [task.to_dict() for task in self.tasks],
            "figures": list(self.figures),
        }


def minutes_title(speech_title: str | None) -> str:
    """`书记在创建办会部署会讲话` → `创建办会部署会议纪要`."""
    if not speech_title:
        return "会议纪要"
    name = speech_title
    m = _SPEECH_TITLE_RE.search(speech_title)
    if m:
        name = m.group(1)
    name = re.sub(r"(?:上)$", "", name)
    if name.endswith("纪要"):
        return name
    if name.endswith("会议"):
        return name + "纪要"
    if name.endswith("会"):
        return name + "议纪要"
    return name + "会议纪要"


def opening_paragraph(preamble: str) -> str:
    """会议传达了…，总结了…，部署了…。 from the speech's lead-in."""
    acts: list[str] = []
    for clause in re.split(r"[，。；！,;]", preamble):
        clause = clause.strip()
        m = _ACTION_RE.match(clause)
        if not m or len(clause) < 4:
            continue
        verb = m.group(1)
        rest = clause[m.end():]
        acts.append(f"{verb}了{rest}")
    if not acts:
        return "会议研究部署了下一步工作。"
    return "会议" + "，".join(acts[:4]) + "。"


def draft_minutes(
    text: str,
    meeting_date: date | None,
    title: str | None = None,
    units: Sequence[str] = (),
) -> Minutes:
    """Draft the minutes of the meeting at which `text` was spoken.

    The result is in Simplified Chinese whatever the input. When
    `meeting_date` is None, a `时间：2022-03-26` line at the top is used.
    """
    header = split_header(prepare_text(text))
    when = meeting_date or header.date
    parsed = parse_document(header.body)
    units = tuple(to_simplified(unit) for unit in units)
    tasks = extract_tasks(parsed.nodes, when, units)
    return Minutes(
        title=to_simplified(title) if title else minutes_title(header.title),
        date=when,
        opening=opening_paragraph(parsed.preamble),
        outline=parsed.nodes,
        tasks=tuple(tasks),
        figures=tuple(key_figures(header.body)),
        speech_title=header.title,
    )
