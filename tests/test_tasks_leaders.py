"""责任领导 (owners18): leaders named by role, surname and role, or name are read apart from the unit owners,
stored in the catalog (migration 20), listed, exported and shown in the 纪要's task table only when some task has one.

Real texts: the elements set's meeting records (党支部委员会会议记录: 由吴芳负责…, 由郑伟负责; 柳河村's GBK record:
由治保主任牵头…), 崇明's 城市体检 工作方案 (由分管副区长牵头统筹…), the 防汛 notice of fresh_holdout (各乡镇、各单位
主要负责人是…第一责任人) and validation_r6's 消防 speech (各企事业单位负责人要…, once taken as a unit)."""
from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from bench.bench_tasks import speech_file_text
from dangan.archive.catalog import Catalog
from dangan.archive.migrations import MIGRATIONS
from dangan.cli import cli
from dangan.compose.minutes import task_rules
from dangan.compose.minutes.owners import find_owners
from dangan.compose.minutes.speech import draft_minutes
from dangan.compose.minutes.speech_directives import modal_at
from dangan.compose.minutes.speech_outline import cn_number
from dangan.web.app import create_app
from dangan.workspace import open_workspace

DOCS = Path(__file__).parent / "data" / "elements" / "docs"
BRANCH = DOCS / "meeting_records" / "党支部委员会会议记录.txt"
VILLAGE = DOCS / "meeting_records" / "柳河村村民委员会会议记录_GBK.txt"
CHONGMING = DOCS / "validation_r23" / "上海市崇明区人民政府办公室关于印发2021年本区城市体检工作方案的通知.md"
FLOOD = DOCS / "fresh_holdout" / "关于做好2023年度防汛备汛工作的通知.txt"
FIRE = Path(__file__).resolve().parents[1] / "bench" / "data" / "tasks" / "validation_r6" / "市应急管理局消防工作会议_wx1990.txt"
LEADERS_COLUMN = next(n for n, script in enumerate(MIGRATIONS, start=1) if "ADD COLUMN leaders" in script)


def _read(sentence: str, units):  # type: ignore[no-untyped-def]
    return find_owners(sentence, units, modal_at(sentence))


@pytest.mark.parametrize(("sentence", "units_", "leaders"), [
    ("分管副区长要靠前指挥，区文明办具体负责，6月底前完成。", ("区文明办",), ("分管副区长",)),
    ("由区委办主任牵头负责，5月底前完成。", (), ("区委办主任",)),
    ("王局长要亲自抓，确保6月前完成。", (), ("王局长",)),
    ("由张副区长牵头，区住建局负责，各街道配合。", ("区住建局", "各街道"), ("张副区长",)),
    ("各街道党工委书记是第一责任人，要亲自部署。", ("各街道",), ("各街道党工委书记",)),
    ("区城管局要在5月底前完成占道经营整治。", ("区城管局",), ()),
    ("在毛主席亲自倡导下，全区开展爱国卫生运动。", (), ()),   # a phrase, not a subject
    ("习近平总书记亲自谋划亲自部署。", (), ()),
])
def test_the_clerks_probes(units, sentence, units_, leaders) -> None:  # type: ignore[no-untyped-def]
    owners = _read(sentence, units)
    assert owners.all == units_
    assert owners.leaders == leaders


def test_real_sentences_name_leaders_by_role(units) -> None:  # type: ignore[no-untyped-def]
    text = CHONGMING.read_text(encoding="utf-8")
    sentence = next(s for s in text.split("。") if "由分管副区长牵头统筹" in s) + "。"
    assert _read(sentence, units).leaders == ("分管副区长",)
    flood = FLOOD.read_text(encoding="utf-8")
    sentence = next(s for s in flood.split("。") if "第一责任人" in s) + "。"
    assert _read(sentence, units).leaders == ("各乡镇主要负责人", "各单位主要负责人")
    fire = next(line for line in FIRE.read_text(encoding="utf-8").splitlines() if "各企事业单位负责人要" in line)
    fire = fire.strip().lstrip("- ")
    read = _read(fire, units)
    assert read.leaders == ("各企事业单位负责人",) and read.all == ()   # a role, no longer a unit
    with task_rules.disabled({"leader_role"}):
        read = _read(fire, units)
        assert read.leaders == () and read.all == ("各企事业单位负责人",)


def test_meeting_records_name_who_does_the_work(units) -> None:  # type: ignore[no-untyped-def]
    tasks = draft_minutes(speech_file_text(BRANCH), date(2024, 3, 5), units=units).tasks
    print_ = next(t for t in tasks if "印发" in t.text)
    trees = next(t for t in tasks if "义务植树" in t.text)
    assert (print_.leaders, print_.owners, print_.deadline) == (("吴芳",), (), date(2024, 4, 1))
    assert trees.leaders == ("郑伟",)
    with task_rules.disabled({"leader_name"}):   # validation_r9's own rule
        assert all(not t.leaders for t in draft_minutes(speech_file_text(BRANCH), None, units=units).tasks)
    village = draft_minutes(speech_file_text(VILLAGE), None, units=units).tasks
    assert [t.leaders for t in village if "巡逻队" in t.text] == [("治保主任",)]


@pytest.fixture
def run(tmp_path):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    home = tmp_path / "home"

    def invoke(*args: str, code: int = 0):  # type: ignore[no-untyped-def]
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result
    invoke("init")
    invoke.home = home  # type: ignore[attr-defined]
    invoke.tmp = tmp_path  # type: ignore[attr-defined]
    return invoke


def test_the_ledger_keeps_shows_and_exports_leaders(run) -> None:  # type: ignore[no-untyped-def]
    out = run.tmp / "纪要.docx"
    drafted = json.loads(run("minutes", str(BRANCH), "--date", "2024-03-05", "--out", str(out), "--json").output)
    assert [(t["text"][:8], t["leaders"]) for t in drafted["tasks"] if t["leaders"]] == [
        ("二、通过“三会一", ["吴芳"]), ("三、3月下旬组织", ["郑伟"])]
    # the 纪要's task table has 责任领导 when some task names one; re-opened with python-docx
    table = docx.Document(str(out)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "任务", "责任单位", "责任领导", "完成时限"]
    cells = {r.cells[1].text[:4]: r.cells[3].text for r in table.rows[1:]}
    assert cells["二、通过"] == "吴芳" and cells["三、3月"] == "郑伟" and cells["建议对积"] == ""
    ledger = json.loads(run("tasks", "--json").output)["tasks"]
    assert sorted(p for t in ledger for p in t["leaders"]) == ["吴芳", "郑伟"]
    listing = run("tasks").output
    assert "责任领导" in listing and "吴芳" in listing
    xlsx = run.tmp / "台账.xlsx"
    run("tasks", "export", "--out", str(xlsx))
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "序号")
    assert list(header[:5]) == ["序号", "任务", "责任单位", "责任领导", "完成时限"]
    assert {r[3] for r in rows[rows.index(header) + 1:] if r and r[0]} >= {"吴芳", "郑伟"}
    csv_out = run.tmp / "台账.csv"
    run("tasks", "export", "--out", str(csv_out))
    table_rows = list(csv.reader(csv_out.read_text(encoding="utf-8-sig").splitlines()))
    assert table_rows[0][:5] == ["序号", "任务", "责任单位", "责任领导", "完成时限"]
    assert {r[3] for r in table_rows[1:]} == {"吴芳", "郑伟", ""}
    # a clerk corrects or clears a leader
    task_id = next(t["id"] for t in ledger if t["leaders"] == ["吴芳"])
    edited = json.loads(run("tasks", "edit", str(task_id), "--leader", "支部书记、吴芳", "--json").output)
    assert edited["leaders"] == ["支部书记", "吴芳"]
    cleared = json.loads(run("tasks", "edit", str(task_id), "--leader", "无", "--json").output)
    assert cleared["leaders"] == []


def test_no_leader_no_column(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    speech = tmp_path / "讲话.txt"
    speech.write_text("在全区创建工作推进会上的讲话\n\n一、近期工作\n区城管局要在5月底前完成占道经营整治。\n", encoding="utf-8")
    out = tmp_path / "纪要.docx"
    run("minutes", str(speech), "--date", "2026-05-06", "--out", str(out))
    assert [c.text for c in docx.Document(str(out)).tables[0].rows[0].cells] == ["序号", "任务", "责任单位", "完成时限"]
    assert "责任领导" not in run("tasks").output
    xlsx = tmp_path / "台账.xlsx"
    run("tasks", "export", "--out", str(xlsx))
    assert "责任领导" not in [c for r in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True) for c in r]


def test_a_catalog_from_before_leaders_upgrades(run) -> None:  # type: ignore[no-untyped-def]
    """Tasks stored before migration 20 have no leaders column: opening the catalog adds it, each with none."""
    run("minutes", str(VILLAGE), "--date", "2024-05-01")
    path = open_workspace(run.home).catalog_path
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE tasks DROP COLUMN leaders")
        conn.execute(f"PRAGMA user_version = {LEADERS_COLUMN - 1}")
    with Catalog(path) as catalog:
        assert catalog.schema_version() == len(MIGRATIONS)
    ledger = json.loads(run("tasks", "--json").output)["tasks"]
    assert ledger and all(t["leaders"] == [] for t in ledger)
    run("minutes", str(VILLAGE), "--date", "2024-05-01")   # redrafted: the open tasks get their leaders
    assert [t["leaders"] for t in json.loads(run("tasks", "--json").output)["tasks"]] == [["治保主任"]]


def test_the_desk_shows_and_keeps_leaders(run) -> None:  # type: ignore[no-untyped-def]
    run("minutes", str(BRANCH), "--date", "2024-03-05")
    client = create_app(open_workspace(run.home)).test_client()
    page = client.get("/tasks?show=all").get_data(as_text=True)
    assert "<th class=\"w-owner\">责任领导</th>" in page and "<td>吴芳</td>" in page


def test_the_review_form_keeps_leaders() -> None:
    from werkzeug.datastructures import MultiDict

    from dangan.web.views_minutes import edited_tasks

    form = MultiDict({"task_count": "1", "task-0-keep": "1", "task-0-text": "完成农贸市场改造。",
                      "task-0-owners": "区市场监管局", "task-0-leaders": "王局长、分管副区长",
                      "task-1-text": "报送照片台账。", "task-1-leaders": "吴芳"})
    tasks = edited_tasks(form)
    assert [t.leaders for t in tasks] == [("王局长", "分管副区长"), ("吴芳",)]


def test_a_text_of_over_99_paragraphs_drafts(units) -> None:  # type: ignore[no-untyped-def]
    """validation_r34's dataset page has over 99 paragraphs and no outline: each became a numbered point and
    cn_number stopped at 99 (IndexError)."""
    assert [cn_number(n) for n in (99, 100, 101, 110, 125)] == ["九十九", "一百", "一百零一", "一百一十", "一百二十五"]
    page = DOCS / "validation_r34" / "hf_leetdavid_market_positivity_p77.txt"
    minutes = draft_minutes(page.read_text(encoding="utf-8"), None, units=units)
    assert minutes.points
