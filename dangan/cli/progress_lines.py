"""Progress as plain lines, for stderr that is not a terminal (a pipe, cron, CI).

The same small API as rich's Progress (add_task, advance, update), so one
command body serves both: a bar on a terminal, a line every few seconds
elsewhere — files, pages, rate and time left — and a last line at the end.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from rich.progress import TaskID

EVERY = 5.0   # seconds between lines


@dataclass
class _Task:
    description: str
    total: int | None
    visible: bool
    started: float
    completed: int = 0
    fields: dict[str, Any] = field(default_factory=dict)
    finished: float | None = None   # when it reached its total
    reported: bool = False          # its last line is out
    shown: int = -1                 # `completed` at its last line


class LineProgress:
    def __init__(self, stream: TextIO | None = None, every: float = EVERY,
                 clock: Callable[[], float] = time.monotonic):
        self.stream, self.every, self.clock = stream, every, clock
        self.tasks: list[_Task] = []
        self.last = clock()

    def add_task(self, description: str, total: int | None = None, visible: bool = True,
                 **fields: Any) -> TaskID:
        self.tasks.append(_Task(description, total, visible, self.clock(), fields=dict(fields)))
        return TaskID(len(self.tasks) - 1)   # rich's task ids, so one body drives either

    def advance(self, task_id: TaskID, advance: float = 1) -> None:
        self.update(task_id, advance=advance)

    def update(self, task_id: TaskID, *, advance: float = 0, visible: bool | None = None,
               total: int | None = None, **fields: Any) -> None:
        task = self.tasks[task_id]
        task.completed += int(advance)
        if total is not None:   # a count known only at the end (the files of a backup) closes the task
            task.total = total
        task.fields.update(fields)
        if task.total and task.completed >= task.total and task.finished is None:
            task.finished = self.clock()
        if visible is not None:
            task.visible = visible
        if self.clock() - self.last >= self.every:
            self.emit()

    def emit(self) -> None:
        self.last = self.clock()
        for task in self.tasks:
            if task.visible and not task.reported and (task.completed or task.total):
                print(line(task, task.finished or self.last), file=self.stream or sys.stderr, flush=True)
                task.reported, task.shown = task.finished is not None, task.completed

    def __enter__(self) -> LineProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if any(t.visible and not t.reported and t.completed != t.shown for t in self.tasks):
            self.emit()


def line(task: _Task, now: float) -> str:
    """`收录：120/3000 件（4%），2310 页，每秒 45.2 页，预计还需 2 分 10 秒`; `文字识别：3 页，每分钟 2.1 页`."""
    elapsed = max(now - task.started, 1e-6)
    unit = task.fields.get("unit", "件")
    if task.total:
        parts = [f"{task.completed}/{task.total} {unit}（{100 * task.completed // task.total}%）"]
    else:
        parts = [f"{task.completed} {unit}"]
    pages = task.fields.get("pages")
    parts.append(rate(pages if pages is not None else task.completed, elapsed,
                      "页" if pages is not None else unit, pages is not None))
    if task.total and task.completed:
        left = (task.total - task.completed) * elapsed / task.completed
        parts.append(f"预计还需 {duration(left)}" if task.completed < task.total
                     else f"完成，用时 {duration(elapsed)}")
    return f"{task.description}：" + "，".join(part for part in parts if part)


def rate(count: float, seconds: float, unit: str, show_count: bool) -> str:
    if not count:      # nothing read (a folder of duplicates): no 每分钟 0.0 页
        return f"0 {unit}" if show_count else ""
    per_second = count / seconds
    speed = f"每秒 {per_second:.1f} {unit}" if per_second >= 1 else f"每分钟 {per_second * 60:.1f} {unit}"
    return f"{count} {unit}，{speed}" if show_count else speed


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} 秒"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} 分 {seconds} 秒"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} 小时 {minutes} 分"
