"""`dangan watch`: collect the inbox folders continuously (or once, for cron)."""
from __future__ import annotations

import click

from dangan.cli import render
from dangan.cli.common import exit_batch, json_option, workspace
from dangan.fields import WATCH_LABELS
from dangan.workspace import Workspace

REPORT_NAMES = WATCH_LABELS


@click.command()
@click.option("--once", is_flag=True, help="处理收件箱中现有的文件后退出（供 cron 与测试使用）；与 ingest 一样，有文件失败（已隔离）时退出码为 2。")
@click.option("--poll", type=click.FloatRange(min=0.1), metavar="SECONDS",
              help="改用轮询，每 SECONDS 秒查看一次（用于网络共享文件夹）。")
@json_option
@workspace
def watch(ws: Workspace, once: bool, poll: float | None, as_json: bool) -> None:
    """监视收件箱：文件写完且稳定后自动收录，收录后从收件箱移除；失败的移入 quarantine/ 并说明原因。

    按 Ctrl-C 或发送 SIGTERM 时，处理完当前文件再退出。日志写入工作区的 logs/。

    \b
    例：
      dangan watch
      dangan watch --poll 5         # 网络共享文件夹
      dangan watch --once --json    # cron：处理现有文件后退出
    """
    from dangan.intake.watch import run_watch

    report = run_watch(ws, once=once, poll=poll)
    render.print_json(report.to_dict()) if as_json else render.key_values(report.counts(), REPORT_NAMES)
    if once:   # a live watcher stopped by a signal ends 0: its failures are in the log
        exit_batch(report.failed)


COMMANDS = [watch]
