"""`dangan convert`: read the office files that wait for LibreOffice."""
from __future__ import annotations

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.workspace import Workspace


@click.command()
@click.argument("doc_ids", nargs=-1, type=int)
@click.option("--pending", is_flag=True, help="转换全部待转换的文件（收录时未安装 LibreOffice）。")
@json_option
@workspace
def convert(ws: Workspace, doc_ids: tuple[int, ...], pending: bool, as_json: bool) -> None:
    """用 LibreOffice 补读待转换的 .doc/.wps/.rtf/.odt/.ppt/.odp 文件，并更新著录项与索引。

    \b
    例：
      dangan convert --pending
      dangan convert 12 15
    """
    from dangan.intake.convert_stage import convert_pending

    if not doc_ids and not pending:
        raise click.UsageError("请给出文件编号，或用 --pending 转换全部待转换的文件。")
    outcomes = [o.to_dict() for o in convert_pending(ws, list(doc_ids) or None)]
    done_ids = {o["document_id"] for o in outcomes}
    not_needed = [i for i in doc_ids if i not in done_ids]
    if as_json:
        render.print_json({"documents": outcomes, "not_needed": not_needed})
        return
    if not outcomes:
        render.out.print("没有待转换的文件。" if pending and not doc_ids else "所给的文件都不需要转换。")
        return
    if not_needed:
        render.out.print(f"编号 {'、'.join(map(str, not_needed))} 不需要转换（不在待转换之列），未重读。")
    done = [o for o in outcomes if not o["error"]]
    render.out.print(f"已转换 {len(done)} 件，未成功 {len(outcomes) - len(done)} 件。")
    for o in outcomes:
        if o["error"]:
            render.out.print(f"  {o['name']}（编号 {o['document_id']}）：{o['error']}")


COMMANDS = (convert,)
