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
@click.option("--date", "meeting_date", metavar="日期", help="会议日期，用于推算期限（2022-03-26 或 2022年3月26日）。")
@click.option("--title", help="纪要标题（默认由讲话标题或目录题名生成）。")
@click.option("--place", help="会议地点。")
@click.option("--chair", help="主持人。")
@click.option("--attendees", help="出席人员（默认取自讲话稿与签到表）。")
@click.option("--attendance", type=click.Path(dir_okay=False, path_type=Path),
              help="签到表（.xlsx/.docx/.txt），用于出席、请假、列席。")
@click.option("--length", type=click.Choice(["short", "normal", "long"]), default="normal", show_default=True,
              help="纪要篇幅：normal 约为讲话稿的四成（长篇报告约二成半）。")
@click.option("--dry-run", is_flag=True, help="只起草（可输出 DOCX），不收录讲话稿、不存入督办台账。")
@click.option("--replace", "replace_edited", is_flag=True,
              help="重新起草时，连同已手工修改的未完成任务一并替换（不加时遇到这类任务即停下并列出编号）。")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), help="自定义纪要模板（.docx）。")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="输出 DOCX 路径。")
@json_option
@workspace
def minutes(ws: Workspace, source: str, meeting_date: str | None, title: str | None, place: str | None,
            chair: str | None, attendees: str | None, attendance: Path | None, length: str, dry_run: bool,
            replace_edited: bool, template: Path | None, out: Path | None, as_json: bool) -> None:
    """由讲话稿起草会议纪要与任务分工（任务存入督办台账）。来源为文件编号或文件路径。

    文件路径先收录入档；同一讲话稿、同一会议日期再次起草时，替换该纪要未完成的任务，不会重复；
    其中有手工修改过的（dangan tasks edit），须加 --replace 才替换。

    \b
    例：
      dangan minutes 讲话.txt --date 2022-03-26 --out 纪要.docx
      dangan minutes 12 --place 区行政中心第一会议室 --chair 区委书记 --attendance 签到表.xlsx
      dangan minutes 讲话.txt --length short --dry-run --json
    """
    from dangan.compose.docx_out import check_docx_out
    from dangan.compose.minutes.source import draft
    from dangan.text.dates import parse_date_strict

    day = parse_date_strict(meeting_date) if meeting_date else None   # InvalidDate: 日期无效：…
    if out is not None:   # before a speech given as a path is taken into the archive
        check_docx_out(out, "纪要")
    meeting = {"place": place, "host": chair, "attendees": attendees}
    result = draft(ws, source if dry_run else _stored(ws, source),
                   meeting_date=day, title=title, out=out,
                   template=template, meeting={k: v for k, v in meeting.items() if v}, length=length,
                   attendance=attendance, dry_run=dry_run, replace_edited=replace_edited)
    data = result.to_dict()
    render.print_json(data) if as_json else render.minutes_summary(data)


def _stored(ws: Workspace, source: str) -> str:
    """A speech given as a path is taken into the archive first (found again if unchanged): its id."""
    path = Path(source)
    if (source.isdigit() and not path.exists()) or not path.is_file():
        return source
    from dangan.errors import ExtractionFailed
    from dangan.intake.batch import ingest_paths

    result = ingest_paths(ws, [path], ocr=False).results[0]
    if result.document_id is None:
        raise ExtractionFailed(detail=result.reason or result.error_code or path.name)
    return str(result.document_id)


@click.group(invoke_without_command=True)
@click.option("--open", "open_only", is_flag=True, help="只列未完成的任务。")
@click.option("--owner", help="按责任单位筛选，如 区委宣传部。")
@json_option
@click.pass_context
def tasks(ctx: click.Context, open_only: bool, owner: str | None, as_json: bool) -> None:
    """督办台账：列出任务；add 新建或按缺项清单下发，done 完成，edit 修改，delete 删除，export 导出。

    \b
    例：
      dangan tasks --open --owner 区委宣传部
      dangan tasks add --from-gaps --deadline 周五前
      dangan tasks done 3
      dangan tasks edit 3 --owner "区委宣传部、各街道" --deadline 2022-04-30
      dangan tasks delete 5
      dangan tasks export --out 督办台账.xlsx
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(_list, open_only=open_only, owner=owner, as_json=as_json)
    else:   # `tasks --open list`: the filters typed first still count
        ctx.meta["task_filters"] = {"open_only": open_only, "owner": owner, "as_json": as_json}


@workspace
def _list(ws: Workspace, open_only: bool, owner: str | None, as_json: bool) -> None:
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import list_tasks

    with Catalog(ws.catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=open_only, owner=owner)
    render.print_json({"tasks": rows}) if as_json else render.task_table(rows)


@tasks.command("list")
@click.option("--open", "open_only", is_flag=True, help="只列未完成的任务。")
@click.option("--owner", help="按责任单位筛选，如 区委宣传部。")
@json_option
@click.pass_context
def list_tasks_command(ctx: click.Context, open_only: bool, owner: str | None, as_json: bool) -> None:
    """列出任务（与不带子命令的 dangan tasks 相同，如 user list、review list）。

    \b
    例：dangan tasks list --open --owner 区委宣传部
    """
    typed_first = ctx.meta.get("task_filters", {})
    ctx.invoke(_list, open_only=open_only or typed_first.get("open_only", False),
               owner=owner or typed_first.get("owner"), as_json=as_json or typed_first.get("as_json", False))


@tasks.command()
@click.argument("text", required=False)
@click.option("--from-gaps", is_flag=True, help="按缺项清单下发：每个责任单位每项测评内容一项任务，列出它尚缺的申报要求。")
@click.option("--item", "items", multiple=True, help="测评内容代码（可多次给出；指标、测评项目代码取其下全部测评内容）。")
@click.option("--owner", help="责任单位；与 --from-gaps 同用时只给该单位下发，给了 --item 时未录责任单位的要求也交给它。")
@click.option("--deadline", help="完成时限：2026-12-05、12月5日、周五前、下周一（从今天算起）。")
@click.option("--taxonomy", "taxonomy_name", metavar="体系", help="测评体系（默认取 dangan.toml 的 [taxonomy]）。")
@click.option("--dry-run", is_flag=True, help="只列出将要下发的任务，不写入督办台账。")
@json_option
@workspace
def add(ws: Workspace, text: str | None, from_gaps: bool, items: tuple[str, ...], owner: str | None,
        deadline: str | None, taxonomy_name: str | None, dry_run: bool, as_json: bool) -> None:
    """新建任务：按缺项清单给尚缺材料的责任单位下发，或写一项任务。

    \b
    例：dangan tasks add --from-gaps --deadline 周五前
        dangan tasks add --from-gaps --item Ⅲ-9 --owner 区文明办 --deadline 12月5日
        dangan tasks add "报送志愿服务活动照片" --owner 区文明办 --item Ⅲ-17 --deadline 下周一
    """
    from datetime import date

    from dangan.archive.tasks import parse_deadline
    from dangan.cli.tasks_add import print_issued
    from dangan.compose.gap_tasks import one_task, tasks_from_gaps
    from dangan.read.understand.taxonomy import workspace_taxonomy

    today = date.today()
    due = parse_deadline(deadline, today=today) if deadline else None
    taxonomy = workspace_taxonomy(ws, taxonomy_name)
    if from_gaps:
        issued = tasks_from_gaps(ws, taxonomy, due, items=items, owner=owner, dry_run=dry_run)
    else:
        issued = one_task(ws, taxonomy, text, owner, items, due, dry_run)
    print_issued(issued, deadline, due, today, dry_run=dry_run, as_json=as_json)


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
@click.argument("task_id", type=int)
@click.option("--owner", help="责任单位，用顿号分隔，牵头单位在前；或写成“牵头：X；配合：Y”。")
@click.option("--deadline", help="完成时限，如 2022-04-30、2022年4月30日、周五前；写“无”清除。")
@click.option("--text", help="任务内容。")
@click.option("--leader", help="责任领导，用顿号分隔，如 分管副区长、王局长；写“无”清除。")
@json_option
@workspace
def edit(ws: Workspace, task_id: int, owner: str | None, deadline: str | None, text: str | None,
         leader: str | None, as_json: bool) -> None:
    """修改任务的责任单位、责任领导、完成时限或内容。

    \b
    例：dangan tasks edit 3 --owner "牵头：区委宣传部；配合：各街道" --deadline 2022-04-30
        dangan tasks edit 3 --leader 分管副区长
    """
    from datetime import date

    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import edit_task, meeting_day, parse_deadline, parse_leaders, parse_owners
    from dangan.text.dates import parse_date

    changes: dict[str, Any] = {}
    if owner is not None:
        changes["owners"], changes["lead"] = parse_owners(owner)
    if text is not None:
        changes["text"] = text.strip()
    if leader is not None:
        changes["leaders"] = parse_leaders(leader)
    today = date.today()
    with Catalog(ws.catalog_path) as catalog:
        meeting = meeting_day(catalog, task_id)
        if deadline is not None:
            changes["deadline"] = parse_deadline(deadline, meeting, today)
        row = edit_task(catalog, task_id, **changes)
    if as_json:
        render.print_json(row)
        return
    render.task_table([row])
    if deadline is not None and changes["deadline"] and parse_date(deadline.strip()) is None:
        counted = f"按会议日期 {meeting} 推算" if meeting else f"从今天 {today} 算起"
        render.out.print(f"完成时限“{render.escape(deadline.strip())}”{counted}为 {changes['deadline']}。")


@tasks.command()
@click.argument("task_id", type=int)
@json_option
@workspace
def delete(ws: Workspace, task_id: int, as_json: bool) -> None:
    """从督办台账删除一项任务。

    \b
    例：dangan tasks delete 5
    """
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import delete_task

    with Catalog(ws.catalog_path) as catalog:
        row = delete_task(catalog, task_id)
    render.print_json(row) if as_json else render.out.print(f"任务 {task_id} 已删除：{row['text']}")


@tasks.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="输出路径，格式按扩展名：.xlsx，或 .csv（UTF-8 带 BOM，Excel 可直接打开）。")
@click.option("--open", "open_only", is_flag=True, help="只导出未完成的任务。")
@workspace
def export(ws: Workspace, out: Path, open_only: bool) -> None:
    """导出督办台账（XLSX 或 CSV，按 --out 的扩展名）。

    \b
    例：dangan tasks export --out 督办台账.xlsx
        dangan tasks export --open --out 未完成任务.csv
    """
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import list_tasks
    from dangan.compose.ledger import export_ledger

    with Catalog(ws.catalog_path) as catalog:
        rows = list_tasks(catalog, open_only=open_only)
    render.out.print(f"已导出 {len(rows)} 项任务：{export_ledger(rows, out)}")


COMMANDS = [minutes, tasks]

