"""`dangan review …`: the office's side of 报送 → 审核 → 归档 (units hand in on the web desk)."""
from __future__ import annotations

from collections.abc import Callable

import click

from dangan.archive import review as queue
from dangan.archive.catalog import Catalog
from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.workspace import Workspace


@click.group("review")
def review() -> None:
    """审核各单位报送的材料：接收归档、退回（写明原因）或不予采用。

    \b
    例：
      dangan review list
      dangan review accept 12
      dangan review return 13 --reason "照片缺少时间地点说明，请补充后重报"
    """


@review.command("list")
@click.option("--state", type=click.Choice([*queue.STATES, "all"]), default="pending", show_default=True,
              help="只列出此状态：pending 待审核、accepted 已归档、returned 已退回、rejected 不予采用。")
@click.option("--unit", help="只列出此单位的报送。")
@json_option
@workspace
def review_list(ws: Workspace, state: str, unit: str | None, as_json: bool) -> None:
    """列出报送材料（默认待审核的）。

    \b
    例：
      dangan review list --state all --json
    """
    with Catalog(ws.catalog_path) as catalog:
        rows = queue.listing(catalog, state=None if state == "all" else state, unit=unit)
    if as_json:
        render.print_json({"submissions": rows})
        return
    if not rows:
        render.out.print("没有符合条件的报送材料。")
        return
    _table(rows)
    if any(s["state"] == "pending" for s in rows):
        render.out.print("接收：dangan review accept 编号；退回：dangan review return 编号 --reason \"原因\"。")


def _table(rows: list[dict]) -> None:
    """A table with its header, as tasks are listed (it was tab-separated columns with no names)."""
    from rich.table import Table

    table = Table(title=f"报送材料（{len(rows)} 件）")
    for name in ("编号", "状态", "单位（报送人）", "文件", "测评内容/任务", "报送时间", "说明/审核意见"):
        table.add_column(name, overflow="fold", no_wrap=name in ("编号", "状态", "报送时间"))
    for s in rows:
        target = " ".join(filter(None, [s["item_code"], f"任务 {s['task_id']}" if s["task_id"] else None]))
        remark = "；".join(filter(None, [s.get("note"), s.get("reason"),
                                        f"已收录为文件 {s['document_id']}" if s.get("document_id") else None]))
        table.add_row(str(s["id"]), s["state_name"], render.escape(f"{s['unit']}（{s['user']}）"),
                      render.escape(s["original_name"]), render.escape(target),
                      render.local_time(s["submitted_at"], False), render.escape(remark))
    render.out.print(table)


@review.command("accept")
@click.argument("numbers", type=int, nargs=-1, required=True)
@click.option("--ocr/--no-ocr", default=None, help="接收后是否立即识别其中照片与扫描件的文字（文字识别，OCR；默认按 dangan.toml）。")
@json_option
@workspace
def review_accept(ws: Workspace, numbers: tuple[int, ...], ocr: bool | None, as_json: bool) -> None:
    """接收归档：收录文件、挂到所报的测评内容和申报要求下，并向该单位公开；照片与扫描件随即识别文字。

    \b
    例：
      dangan review accept 12
      dangan review accept 12 13 14 15     # 一个单位同一次报送的几张照片
    """
    from dangan.cli.common import exit_batch
    from dangan.cli.progress import run_ocr
    from dangan.errors import DanganError
    from dangan.intake import review as flow  # here: it loads the whole ingest
    from dangan.intake.ocr_stage import pending_ids

    accepted, failed = [], []
    for number in dict.fromkeys(numbers):
        try:
            item = flow.accept(ws, number)
        except DanganError as exc:
            if len(numbers) == 1:
                raise
            failed.append({"id": number, "error": exc.code, "message": exc.message})
            if not as_json:
                render.out.print(f"[red]未接收[/red] 报送材料 {number}：{render.escape(exc.message)}")
            continue
        accepted.append(item)
        if not as_json:
            render.out.print(f"已归档：报送材料 {number} 收录为文件 {item['document_id']}"
                             f"{'，挂在 ' + item['item_code'] + ' 下' if item['item_code'] else ''}。")
    with Catalog(ws.catalog_path) as catalog:
        waiting = set(pending_ids(catalog))
    scans = [i["document_id"] for i in accepted if i["document_id"] in waiting]
    outcomes = run_ocr(ws, scans, None, quiet=as_json) if scans and (ws.settings.ocr_enabled if ocr is None else ocr) \
        else []
    if as_json:
        render.print_json(dict(accepted[0], ocr=outcomes) if len(numbers) == 1 else
                          {"accepted": accepted, "failed": failed, "ocr": outcomes})
    elif outcomes:
        render.ocr_summary(outcomes)
    elif scans:
        render.out.print(f"其中 {len(scans)} 件是照片或扫描件，尚未识别文字：dangan ocr {' '.join(map(str, scans))}")
    if failed:
        exit_batch(failed)


def _send_back(reject: bool) -> Callable[..., None]:
    @click.argument("number", type=int)
    @click.option("--reason", required=True, help="原因（单位在报送页面看到）。")
    @json_option
    @workspace
    def command(ws: Workspace, number: int, reason: str, as_json: bool) -> None:
        from dangan.intake import review as flow

        item = flow.send_back(ws, number, reason, reject=reject)
        if as_json:
            render.print_json(item)
        else:
            render.out.print(f"报送材料 {number} {item['state_name']}：{render.escape(reason)}")
    return command


review.command("return", help="退回报送材料并写明原因，单位修改后重新报送。\n\n\b\n例：\n  dangan review return 13 --reason \"缺少盖章页\"")(_send_back(False))
review.command("reject", help="不予采用（写明原因）。\n\n\b\n例：\n  dangan review reject 14 --reason \"与测评内容无关\"")(_send_back(True))

COMMANDS = [review]
