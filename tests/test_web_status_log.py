"""The 状态 page's 收件箱监视 box shows the watcher's log as its console does: time and message,
in Chinese. It showed the raw log lines, `INFO dangan.intake.watch:` before each, and the English
`technical detail for …: PdfiumError: Failed to load document` kept in the file for debugging."""
from __future__ import annotations

import re

from watch_helpers import CORPUS, doc_bytes, make_ws, spawn

from dangan.web.app import create_app

TRUNCATED = (CORPUS / "pdf/cn_provincial_budget_reports_2024/Guizhou.pdf").read_bytes()[:60000]


def test_the_status_page_shows_the_watchers_own_words(tmp_path):
    ws = make_ws(tmp_path)
    (ws.inbox / "截断的预算报告.pdf").write_bytes(TRUNCATED)
    (ws.inbox / "正常.txt").write_bytes(doc_bytes(3))
    assert spawn(ws.home, tmp_path / "proc", "--once").wait(120) == 2
    logged = (ws.logs / "watch.log").read_text(encoding="utf-8")
    assert "technical detail" in logged and "INFO dangan.intake.watch" in logged
    with create_app(ws).test_client() as client:
        page = client.get("/status").get_data(as_text=True)
    box = re.search(r'<pre class="log">(.*?)</pre>', page, re.S).group(1)
    assert "已隔离" in box and "截断的预算报告.pdf" in box and "已收录" in box
    for english in ("INFO", "dangan.", "technical detail", "PdfiumError", "Failed"):
        assert english not in box, english
    assert not re.search(r",\d{3} ", box)               # no milliseconds
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S", line) for line in box.strip().splitlines())
