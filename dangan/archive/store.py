"""Originals stored by content: originals/ab/cd/<sha256>.<ext>, written atomically."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from dangan.archive.sparse import CHUNK as CHUNK  # one read size for the store and its copies (restore reads it here)
from dangan.archive.sparse import copy_sparse
from dangan.errors import DiskFull, is_disk_full
from dangan.model import Stored

EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "txt",
    "text/markdown": "md",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/tiff": "tif",
    "image/webp": "webp",
    "image/avif": "avif",
    "image/heic": "heic",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/rtf": "rtf",
    "application/ofd": "ofd",
    "text/html": "html",
    "multipart/related": "mht",
    "text/csv": "csv",
    "application/zip": "zip",
    "application/x-7z-compressed": "7z",
    "application/vnd.rar": "rar",
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def relpath_for(sha256: str, mime: str) -> str:
    ext = EXTENSIONS.get(mime, "bin")
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}.{ext}"


def store_original(source: Path, sha256: str, mime: str, originals: Path) -> Stored:
    """Copy `source` into the store unless it is there already.

    Temp file in the target folder, fsync, rename: a crash never leaves a
    half-written original under its final name. The copy is re-hashed so that
    a file changed while we read it is never stored under the wrong name.
    """
    rel = relpath_for(sha256, mime)
    target = originals / rel
    if target.exists() and target.stat().st_size == source.stat().st_size:
        return Stored(sha256=sha256, relpath=rel, size=target.stat().st_size)
    _write(source, sha256, target)
    return Stored(sha256=sha256, relpath=rel, size=target.stat().st_size)


def repair_original(source: Path, sha256: str, relpath: str, originals: Path) -> bool:
    """Store `source` again where the archive keeps these bytes when the copy there is gone or
    no longer has its checksum (`check` said 原件缺失 / 校验值不符); True when it was rewritten."""
    if verify_original(originals, relpath, sha256) is None:
        return False
    _write(source, sha256, originals / relpath)
    return True


def _write(source: Path, sha256: str, target: Path) -> None:
    """`source` as `target`, atomically, checked against `sha256` on the way."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        copy_sparse(source, tmp, digest, sync=True)   # holes stay holes
        if digest.hexdigest() != sha256:
            raise OSError(f"文件在复制过程中被修改：{source}")
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise DiskFull(path=str(target.parent)) from exc
        raise


def original_path(originals: Path, relpath: str) -> Path:
    return originals / relpath


def verify_original(originals: Path, relpath: str, sha256: str) -> str | None:
    """None when the original is present and intact, else a short problem code."""
    path = originals / relpath
    if not path.is_file():
        return "missing"
    return None if sha256_of(path) == sha256 else "checksum"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
