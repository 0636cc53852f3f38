"""The items of a list that direct with no modal of their own, added after rounds 7 and 10 on real speeches.

Each cue is a rule of `task_rules.RULES`, credited to the families whose misses it was written from:

- `item_run` (round 7): a later item of a numbered run (二是…, 第三，…) whose lead-in directs or whose item before
  it was a task names work of its own; 请X names X as its actor.
- `work_items` (round 10): an item of a list under a part heading that names the work ahead (二、下一步工作部署,
  二、2022年重点工作, 二、突出抓好重点领域) needs no modal of its own: a line that names work (对老旧建筑进行集中排查…,
  开展“平安交通”执法行动…, 建筑施工：开展高处坠落专项整治) is a task, its short label (建筑施工：) no subject.
"""
from __future__ import annotations

import re

from dangan.compose.minutes.owners import unit_names
from dangan.compose.minutes.task_cues import REPORTED_RE, has_work, strip_talk
from dangan.compose.minutes.task_rules import on
from dangan.read.understand.units import UnitList

__all__ = ["is_item", "item_continues", "item_owners", "work_item", "work_part"]

# `item_run` (round 7, validation_r1 and validation_r6): a later item of a numbered run (二是抓好实地测评项目；,
# 三是对…重点工作…以表格的形式进行梳理。, 二是请教研室和办公室抓紧时间起草…报告；) needs no modal of its own: the
# run's lead-in directs (…必须做好以下三方面工作：一是…；) or the item before it was a task. 二是's 是 is the
# item's mark, not a copula; 请X names X as the item's actor.
_ITEM_RE = re.compile(r"^(?:[二三四五六七八九十]是|第[二三四五六七八九十][，,、])")


def item_continues(sentence: str) -> bool:
    """Is the sentence a later item of a numbered run (二是…, 第三，…) that names work? An item of short
    parallel phrases (三是从严落实责任，提供有力保障。) heads the sentences after it: it is no task itself."""
    if not on("item_run") or REPORTED_RE.search(sentence):
        return False
    m = _ITEM_RE.match(sentence.strip())
    if m is None:
        return False
    rest = sentence.strip()[m.end():]
    phrases = [p for p in re.split(r"[，,；;。！？]", rest) if p.strip()]
    if len(phrases) >= 2 and all(len(p.strip()) <= 6 for p in phrases):
        return False
    return has_work(strip_talk(rest))


# `work_items` (round 10, validation_r6 and validation_r9): a part heading naming the work ahead; an item line's short
# label (燃气安全：) or bullet mark before its words.
_WORK_PART_RE = re.compile(r"下一步|下步工作|重点工作|重点任务|工作部署|工作安排|工作任务|重点领域")
_STRENGTHEN_RE = re.compile(r"加强|强化")
_DONE_RE = re.compile(r"已经?(?:完成|开展|建成|实现|落实|组织|召开|启动|部署|整治|排查)|以来[，,]")
_ITEM_LABEL_RE = re.compile(r"^(?:[-•·]\s*)?(?:[\u4e00-\u9fff]{2,8}[：:])?")


def work_part(headings: tuple[str, ...]) -> bool:
    """Does a part (or a part above it) head the work ahead (二、下一步工作部署, 二、2022年重点工作)?"""
    return on("work_items") and any(_WORK_PART_RE.search(h) for h in headings)


def work_item(sentence: str) -> bool:
    """Is an item line of a work part (对老旧建筑进行集中排查…; 建筑施工：开展高处坠落专项整治) work, with no modal?"""
    if not on("work_items") or REPORTED_RE.search(sentence) or _DONE_RE.search(sentence):
        return False
    rest = _ITEM_LABEL_RE.sub("", sentence.strip(), count=1)
    # 加强/强化 alone name no work (加强与其他部门之间的沟通协作): an item needs the work they strengthen (加强…检查)
    return has_work(_STRENGTHEN_RE.sub("", strip_talk(rest)))


def is_item(sentence: str) -> bool:
    """Does the sentence open with a later item's mark (二是, 第三，)?"""
    return on("item_run") and _ITEM_RE.match(sentence.strip()) is not None


def item_owners(sentence: str, units: UnitList | None) -> tuple[str, ...]:
    """The units an item asks by 请 (二是请教研室和办公室抓紧… → 教研室, 办公室), or ()."""
    m = _ITEM_RE.match(sentence.strip())
    rest = sentence.strip()[m.end():] if m else ""
    return tuple(unit_names(rest[1:], units)) if rest.startswith("请") else ()
