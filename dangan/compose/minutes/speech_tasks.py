"""Directives in a speech become tasks for the 督办台账.

A task is an actor (a unit or role) + an action verb + an object: a sentence
that directs and does not only exhort (`speech_directives`), worded for the
ledger by `task_wording.task_text`. A row carrying an owner note （牵头单位：X）
is a task as it stands.

Owners (`owners.find_owners`): the note, 由X牵头/Y配合, X负责, the subject before
the modal; else the unit that was the subject of the sentence before it in
the same part (区创建办通报了… 下一步要制定…). A sentence whose only actor is
我们/大家/全区上下 and that sets no deadline exhorts. Deadlines, frequencies
and milestones come from `timing.read_timing`. Parts that look back
(2021年工作回顾) report and assign nothing.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from dangan.compose.minutes.owners import Owners, find_owners, subject_units
from dangan.compose.minutes.speech_directives import (
    NOTE_TEXT_RE,
    is_directive,
    is_exhortation,
    modal_positions,
    sentences_of,
    split_sentences,
    urging_at,
)
from dangan.compose.minutes.speech_outline import OutlineNode
from dangan.compose.minutes.task_cues import continues, hope_clause, hope_owners, require_clause
from dangan.compose.minutes.task_items import is_item, item_continues, item_owners, work_item, work_part
from dangan.compose.minutes.task_rules import on
from dangan.compose.minutes.task_wording import task_text
from dangan.compose.minutes.timing import Milestone, read_timing
from dangan.compose.minutes.voice import meeting_voice
from dangan.read.understand.units import UnitList
from dangan.text.cjk import CJK
from dangan.text.list_marks import drop_list_mark

__all__ = ["REVIEW_RE", "Task", "TaskSet", "extract_tasks"]

log = logging.getLogger(__name__)

# 全区上下 as 全县上下, 全市上下…: the whole place exhorted, a collective "we".
_FIRST_PERSON_ACTOR_RE = re.compile(r"(?:我们|大家|全[区市县镇乡省州旗](?:上下|干部群众|各级)|全体干部)(?:也|都|一定)?$")
_REPORTED_SUBJECT_RE = re.compile(rf"([{CJK}]{{2,12}}?)(?:通报了|汇报了|介绍了|传达了|报告了|提出了|部署了)")
_OWNER_NOTE_RE = re.compile(r"[（(](?:牵头单位|责任单位|牵头部门|责任部门)[：:]")
# The clause before the modal names no actor: the sentence goes on with the one before.
_NO_SUBJECT_RE = re.compile(r"^(?:\s*|(?:下一步|同时|近期|今后|并|还|也|对.*|在.*))$")
# `inherit_actor` (round 3): links may pile up (同时也要…, 此外还要…), and a directive with no
# modal (在…，尽快建立健全…) has its subject slot before the urging word.
_LINKS_ONLY_RE = re.compile(r"^(?:下一步|同时|近期|今后|另外|此外|并|还|也|更|再)*$")
# Parts that look back (2021年工作回顾, 过去五年的工作) report; they assign nothing.
REVIEW_RE = re.compile(r"回顾|总结|成绩|成就|过去|主要工作|工作情况|进展情况")


@dataclass(frozen=True, slots=True)
class Task:
    """One task for the ledger: what, who (lead first), by when or how often, and where it was said."""

    text: str
    owners: tuple[str, ...]
    deadline: date | None
    source: str
    lead: tuple[str, ...] = ()
    frequency: str | None = None
    leaders: tuple[str, ...] = ()   # 责任领导: people by role or name (分管副区长, 王局长), apart from the units

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "owners": list(self.owners),
            "lead": list(self.lead),
            "leaders": list(self.leaders),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "frequency": self.frequency,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class TaskSet:
    tasks: tuple[Task, ...]
    milestones: tuple[Milestone, ...] = field(default=())


def _reported_subject(sentence: str, units: UnitList | None) -> tuple[str, ...]:
    m = _REPORTED_SUBJECT_RE.search(sentence)
    if not m:
        return ()
    raw = re.split(r"[，,；;]", m.group(1))[-1]
    raw = re.sub(r"^(?:刚才|前一阶段|近期|今天)", "", raw)
    found = subject_units(raw, units) if raw else []
    return tuple(found)


def _sentence_task(sentence: str, meeting_date: date | None, units: UnitList | None, inherited: Owners,
                   source: str, scope: str = "全区") -> tuple[Task | None, Owners, tuple[Milestone, ...]]:
    noted = bool(_OWNER_NOTE_RE.search(sentence))
    timing = read_timing(sentence, meeting_date)
    if not noted and not is_directive(sentence):
        hope = hope_clause(sentence)
        if hope is None:
            return _required(sentence, meeting_date, units, inherited, source, scope, timing.milestones)
        return _task(hope, Owners(hope_owners(hope, units), ()), meeting_date, source, scope), inherited, ()
    positions = modal_positions(sentence)
    owners = find_owners(sentence, units, positions[0] if positions else None, tuple(positions[1:]))
    slot = positions[0] if positions else _urging_at(sentence)
    head = re.split(r"[，,；;：:]", sentence[:slot])[-1] if slot is not None else ""
    whole_place = not owners and bool(_FIRST_PERSON_ACTOR_RE.search(head))
    # the actor passed on: a sentence naming none passes the one before on; 全县上下/大家 end the chain
    if not on("inherit_actor"):
        chain = owners or inherited
    else:
        chain = owners or (Owners((), ()) if whole_place else inherited)
    if not noted and is_exhortation(sentence) and not _dated_assignment(owners, positions, timing.deadline):
        task, chained, found = _required(sentence, meeting_date, units, chain, source, scope, timing.milestones)
        return task, chained, found
    if not owners:
        if whole_place and timing.deadline is None:
            return None, chain if on("inherit_actor") else inherited, timing.milestones
        if not whole_place and _empty_subject(head, bool(positions)):
            owners = inherited  # 下一步要…, 对…的人员要…: the actor of the sentence before
    return _task(sentence, owners, meeting_date, source, scope), owners or chain, timing.milestones


def _required(sentence: str, meeting_date: date | None, units: UnitList | None, chain: Owners, source: str,
              scope: str, milestones: tuple[Milestone, ...]) -> tuple[Task | None, Owners, tuple[Milestone, ...]]:
    """The work a sentence assigns by 要求X… (no modal of its own, or one that only exhorts), owned by X."""
    required = require_clause(sentence, units)
    if required is None:
        return None, chain, milestones
    clause, actors = required
    owners = Owners(actors, ())
    return _task(clause, owners, meeting_date, source, scope), owners, milestones


def _dated_assignment(owners: Owners, modals: list[int], deadline: date | None) -> bool:
    """A named actor told it must do something by a day of its own (各村应急分队要在六月二十日前
    集结到位，配足冲锋舟…) is assigned work whatever the verb: an exhortation sets no deadline, and
    the action verbs (voice.ACTION_RE) are a list no speech keeps to (集结, 配足)."""
    return on("dated_assignment") and bool(owners.all) and bool(modals) and deadline is not None


def _urging_at(sentence: str) -> int | None:
    return urging_at(sentence) if on("inherit_actor") else None


def _empty_subject(head: str, modal: bool) -> bool:
    """Is the clause before the modal (or the urging word) empty of any subject?"""
    if modal and _NO_SUBJECT_RE.match(head):
        return True
    return on("inherit_actor") and (bool(_LINKS_ONLY_RE.match(head)) or head.startswith(("对", "在")))


def _task(sentence: str, owners: Owners, meeting_date: date | None, source: str, scope: str) -> Task:
    timing = read_timing(sentence, meeting_date)
    said = NOTE_TEXT_RE.sub("", sentence)
    return Task(text=task_text(meeting_voice(said, scope, condense=False) or said), owners=owners.all,
                deadline=timing.deadline, source=source, lead=owners.lead, frequency=timing.frequency,
                leaders=owners.leaders)


def extract_tasks(nodes: Sequence[OutlineNode], meeting_date: date | None, units: UnitList | None = None,
                  scope: str = "全区", preamble: str = "") -> TaskSet:
    """Tasks from every part of an outline; `source` is the path of outline numbers. Of the
    `preamble` (刚才…作了部署，希望各单位…), only what the speaker hopes the units will do."""
    tasks: list[Task] = []
    milestones: list[Milestone] = []
    for sentence in sentences_of(preamble):
        hope = hope_clause(sentence)
        if hope is not None and not is_exhortation(hope):
            tasks.append(_task(hope, Owners(hope_owners(hope, units), ()), meeting_date, "", scope))
    for path, node, review, heads in _walk(nodes):
        source = "".join(path)
        if review:
            continue
        sentences = _row_sentences(node)
        # an item list under a part heading naming the work ahead: each line's first sentence is an item
        items = _line_starts(node.text) if work_part(heads) else ()
        inherited = Owners((), ())
        last: Task | None = None
        # the sentence (or the part's heading) before directs but names no work (最后，要做好应急准备。)
        heading = bool(node.heading) and not node.text.startswith(node.heading) and is_directive(node.heading)
        run = False  # the sentence before directs by a modal or is a task: a numbered run's next item carries on
        for sentence in sentences:
            reported = _reported_subject(sentence, units)
            task, owners, found = _sentence_task(sentence, meeting_date, units, inherited, source, scope)
            # a line of a work part's item list is an item: the item test (`work_item`) judges it, not `continues`
            item_line = _starts_line(sentence, items)
            if task is None and last is not None and not item_line and continues(sentence):
                task = _task(sentence, _carried(last),
                             meeting_date, source, scope)
            elif task is None and heading and on("after_heading") and continues(sentence):
                task = _task(sentence, owners, meeting_date, source, scope)
            elif task is None and run and item_continues(sentence):
                named = item_owners(sentence, units)
                owners = Owners(named, ()) if named else (
                    _carried(last) if last else owners)
                task = _task(sentence, owners, meeting_date, source, scope)
            elif task is None and item_line and work_item(sentence) \
                    and not modal_positions(sentence):
                task = _task(sentence, owners, meeting_date, source, scope)
            milestones.extend(found)
            if task is not None:
                tasks.append(task)
            heading = task is None and is_directive(sentence)
            run = task is not None or bool(modal_positions(sentence)) or (run and is_item(sentence))
            last = task
            inherited = Owners(reported, ()) if reported else owners
    return TaskSet(tuple(_dedupe(tasks)), tuple(milestones))


def _carried(task: Task) -> Owners:
    """The owners (and leaders) of a task, as the next sentence carries them on."""
    return Owners(task.lead, tuple(o for o in task.owners if o not in task.lead), task.leaders)


def _walk(nodes: Sequence[OutlineNode], path: tuple[str, ...] = (), review: bool = False,
          heads: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], OutlineNode, bool, tuple[str, ...]]]:
    """Each node with its path of numbers, whether its part looks back, and its headings and its parts' above it."""
    for node in nodes:
        here = path + (node.number,)
        looks_back = review or (len(path) == 0 and bool(REVIEW_RE.search(node.heading)))
        mine = heads + (node.heading,)
        yield here, node, looks_back, mine
        yield from _walk(node.children, here, looks_back, mine)


def _line_starts(text: str) -> tuple[str, ...]:
    """The opening words of each line of a part's text (an item list sets one item a line)."""
    return tuple(drop_list_mark(line.strip())[:8] for line in text.splitlines() if line.strip())


def _starts_line(sentence: str, starts: tuple[str, ...]) -> bool:
    head = drop_list_mark(sentence.strip())[:8]
    return bool(head) and head in starts


def _row_sentences(node: OutlineNode) -> list[str]:
    """The node's sentences; a row with an owner note （牵头单位：X） is one sentence, heading included."""
    whole = node.text if not node.heading or node.text.startswith(node.heading) else (
        node.heading + "；" + node.text if node.text else node.heading)
    notes = len(_OWNER_NOTE_RE.findall(whole))
    at_end = bool(re.search(r"[）)][。；;]?$", whole.strip()))
    row_heading = not node.heading or node.text.startswith(node.heading) or len(node.heading) >= 15
    if notes == 1 and at_end and row_heading and not node.children and len(split_sentences(NOTE_TEXT_RE.sub("", whole))) <= 2:
        return [whole.replace("\n", "")]
    sentences = sentences_of(node.text)
    if not sentences and not node.children and node.heading:
        return [node.heading]
    return sentences


def _dedupe(tasks: list[Task]) -> list[Task]:
    seen: set[str] = set()
    out = []
    for task in tasks:
        if task.text in seen:
            continue
        seen.add(task.text)
        out.append(task)
    return out
