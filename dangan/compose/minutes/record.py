"""A 会议记录 (the clerk's record of a meeting) read as the source of a 纪要.

A record has header lines (时间/地点/主持人/参会人员/列席/请假/记录人), then
议程/议题 items, each with what was said and decided and, often, a
跟进者/责任人/责任单位 line naming who follows it up. Each item becomes a part
of the 纪要; the follow-up line becomes the owner note of the item's tasks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dangan.compose.minutes.meeting import Attendance
from dangan.compose.minutes.speech_outline import OutlineNode, cn_number
from dangan.text.dates import parse_date

__all__ = ["Record", "read_record"]

_ITEM_RE = re.compile(r"^(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?:议程|议题|事项)\s*([一二三四五六七八九十\d]*)\s*[：:、.．]?\s*(.*)$")
_FIELD_RE = re.compile(
    r"^(时间|日期|会议时间|地点|会议地点|主持人?|参会人员|出席人员|出席|参加人员|列席人员|列席|请假人员|请假|缺席|记录人?|会议名称)\s*[：:]\s*(.*)$"
)
_FOLLOW_RE = re.compile(r"^(?:跟进者|跟进人|责任人|责任单位|负责人|牵头单位|落实单位|承办单位)\s*[：:]\s*(.+)$")
_PEOPLE_SPLIT_RE = re.compile(r"[、，,；;\s]+")
_DIRECTIVE_RE = re.compile(r"要|必须|务必|确保|负责|完成|落实")


@dataclass(frozen=True, slots=True)
class Record:
    date: date | None
    meeting: dict[str, str]
    attendance: Attendance
    nodes: tuple[OutlineNode, ...]
    opening: str = ""
    items: tuple[str, ...] = field(default=())


def _people(value: str) -> tuple[str, ...]:
    return tuple(p for p in _PEOPLE_SPLIT_RE.split(value.strip()) if p)


def read_record(body: str) -> Record | None:
    """The record's fields and items; None when `body` is not a 会议记录."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    matches = {i: m for i, line in enumerate(lines) if (m := _ITEM_RE.match(line)) and len(line) <= 60}
    items = list(matches)
    fields = [line for line in lines if _FIELD_RE.match(line)]
    if not items or not fields:
        return None
    meeting: dict[str, str] = {}
    for line in lines[: items[0]]:
        m = _FIELD_RE.match(line)
        if m:
            meeting[m.group(1)] = m.group(2).strip()
    nodes: list[OutlineNode] = []
    for n, start in enumerate(items):
        end = items[n + 1] if n + 1 < len(items) else len(lines)
        heading = matches[start].group(2).strip() or lines[start]
        said: list[str] = []
        owner = ""
        for line in lines[start + 1: end]:
            follow = _FOLLOW_RE.match(line)
            if follow:
                owner = follow.group(1).strip()
            elif not _FIELD_RE.match(line):
                said.append(line)
        sentences = [s if s.endswith(("。", "！", "？", "；")) else s + "。" for s in said]
        if owner:
            # The follow-up line owns the item's directives: written as their row note.
            note = f"（责任单位：{owner}）"
            marked = [i for i, s in enumerate(sentences) if _DIRECTIVE_RE.search(s)] or [len(sentences) - 1]
            if not sentences:
                sentences, marked = [heading + "。"], [0]
            for i in marked:
                sentences[i] = sentences[i][:-1] + note + sentences[i][-1]
        text = "".join(sentences)
        nodes.append(OutlineNode(number=f"{cn_number(n + 1)}、", heading=heading, text=text, level=1))
    when = None
    for key in ("时间", "日期", "会议时间"):
        if meeting.get(key):
            when = parse_date(re.split(r"[\s（(上下午]", meeting[key])[0]) or when
    attendance = Attendance(
        present=_people(meeting.get("参会人员") or meeting.get("出席人员") or meeting.get("出席")
                        or meeting.get("参加人员") or ""),
        absent=_people(meeting.get("请假人员") or meeting.get("请假") or meeting.get("缺席") or ""),
        observers=_people(meeting.get("列席人员") or meeting.get("列席") or ""),
    )
    values = {"place": meeting.get("地点") or meeting.get("会议地点") or "",
              "host": meeting.get("主持人") or meeting.get("主持") or ""}
    headings = "、".join(node.heading.rstrip("。") for node in nodes[:6])
    opening = f"会议研究了{headings}等事项。" if headings else ""
    return Record(date=when, meeting={k: v for k, v in values.items() if v}, attendance=attendance,
                  nodes=tuple(nodes), opening=opening, items=tuple(node.heading for node in nodes))
