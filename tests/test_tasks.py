"""`dangan minutes` and the task ledger (督办台账) through the CLI, on the seed speech."""
from __future__ import annotations

import codecs
import csv
import io
import json

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import SEED_SPEECH

from dangan.cli import cli


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    home = tmp_path / "home"

    def invoke(*args: str, code: int = 0):
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result
    invoke("init")
    invoke.tmp = tmp_path
    return invoke


def test_minutes_from_a_file_store_tasks_and_write_docx(run):
    out = run.tmp / "纪要.docx"
    data = json.loads(run("minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--place", "区行政中心",
                          "--out", str(out), "--json").output)
    assert [n["heading"] for n in data["outline"]] == ["认清形势迅速升温", "认清目标迅速行动",
                                                       "认清责任迅速落实"]
    assert data["docx"] == str(out) and data["date"] == "2022-03-26"
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "区行政中心" in text
    owners = {o for t in data["tasks"] for o in t["owners"]}
    assert {"区委宣传部", "各相关职能部门"} <= owners
    due = {t["deadline"] for t in data["tasks"] if "三大战役" in t["text"]}
    assert "2022-04-26" in due
    ledger = json.loads(run("tasks", "--json").output)["tasks"]
    assert len(ledger) == len(data["tasks"])
    # drafting the same speech again adds no duplicate tasks
    run("minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--json")
    assert len(json.loads(run("tasks", "--json").output)["tasks"]) == len(ledger)


def test_tasks_filter_done_and_export(run):
    run("ingest", str(SEED_SPEECH))
    run("minutes", "1", "--date", "2022-03-26")
    mine = json.loads(run("tasks", "--owner", "区委宣传部", "--json").output)["tasks"]
    assert mine and all(any("区委宣传部" in o for o in t["owners"]) for t in mine)
    assert all(t["document_id"] == 1 for t in mine)
    first = mine[0]["id"]
    assert json.loads(run("tasks", "done", str(first), "--json").output)["status"] == "done"
    still_open = json.loads(run("tasks", "--open", "--json").output)["tasks"]
    assert first not in {t["id"] for t in still_open}
    out = run.tmp / "台账.xlsx"
    run("tasks", "export", "--out", str(out))
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[2]] == ["序号", "任务", "责任单位", "完成时限", "状态", "来源", "已报送/待审核/已退回"]
    assert sheet.max_row == 2 + len(json.loads(run("tasks", "--json").output)["tasks"])
    assert "已完成" in [c.value for c in sheet["E"]]


def test_a_redraft_stops_at_tasks_a_clerk_edited_until_told_to_replace_them(run):
    """The clerk set an owner and a deadline by hand; drafting the same meeting again would put the
    speech's reading back over them: it stops, names the tasks, stores nothing, and goes on with --replace."""
    run("minutes", str(SEED_SPEECH), "--date", "2022-03-26")
    ids = [t["id"] for t in _tasks(run)]
    edited = ids[1]
    run("tasks", "edit", str(edited), "--owner", "区城管局", "--deadline", "2022-04-30")
    stopped = run("minutes", "1", "--date", "2022-03-26", code=3)
    assert "1 项未完成任务已手工修改" in stopped.output and f"任务编号 {edited}" in stopped.output
    assert "--replace" in stopped.output and "Traceback" not in stopped.output
    kept = {t["id"]: t for t in _tasks(run)}
    assert sorted(kept) == sorted(ids) and kept[edited]["owners"] == ["区城管局"]   # nothing replaced
    run("minutes", "1", "--date", "2022-04-02")   # another meeting's draft is not stopped
    replaced = json.loads(run("minutes", "1", "--date", "2022-03-26", "--replace", "--json").output)
    assert replaced["replaced"] == len(ids)
    assert all(t["owners"] != ["区城管局"] for t in _tasks(run))


def test_unknown_task_and_missing_source_are_clear_errors(run):
    missing = run("tasks", "done", "999", code=3)
    assert "找不到编号为 999 的任务" in missing.output
    no_file = run("minutes", str(run.tmp / "没有.txt"), code=3)
    assert "找不到讲话稿" in no_file.output


def _tasks(run) -> list[dict]:
    return json.loads(run("tasks", "--json").output)["tasks"]


def test_the_ledger_never_doubles_whether_path_or_id(run):
    first = json.loads(run("minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--json").output)
    assert first["stored"] and first["document_id"] == 1 and first["draft"] == 1 and first["replaced"] == 0
    count = len(_tasks(run))
    assert count == len(first["tasks"]) and 10 <= count <= 22
    # the same speech by id, then by path again: same draft, same count
    again = json.loads(run("minutes", "1", "--date", "2022-03-26", "--json").output)
    assert again["draft"] == 1 and again["replaced"] == count   # and says what it replaced
    said = run("minutes", str(SEED_SPEECH), "--date", "2022-03-26").output
    assert f"此前起草的未完成任务 {count} 项已被替换" in said and "已标记完成的任务保留不变" in said
    assert len(_tasks(run)) == count
    assert json.loads(run("stats", "--json").output)["documents"] == 1  # ingested once
    # a task marked done survives a redraft and is not added again
    done_id = _tasks(run)[0]["id"]
    run("tasks", "done", str(done_id))
    assert f"未完成任务 {count - 1} 项已被替换" in run("minutes", "1", "--date", "2022-03-26").output
    rows = _tasks(run)
    assert len(rows) == count and done_id in {t["id"] for t in rows}
    assert [t["status"] for t in rows].count("done") == 1
    # another meeting date is another draft
    assert "已被替换" not in run("minutes", "1", "--date", "2022-04-02").output
    assert len(_tasks(run)) == 2 * count


def test_dry_run_stores_nothing(run):
    out = run.tmp / "试稿.docx"
    data = json.loads(run("minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--dry-run", "--out", str(out),
                          "--json").output)
    assert data["stored"] is False and data["document_id"] is None and data["draft"] is None
    assert data["tasks"] and all("id" not in t for t in data["tasks"])
    assert out.is_file()
    assert _tasks(run) == []
    assert json.loads(run("stats", "--json").output)["documents"] == 0
    text = run("minutes", str(SEED_SPEECH), "--dry-run").output
    assert "未存入督办台账" in text


def test_tasks_json_shape_edit_and_delete(run):
    run("minutes", str(SEED_SPEECH), "--date", "2022-03-26")
    rows = _tasks(run)
    for row in rows:
        assert {"id", "text", "owners", "lead", "deadline", "frequency", "status", "source", "draft"} <= set(row)
    publicity = next(t for t in rows if "区委宣传部" in t["owners"])
    assert publicity["lead"] == ["区委宣传部"] and publicity["draft"] == 1 and publicity["source"] == "二、五是"
    edited = json.loads(run("tasks", "edit", str(publicity["id"]), "--owner", "牵头：区文明办；配合：各街道、各社区",
                            "--deadline", "2022年4月30日", "--text", "宣传先进事迹。", "--json").output)
    assert edited["owners"] == ["区文明办", "各街道", "各社区"] and edited["lead"] == ["区文明办"]
    assert edited["deadline"] == "2022-04-30" and edited["text"] == "宣传先进事迹。"
    assert "牵头：区文明办" in run("tasks", "--owner", "区文明办").output
    cleared = json.loads(run("tasks", "edit", str(publicity["id"]), "--deadline", "无", "--json").output)
    assert cleared["deadline"] is None
    bad = run("tasks", "edit", str(publicity["id"]), "--deadline", "下个月吧", code=3)
    assert "完成时限" in bad.output
    impossible = run("tasks", "edit", str(publicity["id"]), "--deadline", "2022-13-01", code=3).output
    assert "月份应在 1 到 12 之间" in impossible        # not only "write it as 2022-04-30"
    assert "2023年2月只有 28 天" in run("tasks", "edit", str(publicity["id"]), "--deadline", "2023-02-29",
                                     code=3).output
    slash = json.loads(run("tasks", "edit", str(publicity["id"]), "--deadline", "2022/5/6", "--json").output)
    assert slash["deadline"] == "2022-05-06"
    assert "已删除" in run("tasks", "delete", str(publicity["id"])).output
    assert publicity["id"] not in {t["id"] for t in _tasks(run)}
    assert "找不到编号为" in run("tasks", "delete", str(publicity["id"]), code=3).output


def test_minutes_length_and_sign_in_sheet(run):
    sheet = run.tmp / "签到表.txt"
    sheet.write_text("姓名\t单位\t职务\t备注\n张三\t区委宣传部\t部长\t\n李四\t区城管局\t局长\t请假\n", encoding="utf-8")
    out = run.tmp / "纪要.docx"
    data = json.loads(run("minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--length", "short",
                          "--attendance", str(sheet), "--out", str(out), "--json").output)
    assert data["stats"]["ratio"] <= 0.30
    # the sheet says who came: it stands in place of the people the speech was read to name (茂发区长 …)
    assert data["attendance"]["present"] == ["张三（区委宣传部部长）"], data["attendance"]
    assert data["attendance"]["absent"] == ["李四（区城管局局长）"]
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "出席：" in text and "张三（区委宣传部部长）" in text and "请假：李四（区城管局局长）" in text
    missing = run("minutes", str(SEED_SPEECH), "--attendance", str(run.tmp / "无.xlsx"), "--dry-run", code=3)
    assert "签到表" in missing.output


def test_ledger_export_keeps_lead_and_frequency_apart(run):
    run("minutes", str(SEED_SPEECH), "--date", "2022-03-26")
    publicity = next(t for t in _tasks(run) if "区委宣传部" in t["owners"])
    run("tasks", "edit", str(publicity["id"]), "--deadline", "2022-04-30")
    out = run.tmp / "台账.xlsx"
    run("tasks", "export", "--out", str(out))
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(out).active.iter_rows(min_row=3)]
    row = next(r for r in rows if r[2] and r[2].startswith("牵头：区委宣传部"))
    assert row[2] == "牵头：区委宣传部；配合：各部门、各单位" and row[3] == "2022-04-30"


def test_ledger_export_format_follows_the_suffix(run):
    """.csv is UTF-8 with a BOM (Excel reads the Chinese); an unknown suffix is refused, nothing written."""
    run("minutes", str(SEED_SPEECH), "--date", "2022-03-26")
    tasks = _tasks(run)
    out = run.tmp / "台账.csv"
    run("tasks", "export", "--out", str(out))
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["序号", "任务", "责任单位", "完成时限", "状态", "来源", "已报送/待审核/已退回"]
    assert len(rows) == 1 + len(tasks) and rows[1][0] == "1" and rows[1][4] == "未完成"
    assert {r[1] for r in rows[1:]} == {t["text"] for t in tasks}
    for name in ("台账.txt", "台账"):
        refused = run("tasks", "export", "--out", str(run.tmp / name), code=3)
        assert "不支持的表格格式" in refused.output and ".csv" in refused.output
        assert not (run.tmp / name).exists()
    assert not [p for p in run.tmp.iterdir() if p.name.startswith(".台账")]   # no temporary left


def test_owners_follow_the_workspaces_own_unit_list(run):
    (run.tmp / "home" / "units.toml").write_text(
        '[[unit]]\nname = "南开区委宣传部"\naliases = ["区委宣传部", "宣传部"]\nlevel = "部门"\n'
        '[[unit]]\nname = "南开区创文办"\naliases = ["区创建办", "创建办"]\nlevel = "临时机构"\n', encoding="utf-8")
    data = json.loads(run("minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--dry-run", "--json").output)
    owners = {o for t in data["tasks"] for o in t["owners"]}
    assert "南开区委宣传部" in owners and "区委宣传部" not in owners
    assert "南开区创文办" in owners          # 区创建办通报了… 下一步要制定排位原则
    assert "各相关职能部门" in owners         # not on this list, kept as said
    (run.tmp / "home" / "units.toml").write_text("[[unit]]\nname = 1\n", encoding="utf-8")
    bad = run("minutes", str(SEED_SPEECH), "--dry-run", code=4)
    assert "单位清单" in bad.output


def test_ledger_xlsx_prints_as_a_table(run):
    """As a clerk prints it (LibreOffice here, WPS in the office): one page wide, landscape, every
    column on the first page, each row as tall as its wrapped task (openpyxl sets no heights, and
    the long tasks printed over one another)."""
    from dangan.compose.topdf import pdf_texts, to_pdf
    from dangan.compose.xlsx import row_lines

    run("minutes", str(SEED_SPEECH), "--date", "2022-03-26")
    out = run.tmp / "台账.xlsx"
    run("tasks", "export", "--out", str(out))
    sheet = openpyxl.load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$2:$2"
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFG"]
    for number, cells in enumerate(sheet.iter_rows(min_row=3, values_only=True), start=3):
        lines = row_lines(cells, widths)
        assert sheet.row_dimensions[number].height >= lines * 14, (number, cells[1])
    assert max(row_lines(cells, widths) for cells in sheet.iter_rows(min_row=3, values_only=True)) >= 3
    first = pdf_texts(to_pdf(out, run.tmp / "pdf"))[0]
    assert all(name in first for name in ("序号", "任务", "责任单位", "完成时限", "状态", "来源"))
