"""`export`, `package`, `backup` and `restore` as a clerk meets them, on real files: what is never
replaced or half written, what the lists say of page counts and posting days, items typed loosely
or filed by review, folders that are files, and progress."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from clerk_desk import SHANGHAI, dangan
from conftest import CORPUS


def test_package_never_replaces_a_zip_and_writes_no_folder_named_rar(clerk_desk, tmp_path: Path, monkeypatch) -> None:
    """A package to a .zip that exists replaced it without a word (a folder is refused); `--out 资料.rar`
    made a folder called 资料.rar. The trail says where the package went, not only its name."""
    home, _ = clerk_desk
    monkeypatch.chdir(tmp_path)
    first = json.loads(dangan(home, "package", "--query", "政府工作报告", "--out", "资料.zip", "--json").output)
    assert first["path"] == str(tmp_path / "资料.zip") and first["documents"] >= 2
    before = (tmp_path / "资料.zip").read_bytes()
    said = dangan(home, "package", "--query", "会议记录", "--out", "资料.zip", code=3).output
    assert "输出位置已有内容" in said and (tmp_path / "资料.zip").read_bytes() == before
    said = dangan(home, "package", "--query", "政府工作报告", "--out", "资料.rar", code=3).output
    assert "不能打包成 .rar 文件" in said and ".zip" in said and not (tmp_path / "资料.rar").exists()
    last = json.loads(dangan(home, "audit", "--json", "--limit", "1").output)["entries"][-1]
    assert last["object"] == f"package:{tmp_path / '资料.zip'}"


def test_export_and_package_lists_mark_estimated_page_counts(clerk_desk, tmp_path: Path) -> None:
    """The catalogue says 页数为估算; the export's 文件清单 and the package's 佐证材料目录 gave a
    reckoned count (a DOCX without statistics, a text) as if read off the pages."""
    from openpyxl import load_workbook

    home, _ = clerk_desk
    dangan(home, "export", "--query", "政府工作报告", "--out", str(tmp_path / "移交"))
    dangan(home, "package", "--query", "政府工作报告", "--out", str(tmp_path / "资料包"))
    for sheet, title_col in ((tmp_path / "移交" / "文件清单.xlsx", "题名"), (tmp_path / "资料包" / "佐证材料目录.xlsx", "题名")):
        rows = list(load_workbook(sheet).active.iter_rows(min_row=2, values_only=True))
        header = rows[0]
        notes = {row[header.index(title_col)]: row[header.index("备注")] or "" for row in rows[1:]}
        assert "估算" not in notes["2025年上海市政府工作报告"], sheet                   # app.xml says 30 pages
        jilin = next(note for title, note in notes.items() if "吉林" in (title or ""))
        assert jilin == "页数为估算", sheet                                            # no statistics: reckoned


def test_restore_says_what_a_folder_is_when_it_is_no_backup_and_shows_progress(clerk_desk, tmp_path: Path) -> None:
    """restore of an export folder, a workspace or a folder of files checked every file and listed each
    as 清单中没有的多余文件 (an export's manifest as 不是 dangan 的清单); a real restore said only
    正在核对并恢复…… however long it took."""
    home, _ = clerk_desk
    dangan(home, "export", "--query", "政府工作报告", "--out", str(tmp_path / "移交"))
    inbox = tmp_path / "收文"
    inbox.mkdir()
    shutil.copy(SHANGHAI, inbox / SHANGHAI.name)
    for source, said in ((tmp_path / "移交", "是 dangan export 导出的文件夹，不是备份"),
                         (home, "是一个工作区，不是备份"),
                         (inbox, "找不到备份，或它既不是备份文件夹也不是 .tar 文件")):
        result = dangan(home, "restore", str(source), "--home", str(tmp_path / "恢复"), code=3)
        assert said in result.output and "多余文件" not in result.output, result.output
        assert not (tmp_path / "恢复").exists()
    assert "dangan ingest" in dangan(home, "restore", str(tmp_path / "移交"), "--verify-only", code=3).output
    dangan(home, "backup", "--out", str(tmp_path / "备份"))
    done = dangan(home, "restore", str(tmp_path / "备份"), "--home", str(tmp_path / "恢复"))
    files = len([p for p in (tmp_path / "备份").rglob("*") if p.is_file() and p.name != ".dangan-backup"])
    assert f"核对备份文件：{files}/{files} 个（100%）" in done.output, done.output
    assert re.search(r"重建索引：\d+ 件", done.output) and "已恢复到" in done.output
    assert "核对备份文件" not in dangan(home, "restore", str(tmp_path / "备份"), "--verify-only", "--json").output


def test_what_review_files_under_an_item_is_found_under_it_and_a_wrong_code_is_named(clerk_desk, tmp_path: Path) -> None:
    """A unit's material accepted for A02 was 挂在 A02 下 by gaps only: search item:A02, export --item A02
    and package --item A02 found nothing (tag --item links the item too). And export --item Z99
    said 没有符合条件的文件, as if A02's files were missing, where package says the code is unknown."""
    from dangan.intake.review import hand_in
    from dangan.workspace import open_workspace

    home, _ = clerk_desk
    speech = CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"
    ws = open_workspace(home)
    with speech.open("rb") as stream:
        handed = hand_in(ws, stream, speech.name, unit="区委宣传部", user="xuanchuan", item_code="A02")
    doc_id = json.loads(dangan(home, "review", "accept", str(handed["id"]), "--json").output)["document_id"]
    found = json.loads(dangan(home, "search", "item:A02", "--json").output)
    assert doc_id in [hit["id"] for hit in found["results"]]
    package = json.loads(dangan(home, "package", "--item", "A02", "--out", str(tmp_path / "资料"), "--json").output)
    assert package["documents"] == 1
    exported = json.loads(dangan(home, "export", "--item", "A02", "--out", str(tmp_path / "移交"), "--json").output)
    assert exported["documents"] == 1
    said = dangan(home, "export", "--item", "Z99", "--out", str(tmp_path / "错"), code=3).output
    assert "未知的测评项目代码 Z99" in said and "dangan taxonomy show" in said
    assert not (tmp_path / "错").exists()


def test_an_export_or_package_stopped_half_way_leaves_nothing_and_the_next_run_works(clerk_desk, tmp_path: Path,
                                                                                     monkeypatch) -> None:
    """Ctrl-C during export left 0004_….pdf, 0005_….docx and a .manifest.jsonl.tmp in the folder the
    clerk named (a half export to hand over, and the next run refused: 已存在且不是空文件夹); a package
    folder the same. And export showed no progress."""
    import dangan.compose.package as package_module
    from dangan.compose.export import export
    from dangan.workspace import open_workspace

    home, ids = clerk_desk
    ws = open_workspace(home)
    copied = 0

    def stopped() -> None:
        nonlocal copied
        copied += 1
        if copied == 3:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        export(ws, tmp_path / "移交", on_doc=stopped)
    assert not (tmp_path / "移交").exists() and not list(tmp_path.glob(".移交*"))
    done = dangan(home, "export", "--out", str(tmp_path / "移交"))
    assert f"导出：{len(ids)}/{len(ids)} 件（100%）" in done.output
    assert len(json.loads(dangan(home, "export", "--out", str(tmp_path / "再"), "--json").output)) > 0

    real_copy, calls = shutil.copyfile, 0

    def copy_then_stop(source, target):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real_copy(source, target)
    monkeypatch.setattr(shutil, "copyfile", copy_then_stop)   # the package copies originals with it
    with pytest.raises(KeyboardInterrupt):
        package_module.make_package(ws, tmp_path / "资料包", query="政府工作报告")
    assert not (tmp_path / "资料包").exists() and not list(tmp_path.glob(".资料包*"))
    monkeypatch.undo()
    made = json.loads(dangan(home, "package", "--query", "政府工作报告", "--out", str(tmp_path / "资料包"),
                             "--json").output)
    assert made["documents"] >= 2 and (tmp_path / "资料包" / "佐证材料目录.xlsx").is_file()


def test_backup_to_a_zip_name_is_refused_not_made_a_folder(clerk_desk, tmp_path: Path) -> None:
    """backup --out 备份.zip made a folder called 备份.zip (a .tar is written as one file, a .zip never was)."""
    home, ids = clerk_desk
    said = dangan(home, "backup", "--out", str(tmp_path / "备份.zip"), code=3).output
    assert "不能写成 .zip 文件" in said and ".tar" in said and not (tmp_path / "备份.zip").exists()
    made = json.loads(dangan(home, "backup", "--out", str(tmp_path / "备份.tar.gz"), "--json").output)
    assert made["ok"] and made["documents"] == len(ids) and (tmp_path / "备份.tar.gz").is_file()


@pytest.mark.parametrize("args", [
    ("export", "--query", "政府工作报告", "--out"), ("package", "--query", "政府工作报告", "--out"),
    ("backup", "--out"), ("catalog", "--year", "2025", "--out"), ("restore", "BACKUP", "--home")])
def test_a_file_where_a_folder_must_be_is_said_not_an_internal_error(clerk_desk, tmp_path: Path, args) -> None:
    """--out 收文/通知.txt/子 (a file in the middle of the path) was 内部错误（FileExistsError…）."""
    home, _ = clerk_desk
    a_file = tmp_path / "通知.txt"
    a_file.write_text("不是文件夹", encoding="utf-8")
    if "BACKUP" in args:
        dangan(home, "backup", "--out", str(tmp_path / "备份"))
        args = tuple(str(tmp_path / "备份") if a == "BACKUP" else a for a in args)
    target = a_file / ("目录.xlsx" if "catalog" in args else "子")
    said = dangan(home, *args, str(target), code=3).output
    assert f"无法使用 {a_file}：这是一个文件，不是文件夹" in said, said
    assert "内部错误" not in said and "Errno" not in said and "：0/" not in said
    assert a_file.read_text(encoding="utf-8") == "不是文件夹"


@pytest.mark.parametrize(("args", "typed", "meant"), [
    (("package", "--out", "OUT", "--item"), "a01", "A01"),
    (("export", "--out", "OUT", "--item"), "ａ０１", "A01"),
    (("package", "--out", "OUT", "--taxonomy", "national-2015", "--item"), "iii-77", "Ⅲ-77"),
    (("taxonomy", "show", "--taxonomy", "national-2015"), "III-77", "Ⅲ-77"),
    (("tag", "DOC", "--item"), "a02", "A02")])
def test_a_code_typed_loosely_is_answered_with_the_code_meant(clerk_desk, tmp_path: Path, args, typed, meant) -> None:
    """package --item a01 (or III-77 for Ⅲ-77, full-width Ａ０１) said only 未知的测评项目代码 a01."""
    home, ids = clerk_desk
    args = tuple(str(tmp_path / "out") if a == "OUT" else str(min(ids.values())) if a == "DOC" else a for a in args)
    said = dangan(home, *args, typed, code=3).output
    assert f"{typed}（是不是 {meant}？）" in said, said   # tag: 未知的测评项目代码：a02（是不是 A02？）（测评体系 …）
    assert not (tmp_path / "out").exists()


def test_export_and_package_lists_give_a_web_copys_posting_day_as_the_catalogue_does(clerk_desk, tmp_path: Path) -> None:
    """The seed speech states no date, only its site's posting time: the 归档文件目录 prints [20220326]
    with 日期据网页发布时间推定, the export's 文件清单 and the package's 佐证材料目录 left the date empty."""
    from openpyxl import load_workbook

    home, _ = clerk_desk
    dangan(home, "ingest", str(CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"))
    dangan(home, "export", "--query", "创建办会", "--out", str(tmp_path / "移交"))
    dangan(home, "package", "--query", "创建办会", "--out", str(tmp_path / "资料包"))
    for sheet, date in ((tmp_path / "移交" / "文件清单.xlsx", "[20220326]"),
                        (tmp_path / "资料包" / "佐证材料目录.xlsx", "[2022-03-26]")):
        rows = list(load_workbook(sheet).active.iter_rows(min_row=2, values_only=True))
        header, speech = rows[0], next(r for r in rows[1:] if r[rows[0].index("题名")] == "书记在创建办会部署会讲话")
        assert speech[header.index("日期")] == date, sheet
        assert "日期据网页发布时间推定" in speech[header.index("备注")], sheet
