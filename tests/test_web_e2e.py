"""The web desk in a real headless Chromium (Selenium): search, upload, dossier, minutes, tasks.

One server (127.0.0.1, a free port, in a thread) for the whole module; the browser is
the session's (conftest.py `chromium`). Skipped only when Debian's chromium / chromium-driver are absent.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import NEEDS_CHROMIUM, absent

from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
from selenium.webdriver.common.by import By  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
PDF = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Guizhou_test.pdf"
WAIT = 30.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from werkzeug.serving import make_server

    from dangan.compose.minutes.source import draft
    from dangan.web.app import create_app

    ws = init_workspace(tmp_path_factory.mktemp("e2e") / "ws")
    speech = ingest_paths(ws, [SPEECH]).results[0].document_id
    draft(ws, str(speech), meeting_date=date(2022, 3, 26))  # tasks in the ledger, whatever runs first
    httpd = make_server("127.0.0.1", 0, create_app(ws), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)


def wait_for(condition: Callable[[], Any], message: str, timeout: float = WAIT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception:  # the page is still changing
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def downloaded(folder: Path, before: set[Path]) -> Path:
    def done() -> Path | None:
        new = [p for p in folder.glob("*.docx") if p not in before]
        busy = list(folder.glob("*.crdownload"))
        return new[0] if new and not busy else None
    return wait_for(done, "the download")  # type: ignore[no-any-return]


def set_value(driver: Any, element: Any, value: str) -> None:
    """Date inputs are typed in the browser's locale: set them as the form would send them."""
    driver.execute_script("arguments[0].value = arguments[1];", element, value)


def test_search_a_phrase_and_open_the_hit(browser: Any, server: str) -> None:
    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys('"创建办会"')
    box.submit()
    # the desk's home page lists the newest documents as hits too: a link found before the results page
    # has loaded is the home page's, stale once the search arrives
    wait_for(lambda: "q=" in browser.current_url, "the results page")
    link = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".hit h2 a"), "a hit")
    assert browser.find_elements(By.CSS_SELECTOR, ".hit mark")
    link.click()
    wait_for(lambda: "/doc/" in browser.current_url, "the document page")
    assert "书记在创建办会部署会讲话" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, ".fulltext mark")


def test_upload_a_pdf_and_find_it(browser: Any, server: str) -> None:
    browser.get(server + "/upload")
    browser.find_element(By.ID, "file-input").send_keys(str(PDF))
    status = wait_for(lambda: (s := browser.find_element(By.CSS_SELECTOR, "#upload-rows td.status")).text
                      in ("收录", "重复", "失败") and s, "the upload result")
    assert status.text == "收录", browser.find_element(By.CSS_SELECTOR, "#upload-rows td.reason").text
    assert browser.find_element(By.CSS_SELECTOR, "#upload-rows progress").get_attribute("value") == "100"
    browser.get(server + "/?q=" + '"贵州省财政厅"')
    hit = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".hit h2 a"), "the uploaded PDF in search")
    assert "贵州省财政厅" in browser.find_element(By.CSS_SELECTOR, ".hit .snippet mark").text
    hit.click()
    wait_for(lambda: "/doc/" in browser.current_url, "the document page")
    browser.find_element(By.CSS_SELECTOR, "details.preview summary").click()
    image = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".pages img"), "a page preview")
    wait_for(lambda: browser.execute_script("return arguments[0].naturalWidth", image) > 100, "the page PNG")


def test_build_a_dossier_and_download_the_docx(browser: Any, server: str, downloads: Path) -> None:
    from docx import Document

    browser.get(server + "/dossier")
    browser.find_element(By.CSS_SELECTOR, 'input[name="items"][value="A01"]').click()
    title = browser.find_element(By.NAME, "title")
    title.clear()
    title.send_keys("社区综合达标迎检资料")
    browser.find_element(By.CSS_SELECTOR, "#dossier-form button[type=submit]").click()
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".toc table"), "the table of contents")
    assert "书记在创建办会部署会讲话" in browser.find_element(By.CSS_SELECTOR, ".toc").text
    before = set(downloads.glob("*.docx"))
    browser.find_element(By.CSS_SELECTOR, "#dossier-download button").click()
    path = downloaded(downloads, before)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "社区综合达标迎检资料" in text


def test_draft_minutes_edit_a_task_and_download(browser: Any, server: str, downloads: Path) -> None:
    from docx import Document

    browser.get(server + "/minutes")
    browser.find_element(By.CSS_SELECTOR, 'input[name="doc_id"][type="radio"]').click()
    set_value(browser, browser.find_element(By.NAME, "date"), "2022-03-26")
    browser.find_element(By.NAME, "place").send_keys("区行政中心第一会议室")
    browser.find_element(By.NAME, "host").send_keys("区委书记")
    browser.find_element(By.CSS_SELECTOR, "#minutes-form button[type=submit]").click()
    # the ledger holds this meeting's tasks (drafted in setup): the desk asks before replacing them
    confirm = wait_for(lambda: browser.find_element(By.ID, "replace-confirm"), "the redraft confirmation")
    assert "未完成的任务" in browser.find_element(By.ID, "replace-notice").text
    confirm.click()
    first = wait_for(lambda: browser.find_element(By.NAME, "task-0-text"), "the review page")
    first.clear()
    first.send_keys("区委宣传部牵头制定迎检宣传方案。")
    browser.find_element(By.NAME, "task-0-owners").send_keys("区委宣传部")
    before = set(downloads.glob("*.docx"))
    browser.find_element(By.ID, "download-docx").click()
    path = downloaded(downloads, before)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "区委宣传部牵头制定迎检宣传方案" in text and "区行政中心第一会议室" in text


def test_mark_a_task_done(browser: Any, server: str) -> None:
    browser.get(server + "/tasks")
    row = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, "#task-table tbody tr[id^=task-]"), "a task")
    task_id = row.get_attribute("id")
    row.find_element(By.CSS_SELECTOR, 'button[value="done"]').click()
    notice = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".notice-ok"), "the notice")
    assert "已标记为已完成" in notice.text
    assert absent(browser, By.ID, task_id)
