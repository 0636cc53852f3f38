"""A sparse file as a sparse member of a .tar: its data regions only, as GNU tar writes it (`tar -S`).

tarfile reads sparse members (GNU's old format and the PAX formats 0.0, 0.1 and 1.0: `TarInfo.sparse`,
extractfile gives the holes back as zeros) but writes none: `addfile` copies every byte, so a 201 MB
download that preallocated its size (a few kilobytes of data, the rest a hole) made a 201 MB member.
Here such a file is written in GNU's PAX sparse format 1.0, which GNU tar, bsdtar and tarfile read: a
pax header (GNU.sparse.major=1, minor=0, name, realsize), the member named …/GNUSparseFile.0/<name>,
its data a map (count, then offset and length of each region, in decimal lines, padded to a block) and
the regions' bytes. A file without holes is an ordinary member, as before.
"""
from __future__ import annotations

import copy
import posixpath
import tarfile
from collections.abc import Iterator
from typing import IO, Any

from dangan.archive.sparse import CHUNK, data_regions, hash_zeros


def add_member(tar: tarfile.TarFile, info: tarfile.TarInfo, fh: IO[bytes], digest: Any = None) -> int:
    """Add the open file `fh` as `info` (its size the file's), sparse when it has holes; `digest` (hashlib)
    is fed every byte of the file, holes included. Returns the bytes the member's data holds."""
    regions = [(start, end - start) for start, end in data_regions(fh.fileno(), info.size)]
    stored = sum(length for _, length in regions)
    if stored >= info.size:
        fh.seek(0)   # SEEK_DATA/SEEK_HOLE moved the descriptor's offset under the buffered file
        tar.addfile(info, _Reader(_dense(fh, digest)))
        return info.size
    if not regions or sum(regions[-1]) < info.size:
        regions.append((info.size, 0))   # the map ends at the file's size, as GNU tar writes it
    lines = [str(len(regions)), *(f"{offset}\n{length}" for offset, length in regions)]
    head = ("\n".join(lines) + "\n").encode()
    head += bytes(-len(head) % tarfile.BLOCKSIZE)
    member = copy.copy(info)
    folder, name = posixpath.split(info.name)
    member.name = posixpath.join(folder, "GNUSparseFile.0", name)
    # "path" first: a reader applies the records in order, and GNU.sparse.name must win over it (tarfile writes
    # a path record of its own for a name that is not ASCII, after the ones given here unless given first)
    member.pax_headers = {"path": member.name, **info.pax_headers, "GNU.sparse.major": "1", "GNU.sparse.minor": "0",
                          "GNU.sparse.name": info.name, "GNU.sparse.realsize": str(info.size)}
    member.size = len(head) + stored
    reader = _Reader(_sparse(fh, head, regions, info.size, digest))
    tar.addfile(member, reader)
    reader.read()   # tarfile stops at the member's size: the digest still needs the trailing hole's zeros
    return member.size


def _dense(fh: IO[bytes], digest: Any) -> Iterator[bytes]:
    while chunk := fh.read(CHUNK):
        if digest is not None:
            digest.update(chunk)
        yield chunk


def _sparse(fh: IO[bytes], head: bytes, regions: list[tuple[int, int]], size: int, digest: Any) -> Iterator[bytes]:
    """The member's data: the map, then each region's bytes; the digest gets the holes' zeros between them."""
    yield head
    done = 0
    for offset, length in regions:
        hash_zeros(digest, offset - done)
        fh.seek(offset)
        left = length
        while left > 0 and (chunk := fh.read(min(CHUNK, left))):
            if digest is not None:
                digest.update(chunk)
            left -= len(chunk)
            yield chunk
        done = offset + length - left
    hash_zeros(digest, size - done)


class _Reader:
    """The file object tarfile.addfile reads a member's data from, over pieces made on demand."""

    def __init__(self, pieces: Iterator[bytes]):
        self.pieces, self.piece, self.at = pieces, b"", 0

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        while size != 0:
            if self.at >= len(self.piece):
                piece = next(self.pieces, None)
                if piece is None:
                    break
                self.piece, self.at = piece, 0
                continue
            take = len(self.piece) - self.at if size < 0 else min(size, len(self.piece) - self.at)
            parts.append(self.piece[self.at:self.at + take])
            self.at += take
            size -= take if size > 0 else 0
        return b"".join(parts)
