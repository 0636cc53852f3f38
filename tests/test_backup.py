"""Backup while the watcher runs, verified restore, migration backups (export and import: test_export_import.py)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tarfile
import threading
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from click.testing import CliRunner
from conftest import CORPUS, PKULAW, SEED_SPEECH
from watch_helpers import doc_count, wait_until, watching

from dangan.archive import catalog_db
from dangan.archive.backup import backup
from dangan.archive.catalog import Catalog
from dangan.archive.manifest import read_manifest
from dangan.archive.migrations import MIGRATIONS
from dangan.archive.restore import verify_backup
from dangan.archive.tasks import save_tasks
from dangan.cli import cli
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.intake.tag import tag_document
from dangan.ops.check import check
from dangan.ops.restore import restore
from dangan.workspace import Workspace, init_workspace, open_workspace

REPORTS = sorted((CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025").glob("*.txt"),
                 key=lambda p: (p.stat().st_size, p.name))   # the small ones first: a fast test
QUERIES = ("政府工作报告", '"人民代表大会"', "type:通知", "item:A02", "绿色建筑")


def make_ws(tmp_path: Path, name: str = "ws") -> Workspace:
    ws = init_workspace(tmp_path / name)
    text = ws.config_file.read_text(encoding="utf-8").replace("stability_seconds = 2.0",
                                                              "stability_seconds = 0.3")
    ws.config_file.write_text(text, encoding="utf-8")
    return open_workspace(ws.home)


def seed(ws: Workspace) -> dict[str, int]:
    """Three documents, a manual edit, a manual item, tasks (one linked to no document)."""
    report = ingest_paths(ws, [SEED_SPEECH, PKULAW])
    ids = {Path(d["path"]).name: d["id"] for d in report.to_dict()["documents"]}
    speech = ids[SEED_SPEECH.name]
    tag_document(ws, speech, fields={"title": "书记在创建办会部署会上的讲话", "doc_type": "讲话"},
                 add_items=["A02"])
    with Catalog(ws.catalog_path) as catalog:
        task = SimpleNamespace(text="九月底前完成18条示范路整治", source="三、认清责任",
                               owners=("区城管局", "各街道"), deadline=date(2022, 9, 30))
        save_tasks(catalog, speech, [task])
        save_tasks(catalog, None, [SimpleNamespace(text="通报排位每月一次", source=None,
                                                   owners=("区创建办",), deadline=None)])
    return {"speech": speech, "count": len(ids)}


def state(ws: Workspace) -> dict[str, Any]:
    """What must survive: every catalog row that matters, and what searches find."""
    with Catalog(ws.catalog_path) as catalog:
        rows = lambda sql: [tuple(r) for r in catalog.conn.execute(sql)]  # noqa: E731
        out: dict[str, Any] = {
            "documents": rows("SELECT * FROM documents ORDER BY id"),
            "sources": rows("SELECT * FROM sources ORDER BY id"),
            "items": rows("SELECT * FROM document_items ORDER BY document_id, item_code"),
            "tasks": rows("SELECT * FROM tasks ORDER BY id"),
        }
    for query in QUERIES:
        result = search(ws, query, limit=100)
        out[query] = (result.total, sorted(hit.id for hit in result.hits))
    return out


def flat(output: str) -> str:
    """CLI output without the line breaks rich adds at the terminal width."""
    return output.replace("\n", "")





def assert_restored_clean(backup_path: Path, home: Path) -> Workspace:
    report = restore(backup_path, home)
    assert report.ok and report.restored, report.problems
    restored = open_workspace(home)
    result = check(restored)
    assert result["ok"], result["problems"]
    assert result["documents"] == report.documents == report.indexed
    return restored


# -- the end-to-end test ----------------------------------------------------------
def test_backup_while_the_watcher_ingests_then_restore_finds_everything(tmp_path):
    ws = make_ws(tmp_path)
    seeded = seed(ws)
    files = REPORTS[:24]
    stage = tmp_path / "stage"
    stage.mkdir()
    mid: dict[str, Any] = {}

    def drop_files() -> None:   # a person copying files in, one by one
        for source in files:
            shutil.copyfile(source, stage / source.name)
            os.rename(stage / source.name, ws.inbox / source.name)
            time.sleep(0.08)

    with watching(ws):
        dropper = threading.Thread(target=drop_files)
        dropper.start()
        wait_until(lambda: doc_count(ws) >= seeded["count"] + 3, timeout=60, what="the watcher to start ingesting")
        mid["tar"] = backup(ws, tmp_path / "mid.tar")
        mid["dir"] = backup(ws, tmp_path / "backup")
        dropper.join()
        final = seeded["count"] + len(files)
        wait_until(lambda: doc_count(ws) == final and not any(ws.inbox.iterdir()), timeout=60, what="all files")
        second = backup(ws, tmp_path / "backup")   # incremental, watcher still running
    assert mid["tar"].ok and mid["dir"].ok
    assert seeded["count"] < mid["dir"].documents < final   # taken mid-batch
    assert second.ok and second.documents == final
    assert second.kept_originals == mid["dir"].documents
    assert second.new_originals == final - mid["dir"].documents
    assert mid["dir"].linked == mid["dir"].new_originals   # same file system: hard links

    # the mid-batch snapshot is consistent: manifest, catalog and originals agree
    assert verify_backup(tmp_path / "mid.tar").ok
    early = assert_restored_clean(tmp_path / "mid.tar", tmp_path / "early")
    assert doc_count(early) == mid["tar"].documents

    # the final backup restores the same documents, metadata, tasks and search results
    restored = assert_restored_clean(tmp_path / "backup", tmp_path / "restored")
    live = state(ws)
    assert state(restored) == live
    assert len(live["tasks"]) == 2 and live["item:A02"][0] >= 1
    shown = restored.config_file.read_text(encoding="utf-8")
    assert "stability_seconds = 0.3" in shown   # settings came back too


def test_manifest_holds_every_element_sources_items_and_tasks(tmp_path):
    ws = make_ws(tmp_path)
    seeded = seed(ws)
    report = backup(ws, tmp_path / "b")
    records = list(read_manifest(tmp_path / "b" / "manifest.jsonl"))
    assert records[0]["kind"] == "header" and records[0]["schema_version"] == len(MIGRATIONS)
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    assert len(docs) == report.documents == seeded["count"]
    speech = docs[seeded["speech"]]
    assert speech["title"] == "书记在创建办会部署会上的讲话" and speech["doc_type"] == "讲话"
    assert speech["meta_origin"]["title"]["origin"] == "manual"
    assert {"code": "A02", "origin": "manual"}.items() <= next(
        i for i in speech["items"] if i["code"] == "A02").items()
    assert speech["sources"][0]["path"] == str(SEED_SPEECH)
    assert speech["tasks"][0]["owners"] == ["区城管局", "各街道"] and "archival_code" in speech
    assert "text" not in speech
    assert [r["text"] for r in records if r["kind"] == "task"] == ["通报排位每月一次"]
    files = {r["path"] for r in records if r["kind"] == "file"}
    assert {"catalog.sqlite3", "dangan.toml"} <= files


# -- damage is found and named ----------------------------------------------------------
def test_one_altered_byte_is_named_exactly_and_not_restored(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    assert backup(ws, tmp_path / "b", link=False).ok
    victim = next((tmp_path / "b" / "originals").rglob("*.txt"))
    victim.chmod(0o644)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    rel = victim.relative_to(tmp_path / "b").as_posix()

    report = verify_backup(tmp_path / "b")
    assert [(p.kind, p.path) for p in report.problems] == [("altered", rel)]
    assert report.problems[0].document_id is not None

    runner = CliRunner()
    result = runner.invoke(cli, ["restore", str(tmp_path / "b"), "--verify-only"])
    assert result.exit_code == 1
    assert f"校验值不符（文件被改动或损坏）：{rel}" in flat(result.output)
    assert flat(result.output).count("originals/") == 1

    result = runner.invoke(cli, ["restore", str(tmp_path / "b"), "--home", str(tmp_path / "new")])
    assert result.exit_code == 1 and "已恢复到" in flat(result.output)
    restored = open_workspace(tmp_path / "new")
    kinds = [(p["kind"], p["document_id"]) for p in check(restored)["problems"]]
    assert kinds == [("original_missing", report.problems[0].document_id)]
    rejected = list((tmp_path / "new" / "quarantine").rglob(victim.name))
    assert len(rejected) == 1 and rejected[0].read_bytes() == bytes(data)


def test_altered_byte_inside_a_tar_is_named(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    out = tmp_path / "b.tar"
    assert backup(ws, out).ok
    with tarfile.open(out) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith("originals/"))
    with out.open("r+b") as fh:
        fh.seek(member.offset_data + 10)
        byte = fh.read(1)
        fh.seek(member.offset_data + 10)
        fh.write(bytes([byte[0] ^ 0xFF]))
    problems = verify_backup(out).problems
    assert [(p.kind, p.path) for p in problems] == [("altered", member.name)]


def test_missing_extra_unsafe_and_truncated_manifest(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    folder = tmp_path / "b"
    backup(ws, folder, link=False)
    gone = next((folder / "originals").rglob("*.txt"))
    gone.unlink()
    (folder / "originals" / "stray.pdf").write_bytes(b"%PDF-1.4 not ours")
    problems = {(p.kind, p.path) for p in verify_backup(folder).problems}
    assert problems == {("missing", gone.relative_to(folder).as_posix()),
                        ("extra", "originals/stray.pdf")}

    evil = tmp_path / "evil.tar"
    with tarfile.open(evil, "w") as tar:
        tar.add(folder / "manifest.jsonl", "manifest.jsonl")
        tar.add(next(folder.rglob("dangan.toml")), "../escape.toml")
    report = restore(evil, tmp_path / "never")
    assert not report.restored and not (tmp_path / "never").exists()
    assert not (tmp_path / "escape.toml").exists()
    assert "unsafe" in {p.kind for p in report.problems}

    lines = (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "manifest.jsonl").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["restore", str(folder), "--home", str(tmp_path / "new")])
    assert result.exit_code == 1 and "未恢复" in flat(result.output) and "缺少结尾记录" in flat(result.output)
    assert not (tmp_path / "new").exists()


def test_backup_and_restore_refuse_unsafe_targets(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "note.txt").write_text("x", encoding="utf-8")
    runner = CliRunner()
    base = ["--home", str(ws.home)]
    result = runner.invoke(cli, [*base, "backup", "--out", str(tmp_path / "busy")])
    assert result.exit_code == 3 and "不是空的" in flat(result.output)
    result = runner.invoke(cli, [*base, "backup", "--out", str(ws.home / "originals" / "x")])
    assert result.exit_code == 3 and "工作区里面" in flat(result.output)
    result = runner.invoke(cli, [*base, "backup", "--out", str(tmp_path / "b.tar"), "--json"],
                           catch_exceptions=False)
    assert result.exit_code == 0 and json.loads(result.output)["format"] == "tar"
    result = runner.invoke(cli, ["restore", str(tmp_path / "b.tar"), "--home", str(ws.home)])
    assert result.exit_code == 3 and "不是空文件夹" in flat(result.output)
    size = (tmp_path / "b.tar").stat().st_size
    for name in ("b.tar", "B.TAR"):      # the old .tar is kept, whatever case the name is typed in
        target = tmp_path / name
        if not target.exists():
            target.write_bytes(b"old")
        before = target.read_bytes()
        result = runner.invoke(cli, [*base, "backup", "--out", str(target)])
        assert result.exit_code == 3, result.output
        assert "已有同名文件" in flat(result.output) and "先删除旧的备份文件" in flat(result.output)
        assert target.read_bytes() == before
    assert (tmp_path / "b.tar").stat().st_size == size
    old_gz = tmp_path / "c.tar.gz"
    old_gz.write_bytes(b"old")
    result = runner.invoke(cli, [*base, "backup", "--out", str(old_gz)])
    assert result.exit_code == 3 and "已有同名文件" in flat(result.output)
    assert old_gz.read_bytes() == b"old"
    result = runner.invoke(cli, ["restore", str(tmp_path / "nothing")])
    assert result.exit_code == 3 and "找不到备份" in flat(result.output)


# -- schema migrations back the catalog up first -----------------------------------------
def test_migration_backs_up_the_catalog_first_and_keeps_the_data(tmp_path, monkeypatch):
    ws = make_ws(tmp_path)
    seeded = seed(ws)
    before = state(ws)
    version = len(MIGRATIONS)
    extra = MIGRATIONS + ("ALTER TABLE documents ADD COLUMN volume TEXT;"
                          "UPDATE documents SET volume = '第一卷'",)
    monkeypatch.setattr(catalog_db, "MIGRATIONS", extra)
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.schema_version() == version + 1
        volumes = {r[0] for r in catalog.conn.execute("SELECT volume FROM documents")}
        assert volumes == {"第一卷"}
    copies = list((ws.home / "backups").glob(f"catalog-v{version}-*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == version
        assert old.execute("SELECT count(*) FROM documents").fetchone()[0] == seeded["count"]
    after = state(ws)
    assert after["tasks"] == before["tasks"] and after["items"] == before["items"]
    assert [row[:-1] for row in after["documents"]] == before["documents"]  # + the new column
    with Catalog(ws.catalog_path):
        pass   # already current: no second copy
    assert len(list((ws.home / "backups").glob("*.sqlite3"))) == 1
    # a backup taken now carries the new column in its manifest
    backup(ws, tmp_path / "b")
    docs = [r for r in read_manifest(tmp_path / "b" / "manifest.jsonl") if r["kind"] == "document"]
    assert {d["volume"] for d in docs} == {"第一卷"}


def test_backup_to_the_same_disk_says_the_links_are_no_second_copy(tmp_path):
    """A backup folder beside the workspace holds hard links: the clerk is told, and --copy makes real copies."""
    ws = make_ws(tmp_path)
    seed(ws)
    runner = CliRunner()
    base = ["--home", str(ws.home)]
    result = runner.invoke(cli, [*base, "backup", "--out", str(tmp_path / "linked")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "以硬链接存入备份" in flat(result.output) and "--copy" in flat(result.output)
    kept = next(p for p in (tmp_path / "linked").rglob("*") if p.is_file() and p.stat().st_nlink > 1)
    assert kept.stat().st_nlink > 1          # the same bytes as the workspace's original
    result = runner.invoke(cli, [*base, "backup", "--out", str(tmp_path / "copied"), "--copy"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "硬链接" not in flat(result.output).replace("其中硬链接 0 件", "")
    originals = [p for p in (tmp_path / "copied").rglob("*") if p.is_file() and "originals" in p.parts]
    assert originals and all(p.stat().st_nlink == 1 for p in originals)
