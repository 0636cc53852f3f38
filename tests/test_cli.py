"""Every command through click's CliRunner: success paths, failure paths, help."""
from __future__ import annotations

import json
import re
import shutil

import click
import pytest
from click.testing import CliRunner
from conftest import CORPUS, SEED_SPEECH

from dangan.cli import cli

PKULAW_NOTICE = next((CORPUS / "txt/cn_normative_docs_pkulaw").glob("新余市*.txt"))


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    home = tmp_path / "home"

    def invoke(*args: str, ok: bool = True):
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=not ok)
        if ok:
            assert result.exit_code == 0, result.output
        return result
    invoke.home = home
    return invoke


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):   # the top group imports a command's module when asked for it
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def test_every_command_has_chinese_help_with_an_example():
    runner = CliRunner()
    for path, command in all_commands(cli):
        result = runner.invoke(cli, [*path, "-h"])
        assert result.exit_code == 0, path
        assert command.help and "例" in command.help, path
        assert any("\u4e00" <= c <= "\u9fff" for c in command.help.splitlines()[0]), path


def test_missing_workspace_is_a_clear_chinese_error(run):
    result = run("search", "创建", ok=False)
    assert result.exit_code == 4
    assert "错误：工作区不存在" in result.output and "dangan init" in result.output
    assert "Traceback" not in result.output


def test_init_config_ingest_search_show_stats_check(run, tmp_path):
    run("init")
    config = json.loads(run("config", "--json").output)
    assert set(config) >= {"home", "inbox", "catalog", "index"}
    assert config["home"] == str(run.home)

    folder = tmp_path / "收文"
    folder.mkdir()
    shutil.copyfile(SEED_SPEECH, folder / SEED_SPEECH.name)
    shutil.copyfile(PKULAW_NOTICE, folder / "通知.txt")
    data = json.loads(run("ingest", str(folder), "--json").output)
    assert data["ingested"] == 2 and data["failed"] == [] and data["duplicates"] == 0
    assert {d["path"] for d in data["documents"]} == {str(folder / SEED_SPEECH.name),
                                                      str(folder / "通知.txt")}

    found = json.loads(run("search", "--json", "创建办会").output)
    assert found["total"] == 1 and found["results"][0]["path"] == str(folder / SEED_SPEECH.name)
    table = run("search", "创建办会").output
    assert "創建辦會" in table

    doc_id = found["results"][0]["id"]
    shown = json.loads(run("show", str(doc_id), "--json").output)
    assert shown["sources"][0]["path"] == str(folder / SEED_SPEECH.name)
    assert "創(chuàng)建" in shown["text"]
    assert "来源" in run("show", str(doc_id)).output

    stats = json.loads(run("stats", "--json").output)
    assert (stats["documents"], stats["failed"]) == (2, 0)
    assert json.loads(run("check", "--json").output)["ok"] is True
    assert "核对通过" in run("check").output
    assert "已重建索引：2 件" in run("reindex").output


def test_ingest_exit_2_when_some_fail_and_summary_in_chinese(run, tmp_path):
    run("init")
    (tmp_path / "空.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path / "空.txt"), str(SEED_SPEECH), ok=False)
    assert result.exit_code == 2
    assert "收录 1 件" in result.output and "失败 1 件" in result.output
    assert "文件为空" in result.output


def test_show_unknown_id_and_bad_date(run):
    run("init")
    missing = run("show", "999", ok=False)
    assert missing.exit_code == 3 and "找不到编号为 999 的文件" in missing.output
    bad = run("search", "--from", "去年", "x", ok=False)
    assert bad.exit_code == 3 and "日期" in bad.output


def test_check_exit_1_on_problems(run):
    run("init")
    run("ingest", str(SEED_SPEECH))
    for original in (run.home / "originals").rglob("*.txt"):
        original.chmod(0o644)
        original.unlink()
    result = run("check", "--json", ok=False)
    assert result.exit_code == 1
    assert json.loads(result.output)["problems"][0]["kind"] == "original_missing"


def test_python_dash_m_works():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "dangan", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "dangan" in out.stdout


@pytest.mark.parametrize("args, said", [
    (["show", "abc"], "错误：参数 编号 的值无效：“abc”不是整数。"),
    (["search", "--limit", "x", "y"], "错误：参数 --limit / -n 的值无效：“x”不是整数。"),
    (["search", "--bogus"], "错误：没有选项 --bogus。"),
    (["nosuch"], "错误：没有命令 nosuch。"),
    (["list"], "错误：没有命令 list（是不是要用：search？）"),
    (["minutes"], "错误：缺少参数 来源。"),
    (["minutes", "x", "--date", "2022-02-30"], "错误：日期无效：2022-02-30（2022年2月只有 28 天）"),
    (["minutes", "x", "--date", "下周"], "错误：日期无效：下周（无法识别的日期写法）"),
    (["search", "x", "--limt", "3"], "错误：没有选项 --limt（是不是要用：--item、--limit、--to？）"),
    (["tasks", "--opn"], "错误：没有选项 --opn（是不是要用："),
    (["watch", "--poll", "0"], "错误：参数 --poll 的值无效：0.0 小于 0.1。"),
    (["show", "1", "--json=yes"], "错误：选项 --json 不带值。"),
    (["export", "--out", "/etc/passwd", "--query", "通知"], "错误：“/etc/passwd”是文件，这里需要文件夹。"),
    (["audit", "--since", "2022-02-30"], "错误：参数 --since 的值无效：日期无效：2022-02-30（2022年2月只有 28 天）"),
    (["audit", "--since", "2022-03-01 25:00"], "错误：参数 --since 的值无效：日期无效：2022-03-01 25:00"),
    (["ingest", "/nonexistent/路径.pdf"], "错误：路径不存在：/nonexistent/路径.pdf"),
])
def test_usage_errors_are_said_in_chinese(run, args, said):
    run("init")
    result = run(*args, ok=False)
    assert result.exit_code == 3   # ExitCode.USAGE, distinct from 2 (some files failed)
    assert said in result.output
    assert "-h 查看用法" in result.output or re.search("提示：日期(写成 |须写到日：)2022-03-26", result.output)
    assert "Did you" not in result.output and "is not in the range" not in result.output


def test_minutes_takes_the_meeting_date_as_a_clerk_writes_it(run, tmp_path):
    """2022年4月1日 and 2022/4/1 are the same day as 2022-04-01 for --date."""
    run("init")
    for written in ("2022年4月1日", "2022/4/1", "2022-04-01"):
        result = run("minutes", str(SEED_SPEECH), "--date", written, "--dry-run", "--json")
        assert json.loads(result.output)["date"] == "2022-04-01", written


def test_audit_since_takes_a_day_as_a_clerk_writes_it(run):
    run("init")
    for written in ("2022年3月1日", "2022-03-01", "2022-03-01 14:30", "2022/3/1"):
        assert run("audit", "--since", written).exit_code == 0, written


def test_serve_on_a_port_already_taken_says_so_in_chinese(run):
    """werkzeug printed "Address already in use … Port 8768 is in use by another program" and exit 1."""
    import socket

    run("init")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port), ok=False)
    assert result.exit_code == 3
    assert f"错误：端口 {port} 已被占用" in result.output and "--port" in result.output
    assert "in use" not in result.output
