"""`dangan variants --join A B [--keep A] [--dry-run]`: what a clerk's merge of two documents moved, or why not."""
from __future__ import annotations

from typing import Any

from dangan.cli import render
from dangan.cli.render import escape, out
from dangan.errors import ExitCode, SameTextMergeConflict
from dangan.workspace import Workspace


def merge(ws: Workspace, ids: tuple[int, int], keep: int | None, *, dry_run: bool, as_json: bool) -> None:
    from dangan.cli.progress import waiting
    from dangan.ops.same_text_merge import join_pair

    data = join_pair(ws, *ids, keep=keep, dry_run=dry_run, on_wait=waiting)
    if as_json:
        render.print_json(data)
        if data["conflicts"]:
            raise SystemExit(int(ExitCode.USAGE))
        return
    if data["conflicts"] and not dry_run:
        raise SameTextMergeConflict(other=data["other"]["id"], keep=data["keep"]["id"],
                                    detail="；".join(data["conflicts"]))
    _said(data)


def _said(data: dict[str, Any]) -> None:
    from dangan.archive.variants_merge import moved_lines

    keep, other = data["keep"], data["other"]
    kept = f"{keep['id']} 件《{escape(keep['title'])}》"
    folded = f"{other['id']} 件《{escape(other['title'])}》"
    moved = moved_lines(data["moved"])
    if data["conflicts"]:
        out.print(f"预演：第 {folded}不能并入第 {kept}，冲突 {len(data['conflicts'])} 处（合并会丢掉有人做过的处理）：")
        for line in data["conflicts"]:
            out.print(f"  {escape(line)}")
        out.print("先用 dangan tag 改正其中一件，或改为保留另一件（--keep）；两件确应分开保存的，用 dangan variants "
                  f"--dismiss {other['id']} {keep['id']} 标明。")
        raise SystemExit(int(ExitCode.USAGE))
    verb = "将" if data["dry_run"] else "已"
    out.print(f"{verb}合并：第 {folded}{'将成为' if data['dry_run'] else '成为'}第 {kept}的同文异版"
              "（两件原件都保留，检索只计一次）。")
    if moved:
        out.print(f"{verb}移交到第 {keep['id']} 件：")
        for line in moved:
            out.print(f"  {escape(line)}")
    else:
        out.print(f"第 {other['id']} 件没有需要移交的处理。")
    if data["dry_run"]:
        out.print("这是预演，未作改动；去掉 --dry-run 执行。")
