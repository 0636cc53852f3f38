"""`dangan taxonomy list|show` and `dangan gaps`: the evaluation system and what evidence is missing."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.workspace import Workspace


def taxonomy_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--taxonomy: an edition code (dangan taxonomy list) or a .toml file; default from dangan.toml."""
    return click.option("--taxonomy", "taxonomy_name", metavar="体系",
                        help="测评体系：national-2015、district-nine 或 .toml 文件（默认取 dangan.toml 的 [taxonomy]）。")(fn)


@click.group()
def taxonomy() -> None:
    """测评体系：列出可用的版本，查看测评项目、测评内容及其网上申报要求。

    \b
    例：
      dangan taxonomy list
      dangan taxonomy show Ⅲ-77 --taxonomy national-2015
    """


@taxonomy.command("list")
@json_option
@workspace
def taxonomy_list(ws: Workspace, as_json: bool) -> None:
    """列出可用的测评体系（内置的，以及工作区 taxonomies/ 下自备的）。

    \b
    例：
      dangan taxonomy list
    """
    from dangan.read.understand.taxonomy import list_editions

    editions = list_editions(ws.home)
    if as_json:
        render.print_json([{"code": e.code, "name": e.name, "origin": e.origin, "contents": e.contents,
                            "current": e.code == ws.settings.taxonomy, "path": str(e.path)} for e in editions])
        return
    for e in editions:
        mark = "＊" if e.code == ws.settings.taxonomy else "　"
        render.out.print(f"{mark}{e.code:<16}{render.escape(e.name)}（{e.origin}，测评内容 {e.contents} 项）")
    render.out.print(render.escape("＊ 本工作区使用的测评体系（dangan.toml 的 [taxonomy] edition）。"))


@taxonomy.command("show")
@click.argument("code", required=False)
@taxonomy_option
@json_option
@workspace
def taxonomy_show(ws: Workspace, code: str | None, taxonomy_name: str | None, as_json: bool) -> None:
    """显示测评体系：不给代码列出全部测评项目和测评内容；给出代码（测评项目、指标或测评内容）显示其测评标准与网上申报要求。

    \b
    例：
      dangan taxonomy show --taxonomy national-2015
      dangan taxonomy show Ⅲ-77 --taxonomy national-2015
      dangan taxonomy show Ⅱ-1 --taxonomy national-2015     # 指标：其下各项测评内容
      dangan taxonomy show Ⅰ-11 --taxonomy national-2015 --json
    """
    from dangan.errors import UnknownEdition
    from dangan.read.understand.taxonomy import describe, workspace_taxonomy

    taxonomy = workspace_taxonomy(ws, taxonomy_name)
    try:
        data = describe(taxonomy, code)
    except UnknownEdition as error:
        if code is not None and taxonomy_name is None and (other := _edition_with(ws, code, taxonomy.code)):
            error.hint = f"本工作区用的是 {taxonomy.code}；{other} 中有 {code}：dangan taxonomy show {code} --taxonomy {other}"
        raise
    render.print_json(data) if as_json else _print_taxonomy(data)


def _edition_with(ws: Workspace, code: str, current: str) -> str | None:
    """Another edition at hand that has the code (a clerk on district-nine typing a national Ⅲ-77)."""
    from dangan.errors import DanganError
    from dangan.read.understand.taxonomy import describe, list_editions, load_edition

    for edition in list_editions(ws.home):
        if edition.code == current:
            continue
        try:
            describe(load_edition(edition.code, ws.home), code)
        except DanganError:
            continue
        return edition.code
    return None


def _print_content(c: dict[str, Any]) -> None:
    out = render.out
    out.print(f"[bold]{render.escape(c['code'])} {render.escape(c['name'])}[/bold]")
    for s in c["standards"]:
        out.print(f"  测评标准：{render.escape(s['text'])}")
    for r in c["requirements"]:
        units = f"（责任单位：{'、'.join(r['units'])}）" if r["units"] else ""
        out.print(f"  网上申报 {r['no']}. {render.escape(r['text'])}{render.escape(units)}")
    for f in c["field"]:
        out.print(f"  实地考察 {render.escape(f['point'])}：{render.escape(f['text'])}")
    for q in c["questions"]:
        out.print(f"  问卷调查 {render.escape(q)}")


def _print_taxonomy(data: dict[str, Any]) -> None:
    out = render.out
    out.print(f"[bold]{render.escape(data['taxonomy_name'])}[/bold]（{data['taxonomy']}）")
    if data["level"] == "taxonomy":
        for item in data["items"]:
            out.print(f"[bold]{render.escape(item['code'])} {render.escape(item['name'])}[/bold]")
            for c in item["contents"]:
                out.print(f"  {render.escape(c['code'])} {render.escape(c['name'])}"
                          f"（网上申报要求 {c['requirements']} 条）")
        out.print(f"共 {data['total']} 项测评内容。{render.escape(data['note'])}")
    elif data["level"] in ("item", "indicator"):
        if data["level"] == "indicator":
            out.print(f"测评项目：{render.escape(data['item'])} {render.escape(data['item_name'])}")
        out.print(f"[bold]{render.escape(data['code'])} {render.escape(data['name'])}[/bold]")
        for c in data["contents"]:
            _print_content(c)
    else:
        out.print(f"测评项目：{render.escape(data['item'])} {render.escape(data['item_name'])}　"
                  f"指标：{render.escape(data['indicator'])} {render.escape(data['indicator_name'])}")
        _print_content(data)


@click.command()
@taxonomy_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="另存为缺项清单（.xlsx 或 .csv，按扩展名）。")
@click.option("--missing", "missing_only", is_flag=True, help="只列尚缺材料的测评内容（与 --out 同用时表中也只列这些）。")
@click.option("--by-unit", is_flag=True, help="按责任单位列出各单位尚缺的申报要求（下发任务前核对）。")
@click.option("--owner", help="只看这个责任单位尚缺的（与 --by-unit 同用），如 区委宣传部。")
@json_option
@workspace
def gaps(ws: Workspace, taxonomy_name: str | None, out: Path | None, missing_only: bool, by_unit: bool,
         owner: str | None, as_json: bool) -> None:
    """缺项清单：逐项测评内容列出网上申报要求、已有的佐证材料、缺少的材料及其责任单位。

    \b
    例：
      dangan gaps --taxonomy national-2015
      dangan gaps --taxonomy national-2015 --json
      dangan gaps --missing --out 缺项清单.xlsx
      dangan gaps --by-unit                      # 各责任单位尚缺什么
    """
    from dangan.compose.gap_tasks import unit_gaps
    from dangan.compose.gaps import gap_report, write_gaps_xlsx
    from dangan.read.understand.taxonomy import workspace_taxonomy

    report = gap_report(ws, workspace_taxonomy(ws, taxonomy_name))
    if out is not None:
        write_gaps_xlsx(report, out, missing_only=missing_only)
    data = report.to_dict()
    if by_unit or owner:
        units = unit_gaps(data, owner=owner)
        render.print_json({"taxonomy": data["taxonomy"], "units": units}) if as_json else _print_units(units, owner)
        return
    if as_json:
        render.print_json(data)
        return
    _print_gaps(data, missing_only)
    if out is not None:
        render.out.print(f"已导出缺项清单：{render.escape(str(out))}")


PHOTO_KIND = "实景图片"   # evidence_words.doc_kind: a photo, or a Word file of photos (文种 照片)


def _print_gaps(data: dict[str, Any], missing_only: bool) -> None:
    out = render.out
    for c in data["contents"]:
        if missing_only and c["complete"]:
            continue
        state = "齐全" if c["complete"] else ("部分" if c["covered"] else "缺")
        h = c.get("handins") or {}
        handed = (f"　报送 {h['submitted']}（待审核 {h['pending']}，已退回 {h['returned']}）"
                  if h.get("submitted") else "")
        out.print(f"[bold]{render.escape(c['code'])} {render.escape(c['name'])}[/bold]　{state}{handed}")
        for d in c["documents"]:   # a confidence only for the matcher's links (a hand's read 手工，置信度 1.00)
            how = ("照片；" if d.get("kind") == PHOTO_KIND else "") + render.ORIGINS.get(d["origin"], d["origin"])
            how += f"，置信度 {d['confidence']:.2f}" if d["origin"] == "auto" else ""
            how += f"，第{d['req']}条" if d.get("req") else ""
            out.print(f"  已有 #{d['id']} {render.escape(d['title'] or '')}（{how}）")
        for r in c["requirements"]:
            if not r["evidence"]:
                owners = "、".join(r["owners"]) or "责任单位未录入"
                out.print(f"  缺 {r['no']}. {render.escape(r['text'])}（{render.escape(owners)}）")
    out.print(f"{render.escape(data['name'])}：已有材料的测评内容 {data['covered']}/{data['total']} 项"
              + (f"，申报要求齐全 {data['complete']} 项。" if data["requirements"] else "；此体系未录入网上申报要求。"))


def _print_units(units: list[dict[str, Any]], owner: str | None) -> None:
    out = render.out
    if not units:
        out.print(f"{render.escape(owner)} 没有尚缺的申报要求。" if owner else "没有尚缺的申报要求。")
        return
    for unit in units:
        contents = len({m["content"] for m in unit["missing"]})
        out.print(f"[bold]{render.escape(unit['name'])}[/bold]　缺 {len(unit['missing'])} 条（{contents} 项测评内容）")
        if unit["unit"] == "":
            continue
        for m in unit["missing"]:
            out.print(f"  {m['content']} {render.escape(m['name'])}　{m['no']}. {render.escape(m['text'])}")
    owed = [u for u in units if u["unit"]]
    out.print(f"尚缺材料的责任单位 {len(owed)} 个，共 {sum(len(u['missing']) for u in owed)} 条申报要求"
              + ("；用 dangan tasks add --from-gaps --deadline 周五前 给它们下发任务。" if owed else "。"))


COMMANDS = [taxonomy, gaps]
