"""The `dangan` command: parse options, call one library function, print the result."""
from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dangan import render
from dangan.config import init_workspace, open_workspace, resolve_home
from dangan.errors import DanganError, ExitCode

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    """The one place where errors become `错误：…` / `提示：…` and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DanganError as error:
            render.err.print(f"[red]错误：[/red]{render.escape(error.message)}")
            if error.hint:
                render.err.print(f"提示：{render.escape(error.hint)}")
            ctx.exit(int(error.exit_code))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            render.err.print("已中断。")
            ctx.exit(130)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            render.err.print(f"[red]错误：[/red]内部错误（{type(exc).__name__}: {render.escape(str(exc))}）")
            render.err.print("提示：加 --debug 查看详细信息，并把它报告给维护者。")
            ctx.exit(int(ExitCode.INTERNAL))


@click.group(cls=Group, context_settings=CONTEXT)
@click.option("--home", type=click.Path(file_okay=False, path_type=Path),
              help="工作区目录（默认 $DANGAN_HOME 或 ./dangan-data）。")
@click.option("--debug", is_flag=True, help="出错时显示完整的调用栈。")
@click.version_option(package_name="dangan", message="dangan %(version)s")
@click.pass_context
def cli(ctx: click.Context, home: Path | None, debug: bool) -> None:
    """档案（dangan）：收录、检索、编制创建文明城市的文件资料。

    \b
    例：
      dangan init
      dangan ingest ~/收文
      dangan search '"创建办会" type:讲话'
    """
    ctx.ensure_object(dict)
    ctx.obj.update(home=resolve_home(home), debug=debug)
    logging.basicConfig(level=logging.DEBUG if debug else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")


def workspace(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Pass the opened workspace as `ws`."""
    @click.pass_context
    @functools.wraps(fn)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        return ctx.invoke(fn, open_workspace(ctx.obj["home"]), *args, **kwargs)
    return wrapper


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，便于脚本处理。")(fn)


@cli.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """创建工作区（已存在则保持不变）。

    \b
    例：dangan --home /srv/dangan init
    """
    ws = init_workspace(ctx.obj["home"])
    render.out.print(f"工作区已就绪：{ws.home}\n收件箱：{ws.inbox}")


@cli.command()
@json_option
@workspace
def config(ws: Any, as_json: bool) -> None:
    """显示工作区的路径与设置。

    \b
    例：dangan config --json
    """
    data = ws.describe()
    render.print_json(data) if as_json else render.key_values(data)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
@workspace
def ingest(ws: Any, paths: tuple[Path, ...], as_json: bool) -> None:
    """收录文件或文件夹（递归）。源文件只读不改；出错的文件复制到 quarantine/ 并说明原因。

    \b
    例：dangan ingest ~/收文/2022 通知.pdf
    """
    from dangan.cli_progress import run_ingest

    report = run_ingest(ws, list(paths), quiet=as_json)
    data = report.to_dict()
    if as_json:
        render.print_json(data)
    else:
        render.ingest_summary(data)
    sys.exit(int(ExitCode.PARTIAL) if data["failed"] else 0)


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--limit", "-n", default=10, show_default=True, help="最多显示几条。")
@click.option("--offset", default=0, help="跳过前几条（翻页）。")
@click.option("--sort", type=click.Choice(["relevance", "date", "date_asc"]), default="relevance",
              show_default=True, help="按相关度或日期排序。")
@click.option("--type", "doc_type", help="文种，如 通报。")
@click.option("--issuer", help="发文机关，如 区文明办。")
@click.option("--number", "doc_number", help="发文字号，如 〔2022〕12号。")
@click.option("--item", "items", multiple=True, help="测评项目代码，可多次给出。")
@click.option("--from", "date_from", help="成文日期起，如 2022-01-01。")
@click.option("--to", "date_to", help="成文日期止，如 2022-12-31。")
@click.option("--facets", is_flag=True, help="同时统计文种、年份、发文机关、测评项目。")
@json_option
@workspace
def search(ws: Any, query: tuple[str, ...], limit: int, offset: int, sort: str, facets: bool,
           as_json: bool, **filters: Any) -> None:
    """检索：引号内为原文片段，不加引号为词语；可用 type: issuer: number: date: 等字段。

    \b
    例：
      dangan search '"算力等方面与经"'
      dangan search 生活垃圾 分类 --type 通知 --from 2022-01-01
      dangan search 'type:通报 date:2022-03 number:"〔2022〕12"'
    """
    from dangan.index.search import search as run_search

    result = run_search(ws, " ".join(query), limit=limit, offset=offset, sort=sort,
                        facets=facets, **filters).to_dict()
    render.print_json(result) if as_json else render.search_table(result)


@cli.command()
@click.argument("doc_id", type=int)
@json_option
@workspace
def show(ws: Any, doc_id: int, as_json: bool) -> None:
    """显示一件文件的全部著录项、来源路径和正文。

    \b
    例：dangan show 12 --json
    """
    from dangan.archive.describe import describe

    data = describe(ws, doc_id)
    render.print_json(data) if as_json else render.document(data)


@cli.command()
@json_option
@workspace
def stats(ws: Any, as_json: bool) -> None:
    """统计：文件数、页数、待 OCR、失败、任务等。

    \b
    例：dangan stats --json
    """
    from dangan.index.maintain import stats as collect

    data = collect(ws)
    render.print_json(data) if as_json else render.key_values(data, render.STAT_NAMES)


@cli.command()
@json_option
@workspace
def check(ws: Any, as_json: bool) -> None:
    """核对：原件是否齐全、校验值是否相符、目录与索引是否一致。发现问题时退出码为 1。

    \b
    例：dangan check --json
    """
    from dangan.index.maintain import check as run_check

    data = run_check(ws)
    render.print_json(data) if as_json else render.check_report(data)
    sys.exit(0 if data["ok"] else int(ExitCode.PROBLEMS))


@cli.command()
@click.option("--backend", type=click.Choice(["whoosh", "tantivy"]),
              help="切换索引后端（在旁边重建，完成后替换）。")
@workspace
def reindex(ws: Any, backend: str | None) -> None:
    """由目录重建索引（分批提交，显示进度）。

    \b
    例：dangan reindex
    """
    from dangan.cli_progress import run_reindex

    count = run_reindex(ws, backend)
    render.out.print(f"已重建索引：{count} 件。")


def main() -> None:
    cli(prog_name="dangan")


if __name__ == "__main__":  # pragma: no cover
    main()
