"""OCR beside the watcher: a thread that reads flagged scans and photos as they arrive.

The watcher keeps taking text files while a 50-page scan is read here. The
engine is loaded once, in this process; onnxruntime releases the GIL while it
computes, so the watch loop is not held up. Each document takes the writer
lock only while its results are written.
"""
from __future__ import annotations

import logging
import threading

from dangan.archive.catalog import Catalog
from dangan.errors import MissingDependency
from dangan.intake.ocr_stage import ocr_documents, pending_ids
from dangan.workspace import Workspace

log = logging.getLogger(__name__)


class OcrWorker(threading.Thread):
    def __init__(self, ws: Workspace, stopping: threading.Event, interval: float = 2.0):
        super().__init__(name="dangan-ocr", daemon=True)
        self.ws, self.stopping, self.interval = ws, stopping, interval
        self.failed: set[int] = set()   # not retried in this run; `dangan ocr` can try again
        self.read = 0
        self.unavailable = False   # no OCR engine on this Python: the scans stay flagged

    def run(self) -> None:
        while not self.stopping.is_set():
            for doc_id in self.pending():
                if self.stopping.is_set() or self.unavailable:
                    return
                self.read_one(doc_id)
            self.stopping.wait(self.interval)

    def pending(self) -> list[int]:
        try:
            with Catalog(self.ws.catalog_path) as catalog:
                return [i for i in pending_ids(catalog) if i not in self.failed]
        except Exception:
            log.exception("OCR 队列读取失败")
            return []

    def read_one(self, doc_id: int) -> None:
        try:
            outcome = ocr_documents(self.ws, [doc_id], workers=1)[0]
        except MissingDependency as error:   # no engine on this Python: say so once, stop reading
            log.warning("%s：%s", error.message, error.hint)
            self.unavailable = True
            return
        except Exception:  # a broken scan must not stop the thread
            log.exception("OCR 失败：文件 %d", doc_id)
            self.failed.add(doc_id)
            return
        if outcome.error:   # logged, named, by the OCR stage
            self.failed.add(doc_id)
            return
        self.read += 1
        log.info("OCR 完成：文件 %d，%d 页，%d 字", doc_id, outcome.pages, outcome.chars)


def drain(ws: Workspace) -> int:
    """`watch --once`: read whatever is flagged before exiting; returns how many documents."""
    return len(ocr_documents(ws))
