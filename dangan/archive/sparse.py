"""Copies that keep a file's holes as holes (as `cp --sparse=always` and `rsync -S` do).

A sparse file (a disk image, a download that preallocated its size, a file truncated
up to 200 MB) has regions the filesystem never stored. A plain copy reads them as zeros
and writes them out: a 200 MB file of a few kilobytes of data became a real 200 MB copy in
quarantine and again in the backup's staging. Here only the data regions (SEEK_DATA /
SEEK_HOLE) are read, and zero blocks inside them are skipped too; the copy has the same
bytes and size, and a digest, when asked, is computed over every byte, holes included.
Where the system cannot tell holes (EINVAL, ENOTSUP), the whole file is one data region.
"""
from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHUNK = 1 << 20
ZEROS = bytes(CHUNK)   # one block of zeros: a block equal to (a prefix of) it is a hole


def data_regions(fd: int, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each region holding data, in order; the holes are between them."""
    pos = 0
    while pos < size:
        try:
            start = os.lseek(fd, pos, os.SEEK_DATA)
        except OSError as exc:
            if exc.errno == errno.ENXIO:   # nothing but a hole up to the end
                return
            if exc.errno in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
                yield pos, size
                return
            raise
        end = min(os.lseek(fd, start, os.SEEK_HOLE), size)
        yield start, end
        pos = end


def copy_sparse(source: Path, target: Path, digest: Any = None, *, sync: bool = False) -> int:
    """Copy `source` to `target` (created or truncated), writing holes for holes and for
    zero blocks; returns the size. `digest` (a hashlib object) is fed every byte in order;
    `sync`: fsync the copy before returning."""
    with source.open("rb") as src, target.open("wb") as dst:
        size = os.fstat(src.fileno()).st_size
        done = 0
        for start, end in data_regions(src.fileno(), size):
            hash_zeros(digest, start - done)
            src.seek(start)
            at = start
            while at < end:
                chunk = src.read(min(CHUNK, end - at))
                if not chunk:   # shrank while read: the callers' checksum tells
                    break
                if digest is not None:
                    digest.update(chunk)
                if chunk != ZEROS[:len(chunk)]:
                    dst.seek(at)
                    dst.write(chunk)
                at += len(chunk)
            done = at
        hash_zeros(digest, size - done)
        dst.truncate(size)   # the holes at the end (and a file of holes only) get their size
        if sync:
            dst.flush()
            os.fsync(dst.fileno())
    return size


def hash_zeros(digest: Any, count: int) -> None:
    while digest is not None and count > 0:
        n = min(CHUNK, count)
        digest.update(ZEROS[:n])
        count -= n


def stored_bytes(path: Path) -> int:
    """The bytes the filesystem holds for `path` (its blocks), not its length."""
    return os.stat(path).st_blocks * 512
