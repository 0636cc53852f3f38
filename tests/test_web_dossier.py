"""The desk's 迎检资料 page lays a dossier out as `dangan dossier` does: the workspace's edition, the
same parts in the same order, the same evidence numbers; a chosen edition is `--taxonomy`."""
from __future__ import annotations

import io
import json
import re
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import NEEDS_CHROMIUM
from docx import Document as open_docx
from PIL import Image
from test_gaps import write_texts
from web_desk import saved_name

from dangan.cli import cli
from dangan.intake.batch import ingest_paths
from dangan.intake.tag import tag_document
from dangan.read.understand.taxonomy import load_edition
from dangan.web.app import create_app
from dangan.workspace import Workspace, init_workspace, open_workspace

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
PKULAW = CORPUS / "txt" / "cn_normative_docs_pkulaw"
TEXTS = {"环境保护主题活动年度安排.txt", "环保主题活动开展情况.txt", "区委常委会会议纪要_精神文明建设.txt",
         "权力清单和政务公开情况说明.txt", "区司法局普法工作总结.txt", "志愿服务制度化年度工作安排.txt"}
HEADING = re.compile(r'<h3 class="part">([^<]+?) <small')
LABEL = re.compile(r'<td class="mono">([^<]+)</td>')


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Workspace]:
    """One ingested workspace (the speech, two real notices, six texts, a tagged photo) under each
    edition: `district` keeps the default district-nine, `national` says national-2015 in dangan.toml."""
    root = tmp_path_factory.mktemp("web-dossier")
    ws = init_workspace(root / "district")
    photo = root / "世界环境日活动.jpg"
    Image.new("RGB", (900, 600), (90, 160, 90)).save(photo)
    report = ingest_paths(ws, [SPEECH, *sorted(PKULAW.iterdir()), *write_texts(root / "texts", TEXTS), photo],
                          ocr=False).to_dict()
    photo_id = next(d["id"] for d in report["documents"] if d["path"].endswith(".jpg"))
    tag_document(ws, photo_id, fields={"taken_at": "2024-06-05", "地点": "城东广场", "主题": "世界环境日宣传"},
                 add_items=("Ⅲ-77",), req=2, taxonomy=load_edition("national-2015"))
    shutil.copytree(ws.home, root / "national")
    config = root / "national" / "dangan.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('edition = "district-nine"',
                                                                 'edition = "national-2015"'), encoding="utf-8")
    return {"district": ws, "national": open_workspace(root / "national")}


def client_of(ws: Workspace) -> Any:
    return create_app(ws).test_client()


def page_parts(page: str) -> tuple[list[str], list[str]]:
    return HEADING.findall(page), LABEL.findall(page)


def cli_parts(ws: Workspace, out: Path, *args: str) -> tuple[list[str], list[str]]:
    """The parts (TOC level 1) and evidence numbers of the DOCX `dangan dossier ARGS` writes."""
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "dossier", *args, "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return docx_parts(out.read_bytes())


def docx_parts(data: bytes) -> tuple[list[str], list[str]]:
    document = open_docx(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs if re.match(r"^[一二三四五六七八九十]+、", p.text)
             and p.style.name.startswith("Heading")]
    # a row evidencing two requirements holds both numbers, one a line
    labels = [label for table in document.tables for row in table.rows[1:]
              if re.match(r"^Ⅲ-\d+-\d\)-", row.cells[0].text) for label in row.cells[0].text.split("\n")]
    return parts, list(dict.fromkeys(labels))


def test_the_workspaces_edition_lays_the_page_out_as_the_cli(homes, tmp_path) -> None:
    ws = homes["national"]
    with client_of(ws) as client:
        form = client.get("/dossier").get_data(as_text=True)
        assert "Ⅰ-11" in form and "Ⅲ-77" in form and "公众参与" in form    # the edition's items and contents
        assert "按测评体系“全国文明城市测评体系" in form and "dangan dossier" not in form   # no command line for a clerk
        page = client.get("/dossier?preview=1").get_data(as_text=True)
    headings, labels = page_parts(page)
    cli_headings, cli_labels = cli_parts(ws, tmp_path / "cli.docx")
    assert headings == cli_headings and len(headings) >= 4
    assert labels == cli_labels and "Ⅲ-77-1)-①" in labels
    assert "对应申报要求" in page and "（照片）" in page


def test_a_chosen_edition_and_items_are_the_cli_options(homes, tmp_path) -> None:
    ws = homes["district"]
    with client_of(ws) as client:
        form = client.get("/dossier").get_data(as_text=True)
        assert "A05" in form and "按文件已挂接的测评项目编排" in form   # district-nine: by linked items
        by_items = client.get("/dossier?items=A05&items=A02").get_data(as_text=True)
        named = client.get("/dossier?taxonomy=national-2015&items=Ⅰ-11&preview=1").get_data(as_text=True)
        unknown = client.get("/dossier?taxonomy=national-2099&preview=1").get_data(as_text=True)
    assert page_parts(by_items)[0] == cli_parts(ws, tmp_path / "a.docx", "--item", "A05", "--item", "A02")[0]
    headings, labels = page_parts(named)
    assert (headings, labels) == cli_parts(ws, tmp_path / "n.docx", "--taxonomy", "national-2015", "--item", "Ⅰ-11")
    assert len(headings) == 6 and headings[0].startswith("一、Ⅲ-70 ") and "Ⅲ-77-1)-①" in labels
    assert 'name="taxonomy" value="national-2015"' in named        # carried to the download
    assert "national-2099" in unknown and "notice-error" in unknown


def test_the_download_is_the_cli_dossier(homes, tmp_path) -> None:
    ws = homes["national"]
    with client_of(ws) as client:
        client.get("/dossier")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        response = client.post("/dossier/docx", data={"csrf_token": csrf, "title": "生态环境迎检资料",
                                                      "items": ["Ⅰ-11", "Ⅰ-5"]})
    assert response.status_code == 200
    assert docx_parts(response.data) == cli_parts(ws, tmp_path / "c.docx", "--item", "Ⅰ-11", "--item", "Ⅰ-5")
    parts = docx_parts(response.data)[0]
    assert len(parts) == 11 and "七、Ⅲ-29 全民普法教育" in parts and parts[-1] == "十一、Ⅲ-33 社区民主建设与管理"


def test_the_download_is_named_as_the_cli_names_its_file(homes, tmp_path) -> None:
    """The desk sent 生态环境迎检资料.docx, undated, and `dangan dossier` had no name of its own (--out was
    required): both name it by its title and the day it was made, the CLI in the workspace's out/ folder,
    a second the same day beside the first, never over it."""
    ws = homes["national"]
    today = f"{date.today():%Y%m%d}"
    with client_of(ws) as client:
        client.get("/dossier")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        titled = client.post("/dossier/docx", data={"csrf_token": csrf, "title": "生态环境迎检资料", "items": "Ⅰ-11"})
        plain = client.post("/dossier/docx", data={"csrf_token": csrf, "items": "Ⅰ-11"})
    assert saved_name(titled) == f"生态环境迎检资料_{today}.docx"
    with client_of(ws) as client:   # the preview says the name before the download
        preview = client.get("/dossier?items=Ⅰ-11&preview=1&title=生态环境迎检资料").get_data(as_text=True)
    assert f"保存为 生态环境迎检资料_{today}.docx" in preview
    assert saved_name(plain) == f"创建全国文明城市迎检资料汇编_{today}.docx"
    runs = [CliRunner().invoke(cli, ["--home", str(ws.home), "dossier", "--item", "Ⅰ-11", *title, "--json"],
                               catch_exceptions=False) for title in ([], ["--title", "生态环境迎检资料"], [])]
    assert [r.exit_code for r in runs] == [0, 0, 0], [r.output for r in runs]
    written = [Path(json.loads(r.output)["docx"]) for r in runs]
    assert [p.name for p in written] == [saved_name(plain), saved_name(titled),
                                         f"创建全国文明城市迎检资料汇编_{today}（2）.docx"]
    assert {p.parent for p in written} == {ws.out} and all(p.read_bytes()[:2] == b"PK" for p in written)


# -- in a browser: the edition switch works under the desk's CSP, and a look at the page ----------
@pytest.fixture(scope="module")
def server(homes) -> Iterator[str]:
    from werkzeug.serving import make_server

    httpd = make_server("127.0.0.1", 0, create_app(homes["district"]), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)


@pytest.mark.slow
@NEEDS_CHROMIUM
def test_switching_the_edition_in_the_browser(browser, server, homes, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.set_window_size(1280, 1600)
    browser.get(server + "/dossier")
    assert not browser.find_element(By.CSS_SELECTOR, "#edition-form button").is_displayed()
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=taxonomy]")).select_by_value("national-2015")
    WebDriverWait(browser, 30).until(lambda b: "taxonomy=national-2015" in b.current_url)
    browser.find_element(By.CSS_SELECTOR, "#dossier-form button[name=preview]").click()
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "h3.part"))
    parts = [h.text.rsplit(" （", 1)[0] for h in browser.find_elements(By.CSS_SELECTOR, "h3.part")]
    assert parts == cli_parts(homes["district"], tmp_path / "n.docx", "--taxonomy", "national-2015")[0]
    assert any(p.endswith("Ⅲ-77 公众参与") for p in parts)
    browser.save_screenshot(str(tmp_path / "dossier.png"))


def test_the_pages_script_follows_the_build_step_by_step(homes, tmp_path) -> None:
    """Asked with Accept: application/json, the build runs beside the request and tells its steps
    (the trial's clerk waited minutes before a silent page); the file is the CLI's dossier."""
    import time

    ws = homes["national"]
    with client_of(ws) as client:
        client.get("/dossier")
        with client.session_transaction() as session:
            csrf = session["csrf_token"]
        started = client.post("/dossier/docx", data={"title": "生态环境迎检资料", "items": ["Ⅰ-11", "Ⅰ-5"]},
                              headers={"X-CSRF-Token": csrf, "Accept": "application/json"}).get_json()
        job = started
        deadline = time.monotonic() + 120
        while not job["done"] and not job["error"] and time.monotonic() < deadline:
            time.sleep(0.2)
            job = client.get(started["poll"]).get_json()
        assert job["done"] and job["error"] is None, job
        assert job["steps"][0] == "选取材料" and job["steps"][1].startswith("编排目录与摘录：11 个部分")
        assert job["steps"][-1].startswith("排版生成 DOCX：")
        data = client.get(job["file"]).data
        assert client.get("/dossier/job/0123/file").status_code == 404
    assert docx_parts(data) == cli_parts(ws, tmp_path / "c.docx", "--item", "Ⅰ-11", "--item", "Ⅰ-5")


@pytest.mark.slow
@NEEDS_CHROMIUM
def test_the_download_shows_its_steps_in_the_browser(browser, server, downloads, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1280, 900)
    before = set(downloads.iterdir())
    browser.get(server + "/dossier?taxonomy=national-2015&items=Ⅰ-11&items=Ⅰ-5&preview=1&title=进度测试")
    browser.find_element(By.CSS_SELECTOR, "#dossier-download button[type=submit]").click()
    step = browser.find_element(By.CSS_SELECTOR, "#dossier-download .job-step")
    WebDriverWait(browser, 30).until(lambda b: step.text.startswith(("正在生成", "已生成")))
    browser.save_screenshot(str(tmp_path / "dossier-progress.png"))
    WebDriverWait(browser, 120).until(lambda b: step.text.startswith("已生成"))
    browser.save_screenshot(str(tmp_path / "dossier-done.png"))
    WebDriverWait(browser, 60).until(lambda b: any(p.name == f"进度测试_{date.today():%Y%m%d}.docx"
                                                      for p in set(downloads.iterdir()) - before))
    assert "用时" in step.text and not browser.find_elements(By.CSS_SELECTOR, ".job-step.failed")
