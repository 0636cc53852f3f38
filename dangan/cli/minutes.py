"""`dangan minutes` and `dangan tasks`: the 会议纪要 and the 督办台账."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.workspace import Workspace


@click.command()
@click.argument("source")
@click.option("--date", "meeting_date", type=click.DateTime(["%Y-%m-%d"]), help="会议日期，用于推算期限。")
@click.option("--title", help="纪要标题（默认由讲话标题生成）。")
@click.option("--place", help="会议地点。")
@click.option("--chair", help="主持人。")
@click.option("--attendees", help="出席人员。")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), help="自定义纪要模板（.docx）。")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="输出 DOCX 路径。")
@json_option
@workspace
def minutes(ws: Workspace, source: str, meeting_date: Any, title: str | None, place: str | None,
            chair: str | None, attendees: str | None, template: Path | None, out: Path | None,
            as_json: bool) -> None:
    """由讲话稿起草会议纪要与任务分工（任务存入督办台账）。SOURCE 为文件编号或文件路径。

    \b
    例：
      dangan minutes 讲话.txt --date 2022-03-26 --out 纪要.docx
      dangan minutes 12 --place 区行政中心第一会议室 --chair 区委书记 --json
    """
    from dangan.compose.minutes.source import draft

    meeting = {"place": place, "host": chair, "attendees": attendees}
    result = draft(ws, source, meeting_date=meeting_date.date() if meeting_date else None,
                   title=title, out=out, template=template,
                   meeting={k: v for k, v in meeting.items() if v})
    data = result.to_dict()
    render.print_json(data) if as_json else render.minutes_summary(data)


@click.group(invoke_without_command=True)
@click.option("--open", "open_only", is_flag=True, help="只列未完成的任务。")
@click.option("--owner", help="按责任单位筛选，如 区委宣传部。")
@json_option
@click.pass_context
def tasks(ctx: click.Context, open_only: bool, owner: str | None, as_json: bool) -> None:
    """督办台账：列出任务；子命令 done 标记完成，export 导出 XLSX。

    \b
    例：
      dangan tasks --open --owner 区委宣传部
      dangan tasks done 3
      dangan tasks export --out 督办台账.xlsx
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(_list, open_only=open_only, owner=owner, as_json=as_json)


@workspace
def _list(ws: Workspace, open_only: bool, owner: str | None, as_json: bool) -> None:
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import list_tasks

    with Catalog(ws.catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=open_only, owner=owner)
    render.print_json({"tasks": rows}) if as_json else render.task_table(rows)


@tasks.command()
@click.argument("task_id", type=int)
@json_option
@workspace
def done(ws: Workspace, task_id: int, as_json: bool) -> None:
    """把任务标记为已完成。

    \b
    例：dangan tasks done 3
    """
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import set_status

    with Catalog(ws.catalog_path) as catalog:
        row = set_status(catalog, task_id, "done")
    render.print_json(row) if as_json else render.out.print(f"任务 {task_id} 已标记为完成。")


@tasks.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="输出 XLSX 路径。")
@click.option("--open", "open_only", is_flag=True, help="只导出未完成的任务。")
@workspace
def export(ws: Workspace, out: Path, open_only: bool) -> None:
    """导出督办台账（XLSX）。

    \b
    例：dangan tasks export --out 督办台账.xlsx
    """
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import list_tasks
    from dangan.compose.ledger import export_ledger

    with Catalog(ws.catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=open_only)
    render.out.print(f"已导出 {len(rows)} 项任务：{export_ledger(rows, out)}")


COMMANDS = [minutes, tasks]

