"""A file's first look: a readable, non-empty regular file of sane size, hashed and typed.

Its own module because extraction workers run it (workers.inspect_and_read): the
fork server preloads this and the extractors, not the whole ingest (catalog,
index, element reader), so workers start sooner and lighter.
"""
from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

from dangan.archive.store import sha256_of
from dangan.errors import CorruptFile, EmptyFile, FileVanished, TooLarge, read_reason
from dangan.model import Incoming
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import UNKNOWN, claimed_kind, detect_mime


def inspect(path: Path, limits: Limits) -> Incoming:
    """Check the file is a readable, non-empty regular file of sane size; hash and type it."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FileVanished(detail="不是普通文件")
        if info.st_size == 0:
            raise EmptyFile()
        if info.st_size > limits.max_file_bytes:
            raise TooLarge(detail=f"{info.st_size // 2**20} MB，上限 {limits.max_file_bytes // 2**20} MB")
        with path.open("rb") as fh:
            head = fh.read(8192)
        digest = sha256_of(path)
    except FileNotFoundError as exc:
        raise FileVanished(detail="文件不存在") from exc
    except PermissionError as exc:
        raise FileVanished(detail="没有读取权限") from exc
    except IsADirectoryError as exc:
        raise FileVanished(detail="是文件夹") from exc
    except OSError as exc:
        raise FileVanished(detail=read_reason(exc), technical=f"{type(exc).__name__}: {exc}") from exc
    mime = detect_mime(path, head)
    kind = claimed_kind(path) if mime == UNKNOWN else None
    if kind is not None:     # 乱码.docx: not an unsupported format, a broken (or misnamed) file
        raise CorruptFile(detail=f"扩展名为 {path.suffix}，内容却不是 {kind}：文件不完整、已损坏或扩展名有误")
    return Incoming(path=path, mime=mime, size=info.st_size, sha256=digest, seen_at=datetime.now())
