"""The core commands: init, config, ingest, show, stats, check, ocr, reindex (search: search.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from dangan.cli import render
from dangan.cli.common import exit_batch, json_option, workspace
from dangan.errors import ExitCode
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
    # what an office sets once: the unit goes on the dossier's cover and the 纪要, the 全宗号 into every 档号
    unset = [label for label, value in (("unit（单位名称）", ws.settings.unit), ("fonds（全宗号）", ws.settings.fonds))
             if not value]
    if unset:
        render.out.print(render.escape(f"设置：在 {ws.home / 'dangan.toml'} 的 [workspace] 填写 {'、'.join(unset)}"
                                       "，汇编封面、纪要和档号要用；下一步：dangan ingest 文件夹 收录文件。"))


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
                "out": "输出", "fonds": "全宗号", "unit": "编制单位", "ocr": "收录时自动文字识别（OCR）"}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--ocr/--no-ocr", default=None, help="收录后是否立即识别扫描件与照片的文字（文字识别，OCR；默认按 dangan.toml）。")
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
    """统计：文件数、页数、待文字识别、失败、任务等。

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
@click.option("--pending", is_flag=True, help="识别所有待文字识别的文件。")
@click.option("--workers", type=int, help="并行进程数（默认按 dangan.toml，一般为 2）。")
@json_option
@workspace
def ocr(ws: Workspace, doc_ids: tuple[int, ...], pending: bool, workers: int | None, as_json: bool) -> None:
    """文字识别（OCR）：识别扫描件、照片和 Word/演示文稿中图片的文字（离线），然后更新著录项与索引。

    \b
    例：
      dangan ocr --pending
      dangan ocr 12 15
    """
    from dangan.cli.progress import run_ocr

    if not doc_ids and not pending:
        raise click.UsageError("请给出文件编号，或用 --pending 识别全部待文字识别的文件。")
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


COMMANDS = [init, config, ingest, show, stats, check, ocr, reindex]
