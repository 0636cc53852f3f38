"""Who owns a task: lead units (牵头) and supporting units (配合), normalised.

Owners are read from every form a speech or a report uses:

- a bracketed row note: （牵头单位：住建厅；责任单位：各盟市）, （责任单位：X）;
- 由X牵头，Y配合 / 由X负责 / X牵头，Y参与 / X负责;
- the subject before the modal: 各街道要…, 县级领导、街道领导要…;
- a collective named as actor: 各部门、各单位积极配合.

Every name goes through the unit list (`UnitList.normalise`); a name not on
the list is kept as written when it reads like a unit (…厅, …局, 各X).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dangan.compose.minutes.leaders import find_leaders, is_leader
from dangan.compose.minutes.task_rules import on
from dangan.read.understand.units import UnitList

__all__ = ["Owners", "find_owners", "subject_units", "unit_names", "units_end"]

_CJK = "\u4e00-\u9fff"
_UNIT_SUFFIX = (
    r"(?:部门|单位|街道|社区|乡镇|镇|乡|村|委员会|委|办公室|办|局|部|厅|处|科|室|组|中心|站|所|队|院|"
    r"公司|政府|领导|机关|党组|支部|协会|联|会|指挥部|分局|支队|大队|法院|检察院|集团|银行)"
)
_UNIT_LIKE_RE = re.compile(rf"^(?:各[{_CJK}]{{1,14}}|[{_CJK}（）()]{{1,16}}{_UNIT_SUFFIX})$")
# `bracket_unit` (round 8, validation_r2 and validation_r7): a level word with its alternatives in brackets
# (各镇（街）, 各县（区）, 乡（镇、街道）) names one collective; the 、 inside the brackets splits nothing.
_BRACKET_UNIT_RE = re.compile(rf"^各?[{_CJK}]{{1,8}}[（(][{_CJK}、]{{1,12}}[）)]$")
_NOTE_RE = re.compile(
    r"[（(](?P<body>(?:牵头单位|责任单位|牵头部门|责任部门|配合单位|参与单位|协办单位|主办单位)[：:][^（()）]{1,120})[）)]"
)
_NOTE_FIELD_RE = re.compile(r"(牵头单位|责任单位|牵头部门|责任部门|配合单位|参与单位|协办单位|主办单位)[：:]([^；;：:]+)")
_LEAD_RE = re.compile(rf"由([{_CJK}、，,和及]{{2,40}}?)(?:牵头|负责|主抓|统筹|组织实施)")
# `duty_verb` (owners18, a clerk's speech forms and the corpus's 镇党群中心具体负责…, 省级政府对…负总责): a manner
# word between the unit and its duty (区文明办具体负责, 由区住建局全面负责), the duty doubled (牵头负责) or
# taken whole (负总责) still names who answers for the work.
_DUTY_VERB = r"(?:具体|全面|直接|统一|共同|亲自)?(?:牵头负责|牵头|负总责|负责)"
_LEAD_DUTY_RE = re.compile(rf"由([{_CJK}、，,和及]{{2,40}}?){_DUTY_VERB}")
_SUPPORT_RE = re.compile(rf"(?:^|(?<=[，,；;]))([{_CJK}、和及]{{2,40}}?)(?:积极|全力|密切|共同|主动|要|等)?(?:配合|参与|协助|协同)")
_RESPONSIBLE_RE = re.compile(rf"(?:^|(?<=[，,；;：:]))(?!由)([{_CJK}、和及]{{2,30}}?)(?:牵头|负责)(?![人同])")
_RESPONSIBLE_DUTY_RE = re.compile(rf"(?:^|(?<=[，,；;：:]))(?!由)([{_CJK}、和及]{{2,30}}?){_DUTY_VERB}(?![人同])")
_EACH_RE = re.compile(
    r"各(?:相关|有关)?(?:职能)?(?:部门|单位|街道|社区|乡镇|镇|级领导|挂点单位|成员单位|县区|区县|责任单位|盟市|地市|市州|县市区)(?![干的人])"
)
_RECIPIENT_BEFORE = frozenset("向对给与同到在和报送交")
_SUBJECT_TRIM_RE = re.compile(r"(?:也|都|均|还|更|再|一定|同时|必须|务必|进一步|的)+$")
_SUBJECT_LEAD_RE = re.compile(r"^(?:近期|下一步|今后|同时|从今天开始|自即日起|我区|全区|本区|全市|我市)+")
# An item word of a run the outline left in one paragraph (…三点要求：一是请办公室尽快整理成文；二是请教研室…)
# and the 请 of a request are no part of the unit asked: text handling, as list marks are (list_marks.py).
_ITEM_REQUEST_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、]?|首先|其次|再次|最后)?请?")
# `subject_trim` (round 3): a time word before the units (下一阶段各街道), 既/又 or a time after them
# (各责任单位既要, 各办事处、环卫部门从即日起每天要), 等单位 closing a list; a named unit after
# 各X in the list (各街道、乾西乡) keeps its name (only a bare level word, 各街道、镇, takes 各).
_SUBJECT_LEAD_MORE_RE = re.compile(r"^(?:下一阶段|下阶段|现阶段|当前|目前)")
_SUBJECT_TRIM_MORE_RE = re.compile(r"(?:等(?:单位|部门)|既|又|[从自]即日起|从今天起|每天|每日|每周)+$")
_SPLIT_RE = re.compile(r"[、，,和及与]")
_SUFFIXED_RE = re.compile(rf"^[{_CJK}（）()]{{1,16}}{_UNIT_SUFFIX}$")
_OBJECT_AFTER_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:对|把|将)[^，,；;]*$")


@dataclass(frozen=True, slots=True)
class Owners:
    lead: tuple[str, ...]
    support: tuple[str, ...]
    leaders: tuple[str, ...] = ()   # 责任领导: people named by role or name (leaders.py), never units

    @property
    def all(self) -> tuple[str, ...]:
        return self.lead + tuple(u for u in self.support if u not in self.lead)

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.leaders)


def _norm(name: str, units: UnitList | None) -> str | None:
    name = name.strip(" ，,、：:；;")
    # 各街道党工委书记 is a leader (责任领导), not a unit; nor is a clause that names one (…书记是第一责任人)
    if not name or is_leader(name) or "责任人" in name:
        return None
    if units is not None:
        found = units.normalise(name)
        if found:
            return found
    if _UNIT_LIKE_RE.match(name) or (on("bracket_unit") and _BRACKET_UNIT_RE.match(name)):
        return name
    return None


def _split(raw: str) -> list[str]:
    """The names of a list (各街道、镇; 各镇（街）、各主责部门); with `bracket_unit`, a separator inside brackets
    (乡（镇、街道）) splits nothing."""
    if not on("bracket_unit"):
        return [p for p in _SPLIT_RE.split(raw) if p]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(raw):
        depth += ch in "（("
        depth -= ch in "）)" and depth > 0
        if depth == 0 and _SPLIT_RE.match(ch):
            parts.append(raw[start:i])
            start = i + 1
    parts.append(raw[start:])
    return [p for p in parts if p]


def _names(raw: str, units: UnitList | None, *, loose: bool = False) -> list[str]:
    """Unit names in a list such as 各街道、镇 or 农牧厅、林草局、人社厅."""
    raw = _SUBJECT_TRIM_RE.sub("", _SUBJECT_LEAD_RE.sub("", _ITEM_REQUEST_RE.sub("", raw.strip(" ，,：:"))))
    if on("subject_trim"):  # 下一阶段各街道, 各责任单位既要, 区创建办、城管局等单位要
        raw = _SUBJECT_TRIM_MORE_RE.sub("", _SUBJECT_LEAD_MORE_RE.sub("", raw))
    parts = _split(raw)
    if not parts:
        return []
    each = parts[0].startswith("各")
    # `level_collective` (round 5, validation_r1 and validation_r5): 各级 is every level of what follows, no
    # unit of its own: 各级各部门 stays one owner, 各级党委和政府 reads 各级党委, 各级政府
    level = on("level_collective") and parts[0].startswith("各级")
    out: list[str] = []
    for part in parts:
        if each and not part.startswith("各") and len(part) <= (2 if on("subject_trim") else 3):
            part = ("各级" if level else "各") + part  # 各街道、镇 -> 各街道, 各镇
        # 各单位各部门的领导 -> 各单位、各部门领导 reads as two collectives' leaders
        glued = re.fullmatch(r"(各[^各]{1,6})(各[^各]{1,6}?)的?(领导)?", part)
        if glued and not (level and glued.group(1) == "各级"):
            found = [_norm(glued.group(1), units), _norm(glued.group(2), units)]
            if all(found):
                out.extend(f for f in found if f)
                continue
        name = _norm(part, units)
        if name:
            out.append(name)
        elif not loose:
            return []  # a subject counts only when all of it reads as units
    return out


def _notes(sentence: str, units: UnitList | None) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    support: list[str] = []
    for m in _NOTE_RE.finditer(sentence):
        for field, value in _NOTE_FIELD_RE.findall(m.group("body")):
            names = _names(value, units, loose=True)
            (lead if field in ("牵头单位", "牵头部门", "主办单位") else support).extend(names)
            if field in ("责任单位", "责任部门") and not any(
                f in m.group("body") for f in ("牵头单位", "牵头部门")
            ):
                lead.extend(names)
                del support[len(support) - len(names):]
    return lead, support


_NAME = rf"(?:各(?:相关|有关)?[{_CJK}]{{0,8}}?|[{_CJK}]{{1,10}}?){_UNIT_SUFFIX}"
_ACTORS_AT_START_RE = re.compile(rf"^{_NAME}(?:[、和及与]{_NAME})*")


def unit_names(text: str, units: UnitList | None) -> list[str]:
    """The units that open `text` (区创城办和督导组立即…, 各街道、乾西乡、相关职能部门高度重视…), or []."""
    m = _ACTORS_AT_START_RE.match(text)
    return _names(m.group(0), units) if m else []


def units_end(text: str, units: UnitList | None) -> int:
    """Where the units that open `text` end (0 when none do)."""
    m = _ACTORS_AT_START_RE.match(text)
    return m.end() if m and _names(m.group(0), units) else 0


def subject_units(head: str, units: UnitList | None) -> list[str]:
    """Units that are the whole subject of the clause before a modal."""
    clauses = re.split(r"[，,；;：:]", head)
    subject = clauses[-1]
    if not subject.strip() and len(clauses) >= 2:
        subject = clauses[-2]
    if len(subject) > 36 or subject.startswith(("对", "在", "把", "将", "通过", "如果", "按照", "根据")):
        return []
    if on("every_actor"):
        subject = _OBJECT_AFTER_RE.sub("", subject)  # 各有关单位对创卫工作要… -> 各有关单位
    return _names(subject, units)


def find_owners(sentence: str, units: UnitList | None = None, modal_at: int | None = None,
                later_modals: tuple[int, ...] = ()) -> Owners:
    """Lead and supporting units of one sentence; `modal_at` is where its first modal stands,
    `later_modals` where the others do (each clause's own subject: X要…，Y要…)."""
    lead, support = _notes(sentence, units)
    body = _NOTE_RE.sub("", sentence)
    for m in (_LEAD_DUTY_RE if on("duty_verb") else _LEAD_RE).finditer(body):
        lead.extend(_names(m.group(1), units, loose=True))
    for m in _SUPPORT_RE.finditer(body):
        support.extend(_names(m.group(1), units))
    if not lead:
        for m in (_RESPONSIBLE_DUTY_RE if on("duty_verb") else _RESPONSIBLE_RE).finditer(body):
            lead.extend(_names(m.group(1), units))
    if not lead and modal_at is not None:
        lead.extend(subject_units(body[:modal_at], units))
        if on("every_actor") and body == sentence:
            for at in later_modals:
                lead.extend(n for n in subject_units(body[:at], units) if _SUFFIXED_RE.match(n))
    if not lead and not support:
        for m in _EACH_RE.finditer(body):
            before = body[m.start() - 1: m.start()]
            if m.start() == 0 or before not in _RECIPIENT_BEFORE:
                name = _norm(m.group(0), units)
                if name:
                    lead.append(name)
    lead = list(dict.fromkeys(lead))
    support = [s for s in dict.fromkeys(support) if s not in lead]
    return Owners(tuple(lead), tuple(support), find_leaders(body))
