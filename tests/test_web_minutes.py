"""The web desk's 会议纪要 and 督办台账 pages through Flask's test client: drafting from a speech,
review and edit, downloads, the task ledger."""
from __future__ import annotations

import io
import re

import pytest
from web_desk import DOCX_MIME, html, token


# -- 会议纪要 与 督办台账 ---------------------------------------------------------
@pytest.fixture(scope="session")
def drafted(app, desk) -> str:  # type: ignore[no-untyped-def]
    """Minutes drafted from the seed speech through the form; returns the review URL."""
    _, ids = desk
    with app.test_client() as client:
        response = client.post("/minutes/draft", data={
            "csrf_token": token(client), "doc_id": str(ids["speech"]), "date": "2022-03-26",
            "place": "区行政中心第一会议室", "host": "区委书记",
            "replace": "1"})   # other tests may have drafted this meeting: confirm the redraft
        assert response.status_code == 302
        return response.headers["Location"]


def test_minutes_form_lists_speeches(client, desk) -> None:
    page = html(client.get(f"/minutes?doc={desk[1]['speech']}"))
    assert "书记在创建办会部署会讲话" in page and "起草纪要" in page


def test_minutes_form_takes_the_meeting_date_from_the_speech(client, desk) -> None:
    """The form preset 会议日期 to today: the 2022 speech's tasks got 2026 deadlines (一个月 → today
    plus a month), unlike `dangan minutes` without --date, which reads 时间：2022-03-26 in the speech."""
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import list_tasks

    ws, ids = desk
    page = html(client.get(f"/minutes?doc={ids['speech']}"))
    field = re.search(r'<input type="date" name="date"[^>]*>', page).group(0)
    assert 'value=""' in field and "留空则按讲话稿所写日期" in page
    response = client.post("/minutes/draft", data={"csrf_token": token(client), "doc_id": str(ids["speech"]),
                                                   "date": "", "replace": "1"})   # the 03-26 meeting may be drafted
    assert response.status_code == 302
    with Catalog(ws.catalog_path) as catalog:
        due = {t["deadline"] for t in list_tasks(catalog) if "三大战役" in t["text"]}
    assert "2022-04-26" in due and not any(d and d.startswith("2026") for d in due)


def test_minutes_review_edit_and_download(client, drafted) -> None:
    from docx import Document

    page = html(client.get(drafted))
    assert re.search(r"/minutes/[0-9a-f]{32}$", drafted)
    assert "任务分工" in page and "议定事项提纲" in page and "区委书记" in page
    count = int(re.search(r'name="task_count" value="(\d+)"', page).group(1))
    assert count >= 3
    form = {"csrf_token": token(client), "task_count": str(count), "title": "创建办会部署会议纪要",
            "date": "2022-03-26", "place": "区行政中心第一会议室", "host": "区委书记",
            "task-0-keep": "1", "task-0-text": "区委宣传部牵头编制迎检宣传方案。", "task-0-owners": "区委宣传部、区文明办",
            "task-0-deadline": "2022-04-15",
            f"task-{count}-text": "各街道完成背街小巷整治。", f"task-{count}-owners": "各街道",
            "action": "save"}
    saved = html(client.post(drafted, data=form, follow_redirects=True))
    assert "修改已保存" in saved and "区委宣传部牵头编制迎检宣传方案" in saved
    assert saved.count('name="task-') >= 10
    ledger = html(client.get("/tasks"))  # the 督办台账 follows the reviewed list
    assert "区委宣传部牵头编制迎检宣传方案" in ledger and "各街道完成背街小巷整治" in ledger
    response = client.post(drafted, data={**form, "action": "docx"})
    assert response.status_code == 200 and response.mimetype == DOCX_MIME
    document = Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "区委宣传部牵头编制迎检宣传方案" in text and "各街道完成背街小巷整治" in text
    assert "区行政中心第一会议室" in text
    bad = client.post(drafted, data={**form, "task-0-deadline": "四月"}, follow_redirects=True)
    assert "未保存" in html(bad)


def test_minutes_review_shows_the_condensed_draft_beside_the_speech(client, drafted) -> None:
    page = html(client.get(drafted))
    assert "纪要正文" in page and "逐句对照" in page
    table = page[page.index('id="sentence-map"'):]
    rows = re.findall(r'<tr class="(kept|dropped)">', table)
    assert rows.count("kept") >= 10 and rows.count("dropped") >= 5
    # a dropped aside and a kept sentence rewritten into the meeting's voice, side by side
    assert "我相信" in table and "（略去）" in table
    assert "全区各单位、各部门也要迅速按照挂点帮扶的要求" in table
    assert re.search(r"会议(?:指出|强调|要求|明确)", page)
    assert re.search(r"为讲话稿的 \d+%", page)
    assert re.search(r'name="attendees" value="[^"]*茂发区长', page)  # 出席 from the speech


def test_minutes_unknown_token_and_missing_source(client) -> None:
    assert client.get("/minutes/" + "0" * 32).status_code == 404
    assert client.get("/minutes/../../etc/passwd").status_code == 404
    page = html(client.post("/minutes/draft", data={"csrf_token": token(client)}, follow_redirects=True))
    assert "请选择一篇讲话稿" in page


def test_minutes_from_an_uploaded_speech(client) -> None:
    speech = "区长在市容整治推进会上的讲话\n时间：2022-05-06\n一、抓紧整改\n各街道要在5月底前完成背街小巷整治。\n".encode()
    response = client.post("/minutes/draft", data={"csrf_token": token(client), "date": "2022-05-06",
                                                    "speech": (io.BytesIO(speech), "推进会讲话.txt")},
                           content_type="multipart/form-data")
    assert response.status_code == 302 and "/minutes/" in response.headers["Location"]
    assert "背街小巷" in html(client.get(response.headers["Location"]))


def test_minutes_length_from_the_form(client, desk) -> None:
    page = html(client.get("/minutes"))
    assert 'name="length"' in page
    sizes = {}
    for length in ("short", "long"):
        response = client.post("/minutes/draft", data={"csrf_token": token(client), "doc_id": str(desk[1]["speech"]),
                                                        "date": "2022-03-27", "length": length,
                                                        "replace": "1"})   # the second redrafts the meeting
        review = html(client.get(response.headers["Location"]))
        sizes[length] = int(re.search(r"（(\d+) 字，为讲话稿的", review).group(1))
    assert sizes["short"] < sizes["long"]


def test_tasks_page_mark_done_and_export(client, drafted) -> None:
    from openpyxl import load_workbook

    page = html(client.get("/tasks"))
    assert "督办台账" in page and "标记完成" in page
    task_id = int(re.search(r'id="task-(\d+)"', page).group(1))
    done = html(client.post(f"/tasks/{task_id}/status", data={"csrf_token": token(client), "status": "done"},
                            follow_redirects=True))
    assert f"任务 {task_id} 已标记为已完成" in done and f'id="task-{task_id}"' not in done
    everything = html(client.get("/tasks?show=all"))
    assert re.search(rf'id="task-{task_id}" class="done', everything)
    assert "各街道" in html(client.get("/tasks?owner=各街道"))
    response = client.get("/tasks/export.xlsx?show=all")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet["A2"].value == "序号" and sheet.max_row >= 3
    assert client.post("/tasks/999999/status", data={"csrf_token": token(client)}).status_code == 404


def test_redrafting_a_meeting_asks_before_replacing_its_open_tasks(client, desk) -> None:
    """Drafting the same speech for the same meeting again replaced the meeting's open tasks in the
    督办台账 without a word (edits and all): the desk now says how many go and how many done ones stay,
    and replaces them only when the clerk confirms."""
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import edit_task, list_tasks, set_status

    ws, ids = desk
    form = {"doc_id": str(ids["speech"]), "date": "2022-04-02", "place": "区行政中心第二会议室"}
    first = client.post("/minutes/draft", data={"csrf_token": token(client), **form})
    assert first.status_code == 302

    def meeting_tasks() -> list[dict]:
        with Catalog(ws.catalog_path) as catalog:
            draft_id = catalog.conn.execute("SELECT id FROM minutes_drafts WHERE document_id = ? AND "
                                            "meeting_date = '2022-04-02'", (ids["speech"],)).fetchone()[0]
            return [t for t in list_tasks(catalog) if t["draft"] == draft_id]

    before = meeting_tasks()
    assert len(before) >= 3
    with Catalog(ws.catalog_path) as catalog:
        set_status(catalog, before[0]["id"], "done")
        edit_task(catalog, before[1]["id"], owners=["区城管局"])   # a clerk's edit of an open task
    again = client.post("/minutes/draft", data={"csrf_token": token(client), **form})
    page = html(again)
    assert again.status_code == 200 and "确认替换并重新起草" in page
    assert f"未完成的任务 {len(before) - 1} 项" in page and "已标记完成的 1 项保留不变" in page
    assert [t["id"] for t in meeting_tasks()] == [t["id"] for t in before]   # nothing replaced yet
    assert any(t["owners"] == ["区城管局"] for t in meeting_tasks())
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    assert hidden["replace"] == "1" and hidden["doc_id"] == form["doc_id"] and hidden["date"] == "2022-04-02"
    assert hidden["place"] == "区行政中心第二会议室"
    confirmed = client.post("/minutes/draft", data={**hidden, "csrf_token": token(client)})
    assert confirmed.status_code == 302 and "/minutes/" in confirmed.headers["Location"]
    after = meeting_tasks()
    assert before[0]["id"] in [t["id"] for t in after]   # the done task stays
    assert not any(t["owners"] == ["区城管局"] for t in after)   # the open ones were replaced, edits and all
    assert len([t for t in after if t["status"] == "open"]) == len(before) - 1
    review = html(client.get(confirmed.headers["Location"]))
    assert f"未完成的任务 {len(before) - 1} 项已替换为新起草的任务；已完成的 1 项保留不变" in review
