"""Web desk sessions live in the catalog: a restart keeps them, two server processes share them.

Two Flask apps on one workspace stand for a restarted server or a second process
behind the same reverse proxy: a cookie from one is good on the other, a logout on
either ends it on both, and the catalog keeps only a hash of the session id.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from web_desk import csrf

from dangan.archive import accounts
from dangan.archive.catalog import Catalog
from dangan.web import sessions
from dangan.web.app import create_app
from dangan.web.security import SESSION_ID
from dangan.workspace import Workspace, init_workspace

PASSWORD = "a-long-enough-password"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = init_workspace(tmp_path / "ws")
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "clerk", "clerk", PASSWORD)
    return ws


def signed_in(app) -> tuple:  # type: ignore[no-untyped-def]
    client = app.test_client()
    client.get("/login")
    reply = client.post("/login", data={"name": "clerk", "password": PASSWORD, "csrf_token": csrf(client)})
    assert reply.status_code == 302 and client.get("/").status_code == 200
    return client, client.get_cookie("dangan_session").value


def with_cookie(app, cookie: str):  # type: ignore[no-untyped-def]
    client = app.test_client()
    client.set_cookie("dangan_session", cookie)
    return client


def test_restart_keeps_the_session(ws: Workspace) -> None:
    _, cookie = signed_in(create_app(ws))
    restarted = create_app(ws)            # the same workspace, a new process's app
    assert with_cookie(restarted, cookie).get("/").status_code == 200


def test_logout_on_one_process_ends_the_session_on_the_other(ws: Workspace) -> None:
    first, second = create_app(ws), create_app(ws)
    client, cookie = signed_in(first)
    other = with_cookie(second, cookie)
    assert other.get("/").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf(client)}).status_code == 302
    assert other.get("/").status_code == 302             # back to the login page
    assert with_cookie(first, cookie).get("/").status_code == 302


def test_catalog_keeps_only_a_hash_of_the_id(ws: Workspace) -> None:
    client, _ = signed_in(create_app(ws))
    with client.session_transaction() as session:
        sid = session[SESSION_ID]
    with Catalog(ws.catalog_path) as catalog:
        rows = catalog.conn.execute("SELECT id_hash, user FROM web_sessions").fetchall()
    assert [r[1] for r in rows] == ["clerk"]
    assert all(sid not in r[0] for r in rows) and len(rows[0][0]) == 64


def test_idle_and_old_sessions_expire(ws: Workspace) -> None:
    now = [1_000_000.0]
    store = sessions.SessionStore(clock=lambda: now[0])
    with Catalog(ws.catalog_path) as catalog:
        sid = store.open(catalog, "clerk", "k")
        now[0] += sessions.IDLE_LIMIT - 60
        assert store.check(catalog, sid, "k") is not None      # used: its idle clock restarts
        now[0] += sessions.IDLE_LIMIT - 60
        assert store.check(catalog, sid, "k") is not None
        assert store.check(catalog, sid, "other key") is None  # a new password: closed for good
        assert store.check(catalog, sid, "k") is None
        old = store.open(catalog, "clerk", "k")
        for _ in range(8):                                      # kept busy, yet too old at last
            now[0] += sessions.LIFETIME / 7
            store.check(catalog, old, "k")
        assert store.check(catalog, old, "k") is None
        stale = store.open(catalog, "clerk", "k")
        now[0] += sessions.IDLE_LIMIT + 1
        store.open(catalog, "clerk", "k")                       # opening purges the expired
        assert catalog.conn.execute("SELECT count(*) FROM web_sessions").fetchone()[0] == 1
        assert store.check(catalog, stale, "k") is None
