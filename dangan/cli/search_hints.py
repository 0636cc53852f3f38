"""What `dangan search` adds under its hits for a clerk: names of the 测评项目 in the facets, a 文种 that
is none, the 发文机关 an abbreviation stands for, documents not yet in the index."""
from __future__ import annotations

import re
import shlex
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.selections import issuers_like, item_rows
from dangan.cli import render
from dangan.fields import DOC_TYPES, canonical_doc_type
from dangan.workspace import Workspace


def after_search(ws: Workspace, result: dict[str, Any], filters: dict[str, Any], words: tuple[str, ...]) -> None:
    from dangan.ops.check import unindexed

    if not result["total"] and filters.get("doc_type") and canonical_doc_type(filters["doc_type"]) is None:
        render.err.print(f"注意：“{render.escape(filters['doc_type'])}”不是已知的文种；可用：{'、'.join(DOC_TYPES)}。")
    if not result["total"] and filters.get("issuer"):
        issuer_hints(ws, filters["issuer"], words)
    missing = unindexed(ws)
    if missing:
        render.err.print(f"注意：有 {missing} 件已收录的文件尚未编入索引（上次收录可能中断），检索不到它们；"
                         "运行 dangan reindex，或再收录一次即可补上。")


def issuer_hints(ws: Workspace, typed: str, words: tuple[str, ...]) -> None:
    """No hit for --issuer 北京市政府: the 发文机关 the archive holds that it abbreviates, each with its command."""
    with Catalog(ws.catalog_path) as catalog:
        for issuer, count in issuers_like(catalog, typed):
            command = " ".join(shell_word(w) for w in ("dangan", "search", *words, "--issuer", issuer))
            render.out.print(f"您是不是要找发文机关：[bold]{render.escape(issuer)}[/bold]（{count} 件）  "
                             f"{render.escape(command)}")


def shell_word(word: str) -> str:
    """A word as typed in a shell: quoted only when it has to be (Chinese needs no quotes)."""
    return shlex.quote(word) if not word or re.search(r"[\s'\"\\$`!*?;&|<>()#~]", word) else word


def item_names(ws: Workspace) -> dict[str, str]:
    """测评项目 codes and their names, for the facet line (A05 市容环境卫生整治)."""
    with Catalog(ws.catalog_path) as catalog:
        return {row["code"]: row["name"] for row in item_rows(catalog, top_only=False)}
