"""Directives in a speech become tasks for the 督办台账; key figures are kept.

A task is an actor (a unit or role) + an action verb + an object. A sentence
with a modal (要, 必须, 务必, 确保 …) or an urging adverb (迅速, 抓紧, 进一步 …)
that does not report what was done (…了, 刚才, 已经) directs; it is a task
only when, after quoted names and exhortation phrases (认识到, 统一思想, 升温,
要有…精神, 迎接…考验 …) are taken out of the part after the modal, an action
verb is left (制定, 整改, 报送, 宣传, 加大投入 …) — "大家要充分认识到…",
"工作必须迅速升温" and "这是发展的重要抓手" are not tasks. A row carrying an
owner note （牵头单位：X） is a task as it stands.

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
from dangan.compose.minutes.speech_outline import OutlineNode
from dangan.compose.minutes.task_cues import (
    continues,
    has_work,
    hope_clause,
    hope_owners,
    is_item,
    item_continues,
    item_owners,
    reports_meeting,
    require_clause,
    strip_talk,
    tells_superior,
    urging_text,
)
from dangan.compose.minutes.task_rules import on
from dangan.compose.minutes.timing import Milestone, read_timing
from dangan.compose.minutes.voice import ACTION_RE, EXHORT_RE, QUOTED_RE, meeting_voice
from dangan.read.understand.units import UnitList
from dangan.text.cjk import CJK

__all__ = ["REVIEW_RE", "Task", "TaskSet", "extract_tasks", "is_directive", "is_exhortation", "key_figures",
           "modal_at", "sentences_of", "split_sentences", "task_text"]

log = logging.getLogger(__name__)

_CJK = CJK
_SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_MODAL_RE = re.compile(r"必须|务必|确保|应当|需要|须|要")
# 要 inside words that are no modal: 重要 主要 要求 纪要 必要 只要 首要 …
_NOT_MODAL_BEFORE = frozenset("重主纪只首概简摘机险紧提需想")
_NOT_MODAL_AFTER = frozenset("求点素闻害件职道领")
_URGING_RE = re.compile(
    r"迅速|抓紧|进一步|切实|全力|加快|加大|大力|积极|认真|严格|着力|坚决|力争|争取|尽快|立即|马上|务求"
    r"|牵头|负责|配合|限期|完成"
)
_REPORTED_RE = re.compile(r"了|已经|已于|先后|刚才|前一阶段|过去一年|以来|取得|圆满")
_TARGET_RE = re.compile(r"目标是|目标为|任务是")
_META_RE = re.compile(r"以下|如下|几点意见|三点意见|讲几点")

# Key figures: counts with a classifier, "N大X", numbered projects, quoted slogans.
_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_COUNT_RE = re.compile(
    rf"(?<![\d.一二三四五六七八九十百千万第])({_NUM}(?:个|条|项|家|所|座|处|类|支|批|名|户|件|大))([{_CJK}]{{2,6}})"
)
_PROJECT_RE = re.compile(r"“?(\d{2,5})”?(工程|行动|计划|战略)")
_SLOGAN_RE = re.compile(r"“([^“”]{2,8})”")
_AMOUNT_RE = re.compile(r"\d+(?:\.\d+)?(?:%|万亿元|亿元|万元|万人|万户|万亩|亿|万)")
_NOUN_STOP_RE = re.compile(r"[的和及与等中在是为将从把被对、，]")
_NOUN_CUT_RE = re.compile(r"综合|整治|建设|工作|打造|达标|推进|开展|当中|迅速|抓好|所涉|涉及|进行|实现|脱颖")
_HAS_NUMERAL_RE = re.compile(r"[\d一二两三四五六七八九十百千]")
_NOT_FIGURE_RE = re.compile(r"[、，,。]|第|唯一|统一|一起")
# 全区上下 as 全县上下, 全市上下…: the whole place exhorted, a collective "we".
_FIRST_PERSON_ACTOR_RE = re.compile(r"(?:我们|大家|全[区市县镇乡省州旗](?:上下|干部群众|各级)|全体干部)(?:也|都|一定)?$")
_JUDGEMENT_RE = re.compile(r"^(?:这|这是|这既是|此)(?:是|既是|也是)?")
_CONDITIONAL_RE = re.compile(r"^要(?:想|做好|搞好|实现)[^，,]{0,30}[，,](?:就|必须|就必须)")
_LEAD_IN_RE = re.compile(r"^(?:(?:同时|另外|此外|但是|因此|所以|总之|其中|近期|下一步)[，,]|会议(?:决定|要求|指出|强调|议定|明确|同意)[，,：:]?)+")
# A link with no comma before the actor or the modal (同时也要进一步宣传…, 同时各单位要结合自身实际…): the row
# starts at them.
_LINK_RE = re.compile(r"^(?:与此同时|同时|此外|另外)(?:也|还)?(?=要|各|[\u4e00-\u9fff]{2,12}?要)")
# A speaker's lead-in to a row (刘天华、任营强调，/ 他要求，/ 市委副书记、政法委书记周正清在会后要求：).
_SPEAKER_RE = re.compile(
    rf"^(?:[{CJK}、]{{0,24}}?(?<![要须])[{CJK}]{{2,4}}|他|她)(?:在讲话中|在会上|在会后|现场|还|同时|最后)?"
    rf"(?:要求|强调|指出|说)[，,：:]"
)
_ORDINAL_MODAL_RE = re.compile(r"^[一二三四五六七八九十]要")
_REPORTED_SUBJECT_RE = re.compile(rf"([{CJK}]{{2,12}}?)(?:通报了|汇报了|介绍了|传达了|报告了|提出了|部署了)")
_OWNER_NOTE_RE = re.compile(r"[（(](?:牵头单位|责任单位|牵头部门|责任部门)[：:]")
_NOTE_TEXT_RE = re.compile(r"[（(](?:牵头单位|责任单位|牵头部门|责任部门|配合单位)[：:][^（()）]*[）)]")
# Parts that look back (2021年工作回顾, 过去五年的工作) report; they assign nothing.
# The clause before the modal names no actor: the sentence goes on with the one before.
_NO_SUBJECT_RE = re.compile(r"^(?:\s*|(?:下一步|同时|近期|今后|并|还|也|对.*|在.*))$")
# `inherit_actor` (round 3): links may pile up (同时也要…, 此外还要…), and a directive with no
# modal (在…，尽快建立健全…) has its subject slot before the urging word.
_LINKS_ONLY_RE = re.compile(r"^(?:下一步|同时|近期|今后|另外|此外|并|还|也|更|再)*$")
REVIEW_RE = re.compile(r"回顾|总结|成绩|成就|过去|主要工作|工作情况|进展情况")


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。！？； (the mark kept), blank ones dropped."""
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip(" ，,。；;")]


def _modal_positions(sentence: str) -> list[int]:
    positions = []
    for m in _MODAL_RE.finditer(sentence):
        if m.group(0) == "要":
            before = sentence[m.start() - 1: m.start()]
            after = sentence[m.end(): m.end() + 1]
            if before in _NOT_MODAL_BEFORE or after in _NOT_MODAL_AFTER:
                continue
            if before == "就" and after in ("到", "来", "开"):
                continue
            if sentence[max(0, m.start() - 3): m.start()].endswith(("个", "五个", "“")):
                continue
        positions.append(m.start())
    return positions


def modal_at(sentence: str) -> int | None:
    """Where the sentence's first modal (要, 必须 …) stands, or None."""
    positions = _modal_positions(sentence)
    return positions[0] if positions else None


def is_directive(sentence: str) -> bool:
    """Does this sentence ask someone to do something?"""
    if _META_RE.search(sentence) or reports_meeting(sentence) or tells_superior(sentence):
        return False
    if sentence.rstrip().endswith(("：", ":")):
        return False  # the lead-in to a list: its items are the tasks
    if _modal_positions(sentence) or _TARGET_RE.search(sentence):
        return True
    urging = _URGING_RE.search(urging_text(sentence))
    if urging is None or _REPORTED_RE.search(sentence):
        return False
    # "第二大战役是…，全力推进…" describes; it does not direct.
    return "是" not in sentence[: urging.start()]


@dataclass(frozen=True, slots=True)
class Task:
    """One task for the ledger: what, who (lead first), by when or how often, and where it was said."""

    text: str
    owners: tuple[str, ...]
    deadline: date | None
    source: str
    lead: tuple[str, ...] = ()
    frequency: str | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "owners": list(self.owners),
            "lead": list(self.lead),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "frequency": self.frequency,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class TaskSet:
    tasks: tuple[Task, ...]
    milestones: tuple[Milestone, ...] = field(default=())


def _predicate(sentence: str) -> str:
    positions = _modal_positions(sentence)
    return sentence[positions[0]:] if positions else sentence


def is_exhortation(sentence: str) -> bool:
    """Does the sentence urge a state of mind rather than assign an action?"""
    if _JUDGEMENT_RE.match(sentence) or _CONDITIONAL_RE.match(sentence):
        return True
    rest = strip_talk(EXHORT_RE.sub("", QUOTED_RE.sub("", _predicate(sentence))))
    return not has_work(rest)


def task_text(sentence: str) -> str:
    """The ledger row's wording: without the meeting's or the speaker's lead-in (会议要求，
    雷广海要求，他强调：) and with 四要… read as 要… — the row says the work, not who said it."""
    text = _LEAD_IN_RE.sub("", sentence.strip()).rstrip("；;，, ")
    text = _LINK_RE.sub("", text)
    text = _ORDINAL_MODAL_RE.sub("要", _SPEAKER_RE.sub("", text), count=1)
    text = _without_background(text)
    text = _without_exhorting_tail(text)
    if text and text[-1] not in "。！？":
        text += "。"
    return text


# A row's opening clause that tells the situation (婺城区是创卫的主城区，/ 市委、市政府一直高度重视创文工作，
# 现在正是…最关键冲刺的时候，/ 当前创卫工作，时间紧迫、任务艰巨，) or only how to work (要坚持问题导向、目标导向，).
_BACKGROUND_RE = re.compile(r"^[^，,]{2,12}是[^，,]{2,}$|高度重视|紧迫|艰巨|关键|的时候$|^当前[^，,]{0,10}$")


_TAIL_MODAL_RE = re.compile(r"[，,；;](?=要(?![求点素闻害件职道领]))")


def _without_exhorting_tail(text: str) -> str:
    """The row without a closing 要… that only exhorts (…，要求各单位举一反三、立即整改，要始终保持良好态势，把…工作
    做实、做好。 → …立即整改。): the work is said before it."""
    for m in _TAIL_MODAL_RE.finditer(text):
        head, tail = text[: m.start()], text[m.end():]
        if is_exhortation(tail) and not is_exhortation(head) and ACTION_RE.search(strip_talk(head)):
            return head + "。"
    return text


def _without_background(text: str) -> str:
    """The row from its first clause that asks for work (wording only: which rows and owners is unchanged)."""
    clauses = re.split(r"(?<=[，,])", text)
    start = 0
    while start < len(clauses) - 1:
        clause = clauses[start].rstrip("，,")
        bare = clause[1:] if clause.startswith("要") else clause
        if _modal_positions(bare) or ACTION_RE.search(strip_talk(bare)):
            break
        if not (_BACKGROUND_RE.search(clause) or (bare != clause and not strip_talk(bare).strip())):
            break
        said_when = read_timing(clause, date(2000, 1, 1))
        if said_when.deadline or said_when.frequency:
            break  # 目标是：通过一个月的努力，… keeps its time
        start += 1
    rest = "".join(clauses[start:])
    if start == 0 or not ACTION_RE.search(strip_talk(rest)) or rest.startswith(("强调", "指出", "要求")):
        return text  # 中央…高度重视…，强调要…: whose words they are stays
    return rest if _modal_positions(rest) or not text.startswith("要") else "要" + rest


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
    positions = _modal_positions(sentence)
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
    m = _URGING_RE.search(urging_text(sentence)) if on("inherit_actor") else None
    return m.start() if m else None


def _empty_subject(head: str, modal: bool) -> bool:
    """Is the clause before the modal (or the urging word) empty of any subject?"""
    if modal and _NO_SUBJECT_RE.match(head):
        return True
    return on("inherit_actor") and (bool(_LINKS_ONLY_RE.match(head)) or head.startswith(("对", "在")))


def _task(sentence: str, owners: Owners, meeting_date: date | None, source: str, scope: str) -> Task:
    timing = read_timing(sentence, meeting_date)
    said = _NOTE_TEXT_RE.sub("", sentence)
    return Task(text=task_text(meeting_voice(said, scope, condense=False) or said), owners=owners.all,
                deadline=timing.deadline, source=source, lead=owners.lead, frequency=timing.frequency)


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
    for path, node, review in _walk(nodes):
        source = "".join(path)
        if review:
            continue
        sentences = _row_sentences(node)
        inherited = Owners((), ())
        last: Task | None = None
        # the sentence (or the part's heading) before directs but names no work (最后，要做好应急准备。)
        heading = bool(node.heading) and not node.text.startswith(node.heading) and is_directive(node.heading)
        run = False  # the sentence before directs by a modal or is a task: a numbered run's next item carries on
        for sentence in sentences:
            reported = _reported_subject(sentence, units)
            task, owners, found = _sentence_task(sentence, meeting_date, units, inherited, source, scope)
            if task is None and last is not None and continues(sentence):
                task = _task(sentence, Owners(last.lead, tuple(o for o in last.owners if o not in last.lead)),
                             meeting_date, source, scope)
            elif task is None and heading and on("after_heading") and continues(sentence):
                task = _task(sentence, owners, meeting_date, source, scope)
            elif task is None and run and item_continues(sentence):
                named = item_owners(sentence, units)
                owners = Owners(named, ()) if named else (
                    Owners(last.lead, tuple(o for o in last.owners if o not in last.lead)) if last else owners)
                task = _task(sentence, owners, meeting_date, source, scope)
            milestones.extend(found)
            if task is not None:
                tasks.append(task)
            heading = task is None and is_directive(sentence)
            run = task is not None or bool(_modal_positions(sentence)) or (run and is_item(sentence))
            last = task
            inherited = Owners(reported, ()) if reported else owners
    return TaskSet(tuple(_dedupe(tasks)), tuple(milestones))


def _walk(nodes: Sequence[OutlineNode], path: tuple[str, ...] = (),
          review: bool = False) -> Iterator[tuple[tuple[str, ...], OutlineNode, bool]]:
    for node in nodes:
        here = path + (node.number,)
        looks_back = review or (len(path) == 0 and bool(REVIEW_RE.search(node.heading)))
        yield here, node, looks_back
        yield from _walk(node.children, here, looks_back)


def _row_sentences(node: OutlineNode) -> list[str]:
    """The node's sentences; a row with an owner note （牵头单位：X） is one sentence, heading included."""
    whole = node.text if not node.heading or node.text.startswith(node.heading) else (
        node.heading + "；" + node.text if node.text else node.heading)
    notes = len(_OWNER_NOTE_RE.findall(whole))
    at_end = bool(re.search(r"[）)][。；;]?$", whole.strip()))
    row_heading = not node.heading or node.text.startswith(node.heading) or len(node.heading) >= 15
    if notes == 1 and at_end and row_heading and not node.children and len(split_sentences(_NOTE_TEXT_RE.sub("", whole))) <= 2:
        return [whole.replace("\n", "")]
    sentences = sentences_of(node.text)
    if not sentences and not node.children and node.heading:
        return [node.heading]
    return sentences


def sentences_of(text: str) -> list[str]:
    """`split_sentences`, but a bracketed note （牵头单位：X；责任单位：Y） stays whole."""
    notes: list[str] = []

    def hide(m: re.Match[str]) -> str:
        notes.append(m.group(0))
        return f"\ue000{len(notes) - 1}\ue001"

    hidden = _NOTE_TEXT_RE.sub(hide, text)
    out = []
    for sentence in split_sentences(hidden):
        out.append(re.sub(r"\ue000(\d+)\ue001", lambda m: notes[int(m.group(1))], sentence))
    return out


def _dedupe(tasks: list[Task]) -> list[Task]:
    seen: set[str] = set()
    out = []
    for task in tasks:
        if task.text in seen:
            continue
        seen.add(task.text)
        out.append(task)
    return out


def _figure_noun(noun: str) -> str:
    stop = _NOUN_STOP_RE.search(noun)
    if stop:
        noun = noun[: stop.start()]
    cut = _NOUN_CUT_RE.search(noun)
    if cut:
        noun = noun[: cut.start()]
    return noun[:4]


def key_figures(text: str) -> list[str]:
    """Counts and named figures worth repeating in minutes (113个社区, 618工程)."""
    found: list[tuple[int, str]] = []
    for m in _COUNT_RE.finditer(text):
        noun = _figure_noun(m.group(2))
        if len(noun) >= 2 and not m.group(1).startswith(("一", "两")):
            found.append((m.start(), m.group(1) + noun))
    for m in _PROJECT_RE.finditer(text):
        found.append((m.start(), m.group(1) + m.group(2)))
    for m in _SLOGAN_RE.finditer(text):
        inner = m.group(1)
        if _HAS_NUMERAL_RE.search(inner) and not _PROJECT_RE.fullmatch(inner) and not _NOT_FIGURE_RE.search(inner):
            found.append((m.start(), inner))
    for m in _AMOUNT_RE.finditer(text):
        found.append((m.start(), m.group(0)))
    figures: list[str] = []
    for _, figure in sorted(found):
        if figure not in figures:
            figures.append(figure)
    return figures
