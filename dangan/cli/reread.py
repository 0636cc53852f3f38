"""`dangan reread`: read archived originals again with today's reader."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from dangan.cli import render
from dangan.cli.common import DayOrTime, exit_batch, json_option, workspace
from dangan.workspace import Workspace

SHOWN = 30   # changed documents listed after a real run (a dry run lists them all)


@click.command()
@click.argument("doc_ids", nargs=-1, type=int)
@click.option("--year", type=int, help="只重新识别成文日期在该年的文件。")
@click.option("--since", type=DayOrTime(), help="只重新识别该日（含）以后收录的文件，如 2026-01-01。")
@click.option("--older", is_flag=True, help="只重新识别由较早版本的读取程序识别的文件（升级后、或接着中断的一次）。")
@click.option("--dry-run", is_flag=True, help="只列出会有的变化，不保存。")
@click.option("--ocr", is_flag=True, help="扫描件和照片也重新识别文字（文字识别，OCR；较慢；默认沿用已识别的文字）。")
@json_option
@workspace
def reread(ws: Workspace, doc_ids: tuple[int, ...], year: int | None, since: datetime | None, older: bool,
           dry_run: bool, ocr: bool, as_json: bool) -> None:
    """重新识别：用当前的读取程序重读已归档的原件，更新自动识别的著录项、页数、正文、电子签章和读取提示。

    不给编号时重读全部文件。标题、发文字号、发文机关、成文日期、文种等自动识别的值按新的读取结果更新；
    新的读取程序读不出的旧值（如早先误读的发文机关）清除，旧值记入审计（dangan audit），可用 dangan tag 恢复。

    手工著录（及收件箱默认、导入）的值、已编的档号及其成文日期不变。扫描件和照片沿用已识别的文字，加 --ocr 重新识别。

    较早收录、附件尚未取出的 OFD 或 PDF 文件，其附件各自收录（归档时与其正文为一件）。

    \b
    例：
      dangan reread --dry-run
      dangan reread
      dangan reread --older
      dangan reread 12 15
      dangan reread --year 2022 --json
    """
    from dangan.cli.progress import run_reread
    from dangan.intake.reread_summary import summary

    stamp = since.astimezone().isoformat(timespec="seconds") if since else None
    outcomes = run_reread(ws, list(doc_ids) or None, year=year, since=stamp, older=older, dry_run=dry_run,
                          ocr=ocr, quiet=as_json)
    if as_json:
        render.print_json({"dry_run": dry_run, "documents": outcomes, "summary": summary(outcomes)})
    else:
        print_report(outcomes, dry_run)
    exit_batch(any(o["error"] or o["refused"] for o in outcomes))


def print_report(outcomes: list[dict[str, Any]], dry_run: bool) -> None:
    from dangan.archive.audit_words import value_text
    from dangan.intake.reread_summary import NAMES, ORDER, summary, summary_text

    if not outcomes:
        render.out.print("没有要重新识别的文件。")
        return
    head = "预演（未保存）：" if dry_run else ""
    render.out.print(render.escape(head + summary_text(summary(outcomes))))
    changed = [o for o in outcomes if o["changes"]]
    for o in changed if dry_run else changed[:SHOWN]:
        parts = [f"{NAMES[c['field']]}：{value_text(c['before'])} → {value_text(c['after'])}"
                 for c in sorted(o["changes"], key=lambda c: ORDER.index(c["field"]))]
        render.out.print(render.escape(f"  文件 {o['document_id']}《{o['name']}》：" + "；".join(parts)))
    if not dry_run and len(changed) > SHOWN:
        render.out.print(f"  另有 {len(changed) - SHOWN} 件有变化，用 --json 或 dangan audit 查看。")
    kept = [o for o in outcomes if o["kept"]]
    if kept:
        render.out.print(f"手工著录或收件箱默认的值保留不变 {len(kept)} 件（读取结果与之不同）：" + "；".join(
            f"文件 {o['document_id']} " + "、".join(NAMES[k] for k in o["kept"]) for o in kept[:SHOWN]))
    held = [o for o in outcomes if o["held"]]
    if held:
        render.out.print(render.escape(f"已编档号的文件保留原成文日期 {len(held)} 件（档号按它编定；确需更正请用 dangan tag）：" + "；".join(
            f"文件 {o['document_id']} " + "、".join(f"{NAMES[c['field']]} {value_text(c['before'])}（读作 {value_text(c['after'])}）"
                                                   for c in o["held"]) for o in held[:SHOWN])))
    for o in outcomes:
        for refused in o.get("refused", ()):
            render.out.print(render.escape(f"已隔离：文件 {o['document_id']}《{o['name']}》{refused}"))
        if o["error"]:
            render.out.print(render.escape(f"读取失败，原有著录项保留：文件 {o['document_id']}《{o['name']}》：{o['error']}"))
        elif o["skipped"]:
            render.out.print(render.escape(f"未重新识别：文件 {o['document_id']}《{o['name']}》：{o['skipped']}"))
    if dry_run and changed:
        render.out.print("去掉 --dry-run 即保存这些变化。")


COMMANDS = (reread,)
