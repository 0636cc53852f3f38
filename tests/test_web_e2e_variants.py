"""The 同文异版候选 page in Chromium: the clerk follows 状态's link and sees the pairs without buttons; the
administrator clicks 不是同一文件 on one pair and 合并 on the other, and search then counts the text once
beside the copy kept apart; of a pair both worked on, the administrator chooses to keep the copy and the original's
place under a 测评内容 moves onto it. On the corpus resolution and its OpenCC copies catalogued apart as before
migration 17."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from cli_run import dangan
from conftest import NEEDS_CHROMIUM, absent
from test_same_text_join import PHRASE, _archived_apart
from test_web_e2e_roles import PASSWORD, sign_in

from dangan.archive import accounts
from dangan.archive.catalog import Catalog
from dangan.workspace import open_workspace

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.expected_conditions import staleness_of  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _serve(home: Any, ids: list[int]) -> Iterator[dict[str, Any]]:
    from werkzeug.serving import make_server

    from dangan.web.app import create_app

    with Catalog(home / "catalog.sqlite3") as catalog:
        for role in ("admin", "clerk"):
            accounts.add_user(catalog, role, role, PASSWORD)
    dangan(home, "check")
    httpd = make_server("127.0.0.1", 0, create_app(open_workspace(home)), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{httpd.server_port}", "home": home, "ids": ids}
    httpd.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home, _, ids = _archived_apart(tmp_path_factory.mktemp("e2e-variants"), ("s2t", "s2tw"))
    yield from _serve(home, ids)


@pytest.fixture(scope="module")
def worked_on(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The original placed under Ⅲ-77, its s2tw copy retitled by hand: a pair both worked on."""
    home, _, ids = _archived_apart(tmp_path_factory.mktemp("e2e-variants-worked"), ("s2tw",))
    dangan(home, "tag", str(ids[0]), "--item", "Ⅲ-77", "--req", "1", "--taxonomy", "national-2015")
    dangan(home, "tag", str(ids[1]), "--title", "关于政府工作报告的决议（台湾转载）")
    yield from _serve(home, ids)


def test_clerk_sees_the_pairs_and_the_administrator_settles_them(browser: Any, server: dict[str, Any]) -> None:
    url, (first, plain, taiwan) = server["url"], server["ids"]
    sign_in(browser, url, "clerk")
    browser.get(url + "/status")
    browser.find_element(By.ID, "variants-link").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "同文异版候选"
    assert "需由管理员操作" in browser.find_element(By.ID, "admin-only").text
    assert browser.find_element(By.ID, f"pair-{taiwan}-{first}") and absent(browser, By.CSS_SELECTOR, "#candidates button")

    sign_in(browser, url, "admin")
    browser.get(url + "/status/variants")
    assert absent(browser, By.ID, "admin-only")
    row = browser.find_element(By.ID, f"pair-{taiwan}-{first}")
    next(b for b in row.find_elements(By.TAG_NAME, "button") if b.text == "不是同一文件").click()
    WebDriverWait(browser, 30).until(staleness_of(row))   # the answer's page, not the one clicked on
    assert "不是同一文件：此后核对和本页不再列出这一对" in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text
    assert browser.find_element(By.ID, f"apart-{first}-{taiwan}") and absent(browser, By.ID, f"pair-{taiwan}-{first}")
    row = browser.find_element(By.ID, f"pair-{plain}-{first}")
    next(b for b in row.find_elements(By.TAG_NAME, "button") if b.text == "合并").click()
    WebDriverWait(browser, 30).until(staleness_of(row))   # else the last answer's notice is read as it goes stale
    assert f"已合并：{plain}《" in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text
    assert "没有同文异版候选" in browser.find_element(By.ID, "candidates").text
    found = json.loads(dangan(server["home"], "search", PHRASE, "--json"))
    assert {r["id"] for r in found["results"]} == {first, taiwan}


def test_the_administrator_keeps_the_copy_of_a_pair_both_worked_on(browser: Any, worked_on: dict[str, Any]) -> None:
    """Under the pair the page says what a merge keeping the original would move (the copy's title); the
    administrator chooses to keep the copy instead, and the original's Ⅲ-77 moves onto it."""
    url, (first, taiwan) = worked_on["url"], worked_on["ids"]
    sign_in(browser, url, "admin")
    browser.get(url + "/status/variants")
    assert "标题：关于政府工作报告的决议（台湾转载）（手工著录）" in browser.find_element(By.ID, f"plan-{taiwan}-{first}").text
    row = browser.find_element(By.ID, f"pair-{taiwan}-{first}")
    Select(row.find_element(By.NAME, "keep")).select_by_visible_text(f"第 {taiwan} 件")
    next(b for b in row.find_elements(By.TAG_NAME, "button") if b.text == "合并").click()
    WebDriverWait(browser, 30).until(staleness_of(row))
    said = browser.find_element(By.CSS_SELECTOR, ".notice-ok").text
    assert f"已合并：{first}《" in said and f"成为 {taiwan}《关于政府工作报告的决议（台湾转载）》" in said, said
    assert f"已移交到 {taiwan}：佐证：测评内容 Ⅲ-77（national-2015）第 1 条申报要求" in said, said
    found = json.loads(dangan(worked_on["home"], "search", PHRASE, "--json"))
    assert [r["id"] for r in found["results"]] == [taiwan]
