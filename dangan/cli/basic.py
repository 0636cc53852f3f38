"""The core commands: init, config, ingest, search, show, stats, check, ocr, reindex."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from dangan.cli import render, render_search
from dangan.cli.common import QueryCommand, exit_batch, json_option, workspace
from dangan.errors import ExitCode
from dangan.index.base import Sort
from dangan.index.search import MAX_LIMIT, MAX_OFFSET
from dangan.workspace import Workspace, init_workspace


@click.command()
@click.option("--database", metavar="URL",
              help="多台机器共用的 PostgreSQL 检索库，如 postgresql://用户@主机/库（也可用 DANGAN_DATABASE_URL）。")
@click.option("--schema", default="dangan", show_default=True, help="检索库中本档案所用的 schema 名。")
@click.pass_context
def init(ctx: click.Context, database: str | None, schema: str) -> None:
    """创建工作区（已存在则保持不变）。

    \b
    例：
      dangan --home /srv/dangan init
      dangan --home /srv/dangan init --database postgresql://dangan@db.local/dangan
    """
    from dangan.index.maintain import use_database

    ws = init_workspace(ctx.obj["home"])
    if database:
        ws = use_database(ws, database, schema)
    render.out.print(f"工作区已就绪：{ws.home}\n收件箱：{ws.inbox}")
    if database:
        render.out.print(f"检索库：PostgreSQL（schema {schema}）")


@click.command()
@json_option
@workspace
def config(ws: Workspace, as_json: bool) -> None:
    """显示工作区的路径与设置。

    \b
    例：dangan config --json
    """
    data = ws.describe()
    if as_json:
        render.print_json(data)
        return
    unset = "（未设置，见 dangan.toml）"
    render.key_values({**data, "fonds": data["fonds"] or unset, "unit": data["unit"] or unset}, CONFIG_NAMES)


CONFIG_NAMES = {"home": "工作区", "inbox": "收件箱", "inboxes": "全部收件箱", "catalog": "目录库", "index": "索引",
                "index_backend": "索引后端", "originals": "原件", "quarantine": "隔离区（出错的文件）",
                "out": "输出", "fonds": "全宗号", "unit": "编制单位", "ocr": "收录时自动 OCR"}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--ocr/--no-ocr", default=None, help="收录后是否立即 OCR 扫描件与照片（默认按 dangan.toml）。")
@click.option("--quiet", "-q", is_flag=True,
              help="不显示进度。进度写到 stderr：终端上是进度条；管道、定时任务或 CI 中每 5 秒一行"
                   "（文件数、页数、速度、预计剩余时间）。")
@json_option
@workspace
def ingest(ws: Workspace, paths: tuple[Path, ...], ocr: bool | None, quiet: bool, as_json: bool) -> None:
    """收录文件或文件夹（递归）。源文件只读不改；出错的文件复制到 quarantine/ 并说明原因。

    \b
    例：dangan ingest ~/收文/2022 通知.pdf
        dangan ingest /data/收文 2>> 收录进度.log   # 无终端时每 5 秒一行进度
    """
    from dangan.cli.progress import run_ingest

    report = run_ingest(ws, list(paths), quiet=quiet or as_json, ocr=ocr)
    data = report.to_dict()
    if as_json:
        render.print_json(data)
    else:
        render.ingest_summary(data)
    exit_batch(data["failed"] or data["busy"])


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

    \b
    例：
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


@click.command()
@click.argument("doc_id", type=int)
@json_option
@workspace
def show(ws: Workspace, doc_id: int, as_json: bool) -> None:
    """显示一件文件的全部著录项、来源路径和正文。

    \b
    例：dangan show 12 --json
    """
    from dangan.archive.catalog import Catalog
    from dangan.archive.describe import describe
    from dangan.ops.same_text import pairs_of

    data = describe(ws, doc_id)
    with Catalog(ws.catalog_path) as catalog:   # documents of its text still catalogued apart
        data["same_text_candidates"] = pairs_of(catalog, doc_id)
    render.print_json(data) if as_json else render.document(data)


@click.command()
@json_option
@workspace
def stats(ws: Workspace, as_json: bool) -> None:
    """统计：文件数、页数、待 OCR、失败、任务等。

    \b
    例：dangan stats --json
    """
    from dangan.ops.check import stats as collect

    data = collect(ws)
    render.print_json(data) if as_json else render.stats_lines(data)


@click.command()
@json_option
@workspace
def check(ws: Workspace, as_json: bool) -> None:
    """核对：原件是否齐全、校验值是否相符、目录与索引是否一致。发现问题时退出码为 1。

    \b
    例：dangan check --json
    """
    from dangan.ops.check import check as run_check
    from dangan.ops.check import keep_result

    data = run_check(ws)
    try:
        keep_result(ws, data)   # the desk's 状态 page shows it as 上次核对
    except OSError:
        pass   # a read-only logs/ folder: the check itself stands
    render.print_json(data) if as_json else render.check_report(data)
    sys.exit(0 if data["ok"] else int(ExitCode.PROBLEMS))


@click.command()
@click.argument("doc_ids", nargs=-1, type=int)
@click.option("--pending", is_flag=True, help="识别所有待 OCR 的文件。")
@click.option("--workers", type=int, help="并行进程数（默认按 dangan.toml，一般为 2）。")
@json_option
@workspace
def ocr(ws: Workspace, doc_ids: tuple[int, ...], pending: bool, workers: int | None, as_json: bool) -> None:
    """OCR：识别扫描件、照片和 Word/演示文稿中图片的文字（离线），然后更新著录项与索引。

    \b
    例：
      dangan ocr --pending
      dangan ocr 12 15
    """
    from dangan.cli.progress import run_ocr

    if not doc_ids and not pending:
        raise click.UsageError("请给出文件编号，或用 --pending 识别全部待 OCR 的文件。")
    outcomes = run_ocr(ws, list(doc_ids) or None, workers, quiet=as_json)
    render.print_json({"documents": outcomes}) if as_json else render.ocr_summary(outcomes)
    exit_batch(any(o["error"] for o in outcomes))


@click.command()
@click.option("--backend", type=click.Choice(["whoosh", "tantivy", "postgres"]),
              help="切换索引后端（在旁边重建，完成后替换）。")
@json_option
@workspace
def reindex(ws: Workspace, backend: str | None, as_json: bool) -> None:
    """由目录重建索引（分批提交，显示进度）。

    \b
    例：
      dangan reindex
      dangan reindex --backend tantivy --json
    """
    from dangan.cli.progress import run_reindex

    count = run_reindex(ws, backend, quiet=as_json)
    if as_json:
        render.print_json({"indexed": count, "backend": backend or ws.settings.index_backend})
        return
    render.out.print(f"已重建索引：{count} 件。")


COMMANDS = [init, config, ingest, search, show, stats, check, ocr, reindex]
