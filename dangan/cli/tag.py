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
              help="著录项，如 发文机关=区文明办、成文日期=2022-03-26、网页发布时间=2022-03-26；照片说明：时间、地点、人物、主题、背景、事由。")
@click.option("--clear", "clears", multiple=True, metavar="著录项",
              help="清除著录项（可多次），如 --clear 发文字号；清除后自动识别也不会再填回。")
@json_option
@workspace
def tag(ws: Workspace, doc_id: int, add_items: tuple[str, ...], req: int | None, remove_items: tuple[str, ...],
        taxonomy_name: str | None, doc_type: str | None, title: str | None, assignments: tuple[str, ...],
        clears: tuple[str, ...], as_json: bool) -> None:
    """手工著录：修改文种、标题、文号、照片说明，或把材料挂到测评内容的申报要求下；手工值不会被自动识别覆盖。

    \b
    例：
      dangan tag 12 --item A02 --type 通报
      dangan tag 12 --item Ⅲ-77 --req 1 --taxonomy national-2015
      dangan tag 12 --set 发文机关=区创建办 --set 发文字号=区创建办〔2022〕12号
      dangan tag 30 --set 地点=幸福里社区 --set 人物=社区志愿者 --set 事由=垃圾分类宣传
      dangan tag 12 --clear 发文字号
    """
    from dangan.intake.tag import parse_edits, tag_document
    from dangan.read.understand.taxonomy import workspace_taxonomy

    options = [f"{name}={value}" for name, value in (("文种", doc_type), ("标题", title)) if value is not None]
    fields = parse_edits([*assignments, *options], clears)
    taxonomy = workspace_taxonomy(ws, taxonomy_name)
    tagged = tag_document(ws, doc_id, fields=fields, add_items=add_items, remove_items=remove_items, req=req,
                        taxonomy=taxonomy)
    data = tagged.to_dict()
    if as_json:
        render.print_json(data)
        return
    origin = {"manual": "手工", "auto": "自动"}
    names = {code: name for t in (workspace_taxonomy(ws), taxonomy)    # the items may be the workspace's
             for code, name in (*((i.code, i.name) for i in t.items), *((c.code, c.name) for c in t.contents()))}
    listed = data.get("items")
    items = [str(code) for code in listed] if isinstance(listed, (list, tuple)) else []
    named = {code: f"{code} {names[code]}" if code in names else code
             for code in (*items, *(e["content"] for e in tagged.evidence))}   # A02 宣传教育, as show says
    shown = {**data, "items": [named[code] for code in items] or None,
             "evidence": "；".join(named[e["content"]] + (f" 第{e['req']}条" if e["req"] else "")
                                  + f"（{origin[e['origin']]}）" for e in tagged.evidence) or None,
             "caption": "；".join(f"{k}：{v}" for k, v in tagged.caption.items()) or None,
             "taken_at": render.local_time(tagged.document.taken_at) or None}
    render.key_values(shown, {**render.FIELD_NAMES, "evidence": "佐证", "caption": "照片说明"})
    for note in tagged.notes:
        render.err.print(f"注意：{render.escape(note)}")
    if clears:
        render.out.print(f"[bold]已清除[/bold]：{render.escape('、'.join(c.strip() for c in clears))}"
                         "（手工清除，自动识别不会再填回）")


COMMANDS = [tag]
