"""Scans and photos that arrive through the desk are read by OCR beside the requests.

`dangan ingest` reads a folder's scans right after archiving them and `dangan watch` reads
the inbox's; an upload was archived and flagged, and the page said 正在等待 OCR 识别 while
nothing would read it until someone typed `dangan ocr --pending` on the server. Here an
upload that flags a scan (or the 状态 page's button) starts one run per workspace in a
thread of the server: it reads every flagged document, one OCR worker process (the desk
keeps serving on the other core), and looks again for scans that arrived meanwhile before
it ends. The 状态 page and a scan's own page show its pages read against the total. When
`dangan watch` runs on the workspace it reads the scans itself and no run is started here.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.errors import DanganError
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass
class OcrRun:
    started: float = field(default_factory=time.monotonic)
    documents: list[int] = field(default_factory=list)   # ids taken, in order
    total: int = 0          # pages to read, as each batch starts
    done: int = 0           # pages read
    read: int = 0           # documents read
    failed: list[str] = field(default_factory=list)       # the documents OCR could not read, with why
    error: str | None = None   # why the run could not read at all (no OCR engine …)
    ended: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"running": self.ended is None, "documents": list(self.documents), "total": self.total,
                "done": self.done, "read": self.read, "failed": list(self.failed), "error": self.error,
                "seconds": round((self.ended or time.monotonic()) - self.started)}


_RUNS: dict[Path, OcrRun] = {}
_LOCK = threading.Lock()


def state(ws: Workspace) -> dict[str, Any] | None:
    """The workspace's latest run in this server (running or ended), or None."""
    with _LOCK:
        run = _RUNS.get(ws.home)
    return run.to_dict() if run else None


def start(ws: Workspace) -> bool:
    """Start reading the flagged documents unless a run is already going (it takes new ones before it
    ends); False when OCR is switched off in dangan.toml or `dangan watch` reads them."""
    from dangan.web import watcher

    if not ws.settings.ocr_enabled or watcher.state(ws)["running"]:
        return False
    with _LOCK:
        current = _RUNS.get(ws.home)
        if current is not None and current.ended is None:
            return True
        run = _RUNS[ws.home] = OcrRun()
    threading.Thread(target=_work, args=(ws, run), name="dangan-web-ocr", daemon=True).start()
    return True


def _work(ws: Workspace, run: OcrRun) -> None:
    from dangan.intake.ocr_stage import new_pool, ocr_documents, pending_ids

    tried: set[int] = set()
    try:
        with new_pool(1, ws.settings.ocr_engine) as pool:
            while True:
                with Catalog(ws.catalog_path) as catalog:
                    ids = [doc_id for doc_id in pending_ids(catalog) if doc_id not in tried]
                if not ids:
                    break
                tried.update(ids)
                run.documents += ids
                outcomes = ocr_documents(ws, ids, pool=pool, on_start=lambda pages: _add(run, pages),
                                         on_page=lambda: _page(run))
                run.read += sum(1 for o in outcomes if not o.error)
                run.failed += [f"编号 {o.document_id}：{o.error}" for o in outcomes if o.error]
    except DanganError as exc:
        run.error = f"{exc.message}。{exc.hint}" if exc.hint else exc.message
    except Exception as exc:  # noqa: BLE001 - the page says it stopped; the log has why
        log.exception("OCR on the web desk failed")
        run.error = f"文字识别中断（{type(exc).__name__}），已识别的页已保存；可在状态页再次开始。"
    finally:
        run.ended = time.monotonic()


def _add(run: OcrRun, pages: int) -> None:
    run.total += pages


def _page(run: OcrRun) -> None:
    run.done += 1
