"""The audit trail: hash chain, append-only triggers, `dangan audit`, `dangan audit verify`, `dangan user`."""
from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from click.testing import CliRunner

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.workspace import init_workspace


@pytest.fixture
def home(tmp_path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "ws")
    return ws.home


def dangan(home, *args: str, code: int = 0):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=code != 0)
    assert result.exit_code == code, result.output
    return result


def tamper(home, sql: str, *args: object) -> None:  # type: ignore[no-untyped-def]
    """What someone with the database file could do: drop the guard, change a row."""
    conn = sqlite3.connect(home if home.suffix == ".sqlite3" else home / "catalog.sqlite3")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    conn.execute(sql, args)
    conn.commit()
    conn.close()


def test_chain_records_and_verifies(home) -> None:  # type: ignore[no-untyped-def]
    with Catalog(home / "catalog.sqlite3") as catalog:
        for n in range(30):
            audit.record(catalog, "tag", f"doc:{n}", {"before": {"title": "旧"}, "after": {"title": f"新{n}"}},
                         user="wang")
        head = catalog.conn.execute("SELECT hash FROM audit WHERE id = 30").fetchone()[0]
        assert audit.verify(catalog.conn) == {"ok": True, "entries": 30, "first_broken": None, "head": head}
        rows = audit.entries(catalog, user="wang", action="tag", limit=5)
        assert [r["id"] for r in rows] == [26, 27, 28, 29, 30] and rows[0]["detail"]["after"]["title"] == "新25"


def test_sqlite_refuses_to_change_or_delete_a_row(home) -> None:  # type: ignore[no-untyped-def]
    with Catalog(home / "catalog.sqlite3") as catalog:
        audit.record(catalog, "login", "user:wang", user="wang")
        for sql in ("UPDATE audit SET user = 'x'", "DELETE FROM audit"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                catalog.conn.execute(sql)


def test_editing_one_row_makes_verify_fail_and_name_it(home) -> None:  # type: ignore[no-untyped-def]
    dangan(home, "tasks")    # any command: the catalog exists
    with Catalog(home / "catalog.sqlite3") as catalog:
        for n in range(10):
            audit.record(catalog, "download", f"doc:{n}", {"name": f"{n}.pdf"}, user="viewer")
    assert json.loads(dangan(home, "audit", "verify", "--json").output) == \
        {"ok": True, "entries": 10, "first_broken": None}
    tamper(home, "UPDATE audit SET user = 'someone-else' WHERE id = 4")
    result = dangan(home, "audit", "verify", "--json", code=1)
    assert json.loads(result.output) == {"ok": False, "entries": 10, "first_broken": 4}
    check = json.loads(dangan(home, "check", "--json", code=1).output)
    assert [p["audit_id"] for p in check["problems"] if p["kind"] == "audit_broken"] == [4]
    assert "第 4 条" in dangan(home, "audit", "verify", code=1).output
    tamper(home, "UPDATE audit SET user = 'viewer' WHERE id = 4")       # put back: whole again
    dangan(home, "audit", "verify")
    tamper(home, "DELETE FROM audit WHERE id = 7")                      # a row removed
    assert json.loads(dangan(home, "audit", "verify", "--json", code=1).output)["first_broken"] == 8


def test_recomputing_a_hash_does_not_hide_an_edit(home) -> None:  # type: ignore[no-untyped-def]
    with Catalog(home / "catalog.sqlite3") as catalog:
        for n in range(5):
            audit.record(catalog, "export", "ledger", {"rows": n}, user="wang")
        row = catalog.conn.execute("SELECT id, at, user, action, object, detail FROM audit WHERE id = 2").fetchone()
        previous = catalog.conn.execute("SELECT hash FROM audit WHERE id = 1").fetchone()[0]
    forged = audit.row_hash((2, row[1], "mallory", row[3], row[4], row[5]), previous)
    tamper(home, "UPDATE audit SET user = 'mallory', hash = ? WHERE id = 2", forged)
    assert json.loads(dangan(home, "audit", "verify", "--json", code=1).output)["first_broken"] == 3


def test_user_commands_and_cli_actions_under_the_os_user(home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    password = tmp_path / "pw.txt"
    password.write_text("a-long-password\n", encoding="utf-8")
    dangan(home, "user", "add", "xuanchuan", "--role", "unit", "--unit", "宣传部", "--password-file", str(password))
    dangan(home, "user", "add", "wang", "--role", "clerk", "--password-file", str(password))
    missing_unit = dangan(home, "user", "add", "x", "--role", "unit", "--password-file", str(password), code=3)
    assert "须指明单位" in missing_unit.output
    short = tmp_path / "short.txt"
    short.write_text("abc\n", encoding="utf-8")
    assert "密码太短" in dangan(home, "user", "add", "y", "--role", "viewer", "--password-file", str(short),
                                  code=3).output
    assert "已存在" in dangan(home, "user", "add", "wang", "--role", "viewer", "--password-file", str(password),
                                code=3).output
    dangan(home, "user", "disable", "xuanchuan")
    dangan(home, "user", "passwd", "wang", "--password-file", str(password))
    assert "找不到用户 nobody" in dangan(home, "user", "disable", "nobody", code=3).output
    users = json.loads(dangan(home, "user", "list", "--json").output)["users"]
    assert [(u["name"], u["role"], u["unit"], u["disabled"]) for u in users] == [
        ("xuanchuan", "unit", "区委宣传部", True), ("wang", "clerk", None, False)]
    catalog_text = (home / "catalog.sqlite3").read_bytes()
    assert b"a-long-password" not in catalog_text
    entries = json.loads(dangan(home, "audit", "--json").output)["entries"]
    assert [e["action"] for e in entries] == ["user.add", "user.add", "user.disable", "user.passwd"]
    assert all(e["user"] == audit.os_user() and e["user"].startswith("os:") for e in entries)
    assert set(entries[0]) == {"id", "at", "user", "action", "object", "detail"}
    assert json.loads(dangan(home, "audit", "--json", "--user", "nobody").output) == {"entries": []}
    assert len(json.loads(dangan(home, "audit", "--json", "--since", "2000-01-01").output)["entries"]) == 4
    assert json.loads(dangan(home, "audit", "--json", "--since", "2999-01-01").output) == {"entries": []}



def test_codes_given_and_a_catalogue_written_are_in_the_trail(home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """编档号 and the 归档文件目录 left no trace: who coded a year's documents, and when, was unknown."""
    from conftest import corpus_file

    dangan(home, "ingest", str(corpus_file("txt/seed_speech/书记在创建办会部署会讲话.txt")),
           str(corpus_file("ofd/路桥区卫生局关于同意辞职的批复.ofd")))
    dangan(home, "archive", "--year", "2022", "--fonds", "Z001")
    dangan(home, "archive", "--year", "2022", "--fonds", "Z001")          # nothing new: no entry
    dangan(home, "catalog", "--year", "2022", "--out", str(tmp_path / "目录.xlsx"))
    entries = json.loads(dangan(home, "audit", "--json").output)["entries"]
    coded = [e for e in entries if e["action"] == "archive"]
    assert len(coded) == 1 and coded[0]["object"] == "year:2022"
    assert coded[0]["detail"] == {"documents": 1, "ids": [1], "range": "Z001-WS·2022-D30-BGS-0001"}
    assert entries[-1]["action"] == "export" and entries[-1]["object"] == "catalogue:目录.xlsx"
    lines = dangan(home, "audit").output
    assert "编档号  年度 2022  件数：1；编号：1；档号：Z001-WS·2022-D30-BGS-0001" in lines
    assert "导出  归档文件目录 目录.xlsx  件数：1；年度：2022" in lines

def test_backup_carries_the_trail_and_restore_checks_it(home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    notice = tmp_path / "通知.txt"
    notice.write_text("区创建办关于报送公众参与材料的通知\n各单位：请于2022年5月10日前报送。\n", encoding="utf-8")
    dangan(home, "ingest", str(notice))
    with Catalog(home / "catalog.sqlite3") as catalog:
        audit.record(catalog, "login", "user:wang", {"address": "10.0.0.2"}, user="wang")
        before = audit.entries(catalog)
    assert [e["action"] for e in before] == ["ingest", "login"]
    out = tmp_path / "backup"
    dangan(home, "backup", "--out", str(out))
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert manifest[0]["audit"]["entries"] == 3            # ingest, login, and the backup itself
    dangan(home, "restore", str(out), "--verify-only")
    restored = tmp_path / "restored"
    dangan(home, "restore", str(out), "--home", str(restored))
    assert json.loads(dangan(restored, "audit", "verify", "--json").output) == \
        {"ok": True, "entries": 4, "first_broken": None}
    after = json.loads(dangan(restored, "audit", "--json").output)["entries"]
    assert after[:2] == before and [e["action"] for e in after[2:]] == ["backup", "restore"]

    # someone edits the backup's trail and puts the catalog's new checksum into the manifest
    from dangan.archive.store import sha256_of

    rel = "catalog.sqlite3"
    catalog = out / manifest[0].get("root", "") / rel      # the generation the manifest names
    catalog.chmod(0o644)
    tamper(catalog, "UPDATE audit SET user = 'nobody' WHERE id = 2")
    for record in manifest:
        if record.get("path") == rel:
            record.update(sha256=sha256_of(catalog), size=catalog.stat().st_size)
    lines = [(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
             for r in manifest if r["kind"] != "end"]
    end = {**manifest[-1], "lines_sha256": hashlib.sha256(b"".join(lines)).hexdigest()}
    (out / "manifest.jsonl").write_bytes(b"".join(lines) + (json.dumps(end) + "\n").encode())
    result = dangan(home, "restore", str(out), "--verify-only", code=1)
    assert "审计记录被改动：第 2 条" in result.output
