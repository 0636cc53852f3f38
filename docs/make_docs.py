"""Generate docs/cli.md (every command's --help) and docs/errors.md (every error code).

`python docs/make_docs.py` writes them; `--check` fails when they are stale
(the test suite runs the check, as cog --check would).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from dangan.cli import cli
from dangan.errors import ExitCode, all_errors

DOCS = Path(__file__).resolve().parent


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):   # the top group imports a command's module when asked for it
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


def cli_md() -> str:
    runner = CliRunner()
    parts = ["# dangan 命令参考\n", "本文件由 `python docs/make_docs.py` 从各命令的 `--help` 生成，请勿手改。\n"]
    top = runner.invoke(cli, ["--help"], terminal_width=100, prog_name="dangan").output
    parts.append(f"## dangan\n\n```\n{top.rstrip()}\n```\n")
    for path, _ in commands(cli):
        text = runner.invoke(cli, [*path, "--help"], terminal_width=100, prog_name="dangan").output
        parts.append(f"## dangan {' '.join(path)}\n\n```\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def errors_md() -> str:
    # Every error class lives in the dangan.errors package: no need to import the rest of dangan.
    exits = {"OK": "成功", "PROBLEMS": "核对发现问题（check、restore）", "PARTIAL": "批量完成（ingest、watch --once、ocr、reread），但有文件失败",
             "USAGE": "用法错误（选项、检索式、取值有误）", "WORKSPACE": "工作区不存在或不可用",
             "DEPENDENCY": "缺少所需的库或程序", "BUSY": "另一个写入进程正占用工作区",
             "DISK_FULL": "磁盘空间不足（没有文件被隔离）",
             "INTERRUPTED": "被用户中断（Ctrl-C）", "INTERNAL": "内部错误"}
    exit_rows = "\n".join(f"| {int(code)} | `{code.name}` | {exits.get(code.name, '')} |" for code in ExitCode)
    rows = []
    for cls in sorted(all_errors(), key=lambda c: c.code):
        message = cls.template.replace("{", "‹").replace("}", "›").replace("|", "｜")
        hint = (cls.hint or "—").replace("|", "｜")
        rows.append(f"| `{cls.code}` | {int(cls.exit_code)} | {message} | {hint} |")
    head = ("# 错误代码\n\n本文件由 `python docs/make_docs.py` 生成，请勿手改。命令出错时打印 `错误：…` "
            "与 `提示：…`，并以下表的退出码结束；加 `--debug` 可看到内部错误的调用栈。带 `--json` 的命令出错时，"
            "另在标准输出给出一行 JSON：`{\"error\": {\"code\": 代码, \"message\": 信息, \"hint\": 提示, "
            "\"exit_code\": 退出码}}`（内部错误的代码为 `INTERNAL`）。\n\n"
            "## 退出码\n\n| 退出码 | 名称 | 含义 |\n|---|---|---|\n" + exit_rows + "\n\n## 错误代码\n\n"
            "| 代码 | 退出码 | 信息（原因） | 提示（处理办法） |\n|---|---|---|---|")
    return head + "\n" + "\n".join(rows) + "\n"


def main(check: bool = False) -> int:
    stale = []
    for name, text in (("cli.md", cli_md()), ("errors.md", errors_md())):
        path = DOCS / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"文档已过期：{', '.join(stale)}；请运行 python docs/make_docs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
