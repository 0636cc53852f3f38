"""报送 → 审核 → 归档 on the web desk and the CLI: a unit hands in for Ⅲ-77, a clerk accepts or returns it."""
from __future__ import annotations

import io
import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import web_desk
from click.testing import CliRunner
from web_desk import csrf

from dangan.archive import accounts, audit
from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.compose.gaps import gap_report
from dangan.read.understand.taxonomy import workspace_taxonomy
from dangan.web.app import create_app
from dangan.workspace import init_workspace, open_workspace

REPO = Path(__file__).resolve().parents[1]
WRITTEN = {d["file"]: d["text"] for d in tomllib.loads(
    (REPO / "bench" / "data" / "items" / "written.toml").read_text(encoding="utf-8"))["doc"]}
PLAN = "环境保护主题活动年度安排.txt"        # evidence for Ⅲ-77 公众参与
PASSWORD = "correct-horse-battery"
UNIT = "区委宣传部"


@pytest.fixture(scope="module")
def built_ws(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    home = init_workspace(tmp_path_factory.mktemp("review") / "ws").home
    config = home / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('edition = "district-nine"',
                                                                 'edition = "national-2015"'), encoding="utf-8")
    ws = open_workspace(home)
    assert ws.settings.taxonomy == "national-2015"
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "xuanchuan", "unit", PASSWORD, unit=UNIT)
        accounts.add_user(catalog, "wang", "clerk", PASSWORD)
    return ws


@pytest.fixture
def ws(built_ws, tmp_path: Path):  # type: ignore[no-untyped-def]
    """This test's own copy of the desk (accounts made once per module): hand-ins stay in their test."""
    return open_workspace(Path(shutil.copytree(built_ws.home, tmp_path / "ws")))


def signed_in(app, name: str):  # type: ignore[no-untyped-def]
    return web_desk.signed_in(app, name, PASSWORD)


def hand_in(client, name: str, text: str, item: str = "Ⅲ-77", **form: str):  # type: ignore[no-untyped-def]
    data = {"csrf_token": csrf(client), "item": item, **form,
            "file": (io.BytesIO(text.encode("utf-8")), name)}
    return client.post("/handin", data=data, content_type="multipart/form-data", follow_redirects=True)


def c77(ws) -> dict:  # type: ignore[no-untyped-def]
    report = gap_report(ws, workspace_taxonomy(ws)).to_dict()
    return next(c for c in report["contents"] if c["code"] == "Ⅲ-77")


def test_unit_hands_in_clerk_accepts_gap_report_counts_it(ws) -> None:  # type: ignore[no-untyped-def]
    app = create_app(ws)
    unit, clerk = signed_in(app, "xuanchuan"), signed_in(app, "wang")
    before = c77(ws)
    page = hand_in(unit, PLAN, WRITTEN[PLAN], requirement="1", note="年度安排").get_data(as_text=True)
    assert "等待审核" in page and "待审核" in page and PLAN in page
    waiting = c77(ws)
    assert waiting["handins"]["submitted"] == before["handins"]["submitted"] + 1
    assert waiting["handins"]["pending"] == before["handins"]["pending"] + 1
    assert waiting["evidence"] == before["evidence"]

    with Catalog(ws.catalog_path) as catalog:
        number = catalog.conn.execute("SELECT max(id) FROM submissions").fetchone()[0]
    queue = clerk.get("/review").get_data(as_text=True)
    assert UNIT in queue and PLAN in queue and "Ⅲ-77" in queue
    held = clerk.get(f"/review/{number}/file")
    assert held.status_code == 200 and held.data.decode("utf-8") == WRITTEN[PLAN]
    assert unit.get(f"/review/{number}/file").status_code == 403
    done = clerk.post(f"/review/{number}/accept", data={"csrf_token": csrf(clerk)}, follow_redirects=True)
    assert "已归档" in done.get_data(as_text=True)

    after = c77(ws)
    with Catalog(ws.catalog_path) as catalog:
        doc_id = catalog.conn.execute("SELECT document_id FROM submissions WHERE id = ?", (number,)).fetchone()[0]
    assert doc_id in after["evidence"] and after["covered"]
    link = next(d for d in after["documents"] if d["id"] == doc_id)
    assert link["origin"] == "manual" and link["req"] == 1
    assert after["handins"]["accepted"] == before["handins"]["accepted"] + 1
    assert after["handins"]["pending"] == before["handins"]["pending"]
    mine = unit.get("/handin").get_data(as_text=True)
    assert "已归档" in mine and f"/doc/{doc_id}" in mine
    assert unit.get(f"/doc/{doc_id}").status_code == 200          # released to the unit that sent it
    assert unit.get("/?q=环境保护").get_data(as_text=True).count(f"/doc/{doc_id}") >= 1
    assert clerk.post(f"/review/{number}/accept", data={"csrf_token": csrf(clerk)},
                      follow_redirects=True).get_data(as_text=True).count("已处理") == 1


def test_a_returned_file_shows_its_reason_to_the_unit(ws) -> None:  # type: ignore[no-untyped-def]
    app = create_app(ws)
    unit, clerk = signed_in(app, "xuanchuan"), signed_in(app, "wang")
    hand_in(unit, "志愿服务照片说明.txt", "社区志愿服务活动照片，缺少时间地点。")
    with Catalog(ws.catalog_path) as catalog:
        number = catalog.conn.execute("SELECT max(id) FROM submissions").fetchone()[0]
    reason = "照片缺少时间、地点、人物说明，请补充后重新报送"
    missing = clerk.post(f"/review/{number}/return", data={"csrf_token": csrf(clerk), "reason": " "},
                         follow_redirects=True)
    assert "须写明原因" in missing.get_data(as_text=True)
    clerk.post(f"/review/{number}/return", data={"csrf_token": csrf(clerk), "reason": reason})
    mine = unit.get("/handin").get_data(as_text=True)
    assert "已退回" in mine and reason in mine
    assert c77(ws)["handins"]["returned"] >= 1
    with Catalog(ws.catalog_path) as catalog:
        rows = [e for e in audit.entries(catalog) if e["object"] == f"submission:{number}"]
    assert [(e["user"], e["action"]) for e in rows] == [("xuanchuan", "review.submit"), ("wang", "review.return")]
    assert rows[1]["detail"] == {"before": {"state": "pending"},
                                 "after": {"state": "returned", "reason": reason, "document": None}}


def test_hand_in_checks_its_target(ws) -> None:  # type: ignore[no-untyped-def]
    unit = signed_in(create_app(ws), "xuanchuan")
    assert "没有测评内容 Ⅲ-999" in hand_in(unit, "a.txt", "内容", item="Ⅲ-999").get_data(as_text=True)
    assert "请选择材料对应的测评内容或任务" in hand_in(unit, "a.txt", "内容", item="").get_data(as_text=True)
    assert "文件为空" in hand_in(unit, "a.txt", "").get_data(as_text=True)


def test_review_from_the_cli(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dangan.intake.review import hand_in as flow_hand_in

    def dangan(*args: str, code: int = 0):  # type: ignore[no-untyped-def]
        result = CliRunner().invoke(cli, ["--home", str(ws.home), *args], catch_exceptions=code != 0)
        assert result.exit_code == code, result.output
        return result

    before = c77(ws)["handins"]
    first = flow_hand_in(ws, io.BytesIO("公众参与测评问卷宣传方案".encode()), "宣传方案.txt", unit=UNIT,
                         user="xuanchuan", item_code="Ⅲ-77")
    second = flow_hand_in(ws, io.BytesIO("无关材料".encode()), "其他.txt", unit=UNIT, user="xuanchuan",
                          item_code="Ⅲ-77")
    pending = json.loads(dangan("review", "list", "--json").output)["submissions"]
    assert {first["id"], second["id"]} <= {s["id"] for s in pending}
    accepted = json.loads(dangan("review", "accept", str(first["id"]), "--json").output)
    assert accepted["state"] == "accepted" and accepted["document_id"]
    dangan("review", "return", str(second["id"]), "--reason", "与测评内容无关")
    again = dangan("review", "accept", str(second["id"]), code=3)
    assert "已处理（已退回）" in again.output
    assert "找不到编号为 999" in dangan("review", "accept", "999", code=3).output
    gaps = json.loads(dangan("gaps", "--json").output)
    row = next(c for c in gaps["contents"] if c["code"] == "Ⅲ-77")
    assert accepted["document_id"] in row["evidence"]
    assert row["handins"]["submitted"] == before["submitted"] + 2
    assert row["handins"]["returned"] == before["returned"] + 1
    assert row["handins"]["accepted"] == before["accepted"] + 1
    entries = json.loads(dangan("audit", "--json").output)["entries"]
    cli_actions = [e for e in entries if e["object"] in (f"submission:{first['id']}", f"submission:{second['id']}")
                   and e["action"] != "review.submit"]
    assert {e["user"] for e in cli_actions} == {audit.os_user()}
    assert (ws.home / "review").is_dir() and not any((ws.home / "review").rglob("*.txt"))


def test_a_clerk_who_cannot_accept_or_gives_no_reason_is_told_what_to_type(ws) -> None:  # type: ignore[no-untyped-def]
    """A real budget PDF cut short cannot be archived, and a return needs a reason: each is said as a
    submission's problem with the command to type, not as a query error with a search example."""
    from dangan.intake.review import hand_in as flow_hand_in

    pdf = REPO.parent / "shared" / "corpus" / "pdf" / "cn_shanghai_putuo_budgets" / "putuo_sifaju_2026_dept_budget.pdf"
    cut = flow_hand_in(ws, io.BytesIO(pdf.read_bytes()[:30000]), "预算.pdf", unit=UNIT, user="xuanchuan",
                       item_code="Ⅲ-77")
    said = CliRunner().invoke(cli, ["--home", str(ws.home), "review", "accept", str(cut["id"])]).output
    assert "错误：材料未能收录：文件已损坏" in said and "dangan review return" in said
    for verb in ("return", "reject"):
        result = CliRunner().invoke(cli, ["--home", str(ws.home), "review", verb, str(cut["id"]), "--reason", " "])
        assert result.exit_code == 3
        assert "退回或不予采用须写明原因" in result.output
        assert f'dangan review {verb} {cut["id"]} --reason "' in result.output
        assert "dangan search" not in result.output and "检索式" not in result.output
    listed = json.loads(CliRunner().invoke(cli, ["--home", str(ws.home), "review", "list", "--json"]).output)
    assert cut["id"] in {s["id"] for s in listed["submissions"]}   # still waiting: nothing was decided


def test_review_list_reads_as_a_table_with_what_to_type_next(ws) -> None:  # type: ignore[no-untyped-def]
    """review list printed tab-separated columns with no names (4	待审核	区委宣传部	党代会报告.zip	A02	)."""
    from dangan.intake.review import hand_in as flow_hand_in

    handed = flow_hand_in(ws, io.BytesIO(WRITTEN[PLAN].encode()), PLAN, unit=UNIT, user="xuanchuan",
                          item_code="Ⅲ-77", note="第一批")
    said = CliRunner().invoke(cli, ["--home", str(ws.home), "review", "list"]).output
    assert "报送材料（" in said and "编号" in said and "报送时间" in said and "\t" not in said
    line = next(row for row in said.splitlines() if f" {handed['id']} " in row and "待审核" in row)
    assert "Ⅲ-77" in line and re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", line)   # 80 columns: the rest wraps
    assert 'dangan review return 编号 --reason "原因"' in said
