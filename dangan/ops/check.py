"""Looking after the archive: originals and index checked against the catalog, and figures."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from typing import Any

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.archive.selections import catalog_stats, older_reader_count, originals, variant_originals
from dangan.archive.store import verify_original
from dangan.index import IndexMismatch, detect_backend, open_index
from dangan.ops.same_text import candidate_advice, candidates, pair_count
from dangan.read.version import reader_version
from dangan.workspace import Workspace

WHOOSH_ADVICE_AT = 10_000


def check(ws: Workspace, *, on_step: Callable[[], None] | None = None) -> dict[str, Any]:
    """Every original present with its checksum; catalog and index hold the same ids."""
    problems: list[dict[str, Any]] = []
    with Catalog(ws.catalog_path) as catalog:
        rows = originals(catalog)
        for row in rows:
            problem = verify_original(ws.originals, row["relpath"], row["sha256"])
            if problem == "missing":
                problems.append({"kind": "original_missing", "document_id": row["id"], "path": row["relpath"],
                                 "message": f"原件缺失：文件 {row['id']}（{row['title']}）"})
            elif problem == "checksum":
                problems.append({"kind": "checksum_mismatch", "document_id": row["id"], "path": row["relpath"],
                                 "message": f"原件校验值不符：文件 {row['id']}（{row['title']}）"})
            if on_step:
                on_step()
        for row in variant_originals(catalog):   # 同文异版: another original of a document
            problem = verify_original(ws.originals, row["relpath"], row["sha256"])
            if problem:
                kind, said = ("original_missing", "缺失") if problem == "missing" else ("checksum_mismatch", "校验值不符")
                problems.append({"kind": kind, "document_id": row["document_id"], "path": row["relpath"],
                                 "message": f"同文异版原件{said}：文件 {row['document_id']} 的 "
                                            f"{row['original_name']}"})
        catalog_ids = {row["id"] for row in rows}
        older = older_reader_count(catalog, reader_version())   # no problem: said as advice
        same_text = candidates(catalog)   # 同文异版 catalogued apart: advice too, nothing is damaged
        trail = audit.verify(catalog.conn)
        if not trail["ok"]:
            problems.append({"kind": "audit_broken", "audit_id": trail["first_broken"],
                             "message": f"审计记录被改动：第 {trail['first_broken']} 条与散列链不符"
                                        "（用 `dangan audit verify` 查看）"})
    found = detect_backend(ws.index_dir)
    if found is not None and found != ws.settings.index_backend:
        problems.append({"kind": "index_backend_mismatch",
                         "message": f"索引由 {found} 建立，而 dangan.toml 设置的是 "
                                    f"{ws.settings.index_backend}：运行 dangan reindex 按设置重建"})
    try:
        backend = open_index(ws)
    except IndexMismatch as error:
        problems.append({"kind": "index_schema_mismatch",
                         "message": f"{error.message}，请运行 dangan reindex"})
        return {"ok": False, "documents": len(catalog_ids), "indexed": None,
                "problems": problems, "advice": None}
    try:
        index_ids = backend.all_ids()
        count = backend.count()
    finally:
        backend.close()
    for doc_id in sorted(catalog_ids - index_ids):
        problems.append({"kind": "not_indexed", "document_id": doc_id,
                         "message": f"索引中缺少文件 {doc_id}，请运行 dangan reindex"})
    for doc_id in sorted(index_ids - catalog_ids):
        problems.append({"kind": "index_orphan", "document_id": doc_id,
                         "message": f"索引中有目录里不存在的文件 {doc_id}，请运行 dangan reindex"})
    advice, desk = _advice(backend.name, count), _advice(backend.name, count, desk=True)
    if any(p["kind"] in ("original_missing", "checksum_mismatch") for p in problems):
        advice = desk = REPAIR_ADVICE
    return {"ok": not problems, "documents": len(catalog_ids), "indexed": len(index_ids),
            "problems": problems, "advice": _joined(advice, reader_advice(older), candidate_advice(same_text)),
            "desk_advice": _joined(desk, reader_advice(older, desk=True), candidate_advice(same_text, desk=True)),
            "older_reader": older, "same_text_pairs": pair_count(same_text), "same_text_candidates": same_text}


# A kind's problems told in one line when there are many (an ingest stopped before its index commit
# leaves every document of the batch unindexed: one line each was a wall of text).
SUMMARIES = {
    "not_indexed": "索引中缺少 {n} 件文件（编号 {ids}），请运行 dangan reindex（或再次收录）",
    "index_orphan": "索引中有 {n} 件目录里不存在的文件（编号 {ids}），请运行 dangan reindex",
}
SUMMARY_FROM = 4


LAST_CHECK = "last_check.json"   # in logs/: the 状态 page's 上次核对


def keep_result(ws: Workspace, result: dict[str, Any]) -> dict[str, Any]:
    """Keep the check's result, with when it ran, as the desk's 状态 page shows it (上次核对) whoever ran
    it: after `dangan check` the page said 尚未核对, as if only its own 立即核对 counted."""
    kept = {**result, "at": datetime.now().isoformat(sep=" ", timespec="seconds")}
    ws.logs.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".check-", dir=ws.logs)
    with os.fdopen(handle, "w", encoding="utf-8") as fh:
        json.dump(kept, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, ws.logs / LAST_CHECK)
    return kept


def last_check(ws: Workspace) -> dict[str, Any] | None:
    try:
        return dict(json.loads((ws.logs / LAST_CHECK).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def id_ranges(ids: list[int]) -> str:
    """[1, 2, 3, 7, 9, 10] → 1–3、7、9–10."""
    out: list[list[int]] = []   # [first, last] runs
    for number in sorted(ids):
        if out and out[-1][1] == number - 1:
            out[-1][1] = number
        else:
            out.append([number, number])
    return "、".join(f"{a}–{b}" if b > a else str(a) for a, b in out)


def problem_lines(problems: list[dict[str, Any]]) -> list[str]:
    """The problems as a clerk reads them: one line each, a kind with many of them in one line."""
    lines: list[str] = []
    kinds: dict[str, list[dict[str, Any]]] = {}
    for problem in problems:
        kinds.setdefault(problem["kind"], []).append(problem)
    done: set[str] = set()
    for problem in problems:
        kind = problem["kind"]
        group = kinds[kind]
        if kind in SUMMARIES and len(group) >= SUMMARY_FROM:
            if kind not in done:
                done.add(kind)
                lines.append(SUMMARIES[kind].format(n=len(group), ids=id_ranges([p["document_id"] for p in group])))
        else:
            lines.append(problem["message"])
    return lines


def unindexed(ws: Workspace) -> int:
    """How many catalogued documents the index lacks (an ingest stopped before its index commit;
    the next writer fills them in): 0 when the index holds them all."""
    with Catalog(ws.catalog_path) as catalog:
        documents = catalog.count()
    backend = open_index(ws)
    try:
        return max(0, int(documents) - backend.count())
    finally:
        backend.close()


def stats(ws: Workspace) -> dict[str, Any]:
    with Catalog(ws.catalog_path) as catalog:
        out = catalog_stats(catalog)
        out["older_reader"] = older_reader_count(catalog, reader_version())
    backend = open_index(ws)
    try:
        out["indexed"] = backend.count()
    finally:
        backend.close()
    out["index_backend"] = backend.name   # as built; dangan.toml may differ (check says so)
    out["advice"] = _joined(_advice(backend.name, out["indexed"]), reader_advice(out["older_reader"]))
    out["desk_advice"] = _joined(_advice(backend.name, out["indexed"], desk=True),
                                 reader_advice(out["older_reader"], desk=True))
    return out


def reader_advice(count: int, *, desk: bool = False) -> str | None:
    """Said on the command line with the command to type; on the desk (whose clerks never open a terminal)
    with the button of the same page."""
    if not count:
        return None
    if desk:
        return (f"有 {count} 件文件由较早版本的读取程序识别，可点下方“重新识别”用当前版本重新识别"
                "（手工著录的值和档号不变）")
    return (f"有 {count} 件文件由较早版本的读取程序识别，可运行 dangan reread --older 用当前版本重新识别"
            "（先加 --dry-run 查看会有的变化；手工著录的值和档号不变）")


def _joined(*advice: str | None) -> str | None:
    """The pieces as one sentence: each one's own closing 。 dropped (…核对校验值）。；有 19 件… read twice
    punctuated), one 。 at the end."""
    pieces = [a.rstrip("。；; ") for a in advice if a and a.strip()]
    return "；".join(pieces) + "。" if pieces else None


# Said on the command line and on the desk's 状态 page alike: no command in it.
REPAIR_ADVICE = ("原件缺失或损坏的，把同一份文件再收录或上传一次即可修复（核对校验值后重新存档；来源路径见该文件的来源），"
                 "手头没有时从备份恢复（恢复时逐个核对校验值）。")


def _advice(backend: str, count: int, *, desk: bool = False) -> str | None:
    if backend == "whoosh" and count >= WHOOSH_ADVICE_AT:
        return (f"索引已有 {count} 件文件，建议切换到 Tantivy 后端："
                + ("请管理员在服务器上切换（检索会更快）" if desk else "dangan reindex --backend tantivy"))
    return None
