"""Directives in a speech become tasks for the 督办台账; key figures are kept.

A directive is a sentence with a modal (要, 必须, 务必, 确保 …) or an
urging adverb (迅速, 抓紧, 进一步, 切实, 全力 …) that does not merely report
what was done (…了, 刚才, 已经). Its owners come from the caller's list of
units and from the sentence itself: 由X牵头, X负责, the subject before the
modal (各相关职能部门要…), and every 各X (各街道, 各社区). Its deadline is
resolved against the meeting date by `dates.resolve_deadline`.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dangan.compose.minutes.speech_outline import OutlineNode, iter_nodes, parse_outline
from dangan.text.cjk import CJK

__all__ = ["Task", "extract_tasks", "find_owners", "is_directive", "key_figures", "split_sentences"]

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
# Phrases naming when something starts, never when it is due (从今天开始, 自即日起).
_START_RE = re.compile(r"(?:从|自)[^，,。；;]{1,12}?(?:开始|起)|今年以来|以来")
_LEAD_IN_RE = re.compile(r"^(?:同时|另外|此外|但是|因此|所以|总之|其中)[，,]")

_UNIT_SUFFIX = (
    r"(?:部门|单位|街道|社区|乡镇|镇|乡|村|委员会|委|办公室|办|局|部|厅|处|科|室|组|中心|站|所|队|院|"
    r"公司|政府|领导|机关|党组|支部|协会)"
)
_UNIT_LIKE_RE = re.compile(rf"^(?:各[{_CJK}]{{1,14}}|[{_CJK}]{{1,14}}{_UNIT_SUFFIX})$")
_LEAD_RE = re.compile(rf"由([{_CJK}、]{{2,24}}?)(?:牵头|负责|主抓|统筹)")
_RESPONSIBLE_RE = re.compile(rf"(?:^|(?<=[，,；：]))(?!由)([{_CJK}、]{{2,24}}?)(?:牵头|负责)(?!人)")
_EACH_RE = re.compile(
    r"各(?:相关|有关)?(?:职能)?(?:部门|单位|街道|社区|乡镇|镇|级领导|挂点单位|成员单位|县区|区县|责任单位)(?![干的人])"
)
_EACH_RECIPIENT_BEFORE = frozenset("向对给到在")
_SUBJECT_TRIM_RE = re.compile(r"(?:也|都|均|还|更|再|一定|同时|必须|务必|进一步)+$")
_SUBJECT_LEAD_RE = re.compile(r"^(?:近期|下一步|今后|同时|从今天开始|我区|全区|全市)+")
_RECIPIENT_BEFORE = frozenset("向对给与同到在和及报送交")

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


@dataclass(frozen=True, slots=True)
class Task:
    """One task for the ledger: what, who, by when, and where it was said."""

    text: str
    owners: tuple[str, ...]
    deadline: date | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "owners": list(self.owners),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "source": self.source,
        }


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


def is_directive(sentence: str) -> bool:
    """Does this sentence ask someone to do something?"""
    if _META_RE.search(sentence):
        return False
    if sentence.rstrip().endswith(("：", ":")):
        return False  # the lead-in to a list: its items are the tasks
    if _modal_positions(sentence) or _TARGET_RE.search(sentence):
        return True
    urging = _URGING_RE.search(sentence)
    if urging is None or _REPORTED_RE.search(sentence):
        return False
    # "第二大战役是…，全力推进…" describes; it does not direct.
    return "是" not in sentence[: urging.start()]


def _clean_subject(raw: str) -> list[str]:
    subject = _SUBJECT_TRIM_RE.sub("", _SUBJECT_LEAD_RE.sub("", raw.strip(" ，,：:")))
    parts = [p for p in re.split(r"[、和及与]", subject) if p]
    if not parts:
        return []
    each = parts[0].startswith("各")
    owners = []
    for part in parts:
        if each and not part.startswith("各") and len(part) <= 3:
            part = "各" + part  # 各街道、镇 -> 各街道, 各镇
        if _UNIT_LIKE_RE.match(part):
            owners.append(part)
    # A subject counts only when all of it reads as units.
    return owners if len(owners) == len(parts) else []


def _subject_owners(sentence: str) -> list[str]:
    positions = _modal_positions(sentence)
    if not positions:
        return []
    head = sentence[: positions[0]]
    clauses = re.split(r"[，,；;：:]", head)
    subject = clauses[-1]
    if not subject.strip() and len(clauses) >= 2:
        subject = clauses[-2]
    if len(subject) > 30 or subject.startswith(("对", "在", "把", "将", "通过", "如果")):
        return []
    return _clean_subject(subject)


def find_owners(sentence: str, units: Sequence[str] = ()) -> tuple[str, ...]:
    """Owner units named in `sentence`, the leading unit first."""
    found: list[str] = []
    for m in _LEAD_RE.finditer(sentence):
        found.extend(_clean_subject(m.group(1)) or [m.group(1)])
    for m in _RESPONSIBLE_RE.finditer(sentence):
        found.extend(_clean_subject(m.group(1)))
    found.extend(_subject_owners(sentence))
    for m in _EACH_RE.finditer(sentence):
        if sentence[m.start() - 1: m.start()] not in _EACH_RECIPIENT_BEFORE or m.start() == 0:
            found.append(m.group(0))
    for unit in units:
        start = sentence.find(unit)
        while start >= 0:
            if sentence[start - 1: start] not in _RECIPIENT_BEFORE or start == 0:
                found.append(unit)
                break
            start = sentence.find(unit, start + 1)
    owners: list[str] = []
    for owner in found:
        if owner not in owners and not any(owner in kept for kept in owners):
            owners.append(owner)
    return tuple(owners)


def _deadline_resolver() -> Callable[[str, date], date | None] | None:
    try:
        from dangan.text.dates import resolve_deadline
    except ImportError:
        log.warning("dates.resolve_deadline 不可用，任务不带完成时限")
        return None
    return resolve_deadline


def _task_text(sentence: str) -> str:
    text = _LEAD_IN_RE.sub("", sentence.strip()).rstrip("；;，,")
    if text and text[-1] not in "。！？":
        text += "。"
    return text


def _node_sentences(node: OutlineNode) -> tuple[list[str], bool]:
    """The node's own sentences, and whether its heading is one of them."""
    heading_in_text = bool(node.heading) and node.text.startswith(node.heading)
    return split_sentences(node.text), heading_in_text


def extract_tasks(
    outline_or_text: Sequence[OutlineNode] | str,
    meeting_date: date | None,
    units: Sequence[str] = (),
) -> list[Task]:
    """Directive sentences as tasks, with owners and resolved deadlines.

    A text is prepared first (Simplified, no pinyin, full-width punctuation);
    an outline is taken as it is. `source` is the path of outline numbers
    (`三、1、`, `二、五是`).
    """
    if isinstance(outline_or_text, str):
        from dangan.compose.minutes.speech_text import prepare_text

        nodes: Sequence[OutlineNode] = parse_outline(prepare_text(outline_or_text))
    else:
        nodes = outline_or_text
    resolve = _deadline_resolver() if meeting_date is not None else None
    tasks: list[Task] = []
    for path, node in iter_nodes(nodes):
        source = "".join(path)
        sentences, heading_in_text = _node_sentences(node)
        directives = [s for s in sentences if is_directive(s)]
        if not directives and not node.children and node.heading and not heading_in_text:
            if is_directive(node.heading):
                directives = [node.heading]
        for sentence in directives:
            due = _START_RE.sub("", sentence)
            deadline = resolve(due, meeting_date) if resolve and meeting_date else None
            tasks.append(Task(_task_text(sentence), find_owners(sentence, units), deadline, source))
    return tasks


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
