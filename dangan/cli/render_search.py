"""The CLI's list of search hits: each hit's title line with its elements, its snippet, why it is listed,
where its file is; the date range's undated matches, the suggestions, the facets."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dangan.cli.render import FACET_NAMES, attachment_line, escape, out
from dangan.index.loose import notice
from dangan.index.snippets import CLOSE, OPEN


def highlight(snippet: str) -> str:
    return escape(snippet).replace(OPEN, "[bold yellow]").replace(CLOSE, "[/bold yellow]")


def name_label(hit: dict[str, Any]) -> str:
    """How a hit's file name is introduced: the hit may have come from the name alone."""
    return "按文件名找到" if list(hit.get("matched_in") or ()) == ["name"] else "文件名也含检索词"


def element_hit(hit: dict[str, Any]) -> str:
    """“按发文机关找到：…” (or 文号) for a hit whose text and title do not hold the terms: a 发文机关 read from
    its seal or entered by hand is found by a plain word, and the hit says why it is listed."""
    where = list(hit.get("matched_in") or ())
    if "text" in where or "title" in where:
        return ""
    for field, label, key in (("issuer", "按发文机关找到", "issuer"), ("number", "按文号找到", "doc_number")):
        if field in where and hit.get(key):
            return f"{label}：{hit[key]}"
    return ""


def search_table(result: dict[str, Any], item_names: dict[str, str] | None = None) -> None:
    """Hits as a list: title line with the elements, then the snippet (wide, readable CJK)."""
    total, hits, offset = result["total"], result["results"], result.get("offset", 0)
    if result.get("relaxed"):
        out.print(f"[yellow]{escape(notice(result['relaxed']))}[/yellow]")
    if hits:
        shown = f"第 {offset + 1}–{offset + len(hits)} 件" if offset else f"{len(hits)} 件"
        out.print(f"共找到 {total} 件，显示 {shown}：\n")
    elif total:
        out.print(f"共找到 {total} 件；--offset {offset} 已越过最后一件，请用更小的 --offset。")
    else:
        out.print("没有找到匹配的文件。")
    if result.get("undated"):
        out.print(f"[dim]另有 {result['undated']} 件无成文日期，未计入日期范围；去掉日期条件可见。[/dim]")
    posted_lines(result.get("posted_in_range") or ())
    suggestion_lines(result.get("suggestions") or ())
    for loose in result.get("loose") or ():
        out.print(f"[yellow]注意[/yellow]：没有文件含“{escape(loose['term'])}”原样，下列文件只含“{escape(loose['words'])}”；"
                  f"原样查找请加引号，查文号可用 number:{escape(loose['term'])}。")
    for rank, hit in enumerate(hits, start=offset + 1):
        facts = " · ".join(escape(v) for v in (hit["doc_type"], hit["doc_number"], hit["issuer"],
                                               hit["doc_date"]) if v)
        out.print(f"[bold]{rank}. {escape(hit['title'] or '（无标题）')}[/bold]"
                  f"  [dim]编号 {hit['id']}{'  ' + facts if facts else ''}[/dim]")
        out.print(f"   {highlight(hit['snippet'])}")
        if hit.get("missing"):
            out.print(f"   [dim]未含：{escape('、'.join(hit['missing']))}[/dim]")
        if parent := hit.get("attachment_of"):
            out.print(f"   [dim]所属件：[/dim]{attachment_line(parent)}")
        if found := element_hit(hit):
            out.print(f"   [dim]{escape(found)}[/dim]")
        if hit.get("name"):
            out.print(f"   [dim]{name_label(hit)}：[/dim]{highlight(hit['name'])}")
        out.print(f"   [dim]{escape(hit['path'] or '')}{moved_note(hit)}[/dim]\n")
    facets = result.get("facets") or {}
    for name, counts in facets.items():
        if counts:
            names = (item_names or {}) if name == "items" else {}
            shown = "  ".join(f"{k}{' ' + names[k] if k in names else ''}({v})" for k, v in list(counts.items())[:10])
            out.print(f"[bold]{FACET_NAMES.get(name, name)}[/bold]：{escape(shown)}")


def posted_lines(rows: Any, shown: int = 5) -> None:
    """Undated matches whose 网页发布时间 is in the date range: named, since the range keeps to the 成文日期."""
    if not rows:
        return
    listed = "；".join(f"编号 {r['id']} {escape(r['title'] or '')}（网页发布 {r['posted_date']}）" for r in rows[:shown])
    more = " 等（全部见 --json 的 posted_in_range）" if len(rows) > shown else ""
    out.print(f"其中 {len(rows)} 件未写成文日期、网页发布时间在此范围内：{listed}{more}。日期条件只按成文日期；"
              "核实后可用 dangan tag 编号 --set 成文日期=… 补录。")


def suggestion_lines(suggestions: Any) -> None:
    """“您是不是要找”: each spelling the archive holds, with the command that searches it."""
    import shlex

    for s in suggestions:
        out.print(f"您是不是要找：[bold]{escape(s['replacement'])}[/bold]（{escape(s['kind'])}，"
                  f"{s['documents']} 件）  dangan search {escape(shlex.quote(s['query']))}")
    if suggestions:
        out.print("")


def moved_note(hit: dict[str, Any]) -> str:
    """A hit's source path that is gone (an inbox file is moved away once archived) says where the file is."""
    path = hit.get("path")
    if not path or still_there(path):
        return ""
    return f"（已不在此处；存档原件见 dangan show {hit['id']}）"


def still_there(path: str) -> bool:
    """The file is where its source path says, or inside an archive that is (`报送.zip/通知/x.txt`:
    the member has no path of its own, but the clerk finds it by opening the ZIP that is still there)."""
    if os.path.lexists(path):
        return True
    for parent in Path(path).parents:
        if os.path.lexists(parent):
            return parent.is_file()
    return False
