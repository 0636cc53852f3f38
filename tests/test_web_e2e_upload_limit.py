"""上传 of a file over the desk's size limit, in Chromium: refused at once, before it is sent.

The browser sent the whole file, the clerk watched its bar fill, then the server's 413 said only that it
was too big; the summary then said every failed file was 隔离, which this one was not (it never arrived).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NEEDS_CHROMIUM
from test_web_e2e import wait_for
from web_desk import live_desk

from dangan.workspace import init_workspace, open_workspace

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
from selenium.webdriver.common.by import By  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
SCAN = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Guangdong_test.pdf"   # 3.0 MB


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    home = init_workspace(tmp_path_factory.mktemp("e2e-limit") / "ws").home
    config = home / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("max_file_mb = 200", "max_file_mb = 2"), encoding="utf-8")
    ws = open_workspace(home)
    with live_desk(ws) as url:
        yield url, ws


def test_a_file_over_the_limit_is_refused_before_it_is_sent(browser: Any, server: tuple[str, Any]) -> None:
    url, ws = server
    browser.get(url + "/upload")
    assert "每个文件至多 2 MB" in browser.find_element(By.ID, "dropzone").text
    browser.find_element(By.ID, "file-input").send_keys(f"{SCAN}\n{SPEECH}")
    summary = wait_for(lambda: (text := browser.find_element(By.ID, "upload-summary").text).startswith("共") and text,
                       "the summary")
    assert summary == "共 2 个文件：收录 1，失败 1。1 个文件超过大小限制，未上传，见下表“说明”。"   # nothing 隔离
    row = browser.find_element(By.XPATH, "//tr[contains(., 'Guangdong_test.pdf')]")
    assert row.find_element(By.CSS_SELECTOR, ".status").text == "失败"
    reason = row.find_element(By.CSS_SELECTOR, ".reason").text
    assert reason.startswith("文件 3.0 MB，超过每个文件至多 2 MB 的限制，未上传。") and "max_file_mb" in reason
    assert not list(ws.home.rglob("Guangdong_test.pdf"))            # never sent: neither staged nor quarantined
    browser.get(url + "/?q=创建办会")
    assert "书记在创建办会部署会讲话" in browser.find_element(By.TAG_NAME, "main").text
