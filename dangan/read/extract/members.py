"""Members of ZIP, 7z and RAR archives, and an OFD's attachments (`ofd_attachments`): list them, judge them,
copy one out with a cap.

Nothing is unpacked by path: a member is copied into a file the caller
names, so a `../` or absolute member name can never write outside. Names
stored without the ZIP UTF-8 flag are the bytes Windows wrote in the local
code page: they are decoded as UTF-8 if they are, else GB18030, else Big5. A
name another tool garbled (GBK read as cp437 and written back as UTF-8, `╬─╝■.doc`)
is read back when that is certain (`text.mojibake`), the name as stored kept beside it.
Sizes in headers can lie, so the copy counts the bytes it writes and stops at
the cap.
"""
from __future__ import annotations

import functools
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dangan.errors import CorruptFile, EncryptedFile, MissingDependency, TooLarge
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt
from dangan.text.mojibake import recover_gbk_name

CHUNK = 1 << 20
BOMB_RATIO = 100                 # unpacked / packed above this, for a member over BOMB_FLOOR
BOMB_FLOOR = 10 * 2**20


@dataclass(frozen=True, slots=True)
class Member:
    name: str          # as stored, decoded, "/"-separated
    size: int          # declared unpacked size
    packed: int        # compressed size; 0 when unknown (solid 7z)
    encrypted: bool
    key: Any = None    # what the backend needs to open it
    refused: str | None = None   # why it cannot be taken whatever the limits (an OFD attachment that is not there)
    kind: str = "压缩包成员"      # how a reason names it: 压缩包成员, 附件 (an OFD's)
    stored_name: str | None = None   # the name as stored when `name` was read back from a garbled one


def list_members(path: Path, mime: str) -> list[Member]:
    """Every file member (folders left out), in archive order; an OFD's visible attachments."""
    try:
        if mime == detect.OFD:
            from dangan.read.extract.ofd_attachments import ofd_attachments

            return ofd_attachments(path)
        if mime == detect.ZIP:
            with zipfile.ZipFile(path) as zf:
                return _read_back([Member(zip_name(i), i.file_size, i.compress_size, bool(i.flag_bits & 1), i)
                                   for i in zf.infolist() if not i.is_dir()])
        if mime == detect.SEVEN_ZIP:
            return _read_back(_sevenzip_members(path))
        if mime == detect.RAR:
            return _read_back(_rar_members(path))
    except (EncryptedFile, MissingDependency):
        raise
    except TooLarge:
        raise
    except Exception as exc:   # BadZipFile, py7zr / rarfile errors on a damaged archive, XML errors in an OFD
        raise corrupt("OFD 的附件列表无法读取" if mime == detect.OFD else "压缩包无法读取", exc) from exc
    raise CorruptFile(detail=f"不是压缩包（{mime}）")


def _read_back(members: list[Member]) -> list[Member]:
    """Each member whose name another tool garbled (`╬─╝■.doc`) under the name it was written with."""
    out = []
    for member in members:
        recovered = recover_gbk_name(member.name)
        out.append(member if recovered is None else replace(member, name=recovered, stored_name=member.name))
    return out


def refusal(member: Member, limits: Limits) -> str | None:
    """Why this member must not be taken (Chinese), or None."""
    if member.refused:
        return member.refused
    name, kind = member.name.replace("\\", "/"), member.kind
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"{kind}使用绝对路径，已拒绝"
    if ".." in name.split("/"):
        return f"{kind}路径含“..”，可能写到{'压缩包' if kind == '压缩包成员' else '所在文件'}之外，已拒绝"
    if member.encrypted:
        return f"{kind}已加密（设有密码），无法读取"
    if member.size > limits.max_file_bytes:
        return f"{kind}解压后 {member.size // 2**20} MB，超过上限 {limits.max_file_bytes // 2**20} MB"
    if member.packed and member.size > BOMB_FLOOR and member.size / member.packed > BOMB_RATIO:
        return f"压缩比 {member.size // member.packed}:1，疑似压缩炸弹，已拒绝"
    return None


def copy_member(path: Path, mime: str, member: Member, target: Path, cap: int) -> int:
    """Write the member's bytes to `target`; TooLarge past `cap` bytes (headers can lie)."""
    with target.open("wb") as out:
        sink = _Capped(out, cap)
        try:
            if mime in (detect.ZIP, detect.OFD):   # an OFD is a ZIP package
                with zipfile.ZipFile(path) as zf, zf.open(member.key) as src:
                    while chunk := src.read(CHUNK):
                        sink.write(chunk)
            elif mime == detect.SEVEN_ZIP:
                _sevenzip_copy(path, member, sink)
            elif mime == detect.RAR:
                import rarfile

                with rarfile.RarFile(str(path)) as rf, rf.open(member.key) as src:
                    while chunk := src.read(CHUNK):
                        sink.write(chunk)
        except TooLarge:
            raise
        except Exception as exc:
            raise corrupt(f"{member.kind}无法解压", exc) from exc
    return sink.count


def zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")   # zipfile decoded the stored bytes as cp437
    for encoding in ("utf-8", "gb18030", "big5hkscs"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


class _Capped:
    def __init__(self, out: Any, cap: int):
        self.out, self.cap, self.count = out, cap, 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        if self.count > self.cap:
            raise TooLarge(detail=f"压缩包成员解压后超过 {self.cap // 2**20} MB，疑似压缩炸弹")
        return self.out.write(data)


@functools.cache
def _rar_tools() -> None:
    """Compressed RAR members go through an external tool: prefer 7-Zip (Debian's `unrar` may
    be unrar-free, which cannot read RAR 5); stored members need none."""
    import rarfile

    try:
        rarfile.tool_setup(unrar=False, unar=False, bsdtar=False, sevenzip=True, sevenzip2=True, force=True)
    except rarfile.RarCannotExec:
        try:
            rarfile.tool_setup(force=True)   # whatever is installed
        except rarfile.RarCannotExec:
            pass   # none: stored members are still read, compressed ones fail one by one


def _sevenzip_members(path: Path) -> list[Member]:
    try:
        import py7zr
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependency(name="py7zr") from exc
    try:
        with py7zr.SevenZipFile(path) as archive:
            encrypted = archive.needs_password()
            return [Member(i.filename, i.uncompressed or 0, i.compressed or 0, encrypted, i.filename)
                    for i in archive.list() if not i.is_directory]
    except py7zr.exceptions.PasswordRequired as exc:
        raise EncryptedFile(detail="7z 压缩包的文件列表已加密") from exc


def _sevenzip_copy(path: Path, member: Member, sink: _Capped) -> None:
    import py7zr
    from py7zr.io import Py7zIO, WriterFactory

    class Writer(Py7zIO):
        def write(self, data: bytes | bytearray) -> int:
            sink.write(bytes(data))
            return len(data)

        def read(self, size: int | None = None) -> bytes:
            return b""

        def seek(self, offset: int, whence: int = 0) -> int:
            return 0

        def flush(self) -> None:
            return None

        def size(self) -> int:
            return sink.count

    class Factory(WriterFactory):
        def create(self, filename: str) -> Py7zIO:
            return Writer()

    with py7zr.SevenZipFile(path) as archive:
        archive.extract(targets=[member.key], factory=Factory())


def _rar_members(path: Path) -> list[Member]:
    try:
        import rarfile
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise MissingDependency(name="rarfile") from exc
    rarfile.DEFAULT_CHARSET = "gb18030"   # names without the Unicode flag: the Chinese code page
    _rar_tools()
    try:
        with rarfile.RarFile(str(path)) as archive:
            return [Member(i.filename, i.file_size, i.compress_size, i.needs_password(), i)
                    for i in archive.infolist() if not i.is_dir()]
    except rarfile.PasswordRequired as exc:
        raise EncryptedFile(detail="RAR 压缩包的文件列表已加密") from exc

