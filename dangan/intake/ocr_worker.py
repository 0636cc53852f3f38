"""OCR beside the watcher: a thread that reads flagged scans and photos as they arrive.

The watcher keeps taking text files while a 50-page scan is read here. The
engine is loaded once, in one worker process the thread feeds: a watcher told
to stop ends that process at once instead of waiting seconds for the page
under way (an engine thread inside the watcher's own process could be neither
interrupted nor left behind: C++ aborts the exit). Each document takes the
writer lock only while its results are written.
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ProcessPoolExecutor

from dangan.archive.catalog import Catalog
from dangan.errors import MissingDependency
from dangan.intake.ocr_stage import new_pool, ocr_documents, pending_ids
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


class OcrWorker(threading.Thread):
    def __init__(self, ws: Workspace, stopping: threading.Event, interval: float = 2.0):
        super().__init__(name="dangan-ocr", daemon=True)
        self.ws, self.stopping, self.interval = ws, stopping, interval
        self.failed: set[int] = set()   # not retried in this run; `dangan ocr` can try again
        self.read = 0
        self.unavailable = False   # no OCR engine on this Python: the scans stay flagged
        self.current: int | None = None   # the document being read
        self.hold = threading.Lock()      # held while OCR results are written (ocr_documents)
        self.pool: ProcessPoolExecutor | None = None   # the engine's process, made at the first scan

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                for doc_id in self.pending():
                    if self.stopping.is_set() or self.unavailable:
                        return
                    self.read_one(doc_id)
                self.stopping.wait(self.interval)
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=False, cancel_futures=True)

    def pending(self) -> list[int]:
        try:
            with Catalog(self.ws.catalog_path) as catalog:
                return [i for i in pending_ids(catalog) if i not in self.failed]
        except Exception:
            log.exception("文字识别队列读取失败")
            return []

    def read_one(self, doc_id: int) -> None:
        self.current = doc_id
        try:
            self._read_one(doc_id)
        finally:
            self.current = None

    def _read_one(self, doc_id: int) -> None:
        try:
            if self.pool is None:
                self.pool = new_pool(1, self.ws.settings.ocr_engine)
            outcomes = ocr_documents(self.ws, [doc_id], workers=1, stop=self.stopping.is_set,
                                     hold=self.hold, pool=self.pool)
        except MissingDependency as error:   # no engine on this Python: say so once, stop reading
            log.warning("%s：%s", error.message, error.hint)
            self.unavailable = True
            return
        except Exception:  # a broken scan must not stop the thread
            log.exception("文字识别失败：文件 %d", doc_id)
            self.failed.add(doc_id)
            return
        if not outcomes:   # stopped between pages: the pages read are kept, the rest next time
            return
        outcome = outcomes[0]
        if outcome.error:   # logged, named, by the OCR stage
            self.failed.add(doc_id)
            return
        self.read += 1
        log.info("文字识别完成：文件 %d，%d 页，%d 字", doc_id, outcome.pages, outcome.chars)


def stop_worker(worker: OcrWorker, stopping: threading.Event) -> None:
    """Stop promptly: a write under way is finished, none starts after (ocr_documents looks at
    `stopping` inside `hold`); a page still being read is dropped with the engine's process,
    so quitting does not wait for the engine (seconds a page) — the scan stays flagged, its
    pages read so far saved, and the next run reads the rest."""
    stopping.set()
    with worker.hold:
        pass
    pool = worker.pool
    if pool is not None:   # the page under way is dropped with its process
        for process in list((getattr(pool, "_processes", None) or {}).values()):   # no public kill before 3.14
            process.kill()
    worker.join(timeout=JOIN_WAIT)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


JOIN_WAIT = 10.0   # seconds: the thread sees the stop (or its killed process) at once


def drain(ws: Workspace) -> int:
    """`watch --once`: read whatever is flagged before exiting; returns how many documents."""
    return len(ocr_documents(ws))
