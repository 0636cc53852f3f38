"""Tasks from the 缺项清单: the units that owe evidence for a 测评内容 get a task in the 督办台账.

The week before an inspection the office turns the gaps into tasks: 区委宣传部 owes Ⅲ-3's 1st and 3rd
requirements, so it gets one task naming both, with the deadline the clerk typed. A task's source is
`缺项清单 Ⅲ-3 第1、3条`, which is how the unit's 报送 page knows which 测评内容 a hand-in for it answers, and
how issuing the same gaps again finds the open task a unit already has instead of adding a second.
A requirement whose 责任单位 the evaluation system does not record goes to no one unless the clerk
names a unit for a chosen 测评内容 (`--owner` with `--item`): tasking every unrecorded requirement
of all 84 测评内容 to one unit is never what a clerk means.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.tasks import GAP_SOURCE, gap_target, list_tasks, parse_owners, save_tasks
from dangan.compose.gaps import gap_report
from dangan.errors import BadQuery
from dangan.read.understand.taxonomy import Taxonomy, did_you_mean
from dangan.workspace import Workspace

__all__ = ["GapTask", "IssuedTasks", "check_owner", "chosen_contents", "draft_gap_tasks", "issue_gap_tasks", "one_task",
           "owed_by_unit", "source_of", "tasks_from_gaps", "unit_gaps"]

UNRECORDED = "（责任单位未录入）"


@dataclass(frozen=True, slots=True)
class GapTask:
    """One unit's task for one 测评内容 (the attributes `save_tasks` stores)."""

    text: str
    owners: tuple[str, ...]
    deadline: date | None
    source: str
    content: str
    requirements: tuple[int, ...]
    lead: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IssuedTasks:
    added: tuple[int, ...] = ()                              # new task ids
    kept: tuple[int, ...] = ()                               # an open task the unit already had for it
    tasks: tuple[GapTask, ...] = ()                          # in the order of the ids above (added, then kept)
    unowned: tuple[tuple[str, int], ...] = field(default=())  # (测评内容, 序号) with no 责任单位: no task


def source_of(code: str, requirements: Sequence[int] = ()) -> str:
    """`缺项清单 Ⅲ-3 第1、3条`: how the ledger records what a task asks evidence for."""
    reqs = f" 第{'、'.join(map(str, requirements))}条" if requirements else ""
    return f"{GAP_SOURCE} {code}{reqs}"


def owed_by_unit(report: dict[str, Any], *, items: Sequence[str] = (), owner: str | None = None
                 ) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """责任单位 → the missing requirements it owes, as (测评内容 row, requirement row) in the report's order;
    requirements without a recorded unit under UNRECORDED, or under `owner` when 测评内容 were chosen."""
    chosen = set(items)
    out: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for content in report["contents"]:
        if chosen and content["code"] not in chosen:
            continue
        for req in content["requirements"]:
            if req["evidence"]:
                continue
            names = list(req["owners"]) or ([owner] if owner and chosen else [UNRECORDED])
            for name in names:
                if owner and name not in (owner, UNRECORDED) and owner not in name:
                    continue
                out.setdefault(name, []).append((content, req))
    return out


def check_owner(report: dict[str, Any], owner: str) -> None:
    """A unit no requirement names (a slip: 宣传布) is said so, not answered 没有尚缺的 as if it owed nothing."""
    named = {o for c in report["contents"] for r in c["requirements"] for o in r["owners"]}
    if not any(owner == o or owner in o for o in named):
        raise BadQuery(f"缺项清单中没有责任单位“{owner}”",
                       hint="各申报要求记录的责任单位有：" + "、".join(sorted(named)[:15])
                            + ("等" if len(named) > 15 else "") + "；不加 --owner 可看全部，"
                            "给某项测评内容未录责任单位的要求指定单位用 --item 代码 --owner 单位。")


def unit_gaps(report: dict[str, Any], *, owner: str | None = None) -> list[dict[str, Any]]:
    """The 缺项清单 by 责任单位, most missing first: each unit's missing requirements (a requirement two units
    owe is under both); those no unit is recorded for last, as the unit 责任单位未录入."""
    if owner:
        check_owner(report, owner)
    owed = owed_by_unit(report, owner=owner)
    rows = [{"unit": "" if unit == UNRECORDED else unit, "name": UNRECORDED.strip("（）") if unit == UNRECORDED else unit,
             "missing": [{"content": c["code"], "name": c["name"], "no": r["no"], "text": r["text"], "kind": r["kind"]}
                         for c, r in pairs]}
            for unit, pairs in owed.items() if not owner or unit != UNRECORDED]
    return sorted(rows, key=lambda row: (not row["unit"], -len(row["missing"]), row["unit"]))


def _text(content: dict[str, Any], reqs: list[dict[str, Any]]) -> str:
    asked = "；".join(f"{r['no']}. {r['text'].rstrip('；;。 ')}" for r in reqs)
    return f"报送 {content['code']} {content['name']} 的佐证材料（网上申报要求 {asked}）"


def draft_gap_tasks(report: dict[str, Any], deadline: date | None, *, items: Sequence[str] = (),
                    owner: str | None = None) -> tuple[list[GapTask], list[tuple[str, int]]]:
    """One task per 测评内容 and set of units owing some of its missing requirements (a requirement two units
    owe together is one task to both, the first leading); and the requirements no unit owes."""
    chosen = set(items)
    tasks: list[GapTask] = []
    unowned: list[tuple[str, int]] = []
    for content in report["contents"]:
        if chosen and content["code"] not in chosen:
            continue
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for req in content["requirements"]:
            if req["evidence"]:
                continue
            names = tuple(req["owners"]) or ((owner,) if owner and chosen else ())
            if not names:
                unowned.append((content["code"], req["no"]))
            elif not owner or any(owner == n or owner in n for n in names):
                groups.setdefault(names, []).append(req)
        for names, reqs in groups.items():
            tasks.append(GapTask(text=_text(content, reqs), owners=names, lead=names[:1], deadline=deadline,
                                 source=source_of(content["code"], [r["no"] for r in reqs]), content=content["code"],
                                 requirements=tuple(r["no"] for r in reqs)))
    return tasks, unowned


def issue_gap_tasks(catalog: Catalog, tasks: Sequence[GapTask],
                    unowned: Sequence[tuple[str, int]] = ()) -> IssuedTasks:
    """Store the tasks; a unit that already has an open task for the same 测评内容 keeps that one."""
    had: dict[tuple[str, tuple[str, ...]], int] = {}
    for row in list_tasks(catalog, open_only=True):
        target = gap_target(row["source"])
        if target is not None:
            had.setdefault((target[0], tuple(row["owners"])), row["id"])
    new = [t for t in tasks if (t.content, t.owners) not in had]
    kept = [t for t in tasks if (t.content, t.owners) in had]
    added = save_tasks(catalog, None, new)
    return IssuedTasks(added=tuple(added), kept=tuple(had[(t.content, t.owners)] for t in kept),
                       tasks=(*new, *kept), unowned=tuple(unowned))


def chosen_contents(taxonomy: Taxonomy, codes: Sequence[str]) -> list[str]:
    """The 测评内容 under each code typed: a 测评内容 itself, or every one of a 指标 (Ⅱ) or 测评项目 (Ⅰ)."""
    out: list[str] = []
    for code in (c.strip() for c in codes):
        under = [c.code for c in taxonomy.contents() if code in (c.code, c.indicator, c.item)]
        if not under:
            raise BadQuery(f"未知的测评内容代码：{code}{did_you_mean(taxonomy, code)}（测评体系 {taxonomy.code}）",
                           hint="用 dangan taxonomy show 查看测评项目和测评内容的代码，或用 --taxonomy 指定体系。")
        out.extend(c for c in under if c not in out)
    return out


def tasks_from_gaps(ws: Workspace, taxonomy: Taxonomy, deadline: date | None, *, items: Sequence[str] = (),
                    owner: str | None = None, dry_run: bool = False) -> IssuedTasks:
    """The 缺项清单 of `taxonomy` as tasks to the units that owe evidence; `dry_run` stores nothing."""
    contents = chosen_contents(taxonomy, items) if items else []
    report = gap_report(ws, taxonomy).to_dict()
    if owner and not contents:     # with 测评内容 chosen, a unit may be given what no unit is recorded for
        check_owner(report, owner)
    tasks, unowned = draft_gap_tasks(report, deadline, items=contents, owner=owner)
    if dry_run:
        return IssuedTasks(tasks=tuple(tasks), unowned=tuple(unowned))
    with Catalog(ws.catalog_path) as catalog:
        return issue_gap_tasks(catalog, tasks, unowned)


def one_task(ws: Workspace, taxonomy: Taxonomy, text: str | None, owner: str | None, items: Sequence[str],
             deadline: date | None, dry_run: bool = False) -> IssuedTasks:
    """A task the clerk words: to one or more units (`区委宣传部、各街道`, the first leads), for at most one
    测评内容 (then the unit's 报送 page puts its hand-ins there)."""
    words = (text or "").strip()
    if not words:
        raise BadQuery("没有写任务内容", hint='例：dangan tasks add "报送志愿服务活动照片" --owner 区文明办 '
                                          "--deadline 周五前；按缺项清单下发用 --from-gaps。")
    owners, lead = parse_owners(owner or "")
    if not owners:
        raise BadQuery("没有写责任单位", hint='用 --owner 写明，如 --owner 区文明办 或 --owner "牵头：区委宣传部；配合：各街道"。')
    contents = chosen_contents(taxonomy, items) if items else []
    if len(contents) > 1:
        raise BadQuery(f"一项任务只能对应一项测评内容，给出的代码含 {len(contents)} 项：{'、'.join(contents[:5])}",
                       hint="按缺项清单给多项测评内容下发任务，用 --from-gaps。")
    code = contents[0] if contents else ""
    task = GapTask(text=words, owners=tuple(owners), lead=tuple(lead), deadline=deadline,
                   source=source_of(code) if code else "", content=code, requirements=())
    if dry_run:
        return IssuedTasks(tasks=(task,))
    with Catalog(ws.catalog_path) as catalog:
        return IssuedTasks(added=tuple(save_tasks(catalog, None, [task])), tasks=(task,))
