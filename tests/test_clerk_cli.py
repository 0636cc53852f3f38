"""The command line as a clerk meets it, on real files: its frame (help and missing options in
Chinese, `config`) and the commands the other test_clerk_* modules leave alone: `user`, `audit
list`, `convert`, `ocr` and `serve`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from clerk_desk import SHANGHAI, dangan
from click.testing import CliRunner
from conftest import CORPUS

from dangan.cli import cli

pytestmark = pytest.mark.usefixtures("shared_ocr")   # the scan two tests read: RapidOCR reads it once a run


def test_help_is_in_chinese_for_every_command() -> None:
    """click's frame (Usage, Options, [required], Show this message and exit.) in Chinese, columns aligned."""
    from test_cli import all_commands

    for path, _ in all_commands(cli):
        page = CliRunner().invoke(cli, [*path, "-h"], prog_name="dangan", terminal_width=80).output
        assert page.startswith(f"用法：dangan {' '.join(path)} [选项]"), path
        assert "显示本帮助并退出。" in page, path
        assert not re.search(r"Usage:|Options:|Commands:|\[required\]|\[default|Show this|\bTEXT\b|\bINTEGER\b",
                             page), (path, page)
    page = CliRunner().invoke(cli, ["search", "-h"]).output
    assert "［默认：10；1–1000］" in page and "\n  --type 文字                     文种，如 通报。\n" in page
    assert "[必填]" not in page and "［必填］" in CliRunner().invoke(cli, ["export", "-h"]).output


def test_config_names_its_settings_in_chinese(clerk_desk) -> None:
    home, _ = clerk_desk
    page = dangan(home, "config").output
    assert f"工作区：{home}\n" in page and "全宗号：（未设置，见 dangan.toml）" in page
    assert not re.search(r"^(home|inbox|catalog|index_backend|fonds)：", page, re.M)
    assert json.loads(dangan(home, "config", "--json").output)["home"] == str(home)


def test_a_missing_option_with_choices_and_a_missing_value_are_said_in_chinese(tmp_path: Path) -> None:
    """click appends `Choose from:` to a missing choice option, and raises an option's missing
    value with no context: both reached the clerk in English or pointed at `dangan -h`."""
    home = tmp_path / "ws"
    dangan(home, "init")
    said = dangan(home, "user", "add", "zhang", code=3).output
    assert "错误：缺少选项 --role（可选：admin、clerk、unit、viewer）。" in said
    assert re.search(r"提示：运行 \S+ user add -h 查看用法。", said)
    assert not re.search(r"Missing|Choose", said)
    said = dangan(home, "review", "list", "--state", code=3).output
    assert "错误：选项 --state 需要一个值。" in said and "提示：运行 dangan review list -h 查看用法。" in said
    said = dangan(home, "export", "--query", "讲话", "--out", code=3).output
    assert "提示：运行 dangan export -h 查看用法。" in said


def test_an_account_that_cannot_be_made_is_refused_before_the_password_is_asked(tmp_path: Path) -> None:
    """user add of a name taken or a unit account without its unit, user passwd of no such user:
    the clerk typed a password twice and was only then told."""
    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("ji-zhang-2022\n", encoding="utf-8")
    dangan(home, "user", "add", "wang", "--role", "clerk", "--password-file", str(password))
    for args, said in ((("user", "add", "wang", "--role", "viewer"), "用户 wang 已存在"),
                       (("user", "add", "xuanchuan", "--role", "unit"), "责任单位账号须指明单位"),
                       (("user", "passwd", "zhang"), "找不到用户 zhang")):
        result = CliRunner().invoke(cli, ["--home", str(home), *args], input="ji-zhang-2022\nji-zhang-2022\n")
        assert result.exit_code == 3, result.output
        assert said in result.output and "密码:" not in result.output and "再输一遍" not in result.output, result.output
    assert [u["name"] for u in json.loads(dangan(home, "user", "list", "--json").output)["users"]] == ["wang"]


def test_disabling_an_account_twice_says_so_and_leaves_the_trail_alone(tmp_path: Path) -> None:
    """user disable of an account already disabled said 已停用 and wrote 停用：是 → 是 into the trail."""
    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("ji-zhang-2022\n", encoding="utf-8")
    dangan(home, "user", "add", "wang", "--role", "clerk", "--password-file", str(password))
    assert dangan(home, "user", "disable", "wang").output == "用户 wang 已停用。\n"
    assert dangan(home, "user", "disable", "wang").output == "用户 wang 本已停用，未作改动。\n"
    assert dangan(home, "user", "disable", "wang", "--enable").output == "用户 wang 已启用。\n"
    actions = [e["action"] for e in json.loads(dangan(home, "audit", "--json").output)["entries"]]
    assert actions.count("user.disable") == 1 and actions.count("user.enable") == 1


def test_audit_list_reads_as_user_list_and_filters_typed_first_still_count(clerk_desk, tmp_path: Path) -> None:
    """`audit list` (as user list, review list, tasks list) was 没有命令 list; and a filter typed
    before the sub-command (`audit --limit 1 list`, `tasks --owner … list`) was dropped: every row."""
    home, _ = clerk_desk
    whole = dangan(home, "audit").output
    assert dangan(home, "audit", "list").output == whole and whole.count("收录") >= 5
    assert len(dangan(home, "audit", "--limit", "2", "list").output.splitlines()) == 2
    assert dangan(home, "audit", "--limit", "2", "list").output == dangan(home, "audit", "list", "--limit", "2").output
    assert len(json.loads(dangan(home, "audit", "--json", "--limit", "1", "list").output)["entries"]) == 1
    speech = CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"
    dangan(home, "minutes", str(speech), "--date", "2022-03-26", "--out", str(tmp_path / "纪要.docx"))
    every = json.loads(dangan(home, "tasks", "list", "--json").output)["tasks"]
    owned = json.loads(dangan(home, "tasks", "--owner", "区委宣传部", "--json", "list").output)["tasks"]
    assert 0 < len(owned) < len(every)
    assert owned == json.loads(dangan(home, "tasks", "list", "--owner", "区委宣传部", "--json").output)["tasks"]


def test_convert_with_nothing_waiting_says_so(clerk_desk) -> None:
    home, _ = clerk_desk
    assert dangan(home, "convert", "--pending").output == "没有待转换的文件。\n"
    first = sorted(clerk_desk[1].values())[0]
    assert dangan(home, "convert", str(first)).output == "所给的文件都不需要转换。\n"
    # a number that is no document was said to need no conversion either
    wrong = max(clerk_desk[1].values()) + 100
    said = dangan(home, "convert", str(first), str(wrong), code=3).output
    assert f"找不到编号为 {wrong} 的文件" in said and "不需要转换" not in said


def test_ocr_of_a_document_with_text_says_there_was_nothing_to_read(clerk_desk) -> None:
    home, ids = clerk_desk
    said = dangan(home, "ocr", str(ids[SHANGHAI.name])).output
    assert f"文件 {ids[SHANGHAI.name]}：没有需要识别文字的页（各页已有文字层），未作识别。" in said
    assert "识别 0 页" not in said


def test_ocr_shows_its_progress_against_the_pages_to_read(clerk_desk, tmp_path: Path) -> None:
    """ocr --pending said OCR：1 页, 2 页… with no total: the clerk could not tell how long a scan would take."""
    import subprocess

    home, _ = clerk_desk
    report = CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", str(report),
                    str(tmp_path / "扫描件")], check=True)
    dangan(home, "ingest", "--no-ocr", str(tmp_path / "扫描件.png"))
    done = dangan(home, "ocr", "--pending")
    assert "文字识别：1/1 页（100%）" in done.output, done.output
    assert "识别 1 页" in done.output


def test_serve_on_every_address_prints_urls_a_browser_can_open(tmp_path: Path) -> None:
    """serve --host 0.0.0.0 said 网页工作台已启动：http://0.0.0.0:8871/, an address no browser opens."""
    import os
    import socket
    import subprocess
    import sys
    import urllib.request

    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("ji-zhang-2022\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    server = subprocess.Popen([sys.executable, "-m", "dangan", "--home", str(home), "serve", "--host", "0.0.0.0",
                               "--port", str(port), "--password-file", str(password)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert f"网页工作台已启动：本机 http://127.0.0.1:{port}/" in first and "0.0.0.0" not in first, first
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as page:
            assert "登录" in page.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_ingest_shows_its_ocr_progress_against_the_pages_to_read(tmp_path: Path) -> None:
    """`ingest` read its scans saying OCR：1 页，每分钟 1.6 页, 3 页… with no total (the trial's whole-corpus
    ingest), though `ocr` gives OCR：1/2 页（50%）… with what is left."""
    import subprocess

    report = CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", str(report),
                    str(tmp_path / "扫描件")], check=True)
    home = tmp_path / "ws"
    dangan(home, "init")
    done = dangan(home, "ingest", str(tmp_path / "扫描件.png"))
    assert "文字识别：1/1 页（100%）" in done.output, done.output
