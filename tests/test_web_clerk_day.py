"""A clerk's day at the web desk (the fourth clerk trial, all from the browser): what a clerk could
not do without a terminal, or was told unclearly, fixed through the real Flask app on real files."""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import CORPUS
from web_desk import html, saved_name, token

from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import Workspace, init_workspace, save_settings

NOTICE = CORPUS / "txt/cn_normative_docs_pkulaw/新余市人民政府办公室关于印发《新余市新余市...(FBM-CLI.12.748997).txt"
ANNOUNCEMENT = CORPUS / "txt/cn_normative_docs_pkulaw/海口市水务局关于2020年2月1日—2020年2月29日生产建设...(FBM-CLI.12.7186154).txt"
REPLY = CORPUS / "ofd/路桥区卫生局关于同意辞职的批复.ofd"


@pytest.fixture
def day(tmp_path: Path) -> tuple[Workspace, dict[str, int]]:
    """A fresh workspace holding a dated 通知 (2012), a dated OFD 批复 (2011) and an undated 公告."""
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [NOTICE, REPLY, ANNOUNCEMENT]).to_dict()
    ids = {Path(d["path"]).name: d["id"] for d in report["documents"]}
    return ws, {"notice": ids[NOTICE.name], "reply": ids[REPLY.name], "announcement": ids[ANNOUNCEMENT.name]}


def test_the_years_catalogue_is_made_from_the_desk(day):
    """归档: the desk had no way to give 档号 or make the 归档文件目录 (dangan archive / catalog only)."""
    from openpyxl import load_workbook

    ws, ids = day
    with create_app(ws).test_client() as client:
        page = html(client.get("/archive?year=2012"))
        assert "新余市人民政府办公室关于印发" in page and "未编档号" in page
        assert 'href="/archive"' in html(client.get("/"))                     # in the menu
        # the undated 公告 is named with its reason and a link to where its date is entered
        assert f'href="/doc/{ids["announcement"]}"' in page and "正文没有写明成文日期" in page
        csrf = token(client)
        # not confirmed: nothing coded, and the clerk is told why
        done = client.post("/archive/codes", data={"csrf_token": csrf, "year": "2012", "fonds": "0194"},
                           follow_redirects=True)
        assert "勾选“已核对”" in html(done) and "0194-WS·2012" not in html(done)
        # no 全宗号 in the workspace and none typed: said in words the browser can follow (no --fonds)
        refused = html(client.post("/archive/codes", data={"csrf_token": csrf, "year": "2012", "confirm": "1"},
                                   follow_redirects=True))
        assert "未编档号：档号参数有误：还没有全宗号" in refused and "--fonds" not in refused
        coded = html(client.post("/archive/codes", data={"csrf_token": csrf, "year": "2012", "fonds": "0194",
                                                          "confirm": "1"}, follow_redirects=True))
        assert "2012 年度新编档号 1 件（0194-WS·2012-D30-BGS-0001）" in coded
        again = html(client.post("/archive/codes", data={"csrf_token": csrf, "year": "2012", "fonds": "0194",
                                                          "confirm": "1"}, follow_redirects=True))
        assert "没有需要新编档号的文件；原有档号 1 件保持不变" in again
        assert 'name="fonds" value="0194"' in html(client.get("/archive?year=2011"))   # offered again, not retyped
        sheet = client.get("/archive/2012.xlsx")
        docx = client.get("/archive/2011.docx")
        assert client.get("/archive?year=二〇一二").status_code == 400
    assert sheet.status_code == 200 and saved_name(sheet) == "2012年归档文件目录.xlsx"
    rows = list(load_workbook(io.BytesIO(sheet.data)).active.iter_rows(values_only=True))
    assert rows[2][1] == "0194-WS·2012-D30-BGS-0001" and "新余市" in rows[2][4] and rows[2][5] == "20120109"
    assert saved_name(docx) == "2011年归档文件目录.docx" and docx.data[:2] == b"PK"


def test_a_date_range_is_chosen_on_the_search_page(day):
    """检索: a date range could only be typed as from:2011-01-01 to:2011-12-31 in the box (the help line did
    not even name them); the form now has 成文日期 从 … 至 …, kept with the facets and in 最近检索."""
    ws, ids = day
    with create_app(ws).test_client() as client:
        empty = html(client.get("/"))
        assert 'type="date" name="from"' in empty and 'type="date" name="to"' in empty
        page = html(client.get("/?from=2011-01-01&to=2011-12-31"))
        assert f'/doc/{ids["reply"]}"' in page and f'/doc/{ids["notice"]}"' not in page
        assert 'value="2011-01-01"' in page and "清除日期" in page
        assert "另有 1 件无成文日期，未计入日期范围" in page                   # the undated 公告 is said, not lost
        assert "成文日期起：2011-01-01 · 成文日期止：2011-12-31" in page       # 最近检索 in words
        both = html(client.get("/?q=绿色建筑&from=2012-01-01&to=2012-12-31&type=通知"))
        assert f'/doc/{ids["notice"]}?q=' in both and "共找到 <strong>1</strong> 件" in both
        wrong = html(client.get("/?from=2012-13-01"))
        assert "日期无效" in wrong and "月份应在 1 到 12 之间" in wrong


BUDGET_PDF = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Guizhou_test.pdf"


def test_a_correction_says_what_it_changed_and_an_emptied_title_is_refused(day):
    """著录: a save said only 著录项已保存 (which change took?), and an emptied 标题 box was taken as a clear
    without a word: the document became （无标题） and the catalogue fell back to its file name."""
    ws, ids = day
    doc = ids["announcement"]
    with create_app(ws).test_client() as client:
        csrf = token(client)
        form = {"csrf_token": csrf, "doc_type": "公告", "title": "海口市水务局关于2020年2月生产建设项目水土保持方案审批决定的公告",
                "doc_number": "", "issuer": "海口市水务局", "doc_date": "2020-03-01", "posted_date": "",
                "items_shown": "1", "items": ["A05"]}
        saved = html(client.post(f"/doc/{doc}/tag", data=form, follow_redirects=True))
        assert "著录项已保存：标题 → 海口市水务局关于2020年2月生产建设项目水土保持方案审批决定的公告；" \
               "成文日期 → 2020-03-01；测评项目 加 A05。" in saved
        refused = html(client.post(f"/doc/{doc}/tag", data={**form, "title": "  ", "issuer": "海口市"},
                                   follow_redirects=True))
        assert "未保存：标题不能清空" in refused
        page = html(client.get(f"/doc/{doc}"))
        assert "<h1>海口市水务局关于2020年2月生产建设项目水土保持方案审批决定的公告</h1>" in page
        assert 'value="海口市水务局"' in page                              # nothing else changed either
        cleared = html(client.post(f"/doc/{doc}/tag", data={**form, "issuer": ""}, follow_redirects=True))
        assert "著录项已保存：发文机关 已清空。" in cleared


def test_first_steps_at_a_fresh_desk(tmp_path):
    """A fresh desk's home said 没有找到匹配的文件 (a search nobody made) instead of where to add files; a
    mistyped password cleared the name typed; 状态 told the clerk to run dangan watch on the server."""
    from dangan.archive.accounts import add_user
    from dangan.archive.catalog import Catalog

    ws = init_workspace(tmp_path / "ws")
    with create_app(ws).test_client() as client:
        home = html(client.get("/"))
        assert "档案库中还没有文件" in home and 'href="/upload"' in home and "没有找到匹配的文件" not in home
        assert "没有找到匹配的文件" in html(client.get("/?q=创建办会"))        # a real search that finds nothing
        status = html(client.get("/status"))
        assert "放入收件箱文件夹的文件暂不会自动收录" in status and "请管理员在服务器上启动收件箱监视" in status
    with Catalog(ws.catalog_path) as catalog:
        add_user(catalog, "wang", "clerk", "Wenming2026!")
    with create_app(ws).test_client() as client:
        client.get("/login")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        wrong = html(client.post("/login", data={"csrf_token": csrf, "name": "wang", "password": "x"}))
        assert "用户名或密码不正确" in wrong and 'name="name" value="wang"' in wrong
        assert re.search(r'name="password"[^>]*autofocus', wrong)          # the cursor where the fix is typed


def test_a_release_names_the_unit_it_went_to_and_can_be_taken_back(day):
    """向单位公开: 宣传部 was released as 区委宣传部 while the notice said 已向宣传部公开; a unit on no list was
    taken as typed (no account could ever see it) without a word; a release to the wrong unit could not be
    taken back at the desk."""
    ws, ids = day
    doc = ids["notice"]
    with create_app(ws).test_client() as client:
        csrf = token(client)
        said = html(client.post(f"/doc/{doc}/release", data={"csrf_token": csrf, "unit": "宣传部"},
                                follow_redirects=True))
        assert "已向区委宣传部公开（输入的是 宣传部）。" in said
        unknown = html(client.post(f"/doc/{doc}/release", data={"csrf_token": csrf, "unit": "区宣传局"},
                                   follow_redirects=True))
        assert "未公开：单位不在单位名单中：区宣传局" in unknown and "区委宣传部" in unknown
        page = html(client.get(f"/doc/{doc}"))
        assert "区宣传局" not in page and "撤回向区委宣传部的公开" in page
        taken = html(client.post(f"/doc/{doc}/withdraw", data={"csrf_token": csrf, "unit": "区委宣传部"},
                                 follow_redirects=True))
        assert "已撤回向区委宣传部的公开" in taken and "尚未向任何单位公开" in taken
        again = html(client.post(f"/doc/{doc}/withdraw", data={"csrf_token": csrf, "unit": "区委宣传部"},
                                 follow_redirects=True))
        assert "未撤回：此文件没有向区委宣传部公开" in again


def test_the_search_help_teaches_the_chinese_field_names(day):
    """检索's help taught type:通知 issuer:区文明办 … OR, a programmer's words; the query reads the clerk's own
    (文种:, 发文机关:, 文号:, 日期:, 测评项目:, 或) and the page now shows those."""
    ws, ids = day
    with create_app(ws).test_client() as client:
        page = html(client.get("/"))
        assert "<code>文种:通知</code>" in page and "<code>发文机关:区文明办</code>" in page
        assert "issuer:" not in page and "type:" not in page and "<code>OR</code>" not in page
        found = html(client.get("/?q=" + "发文机关：新余市政府办 文种:通知"))
        assert f'/doc/{ids["notice"]}?q=' in found and "共找到 <strong>1</strong> 件" in found
        either = html(client.get("/?q=" + "绿色建筑 或 辞职"))
        assert f'/doc/{ids["notice"]}?q=' in either and f'/doc/{ids["reply"]}?q=' in either
        assert "<code>测评项目:A01</code>" in page      # a code of the workspace's edition (district-nine)
    national = save_settings(ws, "taxonomy", {"edition": "national-2015"})
    with create_app(national).test_client() as client:   # clerk8: the hint still said A01 under national-2015
        page = html(client.get("/"))
        assert "<code>测评项目:Ⅲ-1</code>" in page and "测评项目:A01" not in page
        assert "错误" not in html(client.get("/?q=" + "测评项目:Ⅲ-1"))


def test_a_file_uploaded_again_says_which_document_holds_it(day):
    """A duplicate's row said 重复 and the title only: was it taken or not, and where is it?"""
    ws, ids = day
    with create_app(ws).test_client() as client:
        with NOTICE.open("rb") as fh:
            again = client.post("/upload", data={"file": (fh, "新余绿色建筑通知（重发）.txt")},
                                headers={"X-CSRF-Token": token(client)}, content_type="multipart/form-data").get_json()
    assert again["status"] == "duplicate" and again["label"] == "重复" and again["id"] == ids["notice"]
    assert again["reason"] == f"档案中已有，编号 {ids['notice']}，未重复收录"


def test_a_complete_item_on_the_progress_page_says_so(day):
    """迎检进度 (缺项 only): an item whose contents were all complete showed an empty card, its heading alone."""
    ws, ids = day
    from dangan.intake.tag import tag_document

    tag_document(ws, ids["notice"], add_items=("A05",))
    with create_app(ws).test_client() as client:
        page = html(client.get("/progress"))
        card = page.split('id="i-A05"')[1].split("</section>")[0]
        assert "1 项测评内容的材料均已齐全" in card and "show=all" in card
        assert "均已齐全" not in page.split('id="i-A03"')[1].split("</section>")[0]     # A03 has none: its gap shows


def test_a_form_sent_after_the_login_ended_says_so_and_leads_back(day):
    """A 著录 form sent once the desk's login had ended (left open past its hours) got 禁止访问 (当前账号无权…)
    — and a login from there led to the form's POST-only address, a 405. Now it says the login ended and
    nothing was saved, and its 重新登录 leads back to the document's page."""
    from dangan.archive.accounts import add_user
    from dangan.archive.catalog import Catalog

    ws, ids = day
    with Catalog(ws.catalog_path) as catalog:
        add_user(catalog, "wang", "clerk", "Wenming2026!")
    with create_app(ws).test_client() as client:
        client.get("/login")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        page = f"/doc/{ids['notice']}"
        sent = client.post(f"{page}/tag", data={"csrf_token": csrf, "title": "新标题"},
                           headers={"Referer": f"http://localhost{page}?q=绿色建筑"})
        said = html(sent)
        assert sent.status_code == 403 and "登录已过期（或尚未登录），这次提交没有保存" in said and "当前账号无权" not in said
        login = re.search(r'href="(/login\?next=[^"]+)"', said).group(1)
        assert login.startswith("/login?next=") and "doc" in login
        signed = client.post(login.replace("&amp;", "&"), data={"csrf_token": csrf, "name": "wang",
                                                                 "password": "Wenming2026!"})
        assert signed.status_code == 302 and signed.headers["Location"].startswith(page)
    with create_app(ws).test_client() as client:   # the upload page's script reads a JSON reason
        client.get("/login")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        upload = client.post("/upload", data={}, headers={"X-CSRF-Token": csrf})
    assert upload.status_code == 403 and "登录已过期" in upload.get_json()["reason"]


def test_a_speech_is_found_for_the_minutes_by_a_word_of_it(tmp_path):
    """会议纪要: the box took a number only — 创建办会 typed there was told 请选择一篇讲话稿 (the page lists the 30
    newest speeches); `dangan minutes 创建办会` answers with the speeches holding the word, and so does the desk."""
    speech = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
    ws = init_workspace(tmp_path / "ws")
    doc = ingest_paths(ws, [speech, NOTICE]).results[0].document_id
    with create_app(ws).test_client() as client:
        csrf = token(client)
        sent = client.post("/minutes/draft", data={"csrf_token": csrf, "doc_id_manual": "创建办会"})
        assert sent.status_code == 302 and "/minutes?q=" in sent.headers["Location"]
        page = html(client.get(sent.headers["Location"]))
        assert "“创建办会”不是文件编号：下面列出含“创建办会”的讲话稿" in page and "含“创建办会”的讲话稿" in page
        assert f'name="doc_id" value="{doc}" checked' in page
        none = html(client.post("/minutes/draft", data={"csrf_token": csrf, "doc_id_manual": "甲乙丙丁戊"},
                                follow_redirects=True))
        assert "“甲乙丙丁戊”不是文件编号，档案中也没有含这些词的讲话稿" in none


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_dossier_comes_with_its_originals_and_as_a_pdf_for_printing(day):
    """迎检资料: the desk made a DOCX without the originals only; `dangan dossier --with-originals --pdf` makes
    the printed set the inspectors read (originals appended, a PDF whose TOC has its page numbers)."""
    import pypdfium2

    ws, ids = day
    from dangan.intake.tag import tag_document

    tag_document(ws, ids["notice"], add_items=("A05",))
    with create_app(ws).test_client() as client:
        form = html(client.get("/dossier?items=A05&preview=1"))
        assert 'name="originals"' in form and 'value="pdf"' in form
        plain = client.post("/dossier/docx", data={"csrf_token": token(client), "items": "A05", "title": "市容迎检"})
        printed = client.post("/dossier/docx", data={"csrf_token": token(client), "items": "A05", "title": "市容迎检",
                                                    "originals": "1", "format": "pdf"})
    day = f"{date.today():%Y%m%d}"   # named as `dangan dossier` names it: title and day
    assert saved_name(plain) == f"市容迎检_{day}.docx" and plain.data[:2] == b"PK"
    assert saved_name(printed) == f"市容迎检_{day}.pdf" and printed.headers["Content-Type"] == "application/pdf"
    with pypdfium2.PdfDocument(printed.data) as pdf:
        pages = len(pdf)
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(pages))
    assert pages >= 5 and "由系统转为页面" in text       # the text original appended as pages


def test_the_integrity_check_runs_beside_the_page_with_its_progress(day, monkeypatch):
    """状态's 立即核对 re-hashes every original in the request: on a large archive the page hung for minutes
    with nothing shown. Now it starts a run, the page shows 已校验 N / M 件原件 and refreshes, then the result."""
    import threading

    from dangan.ops import check as check_module
    from dangan.web import check_runs

    ws, _ = day
    gate = threading.Event()
    real = check_module.verify_original

    def slow(*args, **kwargs):  # the second original waits: the page is seen mid-run
        if check_runs.state(ws)["done"] >= 1:
            gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(check_module, "verify_original", slow)
    with create_app(ws).test_client() as client:
        started = html(client.post("/status/check", data={"csrf_token": token(client)}, follow_redirects=True))
        assert "已开始核对" in started
        import time

        for _ in range(100):
            if check_runs.state(ws)["done"] >= 1:
                break
            time.sleep(0.05)
        midway = html(client.get("/status"))
        assert "正在核对" in midway and "已校验 1 / 3 件原件" in midway and 'http-equiv="refresh"' in midway
        assert "核对正在进行" in html(client.post("/status/check", data={"csrf_token": token(client)},
                                                  follow_redirects=True))
        gate.set()
        for _ in range(200):
            if not check_runs.state(ws)["running"]:
                break
            time.sleep(0.05)
        done = html(client.get("/status"))
    assert "上次核对" in done and "3 件文件" in done and "未发现问题" in done and 'http-equiv="refresh"' not in done


def test_an_index_of_an_older_structure_is_rebuilt_from_the_desk(day):
    """After an upgrade that changed the index's structure, 检索 said 索引目录由 whoosh（索引结构 3）建立… and 状态
    and 会议纪要 were error pages, the fix (dangan reindex) a command line the page hid. Now each says what
    happened and offers 重建索引, which runs beside the requests with its progress; then search works."""
    import json as _json
    import time

    from dangan.index.whoosh_backend import SCHEMA_VERSION
    from dangan.web import index_runs

    ws, ids = day
    marker = ws.index_dir / "dangan-index.json"
    marker.write_text(_json.dumps({"backend": "whoosh", "schema": SCHEMA_VERSION - 1}), encoding="utf-8")
    with create_app(ws).test_client() as client:
        for path in ("/?q=绿色建筑", "/status", "/minutes"):
            page = client.get(path)
            said = html(page)
            assert page.status_code == 503 and "索引需要重建" in said and 'id="run-reindex"' in said, path
            assert "原件和著录不受影响" in said and "dangan reindex" not in said
        started = client.post("/status/reindex", data={"csrf_token": token(client)},
                              headers={"Referer": "http://localhost/?q=绿色建筑"})
        assert started.status_code == 302 and "/?q=" in started.headers["Location"]   # back where it was asked
        for _ in range(600):
            if not index_runs.state(ws)["running"]:
                break
            time.sleep(0.1)
        run = index_runs.state(ws)
        assert run["error"] is None and run["done"] == run["total"] == 3
        found = client.get("/?q=绿色建筑")
    assert found.status_code == 200 and f'/doc/{ids["notice"]}?q=' in html(found)


def test_a_file_whose_suffix_belies_it_is_taken_by_content_and_says_so(day):
    """上传: a PDF named .docx was taken as the PDF it is (and downloads as .pdf), without a word on its row."""
    ws, _ = day
    with create_app(ws).test_client() as client:
        with BUDGET_PDF.open("rb") as fh:
            sent = client.post("/upload", data={"file": (fh, "贵州预算报告.docx")}, headers={"X-CSRF-Token": token(client)},
                               content_type="multipart/form-data").get_json()
        original = client.get(f"/doc/{sent['id']}/original")
    assert sent["status"] == "added" and sent["reason"] == "扩展名与内容不符：按内容收录，下载时名为 贵州预算报告.pdf"
    assert saved_name(original) == "贵州预算报告.pdf"
