"""A sparse file stays sparse in quarantine, in the store, in a folder backup and in a .tar backup.

The file is real: a corpus PDF's bytes, then a hole up to 201 MB (as a download that
preallocated its size leaves it). It is over the 200 MB limit, so ingest refuses it and
keeps it in quarantine; that copy (and the backup's) must not be 201 MB of zeros on disk.
"""
from __future__ import annotations

import filecmp
import hashlib
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.archive.backup import backup
from dangan.archive.sparse import copy_sparse, data_regions, stored_bytes
from dangan.archive.store import sha256_of, store_original
from dangan.intake.batch import ingest_paths
from dangan.ops.restore import restore
from dangan.workspace import init_workspace

PDF = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
SIZE = 201 * 2**20
SMALL = 4 * 2**20   # what the filesystem may hold for a copy: the data and a few blocks


def _sparse(path: Path, tail: bytes = b"", size: int = SIZE) -> Path:
    data = PDF.read_bytes()
    with path.open("wb") as fh:
        fh.write(data)
        fh.truncate(size)
        if tail:   # data after the hole too
            fh.seek(size - len(tail))
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


def test_a_tar_backup_holds_sparse_files_as_sparse_members_and_restores_the_same_bytes(tmp_path: Path) -> None:
    """A .tar backup of a workspace with a sparse original (a preallocated 60 MB download of a corpus PDF) and a
    sparse file in quarantine (201 MB, over the limit): both are sparse members (GNU's PAX format 1.0), the tar a
    few megabytes; tarfile, GNU tar and `restore` give every byte back, and the restored files are sparse too."""
    ws = init_workspace(tmp_path / "ws")
    original = _sparse(tmp_path / "预分配下载.pdf", size=60 * 2**20)
    refused = _sparse(tmp_path / "预算报告（预分配下载）.pdf")
    report = ingest_paths(ws, [original, refused]).to_dict()
    assert [f["code"] for f in report["failed"]] == ["TOO_LARGE"] and len(report["documents"]) == 1
    [stored] = list(ws.originals.rglob("*.pdf"))
    result = backup(ws, tmp_path / "备份.tar")
    assert result.ok and (tmp_path / "备份.tar").stat().st_size < 2 * SMALL   # was 261 MB
    with tarfile.open(tmp_path / "备份.tar") as tar:
        sparse = {m.name: m for m in tar.getmembers() if m.sparse is not None}
        assert sorted(m.size for m in sparse.values()) == [60 * 2**20, SIZE]   # the real sizes, real names
        member = sparse[f"originals/{stored.relative_to(ws.originals).as_posix()}"]
        reader = tar.extractfile(member)
        assert reader is not None and hashlib.sha256(reader.read()).hexdigest() == sha256_of(original)
    if shutil.which("tar"):   # GNU tar reads the same members (its own -S format)
        out = tmp_path / "gnu"
        out.mkdir()
        subprocess.run(["tar", "-xf", str(tmp_path / "备份.tar"), "-C", str(out)], check=True)
        assert filecmp.cmp(out / "originals" / stored.relative_to(ws.originals), original, shallow=False)
        [gnu] = [p for p in (out / "quarantine").rglob("*.pdf")]
        assert gnu.name == refused.name and filecmp.cmp(gnu, refused, shallow=False)
    restored = restore(tmp_path / "备份.tar", tmp_path / "restored")
    assert restored.ok and restored.restored, restored.problems
    back = tmp_path / "restored" / "originals" / stored.relative_to(ws.originals)
    assert filecmp.cmp(back, original, shallow=False) and stored_bytes(back) < SMALL
    [again] = [p for p in (tmp_path / "restored" / "quarantine").rglob("*.pdf")]
    assert filecmp.cmp(again, refused, shallow=False) and stored_bytes(again) < SMALL
