"""`dangan search`: apart from the other core commands (basic.py), so that they do not import the index
and its query parser to declare its options."""
from __future__ import annotations

from typing import Any

import click

from dangan.cli import render, render_search
from dangan.cli.common import QueryCommand, json_option, workspace
from dangan.index.base import Sort
from dangan.index.search import MAX_LIMIT, MAX_OFFSET
from dangan.workspace import Workspace


@click.command(cls=QueryCommand, short_help="检索：引号内为原文片段，不加引号为词语；-词 排除，OR 表示或；"
                                           "可用 type: issuer: number: date: 等字段。")
@click.argument("query", nargs=-1)
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1, MAX_LIMIT),
              help="最多显示几条。")
@click.option("--offset", default=0, type=click.IntRange(0, MAX_OFFSET), help="跳过前几条（翻页）。")
@click.option("--sort", type=click.Choice(["relevance", "date", "date_asc"]), default="relevance",
              show_default=True, help="按相关度或日期排序。")
@click.option("--type", "doc_type", help="文种，如 通报。")
@click.option("--issuer", help="发文机关，如 区文明办（简称与全称互通：文明办 也找 …精神文明建设委员会办公室）。")
@click.option("--number", "doc_number", help="发文字号，如 〔2022〕12号。")
@click.option("--item", "items", multiple=True, help="测评项目或测评内容代码，可多次给出。")
@click.option("--taxonomy", "taxonomy_name", metavar="体系",
              help="--item 按此测评体系的佐证归属筛选（如 national-2015）。")
@click.option("--from", "date_from", help="成文日期起，如 2022-01-01。")
@click.option("--to", "date_to", help="成文日期止，如 2022-12-31。")
@click.option("--facets", is_flag=True, help="同时统计文种、年份、发文机关、测评项目。")
@json_option
@workspace
def search(ws: Workspace, query: tuple[str, ...], limit: int, offset: int, sort: Sort, facets: bool,
           taxonomy_name: str | None, as_json: bool, **filters: Any) -> None:
    """检索：引号内为原文片段（数字、字母和 . % 、 （ ） 〔 〕 - 照原样），不加引号为词语；
    -词 排除，OR 表示或；可用 type: issuer: number: date: 等字段。
    词语和片段除正文外，也在标题、文件名、发文机关和文号中查找（如印章上的发文机关）。
    不加引号的词语也按另一种常见写法查找：1982 也找 一九八二年，14届 也找 十四届，
    余府发2012 3号 也找 余府发〔2012〕3号，市政府办 也找 市人民政府办公室，年报 也找 年度报告；
    检索式中的年份和文种只把该年、该文种的文件排在前面，不作筛选（筛选用 year: type:）。
    没有文件含全部检索词时，改找含大部分检索词的文件，并注明“部分符合”及每件未含的词
    （--json 中为 relaxed 与各条的 missing）；排除词和筛选条件始终有效。

    \b
    例：
      dangan search 国务院 1982 政府工作报告
      dangan search '"算力等方面与经"'
      dangan search '"5.3万亿元"' '"PM2.5"'
      dangan search 经济 -农业
      dangan search 垃圾分类 OR 厨余垃圾 --type 通知 --from 2022-01-01
      dangan search 'type:通报 date:2022-03 number:"〔2022〕12"'
      dangan search 环境保护 --taxonomy national-2015 --item Ⅲ-77
    """
    from dangan.index.search import search as run_search
    from dangan.read.understand.taxonomy import workspace_taxonomy

    taxonomy = workspace_taxonomy(ws, taxonomy_name) if taxonomy_name else None
    result = run_search(ws, " ".join(query), limit=limit, offset=offset, sort=sort,
                        facets=facets, taxonomy=taxonomy, allow_empty=False, **filters).to_dict()
    if as_json:
        render.print_json(result)
        return
    from dangan.cli.search_hints import after_search, item_names

    render_search.search_table(result, item_names(ws) if facets else None)
    after_search(ws, result, filters, query)


COMMANDS = [search]
