"""报送 → 审核 → 归档: a unit hands in a file for a 测评内容 (and a task); a clerk accepts, returns or rejects.

A handed-in file waits under <home>/review/<random>/ (no watcher looks there).
Accepting takes it through the ordinary ingest (the same steps as an inbox
file), attaches the document to the 测评内容 and requirement as a manual link,
and releases it to the unit; returning keeps the reason for the unit to read.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import uuid
from pathlib import Path
from typing import IO, Any

from dangan.archive import releases, review
from dangan.archive.catalog import Catalog
from dangan.archive.evidence_links import link_evidence
from dangan.archive.tasks import gap_target, list_tasks
from dangan.errors import SubmissionInvalid
from dangan.intake.ingest import Batch, Origin, ingest_file
from dangan.read.understand.taxonomy import Taxonomy, workspace_taxonomy
from dangan.text.paths import safe_name
from dangan.workspace import Workspace

REVIEW_INBOX = "review"
CHUNK = 1 << 20


def held_dir(ws: Workspace) -> Path:
    return ws.home / review.REVIEW_DIR


def _check_target(ws: Workspace, taxonomy: Taxonomy, item_code: str | None, requirement: int | None,
                  task_id: int | None, unit: str) -> None:
    if not item_code and task_id is None:
        raise SubmissionInvalid(detail="请选择材料对应的测评内容或任务。")
    if item_code:
        content = next((c for c in taxonomy.contents() if c.code == item_code), None)
        if content is None:
            raise SubmissionInvalid(detail=f"测评体系“{taxonomy.name}”中没有测评内容 {item_code}。",
                           hint="用 `dangan taxonomy show` 查看测评内容代码。")
        if requirement and requirement not in {r.no for r in content.requirements}:
            raise SubmissionInvalid(detail=f"测评内容 {item_code} 没有第 {requirement} 条网上申报要求。")
    if task_id is not None:
        with Catalog(ws.catalog_path) as catalog:
            if task_id not in {t["id"] for t in list_tasks(catalog, owner=unit, exact_owner=True)}:
                raise SubmissionInvalid(detail=f"任务 {task_id} 不是本单位（{unit}）的任务。")


def _task_target(ws: Workspace, task_id: int, requirement: int | None) -> tuple[str | None, int | None]:
    with Catalog(ws.catalog_path) as catalog:
        source = next((t["source"] for t in list_tasks(catalog) if t["id"] == task_id), None)
    target = gap_target(source)
    if target is None:
        return None, requirement
    code, reqs = target
    return code, requirement or (reqs[0] if len(reqs) == 1 else None)


def hand_in(ws: Workspace, stream: IO[bytes], filename: str | None, *, unit: str, user: str,
            item_code: str | None = None, requirement: int | None = None, task_id: int | None = None,
            note: str | None = None) -> dict[str, Any]:
    """Hold a unit's file as 待审核; returns the submission. A file for a task issued from the 缺项清单
    goes to that task's 测评内容 (and its requirement, when it asks for one) unless the unit chose one."""
    taxonomy = workspace_taxonomy(ws)
    _check_target(ws, taxonomy, item_code, requirement, task_id, unit)
    if task_id is not None and not item_code:
        item_code, requirement = _task_target(ws, task_id, requirement)
    folder = held_dir(ws) / uuid.uuid4().hex
    folder.mkdir(parents=True, mode=0o700)
    target = folder / safe_name(re.split(r"[\\/]", filename or "")[-1], max_bytes=180, fallback="材料")
    digest, size = hashlib.sha256(), 0
    limit = int(ws.settings.max_file_mb * 2**20)
    try:
        with open(target, "xb") as out:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if size > limit:
                    raise SubmissionInvalid(detail=f"文件过大：每个文件至多 {ws.settings.max_file_mb:g} MB。")
                out.write(chunk)
        if size == 0:
            raise SubmissionInvalid(detail="文件为空（0 字节），请确认文件已完整。")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    with Catalog(ws.catalog_path) as catalog:
        number = review.add(catalog, unit=unit, user=user, original_name=target.name,
                            held_path=target.relative_to(ws.home).as_posix(), sha256=digest.hexdigest(),
                            size=size, taxonomy=taxonomy.code if item_code else None, item_code=item_code,
                            requirement=requirement, task_id=task_id, note=(note or "").strip() or None)
        return review.get(catalog, number)


def accept(ws: Workspace, number: int) -> dict[str, Any]:
    """Ingest the held file, attach it to its 测评内容/requirement, release it to the unit: 已归档."""
    with Catalog(ws.catalog_path) as catalog:
        item = review.get(catalog, number)
        review.check_pending(item)
    path = ws.home / item["held_path"]
    with Batch(ws) as batch:
        result = ingest_file(path, batch, Origin(inbox=REVIEW_INBOX))
        if result.document_id is None:
            raise SubmissionInvalid(detail=f"材料未能收录：{result.reason}",
                           hint="可用 `dangan review return` 说明原因退回单位重新报送。")
        if item["item_code"]:
            link_evidence(batch.catalog, result.document_id, item["taxonomy"], item["item_code"],
                                        item["requirement"] or 0)
            if batch.catalog.item(item["item_code"]) is not None:
                # as `tag --item` does: a code the catalog knows is the document's item too, so that
                # search item:, export --item and package --item find what 审核 filed under it
                batch.catalog.link_items(result.document_id, {item["item_code"]: 1.0}, "manual")
                batch.flush()
                batch.refresh(result.document_id)
        releases.release(batch.catalog, result.document_id, [item["unit"]])
        decided = review.decide(batch.catalog, number, "accepted", document_id=result.document_id)
    shutil.rmtree(path.parent, ignore_errors=True)
    return decided


def send_back(ws: Workspace, number: int, reason: str, *, reject: bool = False) -> dict[str, Any]:
    """Return (已退回, the unit sees the reason and hands in again) or reject (不予采用)."""
    reason = reason.strip()
    if not reason:
        raise SubmissionInvalid(detail="退回或不予采用须写明原因，单位才知道如何修改。",
                                hint=f'例：dangan review {"reject" if reject else "return"} {number} '
                                     '--reason "照片缺少时间地点说明，请补充后重报"')
    with Catalog(ws.catalog_path) as catalog:
        decided = review.decide(catalog, number, "rejected" if reject else "returned", reason=reason)
    shutil.rmtree((ws.home / decided["held_path"]).parent, ignore_errors=True)
    return decided


def held_file(ws: Workspace, number: int) -> Path | None:
    """The waiting file, for the reviewer to open."""
    with Catalog(ws.catalog_path) as catalog:
        item = review.get(catalog, number)
    path = ws.home / item["held_path"]
    return path if item["state"] == "pending" and path.is_file() else None
