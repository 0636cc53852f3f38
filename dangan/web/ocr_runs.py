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
from dataclasses import dataclass, field
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.errors import DanganError
from dangan.web.background import Run, Runs
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass
class OcrRun(Run):
    """total: pages to read, as each batch starts; done: pages read."""
    documents: list[int] = field(default_factory=list)   # ids taken, in order
    read: int = 0           # documents read
    failed: list[str] = field(default_factory=list)       # the documents OCR could not read, with why

    def add(self, pages: int) -> None:
        self.total += pages

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "documents": list(self.documents), "read": self.read,
                "failed": list(self.failed)}


_RUNS: Runs[OcrRun] = Runs("dangan-web-ocr")


def state(ws: Workspace) -> dict[str, Any] | None:
    """The workspace's latest run in this server (running or ended), or None."""
    return _RUNS.state(ws)


def start(ws: Workspace) -> bool:
    """Start reading the flagged documents unless a run is already going (it takes new ones before it
    ends); False when OCR is switched off in dangan.toml or `dangan watch` reads them."""
    from dangan.web import watcher

    if not ws.settings.ocr_enabled or watcher.state(ws)["running"]:
        return False
    _RUNS.start(ws, OcrRun(), _work)   # False when one is going: it takes the new scans before it ends
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
                outcomes = ocr_documents(ws, ids, pool=pool, on_start=run.add, on_page=run.step)
                run.read += sum(1 for o in outcomes if not o.error)
                run.failed += [f"编号 {o.document_id}：{o.error}" for o in outcomes if o.error]
    except DanganError as exc:
        run.error = f"{exc.message}。{exc.hint}" if exc.hint else exc.message
    except Exception as exc:  # noqa: BLE001 - the page says it stopped; the log has why
        log.exception("OCR on the web desk failed")
        run.error = f"文字识别中断（{type(exc).__name__}），已识别的页已保存；可在状态页再次开始。"
