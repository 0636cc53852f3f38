"""Who answers for a task in person (责任领导), kept apart from the units that own it.

A 督办台账 carries a 责任领导 column beside 牵头单位/配合单位. Speeches name the leader by role
(分管副区长要靠前指挥, 由区委办主任牵头负责, 由治保主任牵头), by surname and role (由张副区长牵头, 王局长要
亲自抓), as the first responsible (各街道党工委书记是第一责任人) and, in a meeting record, by name (由吴芳
负责…, 赵军负责…). A role without a unit (分管副区长) is kept as said; a role is never a unit.
"""
from __future__ import annotations

import re

from dangan.compose.minutes.task_rules import on
from dangan.text.surnames import surname_of

__all__ = ["find_leaders", "is_leader"]

_CJK = "\u4e00-\u9fff"
# A leader's title: the head (or deputy) of a place or an office, the one responsible of a unit. 领导 alone
# (市领导, 各级领导) stays a collective the unit reader reads, as before.
_TITLE = (
    r"(?:第一书记|副书记|(?<!总)书记|常务副[区县市镇乡]长|副?[区县市州镇乡村省]长|副?局长|副?主任|副?部长|副?处长|"
    r"副?科长|副?所长|副?站长|副?队长|副?组长|副?院长|副?校长|副?秘书长|副?指挥长|副?主席|"
    r"主要负责人|主要负责同志|负责人|负责同志|一把手)"
)
_TITLE_END_RE = re.compile(rf"{_TITLE}$")
# A name of a person (吴芳, 李红梅, 欧阳华: text.surnames' shape), read only where a record says who does the work
# (由X负责, X负责…); one ending as a unit or a group does (常委会, 单位, 文明办, 人员) is none.
_NOT_NAME_END = frozenset("人员们等部办局委会位处科室组站所队院司府厅")
_DUTY = r"(?:具体|全面|直接|统一|共同|亲自)?(?:牵头负责|牵头|负总责|负责|主抓|挂帅|领衔|统筹|督办|包保)"
_MODAL = r"(?:(?<![主重需只想])要|必须|务必|(?<![必务])须|应|一定要)"
# 由X牵头/负责: X names who leads.
_BY_RE = re.compile(rf"由([{_CJK}、和及]{{2,30}}?){_DUTY}")
# X要亲自抓 / X要靠前指挥 / X负责…: a clause that opens with the leader.
_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[，,；;：:。]))(?!由)([{_CJK}、和及]{{2,30}}?)(?:{_MODAL}|{_DUTY}(?![人同])|亲自|靠前|带头|带队)")
# X是第一责任人 / X作为…第一责任人
_FIRST_RE = re.compile(rf"(?:^|(?<=[，,；;：:。]))([{_CJK}、和及]{{2,30}}?)(?:是|为|作为)[{_CJK}]{{0,14}}?第一责任人")
_SPLIT_RE = re.compile(r"[、和及]")
_LEAD_WORDS_RE = re.compile(r"^(?:同时|下一步|今后|近期|其中|会议要求|会议明确|会议决定|要求|请)+")


def is_leader(name: str) -> bool:
    """A role that names a person (分管副区长, 各街道党工委书记, 各企事业单位负责人), not a unit."""
    return on("leader_role") and bool(_TITLE_END_RE.search(name)) and not name.endswith(("同志们",))


def _person(name: str) -> bool:
    return on("leader_name") and bool(surname_of(name)) and name[-1] not in _NOT_NAME_END


def _leaders(raw: str, *, names: bool) -> list[str]:
    """The leaders of a list (各乡镇、各单位主要负责人 → each unit's 主要负责人), or [] when any part is not one."""
    raw = _LEAD_WORDS_RE.sub("", raw.strip())
    parts = [p for p in _SPLIT_RE.split(raw) if p]
    if not parts:
        return []
    title = _TITLE_END_RE.search(parts[-1])
    out = []
    if parts[0].startswith(("在", "对", "把", "将", "按照", "根据", "为", "向", "从", "经", "由", "给", "与")):
        return []   # a phrase (在毛主席亲自倡导下), not a subject
    for part in parts:
        if is_leader(part) or (names and _person(part)):
            out.append(part)
        elif title and part is not parts[-1] and part.startswith("各") and len(part) <= 8:
            out.append(part + title.group(0))   # 各乡镇、各单位主要负责人 → 各乡镇主要负责人
        else:
            return []
    return out


def find_leaders(sentence: str) -> tuple[str, ...]:
    """The leaders a sentence names as answering for its work, in the order said."""
    if not (on("leader_role") or on("leader_name")):
        return ()
    found: list[tuple[int, str]] = []
    for pattern, names in ((_BY_RE, True), (_SUBJECT_RE, True), (_FIRST_RE, False)):
        for m in pattern.finditer(sentence):
            # a name in the subject slot counts only before a duty (赵军负责…), not before a modal
            by_name = names and (pattern is _BY_RE or re.match(_DUTY, sentence[m.end(1):]) is not None)
            found.extend((m.start(1), name) for name in _leaders(m.group(1), names=by_name))
    return tuple(dict.fromkeys(name for _, name in sorted(found)))
