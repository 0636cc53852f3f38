"""Small rough edges met in a clerk's day on messy real input (clerk17's trial), each through the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from clerk_desk import BEIJING, SHANGHAI, dangan


def test_issuing_from_the_gaps_when_nothing_is_owed_says_why_also_in_a_dry_run(clerk_desk) -> None:
    """Ⅲ-77's two requirements both have evidence: --dry-run said 将下发 0 项任务给 0 个责任单位, no word
    of why (the run without it said 没有要下发的任务…)."""
    home, ids = clerk_desk
    for doc, req in ((ids[SHANGHAI.name], "1"), (ids[BEIJING.name], "2")):
        dangan(home, "tag", str(doc), "--item", "Ⅲ-77", "--req", req, "--taxonomy", "national-2015")
    before = json.loads(dangan(home, "tasks", "--json").output)["tasks"]
    for dry in (("--dry-run",), ()):
        said = dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--item", "Ⅲ-77",
                      "--deadline", "周五前", *dry).output
        assert "没有要下发的任务：所选测评内容的申报要求都已有材料，或都未录责任单位。" in said, said
        assert "将下发 0 项" not in said
    assert json.loads(dangan(home, "tasks", "--json").output)["tasks"] == before


def test_a_link_pointing_at_itself_in_a_unit_s_folder_is_said_in_chinese(clerk_desk, tmp_path) -> None:
    """A unit's folder with a link that points at itself: the failure read 文件在处理时消失或无法读取（Too many
    levels of symbolic links）, the operating system's English, in the summary and the reason file."""
    import shutil

    from conftest import SEED_SPEECH

    home, _ = clerk_desk
    folder = tmp_path / "区城管局" / "2022年"
    folder.mkdir(parents=True)
    shutil.copy(SEED_SPEECH, folder / "讲话 定稿.txt")
    (folder / "链接").symlink_to(folder / "链接")
    data = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(tmp_path / "区城管局"), code=2).output)
    (failed,) = data["failed"]
    assert failed["code"] == "FILE_VANISHED" and failed["path"].endswith("链接")
    assert failed["reason"] == "文件在处理时消失或无法读取（符号链接循环：链接指向自身，或几个链接互相指向）"
    said = dangan(home, "ingest", "--no-ocr", str(tmp_path / "区城管局"), code=2).output
    assert "符号链接循环" in said and "symbolic" not in said, said
    reasons = sorted((home / "quarantine").rglob("链接.reason*.txt"))   # one a run
    assert len(reasons) == 2
    text = reasons[0].read_text(encoding="utf-8")
    assert "原因：文件在处理时消失或无法读取（符号链接循环" in text
    assert "Too many levels" in text.split("技术细节：")[1]   # the system's words kept for the technician only


@pytest.mark.parametrize(("args", "said"), [
    (("export", "--query", "政府工作报告", "--out", "移交.xlsx"), "导出的是一个文件夹，不能写成 .xlsx 文件"),
    (("package", "--query", "政府工作报告", "--out", "资料.docx"), "不能打包成 .docx 文件"),
    (("backup", "--out", "备份.pdf"), "不能写成 .pdf 文件")])
def test_a_folder_command_given_a_document_s_name_refuses_it(clerk_desk, tmp_path, monkeypatch, args, said) -> None:
    """export --out 移交.xlsx, package --out 资料.docx and backup --out 备份.pdf each made a folder by that
    name, which looks like a file and opens as none; a version folder (资料2024.1) is still a folder."""
    home, _ = clerk_desk
    here = tmp_path / "out"
    here.mkdir()
    monkeypatch.chdir(here)
    out = dangan(home, *args, code=3).output
    assert said in out and "提示：" in out, out
    assert list(here.iterdir()) == []
    made = json.loads(dangan(home, "package", "--query", "政府工作报告", "--out", "资料2024.1", "--json").output)
    assert made["documents"] >= 2 and (here / "资料2024.1" / "佐证材料目录.xlsx").is_file()


def test_a_task_s_place_in_its_speech_reads_without_a_dangling_mark(clerk_desk, tmp_path) -> None:
    """The 督办台账 said 来源：书记在创建办会部署会讲话 二、 and …讲话 三、1、 (the outline numbers as stored);
    the desk, the minutes' review and the exported ledger now read 二 and 三、1, 二、一是 as it was."""
    import re

    from conftest import SEED_SPEECH
    from openpyxl import load_workbook
    from web_desk import html

    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    home, _ = clerk_desk
    made = json.loads(dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--json").output)
    stored = {task["source"] for task in made["tasks"]}
    assert {"二、", "二、一是", "三、1、"} <= stored   # kept as read: only the display changes
    dangan(home, "tasks", "export", "--out", str(tmp_path / "台账.xlsx"))
    rows = list(load_workbook(tmp_path / "台账.xlsx").active.iter_rows(values_only=True))
    header = next(r for r in rows if "来源" in r)
    places = [r[header.index("来源")] for r in rows[rows.index(header) + 1:] if r[header.index("来源")]]
    assert places and not any(p.endswith(("、", ".", "．")) for p in places), places
    assert "书记在创建办会部署会讲话 三、1" in places and "书记在创建办会部署会讲话 二、一是" in places
    with create_app(open_workspace(home)).test_client() as client:
        page = html(client.get("/tasks"))
        assert " 三、1</small>" in page and " 二、一是</small>" in page
        assert not re.search(r"[、.．]</small>", page)


def test_watch_once_json_names_each_file_taken_as_ingest_json_does(clerk_desk) -> None:
    """cron's `watch --once --json` gave counts only (收录 1, 重复 1, 失败 1): which file became which
    document, and which was quarantined and why, was in the log alone."""
    import shutil

    from conftest import SEED_SPEECH

    home, _ = clerk_desk
    inbox = home / "inbox"
    shutil.copy(SEED_SPEECH, inbox / "书记讲话 定稿.txt")
    (inbox / "讲话").mkdir(exist_ok=True)
    shutil.copy(SEED_SPEECH, inbox / "讲话" / "書記講話（副本）.txt")
    (inbox / "空白.docx").write_bytes(b"")
    report = json.loads(dangan(home, "watch", "--once", "--json", code=2).stdout)
    assert (report["added"], report["duplicates"], report["failed"]) == (1, 1, 1)
    taken = {Path(d["path"]).name: d for d in report["documents"]}
    assert set(taken) == {"书记讲话 定稿.txt", "書記講話（副本）.txt"}
    assert {d["status"] for d in taken.values()} == {"added", "duplicate"}
    assert len({d["id"] for d in taken.values()}) == 1   # the copy is the same document
    assert report["quarantined"] == [{"path": str(inbox / "空白.docx"), "reason": "文件为空（0 字节）"}]
    said = dangan(home, "watch", "--once").stdout   # the text is the figures, as before
    assert "收录：0" in said and "documents" not in said and "quarantined" not in said


def test_check_s_advice_reads_as_one_sentence(clerk_desk) -> None:
    """A missing original and documents an older reader read: 建议：…（恢复时逐个核对校验值）。；有 3 件… —
    the first piece's 。 before the joining ；, on the command line and the desk's 状态 page."""
    import sqlite3

    from web_desk import html

    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    home, ids = clerk_desk
    with sqlite3.connect(home / "catalog.sqlite3") as conn:
        relpath = conn.execute("SELECT relpath FROM documents WHERE id = ?", (ids[SHANGHAI.name],)).fetchone()[0]
        conn.execute("UPDATE document_readers SET reader = '0.0.1+000000000000'")
    (home / "originals" / relpath).unlink()
    data = json.loads(dangan(home, "check", "--json", code=1).stdout)
    for advice in (data["advice"], data["desk_advice"]):
        assert "。；" not in advice and advice.endswith("。") and advice.count("。") == 1, advice
        assert "从备份恢复" in advice and "较早版本的读取程序" in advice
    said = dangan(home, "check", code=1).stdout
    assert "（恢复时逐个核对校验值）；有 " in said and "。；" not in said
    with create_app(open_workspace(home)).test_client() as client:
        assert "。；" not in html(client.get("/status"))


def test_a_sign_in_sheet_names_who_came_instead_of_the_speech_s_guess(clerk_desk, tmp_path) -> None:
    """minutes --attendance 签到表.xlsx merged the sheet into what the speech was read to name: 出席：书记、
    副区长、茂发区长、张三（区委书记）… (the 书记 twice), 列席：各相关单位负责同志、钱七…."""
    import docx
    import openpyxl
    from conftest import SEED_SPEECH

    home, _ = clerk_desk
    sheet = tmp_path / "签到表.xlsx"
    book = openpyxl.Workbook()
    rows = book.active
    rows.append(["创建办会部署会签到表"])
    rows.append(["序号", "姓名", "单位", "职务", "备注"])
    for row in ((1, "张三", "区委", "书记", ""), (2, "李四", "区政府", "区长", ""), (3, "赵六", "区城管局", "局长", "请假"),
                (4, "钱七", "区住建局", "副局长", "列席")):
        rows.append(list(row))
    book.save(sheet)
    out = tmp_path / "纪要.docx"
    made = json.loads(dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--attendance", str(sheet),
                             "--dry-run", "--out", str(out), "--json").stdout)
    assert made["attendance"] == {"present": ["张三（区委书记）", "李四（区政府区长）"], "absent": ["赵六（区城管局局长）"],
                                  "observers": ["钱七（区住建局副局长）"]}
    lines = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "出席：张三（区委书记）、李四（区政府区长）" in lines and "列席：钱七（区住建局副局长）" in lines
    without = json.loads(dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--dry-run",
                                "--json").stdout)
    assert "茂发区长" in without["attendance"]["present"]   # no sheet: the speech's own reading, as before


def test_a_kind_typed_in_traditional_script_is_the_kind(clerk_desk) -> None:
    """A Traditional query finds Simplified text, yet --type 報告 found nothing and was called 不是已知的文种,
    and tag --type 決議 was refused."""
    home, ids = clerk_desk
    simplified = json.loads(dangan(home, "search", "政府工作报告", "--type", "报告", "--json").stdout)
    traditional = json.loads(dangan(home, "search", "政府工作报告", "--type", "報告", "--json").stdout)
    assert simplified["total"] >= 2 and traditional["total"] == simplified["total"]
    assert "不是已知的文种" not in dangan(home, "search", "政府工作报告", "--type", "報告").output
    in_query = json.loads(dangan(home, "search", "政府工作报告 type:報告", "--json").stdout)
    assert in_query["total"] == simplified["total"]
    dangan(home, "tag", str(ids[BEIJING.name]), "--type", "決議")
    assert json.loads(dangan(home, "show", str(ids[BEIJING.name]), "--json").stdout)["doc_type"] == "决议"
    assert "未知的文种" in dangan(home, "tag", str(ids[BEIJING.name]), "--type", "講稿", code=3).output


def test_the_dossier_s_note_says_who_placed_the_evidence_without_a_zero(clerk_desk, tmp_path) -> None:
    """Every piece placed by hand: the 编制说明 said 其中2件由工作人员指定所属申报要求，0件由系统按申报要求的
    文字自动归入（置信度0.6以上），请逐件核对。"""
    import docx

    home, ids = clerk_desk
    for doc, req in ((ids[SHANGHAI.name], "1"), (ids[BEIJING.name], "2")):
        dangan(home, "tag", str(doc), "--item", "Ⅲ-77", "--req", req, "--taxonomy", "national-2015")
    out = tmp_path / "公众参与.docx"
    dangan(home, "dossier", "--taxonomy", "national-2015", "--item", "Ⅲ-77", "--out", str(out))
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    note = "".join(texts[texts.index("编制说明"):texts.index("编制说明") + 8])
    assert "这2件材料均由工作人员指定所属申报要求。" in note, note
    assert "0件" not in note


def test_a_dossier_pdf_without_libreoffice_says_the_docx_is_there(clerk_desk, tmp_path, monkeypatch) -> None:
    """--pdf on a machine without LibreOffice said only 缺少依赖：LibreOffice, though the DOCX had been written."""
    import docx

    home, _ = clerk_desk
    out = tmp_path / "汇编.docx"
    monkeypatch.setenv("PATH", str(tmp_path / "无此目录"))
    said = dangan(home, "dossier", "--query", "政府工作报告", "--pdf", "--out", str(out), code=5).output
    assert "缺少依赖：LibreOffice" in said and f"汇编的 DOCX 已生成：{out}（目录未填页码）" in said, said
    assert "编制说明" in [p.text for p in docx.Document(str(out)).paragraphs]
    assert not out.with_suffix(".pdf").exists()


def test_the_minutes_name_the_office_set_in_the_workspace(clerk_desk, tmp_path) -> None:
    """dangan.toml's [workspace] unit (the dossier's 编制单位) was not used by the 纪要: the line under its
    纪要标志 and the 版记's 印发 line kept a blank to fill in even where the office had named itself."""
    import docx
    from conftest import SEED_SPEECH

    home, _ = clerk_desk
    settings = home / "dangan.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('unit = ""', 'unit = "某区创建办"', 1),
                        encoding="utf-8")
    out = tmp_path / "纪要.docx"
    dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--dry-run", "--out", str(out))
    from docx.oxml.ns import qn

    document = docx.Document(str(out))
    lines = [p.text for p in document.paragraphs]
    assert lines[1] == "某区创建办\t2022年3月26日", lines[:3]
    words = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))   # the 版记 is in a text box
    assert "某区创建办2022年3月26日印发" in words
    from dangan.compose.minutes.source import with_office
    from dangan.workspace import open_workspace

    ws = open_workspace(home)   # a meeting's own issuer still wins (the Python API passes one)
    assert with_office(ws, {"issuer": "区委办公室"})["issuer"] == "区委办公室"
    assert with_office(ws, None) == {"issuer": "某区创建办"}


def test_a_photo_s_time_typed_as_a_clerk_writes_it(clerk_desk) -> None:
    """拍摄时间 took 2024-06-05 14:30 but not 2024年6月5日下午2时30分 or 上午9点, and the refusal's hint
    (日期须写到日) said nothing of how to write the time."""
    home, ids = clerk_desk
    doc = str(ids[SHANGHAI.name])
    for typed, stored in (("2024年6月5日下午2时30分", "2024-06-05T14:30:00"), ("2024年6月5日 上午9点", "2024-06-05T09:00:00"),
                          ("2024年6月5日下午3点半", "2024-06-05T15:30:00"), ("2024-06-05 14:30", "2024-06-05T14:30:00")):
        dangan(home, "tag", doc, "--set", f"拍摄时间={typed}")
        assert json.loads(dangan(home, "show", doc, "--json").stdout)["taken_at"] == stored, typed
    said = dangan(home, "tag", doc, "--set", "拍摄时间=2024年6月5日 上午9点钟", code=3).output
    assert "日期无效" in said and "拍摄时间写成 2024-06-05 14:30、2024年6月5日下午2时30分，或只写日期" in said
    assert json.loads(dangan(home, "show", doc, "--json").stdout)["taken_at"] == "2024-06-05T14:30:00"


def test_a_unit_list_saved_by_notepad_in_gbk_is_imported(clerk_desk, tmp_path) -> None:
    """A list saved as Notepad's ANSI (GBK, CRLF) was refused as 工作区设置文件有误：无法读取单位名单 …（'utf-8'
    codec can't decode byte 0xc7…）; a departments.json saved in GBK too."""
    home, _ = clerk_desk
    listed = tmp_path / "单位名单.txt"
    listed.write_bytes("区城管局\r\n东湖街道\r\n  幸福社区 \r\nABC\r\n区环保局\r\n".encode("gbk"))
    data = json.loads(dangan(home, "units", "import", str(listed), "--json").stdout)
    assert {u["name"] for u in data["added"]} == {"东湖街道", "幸福社区"} and data["skipped"] == ["ABC"]
    assert {"name": "区环保局", "unit": "区生态环境分局"} in data["known"]
    departments = tmp_path / "departments.json"
    departments.write_bytes(json.dumps([{"name": "西湖街道"}], ensure_ascii=False).encode("gbk"))
    said = dangan(home, "units", "import", str(departments)).output
    assert "已加入 1 个单位" in said and "codec" not in said, said
    assert "西湖街道" in dangan(home, "units", "list").output


def test_a_backup_cut_short_is_said_in_chinese(clerk_desk, tmp_path) -> None:
    """A .tar backup copied half to a USB stick: restore --verify-only said …（读到 catalog.sqlite3 时中断：
    unexpected end of data）, tarfile's English."""
    home, _ = clerk_desk
    whole = tmp_path / "备份.tar"
    dangan(home, "backup", "--out", str(whole))
    half = tmp_path / "半截备份.tar"
    half.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    said = dangan(home, "restore", str(half), "--home", str(tmp_path / "新"), "--verify-only", code=1).output
    assert "备份文件不完整或已损坏（读到 " in said and "文件在此处截断，备份没有写完或复制不全）" in said, said
    assert "unexpected" not in said and "end of data" not in said


@pytest.mark.parametrize(("typed", "said"), [
    ('unit = 某区创建办', "dangan.toml 第 {n} 行值的写法不对：unit = 某区创建办"),
    ('unit = "某区创建办”', "dangan.toml 第 {n} 行引号没有配对或有不允许的字符：unit = \"某区创建办”")])
def test_a_hand_edited_settings_file_s_mistake_is_said_in_chinese(clerk_desk, typed, said) -> None:
    """The 单位名称 typed into dangan.toml without its quotes (or closed with a Chinese quote) stopped every
    command with 工作区设置文件有误：Invalid value (at line 5, column 8)."""
    home, _ = clerk_desk
    settings = home / "dangan.toml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("unit = "))
    lines[number - 1] = typed
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = dangan(home, "stats", code=4).output
    assert said.format(n=number) in out and "Invalid" not in out and "Illegal" not in out, out
    assert '文字要加英文双引号，如 unit = "某区创建办"' in out


def test_a_second_ingest_of_the_same_folder_still_names_each_file_s_type(clerk_desk, tmp_path) -> None:
    """Ingesting a unit's folder again (nothing changed) said "type": null for every file in --json, the
    first run the file's type: the unchanged-tree shortcut hashes and types nothing."""
    import shutil

    from conftest import SEED_SPEECH

    home, _ = clerk_desk
    folder = tmp_path / "区城管局"
    folder.mkdir()
    shutil.copy(SEED_SPEECH, folder / "讲话.txt")
    shutil.copy(SHANGHAI, folder / "上海 报告.docx")
    first = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(folder)).stdout)
    again = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(folder)).stdout)
    types = {Path(d["path"]).name: d["type"] for d in first["documents"]}
    assert again["duplicates"] == 2 and all(d["status"] == "duplicate" for d in again["documents"])
    assert {Path(d["path"]).name: d["type"] for d in again["documents"]} == types
    assert types["讲话.txt"] == "text/plain" and types["上海 报告.docx"].endswith("wordprocessingml.document")


def test_init_names_the_settings_an_office_sets_once(tmp_path) -> None:
    """init said where the workspace and inbox are and nothing of the 单位名称 and 全宗号 that the dossier's
    cover, the 纪要 and every 档号 need (a clerk met them only as blanks and as archive's refusal)."""
    home = tmp_path / "ws"
    said = dangan(home, "init").output
    assert f"设置：在 {home / 'dangan.toml'} 的 [workspace] 填写 unit（单位名称）、fonds（全宗号），" in said, said
    assert "下一步：dangan ingest 文件夹 收录文件。" in said
    settings = home / "dangan.toml"
    text = settings.read_text(encoding="utf-8").replace('unit = ""', 'unit = "某区创建办"', 1)
    settings.write_text(text.replace('fonds = ""', 'fonds = "0194"', 1), encoding="utf-8")
    assert "设置：" not in dangan(home, "init").output
