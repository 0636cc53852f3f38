"""`dangan tag`: correct a document's elements and evaluation items by hand."""
from __future__ import annotations

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.workspace import Workspace


@click.command()
@click.argument("doc_id", type=int)
@click.option("--item", "add_items", multiple=True, help="加入测评项目（代码，可多次）。")
@click.option("--remove-item", "remove_items", multiple=True, help="移出测评项目。")
@click.option("--type", "doc_type", help="文种，如 通报。")
@click.option("--title", help="标题。")
@click.option("--set", "assignments", multiple=True, help="著录项，如 发文机关=区文明办、成文日期=2022-03-26。")
@json_option
@workspace
def tag(ws: Workspace, doc_id: int, add_items: tuple[str, ...], remove_items: tuple[str, ...],
        doc_type: str | None, title: str | None, assignments: tuple[str, ...], as_json: bool) -> None:
    """手工著录：修改文种、标题、文号等，或调整测评项目；手工值不会被自动识别覆盖。

    \b
    例：
      dangan tag 12 --item A02 --type 通报
      dangan tag 12 --set 发文机关=区创建办 --set 发文字号=区创建办〔2022〕12号
    """
    from dangan.intake.tag import parse_assignments, tag_document

    fields = parse_assignments(assignments)
    fields.update({k: v for k, v in (("doc_type", doc_type), ("title", title)) if v})
    data = tag_document(ws, doc_id, fields=fields, add_items=add_items, remove_items=remove_items)
    render.print_json(data) if as_json else render.key_values(data, render.FIELD_NAMES)


COMMANDS = [tag]
