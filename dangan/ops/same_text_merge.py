"""`dangan variants --join A B --keep A`: two documents of one text merged by a clerk, the other's work moved.

`same_text.join` folds only a document nobody worked on. When both were worked on (or the clerk wants to keep
the other one), the clerk names the two and the one to keep: `archive.variants_merge` moves the other's work
onto it where that is unambiguous and names each conflict where it is not; then the other is folded as any
同文异版 (both originals kept, its number says where it went, search counts the text once), audited.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.variants import worked_on
from dangan.archive.variants_apart import is_apart
from dangan.archive.variants_merge import merge_into, plan_merge
from dangan.errors import SameTextMergeRefused
from dangan.index.session import WriterSession
from dangan.ops.same_text import one_text
from dangan.workspace import Workspace


def chosen_keep(catalog: Catalog, a: int, b: int, keep: int | None) -> int:
    """The one of `a` and `b` to keep: `keep`, or the one worked on (else the older) when only one was."""
    if a == b:
        raise SameTextMergeRefused(detail=f"两个编号相同（{a}）：请给出两件不同的文件")
    docs = {i: catalog.get(i) for i in (a, b)}   # DocumentNotFound names where a folded number went
    if not one_text(catalog, a, b):
        raise SameTextMergeRefused(detail=f"第 {a} 件与第 {b} 件正文不同，不是同文异版候选",
                                   hint="用 `dangan variants` 列出正文相同而分别收录的文件。")
    if is_apart(catalog, a, b):
        raise SameTextMergeRefused(detail=f"第 {a} 件与第 {b} 件已标为不是同一文件",
                                   hint=f"确是同一文件的，先撤销标记：dangan variants --undismiss {a} {b}。")
    if keep is not None:
        if keep not in (a, b):
            raise SameTextMergeRefused(detail=f"--keep {keep} 不是这两件之一（{a}、{b}）",
                                       hint=f"写成 --keep {a} 或 --keep {b}。")
        return keep
    reasons = {i: worked_on(catalog, i) for i in (a, b)}
    if all(reasons.values()):
        raise SameTextMergeRefused(detail=f"两件都有人处理过（第 {a} 件{reasons[a]}；第 {b} 件{reasons[b]}），"
                                          "请指明保留哪一件", hint=f"加 --keep {a} 或 --keep {b}；先加 --dry-run 查看会移交什么。")
    return min((a, b), key=lambda i: (reasons[i] is None, docs[i].ingested_at, i))


def join_pair(ws: Workspace, a: int, b: int, *, keep: int | None = None, dry_run: bool = False,
              on_wait: Callable[[], None] | None = None) -> dict[str, Any]:
    """Merge documents `a` and `b` into the one kept; with `dry_run` only say what would move. `conflicts`
    (each a sentence) means nothing was changed."""
    with WriterSession(ws, on_wait=on_wait) as session:
        catalog = session.catalog
        kept = chosen_keep(catalog, a, b, keep)
        other = b if kept == a else a
        titles = {i: catalog.get(i).title or catalog.get(i).original_name for i in (kept, other)}
        plan = (plan_merge if dry_run else merge_into)(catalog, other, kept)
        merged = not dry_run and not plan.conflicts
        if merged:
            session.index.delete([other])
            session.refresh(kept)
    return {"dry_run": dry_run, "merged": merged, "keep": {"id": kept, "title": titles[kept]},
            "other": {"id": other, "title": titles[other]}, "moved": plan.moved, "conflicts": list(plan.conflicts)}

