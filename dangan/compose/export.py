"""`dangan export`: a set of documents for another office, with readable file names.

    <out>/0001_关于开展文明交通劝导活动的通知.pdf
    <out>/manifest.jsonl      every element, source, item and task (dangan-export)
    <out>/文件清单.xlsx        the 归档文件目录 columns plus the file names

序号 follow the 成文日期 (undated last), then the document id. Each copy is
checked against its checksum as it is written. `dangan ingest <out>` in
another workspace reads the manifest back (dangan.intake.import_manifest).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dangan.archive import audit
from dangan.archive.attachments import filed_in, together, with_attachments
from dangan.archive.backup_sinks import copy_hashed
from dangan.archive.catalog import now_iso
from dangan.archive.manifest import (
    EXPORT_LIST_NAME,
    FORMAT_EXPORT,
    MANIFEST_NAME,
    ManifestWriter,
    Problem,
    ReportsProblems,
    describe_document,
    document_records,
)
from dangan.archive.releases import state_secret
from dangan.archive.selections import all_ids, date_order, hand_over_once, open_snapshot
from dangan.compose.staging import staged_folder
from dangan.errors import ExportTargetInvalid, NothingSelected, NothingToExport
from dangan.read.understand.taxonomy import Taxonomy, did_you_mean
from dangan.text.paths import document_suffix, safe_name
from dangan.workspace import Workspace

NAME_BYTES = 180                      # file names stay well under the 255-byte limit


@dataclass
class ExportReport(ReportsProblems):
    out: str
    documents: int = 0
    bytes: int = 0
    manifest: str = ""
    list_file: str = ""
    # documents marked 绝密/机密/秘密 among those exported (file, 密级): said, so that they are handed over
    # as the secrecy rules say and not with the rest (the list's 密级 column alone was easily missed)
    classified: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def export(ws: Workspace, out: Path, *, query: str = "", items: Sequence[str] = (),
           on_doc: Callable[[], None] | None = None, taxonomy: Taxonomy | None = None,
           on_start: Callable[[int], None] | None = None) -> ExportReport:
    """Copy the selected documents out with readable names, a manifest and an XLSX list.

    With a taxonomy, `items` are its codes and select the documents linked to them as evidence.
    """
    out = Path(os.path.abspath(out))
    if (suffix := document_suffix(out)) and not out.is_dir():   # a folder named 移交.xlsx looks like a file
        raise ExportTargetInvalid(path=str(out), detail=f"导出的是一个文件夹，不能写成 {suffix} 文件")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportTargetInvalid(path=str(out), detail="已存在且不是空文件夹")
    if taxonomy is not None and items:
        from dangan.archive.evidence import evidence_ids

        linked = evidence_ids(ws, taxonomy, items)
        ids = sorted(linked & set(select(ws, query, ()))) if query.strip() else sorted(linked)
    else:
        _check_codes(ws, items)
        ids = select(ws, query, items)
    with closing(open_snapshot(ws.catalog_path)) as conn:
        ids = sorted(hand_over_once(conn, ids))    # a ZIP batch goes out as its members, each once
        ids = sorted(with_attachments(conn, ids))   # an OFD with its attachments: one 件
    if not ids:
        raise NothingToExport()
    report = ExportReport(out=str(out))
    with staged_folder(out, "exporting") as staging:   # a stopped run leaves no half export
        if on_start:
            on_start(len(ids))
        rows = _write(ws, staging, ids, query, items, report, on_doc)
    report.documents = len(rows)
    report.classified = [{"file": r["file"], "secrecy": r["secrecy"]} for r in rows if state_secret(r["secrecy"])]
    report.manifest, report.list_file = str(out / MANIFEST_NAME), str(out / EXPORT_LIST_NAME)
    audit.note(ws.catalog_path, "export", f"originals:{out}",     # copies of originals leave the archive
               {"documents": len(rows), "ids": ids[:1000], "query": query, "items": list(items)})
    return report


def _check_codes(ws: Workspace, items: Sequence[str]) -> None:
    """A code neither the catalog nor the workspace's edition knows is a typo (A1 for A01), said so;
    it read 没有符合条件的文件可导出 as if the item had no documents yet (package says 未知的代码)."""
    if not items:
        return
    from dangan.archive.catalog import Catalog
    from dangan.read.understand.taxonomy import workspace_taxonomy

    taxonomy = workspace_taxonomy(ws)
    with Catalog(ws.catalog_path) as catalog:
        for code in items:
            if catalog.item(code) is None and taxonomy.item(code) is None and taxonomy.content(code) is None:
                raise NothingSelected(detail=f"未知的测评项目代码 {code}{did_you_mean(taxonomy, code)}",
                                      hint=f"用 dangan taxonomy show 查看“{taxonomy.name}”的代码；"
                                           "另一测评体系的代码加 --taxonomy 体系。")


def _write(ws: Workspace, folder: Path, ids: list[int], query: str, items: Sequence[str],
           report: ExportReport, on_doc: Callable[[], None] | None) -> list[dict[str, Any]]:
    """The originals, the manifest and the list, written into `folder`; the list's rows."""
    from dangan.compose.export_list import list_row, write_export_list

    rows: list[dict[str, Any]] = []
    tmp_manifest = folder / f".{MANIFEST_NAME}.tmp"
    width = max(4, len(str(len(ids))))
    with closing(open_snapshot(ws.catalog_path)) as conn, tmp_manifest.open("wb") as fh:
        order = together(conn, date_order(conn, ids))   # an OFD's attachments right after it
        parents = filed_in(conn, ids)
        writer = ManifestWriter(fh, FORMAT_EXPORT, created_at=now_iso(), query=query,
                                items=list(items), source_home=str(ws.home))
        for record in document_records(conn, only=order):
            record["seq"] = order[record["id"]]
            record["file"] = readable_name(record, width)
            if _copy(ws, record, folder, report):
                writer.write(record)
                rows.append(list_row(record, _attached_note(parents.get(record["id"]), order)))
            if on_doc:
                on_doc()
        writer.close()
    os.replace(tmp_manifest, folder / MANIFEST_NAME)
    rows.sort(key=lambda r: r["seq"])
    write_export_list(rows, folder / EXPORT_LIST_NAME)
    return rows


def _attached_note(parent: dict[str, Any] | None, order: dict[int, int]) -> str:
    """The export list's 备注 for an OFD's attachment sent with its OFD: the 件 it belongs to, by 序号."""
    if parent is None or not parent["filed"] or parent["ofd"] not in order:
        return ""
    return f"OFD 附件，与序号 {order[parent['ofd']]} 为一件"


def select(ws: Workspace, query: str, items: Sequence[str]) -> list[int]:
    """Document ids matching the query and items (all documents when neither is given)."""
    if not query.strip() and not items:
        with closing(open_snapshot(ws.catalog_path)) as conn:
            return all_ids(conn)
    from dangan.index import open_index
    from dangan.index.query import parse_query

    parsed = parse_query(query, items=tuple(items))
    backend = open_index(ws)
    try:
        total = backend.search(parsed, limit=1).total
        ranked = backend.search(parsed, limit=max(total, 1))
    finally:
        backend.close()
    return sorted(doc_id for doc_id, _ in ranked.hits)


def readable_name(record: dict[str, Any], width: int = 4) -> str:
    """'0001_题名.pdf': safe on Windows, macOS and Linux file systems."""
    suffix = PurePosixPath(record["relpath"]).suffix
    title = record.get("title") or PurePosixPath(record.get("original_name") or "").stem
    return f"{record['seq']:0{width}d}_{safe_stem(title)}{suffix}"


def safe_stem(text: str | None, limit: int = NAME_BYTES) -> str:
    return safe_name(text, max_bytes=limit, keep_suffix=False)


def _copy(ws: Workspace, record: dict[str, Any], out: Path, report: ExportReport) -> bool:
    """Copy one original, checking its checksum; a damaged or missing one is reported, not sent."""
    source, target = ws.originals / record["relpath"], out / record["file"]
    what = describe_document(record["id"], record.get("title"), record.get("original_name"))
    tmp = out / f".{record['file']}.tmp"
    try:
        sha, size = copy_hashed(source, tmp)
    except FileNotFoundError:
        report.problems.append(Problem("missing", record["relpath"], f"原件缺失，未导出：{what}",
                                       record["id"]))
        return False
    if sha != record["sha256"]:
        tmp.unlink()
        report.problems.append(Problem("altered", record["relpath"],
                                       f"原件校验值不符，未导出：{what}", record["id"]))
        return False
    os.replace(tmp, target)
    report.bytes += size
    return True
