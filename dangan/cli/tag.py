"""`dangan tag`: correct a document's elements and evaluation items by hand."""
from __future__ import annotations

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.cli.inspection import taxonomy_option
from dangan.workspace import Workspace


@click.command()
@click.argument("doc_id", type=int)
@click.option("--item", "add_items", multiple=True, help="加入测评项目或测评内容（代码，可多次），如 Ⅲ-77。")
@click.option("--req", type=int, help="对应该测评内容的第几条网上申报要求（与一个 --item 同用）。")
@click.option("--remove-item", "remove_items", multiple=True, help="移出测评项目或测评内容（自动识别不会再加回）。")
@taxonomy_option
@click.option("--type", "doc_type", help="文种，如 通报。")
@click.option("--title", help="标题。")
@click.option("--set", "assignments", multiple=True,
              help="著录项，如 发文机关=区文明办、成文日期=2022-03-26；照片说明：时间、地点、人物、主题、背景、事由。")
@json_option
@workspace
def tag(ws: Workspace, doc_id: int, add_items: tuple[str, ...], req: int | None, remove_items: tuple[str, ...],
        taxonomy_name: str | None, doc_type: str | None, title: str | None, assignments: tuple[str, ...],
        as_json: bool) -> None:
    """手工著录：修改文种、标题、文号、照片说明，或把材料挂到测评内容的申报要求下；手工值不会被自动识别覆盖。

    \b
    例：
      dangan tag 12 --item A02 --type 通报
      dangan tag 12 --item Ⅲ-77 --req 1 --taxonomy national-2015
      dangan tag 12 --set 发文机关=区创建办 --set 发文字号=区创建办〔2022〕12号
      dangan tag 30 --set 地点=幸福里社区 --set 人物=社区志愿者 --set 事由=垃圾分类宣传
    """
    from dangan.intake.tag import parse_assignments, tag_document
    from dangan.read.understand.taxonomy import workspace_taxonomy

    fields = parse_assignments(assignments)
    fields.update({k: v for k, v in (("doc_type", doc_type), ("title", title)) if v})
    data = tag_document(ws, doc_id, fields=fields, add_items=add_items, remove_items=remove_items, req=req,
                        taxonomy=workspace_taxonomy(ws, taxonomy_name))
    if as_json:
        render.print_json(data)
        return
    origin = {"manual": "手工", "auto": "自动"}
    shown = {**data, "evidence": "；".join(f"{e['content']}" + (f" 第{e['req']}条" if e["req"] else "")
                                          + f"（{origin[e['origin']]}）" for e in data["evidence"]) or None,
             "caption": "；".join(f"{k}：{v}" for k, v in data.get("caption", {}).items()) or None}
    render.key_values(shown, {**render.FIELD_NAMES, "evidence": "佐证", "caption": "照片说明"})


COMMANDS = [tag]
