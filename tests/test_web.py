"""The web desk through Flask's test client: every page and form, escaping, CSRF, downloads, uploads."""
from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

from click.testing import CliRunner
from web_desk import CORPUS, DOCX, DOCX_MIME, PDF, SPEECH, html, token

from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import init_workspace


# -- 检索 ----------------------------------------------------------------------
def test_search_page_shows_hits_with_marks_facets_and_elements(client, desk) -> None:
    _, ids = desk
    page = html(client.get("/?q=创建办会"))
    assert f'href="/doc/{ids["speech"]}?q=' in page
    assert "书记在创建办会部署会讲话" in page
    assert "<mark>" in page
    for label in ("文种", "测评项目"):   # (no 年份: the speech states no 成文日期; its posting row is the site's)
        assert f"<h3>{label}</h3>" in page
    assert "type=%E8%AE%B2%E8%AF%9D" in page  # the facet link for 讲话


def test_a_year_filter_names_the_documents_it_leaves_out_by_their_posting_time(client, desk) -> None:
    _, ids = desk
    page = html(client.get("/?q=创建办会&year=2022"))   # the 年份 facet's link, or typed
    assert "没有找到匹配的文件" in page and "另有 1 件无成文日期" in page
    assert "其中 1 件未写成文日期、网页发布时间在此范围内" in page and "（网页发布 2022-03-26）" in page
    assert f'href="/doc/{ids["speech"]}"' in page
    assert "网页发布时间在此范围内" not in html(client.get("/?q=创建办会&year=2021"))


def test_search_filters_sort_and_paging(client, desk, monkeypatch) -> None:
    from dangan.web import views_search

    _, ids = desk
    page = html(client.get("/?type=讲话"))
    assert f'/doc/{ids["speech"]}"' in page and f'/doc/{ids["pdf"]}"' not in page
    assert "取消此筛选" in page
    monkeypatch.setattr(views_search, "PAGE_SIZE", 2)
    first = html(client.get("/?sort=date"))
    assert "下一页" in first and "第 1 / " in first
    second = html(client.get("/?sort=date&page=2"))
    assert "上一页" in second
    assert html(client.get("/?q=文明&sort=date_asc")).count('class="hit"') >= 1


def test_search_bad_query_is_a_chinese_message(client) -> None:
    response = client.get("/?q=date:去年")
    assert response.status_code == 200
    assert "日期" in html(response) and "notice-error" in html(response)


def test_search_page_suggests_the_archives_spelling_and_refuses_nonsense(client) -> None:
    page = html(client.get("/?q=市容环境卫生正治"))   # 整治 typed as its homophone 正治
    assert "您是不是要找" in page and "市容环境卫生整治" in page and "同音" in page
    for nonsense in ("*", "😀", "foo:文明"):
        page = html(client.get("/", query_string={"q": nonsense}))
        assert "notice-error" in page and 'class="hit"' not in page
    assert "无成文日期" in html(client.get("/", query_string={"q": "整治 from:2022-01-01"}))


def test_search_history_and_saved_searches(client) -> None:
    client.get("/?q=创建办会")
    page = html(client.get("/?q=整治&type=通报"))
    assert "最近检索" in page and "创建办会" in page and "整治 · 文种：通报" in page
    saved = client.post("/saved", data={"name": "迎检·整治通报", "query": "q=整治&type=通报",
                                        "csrf_token": token(client)})
    assert saved.status_code == 302
    page = html(client.get("/"))
    assert "常用检索" in page and "迎检·整治通报" in page and "?q=整治&amp;type=通报" in page
    search_id = re.search(r'/saved/(\d+)/delete', page).group(1)
    assert client.post(f"/saved/{search_id}/delete", data={"csrf_token": token(client)}).status_code == 302
    assert "迎检·整治通报" not in html(client.get("/"))
    assert client.post("/saved", data={"name": "x", "query": "q=1"}).status_code in (400, 403)   # no CSRF token


# -- 文件 ----------------------------------------------------------------------
def test_document_page_elements_text_marks_sources(client, desk) -> None:
    ws, ids = desk
    page = html(client.get(f"/doc/{ids['speech']}?q=创建"))
    assert "<mark>創建</mark>" in page or "<mark>创建</mark>" in page
    assert "著录项" in page and "档号" in page and "来源路径" in page
    assert str(SPEECH) in page
    assert f'/doc/{ids["speech"]}/original' in page
    assert "据此起草会议纪要" in page  # a 讲话
    assert "网页发布时间" in page and "2022-03-26" in page   # the site's posting row, kept apart from 成文日期


def test_pdf_preview_pages_render_as_png(client, desk) -> None:
    _, ids = desk
    assert "原件预览" in html(client.get(f"/doc/{ids['pdf']}"))
    response = client.get(f"/doc/{ids['pdf']}/page/1.png")
    assert response.status_code == 200 and response.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/doc/{ids['pdf']}/page/999.png").status_code == 404
    assert client.get(f"/doc/{ids['speech']}/page/1.png").status_code == 404
    assert client.get(f"/doc/{ids['speech']}/photo.png").status_code == 404


def test_docx_shows_its_text(client, desk) -> None:
    _, ids = desk
    page = html(client.get(f"/doc/{ids['docx']}"))
    assert "上海" in page and "原件预览" not in page


def test_original_download_by_id_only(client, desk) -> None:
    _, ids = desk
    response = client.get(f"/doc/{ids['pdf']}/original?path=/etc/passwd")
    assert response.status_code == 200 and response.data == PDF.read_bytes()
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "Anhui_test.pdf" in disposition
    speech = client.get(f"/doc/{ids['speech']}/original")
    assert speech.data == SPEECH.read_bytes()
    assert "filename*=UTF-8''" in speech.headers["Content-Disposition"]
    for url in ("/doc/../../etc/passwd", "/doc/%2e%2e/%2e%2e/etc/passwd", "/doc/1/../../../etc/passwd",
                "/doc/1/original/../../../../etc/passwd", "/doc/-1/original", "/doc/999999/original",
                "/doc/etc%2Fpasswd/original", "/static/../../../../etc/passwd", "/static/%2e%2e/app.py"):
        response = client.get(url)
        assert response.status_code == 404 or (response.status_code in (301, 302, 308)
                                                and "passwd" not in response.headers.get("Location", "")), url
        assert b"root:" not in response.data, url


def test_unknown_document_is_404_in_chinese(client) -> None:
    response = client.get("/doc/424242")
    assert response.status_code == 404 and "找不到编号为 424242 的文件" in html(response)


def test_tag_form_edits_elements_and_items(client, desk) -> None:
    _, ids = desk
    doc = ids["plain"]
    response = client.post(f"/doc/{doc}/tag", data={
        "csrf_token": token(client), "doc_type": "通报", "title": "关于市容整治的通报",
        "doc_number": "区创建办(2022)7号", "issuer": "区创建办", "doc_date": "2022-04-01",
        "posted_date": "2022-04-02", "items_shown": "1", "items": ["A05", "A02"]}, follow_redirects=True)
    page = html(response)
    assert "著录项已保存" in page
    assert "关于市容整治的通报" in page and "区创建办〔2022〕7号" in page
    assert '<input type="date" name="posted_date" value="2022-04-02">' in page   # 网页发布时间, as `tag --set`
    assert 'value="A02" checked' in page
    response = client.post(f"/doc/{doc}/tag", data={"csrf_token": token(client), "items_shown": "1",
                                                      "items": ["A05"]}, follow_redirects=True)
    assert 'value="A02" checked' not in html(response)
    bad = client.post(f"/doc/{doc}/tag", data={"csrf_token": token(client), "doc_date": "2022年4月"},
                      follow_redirects=True)
    assert "未保存" in html(bad) and "成文日期" in html(bad)
    same = client.post(f"/doc/{doc}/tag", data={"csrf_token": token(client), "title": "关于市容整治的通报"},
                       follow_redirects=True)
    assert "没有改动" in html(same)


# -- 上传 ----------------------------------------------------------------------
def test_upload_page(client) -> None:
    page = html(client.get("/upload"))
    assert "拖到这里" in page and "选择文件夹" in page and 'name="csrf-token"' in page


def upload(client, name: str, data: bytes, csrf: str):  # type: ignore[no-untyped-def]
    return client.post("/upload", data={"file": (io.BytesIO(data), name)},
                       headers={"X-CSRF-Token": csrf}, content_type="multipart/form-data")


def test_upload_ingests_then_reports_duplicate(client, desk) -> None:
    ws, _ = desk
    csrf = token(client)
    body = "区文明办关于开展文明餐桌行动的通知\n各单位：请于5月底前组织开展文明餐桌行动。\n".encode()
    first = upload(client, "文明餐桌.txt", body, csrf).get_json()
    assert first["status"] == "added" and first["label"] == "收录" and first["id"]
    again = upload(client, "副本.txt", body, csrf).get_json()
    assert again["status"] == "duplicate" and again["label"] == "重复" and again["id"] == first["id"]
    assert "文明餐桌" in html(client.get("/?q=文明餐桌"))
    page = html(client.get(f"/doc/{first['id']}"))
    assert "网页上传" in page
    assert "文明餐桌.txt" in page and "staging" not in page   # the name it was sent with, not the gone staging path
    assert not any(p.is_file() for p in (ws.home / "staging").rglob("*"))
    import sqlite3

    with sqlite3.connect(ws.catalog_path) as conn:  # the watcher's journal recorded it
        states = {row[0] for row in conn.execute("SELECT state FROM jobs WHERE path LIKE '%文明餐桌.txt'")}
    assert states == {"indexed"}


def test_hostile_uploads(client, desk) -> None:
    ws, _ = desk
    csrf = token(client)
    evil = upload(client, "../../evil.txt", "区创建办关于加强督查的通知\n要迅速整改。\n".encode(), csrf).get_json()
    assert evil["status"] == "added" and evil["name"] == "evil.txt"
    assert not (ws.home.parent / "evil.txt").exists() and not (ws.home / "evil.txt").exists()
    assert not (ws.home / "staging" / "evil.txt").exists()
    empty = upload(client, "empty.pdf", b"", csrf).get_json()
    assert empty["status"] == "failed" and empty["label"] == "失败" and "0 字节" in empty["reason"]
    nothing = client.post("/upload", data={}, headers={"X-CSRF-Token": csrf})
    assert nothing.status_code == 400 and nothing.get_json()["label"] == "失败"


def test_oversized_upload_is_413(desk) -> None:
    small = create_app(desk[0])
    small.config["MAX_CONTENT_LENGTH"] = 10_000 + 2**20
    with small.test_client() as client:
        csrf = token(client)
        response = upload(client, "big.txt", b"x" * (2 * 2**20), csrf)
        assert response.status_code == 413
        assert "文件过大" in response.get_json()["reason"] or "超过" in response.get_json()["reason"]


# -- 迎检资料 ------------------------------------------------------------------
def test_dossier_form_preview_and_docx(client, desk) -> None:
    from docx import Document

    _, ids = desk
    form = html(client.get("/dossier"))
    assert "A01" in form and "预览目录" in form
    preview = html(client.get("/dossier?items=A05&title=市容环境迎检资料"))
    assert "目录预览" in preview and "市容环境卫生整治" in preview and "附上原件全文" in preview and "PDF（目录带页码，供打印）" in preview
    response = client.post("/dossier/docx", data={"csrf_token": token(client), "items": "A05",
                                                  "title": "市容环境迎检资料"})
    assert response.status_code == 200 and response.mimetype == DOCX_MIME
    assert "attachment" in response.headers["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.data)).paragraphs)
    assert "市容环境迎检资料" in text


def test_dossier_with_nothing_found_says_so(client) -> None:
    page = html(client.get("/dossier?q=没有这样的词语组合xyz"))
    assert "没有选中任何文件" in page


# -- 状态 ----------------------------------------------------------------------
def test_status_page_and_check(client, desk) -> None:
    ws, _ = desk
    page = html(client.get("/status"))
    for label in ("文件", "待文字识别", "隔离的文件", "完整性核对", "收件箱监视", "未运行"):
        assert label in page
    response = client.post("/status/check", data={"csrf_token": token(client)}, follow_redirects=True)
    assert "已开始核对" in html(response)              # beside the request, its progress on the page
    from dangan.web import check_runs

    for _ in range(600):
        if not check_runs.state(ws)["running"]:
            break
        time.sleep(0.1)
    assert "上次核对" in html(client.get("/status"))
    stored = json.loads((ws.logs / "last_check.json").read_text(encoding="utf-8"))
    assert "ok" in stored and "at" in stored


def test_status_sees_a_running_watcher_by_its_lock(client, desk) -> None:
    import fcntl
    import os

    ws, _ = desk
    (ws.logs / "watch.log").write_text("12:00:00 开始监视：inbox\n<b>不是标记</b>\n", encoding="utf-8")
    fd = os.open(ws.home / ".watch.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        page = html(client.get("/status"))
        assert "运行中" in page and "开始监视" in page and "&lt;b&gt;不是标记" in page
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert "未运行" in html(client.get("/status"))


# -- login and `dangan serve` -------------------------------------------------------
def test_login_when_a_password_is_set(tmp_path) -> None:
    from werkzeug.security import generate_password_hash

    ws = init_workspace(tmp_path / "ws")   # its own: the password becomes an account there
    locked = create_app(ws, generate_password_hash("正确的密码"))
    with locked.test_client() as client:
        response = client.get("/?q=创建")
        assert response.status_code == 302 and "/login" in response.headers["Location"]
        assert client.get("/doc/1/original").status_code == 302
        page = client.get("/login")
        assert "登录" in html(page) and 'type="password"' in html(page)
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        assert client.post("/upload", headers={"X-CSRF-Token": csrf}).status_code == 403
        wrong = client.post("/login", data={"csrf_token": csrf, "password": "错"})
        assert "密码不正确" in html(wrong)
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        right = client.post("/login?next=//evil.example/x", data={"csrf_token": csrf, "password": "正确的密码"})
        assert right.status_code == 302 and right.headers["Location"] == "/"
        assert client.get("/tasks").status_code == 200
        with client.session_transaction() as session:
            assert session["csrf_token"] != csrf  # a fresh token after login


def test_serve_refuses_a_public_host_without_password(tmp_path) -> None:
    from dangan.cli import cli

    ws = init_workspace(tmp_path / "ws")    # no accounts, no password file
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 3
    assert "须设置登录密码" in result.output and "--password-file" in result.output


def test_document_page_shows_same_text_variants_and_estimated_page_counts(tmp_path: Path) -> None:
    """The 2024 report as UTF-8 and as GB18030/CRLF: one 件 whose page lists the other original
    (downloadable, the GB18030 bytes) and says its page count is an estimate, as `show` does."""
    utf8 = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt"
    gb = CORPUS / "txt/encoding_variants_DERIVED/2024年国务院政府工作报告_GB18030_CRLF.txt"
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [utf8, gb]).to_dict()
    doc_id = report["same_text"][0]["id"]
    with create_app(ws).test_client() as client:
        page = html(client.get(f"/doc/{doc_id}"))
        assert "同文异版" in page and gb.name in page
        assert re.search(r"<dt>页数</dt><dd>\d+ <small[^>]*>（估算）</small>", page)
        download = client.get(f"/doc/{doc_id}/variant/1")
        assert download.status_code == 200 and download.data == gb.read_bytes()
        assert "attachment" in download.headers["Content-Disposition"]
        assert download.headers["Content-Type"] == "text/plain; charset=gb18030"   # not the server's utf-8
        assert client.get(f"/doc/{doc_id}/original").headers["Content-Type"] == "text/plain; charset=utf-8"
        assert client.get(f"/doc/{doc_id}/variant/2").status_code == 404
    docx = init_workspace(tmp_path / "ws2")
    docx_id = ingest_paths(docx, [DOCX]).to_dict()["documents"][0]["id"]
    with create_app(docx).test_client() as client:
        page = html(client.get(f"/doc/{docx_id}"))
        assert "<dt>页数</dt>" in page and "（估算）" not in page and "同文异版" not in page   # DOCX statistics


def test_times_on_the_desk_are_the_servers_local_time(client, desk, monkeypatch) -> None:
    """收录时间 showed the stored UTC stamp as if local (8 hours early in 北京时间)."""
    import time
    from datetime import datetime, timedelta

    from dangan.archive.catalog import Catalog

    ws, ids = desk
    with Catalog(ws.catalog_path) as catalog:
        stored = catalog.get(ids["pdf"]).ingested_at
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        page = html(client.get(f"/doc/{ids['pdf']}"))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    beijing = (datetime.fromisoformat(stored) + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    assert f"<dt>收录时间</dt><dd>{beijing}</dd>" in page


def test_oversized_upload_says_what_to_do(desk) -> None:
    """413 said only that the upload was too big: not that nothing was kept, nor how to get it in."""
    from dangan.web.app import SLACK_BYTES

    small = create_app(desk[0])
    small.config["MAX_CONTENT_LENGTH"] = SLACK_BYTES + 2**20
    with small.test_client() as client:
        reason = upload(client, "big.txt", b"x" * (2 * 2**20), token(client)).get_json()["reason"]
    assert reason.startswith("上传的内容超过了允许的大小（每个文件至多 1 MB），未收录。可压缩或拆分后再上传")
    assert "[limits] 的 max_file_mb" in reason
