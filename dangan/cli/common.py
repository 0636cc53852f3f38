"""What every command module shares: the group, its error handler, common options."""
from __future__ import annotations

import functools
import importlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import click

from dangan.cli import render
from dangan.cli.messages import COMMAND_WORDS, translate
from dangan.errors import DanganError, ExitCode, path_error
from dangan.workspace import open_workspace, resolve_home

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    """The one place where errors become `错误：…` / `提示：…` and an exit code; its commands are
    imported when asked for (`lazy_commands`: name → module, whose COMMANDS are added then)."""

    lazy_commands: dict[str, str] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            from dangan.cli.help_text import chinese_help

            for command in importlib.import_module(self.lazy_commands[cmd_name]).COMMANDS:
                chinese_help(command)
                self.add_command(command)
        return self.commands.get(cmd_name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's own errors (bad option, missing argument) in Chinese, with a pointer to -h."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as error:   # `dangan user` alone: its help, no 错误
            click.echo(error.ctx.get_help() if error.ctx else error.format_message())
            sys.exit(0)
        except click.UsageError as error:
            render.err.print(f"[red]错误：[/red]{render.escape(translate(error.format_message()))}")
            command = error.ctx.command_path if error.ctx else self._path(
                kwargs.get("args") or (args[0] if args else sys.argv[1:]))
            render.err.print(f"提示：运行 {render.escape(command)} -h 查看用法。")
            sys.exit(int(ExitCode.USAGE))   # click's own 2 would read as "some files failed"
        except click.ClickException as error:
            render.err.print(f"[red]错误：[/red]{render.escape(translate(error.format_message()))}")
            sys.exit(error.exit_code)
        except click.Abort:
            render.err.print("已中止。")
            sys.exit(int(ExitCode.INTERRUPTED))   # 1 means "check found problems"
        sys.exit(code if isinstance(code, int) else 0)

    def _path(self, args: list[str]) -> str:
        """The command a usage error belongs to, read off the words typed: click raises an option's
        missing value (`review list --state`) with no context, and `dangan -h` would not help."""
        path, command, words = ["dangan"], cast(click.Command, self), list(args)
        while words:
            word = words.pop(0)
            if word.startswith("-"):
                option = next((p for p in command.params if isinstance(p, click.Option) and word in p.opts), None)
                if option is not None and not option.is_flag and words:
                    words.pop(0)
            elif isinstance(command, click.Group) and (sub := command.get_command(click.Context(command), word)):
                command = sub
                path.append(word)
            else:
                break
        return " ".join(path)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """`dangan` alone shows what it can do (click said `Missing command.`, in English)."""
        if not args and ctx.parent is None:
            click.echo(ctx.get_help())
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        """An unknown command a clerk would type for one we have (web, 纪要) names the one meant."""
        name = args[0] if args else ""
        meant = COMMAND_WORDS.get(name.lower())
        if name and meant and self.get_command(ctx, name) is None and self.get_command(ctx, meant) is not None:
            ctx.fail(f"No such command '{name}'. Did you mean {meant}?")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DanganError as error:
            render.err.print(f"[red]错误：[/red]{render.escape(error.message)}")
            if error.hint:
                render.err.print(f"提示：{render.escape(error.hint)}")
            _json_error(ctx, error.code, error.message, error.hint, int(error.exit_code))
            ctx.exit(int(error.exit_code))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            render.err.print("已中断。")
            ctx.exit(int(ExitCode.INTERRUPTED))
        except OSError as exc:   # a path the system refuses (a file where a folder must be): the clerk's words
            said = path_error(exc)
            if said is None or (ctx.obj and ctx.obj.get("debug")):
                raise
            render.err.print(f"[red]错误：[/red]{render.escape(said.message)}")
            render.err.print(f"提示：{render.escape(said.hint)}")
            _json_error(ctx, said.code, said.message, said.hint, int(said.exit_code))
            ctx.exit(int(said.exit_code))
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            render.err.print(f"[red]错误：[/red]内部错误（{type(exc).__name__}: {render.escape(str(exc))}）")
            render.err.print("提示：加 --debug 查看详细信息，并把它报告给维护者。")
            _json_error(ctx, "INTERNAL", f"内部错误（{type(exc).__name__}: {exc}）",
                        "加 --debug 查看详细信息，并把它报告给维护者。", int(ExitCode.INTERNAL))
            ctx.exit(int(ExitCode.INTERNAL))


class DayOrTime(click.ParamType):
    """A day as a clerk writes it (2022-09-01, 2022年9月1日, 2022/9/1), optionally with a time
    of day (2022-09-01 14:30): a naive datetime; an impossible one is 日期无效 with the reason."""

    name = "日期"
    TIMES = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from datetime import datetime, time

        from dangan.errors import InvalidDate
        from dangan.text.dates import parse_date_strict

        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        for pattern in self.TIMES:
            try:
                return datetime.strptime(text, pattern)
            except ValueError:
                continue
        try:
            return datetime.combine(parse_date_strict(text), time())
        except InvalidDate as error:
            self.fail(error.message, param, ctx)


def exit_batch(failed: object) -> None:
    """End a batch command (ingest, watch --once, ocr): 2 when some files failed, else 0."""
    sys.exit(int(ExitCode.PARTIAL) if failed else int(ExitCode.OK))


class QueryCommand(click.Command):
    """A command whose words may start with `-`: `dangan search 经济 -农业` excludes 农业.

    An argument that starts with `-` and is none of the command's options (nor an
    option with its value attached, `-n5`) is a word of the query: it is moved
    behind `--`, where click takes everything as an argument.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, split_exclusions(args, self.get_params(ctx)))


def split_exclusions(args: list[str], params: list[click.Parameter]) -> list[str]:
    valued: set[str] = set()
    flags: set[str] = {"-h", "--help"}
    for param in params:
        if isinstance(param, click.Option):
            names = [*param.opts, *param.secondary_opts]
            (flags if param.is_flag or param.count else valued).update(names)
    kept: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            words.extend(args[i + 1:])
            break
        if arg in valued:
            kept.extend(args[i:i + 2])
            i += 2
            continue
        if arg.startswith("-") and len(arg) > 1 and not _is_option(arg, valued, flags):
            words.append(arg)
        else:
            kept.append(arg)
        i += 1
    return [*kept, "--", *words] if words else kept


def _is_option(arg: str, valued: set[str], flags: set[str]) -> bool:
    """`--x…` is always click's (an unknown one is its error); `-x…` only when it is an option."""
    if arg.startswith("--") or arg in flags:
        return True
    return arg[:2] in valued and arg[2:].lstrip("-").isdigit()   # -n5


@click.group(cls=Group, context_settings=CONTEXT)
@click.option("--home", type=click.Path(file_okay=False, path_type=Path),
              help="工作区目录（默认 $DANGAN_HOME 或 ./dangan-data）。")
@click.option("--debug", is_flag=True, help="出错时显示完整的调用栈。")
@click.version_option(package_name="dangan", message="dangan %(version)s")
@click.pass_context
def cli(ctx: click.Context, home: Path | None, debug: bool) -> None:
    """档案（dangan）：收录、检索、编制创建文明城市的文件资料。

    \b
    例：
      dangan init
      dangan ingest ~/收文
      dangan search '"创建办会" type:讲话'
    """
    ctx.ensure_object(dict)
    ctx.obj.update(home=resolve_home(home), debug=debug)
    logging.basicConfig(level=logging.DEBUG if debug else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")


def workspace(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Pass the opened workspace as `ws`."""
    @click.pass_context
    @functools.wraps(fn)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        return ctx.invoke(fn, open_workspace(ctx.obj["home"]), *args, **kwargs)
    return wrapper


JSON_ASKED = "dangan.json"   # ctx.meta key: the command was given --json (its error is then JSON too)


def _note_json(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.meta[JSON_ASKED] = True
    return value


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, callback=_note_json,
                        help="以 JSON 输出，便于脚本处理；出错时也输出 JSON（error：code、message、hint）。")(fn)


def _json_error(ctx: click.Context, code: str, message: str, hint: str, exit_code: int) -> None:
    """A script that asked for --json reads the error on stdout as JSON (the Chinese lines still go to stderr):
    `dangan show 99 --json | jq` gave nothing to parse."""
    if ctx.meta.get(JSON_ASKED):
        click.echo(json.dumps({"error": {"code": code, "message": message, "hint": hint or None,
                                         "exit_code": exit_code}}, ensure_ascii=False))
