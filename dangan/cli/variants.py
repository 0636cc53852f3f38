"""`dangan variants`: documents of one text catalogued apart (同文异版候选), listed and folded into one."""
from __future__ import annotations

from typing import Any

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.cli.render import escape, out
from dangan.workspace import Workspace


@click.command()
@click.argument("ids", nargs=-1, type=int, metavar="[编号 编号]")
@click.option("--join", "join_them", is_flag=True,
              help="把每对候选合并为一件：没人处理过的一件成为另一件的同文异版。给出两个编号时只合并这两件，"
                   "另一件的处理（测评项目、佐证、任务、纪要、下发、报送、手工著录）移到保留的一件上，有冲突则不合并并逐条列出。")
@click.option("--keep", type=int, default=None, metavar="编号",
              help="与 --join 编号 编号 同用：保留哪一件（两件都有人处理过时必须指明）。")
@click.option("--dry-run", is_flag=True, help="与 --join 同用：只列出会合并、会移交的，不改动。")
@click.option("--dismiss", type=(int, int), default=None, metavar="编号 编号",
              help="标明两件不是同一文件（如决议与其修订稿），或两件都有人处理过、有意分开保存：此后不再作为候选提出，也不会合并。")
@click.option("--undismiss", type=(int, int), default=None, metavar="编号 编号", help="撤销 --dismiss 的标记。")
@json_option
@workspace
def variants(ws: Workspace, ids: tuple[int, ...], join_them: bool, keep: int | None, dry_run: bool,
             dismiss: tuple[int, int] | None, undismiss: tuple[int, int] | None, as_json: bool) -> None:
    """同文异版候选：正文相同却分别收录的文件（如繁体或 Big5 副本在升级前单独收录），列出或合并。

    合并时保留有人处理过的一件（已编档号、手工著录过、或关联了测评项目、任务、纪要、下发或报送），
    都没有则保留先收录的一件；另一件的原件作为它的同文异版保存（原件不删，来源一并列出），并从检索中去除，
    每次合并记入审计。两件都有人处理过的不自动合并，列出原因：核对后用 --join 编号 编号 --keep 编号
    指定保留的一件，另一件的处理移到它上面（测评项目和佐证取并集，任务、纪要、下发、报送改挂到保留的一件，
    手工著录在保留的一件没有时移过去）；两件手工著录不同等冲突时不合并，逐条列出。
    正文看似相同却不是同一文件的（如决议与其修订稿），用 --dismiss 标明，此后不再提出，记入审计。

    \b
    例：
      dangan variants
      dangan variants --join --dry-run
      dangan variants --join --json
      dangan variants --join 12 15 --keep 12 --dry-run
      dangan variants --dismiss 12 15
    """
    if dry_run and not join_them:
        raise click.UsageError("--dry-run 需与 --join 同用：不加 --join 时本来就只列出候选。")
    if ids and (not join_them or len(ids) != 2):
        raise click.UsageError("编号只用于 --join，且须是两个：dangan variants --join 12 15 --keep 12。")
    if keep is not None and not ids:
        raise click.UsageError("--keep 需与 --join 编号 编号 同用：dangan variants --join 12 15 --keep 12。")
    if sum(map(bool, (join_them, dismiss, undismiss))) > 1:
        raise click.UsageError("--join、--dismiss 和 --undismiss 每次只能用一个。")
    if dismiss or undismiss:
        _dismiss(ws, dismiss or undismiss, undo=not dismiss, as_json=as_json)   # type: ignore[arg-type]
        return
    if ids:
        from dangan.cli.variants_merge import merge

        merge(ws, (ids[0], ids[1]), keep, dry_run=dry_run, as_json=as_json)
        return
    if join_them:
        from dangan.cli.progress import run_join

        data = run_join(ws, dry_run, quiet=as_json)
        render.print_json(data) if as_json else _joined(data)
        return
    from dangan.archive.catalog import Catalog
    from dangan.archive.variants_merge import moved_lines, plan_merge
    from dangan.ops.same_text import candidates, dismissed, pair_count

    with Catalog(ws.catalog_path) as catalog:
        groups, apart = candidates(catalog), dismissed(catalog)
        for group in groups:   # a pair both worked on: what a clerk's merge keeping the one proposed would do
            for other in group["others"]:
                if other["kept_apart"]:
                    plan = plan_merge(catalog, other["id"], group["keep"]["id"])
                    other["merge"] = {"keep": plan.keep, "moved": plan.moved, "conflicts": list(plan.conflicts)}
    if as_json:
        render.print_json({"pairs": pair_count(groups), "candidates": groups, "dismissed": apart})
        return
    _apart(apart)
    if not groups:
        out.print("没有同文异版候选：正文相同的文件都已是一件。")
        return
    out.print(f"同文异版候选 {pair_count(groups)} 对：")
    both = None
    for group in groups:
        kept = group["keep"]
        for other in group["others"]:
            why = f"（不自动合并：{escape(other['kept_apart'])}）" if other["kept_apart"] else ""
            if other["kept_apart"] and both is None:
                both = (other["id"], kept["id"])
            out.print(f"  {other['id']}《{escape(other['title'])}》→ 并入 {kept['id']}《{escape(kept['title'])}》{why}")
            if planned := other.get("merge"):
                conflicts, moved = "；".join(planned["conflicts"]), "；".join(moved_lines(planned["moved"]))
                said = (f"合并有冲突，不能合并：{conflicts}" if conflicts else
                        f"合并时移交：{moved}" if moved else "合并时没有需要移交的处理")
                out.print(f"    保留第 {kept['id']} 件{escape(said)}")
    out.print("运行 dangan variants --join 合并（先加 --dry-run 查看）；不是同一文件的，用 dangan variants --dismiss 编号 编号 标明。")
    if both:
        out.print(f"两件都有人处理过的，核对后指定保留哪一件：dangan variants --join {both[0]} {both[1]} --keep {both[1]} "
                  "--dry-run（另一件的处理移到保留的一件上，有冲突时逐条列出、不合并）。")


def _apart(apart: list[dict[str, Any]]) -> None:
    if apart:
        out.print(f"已标为不是同一文件 {len(apart)} 对（不再提出；撤销用 --undismiss）：")
    for pair in apart:
        a, b = pair["documents"]
        out.print(f"  {a['id']}《{escape(a['title'])}》与 {b['id']}《{escape(b['title'])}》")


def _dismiss(ws: Workspace, pair: tuple[int, int], *, undo: bool, as_json: bool) -> None:
    from dangan.archive.catalog import Catalog
    from dangan.ops.same_text import dismiss

    with Catalog(ws.catalog_path) as catalog:
        data = dismiss(catalog, *pair, undo=undo)
    if as_json:
        render.print_json(data)
        return
    a, b = data["documents"]
    named = f"{a['id']}《{escape(a['title'])}》与 {b['id']}《{escape(b['title'])}》"
    if undo:
        out.print(f"已撤销：{named}不再标为不是同一文件，正文相同时会再作为同文异版候选提出。" if data["changed"]
                  else f"{named}本未标为不是同一文件，未改动。")
    elif data["changed"]:
        out.print(f"已标明{named}不是同一文件：此后核对和合并不再提出这一对（撤销：dangan variants --undismiss "
                  f"{a['id']} {b['id']}）。")
    else:
        out.print(f"{named}已标为不是同一文件，未改动。")


def _joined(data: dict[str, Any]) -> None:
    verb = "将合并" if data["dry_run"] else "已合并"
    if not data["folded"] and not data["kept_apart"]:
        out.print("没有同文异版候选：正文相同的文件都已是一件。")
        return
    if data["folded"]:
        out.print(f"{verb} {len(data['folded'])} 件（原件作为同文异版保留，检索只计一次）：")
    else:
        out.print("没有可自动合并的候选。")
    for row in data["folded"]:
        out.print(f"  {row['id']}《{escape(row['title'])}》→ {row['into']}《{escape(row['into_title'])}》")
    if data["kept_apart"]:
        out.print(f"未合并 {len(data['kept_apart'])} 件，请人工处理：")
        for row in data["kept_apart"]:
            out.print(f"  {row['id']}《{escape(row['title'])}》与 {row['into']}：{escape(row['kept_apart'])}")
        row = data["kept_apart"][0]
        # Folding every pair at once moves bytes and sources only: moving a clerk's work needs the clerk to say
        # which one stays, one pair at a time (variants_merge names what would move and each conflict)
        out.print(f"  两件都有人处理过的，核对后指定保留哪一件：dangan variants --join {row['id']} {row['into']} "
                  f"--keep {row['into']}（先加 --dry-run 查看会移交什么；另一件的处理移到保留的一件上）；确应分开保存的，用 "
                  f"dangan variants --dismiss {row['id']} {row['into']} 标明，此后不再提出。")
    if data["dry_run"]:
        out.print("这是预演，未作改动；去掉 --dry-run 执行。")


COMMANDS = [variants]
