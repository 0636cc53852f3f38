"""Speech (or report, or 会议记录) → the content of a 会议纪要.

`draft_minutes` is the whole step: it cleans the text, reads its outline (or,
without numbered headings, its paragraphs; or a 会议记录's 议程 items), finds
the tasks with their owners and deadlines, condenses every part into the
meeting's voice within a length budget, and names the meeting and who was
there. The parts live in `speech_text`, `speech_outline`, `speech_directives`,
`speech_tasks`, `task_wording`, `speech_figures`, `owners`, `timing`, `voice`,
`condense` and `meeting`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from dangan.compose.minutes.condense import Point, SentenceChoice, SubPoint, cjk_count, condense
from dangan.compose.minutes.meeting import (
    FALLBACK_OPENING,
    Attendance,
    clean_title,
    meeting_title,
    opening_paragraph,
    speaker_of,
    speech_attendance,
)
from dangan.compose.minutes.news_page import (
    Event,
    known_names,
    news_opening,
    page_date,
    read_event,
    strip_forum,
    strip_furniture,
)
from dangan.compose.minutes.owners import find_owners as _find_owners
from dangan.compose.minutes.record import read_record
from dangan.compose.minutes.speech_directives import modal_at, sentences_of
from dangan.compose.minutes.speech_figures import key_figures
from dangan.compose.minutes.speech_outline import (
    OutlineNode,
    ParsedSpeech,
    cn_number,
    iter_nodes,
    parse_document,
    parse_outline,
)
from dangan.compose.minutes.speech_tasks import Task
from dangan.compose.minutes.speech_tasks import extract_tasks as _extract_tasks
from dangan.compose.minutes.speech_text import prepare_text, split_header, strip_pinyin, to_simplified
from dangan.compose.minutes.timing import Milestone
from dangan.compose.minutes.voice import scope_word
from dangan.read.understand.units import Unit, UnitList
from dangan.text.dates import parse_date

__all__ = [
    "LENGTHS",
    "Attendance",
    "Minutes",
    "OutlineNode",
    "ParsedSpeech",
    "Point",
    "SubPoint",
    "Task",
    "as_unit_list",
    "cn_number",
    "draft_minutes",
    "extract_tasks",
    "find_owners",
    "iter_nodes",
    "key_figures",
    "minutes_title",
    "task_from_dict",
    "parse_document",
    "parse_outline",
    "prepare_text",
    "strip_pinyin",
    "to_simplified",
]

LENGTHS = ("short", "normal", "long")
RECORD_RATIO = 1.5  # a 会议记录 is already short: its items are kept nearly whole
# A document written above a district (国务院, a province): the district unit list does not apply.
# A report read to the meeting (政府工作报告, its byline ——…在…会议上) is condensed harder than a speech.
_REPORT_RE = re.compile(r"工作报告|报告$")
_HEARD_DOC_RE = re.compile(r"报告|汇报|方案|规划|计划|意见|办法|要点|总结|细则|草案|预算|决算|情况的?说明")
_BYLINE_RE = re.compile(r"(?m)^[—－-]{1,2}\s*.{0,20}?在.{4,40}?上")
_ABOVE_DISTRICT_RE = re.compile(r"国务院|各省|省政府|省委|自治区党委|自治区人民政府|各盟市|人民代表大会")


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
    points: tuple[Point, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    attendance: Attendance = field(default_factory=Attendance)
    choices: tuple[SentenceChoice, ...] = ()
    speech_chars: int = 0
    meeting: dict[str, str] = field(default_factory=dict)

    def body_text(self) -> str:
        """The 纪要's body as plain text: the opening and every point."""
        lines = [self.opening]
        for point in self.points:
            lines.append(f"{point.number}{point.heading}{'。' if point.heading else ''}{point.text}")
            for sub in point.subpoints:
                lines.append(f"{sub.label}{sub.heading}{'。' if sub.heading and sub.text else ''}{sub.text}")
        return "\n".join(line for line in lines if line)

    def stats(self) -> dict[str, Any]:
        body = cjk_count(self.body_text())
        return {"speech_chars": self.speech_chars, "body_chars": body,
                "ratio": round(body / self.speech_chars, 3) if self.speech_chars else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any], speech_title: str | None = None) -> Minutes:
        """The inverse of `to_dict` (a draft kept between the review and the download)."""
        def day(value: str | None) -> date | None:
            return date.fromisoformat(value) if value else None

        people = data.get("attendance") or {}
        return cls(
            title=data["title"], date=day(data.get("date")), opening=data.get("opening", ""),
            outline=tuple(_node(n) for n in data.get("outline", ())),
            tasks=tuple(task_from_dict(t) for t in data.get("tasks", ())),
            figures=tuple(data.get("figures", ())), speech_title=speech_title,
            points=tuple(Point(p["number"], p["heading"], p["text"],
                               tuple(SubPoint(s["label"], s["heading"], s["text"]) for s in p.get("subpoints", ())))
                         for p in data.get("points", ())),
            milestones=tuple(Milestone(date.fromisoformat(m["date"]), m["said"], m["text"]) for m in data.get("milestones", ())),
            attendance=Attendance(tuple(people.get("present", ())), tuple(people.get("absent", ())),
                                  tuple(people.get("observers", ()))),
            choices=tuple(SentenceChoice(c["index"], c["part"], c["text"], c.get("kept"), c.get("score", 0.0))
                          for c in data.get("choices", ())),
            speech_chars=int((data.get("stats") or {}).get("speech_chars") or 0),
            meeting=dict(data.get("meeting") or {}),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "opening": self.opening,
            "points": [_point_dict(p) for p in self.points],
            "outline": [node.to_dict() for node in self.outline],
            "tasks": [task.to_dict() for task in self.tasks],
            "milestones": [{"date": m.when.isoformat(), "said": m.said, "text": m.text} for m in self.milestones],
            "attendance": {"present": list(self.attendance.present), "absent": list(self.attendance.absent),
                           "observers": list(self.attendance.observers)},
            "meeting": dict(self.meeting),
            "figures": list(self.figures),
            "stats": self.stats(),
            "choices": [{"index": c.index, "part": c.part, "text": c.text, "kept": c.kept, "score": c.score}
                        for c in self.choices],
        }


def task_from_dict(data: dict[str, Any]) -> Task:
    return Task(text=data["text"], owners=tuple(data.get("owners", ())),
                deadline=date.fromisoformat(data["deadline"]) if data.get("deadline") else None,
                source=data.get("source") or "", lead=tuple(data.get("lead", ())), frequency=data.get("frequency"),
                leaders=tuple(data.get("leaders", ())))


def _node(data: dict[str, Any]) -> OutlineNode:
    return OutlineNode(number=data["number"], heading=data["heading"], text=data["text"], level=data["level"],
                       children=tuple(_node(c) for c in data.get("children", ())))


def _point_dict(point: Point) -> dict[str, Any]:
    return {"number": point.number, "heading": point.heading, "text": point.text,
            "subpoints": [{"label": s.label, "heading": s.heading, "text": s.text} for s in point.subpoints]}


_OPENING_ACT_RE = re.compile(r"传达|总结|部署|听取|汇报|通报|研究|审议")


def _frame_choices(preamble: str, body: Sequence[SentenceChoice], epilogue: str) -> list[SentenceChoice]:
    """Every sentence of the speech in order: the lead-in (its acts go into the opening), the parts, the close."""
    before = [SentenceChoice(0, "开头", text, "（写入开头段）" if _OPENING_ACT_RE.search(text) else None, 0.0)
              for text in sentences_of(preamble)]
    after = [SentenceChoice(0, "结尾", text, None, 0.0) for text in sentences_of(epilogue)]
    return [SentenceChoice(index, c.part, c.text, c.kept, c.score)
            for index, c in enumerate([*before, *body, *after])]


def _byline_date(body: str) -> date | None:
    """——2022年3月5日在第十三届全国人民代表大会第五次会议上 → 2022-03-05."""
    m = _BYLINE_RE.search(body[:600])
    if not m:
        return None
    return parse_date(re.sub(r"^[—－-]+\s*", "", m.group(0)).split("在")[0])


def as_unit_list(units: UnitList | Sequence[str] | None) -> UnitList | None:
    if units is None or isinstance(units, UnitList):
        return units
    names = tuple(str(name) for name in units)
    return UnitList(tuple(Unit(name=name) for name in names)) if names else None


def _paragraph_nodes(body: str) -> tuple[str, tuple[OutlineNode, ...]]:
    """A speech without numbered headings: each substantial paragraph is a part."""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    preamble: list[str] = []
    nodes: list[OutlineNode] = []
    for paragraph in paragraphs:
        if not nodes and (len(paragraph) < 80 and re.search(r"同志们|各位|今天|刚才|召开", paragraph)
                          or paragraph.endswith(("：", ":"))):
            preamble.append(paragraph)
            continue
        number = f"{cn_number(len(nodes) + 1)}、"
        nodes.append(OutlineNode(number=number, heading="", text=paragraph, level=1))
    return "\n".join(preamble), tuple(nodes)


def draft_minutes(
    text: str,
    meeting_date: date | None = None,
    title: str | None = None,
    units: UnitList | Sequence[str] | None = None,
    *,
    length: str = "normal",
    catalogue_title: str | None = None,
    attendance: Attendance | None = None,
) -> Minutes:
    """Draft the minutes of the meeting at which `text` was spoken (or recorded).

    The result is in Simplified Chinese whatever the input. When
    `meeting_date` is None, a `时间：2022-03-26` line at the top is used.
    """
    if length not in LENGTHS:
        raise ValueError(f"length 应为 {'/'.join(LENGTHS)}")
    header = split_header(strip_forum(prepare_text(text)))
    published = header.date or page_date(header.body)
    header = replace(header, body=strip_furniture(header.body))
    record = read_record(header.body)
    event = read_event(header.body, published) if record is None else None
    when = (meeting_date or (event.day if event else None) or header.date or (record.date if record else None)
            or _byline_date(header.body))
    epilogue = ""
    if record is not None:
        preamble, nodes = "", record.nodes
    else:
        parsed = parse_document(header.body)
        preamble, nodes, epilogue = parsed.preamble, parsed.nodes, parsed.epilogue
        if not nodes:
            preamble, nodes = _paragraph_nodes(header.body)
    unit_list = as_unit_list(units)
    if len(_ABOVE_DISTRICT_RE.findall(header.body)) >= 3:
        unit_list = None
    scope = scope_word(header.body)
    found = _extract_tasks(nodes, when, unit_list, scope, preamble=preamble)
    told = event.name if event else None
    name_title = title or meeting_title(header.title, catalogue_title, body=header.body, event=told)
    report = clean_title(header.title, catalogue_title)
    is_report = bool(_REPORT_RE.search(report or "") or _BYLINE_RE.search(header.body[:600]))
    # A title the meeting heard names a document (报告, 方案, 汇报…); a news headline names none.
    heard = report if report and (is_report or (_HEARD_DOC_RE.search(report) and not told)) else (
        "工作报告" if is_report else None)
    opening = record.opening if record else opening_paragraph(preamble, scope, report_title=heard)
    if event and opening.startswith(FALLBACK_OPENING) and not is_report and (
            news := news_opening(header.body, event)):
        opening = news
    speech_chars = cjk_count(header.body)
    points, choices = condense(nodes, speech_chars=speech_chars, overhead=cjk_count(opening), length=length,
                               task_texts={t.text.rstrip("。") for t in found.tasks}, scope=scope,
                               ratio=RECORD_RATIO if record else None, report=is_report,
                               known=known_names(header.body))
    choices = _frame_choices(preamble, choices, epilogue)
    present = record.attendance if record else speech_attendance(preamble, speaker_of(header.title))
    if event is not None:
        present = present.merged(Attendance(event.present, (), event.observers))
    if attendance is not None:
        present = present.signed(attendance)
    return Minutes(
        title=name_title, date=when, opening=opening, outline=nodes, tasks=found.tasks,
        figures=tuple(key_figures(header.body)), speech_title=header.title, points=tuple(points),
        milestones=found.milestones, attendance=present, choices=tuple(choices), speech_chars=speech_chars,
        meeting=dict(record.meeting) if record else _told(event),
    )



def _told(event: Event | None) -> dict[str, str]:
    """The chair and the room a news page names, for the 纪要's header."""
    if event is None:
        return {}
    return {key: value for key, value in (("host", event.host), ("place", event.place)) if value}


def minutes_title(speech_title: str | None) -> str:
    """`书记在创建办会部署会讲话` → `创建办会部署会议纪要`."""
    return meeting_title(speech_title)


def find_owners(sentence: str, units: UnitList | Sequence[str] | None = ()) -> tuple[str, ...]:
    """Owner units named in `sentence`, lead units first."""
    return _find_owners(sentence, as_unit_list(units), modal_at(sentence)).all


def extract_tasks(outline_or_text: Sequence[OutlineNode] | str, meeting_date: date | None,
                  units: UnitList | Sequence[str] | None = ()) -> list[Task]:
    """Tasks of an outline (or of a text, prepared and parsed first)."""
    if isinstance(outline_or_text, str):
        nodes: Sequence[OutlineNode] = parse_outline(prepare_text(outline_or_text))
    else:
        nodes = outline_or_text
    return list(_extract_tasks(nodes, meeting_date, as_unit_list(units)).tasks)
