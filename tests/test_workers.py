"""Every extractor runs in a worker held to a time and a memory limit (issue 22, items 10–11).

The hostile files are made here: a 1 MB PDF with ruling lines and a drawn form of
1 GB of white space (pdfminer chews on it for minutes, pypdfium2 needs 2 GB), and
DOCX files whose XML unpacks hundreds of times over. Each is quarantined as
过大/超时 within its limit, the batch goes on, and a SIGTERM still stops the watcher
at once while a worker is busy.
"""
from __future__ import annotations

import os
import shutil
import signal
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import CORPUS, SEED_SPEECH
from fakes import allocate, crash, sleep_for
from pdf_objects import pdf_bytes
from watch_helpers import inbox_files, job_states, make_ws, spawn, wait_started, wait_until, watch_log

from dangan.errors import ExtractionMemory, ExtractionTimeout
from dangan.intake.batch import ingest_paths
from dangan.intake.workers import Cancelled, WorkerPool
from dangan.read.extract.base import Limits
from dangan.workspace import Workspace, open_workspace

BUDGET = CORPUS / "pdf/cn_shanghai_putuo_budgets/putuo_sifaju_2026_dept_budget.pdf"


# -- hostile files ----------------------------------------------------------------------
def whitespace_stream(megabytes: int) -> bytes:
    """A valid zlib stream of `megabytes` MB of spaces, about 1 KB per MB, built in well under a second.

    After a full flush the compressor's state is reset, so every further 1 MB block
    compresses to the same bytes: compress two, repeat the second, close the stream.
    """
    chunk = b" " * 2**20
    compressor = zlib.compressobj(9)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    return first + again * (megabytes - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")


def hostile_pdf(path: Path, form_mb: int = 1024, lines: int = 12) -> Path:
    """One page of ruling lines (a 'table' to the table finder) that draws a huge white-space form."""
    ops = [b"BT /F1 12 Tf 72 720 Td (Hostile form) Tj ET"]
    for i in range(lines):
        ops += [b"72 %d m 540 %d l S" % (100 + 40 * i, 100 + 40 * i),
                b"%d 100 m %d 540 l S" % (72 + 39 * i, 72 + 39 * i)]
    content = b"\n".join([*ops, b"/Fm1 Do"])
    form = whitespace_stream(form_mb)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> /XObject << /Fm1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode /Length %d >>"
        b"\nstream\n%s\nendstream" % (len(form), form),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


def docx_bomb(path: Path, xml_mb: float, dense: bool = False) -> Path:
    """A DOCX whose body is `xml_mb` MB of short paragraphs: one letter each (a ratio bomb), or
    random letters (`dense`: about 4:1, under the ratio check, so only the worker's limits stop it)."""
    import base64
    import os

    if dense:
        paragraph = b"".join(b"<w:p><w:r><w:t>" + base64.b32encode(os.urandom(10)) + b"</w:t></w:r></w:p>"
                             for _ in range(1000))   # 1,000 differ: wider than deflate's 32 KB window
    else:
        paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                    'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
                    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                    '</Types>')
        zf.writestr("_rels/.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
                    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                    'Target="word/document.xml"/></Relationships>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                     b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            block = paragraph * (10 if dense else 10_000)
            for _ in range(int(xml_mb * 2**20) // len(block)):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
    return path


def with_limits(ws: Workspace, **values: float) -> Workspace:
    text = ws.config_file.read_text(encoding="utf-8")
    for key, value in values.items():
        text = "\n".join(f"{key} = {value}" if line.startswith(f"{key} =") else line
                         for line in text.splitlines())
    ws.config_file.write_text(text + "\n", encoding="utf-8")
    return open_workspace(ws.home)


def reason_of(ws: Workspace, name: str) -> str:
    found = list(ws.quarantine.rglob(f"{name}.reason.txt"))
    assert found, f"no reason file for {name}"
    return found[0].read_text(encoding="utf-8")


# -- the pool itself --------------------------------------------------------------------
def test_pool_kills_an_overrun_reports_memory_and_crashes_and_keeps_serving():
    with WorkerPool(2, Limits(seconds=1.0, memory_bytes=600 * 2**20)) as pool:
        slow, hungry, crashed, fine = (pool.submit(sleep_for, 30), pool.submit(allocate, 2048),
                                     pool.submit(crash), pool.submit(sleep_for, 0.01))
        started = time.monotonic()
        with pytest.raises(ExtractionTimeout, match="1 秒"):
            pool.result(slow)
        assert time.monotonic() - started < 10
        with pytest.raises(ExtractionMemory, match="600 MB"):
            pool.result(hungry)
        with pytest.raises(Exception, match="解析进程异常退出"):
            pool.result(crashed)
        assert pool.result(fine) == 0.01
        assert pool.run(allocate, 10) == 10 * 2**20   # replaced workers serve on


def test_a_cancelled_wait_stops_the_worker_at_once():
    pool = WorkerPool(1, Limits(seconds=60))
    ticket = pool.submit(sleep_for, 30)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        pool.result(ticket, cancelled=lambda: time.monotonic() - started > 0.5)
    assert time.monotonic() - started < 5
    assert pool._workers == []


# -- hostile files through ingest ---------------------------------------------------------
def test_hostile_pdf_is_quarantined_within_the_limit_and_the_batch_goes_on(tmp_path, workspace):
    folder = tmp_path / "收文"
    folder.mkdir()
    hostile = hostile_pdf(folder / "表格.pdf")
    assert hostile.stat().st_size < 1.5 * 2**20
    shutil.copy(SEED_SPEECH, folder / "讲话.txt")
    shutil.copy(BUDGET, folder / "预算.pdf")
    ws = with_limits(workspace, extract_seconds=60)
    started = time.monotonic()
    report = ingest_paths(ws, [folder], ocr=False)
    assert time.monotonic() - started < 60
    by_name = {r.path.name: r for r in report.results}
    assert by_name["讲话.txt"].status == by_name["预算.pdf"].status == "added"
    assert by_name["表格.pdf"].error_code in ("EXTRACTION_MEMORY", "EXTRACTION_TIMEOUT")
    assert "过大" in reason_of(ws, "表格.pdf") or "超时" in reason_of(ws, "表格.pdf")


def test_parser_past_its_time_is_quarantined_as_timeout(tmp_path, workspace):
    ws = with_limits(workspace, extract_seconds=1, extract_memory_mb=4096)
    hostile = hostile_pdf(tmp_path / "慢.pdf")
    started = time.monotonic()
    report = ingest_paths(ws, [hostile, SEED_SPEECH], ocr=False)
    assert time.monotonic() - started < 20
    assert [r.error_code for r in report.results] == ["EXTRACTION_TIMEOUT", None]
    assert "超时" in reason_of(ws, "慢.pdf") and "不会自动重试" in reason_of(ws, "慢.pdf")


def test_docx_bombs_are_quarantined_quickly(tmp_path, workspace):
    ratio_bomb = docx_bomb(tmp_path / "炸弹.docx", xml_mb=40)        # 40 MB of XML in ~120 KB
    assert ratio_bomb.stat().st_size < 200_000
    quiet_bomb = docx_bomb(tmp_path / "慢炸弹.docx", xml_mb=64, dense=True)   # passes the XML check: the worker's limit
    ws = with_limits(workspace, extract_seconds=2)
    started = time.monotonic()
    report = ingest_paths(ws, [ratio_bomb, quiet_bomb, SEED_SPEECH], ocr=False)
    assert time.monotonic() - started < 20
    codes = [r.error_code for r in report.results]
    assert codes[0] == "TOO_LARGE" and codes[1] in ("EXTRACTION_TIMEOUT", "EXTRACTION_MEMORY")
    assert codes[2] is None
    assert "压缩比" in reason_of(ws, "炸弹.docx")


def test_sigterm_stops_the_watcher_while_a_worker_chews_on_a_file(tmp_path):
    ws = with_limits(make_ws(tmp_path), extract_seconds=600, extract_memory_mb=4096)
    proc = spawn(ws.home, tmp_path / "out", "--poll", "0.2", env={"DANGAN_TEST_SESSION": "1"})
    wait_started(ws, proc)
    docx_bomb(tmp_path / "stage.docx", xml_mb=64, dense=True)   # ~6 s of reading on this machine, then the text
    shutil.copy(tmp_path / "stage.docx", ws.inbox / "慢炸弹.docx")
    wait_until(lambda: job_states(ws).get("pending", 0) >= 1 or "慢炸弹" in watch_log(ws), 30,
               "the watcher to take the file")
    time.sleep(1.0)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(10) == 0
    assert time.monotonic() - started < 8
    assert inbox_files(ws) == [ws.inbox / "慢炸弹.docx"]   # not quarantined: resumed at the next start
    wait_until(lambda: not _extract_workers(), 10, "workers to go with the watcher")


def _extract_workers() -> list[int]:
    """Processes named by our worker pool, still alive on this machine under this test's tmp path."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if b"DANGAN_TEST_SESSION=1" in environ and entry.name != str(os.getpid()):
            found.append(int(entry.name))
    return found
