"""A sparse file stays sparse in quarantine, in the store and in a folder backup.

The file is real: a corpus PDF's bytes, then a hole up to 201 MB (as a download that
preallocated its size leaves it). It is over the 200 MB limit, so ingest refuses it and
keeps it in quarantine; that copy (and the backup's) must not be 201 MB of zeros on disk.
"""
from __future__ import annotations

import filecmp
import hashlib
import json
from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.archive.backup import backup
from dangan.archive.sparse import copy_sparse, data_regions, stored_bytes
from dangan.archive.store import sha256_of, store_original
from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace

PDF = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
SIZE = 201 * 2**20
SMALL = 4 * 2**20   # what the filesystem may hold for a copy: the data and a few blocks


def _sparse(path: Path, tail: bytes = b"") -> Path:
    data = PDF.read_bytes()
    with path.open("wb") as fh:
        fh.write(data)
        fh.truncate(SIZE)
        if tail:   # data after the hole too
            fh.seek(SIZE - len(tail))
            fh.write(tail)
    if stored_bytes(path) > SMALL:
        pytest.skip("this filesystem does not keep holes")
    return path


def test_copy_keeps_holes_bytes_and_digest(tmp_path: Path) -> None:
    source = _sparse(tmp_path / "下载.pdf", tail=b"%%EOF\n")
    with source.open("rb") as fh:
        regions = list(data_regions(fh.fileno(), SIZE))
    assert len(regions) >= 2 and regions[0][0] == 0 and regions[-1][1] == SIZE
    digest = hashlib.sha256()
    assert copy_sparse(source, tmp_path / "copy.pdf", digest) == SIZE
    assert digest.hexdigest() == sha256_of(source)
    assert filecmp.cmp(source, tmp_path / "copy.pdf", shallow=False)
    assert (tmp_path / "copy.pdf").stat().st_size == SIZE and stored_bytes(tmp_path / "copy.pdf") < SMALL


def test_a_file_of_holes_only_and_an_empty_file(tmp_path: Path) -> None:
    holes = tmp_path / "holes"
    with holes.open("wb") as fh:
        fh.truncate(SIZE)
    assert copy_sparse(holes, tmp_path / "h2") == SIZE and stored_bytes(tmp_path / "h2") < SMALL
    (tmp_path / "empty").write_bytes(b"")
    assert copy_sparse(tmp_path / "empty", tmp_path / "e2") == 0 and (tmp_path / "e2").read_bytes() == b""


def test_the_store_keeps_a_sparse_original_sparse(tmp_path: Path) -> None:
    source = _sparse(tmp_path / "预分配.pdf")
    stored = store_original(source, sha256_of(source), "application/pdf", tmp_path / "originals")
    kept = tmp_path / "originals" / stored.relpath
    assert stored.size == SIZE and stored_bytes(kept) < SMALL and filecmp.cmp(source, kept, shallow=False)


def test_quarantine_and_folder_backup_of_a_huge_sparse_file(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    source = _sparse(tmp_path / "预算报告（预分配下载）.pdf")
    report = ingest_paths(ws, [source]).to_dict()
    assert [f["code"] for f in report["failed"]] == ["TOO_LARGE"]
    [kept] = [p for p in ws.quarantine.rglob("*.pdf")]
    assert kept.stat().st_size == SIZE and stored_bytes(kept) < SMALL
    assert filecmp.cmp(source, kept, shallow=False)
    assert "上限 200 MB" in kept.with_name(kept.name + ".reason.txt").read_text(encoding="utf-8")
    result = backup(ws, tmp_path / "backup")
    assert result.ok
    [copied] = [p for p in (tmp_path / "backup").rglob("*.pdf") if "quarantine" in p.parts]
    assert copied.stat().st_size == SIZE and stored_bytes(copied) < SMALL
    manifest = [json.loads(line) for line in next((tmp_path / "backup").rglob("manifest.jsonl")).open()]
    [entry] = [m for m in manifest if m.get("kind") == "file" and m["path"].endswith(".pdf")]
    assert entry["sha256"] == sha256_of(source) and entry["size"] == SIZE
