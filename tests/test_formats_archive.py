"""ZIP, 7z and RAR batches: each member its own document; hostile members quarantined."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import zipfile
from pathlib import Path

import pytest
from format_files import gbk_member

from dangan.archive.catalog import Catalog
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.read.extract.members import zip_name

BATCH = "街道报送材料.zip"
MEMBERS = {f"{BATCH}/各社区材料/1981年工作报告.txt", f"{BATCH}/各社区材料/河南省政府工作报告.docx",
           f"{BATCH}/各社区材料/社区报送.zip", f"{BATCH}/各社区材料/社区报送.zip/社区/1979年报告摘录.txt"}


def sources(ws) -> dict[str, int]:
    with Catalog(ws.catalog_path) as catalog:
        return {row[0]: row[1] for row in catalog.conn.execute("SELECT path, document_id FROM sources")}


def test_gbk_member_names_are_decoded(format_files):
    folder, _ = format_files
    with zipfile.ZipFile(folder / BATCH) as z:
        names = {zip_name(i) for i in z.infolist()}
        flags = {i.flag_bits & 0x800 for i in z.infolist() if i.filename.endswith(".txt")}
    assert "各社区材料/1981年工作报告.txt" in names and flags == {0}


def test_each_member_is_a_document_and_the_archive_is_kept(format_files, workspace):
    folder, _ = format_files
    report = ingest_paths(workspace, [folder / BATCH, folder / "社区台账.7z", folder / "社区材料.rar"],
                          ocr=False).to_dict()
    assert report["failed"] == []
    shown = {Path(d["path"]).relative_to(folder).as_posix(): d for d in report["documents"]}
    expected = MEMBERS | {BATCH, "社区台账.7z", "社区台账.7z/台账/1982年报告.txt",
                          "社区材料.rar", "社区材料.rar/社区材料/1986年报告.txt"}
    assert set(shown) == expected
    assert shown[BATCH]["type"] == "application/zip" and shown[BATCH]["title"] == "街道报送材料"
    assert shown[f"{BATCH}/各社区材料/河南省政府工作报告.docx"]["type"].endswith("wordprocessingml.document")
    hit = search(workspace, '"社区报送"').hits   # the archive's own text lists its members
    assert hit
    found = search(workspace, '"经济运行持续向好"', limit=50).hits
    assert any(h.path and h.path.endswith("河南省政府工作报告.docx") for h in found)
    with Catalog(workspace.catalog_path) as catalog:
        archived = {p.suffix for p in workspace.originals.rglob("*") if p.is_file()}
        assert {".zip", ".7z", ".rar", ".txt", ".docx"} <= archived
        assert catalog.count() == len(expected)
    again = ingest_paths(workspace, [folder / BATCH], ocr=False).to_dict()
    assert again["ingested"] == 0 and again["duplicates"] == 1      # members not walked again


def test_an_archive_named_by_its_file_says_so_not_by_a_folder_default(format_files, workspace):
    """`show` said 标题：街道报送材料（按文件夹默认） for a ZIP dropped at the inbox's root: its name
    went in as a folder default (and was then kept from re-reading like a hand-entered one)."""
    from click.testing import CliRunner

    from dangan.cli import cli

    folder, _ = format_files
    ingest_paths(workspace, [folder / BATCH], ocr=False)
    with Catalog(workspace.catalog_path) as catalog:
        doc_id, origin = catalog.conn.execute("SELECT id, meta_origin FROM documents WHERE original_name = ?",
                                              (BATCH,)).fetchone()
    assert json.loads(origin)["title"]["origin"] == "auto"
    shown = CliRunner().invoke(cli, ["--home", str(workspace.home), "show", str(doc_id)], catch_exceptions=False)
    assert "标题：街道报送材料\n" in shown.output and "按文件夹默认" not in shown.output


def hostile_zip(path: Path, corpus_text: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(gbk_member("好文件/创建工作简报.txt"), corpus_text.encode("gbk", "replace"))
        z.writestr(gbk_member("../../逃逸.txt"), "越界写入".encode("gbk"))
        z.writestr(gbk_member("/etc/绝对路径.txt"), "绝对路径".encode("gbk"))
        z.writestr(gbk_member("炸弹.txt"), b"\0" * (120 * 2**20))
    return path


def test_hostile_members_are_quarantined_and_the_rest_taken(format_files, workspace, tmp_path):
    folder, made = format_files
    text = made[f"{BATCH}/各社区材料/1981年工作报告.txt"]
    batch = hostile_zip(tmp_path / "可疑.zip", text)
    encrypted = tmp_path / "加密.zip"
    if shutil.which("7z"):
        plain = tmp_path / "密件.txt"
        plain.write_text(text[:3000] + "（加密成员）", encoding="utf-8")
        subprocess.run(["7z", "a", "-tzip", "-p123456", str(encrypted), str(plain)], check=True,
                       capture_output=True)
    report = ingest_paths(workspace, [batch] + ([encrypted] if encrypted.exists() else []), ocr=False)
    reasons = {r.path.name: r.reason for r in report.failed}
    assert "“..”" in reasons["逃逸.txt"]
    assert "绝对路径" in reasons["绝对路径.txt"]
    assert "压缩炸弹" in reasons["炸弹.txt"]
    if encrypted.exists():
        assert "加密" in reasons["密件.txt"]
    added = {r.path.relative_to(tmp_path).as_posix() for r in report.results if r.status == "added"}
    assert "可疑.zip/好文件/创建工作简报.txt" in added and "可疑.zip" in added
    quarantined = [p.name for p in workspace.quarantine.rglob("*.reason.txt")]
    assert "炸弹.txt.reason.txt" in quarantined
    assert not any(p.name == "炸弹.txt" for p in workspace.quarantine.rglob("*"))   # never unpacked
    assert not (workspace.home.parent / "逃逸.txt").exists()


def test_nesting_deeper_than_the_limit_is_refused(workspace, tmp_path):
    inner = tmp_path / "l0.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("最深处.txt", "嵌套最深处的通知全文".encode())
    for level in range(1, 5):
        outer = tmp_path / f"l{level}.zip"
        with zipfile.ZipFile(outer, "w") as z:
            z.write(inner, inner.name)
        inner = outer
    report = ingest_paths(workspace, [inner], ocr=False)
    [failed] = report.failed
    assert "嵌套超过 3 层" in failed.reason and failed.path.relative_to(tmp_path).as_posix() == \
        "l4.zip/l3.zip/l2.zip/l1.zip"
    assert report.count("added") == 3      # l4, l3 and l2 opened and kept as originals


@pytest.mark.slow
def test_watched_zip_yields_each_member_once_across_kill_9(format_files, tmp_path):
    from watch_helpers import assert_settled, make_ws, spawn

    folder, _ = format_files
    ws = make_ws(tmp_path)
    shutil.copyfile(folder / BATCH, ws.inbox / BATCH)
    crashed = spawn(ws.home, tmp_path / "run1", "--once", env={"DANGAN_CRASH_AT": "archived@3"})
    assert crashed.wait(120) == -signal.SIGKILL
    assert 0 < len(sources(ws)) < len(MEMBERS) + 1
    restarted = spawn(ws.home, tmp_path / "run2", "--once")
    assert restarted.wait(120) == 0
    assert_settled(ws, len(MEMBERS) + 1)
    shown = sorted(Path(p).relative_to(ws.inbox).as_posix() for p in sources(ws))
    assert shown == sorted(MEMBERS | {BATCH})
    assert "Traceback" not in (tmp_path / "run2" / "stderr.txt").read_text(encoding="utf-8")


def test_cli_ingest_json_reports_member_types(format_files, tmp_path):
    import json

    from click.testing import CliRunner

    from dangan.cli import cli

    folder, _ = format_files
    home = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    out = runner.invoke(cli, ["--home", str(home), "ingest", "--json", str(folder / "社区台账.7z")])
    assert out.exit_code == 0, out.output
    types = {Path(d["path"]).name: d["type"] for d in json.loads(out.stdout)["documents"]}
    assert types == {"社区台账.7z": "application/x-7z-compressed", "1982年报告.txt": "text/plain"}


def test_an_archive_past_its_total_budget_keeps_what_fits(workspace, tmp_path):
    """The total unpacked size is counted as members are written: the rest is refused, not unpacked."""
    from dangan.workspace import open_workspace

    config = workspace.config_file.read_text(encoding="utf-8")
    workspace.config_file.write_text(config.replace("max_unzipped_mb = 500", "max_unzipped_mb = 1"),
                                     encoding="utf-8")
    ws = open_workspace(workspace.home)
    batch = tmp_path / "三份材料.zip"
    with zipfile.ZipFile(batch, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(3):
            body = "".join(f"第{n}份材料第{i}行：社区环境卫生整治情况。\n" for i in range(9_000))
            z.writestr(gbk_member(f"材料{n}.txt"), body.encode("gbk"))
    report = ingest_paths(ws, [batch], ocr=False)
    [refused] = report.failed
    assert "解压总量超过上限" in refused.reason and refused.path.name == "材料2.txt"
    assert report.count("added") == 3          # 材料0, 材料1 and the archive itself


def test_encrypted_7z_members_are_refused(workspace, tmp_path):
    import py7zr

    locked = tmp_path / "加密材料.7z"
    with py7zr.SevenZipFile(locked, "w", password="123456") as z:
        z.writestr("创建工作机密材料全文".encode(), "机密/材料.txt")
    report = ingest_paths(workspace, [locked], ocr=False)
    reasons = {r.path.name: r.reason for r in report.failed}
    assert "已加密" in reasons["材料.txt"]
    assert report.count("added") == 1          # the archive itself is kept
