"""状态's 立即核对 beside the requests: `dangan check` re-hashes every original, minutes on a large archive,
and the page's plain form post showed nothing until it ended (a proxy may give up first). Here it runs
in a thread of the server, one per workspace; the page shows the documents checked against the total
and, when it ends, the result it keeps in logs/last_check.json, as before."""
from __future__ import annotations

import logging
from typing import Any

from dangan.web.background import Run, Runs
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

_RUNS: Runs[Run] = Runs("dangan-web-check")


def state(ws: Workspace) -> dict[str, Any] | None:
    return _RUNS.state(ws)


def start(ws: Workspace, total: int) -> bool:
    """Start a check unless one is running (False then)."""
    return _RUNS.start(ws, Run(total), _work)


def last_check(ws: Workspace) -> dict[str, Any] | None:
    from dangan.ops.check import last_check as kept

    return kept(ws)


def _work(ws: Workspace, run: Run) -> None:
    from dangan.ops.check import check, keep_result

    try:
        keep_result(ws, check(ws, on_step=run.step))
    except Exception as exc:  # noqa: BLE001 - the page says it stopped; the log has why
        log.exception("the desk's check failed")
        run.error = f"核对中断（{type(exc).__name__}）；可再次开始。"
