"""状态's 重新识别 beside the requests: `dangan reread --older` for the office that upgraded dangan. Every
document an older reader read is read again, a chunk at a time under the writer lock (a running watcher
takes its turn); the page shows the documents read against the total and, when it ends, what changed."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from dangan.web.background import Run, Runs
from dangan.workspace import Workspace

log = logging.getLogger(__name__)
FAILED_SHOWN = 10


@dataclass
class RereadRun(Run):
    summary: str | None = None      # 重新识别 250 件：发文机关 补全 12 件、…、未变 230 件。
    failed: list[str] = field(default_factory=list)   # 文件 12《…》：why it kept its values

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "summary": self.summary, "failed": self.failed[:FAILED_SHOWN]}


_RUNS: Runs[RereadRun] = Runs("dangan-web-reread")


def state(ws: Workspace) -> dict[str, Any] | None:
    return _RUNS.state(ws)


def start(ws: Workspace) -> bool:
    """Start reading again unless a run is going (False then)."""
    return _RUNS.start(ws, RereadRun(), _work)


def _work(ws: Workspace, run: RereadRun) -> None:
    from dangan.intake.reread import reread
    from dangan.intake.reread_summary import summary, summary_text

    def started(total: int) -> None:
        run.total = total

    try:
        outcomes = [o.to_dict() for o in reread(ws, older=True, on_start=started, on_document=lambda _: run.step())]
    except Exception as exc:  # noqa: BLE001 - the page says it stopped; the log has why
        log.exception("the desk's reread failed")
        run.error = f"重新识别中断（{type(exc).__name__}）；可再次开始，已识别的文件不再重复。"
        return
    run.summary = summary_text(summary(outcomes))
    run.failed = [f"文件 {o['document_id']}《{o['name']}》：{o['error'] or o['skipped']}"
                  for o in outcomes if o["error"] or o["skipped"]]
    run.failed += [f"文件 {o['document_id']}《{o['name']}》{refused}（已隔离）" for o in outcomes for refused in o["refused"]]
