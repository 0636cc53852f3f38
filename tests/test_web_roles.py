"""Accounts on the web desk: every route and form × every role is allowed or 403, checked on the server.

The expected table below is written out by hand (it is the specification of issue 20),
not derived from `dangan.web.roles`, and every route of the app must appear in it.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from web_desk import csrf

from dangan.archive import accounts, audit, releases
from dangan.archive.catalog import Catalog
from dangan.archive.tasks import save_tasks
from dangan.compose.minutes.source import draft
from dangan.compose.minutes.speech_tasks import Task
from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.web.security import undeclared
from dangan.workspace import Workspace, init_workspace

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
PDF = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
PASSWORD = "correct-horse-battery"
ROLES = ("admin", "clerk", "unit", "viewer")
A, C, U, V = "admin", "clerk", "unit", "viewer"
OFFICE = {A, C}
READERS = {A, C, V}
EVERYONE = {A, C, U, V}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A speech with its tasks, a PDF and a notice; one account per role; the notice released to the unit."""
    root = tmp_path_factory.mktemp("roles")
    notice = root / "notice.txt"
    notice.write_text("区创建办关于报送公众参与材料的通知\n各单位：请于2022年5月10日前报送。\n", encoding="utf-8")
    ws = init_workspace(root / "ws")
    report = ingest_paths(ws, [SPEECH, PDF, notice]).to_dict()
    ids = {Path(d["path"]).name: d["id"] for d in report["documents"]}
    speech, pdf, released = ids[SPEECH.name], ids[PDF.name], ids["notice.txt"]
    draft(ws, str(speech))
    unit = "区委宣传部"
    with Catalog(ws.catalog_path) as catalog:   # two ledger tasks of no meeting (a draft's own may be replaced)
        own, other = save_tasks(catalog, None, [
            Task("开展公众参与创建活动并报送材料", (unit,), date(2022, 5, 10), ""),
            Task("整治农贸市场周边环境", ("区市场监管局",), date(2022, 5, 20), "")])
        for role in ROLES:
            accounts.add_user(catalog, role, role, PASSWORD, unit=unit if role == "unit" else None)
        accounts.add_user(catalog, "target", "viewer", PASSWORD)
        releases.release(catalog, released, [unit])
    return {"ws": ws, "unit": unit, "speech": speech, "pdf": pdf, "released": released,
            "own_task": own, "other_task": other}


@pytest.fixture(scope="module")
def app(desk):  # type: ignore[no-untyped-def]
    return create_app(desk["ws"])


def login(client, name: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    client.get("/login")
    return client.post("/login", data={"name": name, "password": password, "csrf_token": csrf(client)})


@pytest.fixture(scope="module")
def clients(app) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out = {}
    for role in ROLES:
        client = app.test_client()
        assert login(client, role).status_code == 302, role
        out[role] = client
    return out


@pytest.fixture(scope="module")
def token(clients) -> str:  # type: ignore[no-untyped-def]
    """A minutes draft made by the clerk (for the draft's own pages)."""
    client = clients[C]
    response = client.post("/minutes/draft", data={"csrf_token": csrf(client), "doc_id": "1",
                                                   "replace": "1"})   # the desk drafted it: confirm the redraft
    match = re.search(r"/minutes/([0-9a-f]+)$", response.headers["Location"])
    assert match, response.headers.get("Location")
    return match.group(1)


def matrix(desk: dict[str, Any], token: str) -> list[tuple[str, str, str, dict[str, Any], set[str]]]:
    """(endpoint, method, url, form, roles allowed)."""
    d = desk
    return [
        ("search.index", "GET", "/?q=创建", {}, EVERYONE),
        ("search.save", "POST", "/saved", {"name": "常用", "query": "q=创建"}, OFFICE),
        ("search.unsave", "POST", "/saved/999/delete", {}, OFFICE),
        ("search.document", "GET", f"/doc/{d['released']}", {}, EVERYONE),
        ("search.document", "GET", f"/doc/{d['speech']}", {}, READERS),
        ("search.tag", "POST", f"/doc/{d['speech']}/tag", {"title": "书记在创建办会部署会讲话"}, OFFICE),
        ("search.release", "POST", f"/doc/{d['pdf']}/release", {"unit": "区城管局"}, OFFICE),
        ("search.withdraw", "POST", f"/doc/{d['pdf']}/withdraw", {"unit": "区政法委"}, OFFICE),   # none: says so
        ("search.page_png", "GET", f"/doc/{d['pdf']}/page/1.png", {}, READERS),
        ("search.photo_png", "GET", f"/doc/{d['pdf']}/photo.png", {}, READERS),
        ("search.photo_png", "GET", f"/doc/{d['released']}/photo.png", {}, EVERYONE),
        ("search.picture_png", "GET", f"/doc/{d['pdf']}/picture/1.png", {}, READERS),
        ("search.picture_png", "GET", f"/doc/{d['released']}/picture/1.png", {}, EVERYONE),
        ("search.original", "GET", f"/doc/{d['speech']}/original", {}, READERS),
        ("search.original", "GET", f"/doc/{d['released']}/original", {}, EVERYONE),
        ("search.variant", "GET", f"/doc/{d['speech']}/variant/1", {}, READERS),
        ("search.variant", "GET", f"/doc/{d['released']}/variant/1", {}, EVERYONE),
        ("progress.page", "GET", "/progress", {}, READERS),
        ("progress.export", "GET", "/progress/gaps.xlsx", {}, READERS),
        ("progress.link", "POST", "/progress/link", {"content": "A01", "doc_id": str(d["pdf"])}, OFFICE),
        ("progress.issue", "POST", "/progress/tasks", {"content": "A01", "deadline": "2022-05-10"}, OFFICE),
        ("upload.page", "GET", "/upload", {}, OFFICE),
        ("upload.receive", "POST", "/upload", {}, OFFICE),
        ("dossier.page", "GET", "/dossier?q=创建", {}, READERS),
        ("dossier.docx", "POST", "/dossier/docx", {"q": "创建办会"}, READERS),
        ("dossier.job", "GET", "/dossier/job/none", {}, READERS),            # another's job: 404 too
        ("dossier.job_file", "GET", "/dossier/job/none/file", {}, READERS),
        ("minutes.page", "GET", "/minutes", {}, OFFICE),
        ("minutes.make_draft", "POST", "/minutes/draft", {}, OFFICE),
        ("minutes.review", "GET", f"/minutes/{token}", {}, OFFICE),
        ("minutes.save_or_download", "POST", f"/minutes/{token}", {"task_count": "0"}, OFFICE),
        ("archive.page", "GET", "/archive", {}, OFFICE),
        ("archive.codes", "POST", "/archive/codes", {"year": "2030"}, OFFICE),   # unconfirmed: nothing coded
        ("archive.catalogue", "GET", "/archive/2030.xlsx", {}, OFFICE),
        ("tasks.page", "GET", "/tasks?show=all", {}, EVERYONE),
        ("tasks.status", "POST", f"/tasks/{d['own_task']}/status", {"status": "open"}, EVERYONE - {V}),
        ("tasks.status", "POST", f"/tasks/{d['other_task']}/status", {"status": "open"}, OFFICE),
        ("tasks.export", "GET", "/tasks/export.xlsx", {}, EVERYONE),
        ("status.page", "GET", "/status", {}, OFFICE),
        ("status.run_check", "POST", "/status/check", {}, OFFICE),
        ("status.run_ocr", "POST", "/status/ocr", {}, OFFICE),          # nothing waits: nothing starts
        ("status.run_reindex", "POST", "/status/reindex", {}, OFFICE),  # rebuilt in place: searches go on
        ("status.run_reread", "POST", "/status/reread", {}, OFFICE),    # all read by this reader: nothing starts
        ("status.quarantined", "GET", "/status/quarantine/999", {}, OFFICE),   # none such: 404, not 403
        ("variants.page", "GET", "/status/variants", {}, OFFICE),
        ("variants.join", "POST", "/status/variants/join", {"other": "998", "into": "999"}, {A}),   # none such
        ("variants.dismiss", "POST", "/status/variants/dismiss", {"a": "998", "b": "999"}, {A}),    # none such
        ("handin.page", "GET", "/handin", {}, {U}),
        ("handin.submit", "POST", "/handin", {}, {U}),
        ("review.page_review", "GET", "/review", {}, OFFICE),
        ("review.held", "GET", "/review/999/file", {}, OFFICE),
        ("review.held_photo", "GET", "/review/999/photo.jpg", {}, OFFICE),
        ("review.decide", "POST", "/review/999/accept", {}, OFFICE),
        ("review.decide", "POST", "/review/999/return", {"reason": "缺页"}, OFFICE),
        ("admin.users", "GET", "/admin/users", {}, {A}),
        ("admin.add_user", "POST", "/admin/users", {"name": "", "role": "viewer"}, {A}),
        ("admin.disable", "POST", "/admin/users/target/disable", {"enable": "1"}, {A}),
        ("admin.passwd", "POST", "/admin/users/target/passwd", {"password": "x"}, {A}),
        ("admin.audit_page", "GET", "/admin/audit", {}, {A}),
        ("auth.account", "GET", "/account", {}, EVERYONE),
        ("auth.account", "POST", "/account", {"old": "wrong", "new": "a", "again": "b"}, EVERYONE),
        ("auth.login", "GET", "/login", {}, EVERYONE),
    ]


ONLY_ELSEWHERE = {"static", "auth.logout", "auth.login"}   # logout ends the session: tested below


def test_every_route_declares_a_permission(app) -> None:  # type: ignore[no-untyped-def]
    assert undeclared(app) == ["static"]


def test_every_route_is_in_the_matrix(app, desk, token) -> None:  # type: ignore[no-untyped-def]
    covered = {row[0] for row in matrix(desk, token)} | ONLY_ELSEWHERE
    assert set(app.view_functions) - covered == set()


@pytest.mark.parametrize("role", ROLES)
def test_route_matrix(role, clients, desk, token) -> None:  # type: ignore[no-untyped-def]
    client = clients[role]
    wrong = []
    for endpoint, method, url, form, allowed in matrix(desk, token):
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data={**form, "csrf_token": csrf(client)})
        denied = response.status_code == 403
        bounced = response.status_code == 302 and "/login" in response.headers.get("Location", "")
        if (role in allowed) == denied or bounced:
            wrong.append(f"{method} {url} ({endpoint}): {response.status_code}")
    assert wrong == [], f"{role}: {wrong}"


def test_anonymous_is_sent_to_login_and_posts_are_refused(app, desk, token) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    client.get("/login")
    for endpoint, method, url, form, _ in matrix(desk, token):
        if endpoint == "auth.login":
            continue
        if method == "GET":
            response = client.get(url)
            assert response.status_code == 302 and "/login" in response.headers["Location"], url
        else:
            assert client.post(url, data={**form, "csrf_token": csrf(client)}).status_code == 403, url


def test_unit_search_shows_only_released_documents(clients, desk) -> None:  # type: ignore[no-untyped-def]
    unit_page = clients[U].get("/").get_data(as_text=True)
    assert f'/doc/{desk["released"]}' in unit_page
    assert f'/doc/{desk["speech"]}"' not in unit_page and f'/doc/{desk["speech"]}?' not in unit_page
    assert "共找到 <strong>1</strong> 件" in unit_page
    clerk_page = clients[C].get("/").get_data(as_text=True)
    assert f'/doc/{desk["speech"]}' in clerk_page
    nav = clients[U].get("/").get_data(as_text=True)
    assert "督办台账" in nav and "/status" not in nav and "/upload" not in nav


def test_unit_sees_its_own_tasks_only(clients, desk) -> None:  # type: ignore[no-untyped-def]
    page = clients[U].get("/tasks?show=all").get_data(as_text=True)
    assert f'id="task-{desk["own_task"]}"' in page
    assert f'id="task-{desk["other_task"]}"' not in page


def test_a_units_task_names_its_source_without_a_forbidden_link(clients, desk) -> None:  # type: ignore[no-untyped-def]
    """The unit's task from the speech said 来源 with a link the unit may not open (禁止访问)."""
    with Catalog(desk["ws"].catalog_path) as catalog:
        save_tasks(catalog, desk["speech"], [Task("宣传全区干部群众参与创建的良好精神风貌", (desk["unit"],),
                                                  date(2022, 4, 30), "二、五是")])
    speech = f'href="/doc/{desk["speech"]}"'
    page = clients[U].get("/tasks?show=all").get_data(as_text=True)
    assert "来源：" in page and "书记在创建办会部署会讲话" in page and speech not in page
    assert speech in clients[C].get("/tasks?show=all").get_data(as_text=True)


def test_logout_ends_the_session_everywhere(app) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert login(client, "viewer").status_code == 302
    cookie = client.get_cookie("dangan_session").value
    assert client.post("/logout", data={"csrf_token": csrf(client)}).status_code == 302
    thief = app.test_client()
    thief.set_cookie("dangan_session", cookie)
    assert thief.get("/").status_code == 302


def test_password_change_and_disable_end_sessions(app, desk) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    with Catalog(desk["ws"].catalog_path) as catalog:
        accounts.add_user(catalog, "temp", "viewer", PASSWORD)
        assert login(client, "temp").status_code == 302
        assert client.get("/").status_code == 200
        accounts.set_password(catalog, "temp", "another-password")
        assert client.get("/").status_code == 302
        assert login(client, "temp", "another-password").status_code == 302
        accounts.set_disabled(catalog, "temp")
        assert client.get("/").status_code == 302
        assert "用户名或密码不正确" in login(client, "temp", "another-password").get_data(as_text=True)


def test_wrong_passwords_are_throttled_and_audited(app, desk) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "192.0.2.7"   # an address of its own: counted per address too
    with Catalog(desk["ws"].catalog_path) as catalog:
        accounts.add_user(catalog, "victim", "clerk", PASSWORD)
    codes = [login(client, "victim", f"guess-{n}").status_code for n in range(20)]
    assert codes[:5] == [200] * 5 and codes.count(429) >= 14, codes
    refused = login(client, "victim", PASSWORD)
    assert refused.status_code == 429 and "登录失败次数过多" in refused.get_data(as_text=True)
    with Catalog(desk["ws"].catalog_path) as catalog:
        rows = audit.entries(catalog, user="victim")
    failed = [r for r in rows if r["action"] == "login.failed"]
    assert len(failed) >= 5 and all(r["detail"]["reason"] == "password" for r in failed)
    assert any(r["action"] == "login.locked" for r in rows)
    assert len(rows) < 20   # one lockout entry, not one per refused attempt


def test_cookie_flags(desk) -> None:  # type: ignore[no-untyped-def]
    secure = create_app(desk["ws"], https=True)
    client = secure.test_client()
    response = login(client, "clerk")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-dangan_session=") and "Secure" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Expires=" in cookie   # a session ends after SESSION_HOURS at the latest


def test_legacy_password_is_the_admin_account(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from werkzeug.security import generate_password_hash

    ws: Workspace = init_workspace(tmp_path / "ws")
    app = create_app(ws, generate_password_hash("old-single-password"))
    client = app.test_client()
    assert client.get("/").status_code == 302
    assert login(client, "", "old-single-password").status_code == 302   # no name, as before
    assert client.get("/admin/users").status_code == 200
    with Catalog(ws.catalog_path) as catalog:
        assert [u.name for u in accounts.list_users(catalog)] == ["admin"]
    again = create_app(ws, generate_password_hash("a-new-password-in-the-file"))
    assert login(again.test_client(), "admin", "old-single-password").status_code == 200
    assert login(again.test_client(), "admin", "a-new-password-in-the-file").status_code == 302


def test_the_audit_page_reads_in_chinese_and_local_time(clients, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Actions were their codes (login, task.add) and times UTC ISO stamps (2026-11-30T05:20:15+00:00)."""
    import time
    from datetime import datetime, timedelta

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        page = clients[A].get("/admin/audit?action=login").get_data(as_text=True)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", page, re.S).group(1)
    number = int(re.search(r'<td class="num">(\d+)</td>', row).group(1))
    with Catalog(desk["ws"].catalog_path) as catalog:
        stored = next(e for e in audit.entries(catalog, action="login", limit=1000) if e["id"] == number)["at"]
    beijing = (datetime.fromisoformat(stored) + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    assert f"<td>{beijing}</td>" in row and "+00:00" not in row
    assert "登录" in row and 'class="muted mono">login<' in row


def test_the_audit_page_says_objects_and_details_in_words(clients, desk) -> None:  # type: ignore[no-untyped-def]
    """The page showed doc:12 and the detail as JSON ({"after": {"name": …}}) where dangan audit reads
    文件 12 and 文件名：…；字节：…; its count said 最近 200 条 over fewer."""
    page = clients[A].get("/admin/audit").get_data(as_text=True)
    table = page[page.index('id="audit-table"'):]
    speech = desk["speech"]
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", table, re.S) if f"doc:{speech}<" in r and "收录" in r)
    assert f"文件 {speech}<br>" in row and f"文件名：{SPEECH.name}" in row and "字节：" in row
    assert '{"' not in table and "&#34;" not in table and "&quot;" not in table
    from dangan.web.views_admin import AUDIT_SHOWN

    with Catalog(desk["ws"].catalog_path) as catalog:
        count = len(audit.entries(catalog, limit=10_000))
    assert (f"共 {count} 条，新的在前" if count < AUDIT_SHOWN else f"最近 {AUDIT_SHOWN} 条") in page


def test_a_unit_with_nothing_released_is_told_so(app, desk) -> None:  # type: ignore[no-untyped-def]
    """A unit account whose office released nothing saw 没有找到匹配的文件 on an empty search page."""
    with Catalog(desk["ws"].catalog_path) as catalog:
        accounts.add_user(catalog, "caizheng", "unit", PASSWORD, unit="区财政局")
    client = app.test_client()
    assert login(client, "caizheng").status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "办公室尚未向本单位公开任何文件" in page and "没有找到匹配的文件" not in page
    assert "没有找到匹配的文件" in clients_page(app, "unit", "/?q=不存在的词语组合")


def clients_page(app, name: str, url: str) -> str:  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert login(client, name).status_code == 302
    return str(client.get(url).get_data(as_text=True))


def test_an_account_added_on_the_desk_says_so(clients, desk) -> None:  # type: ignore[no-untyped-def]
    """It was recorded as added from the command line (source "cli")."""
    response = clients[A].post("/admin/users", data={"name": "wangwu", "role": "viewer", "password": "x" * 12,
                                                     "csrf_token": csrf(clients[A])})
    assert response.status_code == 302
    with Catalog(desk["ws"].catalog_path) as catalog:
        source = catalog.conn.execute("SELECT source FROM users WHERE name = 'wangwu'").fetchone()[0]
        added = [e for e in audit.entries(catalog, action="user.add", limit=1000) if e["object"] == "user:wangwu"]
    assert source == "web"
    assert len(added) == 1 and added[0]["detail"]["after"]["source"] == "web"
