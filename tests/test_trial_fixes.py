"""Defects found by a clerk's end-to-end trial on messy real input, one test each."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from click.testing import CliRunner
from conftest import NEEDS_CHROMIUM, corpus_file

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.intake.batch import ingest_paths

NOTICE = corpus_file("txt/cn_normative_docs_pkulaw/新余市人民政府办公室关于印发《新余市新余市...(FBM-CLI.12.748997).txt")
SPEECH = corpus_file("txt/seed_speech/书记在创建办会部署会讲话.txt")


def _ledger(path: Path, title_row: str | None) -> Path:
    """A 整改台账 as offices keep them, rows cut from a real notice."""
    import openpyxl

    lines = [s for s in NOTICE.read_text(encoding="utf-8").splitlines() if len(s.strip()) > 20][:4]
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Sheet1"
    if title_row:
        sheet.append([title_row])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
    sheet.append(["序号", "责任单位", "整改事项", "完成时限"])
    for i, line in enumerate(lines, start=1):
        sheet.append([i, "青龙镇", line.strip()[:60], "2022年6月30日"])
    wb.save(path)
    return path


def _titles(ws, report) -> dict[str, tuple[str, list]]:
    with Catalog(ws.catalog_path) as catalog:
        out = {}
        for d in report.to_dict()["documents"]:
            doc = catalog.get(d["id"])
            out[Path(d["path"]).name] = (doc.title, list(catalog.item_codes(d["id"])))
        return out


def test_a_ledger_is_titled_by_its_title_row_or_its_name_not_its_rows_run_together(workspace, tmp_path):
    with_row = _ledger(tmp_path / "台账一.xlsx", "青龙镇创建文明城市问题整改台账")
    without = _ledger(tmp_path / "城关街道整改台账.xlsx", None)
    titles = _titles(workspace, ingest_paths(workspace, [with_row, without], ocr=False))
    assert titles["台账一.xlsx"][0] == "青龙镇创建文明城市问题整改台账"
    assert titles["城关街道整改台账.xlsx"][0] == "城关街道整改台账"


def test_a_zip_is_titled_by_its_name_and_is_no_evidence_itself(workspace, tmp_path):
    batch = tmp_path / "迎检材料.zip"
    with zipfile.ZipFile(batch, "w") as z:
        z.write(SPEECH, "讲话/书记在创建办会部署会讲话.txt")
        z.write(NOTICE, "关于印发绿色建筑管理办法的通知.txt")
    titles = _titles(workspace, ingest_paths(workspace, [batch], ocr=False))
    title, items = titles["迎检材料.zip"]
    assert title == "迎检材料" and items == []


def _cli(home: Path, *args: str, code: int = 0):
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == code, result.output
    return result


def test_show_tag_and_gaps_print_values_in_words_not_python_reprs(tmp_path):
    home = tmp_path / "ws"
    _cli(home, "init")
    _cli(home, "ingest", str(SPEECH))
    shown = _cli(home, "show", "1").output
    assert "待文字识别：否" in shown and "测评项目：A01 社区综合达标（自动 " in shown
    assert "{'" not in shown and "False" not in shown
    tagged = _cli(home, "tag", "1", "--set", "地点=区行政中心", "--item", "Ⅲ-77", "--req", "1",
                  "--taxonomy", "national-2015").output
    assert "[{" not in tagged and "佐证：Ⅲ-77 公众参与 第1条（手工）" in tagged
    assert "测评项目：A01 社区综合达标" in tagged      # the workspace's items named too, as show names them
    gaps = _cli(home, "gaps", "--taxonomy", "national-2015").output
    assert "（手工，第1条）" in gaps and "置信度 1.00" not in gaps and "manual" not in gaps   # as the desk says it
    by_field = _cli(home, "search", "item:Ⅲ-77", "--taxonomy", "national-2015").output
    by_option = _cli(home, "search", "--item", "Ⅲ-77", "--taxonomy", "national-2015").output
    assert by_field == by_option and "共找到 1 件" in by_field
    stats = _cli(home, "stats").output
    assert "按文种：讲话 1" in stats and "按格式：TXT 1" in stats and "text/plain" not in stats


def test_a_long_hint_stays_on_one_line_in_a_pipe(tmp_path):
    home = tmp_path / "ws"
    _cli(home, "init")
    _cli(home, "ingest", str(SPEECH))
    result = _cli(home, "tag", "1", "--set", "颜色=红", code=3)
    hint = next(line for line in result.output.splitlines() if line.startswith("提示："))
    assert hint.endswith("写成 名称=值。") and "题名" in hint


def test_watch_summary_names_every_figure_in_chinese(tmp_path):
    home = tmp_path / "ws"
    _cli(home, "init")
    (home / "inbox" / SPEECH.name).write_bytes(SPEECH.read_bytes())
    out = _cli(home, "watch", "--once").output
    assert "收录：1" in out and "文字识别：0" in out and "ocr：" not in out
    log = (home / "logs" / "watch.log").read_text(encoding="utf-8")
    ended = log[log.index("监视结束："):].splitlines()[0]
    assert ended.startswith("监视结束：收录 1 件，重复 0 件") and "{" not in ended


def test_every_command_summary_in_the_command_list_is_a_whole_sentence():
    """click cuts a summary at its first '.': 检索 showed as “引号内为原文片段（数字、字母和 .”."""
    listing = CliRunner().invoke(cli, ["--help"]).output
    summaries: dict[str, str] = {}
    for line in listing[listing.index("命令："):].splitlines()[1:]:
        if line.startswith("   ") and summaries:      # a summary wrapped onto the next line
            name = list(summaries)[-1]
            summaries[name] += line.strip()
        elif line.startswith("  "):
            summaries[line.split()[0]] = line.split(None, 1)[1]
    assert summaries and all(text.endswith("。") for text in summaries.values()), summaries


def test_upload_page_names_the_formats_the_desk_takes(workspace):
    from dangan.web.app import create_app

    page = create_app(workspace).test_client().get("/upload").get_data(as_text=True)
    assert "Excel" in page and "OFD" in page and "压缩包" in page and "PDF、DOCX、TXT、照片" not in page


def test_readme_command_table_names_every_command_and_subcommand():
    import click

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| command | what it does |"):readme.index("Every command answers")]
    for name, command in cli.commands.items():
        assert re.search(rf"dangan (\[[^\]]*\] )?{name}\b|`{name} ", table), name
        if isinstance(command, click.Group):
            for sub in command.commands:
                assert f"{name} {sub}" in table, (name, sub)


def test_minutes_refuse_a_ledger_or_an_archive_and_put_nothing_in_the_ledger(tmp_path):
    home = tmp_path / "ws"
    _cli(home, "init")
    ledger = _ledger(tmp_path / "整改台账.xlsx", "青龙镇问题整改台账")
    _cli(home, "ingest", str(ledger))
    result = _cli(home, "minutes", "1", "--date", "2022-03-26", code=3)
    assert "是表格，不是讲话稿" in result.output and "type:讲话" in result.output
    assert "没有任务" in _cli(home, "tasks").output


def test_a_web_error_page_gives_no_command_line_hint(workspace):
    from dangan.web.app import create_app

    client = create_app(workspace).test_client()
    missing = client.get("/doc/999")
    page = missing.get_data(as_text=True)
    assert missing.status_code == 404 and "找不到编号为 999 的文件" in page and "dangan search" not in page
    bad_date = client.get("/?q=from:2024-13-01").get_data(as_text=True)
    assert "提示：日期写成 2022-03-26" in bad_date


def test_generated_files_can_be_read_by_colleagues_on_a_shared_folder(tmp_path):
    import os
    import stat

    home, out = tmp_path / "ws", tmp_path / "out"
    _cli(home, "init")
    _cli(home, "ingest", str(SPEECH))
    saved = os.umask(0o022)
    try:
        _cli(home, "minutes", "1", "--date", "2022-03-26", "--out", str(out / "纪要.docx"))
        _cli(home, "tasks", "export", "--out", str(out / "督办台账.xlsx"))
    finally:
        os.umask(saved)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes == {"纪要.docx": 0o644, "督办台账.xlsx": 0o644}


@NEEDS_CHROMIUM
def test_the_logout_button_is_readable_on_the_red_bar(tmp_path, browser):
    import threading

    from selenium.webdriver.common.by import By
    from werkzeug.serving import make_server

    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    home, secret = tmp_path / "ws", tmp_path / "pw"
    secret.write_text("Wenming-2022!\n", encoding="utf-8")
    secret.chmod(0o600)
    _cli(home, "init")
    _cli(home, "user", "add", "wang", "--role", "admin", "--password-file", str(secret))
    httpd = make_server("127.0.0.1", 0, create_app(open_workspace(home)), threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:   # the session's browser (conftest.chromium), signed out by `browser`
        browser.get(f"http://127.0.0.1:{httpd.server_port}/login")
        browser.find_element(By.NAME, "name").send_keys("wang")
        browser.find_element(By.NAME, "password").send_keys("Wenming-2022!\n")
        button = browser.find_element(By.CSS_SELECTOR, ".logout button")
        assert button.text == "退出" and button.value_of_css_property("color") == "rgba(255, 255, 255, 1)"
    finally:
        httpd.shutdown()


def test_minutes_refuse_a_few_lines_that_are_no_speech(tmp_path):
    """A four-line notice given by mistake was drafted into 纪要 with empty 一、二、三、 and a task."""
    home = tmp_path / "ws"
    _cli(home, "init")
    short = tmp_path / "志愿服务通知.txt"
    short.write_text("关于加强社区志愿服务的通知\n各社区：请于本月底前完成志愿者登记。\n区文明办\n2023年5月6日\n",
                     encoding="utf-8")
    _cli(home, "ingest", str(short))
    result = _cli(home, "minutes", "1", "--date", "2023-05-08", code=3)
    assert "只有 " in result.output and "读不出会议要点的短文，不是讲话稿" in result.output
    assert "没有任务" in _cli(home, "tasks").output
    dry = _cli(home, "minutes", str(short), "--dry-run", code=3)
    assert "读不出会议要点的短文，不是讲话稿" in dry.output


def _ingested_zip(tmp_path):
    """A unit's ZIP of two real files, ingested into a fresh workspace."""
    home, batch = tmp_path / "ws", tmp_path / "各单位报送材料.zip"
    with zipfile.ZipFile(batch, "w") as z:
        z.write(NOTICE, "报送/关于印发绿色建筑管理办法的通知.txt")
        z.write(SPEECH, "报送/书记在创建办会部署会讲话.txt")
    _cli(home, "init")
    _cli(home, "ingest", str(batch))
    return home, batch


def test_a_member_of_a_zip_that_is_still_there_is_not_said_to_be_gone(tmp_path):
    """Search printed 报送.zip/报送/x.txt（已不在此处…） though the ZIP lay where it was."""
    home, batch = _ingested_zip(tmp_path)
    found = _cli(home, "search", "绿色建筑").output
    assert f"{batch}/报送/关于印发绿色建筑管理办法的通知.txt" in found and "已不在此处" not in found
    batch.unlink()
    assert "已不在此处" in _cli(home, "search", "绿色建筑").output


def test_a_date_that_must_be_a_day_is_not_hinted_as_a_year_or_month(tmp_path):
    home = tmp_path / "ws"
    _cli(home, "init")
    _cli(home, "ingest", str(SPEECH))
    for typed in ("2025年1月", "2025-13-01"):
        result = _cli(home, "tag", "1", "--set", f"成文日期={typed}", code=3)
        assert "日期无效" in result.output and "须写到日" in result.output and "只到年或月" not in result.output
    assert "只到年或月" in _cli(home, "search", "绿色", "--from", "2022-13", code=3).output


def test_the_web_dossier_page_gives_no_command_line_hint(workspace):
    from dangan.web.app import create_app

    page = create_app(workspace).test_client().get("/dossier?q=&preview=1").get_data(as_text=True)
    notice = re.search(r'<div class="notice notice-error">(.*?)</div>', page, re.S)
    assert notice and "没有选中任何文件" in notice[1] and "提示" not in notice[1], notice


def test_a_dossier_or_package_with_nothing_chosen_follows_the_workspaces_edition(tmp_path):
    """`dangan dossier --out x.docx` refused (未给出测评项目…) though the workspace names its edition."""
    import json

    home = tmp_path / "ws"
    _cli(home, "init")
    _cli(home, "ingest", str(SPEECH))
    made = json.loads(_cli(home, "dossier", "--out", str(tmp_path / "迎检资料.docx"), "--json").output)
    assert made["sections"] >= 1 and made["documents"] == 1 and (tmp_path / "迎检资料.docx").stat().st_size
    _cli(home, "package", "--out", str(tmp_path / "资料包"))
    folders = sorted(p.name for p in (tmp_path / "资料包").iterdir() if p.is_dir())
    assert folders and all(re.match(r"A0\d_", name) for name in folders), folders


def test_a_command_word_a_clerk_types_names_the_command_meant():
    """`dangan web` (the web desk is `serve`) said only 没有命令 web."""
    for typed, meant in (("web", "serve"), ("纪要", "minutes"), ("import", "ingest")):
        result = CliRunner().invoke(cli, [typed])
        assert result.exit_code == 3 and f"没有命令 {typed}（是不是要用：{meant}？）" in result.output
    assert "没有命令 webb。" in CliRunner().invoke(cli, ["webb"]).output


def test_minutes_without_a_date_take_the_speeches_catalogued_date(tmp_path):
    """The speech's date stood in brackets under its title; the catalog read it (成文日期), the
    minutes did not: 纪要 with a blank date, though the desk says 留空则按讲话稿所写日期."""
    import json

    home = tmp_path / "ws"
    speech = Path(__file__).parent / "data/elements/docs/speeches/县长在全县经济工作会议上的讲话.txt"
    _cli(home, "init")
    _cli(home, "ingest", str(speech))
    shown = json.loads(_cli(home, "show", "1", "--json").output)
    assert shown["doc_date"] == "2024-12-27"
    drafted = json.loads(_cli(home, "minutes", "1", "--dry-run", "--json").output)
    assert drafted["date"] == "2024-12-27"
    given = json.loads(_cli(home, "minutes", "1", "--date", "2024-12-30", "--dry-run", "--json").output)
    assert given["date"] == "2024-12-30"


def test_a_long_dossier_says_each_step_and_draws_each_page_once(tmp_path):
    """`dossier --with-originals --pdf` over 42 budget reports ran 9 minutes without a word, and
    drew every original's pages twice (once more after the PDF gave the TOC its page numbers)."""
    import json

    from dangan.compose.originals import render_pdf_pages

    home = tmp_path / "ws"
    pdf = corpus_file("pdf/cn_provincial_budget_reports_2024/excerpts/Guizhou_test.pdf")
    _cli(home, "init")
    _cli(home, "ingest", str(pdf))
    said = _cli(home, "dossier", "--query", "预算", "--with-originals", "--out", str(tmp_path / "汇编.docx")).output
    assert "编排目录与摘录：1 个部分" in said and "附入原件 1/1：Guizhou_test.pdf" in said
    quiet = _cli(home, "dossier", "--query", "预算", "--with-originals", "--json",
                 "--out", str(tmp_path / "汇编2.docx"))
    assert json.loads(quiet.stdout)["documents"] == 1 and "附入原件" not in quiet.output
    first, total = render_pdf_pages(pdf, tmp_path, "original-1", max_pages=2)
    drawn = [p.stat().st_mtime_ns for p in first]
    again, _ = render_pdf_pages(pdf, tmp_path, "original-1", max_pages=2)
    assert again == first and [p.stat().st_mtime_ns for p in again] == drawn and total >= 2


def test_a_zip_names_the_documents_taken_out_of_it(tmp_path):
    """show 20 listed a ZIP's member names only: which 编号 each became was nowhere to find."""
    import json

    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    home, batch = _ingested_zip(tmp_path)
    zip_id = 3   # members first, the archive itself after them
    shown = json.loads(_cli(home, "show", str(zip_id), "--json").output)
    assert shown["mime"] == "application/zip"
    assert [(m["member"], m["id"]) for m in shown["members"]] == [
        ("报送/关于印发绿色建筑管理办法的通知.txt", 1), ("报送/书记在创建办会部署会讲话.txt", 2)]
    text = _cli(home, "show", str(zip_id)).output
    assert "压缩包内的文件：2 件" in text and "报送/书记在创建办会部署会讲话.txt → 编号 2" in text
    page = create_app(open_workspace(home)).test_client().get(f"/doc/{zip_id}").get_data(as_text=True)
    assert "压缩包内的文件" in page and 'href="/doc/2"' in page
    assert "members" not in json.loads(_cli(home, "show", "1", "--json").output)


def test_dangan_or_a_command_group_alone_shows_its_help_in_chinese():
    """`dangan` alone said 错误：Missing command. in English; `dangan user` printed its help after 错误：."""
    alone = CliRunner().invoke(cli, [])
    assert alone.exit_code == 0 and alone.output.startswith("用法：") and "命令：" in alone.output and "Missing" not in alone.output
    group = CliRunner().invoke(cli, ["user"])
    assert group.exit_code == 0 and group.output.startswith("用法：") and " user " in group.output and "错误" not in group.output
    assert "错误：缺少命令。" in CliRunner().invoke(cli, ["--home", "/tmp"]).output


def test_tasks_list_lists_as_user_list_and_review_list_do(tmp_path):
    """`dangan tasks list`, typed by analogy with `user list`, said 没有命令 list."""
    home = tmp_path / "ws"
    _cli(home, "init")
    _cli(home, "ingest", str(SPEECH))
    _cli(home, "minutes", "1", "--date", "2022-03-26")
    assert _cli(home, "tasks", "list", "--json").output == _cli(home, "tasks", "--json").output
    assert "督办台账（" in _cli(home, "tasks", "list", "--open").output
