"""Files an operating system or editor leaves beside documents (Thumbs.db, ~$x.docx, __MACOSX/…) are left
and named, never quarantined as broken documents nor archived as documents: by ingest, inside a ZIP made
on a Mac, and by the watcher."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from cli_run import dangan
from conftest import REPO

from dangan.intake.system_files import system_file

REPORT = REPO.parent / "shared" / "corpus" / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年云南省政府工作报告.docx"
# what the tools really write: Word's owner file (a length byte, the user name, padding), a Mac's
# AppleDouble header, Finder's .DS_Store magic
OWNER = b"\x0dAdministrator" + b"\x00" * 40 + b"\x0d\x00A\x00d\x00m\x00i\x00n" + b"\x00" * 100
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02"
DS_STORE = b"\x00\x00\x00\x01Bud1" + b"\x00" * 30


def _unit_folder(root: Path) -> Path:
    """A unit's folder as copied from its share while the report was open in Word."""
    root.mkdir()
    shutil.copy(REPORT, root / REPORT.name)
    (root / f"~${REPORT.name[2:]}").write_bytes(OWNER)
    (root / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    (root / "desktop.ini").write_text("[.ShellClassInfo]\r\nIconResource=C:\\x.ico,0\r\n", encoding="utf-16")
    (root / ".DS_Store").write_bytes(DS_STORE)
    return root


def _mac_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.write(REPORT, f"材料/{REPORT.name}")
        z.writestr(f"__MACOSX/材料/._{REPORT.name}", APPLE_DOUBLE)
        z.writestr("材料/.DS_Store", DS_STORE)
    return path


def test_a_units_folder_and_a_mac_zip_give_their_documents_and_no_failures(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    folder = _unit_folder(tmp_path / "区文明办报送")
    mac = _mac_zip(tmp_path / "报送材料.zip")
    said = dangan(home, "ingest", "--no-ocr", str(folder), str(mac))
    assert "失败 0 件" in said, said
    assert "另有 6 个系统或编辑软件生成的文件未收录" in said and "Office 打开文件时生成的锁定文件 1 个" in said
    assert "苹果电脑压缩时附带的资源文件 1 个" in said
    assert "以上含压缩包内的文件 1 个" in said      # the zip's one document, not its three entries
    assert not any((home / "quarantine").iterdir())
    again = tmp_path / "ws2"
    dangan(again, "init")
    data = json.loads(dangan(again, "ingest", "--no-ocr", "--json", str(folder), str(mac)))
    left = {Path(item["path"]).name: item["kind"] for item in data["system_files"]}
    assert left[f"._{REPORT.name}"] == "苹果电脑压缩时附带的资源文件" and left["Thumbs.db"] == "Windows 缩略图缓存"
    assert len(left) == 5 and data["failed"] == []      # the zip's .DS_Store has the folder's name
    assert sorted(d["status"] for d in data["documents"]) == ["added", "added", "duplicate"]


def test_the_watcher_leaves_them_in_the_inbox_and_takes_the_report(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    inbox = home / "inbox"
    for path in _unit_folder(tmp_path / "unit").iterdir():
        shutil.copy(path, inbox / path.name)
    dangan(home, "watch", "--once")
    assert not (inbox / REPORT.name).exists()                  # taken
    assert {p.name for p in inbox.iterdir()} == {f"~${REPORT.name[2:]}", "Thumbs.db", "desktop.ini", ".DS_Store"}
    assert not any((home / "quarantine").iterdir())
    assert json.loads(dangan(home, "stats", "--json"))["documents"] == 1


def test_only_small_lock_files_are_taken_for_locks() -> None:
    """A real document a clerk named ~$草稿.docx is a document; a lock file is a few hundred bytes."""
    assert system_file("~$草稿.docx", 162) == "Office 打开文件时生成的锁定文件"
    assert system_file("~$草稿.docx", 45_000) is None
    assert system_file(".~lock.通知.docx#", 90) == "LibreOffice 打开文件时生成的锁定文件"
    assert system_file("材料/__MACOSX/材料/通知.docx", 45_000) == "苹果电脑压缩时附带的资源文件"
    assert system_file("~WRL0003.tmp", 120_000) == "Word 编辑时生成的临时文件"
    assert system_file("通知.docx", 100) is None and system_file("thumbs.db.docx", 10) is None
