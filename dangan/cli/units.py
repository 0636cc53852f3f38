"""`dangan units …`: the workspace's list of 责任单位 (tasks, accounts, the 缺项清单 by unit)."""
from __future__ import annotations

from pathlib import Path

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.workspace import Workspace


@click.group("units")
def units() -> None:
    """单位名单：列出责任单位，或从本单位的名单导入（任务、账号和按单位的缺项清单都按名单认单位）。

    \b
    例：
      dangan units list
      dangan units import departments.json
    """


@units.command("list")
@json_option
@workspace
def units_list(ws: Workspace, as_json: bool) -> None:
    """列出单位名单（工作区的 units.toml，没有时为内置名单）。

    \b
    例：dangan units list --json
    """
    from dangan.read.understand.units import load_units

    listed = load_units(ws.home)
    rows = [{"name": u.name, "aliases": list(u.aliases), "level": u.level, "parent": u.parent} for u in listed.units]
    if as_json:
        render.print_json({"source": listed.source, "units": rows})
        return
    by_level: dict[str, list[str]] = {}
    for unit in listed.units:
        by_level.setdefault(unit.level or "未分级", []).append(unit.name)
    for level, names in by_level.items():
        render.out.print(f"[bold]{render.escape(level)}[/bold]（{len(names)}）：{render.escape('、'.join(names))}")
    render.out.print(f"共 {len(rows)} 个单位；名单：{render.escape(listed.source)}")


@units.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@workspace
def units_import(ws: Workspace, source: Path, as_json: bool) -> None:
    """导入本单位的单位名单（departments.json 那样的 JSON，或每行一个名称的文本），加入名单中还没有的单位。

    \b
    例：dangan units import ../shared/data/cepingtixi/departments.json
    """
    from dangan.ops.units import import_units

    done = import_units(ws.home, source)
    if as_json:
        render.print_json(done.to_dict())
        return
    if done.added:
        levels: dict[str, int] = {}
        for _, level in done.added:
            levels[level] = levels.get(level, 0) + 1
        counts = "、".join(f"{level} {n} 个" for level, n in levels.items())
        render.out.print(f"已加入 {len(done.added)} 个单位（{counts}）：{render.escape(str(done.path))}")
    else:
        render.out.print("名单中的单位都已在单位名单中，没有加入新单位。")
    renamed = [(n, u) for n, u in done.known if n != u]
    if renamed:
        shown = "、".join(f"{n}→{u}" for n, u in renamed[:8]) + ("等" if len(renamed) > 8 else "")
        render.out.print(f"{len(done.known)} 个已在名单中，其中 {len(renamed)} 个按名单的写法认作：{render.escape(shown)}")
    elif done.known:
        render.out.print(f"{len(done.known)} 个已在名单中。")
    if done.skipped:
        shown = "、".join(done.skipped[:5]) + ("等" if len(done.skipped) > 5 else "")
        render.out.print(f"另有 {len(done.skipped)} 行不像单位名称（没有汉字），未加入：{render.escape(shown)}")
    render.out.print(f"单位名单现有 {done.total} 个单位。")


COMMANDS = [units]
