"""`dangan user …` and `dangan audit …`: accounts of the web desk, and the audit trail with its check."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from dangan.archive import accounts, audit
from dangan.archive.audit_words import entry_line
from dangan.archive.catalog import Catalog
from dangan.cli import render
from dangan.cli.common import DayOrTime, json_option, workspace
from dangan.errors import ExitCode, PasswordFileInvalid
from dangan.read.extract.failures import library_reason
from dangan.workspace import Workspace


def _password(path: Path | None) -> str:
    """The first line of the password file, or asked twice on the terminal (never echoed)."""
    if path is None:
        return str(click.prompt("密码", hide_input=True, confirmation_prompt="再输一遍"))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PasswordFileInvalid(path=str(path), detail=library_reason(exc, "无法读取")) from exc
    if not lines or not lines[0].strip():
        raise PasswordFileInvalid(path=str(path), detail="文件为空")
    return lines[0].strip()


PASSWORD_FILE = click.option("--password-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                             help="密码文件（首行为密码）；不给则在终端输入。")


@click.group("user")
def user() -> None:
    """网页工作台的账号：admin（管理员）、clerk（办公室）、unit（责任单位）、viewer（检查组）。

    \b
    例：
      dangan user add xuanchuan --role unit --unit 区委宣传部 --password-file pw.txt
      dangan user list
    """


@user.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(list(accounts.ROLES)), help="角色。")
@click.option("--unit", help="单位（unit 角色必填），如 区委宣传部。")
@PASSWORD_FILE
@workspace
def user_add(ws: Workspace, name: str, role: str, unit: str | None, password_file: Path | None) -> None:
    """添加账号（密码只以 scrypt 散列保存）。

    \b
    例：
      dangan user add wang --role clerk --password-file pw.txt
    """
    with Catalog(ws.catalog_path) as catalog:
        accounts.check_new_user(catalog, name, role, unit)   # before the password is typed twice
        made = accounts.add_user(catalog, name, role, _password(password_file), unit=unit)
    render.out.print(f"已添加用户 {render.escape(made.name)}（{made.role_name}"
                     f"{'，' + render.escape(made.unit) if made.unit else ''}）。")
    if made.unit and unit and made.unit != unit.strip():
        render.out.print(f"单位按单位名单记为 {render.escape(made.unit)}（输入的是 {render.escape(unit.strip())}）。")


@user.command("list")
@json_option
@workspace
def user_list(ws: Workspace, as_json: bool) -> None:
    """列出账号、角色、单位和状态。

    \b
    例：
      dangan user list --json
    """
    with Catalog(ws.catalog_path) as catalog:
        rows = [u.to_dict() for u in accounts.list_users(catalog)]
    if as_json:
        render.print_json({"users": rows})
        return
    if not rows:
        render.out.print("还没有账号：网页工作台仅限本机使用。用 `dangan user add` 添加。")
    for row in rows:
        state = "已停用" if row["disabled"] else "正常"
        render.out.print(f"{render.escape(row['name'])}\t{row['role_name']}\t{render.escape(row['unit'] or '—')}\t{state}")


@user.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="重新启用。")
@workspace
def user_disable(ws: Workspace, name: str, enable: bool) -> None:
    """停用账号（其所有登录立即失效）；--enable 重新启用。

    \b
    例：
      dangan user disable xuanchuan
      dangan user disable xuanchuan --enable
    """
    with Catalog(ws.catalog_path) as catalog:
        was = accounts.get_user(catalog, name).disabled
        accounts.set_disabled(catalog, name, not enable)
    state = "启用" if enable else "停用"
    if was == (not enable):
        render.out.print(f"用户 {render.escape(name)} 本已{state}，未作改动。")
    else:
        render.out.print(f"用户 {render.escape(name)} 已{state}。")


@user.command("passwd")
@click.argument("name")
@PASSWORD_FILE
@workspace
def user_passwd(ws: Workspace, name: str, password_file: Path | None) -> None:
    """重设密码（该账号的所有登录立即失效）。

    \b
    例：
      dangan user passwd wang --password-file pw.txt
    """
    with Catalog(ws.catalog_path) as catalog:
        accounts.get_user(catalog, name)   # an unknown name is said before the password is typed twice
        accounts.set_password(catalog, name, _password(password_file))
    render.out.print(f"用户 {render.escape(name)} 的密码已重设。")


def _audit_filters(command: Callable[..., Any]) -> Callable[..., Any]:
    """The filters of the audit trail, the same on `audit` and on `audit list`."""
    for option in reversed((
        click.option("--since", type=DayOrTime(), metavar="日期[ 时刻]",
                     help="只列出此日期（时间，本机时间）以后的记录，如 2022-09-01 或 \"2022-09-01 14:30\"。"),
        click.option("--user", "user_name", help="只列出此用户的记录（命令行操作记为 os:登录名）。"),
        click.option("--action", help="只列出此操作的记录：操作的名称或其中的词（著录、删除任务、合并、审核），"
                                      "或记录中的代码（tag、review）。"),
        click.option("--limit", type=click.IntRange(1), help="只列出最近的若干条。"),
        json_option,
    )):
        command = option(command)
    return command


@click.group("audit", invoke_without_command=True)
@_audit_filters
@click.pass_context
def audit_cmd(ctx: click.Context, since: date | None, user_name: str | None, action: str | None,
              limit: int | None, as_json: bool) -> None:
    """审计记录：谁在何时做了什么（登录、上传、收录、著录、审核、任务、编档号、导出、下载原件、备份、恢复）。

    \b
    例：
      dangan audit --since 2022-09-01 --user wang
      dangan audit --action 著录
      dangan audit verify --json
    """
    if ctx.invoked_subcommand is not None:   # `audit --limit 5 list`: the filters typed first still count
        ctx.meta["audit_filters"] = {"since": since, "user_name": user_name, "action": action, "limit": limit,
                                     "as_json": as_json}
        return
    ctx.invoke(_audit_list, since=since, user_name=user_name, action=action, limit=limit, as_json=as_json)


@workspace
def _audit_list(ws: Workspace, since: date | None, user_name: str | None, action: str | None, limit: int | None,
                as_json: bool) -> None:
    with Catalog(ws.catalog_path) as catalog:
        rows = audit.entries(catalog, since=since.isoformat() if since else None, user=user_name, action=action,
                             limit=limit)
    if as_json:
        render.print_json({"entries": rows})
        return
    for row in rows:   # local time and Chinese names; --json keeps the stored codes and ISO times
        render.out.print(render.escape(entry_line(row, render.local_time)))
    if not rows:
        render.out.print("没有符合条件的审计记录。")
    if action and not audit.known_action(action):
        names = "、".join(dict.fromkeys(audit.ACTION_NAMES.values()))
        render.out.print(f"提示：没有名为“{render.escape(action)}”的操作。可填写的操作名称：{names}。")


@audit_cmd.command("list")
@_audit_filters
@click.pass_context
def audit_list_command(ctx: click.Context, since: date | None, user_name: str | None, action: str | None,
                       limit: int | None, as_json: bool) -> None:
    """列出审计记录（与不带子命令的 dangan audit 相同，如 user list、review list、tasks list）。

    \b
    例：dangan audit list --since 2022-09-01 --limit 20
    """
    typed_first = ctx.meta.get("audit_filters", {})
    ctx.invoke(_audit_list, since=since or typed_first.get("since"),
               user_name=user_name or typed_first.get("user_name"), action=action or typed_first.get("action"),
               limit=limit or typed_first.get("limit"),
               as_json=as_json or typed_first.get("as_json", False))


@audit_cmd.command("verify")
@json_option
@workspace
def audit_verify(ws: Workspace, as_json: bool) -> None:
    """核对审计记录的散列链：任何一条被改动、插入或删除，都指出第一条断开的记录。

    \b
    例：
      dangan audit verify
      dangan audit verify --json
    """
    with Catalog(ws.catalog_path) as catalog:
        result = audit.verify(catalog.conn)
    if as_json:
        render.print_json({k: result[k] for k in ("ok", "entries", "first_broken")})
    elif result["ok"]:
        render.out.print(f"审计记录完整：共 {result['entries']} 条，散列链未断。")
    else:
        render.out.print(f"[red]审计记录被改动[/red]：第 {result['first_broken']} 条记录与散列链不符"
                         f"（共 {result['entries']} 条）。")
    if not result["ok"]:
        raise click.exceptions.Exit(int(ExitCode.PROBLEMS))


COMMANDS = [user, audit_cmd]
