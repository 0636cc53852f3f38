"""`dangan backup`, `dangan restore`, `dangan export`: copies of the archive that lose nothing."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.errors import ExitCode
from dangan.workspace import Workspace


@click.command()
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="备份到的文件夹（再次备份只补新原件）或 .tar 文件。")
@click.option("--copy", "copy", is_flag=True,
              help="总是复制原件；默认在同一文件系统上用硬链接（不占空间，但不防磁盘损坏）。")
@json_option
@workspace
def backup(ws: Workspace, out: Path, copy: bool, as_json: bool) -> None:
    """备份：目录快照、全部原件、设置、隔离文件和清单；监视或收录运行时也可以备份。

    \b
    例：
      dangan backup --out /mnt/备份/dangan
      dangan backup --out /mnt/备份/dangan-20220901.tar --json
    """
    from dangan.archive.backup import backup as run_backup

    data = run_backup(ws, out, link=not copy).to_dict()
    if as_json:
        render.print_json(data)
    else:
        render.out.print(f"备份完成：{render.escape(data['out'])}")
        # 21 originals for 20 documents: say the extra ones are 同文异版, the other originals of a document
        variants = f"，含同文异版原件 {data['variants']} 件" if data["variants"] else ""
        render.out.print(f"文件 {data['documents']} 件（新增原件 {data['new_originals']} 件，"
                         f"已有 {data['kept_originals']} 件，其中硬链接 {data['linked']} 件{variants}），"
                         f"任务 {data['tasks']} 项，其他文件 {data['files']} 个，用时 {data['seconds']} 秒。")
        if data["linked"]:
            # a clerk backing up to a folder on the same disk believes there are now two copies; a hard link
            # is the same bytes on the same disk, so say what it does not protect against and how to get a copy
            render.out.print(f"注意：{data['linked']} 件原件以硬链接存入备份，与工作区的原件是同一块磁盘上的同一份数据，"
                             "磁盘损坏时两处一起丢失；要独立的第二份，请备份到另一块磁盘或 U 盘，或加 --copy。")
        _problems(data["problems"])
    sys.exit(0 if data["ok"] else int(ExitCode.PROBLEMS))


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--home", "target", type=click.Path(file_okay=False, path_type=Path),
              help="恢复到的新工作区（不存在或为空的文件夹）；默认取全局 --home。")
@click.option("--verify-only", is_flag=True, help="只核对备份中每个文件的校验值，不恢复。")
@json_option
@click.pass_context
def restore(ctx: click.Context, source: Path, target: Path | None, verify_only: bool,
            as_json: bool) -> None:
    """恢复：逐个核对备份文件的校验值，恢复到新工作区并重建索引；有问题时退出码为 1。

    \b
    例：
      dangan restore /mnt/备份/dangan --verify-only
      dangan restore /mnt/备份/dangan-20220901.tar --home /srv/dangan-恢复
    """
    from dangan.cli.progress import run_restore

    data = run_restore(source, target or ctx.obj["home"], verify_only, quiet=as_json)
    if as_json:
        render.print_json(data)
    else:
        _restore_summary(data)
    sys.exit(0 if data["ok"] else int(ExitCode.PROBLEMS))


@click.command()
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="导出到的文件夹（不存在或为空）。")
@click.option("--query", "-q", default="", help="检索式，写法同 dangan search。")
@click.option("--item", "items", multiple=True, help="测评项目或测评内容代码，可多次给出。")
@click.option("--taxonomy", "taxonomy_name", metavar="体系",
              help="--item 按此测评体系的佐证归属选取（如 national-2015）。")
@json_option
@workspace
def export(ws: Workspace, out: Path, query: str, items: tuple[str, ...], taxonomy_name: str | None,
           as_json: bool) -> None:
    """导出一组文件交给其他单位：原件按“序号_题名”命名，附清单和文件目录（XLSX）。

    对方用 dangan ingest 收录导出的文件夹时，题名、文号等著录项随之带入。

    \b
    例：
      dangan export --out ~/移交/垃圾分类 --query '生活垃圾 type:通知'
      dangan export --out ~/移交/A02 --item A02
      dangan export --out ~/移交/生态环境 --taxonomy national-2015 --item Ⅰ-11
    """
    from dangan.cli.progress import run_export
    from dangan.read.understand.taxonomy import workspace_taxonomy

    taxonomy = workspace_taxonomy(ws, taxonomy_name) if taxonomy_name else None
    data = run_export(ws, out, query, items, taxonomy, quiet=as_json)
    if as_json:
        render.print_json(data)
    else:
        render.out.print(f"已导出 {data['documents']} 件到 {render.escape(data['out'])}，"
                         f"附清单 manifest.jsonl 和文件目录 文件清单.xlsx。")
        if data["classified"]:
            render.out.print(f"注意：其中 {len(data['classified'])} 件标有密级，请按保密规定办理交接，不要随其他文件一并传送：")
            for row in data["classified"]:
                render.out.print(f"  {render.escape(row['file'])}（{render.escape(row['secrecy'])}）")
        _problems(data["problems"])
    sys.exit(0 if data["ok"] else int(ExitCode.PROBLEMS))


def _restore_summary(data: dict[str, Any]) -> None:
    if data["verified_only"]:
        if data["ok"]:
            render.out.print(f"核对通过：{data['documents']} 件文件，{data['files_checked']} 个文件的"
                             "校验值全部与清单相符。")
    elif data["restored"]:
        render.out.print(f"已恢复到 {render.escape(data['home'])}：{data['documents']} 件文件，"
                         f"已重建索引 {data['indexed']} 件。")
    else:
        render.out.print("[red]未恢复[/red]：清单或目录数据库有问题，新工作区没有建立。")
    _problems(data["problems"])
    if data["problems"] and data["restored"]:
        render.out.print("未采用的文件已放在新工作区的 quarantine/ 中；请用 dangan check 查看缺少的原件。")


def _problems(problems: list[dict[str, Any]]) -> None:
    if problems:
        render.out.print(f"[red]发现 {len(problems)} 个问题：[/red]")
        for problem in problems:
            render.out.print(f"  {render.escape(problem['message'])}")


COMMANDS = [backup, restore, export]
