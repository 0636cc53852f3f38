"""`dangan minutes` and the task ledger (督办台账) through the CLI, on the seed speech."""
from __future__ import annotations

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
    assert [c.value for c in sheet[2]] == ["序号", "任务", "责任单位", "完成时限", "状态", "来源"]
    assert sheet.max_row == 2 + len(json.loads(run("tasks", "--json").output)["tasks"])
    assert "已完成" in [c.value for c in sheet["E"]]


def test_unknown_task_and_missing_source_are_clear_errors(run):
    missing = run("tasks", "done", "999", code=3)
    assert "找不到编号为 999 的任务" in missing.output
    no_file = run("minutes", str(run.tmp / "没有.txt"), code=3)
    assert "找不到讲话稿" in no_file.output
