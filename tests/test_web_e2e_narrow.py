"""The desk in an 800 px window (a laptop's half screen), in Chromium: the 归档文件目录 keeps its 题名 readable.

At 800 px the catalogue's fixed columns (档号 15em for a '—', 日期, 密级) left the 题名 two characters wide,
a title wrapping to a character a line; the page must not scroll sideways either.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import NEEDS_CHROMIUM
from web_desk import live_desk

from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
from selenium.webdriver.common.by import By  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OFD = CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd"                       # 路卫发〔2011〕76号
DOCX = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年上海市政府工作报告.docx"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"   # its tasks fill the 督办台账


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from dangan.compose.minutes.source import draft

    ws = init_workspace(tmp_path_factory.mktemp("e2e-narrow") / "ws")
    ingest_paths(ws, [OFD, DOCX], ocr=False)
    draft(ws, str(ingest_paths(ws, [SPEECH]).results[0].document_id), meeting_date=date(2022, 3, 26))
    with live_desk(ws) as url:
        yield url


@pytest.mark.parametrize("year", [2011, 2025])
def test_catalogue_title_is_readable_at_800_px(browser: Any, server: str, year: int) -> None:
    browser.set_window_size(800, 768)
    try:
        browser.get(f"{server}/archive?year={year}")
        row = browser.find_element(By.CSS_SELECTOR, "#catalogue-rows tbody tr")
        cells = row.find_elements(By.TAG_NAME, "td")
        title = cells[4]
        size = float(browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize)", title))
        assert title.text and title.rect["width"] >= 7 * size, (title.text, title.rect["width"])   # 题名: 6+ characters a line
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        if year == 2011:
            assert "路卫发" in cells[2].text and "关于同意张阿三同志辞职的批复" in title.text
    finally:
        browser.set_window_size(1366, 768)


@pytest.mark.parametrize("width", [1366, 800])
def test_audit_names_are_not_broken_letter_by_letter(browser: Any, server: str, width: int) -> None:
    """审计记录's 用户/操作/对象 columns were a few letters wide: admin wrapped as admi / n."""
    browser.set_window_size(width, 768)
    try:
        browser.get(f"{server}/admin/audit")
        row = browser.find_element(By.CSS_SELECTOR, "table.grid tbody tr")
        cells = row.find_elements(By.TAG_NAME, "td")
        size = float(browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize)", cells[2]))
        assert all(cell.rect["width"] >= 6 * size for cell in cells[2:5]), [c.rect["width"] for c in cells]
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        browser.set_window_size(1366, 768)


def test_task_state_stays_on_one_line_at_800_px(browser: Any, server: str) -> None:
    """督办台账's 状态 column (4.5em, narrowed with the numbers under 900 px) wrapped 未完成 as 未完 / 成."""
    browser.set_window_size(800, 768)
    try:
        browser.get(f"{server}/tasks")
        state = browser.find_element(By.XPATH, "//table//tbody/tr[1]/td[5]")
        lines = browser.execute_script("""const range = document.createRange(); range.selectNodeContents(arguments[0]);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;""", state)
        assert state.text == "未完成" and lines == 1, (state.text, lines)
    finally:
        browser.set_window_size(1366, 768)
