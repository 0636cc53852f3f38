"""Issue 22, security: DNS rebinding, links out of an ingested folder, sessions and login
throttling, a forged backup, terminal escapes in command output."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from watch_helpers import doc_bytes
from werkzeug.security import generate_password_hash

from dangan.archive.backup import backup
from dangan.archive.catalog import Catalog
from dangan.archive.manifest import MANIFEST_NAME, ManifestWriter, read_manifest
from dangan.archive.restore import verify_backup
from dangan.cli import cli
from dangan.intake.batch import ingest_paths
from dangan.ops.restore import restore
from dangan.web.app import create_app
from dangan.workspace import init_workspace

PASSWORD = "正确的密码-2022"
ESC = "\x1b]0;pwned\x07\x1b[31m"


@pytest.fixture
def ws(tmp_path):  # type: ignore[no-untyped-def]
    return init_workspace(tmp_path / "ws")


def _token(client) -> str:  # type: ignore[no-untyped-def]
    client.get("/upload")
    with client.session_transaction() as session:
        return str(session["csrf_token"])


# -- 4. DNS rebinding ----------------------------------------------------------------
def test_requests_for_a_foreign_host_name_are_refused(ws):
    ingest_paths(ws, [_write(ws.home.parent / "a.txt", doc_bytes(1))], ocr=False)
    client = create_app(ws).test_client()
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code in (400, 403)
    assert client.get("/documents/1/original",
                      headers={"Host": "rebind.attacker.example"}).status_code in (400, 403)


def test_allowed_hosts_come_from_the_settings(ws):
    text = ws.config_file.read_text(encoding="utf-8")
    text = text.replace("allowed_hosts = []", 'allowed_hosts = ["dangan.office.lan"]') \
        if "allowed_hosts = []" in text else text + '\n[web]\nallowed_hosts = ["dangan.office.lan"]\n'
    ws.config_file.write_text(text, encoding="utf-8")
    from dangan.workspace import open_workspace

    client = create_app(open_workspace(ws.home)).test_client()
    assert client.get("/", headers={"Host": "dangan.office.lan"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code in (400, 403)
    assert client.get("/", headers={"Host": "192.168.1.20:8765"}).status_code == 200   # an address


def test_a_post_from_another_origin_is_refused_even_with_the_token(ws):
    client = create_app(ws).test_client()
    token = _token(client)
    data = {"csrf_token": token, "q": "x"}
    foreign = client.post("/logout", data=data, headers={"Origin": "http://attacker.example"})
    assert foreign.status_code == 403
    same = client.post("/logout", data=data, headers={"Origin": "http://localhost"})
    assert same.status_code in (200, 302)


# -- 5. links out of an ingested folder -----------------------------------------------
def test_ingest_refuses_links_that_leave_the_folder(tmp_path, ws):
    secret = tmp_path / "secret" / "shadow.txt"
    secret.parent.mkdir()
    secret.write_text("root:$6$secret-hash:19000:0:99999:7:::\n" * 20, encoding="utf-8")
    folder = tmp_path / "收文"
    folder.mkdir()
    (folder / "正常.txt").write_bytes(doc_bytes(1))
    (folder / "影子.txt").symlink_to(secret)
    (folder / "内部链接.txt").symlink_to(folder / "正常.txt")
    report = ingest_paths(ws, [folder], ocr=False).to_dict()
    with Catalog(ws.catalog_path) as catalog:
        texts = [row[0] for row in catalog.conn.execute("SELECT text FROM documents")]
    assert not any("secret-hash" in t for t in texts)
    assert any("影子.txt" in f["path"] for f in report["failed"])
    assert not any("secret-hash" in p.read_text(errors="replace")
                   for p in ws.quarantine.rglob("*") if p.is_file())


# -- 6. sessions and login throttling ---------------------------------------------------
def _login(client, password: str):  # type: ignore[no-untyped-def]
    client.get("/login")
    with client.session_transaction() as session:
        token = session.get("csrf_token", "")
    return client.post("/login", data={"password": password, "csrf_token": token})


def test_a_copied_session_cookie_stops_working_after_logout(ws):
    app = create_app(ws, generate_password_hash(PASSWORD))
    client = app.test_client()
    assert _login(client, PASSWORD).status_code == 302
    cookie = client.get_cookie("dangan_session").value
    assert client.get("/").status_code == 200
    client.post("/logout", data={"csrf_token": _token(client)})
    thief = app.test_client()
    thief.set_cookie("dangan_session", cookie)
    assert thief.get("/").status_code == 302        # back to the login page


def test_a_session_does_not_survive_a_restart_or_a_new_password(ws):
    first = create_app(ws, generate_password_hash(PASSWORD))
    client = first.test_client()
    assert _login(client, PASSWORD).status_code == 302
    cookie = client.get_cookie("dangan_session").value
    for app in (create_app(ws, generate_password_hash(PASSWORD)),
                create_app(ws, generate_password_hash("新密码-2023"))):
        other = app.test_client()
        other.set_cookie("dangan_session", cookie)
        assert other.get("/").status_code == 302


def test_login_is_throttled_and_failures_are_logged(ws, caplog):
    app = create_app(ws, generate_password_hash(PASSWORD))
    client = app.test_client()
    codes = []
    with caplog.at_level(logging.WARNING):
        for n in range(12):
            codes.append(_login(client, f"猜测{n}").status_code)
    assert 429 in codes
    assert codes.index(429) <= 10
    assert _login(client, PASSWORD).status_code == 429   # even the right one, until the wait is over
    assert any("登录失败" in r.getMessage() for r in caplog.records)


# -- 7. a forged backup ------------------------------------------------------------------
def _forge(out: Path) -> None:
    """Swap two originals' contents and put their new hashes in a re-sealed manifest."""
    records = list(read_manifest(out / MANIFEST_NAME))
    docs = [r for r in records if r["kind"] == "document"]
    a, b = docs[0], docs[1]
    pa, pb = out / "originals" / a["relpath"], out / "originals" / b["relpath"]
    da, db = pa.read_bytes(), pb.read_bytes()
    for path, data in ((pa, db), (pb, da)):
        path.chmod(0o644)
        path.write_bytes(data)
    a["sha256"], b["sha256"] = b["sha256"], a["sha256"]
    a["size"], b["size"] = b["size"], a["size"]
    with (out / MANIFEST_NAME).open("wb") as fh:
        header = records[0]
        writer = ManifestWriter(fh, header["format"], **{k: v for k, v in header.items()
                                                         if k not in ("kind", "format", "version")})
        for record in records[1:]:
            writer.write(record)
        writer.close()


def test_a_forged_backup_fails_verification_and_restore(tmp_path, ws):
    ingest_paths(ws, [_write(tmp_path / f"{n}.txt", doc_bytes(n)) for n in range(3)], ocr=False)
    out = tmp_path / "备份"
    assert backup(ws, out).ok
    _forge(out)
    report = verify_backup(out)
    assert not report.ok
    assert {p.kind for p in report.problems} & {"altered", "forged"}
    restored = restore(out, tmp_path / "恢复")
    assert not restored.ok
    result = CliRunner().invoke(cli, ["restore", str(out), "--verify-only"])
    assert result.exit_code == 1 and "核对通过" not in result.output


# -- 8. terminal escapes ------------------------------------------------------------------
def test_command_output_never_carries_terminal_escapes(tmp_path, ws):
    folder = tmp_path / "收文"
    folder.mkdir()
    name = f"通知{ESC}名字.txt"
    (folder / name).write_text("关于开展文明交通劝导的通知\n各社区：请按时完成。\n" * 3, encoding="utf-8")
    (folder / f"坏{ESC}.pdf").write_bytes(b"%PDF-1.7\nbroken")
    runner = CliRunner()
    home = ["--home", str(ws.home)]
    outputs = [runner.invoke(cli, [*home, "ingest", "--no-ocr", str(folder)]).output]
    outputs.append(runner.invoke(cli, [*home, "search", "文明交通"]).output)
    outputs.append(runner.invoke(cli, [*home, "show", "1"]).output)
    for output in outputs:
        assert output.strip()
        assert "\x1b" not in output and "\x07" not in output, repr(output)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
