"""`dangan watch` quits promptly when told to, even while its OCR thread reads a scan.

The trial saw the watcher linger after 退出: its OCR thread finished the whole scan first (a
five-page vector-outline PDF: 47 s on this machine). Now a stop drops the page under way
with the engine's own process; the pages read are kept and the next run reads the rest.
"""
from __future__ import annotations

import shutil
import time

import pytest
from conftest import SCANNED_PDF
from watch_helpers import doc_count, make_ws, spawn, terminate, wait_until

from dangan.archive.catalog import Catalog
from dangan.intake.ocr_stage import ocr_documents
from dangan.ops.check import stats

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)


def test_a_stop_during_ocr_exits_at_once_and_the_scan_is_read_next_time(tmp_path):
    ws = make_ws(tmp_path)
    proc = spawn(ws.home, tmp_path / "proc")
    err = tmp_path / "proc" / "stderr.txt"
    wait_until(lambda: "开始监视" in err.read_text(encoding="utf-8"), 30, "the watcher started")
    shutil.copyfile(SCANNED_PDF, ws.inbox / "扫描件.pdf")   # five pages without a text layer
    wait_until(lambda: doc_count(ws) == 1, 60, "the scan archived")
    time.sleep(3)   # the OCR thread has its engine process reading the first pages
    assert stats(ws)["needs_ocr"] == 1
    start = time.monotonic()
    assert terminate(proc, timeout=60) == 0
    took = time.monotonic() - start
    said = err.read_text(encoding="utf-8")
    assert "文字识别停止" in said and "terminate called" not in said, said
    assert took < 3.0, (took, said)   # one page alone takes longer than this here
    assert stats(ws)["needs_ocr"] == 1      # not done: flagged still, for the next run
    [outcome] = ocr_documents(ws)
    assert outcome.error is None and outcome.chars > 1000
    with Catalog(ws.catalog_path) as catalog:
        assert not catalog.get(1).needs_ocr
