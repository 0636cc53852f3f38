"""The desk's 会议纪要 form takes a sign-in sheet (签到表), as `dangan minutes --attendance` does: the sheet read
by the same function (compose.minutes.attendance.read_attendance), its 出席/请假/列席 on the review page in place
of the names the speech was read to give, kept through the redraft confirmation; a sheet it cannot read is
said in Chinese and no draft is made."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import SEED_SPEECH
from web_desk import html, token

from dangan.archive.catalog import Catalog
from dangan.archive.tasks import list_tasks
from dangan.cli import cli
from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import Workspace, init_workspace

PEOPLE = ((1, "张三", "区委", "书记", ""), (2, "李四", "区政府", "区长", ""), (3, "赵六", "区城管局", "局长", "请假"),
          (4, "钱七", "区住建局", "副局长", "列席"))
SIGNED = {"attendees": "张三（区委书记）、李四（区政府区长）", "absent": "赵六（区城管局局长）",
          "observers": "钱七（区住建局副局长）"}


@pytest.fixture
def speech(tmp_path: Path) -> tuple[Workspace, int]:
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [SEED_SPEECH], ocr=False).to_dict()
    return ws, report["documents"][0]["id"]


def sheet_xlsx(path: Path) -> Path:
    """A sign-in sheet as offices keep them in Excel: a title row, a header, one person a row."""
    book = openpyxl.Workbook()
    rows = book.active
    rows.append(["创建办会部署会签到表"])
    rows.append(["序号", "姓名", "单位", "职务", "备注"])
    for row in PEOPLE:
        rows.append(list(row))
    book.save(path)
    return path


def fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="text" name="(attendees|absent|observers)" value="([^"]*)"', page))


def test_a_sign_in_sheet_uploaded_with_the_form_names_who_came(speech, tmp_path: Path) -> None:
    ws, doc_id = speech
    sheet = sheet_xlsx(tmp_path / "创建办会部署会签到表.xlsx")
    with create_app(ws).test_client() as client:
        form = html(client.get("/minutes"))
        assert 'name="attendance"' in form and "签到表" in form
        without = client.post("/minutes/draft", data={"csrf_token": token(client), "doc_id": str(doc_id),
                                                      "date": "2022-03-26"}, follow_redirects=True)
        assert "茂发区长" in fields(html(without))["attendees"]   # no sheet: the speech's own reading
        sent = client.post("/minutes/draft", data={
            "csrf_token": token(client), "doc_id": str(doc_id), "date": "2022-03-26",
            "attendance": (io.BytesIO(sheet.read_bytes()), sheet.name)}, content_type="multipart/form-data")
        # the meeting was drafted a moment ago: the desk asks before replacing its open tasks, the sheet kept
        confirm = html(sent)
        assert 'id="replace-form"' in confirm and 'name="attendance_sheet"' in confirm
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', confirm))
        hidden = {key: value.replace("&#34;", '"').replace("&quot;", '"') for key, value in hidden.items()}
        review = client.post("/minutes/draft", data=hidden, follow_redirects=True)
    page = html(review)
    assert "已读入签到表：出席 2 人，请假 1 人，列席 1 人" in page
    assert fields(page) == SIGNED
    # the CLI reads the same sheet to the same people
    cli_made = CliRunner().invoke(cli, ["--home", str(ws.home), "minutes", str(doc_id), "--date", "2022-03-26",
                                        "--attendance", str(sheet), "--dry-run", "--json"], catch_exceptions=False)
    people = json.loads(cli_made.output)["attendance"]
    assert {"attendees": "、".join(people["present"]), "absent": "、".join(people["absent"]),
            "observers": "、".join(people["observers"])} == SIGNED
    assert not any((ws.home / "staging").rglob("*.xlsx"))   # the sheet is read, not kept


def test_a_text_sheet_in_gbk_and_a_sheet_that_cannot_be_read(speech, tmp_path: Path) -> None:
    ws, doc_id = speech
    text = "姓名\t单位\t备注\n张三\t区委\t\n赵六\t区城管局\t因公请假\n".encode("gb18030")
    broken = b"not a workbook at all"
    with create_app(ws).test_client() as client:
        read = client.post("/minutes/draft", data={
            "csrf_token": token(client), "doc_id": str(doc_id), "date": "2022-03-27",
            "attendance": (io.BytesIO(text), "签到.txt")}, content_type="multipart/form-data", follow_redirects=True)
        assert fields(html(read))["attendees"] == "张三（区委）" and fields(html(read))["absent"] == "赵六（区城管局）"
        with Catalog(ws.catalog_path) as catalog:
            before = len(list_tasks(catalog))
        refused = client.post("/minutes/draft", data={
            "csrf_token": token(client), "doc_id": str(doc_id), "date": "2022-03-28",
            "attendance": (io.BytesIO(broken), "签到表.xlsx")}, content_type="multipart/form-data",
            follow_redirects=True)
    said = html(refused)
    assert "签到表 签到表.xlsx 无法作为 XLSX 打开" in said and "起草纪要" in said   # back on the form, nothing drafted
    with Catalog(ws.catalog_path) as catalog:
        assert len(list_tasks(catalog)) == before
