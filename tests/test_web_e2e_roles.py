"""One Chromium flow per role (admin, clerk, unit, viewer) on a desk with accounts.

The unit signs in and hands in a file for Ⅲ-77; the clerk accepts one and returns
another with a reason, which the unit then reads; the viewer searches and reads but
is refused the upload page; the admin adds a user and sees the audit trail verified.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NEEDS_CHROMIUM, absent
from test_web_e2e import wait_for

from dangan.archive import accounts
from dangan.archive.catalog import Catalog
from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace, open_workspace

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extras")
from selenium.webdriver.common.by import By  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
PASSWORD = "correct-horse-battery"
UNIT = "区委宣传部"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from werkzeug.serving import make_server

    from dangan.web.app import create_app

    root = tmp_path_factory.mktemp("e2e-roles")
    home = init_workspace(root / "ws").home
    config = home / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('edition = "district-nine"',
                                                                 'edition = "national-2015"'), encoding="utf-8")
    ws = open_workspace(home)
    ingest_paths(ws, [SPEECH])
    with Catalog(ws.catalog_path) as catalog:
        for role in ("admin", "clerk", "unit", "viewer"):
            accounts.add_user(catalog, role, role, PASSWORD, unit=UNIT if role == "unit" else None)
    files = root / "files"
    files.mkdir()
    (files / "公众参与活动安排.txt").write_text(
        "区委宣传部关于开展环境保护主题公众参与活动的年度安排\n一、组织市民参与文明城市创建满意度测评宣传。\n", encoding="utf-8")
    (files / "活动照片说明.txt").write_text("社区志愿服务活动照片说明（待补充时间地点）。\n", encoding="utf-8")
    httpd = make_server("127.0.0.1", 0, create_app(ws), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{httpd.server_port}", "files": files, "ws": ws}
    httpd.shutdown()
    thread.join(timeout=10)


def sign_in(browser: Any, url: str, name: str) -> None:
    browser.delete_all_cookies()
    browser.get(url + "/login")
    browser.find_element(By.NAME, "name").send_keys(name)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, ".login button[type=submit]").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".whoami"), f"{name} signed in")
    assert name in browser.find_element(By.CSS_SELECTOR, ".whoami").text


def nav(browser: Any) -> list[str]:
    return [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".topbar nav a")]


def refused(browser: Any, url: str) -> bool:
    browser.get(url)
    return "禁止访问" in browser.find_element(By.TAG_NAME, "h1").text


def sign_out(browser: Any) -> None:
    browser.find_element(By.CSS_SELECTOR, ".logout button").click()
    wait_for(lambda: "/login" in browser.current_url, "the login page")


def hand_in(browser: Any, url: str, path: Path) -> None:
    browser.get(url + "/handin")
    browser.find_element(By.CSS_SELECTOR, 'select[name="item"] option[value="Ⅲ-77"]').click()
    browser.find_element(By.NAME, "file").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, "#handin-form button[type=submit]").click()
    wait_for(lambda: "等待审核" in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text, "the hand-in notice")


def unit_hands_in_two_files(browser: Any, server: dict[str, Any]) -> None:
    url = server["url"]
    sign_in(browser, url, "unit")
    assert nav(browser) == ["检索", "报送", "督办台账"]
    for name in ("公众参与活动安排.txt", "活动照片说明.txt"):
        hand_in(browser, url, server["files"] / name)
    rows = browser.find_elements(By.CSS_SELECTOR, "#handin-table tbody tr")
    assert len(rows) == 2 and all("待审核" in r.text for r in rows)
    assert refused(browser, url + "/review") and refused(browser, url + "/upload")
    browser.get(url + "/?q=创建办会")
    assert absent(browser, By.CSS_SELECTOR, ".hit")      # nothing released to the unit yet
    sign_out(browser)


def clerk_accepts_one_and_returns_the_other(browser: Any, server: dict[str, Any]) -> None:
    url = server["url"]
    sign_in(browser, url, "clerk")
    assert "审核" in nav(browser) and "用户" not in nav(browser)
    browser.get(url + "/review")
    first = browser.find_element(By.XPATH, "//tr[contains(., '公众参与活动安排.txt')]")
    first.find_element(By.XPATH, ".//button[contains(., '接收归档')]").click()
    wait_for(lambda: "已归档" in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text, "accepted")
    second = browser.find_element(By.XPATH, "//tr[contains(., '活动照片说明.txt')]")
    second.find_element(By.NAME, "reason").send_keys("照片缺少时间、地点说明，请补充后重报")
    second.find_element(By.XPATH, ".//button[contains(., '退回')]").click()
    wait_for(lambda: "已退回" in browser.find_element(By.CSS_SELECTOR, ".notice-ok").text, "returned")
    assert refused(browser, url + "/admin/users")
    browser.get(url + "/progress")
    assert "Ⅲ-77" in browser.page_source
    sign_out(browser)


def unit_reads_the_reason_and_its_accepted_file(browser: Any, server: dict[str, Any]) -> None:
    url = server["url"]
    sign_in(browser, url, "unit")
    browser.get(url + "/handin")
    table = browser.find_element(By.ID, "handin-table").text
    assert "已退回" in table and "照片缺少时间、地点说明，请补充后重报" in table and "已归档" in table
    browser.find_element(By.CSS_SELECTOR, "#handin-table a[href^='/doc/']").click()
    wait_for(lambda: "/doc/" in browser.current_url, "the accepted document")
    assert "公众参与" in browser.find_element(By.TAG_NAME, "h1").text
    assert absent(browser, By.CSS_SELECTOR, "form[action$='/tag']")   # no editing for a unit
    sign_out(browser)


def viewer_searches_and_reads_but_does_not_change(browser: Any, server: dict[str, Any]) -> None:
    url = server["url"]
    sign_in(browser, url, "viewer")
    assert nav(browser) == ["检索", "迎检进度", "迎检资料", "督办台账"]
    browser.get(url + "/?q=创建办会")
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".hit h2 a"), "a hit").click()
    wait_for(lambda: "/doc/" in browser.current_url, "the document page")
    assert browser.find_element(By.LINK_TEXT, "下载原件")
    assert absent(browser, By.CSS_SELECTOR, "form[action$='/tag']")
    assert refused(browser, url + "/upload") and refused(browser, url + "/minutes")
    sign_out(browser)


def admin_adds_a_user_and_sees_the_trail(browser: Any, server: dict[str, Any]) -> None:
    url = server["url"]
    sign_in(browser, url, "admin")
    assert {"用户", "审计", "审核"} <= set(nav(browser)) and "报送" not in nav(browser)
    browser.get(url + "/admin/users")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/admin/users'] input[name=name]").send_keys("chengguan")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/admin/users'] option[value=unit]").click()
    browser.find_element(By.CSS_SELECTOR, "form[action$='/admin/users'] input[name=unit]").send_keys("区城管局")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/admin/users'] input[name=password]").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form[action$='/admin/users'] button[type=submit]").click()
    wait_for(lambda: browser.find_element(By.ID, "user-chengguan"), "the new user")
    browser.get(url + "/admin/audit")
    assert "链式校验通过" in browser.find_element(By.ID, "audit-check").text
    trail = browser.find_element(By.ID, "audit-table").text
    for action in ("review.submit", "review.accept", "review.return", "user.add", "login"):
        assert action in trail, action
    sign_out(browser)


def test_one_flow_per_role(browser: Any, server: dict[str, Any]) -> None:
    """In order (xdist may spread separate tests over workers): unit, clerk, unit again, viewer, admin."""
    unit_hands_in_two_files(browser, server)
    clerk_accepts_one_and_returns_the_other(browser, server)
    unit_reads_the_reason_and_its_accepted_file(browser, server)
    viewer_searches_and_reads_but_does_not_change(browser, server)
    admin_adds_a_user_and_sees_the_trail(browser, server)
