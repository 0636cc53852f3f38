"""重建索引 from the desk: after an upgrade that changes the index's structure every search, 状态 and
会议纪要 page said 索引目录由 whoosh（索引结构 3）建立，而当前需要…（索引结构 4） with nothing a clerk could do
(the hint, `dangan reindex`, is a command line). The rebuild (`maintain.reindex`: from the catalog, the
originals and 著录 untouched) runs in a thread of the server, one per workspace, its documents written
against the total shown on the page that asked for it."""
from __future__ import annotations

import logging
from typing import Any

from dangan.errors import DanganError
from dangan.web.background import Run, Runs
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


_RUNS: Runs[Run] = Runs("dangan-web-reindex")


def state(ws: Workspace) -> dict[str, Any] | None:
    return _RUNS.state(ws)


def start(ws: Workspace) -> bool:
    """Start the rebuild unless one is running (False then)."""
    from dangan.archive.catalog import Catalog

    with Catalog(ws.catalog_path) as catalog:
        total = len(catalog.ids())
    return _RUNS.start(ws, Run(total), _work)


def _work(ws: Workspace, run: Run) -> None:
    from dangan.index.maintain import reindex

    try:
        reindex(ws, on_doc=run.step)
    except DanganError as exc:
        run.error = exc.message
    except Exception as exc:  # noqa: BLE001 - the page says it stopped; the log has why
        log.exception("the desk's reindex failed")
        run.error = f"重建索引中断（{type(exc).__name__}）；原件和著录未受影响，可再次开始。"
