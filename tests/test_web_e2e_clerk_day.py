"""The clerk trial's layout stumbles in a real headless Chromium: a file named in Latin letters without a
break (a long upload name, a title the reader took from it) widened the upload table, the document's
heading and the search results past the window; on a narrower window the menu ran off the bar; the
minutes' task column was about 160px wide beside wide unit and date boxes."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import NEEDS_CHROMIUM
from test_web_e2e import SPEECH, wait_for

from dangan.intake.batch import ingest_paths
from dangan.intake.tag import tag_document
from dangan.workspace import init_workspace

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
from selenium.webdriver.common.by import By  # noqa: E402

LONG_NAME = "2024_0410_chuangwen_shishiyijian_zhengqiuyijiangao_di3ci_xiudinggao_FINAL_v3_revised_20240410T0930.txt"


@pytest.fixture(scope="module")
def long_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A notice as a clerk's colleague saves it: the file named in pinyin with no break, the text real."""
    path = tmp_path_factory.mktemp("long") / LONG_NAME
    path.write_text("关于进一步加强背街小巷环境卫生综合整治、农贸市场规范化管理、公益广告设置维护以及志愿服务常态化"
                    "长效化机制建设的实施意见（试行）（征求意见稿）（第三次修订稿）\n各街道、区直各单位：\n"
                    "一、各街道要在2024年5月31日前完成背街小巷整治。\n区创建办\n2024年4月10日\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, long_file: Path) -> Iterator[tuple[str, int]]:
    from werkzeug.serving import make_server

    from dangan.compose.minutes.source import draft
    from dangan.web.app import create_app

    ws = init_workspace(tmp_path_factory.mktemp("e2e-clerk") / "ws")
    report = ingest_paths(ws, [SPEECH, long_file]).to_dict()
    ids = {Path(d["path"]).name: d["id"] for d in report["documents"]}
    draft(ws, str(ids[SPEECH.name]), meeting_date=date(2022, 3, 26))
    # titled by its file name, as the reader titles a file whose text names none
    tag_document(ws, ids[LONG_NAME], fields={"title": Path(LONG_NAME).stem})
    httpd = make_server("127.0.0.1", 0, create_app(ws), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", ids[LONG_NAME]
    httpd.shutdown()
    thread.join(timeout=10)


def _overflow(browser: Any) -> int:
    """How far the page is wider than the window (0: nothing to scroll sideways)."""
    return max(0, int(browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")))


@pytest.mark.parametrize("width", [1366, 800])
def test_a_long_unbroken_name_wraps_instead_of_widening_the_page(browser: Any, server: tuple[str, int],
                                                                  long_file: Path, width: int) -> None:
    base, doc = server
    browser.set_window_size(width, 900)
    try:
        browser.get(base + "/upload")
        browser.find_element(By.ID, "file-input").send_keys(str(long_file))
        wait_for(lambda: browser.find_element(By.CSS_SELECTOR, "#upload-rows td.status").text == "重复",
                 "the upload's row")
        widths = {"/upload": _overflow(browser)}
        for path in ("/?q=背街小巷", f"/doc/{doc}", "/archive?year=2024", "/dossier?q=背街小巷&preview=1"):
            browser.get(base + path)
            wait_for(lambda: browser.execute_script("return document.readyState") == "complete", path)
            widths[path] = _overflow(browser)
            assert LONG_NAME[:40] in browser.find_element(By.TAG_NAME, "main").text, path   # shown, only wrapped
        assert widths == {path: 0 for path in widths}
    finally:
        browser.set_window_size(1366, 768)


def test_the_task_column_of_the_minutes_has_room(browser: Any, server: tuple[str, int]) -> None:
    base, _ = server
    browser.get(base + "/minutes")
    browser.find_element(By.CSS_SELECTOR, "#minutes-form button[type=submit]").click()
    shown = wait_for(lambda: browser.find_elements(By.NAME, "task-0-text")
                     or browser.find_elements(By.ID, "replace-confirm"), "the review page")
    if shown[0].get_attribute("id") == "replace-confirm":   # the meeting was drafted: confirm replacing its tasks
        shown[0].click()
    box = wait_for(lambda: browser.find_element(By.NAME, "task-0-text"), "the review page")
    owners = browser.find_element(By.NAME, "task-0-owners")
    assert box.size["width"] >= 300 and box.size["width"] > 1.8 * owners.size["width"]


def test_a_folder_is_uploaded_with_its_sub_folders_and_a_summary(browser: Any, server: tuple[str, int],
                                                                 tmp_path: Path) -> None:
    """上传: a clerk's 收文 folder could only be sent file by file (no folder choice; a dropped folder was one
    unreadable entry), and a long list had no count of what came in and what failed."""
    from conftest import CORPUS

    reports = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
    folder = tmp_path / "三月收文"
    (folder / "决议" / "旧").mkdir(parents=True)
    (folder / "决议" / "第十二届三次.txt").write_bytes(
        (reports / "第十二届全国人民代表大会第三次会议关于政府工作报告的决议.txt").read_bytes())
    (folder / "决议" / "旧" / "第十二届二次.txt").write_bytes(
        (reports / "第十二届全国人民代表大会第二次会议关于政府工作报告的决议.txt").read_bytes())
    (folder / "空白.txt").write_bytes(b"")
    base, _ = server
    browser.get(base + "/upload")
    browser.find_element(By.ID, "folder-input").send_keys(str(folder))
    summary = wait_for(lambda: (text := browser.find_element(By.ID, "upload-summary").text).startswith("共") and text,
                       "the upload's summary")
    assert summary == "共 3 个文件：收录 2，失败 1。未收录的文件已隔离，原因见下表“说明”和“状态”页。"
    names = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#upload-rows td.name")]
    # in the order a Chinese file list gives (by pinyin: 第 before 旧), whatever order the browser read them in
    assert names == ["三月收文/决议/第十二届三次.txt", "三月收文/决议/旧/第十二届二次.txt", "三月收文/空白.txt"]
