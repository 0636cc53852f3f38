"""What `dangan tasks add` says: the tasks issued (or, with --dry-run, to be issued), and what got none."""
from __future__ import annotations

from datetime import date
from typing import Any

from dangan.cli import render
from dangan.compose.gap_tasks import IssuedTasks
from dangan.text.dates import parse_date


def _row(task: Any, task_id: int | None, state: str) -> dict[str, Any]:
    return {"id": task_id, "text": task.text, "owners": list(task.owners), "lead": list(task.lead),
            "deadline": task.deadline.isoformat() if task.deadline else None, "content": task.content or None,
            "requirements": list(task.requirements), "state": state, "status": "open", "frequency": None}


def print_issued(issued: IssuedTasks, typed: str | None, due: date | None, today: date, *,
                 dry_run: bool, as_json: bool) -> None:
    ids = [*issued.added, *issued.kept] if not dry_run else [None] * len(issued.tasks)
    states = ["draft"] * len(issued.tasks) if dry_run else (["added"] * len(issued.added) + ["kept"] * len(issued.kept))
    rows = [_row(t, i, s) for t, i, s in zip(issued.tasks, ids, states, strict=True)]
    if as_json:
        render.print_json({"dry_run": dry_run, "added": len(issued.added), "kept": len(issued.kept),
                           "deadline": due.isoformat() if due else None, "tasks": rows,
                           "unowned": [{"content": c, "requirement": n} for c, n in issued.unowned]})
        return
    shown = [dict(r, id=r["id"] if r["id"] is not None else "—") for r in rows]
    if shown:
        render.task_table(shown)
    if typed and due and parse_date(typed.strip()) is None:
        render.out.print(f"完成时限“{render.escape(typed.strip())}”从今天 {today.isoformat()} 算起为 {due.isoformat()}。")
    new = issued.tasks if dry_run else issued.tasks[:len(issued.added)]
    units = len({o for t in new for o in t.owners})
    kept = (f"{len(issued.kept)} 项各单位已有未完成的同项任务（编号 {'、'.join(map(str, issued.kept))}），未重复下发"
            if issued.kept else "")
    if dry_run and issued.tasks:
        render.out.print(f"将下发 {len(issued.tasks)} 项任务给 {units} 个责任单位（--dry-run：未写入督办台账）。")
    elif issued.added:
        render.out.print(f"已下发 {len(issued.added)} 项任务给 {units} 个责任单位" + (f"；{kept}。" if kept else "。"))
    elif kept:
        render.out.print(f"没有新下发的任务：{kept}。")
    else:
        # also for --dry-run, which said 将下发 0 项任务给 0 个责任单位 with no word of why
        render.out.print("没有要下发的任务：所选测评内容的申报要求都已有材料，或都未录责任单位。")
    if issued.unowned:
        codes = list(dict.fromkeys(c for c, _ in issued.unowned))
        listed = "、".join(codes[:8]) + ("等" if len(codes) > 8 else "")
        render.out.print(f"另有 {len(issued.unowned)} 条申报要求未录责任单位（{listed}），未下发；"
                         f"可用 --item 代码 --owner 单位 指定。")
