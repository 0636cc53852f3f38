"""重建索引 from the desk: after an upgrade that changes the index's structure every search, 状态 and
会议纪要 page said 索引目录由 whoosh（索引结构 3）建立，而当前需要…（索引结构 4） with nothing a clerk could do
(the hint, `dangan reindex`, is a command line). The rebuild (`maintain.reindex`: from the catalog, the
originals and 著录 untouched) runs in a thread of the server, one per workspace, its documents written
against the total shown on the page that asked for it."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dangan.errors import DanganError
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass
class IndexRun:
    total: int
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    ended: float | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"running": self.ended is None, "total": self.total, "done": self.done, "error": self.error,
                "seconds": round((self.ended or time.monotonic()) - self.started)}


_RUNS: dict[Path, IndexRun] = {}
_LOCK = threading.Lock()


def state(ws: Workspace) -> dict[str, Any] | None:
    with _LOCK:
        run = _RUNS.get(ws.home)
    return run.to_dict() if run else None


def start(ws: Workspace) -> bool:
    """Start the rebuild unless one is running (False then)."""
    from dangan.archive.catalog import Catalog

    with Catalog(ws.catalog_path) as catalog:
        total = len(catalog.ids())
    with _LOCK:
        current = _RUNS.get(ws.home)
        if current is not None and current.ended is None:
            return False
        run = _RUNS[ws.home] = IndexRun(total)
    threading.Thread(target=_work, args=(ws, run), name="dangan-web-reindex", daemon=True).start()
    return True


def _work(ws: Workspace, run: IndexRun) -> None:
    from dangan.index.maintain import reindex

    try:
        reindex(ws, on_doc=lambda: _step(run))
    except DanganError as exc:
        run.error = exc.message
    except Exception as exc:  # noqa: BLE001 - the page says it stopped; the log has why
        log.exception("the desk's reindex failed")
        run.error = f"重建索引中断（{type(exc).__name__}）；原件和著录未受影响，可再次开始。"
    finally:
        run.ended = time.monotonic()


def _step(run: IndexRun) -> None:
    run.done += 1
