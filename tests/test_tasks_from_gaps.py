"""Tasks to the units that owe evidence, the week before the inspection: `dangan tasks add` (from the
缺项清单 or one task worded by the clerk) and the 迎检进度 page's 下发任务. There was no way to put a task
in the 督办台账 except by drafting a meeting's minutes, and a deadline typed as a clerk says it (周五前,
12月5日, 下周一) was refused for any task of no meeting. A unit's hand-in for such a task goes to the
task's 测评内容 (and its requirement) without the unit having to find the code again."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_run import dangan
from web_desk import DOCX, SPEECH, signed_in
from web_desk import csrf as csrf_of

from dangan.archive import accounts, review
from dangan.archive.catalog import Catalog
from dangan.web.app import create_app
from dangan.workspace import init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

PASSWORD = "correct horse 12"
SCAN = SPEECH.parents[2] / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Guangdong_test.pdf"


def tasks(home: Path) -> list[dict]:
    return json.loads(dangan(home, "tasks", "--json"))["tasks"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("gaptasks") / "ws"
    dangan(home, "init")
    dangan(home, "ingest", "--no-ocr", "--quiet", str(SPEECH), str(DOCX))
    return home


def test_tasks_from_the_gaps_go_to_the_units_that_owe_evidence(home: Path) -> None:
    today = date.today()
    said = dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--item", "Ⅰ-1",
                  "--deadline", "周五前")
    rows = tasks(home)
    friday = date.fromisoformat(rows[0]["deadline"])
    assert friday.weekday() == 4 and 0 <= (friday - today).days < 7
    assert f"完成时限“周五前”从今天 {today.isoformat()} 算起为 {friday.isoformat()}。" in said
    # Ⅲ-3's 1st and 3rd requirements are 区委宣传部's (its 2nd and 4th name no unit): one task naming both
    mine = [t for t in rows if t["source"].startswith("缺项清单 Ⅲ-3")]
    assert [(t["owners"], t["source"]) for t in mine] == [(["区委宣传部"], "缺项清单 Ⅲ-3 第1、3条")]
    assert "提供反映区委宣传部开展“五位一体”总体布局" in mine[0]["text"] and mine[0]["text"].startswith("报送 Ⅲ-3 加强宣传阐释")
    # a requirement two units owe together is one task to both, the first leading
    joint = next(t for t in rows if t["source"] == "缺项清单 Ⅲ-4 第1条")
    assert joint["owners"] == ["区委", "区政府"] and joint["lead"] == ["区委"]
    assert all(t["source"].split()[1] in {"Ⅲ-1", "Ⅲ-2", "Ⅲ-3", "Ⅲ-4"} for t in rows)   # Ⅰ-1 holds Ⅲ-1…Ⅲ-5 (Ⅲ-5 names no unit)
    assert "条申报要求未录责任单位" in said and "可用 --item 代码 --owner 单位 指定" in said
    again = dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--item", "Ⅰ-1",
                   "--deadline", "下周一")
    assert "没有新下发的任务" in again and "未重复下发" in again and len(tasks(home)) == len(rows)


def test_unrecorded_requirements_go_to_the_unit_the_clerk_names(home: Path) -> None:
    before = {t["id"] for t in tasks(home)}
    dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--item", "Ⅲ-9",
           "--owner", "区文明办", "--deadline", "12月5日")
    new = [t for t in tasks(home) if t["id"] not in before]
    due = date(date.today().year, 12, 5)
    due = due if due >= date.today() else date(due.year + 1, 12, 5)
    assert [(t["owners"], t["source"], t["deadline"]) for t in new] == [
        (["区文明办"], "缺项清单 Ⅲ-9 第1、2、3、4、5、6条", due.isoformat())]
    dry = dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--dry-run", "--json")
    planned = json.loads(dry)
    assert planned["dry_run"] and planned["added"] == 0 and planned["tasks"] and planned["unowned"]
    assert {t["id"] for t in tasks(home)} == before | {new[0]["id"]}         # --dry-run stored nothing


def test_one_task_worded_by_the_clerk_and_deadlines_refused_in_chinese(home: Path) -> None:
    made = json.loads(dangan(home, "tasks", "add", "报送志愿服务活动照片", "--owner", "区文明办",
                             "--taxonomy", "national-2015", "--item", "Ⅲ-17", "--deadline", "下周一", "--json"))
    task = made["tasks"][0]
    monday = date.fromisoformat(task["deadline"])
    assert monday.weekday() == 0 and 0 < (monday - date.today()).days <= 13
    assert task["content"] == "Ⅲ-17" and task["owners"] == ["区文明办"]
    edited = dangan(home, "tasks", "edit", str(task["id"]), "--deadline", "三天内")
    assert f"从今天 {date.today().isoformat()} 算起为 {(date.today() + timedelta(days=3)).isoformat()}" in edited
    edited = dangan(home, "tasks", "edit", str(task["id"]), "--deadline", "12.5前")   # as a clerk types 12月5日前
    upcoming = date(date.today().year, 12, 5)
    upcoming = upcoming if upcoming >= date.today() else upcoming.replace(year=upcoming.year + 1)
    assert f"算起为 {upcoming.isoformat()}" in edited
    refused = dangan(home, "tasks", "add", "x", "--owner", "区文明办", "--deadline", "2.30", code=3)
    assert "错误：完成时限的日期无效：2.30" in refused and "“周五前”“12月5日”“12.5”“下周一”" in refused
    assert "错误：完成时限的日期无效：12.5万" in dangan(home, "tasks", "add", "x", "--owner", "区文明办",
                                                 "--deadline", "12.5万", code=3)
    assert "Traceback" not in refused
    assert "没有写责任单位" in dangan(home, "tasks", "add", "x", code=3)
    wide = dangan(home, "tasks", "add", "x", "--owner", "区文明办", "--taxonomy", "national-2015",
                  "--item", "Ⅰ-1", code=3)
    assert "一项任务只能对应一项测评内容" in wide and "--from-gaps" in wide
    assert "未知的测评内容代码：Ⅲ-999" in dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015",
                                                "--item", "Ⅲ-999", code=3)


def test_the_desk_issues_tasks_and_a_units_hand_in_lands_on_the_tasks_item(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    ws = init_workspace(home)
    settings = (home / "dangan.toml").read_text(encoding="utf-8")
    (home / "dangan.toml").write_text(settings.replace('edition = "district-nine"', 'edition = "national-2015"'),
                                      encoding="utf-8")
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "clerk", "clerk", PASSWORD)
        accounts.add_user(catalog, "xcb", "unit", PASSWORD, unit="区委宣传部")
    app = create_app(init_workspace(home))
    office, unit = signed_in(app, "clerk", PASSWORD), signed_in(app, "xcb", PASSWORD)
    csrf = csrf_of(office)
    page = office.get("/progress").get_data(as_text=True)
    assert 'id="issue-all"' in page and "下发任务" in page
    done = office.post("/progress/tasks", data={"csrf_token": csrf, "content": "Ⅲ-3", "deadline": "下周一"},
                       follow_redirects=True).get_data(as_text=True)
    assert "已下发 1 项任务给 1 个责任单位" in done and "（“下周一”从今天算起）" in done
    assert "2 条申报要求未录责任单位，未下发" in done
    bad = office.post("/progress/tasks", data={"csrf_token": csrf, "content": "Ⅲ-3", "deadline": "尽快"},
                      follow_redirects=True).get_data(as_text=True)
    assert "未下发任务：完成时限的日期无效：尽快" in bad
    ledger = office.get("/tasks").get_data(as_text=True)
    assert "来源：缺项清单 Ⅲ-3 第1、3条" in ledger
    task = next(t for t in tasks(home) if t["source"] == "缺项清单 Ⅲ-3 第1、3条")
    # the unit follows 报送材料 from its task: the form has the task's 测评内容 chosen
    form = unit.get(f"/handin?task={task['id']}").get_data(as_text=True)
    assert '<option value="Ⅲ-3" selected>' in form
    csrf = csrf_of(unit)
    with DOCX.open("rb") as fh:
        sent = unit.post("/handin", data={"csrf_token": csrf, "task": str(task["id"]), "item": "",
                                          "file": (fh, DOCX.name)}, follow_redirects=True)
    assert "等待审核" in sent.get_data(as_text=True)
    with Catalog(ws.catalog_path) as catalog:
        held = review.listing(catalog, unit="区委宣传部")[0]
    assert (held["item_code"], held["task_id"], held["taxonomy"]) == ("Ⅲ-3", task["id"], "national-2015")
    assert unit.post("/progress/tasks", data={"csrf_token": csrf, "deadline": "周五前"}).status_code == 403


def test_a_unit_sees_and_answers_only_its_own_tasks_not_a_unit_whose_name_is_inside_its_own(tmp_path: Path) -> None:
    """区委宣传部's account listed 区委's tasks (区委 is part of 区委宣传部) and could hand in for them; the
    desk's 区委 filter counted 1 and listed 2."""
    home = tmp_path / "ws"
    dangan(home, "init")
    for text, unit in (("报送两学一做学习教育方案", "区委"), ("报送宣传教育规范文件", "区委宣传部")):
        dangan(home, "tasks", "add", text, "--owner", unit, "--deadline", "12月5日")
    ids = {t["owners"][0]: t["id"] for t in tasks(home)}
    ws = init_workspace(home)
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "clerk", "clerk", PASSWORD)
        accounts.add_user(catalog, "xcb", "unit", PASSWORD, unit="区委宣传部")
    app = create_app(ws)
    office, unit = signed_in(app, "clerk", PASSWORD), signed_in(app, "xcb", PASSWORD)
    own = unit.get("/tasks").get_data(as_text=True)
    assert 'id="task-{}"'.format(ids["区委宣传部"]) in own and 'id="task-{}"'.format(ids["区委"]) not in own
    form = unit.get("/handin").get_data(as_text=True)
    assert "报送宣传教育规范文件" in form and "报送两学一做学习教育方案" not in form
    csrf = csrf_of(unit)
    with DOCX.open("rb") as fh:
        sent = unit.post("/handin", data={"csrf_token": csrf, "task": str(ids["区委"]), "file": (fh, DOCX.name)},
                         follow_redirects=True).get_data(as_text=True)
    assert f"未报送：任务 {ids['区委']} 不是本单位（区委宣传部）的任务。" in sent
    assert unit.post(f"/tasks/{ids['区委']}/status", data={"csrf_token": csrf, "status": "done"}).status_code == 403
    chosen = office.get("/tasks?owner=区委").get_data(as_text=True)
    assert "区委（1）" in chosen and 'id="task-{}"'.format(ids["区委宣传部"]) not in chosen
    assert 'id="task-{}"'.format(ids["区委"]) in chosen
    typed = json.loads(dangan(home, "tasks", "--owner", "宣传部", "--json"))["tasks"]    # typed: part of a name
    assert [t["id"] for t in typed] == [ids["区委宣传部"]]


def photos(folder: Path) -> list[Path]:
    """Three 'photos' (JPEG pages of a scanned corpus PDF) and a Word file of them with captions."""
    import pypdfium2
    from docx import Document
    from docx.shared import Cm

    folder.mkdir()
    pdf = pypdfium2.PdfDocument(str(SCAN))
    out = []
    for number in range(3):
        path = folder / f"志愿服务活动-{number + 1}.jpg"
        pdf[number].render(scale=0.8).to_pil().convert("RGB").save(path, quality=80)
        out.append(path)
    word = Document()
    for number, path in enumerate(out, 1):
        word.add_picture(str(path), width=Cm(14))
        word.add_paragraph(f"图{number}：2026年11月28日，区委宣传部组织文明交通劝导志愿服务活动。")
    word.save(folder / "志愿服务活动照片.docx")
    return [*out, folder / "志愿服务活动照片.docx"]


def test_a_unit_hands_in_its_photos_and_their_word_file_at_once(tmp_path: Path) -> None:
    """The 报送 form took one file; a unit with an activity's photos sent them one by one and chose its
    测评内容 and task again for each, the form coming back empty after every file."""
    home = tmp_path / "ws"
    dangan(home, "init")
    dangan(home, "tasks", "add", "报送志愿服务活动照片", "--owner", "区委宣传部", "--taxonomy", "national-2015",
           "--item", "Ⅲ-17", "--deadline", "周五前")
    task = tasks(home)[0]["id"]
    ws = init_workspace(home)
    settings = (home / "dangan.toml").read_text(encoding="utf-8")
    (home / "dangan.toml").write_text(settings.replace('edition = "district-nine"', 'edition = "national-2015"'),
                                      encoding="utf-8")
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "xcb", "unit", PASSWORD, unit="区委宣传部")
    unit = signed_in(create_app(init_workspace(home)), "xcb", PASSWORD)
    csrf = csrf_of(unit)
    files = photos(tmp_path / "photos")
    handles = [path.open("rb") for path in files]
    try:
        sent = unit.post("/handin", data={"csrf_token": csrf, "task": str(task), "item": "Ⅲ-17",
                                          "file": [(fh, path.name) for fh, path in zip(handles, files, strict=True)]})
    finally:
        for fh in handles:
            fh.close()
    assert sent.status_code == 302 and "task=" in sent.location and "item=" in sent.location
    page = unit.get(sent.location).get_data(as_text=True)
    assert "已报送 4 个文件，等待审核：“志愿服务活动-1.jpg”（编号 1）" in page and "“志愿服务活动照片.docx”（编号 4）" in page
    assert '<option value="Ⅲ-17" selected>' in page and f'<option value="{task}" selected>' in page
    with Catalog(ws.catalog_path) as catalog:
        held = review.listing(catalog, unit="区委宣传部")
    assert sorted(h["original_name"] for h in held) == sorted(p.name for p in files)
    assert {(h["item_code"], h["task_id"], h["state"]) for h in held} == {("Ⅲ-17", task, "pending")}


def test_accepted_photos_are_read_by_ocr_and_a_units_batch_is_accepted_at_once(tmp_path: Path) -> None:
    """`review accept` took one number and left an accepted photo 待 OCR without a word (its text and
    elements unread until someone ran `dangan ocr`); the desk's 接收归档 the same. Now several numbers are
    accepted together and their photos read as `ingest` reads them; the desk starts the reading."""
    import time

    from dangan.web import ocr_runs

    home = tmp_path / "ws"
    dangan(home, "init")
    ws = init_workspace(home)
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "xcb", "unit", PASSWORD, unit="区委宣传部")
        accounts.add_user(catalog, "clerk", "clerk", PASSWORD)
    files = photos(tmp_path / "photos")
    from dangan.intake import review as flow
    for path in files[:3]:
        with path.open("rb") as fh:
            flow.hand_in(ws, fh, path.name, unit="区委宣传部", user="xcb", item_code="A01")
    said = dangan(home, "review", "accept", "1", "2", "9", code=2)
    assert "已归档：报送材料 1 收录为文件" in said and "已归档：报送材料 2 收录为文件" in said
    assert "未接收 报送材料 9" in said
    docs = [json.loads(dangan(home, "show", str(i), "--json")) for i in (1, 2)]
    assert all(not d["needs_ocr"] and "预算" in d["text"] for d in docs), [d["needs_ocr"] for d in docs]
    assert "识别 1 页" in said
    app = create_app(ws)
    office = signed_in(app, "clerk", PASSWORD)
    csrf = csrf_of(office)
    page = office.post("/review/3/accept", data={"csrf_token": csrf}, follow_redirects=True).get_data(as_text=True)
    assert "已归档：报送材料 3 收录为文件 3，照片或扫描件正在后台识别文字（进度见“状态”页）。" in page
    deadline = time.monotonic() + 300
    while (run := ocr_runs.state(ws)) is None or run["running"]:
        assert time.monotonic() < deadline, "the desk's OCR run did not end"
        time.sleep(0.5)
    assert "预算" in json.loads(dangan(home, "show", "3", "--json"))["text"]


def test_a_documents_page_lists_items_in_order_and_its_linked_content_ticked(tmp_path: Path) -> None:
    """The 测评项目 boxes of a photo accepted under Ⅲ-17 read Ⅰ-1, Ⅰ-10, Ⅰ-11, Ⅰ-12, Ⅰ-2… (the catalog's text
    order) and none was ticked: its Ⅲ-17 link was not among them, so it could be neither seen nor undone."""
    import re

    home = tmp_path / "ws"
    dangan(home, "init")
    settings = (home / "dangan.toml").read_text(encoding="utf-8")
    (home / "dangan.toml").write_text(settings.replace('edition = "district-nine"', 'edition = "national-2015"'),
                                      encoding="utf-8")
    doc = str(json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(DOCX)))["documents"][0]["id"])
    dangan(home, "tag", doc, "--item", "Ⅲ-17", "--req", "2", "--taxonomy", "national-2015")
    dangan(home, "tag", doc, "--item", "Ⅰ-11", "--taxonomy", "national-2015")
    ws = init_workspace(home)
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "clerk", "clerk", PASSWORD)
    office = signed_in(create_app(ws), "clerk", PASSWORD)
    page = office.get(f"/doc/{doc}").get_data(as_text=True)
    boxes = re.findall(r'name="items" value="([^"]+)"( checked)?', page)
    codes = [code for code, _ in boxes]
    national = [c for c in codes if c.startswith("Ⅰ-")]
    assert national[:3] == ["Ⅰ-1", "Ⅰ-2", "Ⅰ-3"] and national.index("Ⅰ-10") > national.index("Ⅰ-9")
    assert codes[codes.index("Ⅰ-3") + 1] == "Ⅲ-17"                       # the 测评内容 under its item
    assert {code for code, ticked in boxes if ticked} == {"Ⅲ-17", "Ⅰ-11"}
    csrf = csrf_of(office)
    kept = [code for code, ticked in boxes if ticked and code != "Ⅲ-17"]
    office.post(f"/doc/{doc}/tag", data={"csrf_token": csrf, "items_shown": "1", "items": kept})
    shown = json.loads(dangan(home, "show", doc, "--json"))
    assert [i["code"] for i in shown["items"]] == ["Ⅰ-11"]


def test_gaps_by_unit_and_a_unit_no_requirement_names(home: Path) -> None:
    """`gaps` listed by 测评内容 only: which unit owes what (the week's question before the tasks go out)
    needed reading all 84. `--by-unit` lists each unit's missing requirements; `--owner` one unit's, and a
    unit no requirement names is said so rather than answered with nothing missing."""
    data = json.loads(dangan(home, "gaps", "--taxonomy", "national-2015", "--by-unit", "--json"))["units"]
    by_name = {u["name"]: u["missing"] for u in data}
    assert {"content": "Ⅲ-3", "no": 1} in [{"content": m["content"], "no": m["no"]} for m in by_name["区委宣传部"]]
    assert data[-1]["unit"] == "" and data[-1]["name"] == "责任单位未录入"
    assert [len(u["missing"]) for u in data[:-1]] == sorted((len(u["missing"]) for u in data[:-1]), reverse=True)
    said = dangan(home, "gaps", "--taxonomy", "national-2015", "--owner", "区委宣传部")
    assert said.startswith("区委宣传部　缺 ") and "Ⅲ-3 加强宣传阐释　1. 提供反映区委宣传部" in said
    assert "责任单位未录入" not in said
    slip = dangan(home, "gaps", "--taxonomy", "national-2015", "--owner", "宣传布", code=3)
    assert "错误：缺项清单中没有责任单位“宣传布”" in slip and "区委宣传部" in slip
    issued = dangan(home, "tasks", "add", "--from-gaps", "--taxonomy", "national-2015", "--owner", "宣传布", code=3)
    assert "缺项清单中没有责任单位“宣传布”" in issued


def test_the_reviewer_sees_a_handed_in_photo_before_accepting_it(tmp_path: Path) -> None:
    """审核 listed a unit's photo by its file name only: to judge it (the right activity? legible?) the clerk
    downloaded each one. The page shows each waiting photo small, re-encoded; a task's text cut at 40
    characters now ends with …"""
    import re

    home = tmp_path / "ws"
    dangan(home, "init")
    dangan(home, "tasks", "add", "报送志愿服务活动照片，含文明交通劝导、文明旅游、文明上网三类活动各三张以上并注明时间地点",
           "--owner", "区委宣传部", "--deadline", "周五前")
    ws = init_workspace(home)
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "clerk", "clerk", PASSWORD)
        accounts.add_user(catalog, "xcb", "unit", PASSWORD, unit="区委宣传部")
    from dangan.intake import review as flow
    files = photos(tmp_path / "photos")
    for path in (files[0], files[-1]):
        with path.open("rb") as fh:
            flow.hand_in(ws, fh, path.name, unit="区委宣传部", user="xcb", item_code="A09", task_id=1)
    app = create_app(ws)
    clients = {name: signed_in(app, name, PASSWORD) for name in ("clerk", "xcb")}
    page = clients["clerk"].get("/review").get_data(as_text=True)
    assert re.findall(r'<img class="held" src="/review/(\d+)/photo.jpg"', page) == ["1"]     # the JPEG, not the DOCX
    assert "任务 1：报送志愿服务活动照片，含文明交通劝导、文明旅游、文明上网三类活动各三张以上并注…" in page
    shot = clients["clerk"].get("/review/1/photo.jpg")
    assert shot.status_code == 200 and shot.mimetype == "image/jpeg" and shot.data[:2] == b"\xff\xd8"
    assert clients["clerk"].get("/review/2/photo.jpg").status_code == 404
    assert clients["xcb"].get("/review/1/photo.jpg").status_code == 403
