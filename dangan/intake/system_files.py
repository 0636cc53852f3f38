"""Files an operating system or an editor leaves beside documents: never a document, never a failure.

A folder copied from a unit's Windows share holds Thumbs.db and desktop.ini; a ZIP made on a Mac
holds __MACOSX/._名称.docx and .DS_Store; a Word file open while the folder was copied leaves its
owner file ~$名称.docx (162 bytes: the user's name), LibreOffice .~lock.名称#, WPS .~名称. Read as
documents they were quarantined as 文件已损坏 or archived as 不支持的格式 (or worse, Thumbs.db as a
document of its own), and a clerk saw 失败 4 件 for a folder that held one report.

They are left, counted and named (`ingest --json` lists them under `system_files`), not quarantined:
nothing a unit sent is lost, since none of them holds what a unit wrote. A lock or AppleDouble file is
recognised only when it is small (a real document someone named ~$x.docx stays a document).
"""
from __future__ import annotations

import fnmatch
from pathlib import Path, PurePath

SKIPPED = "SYSTEM_FILE"
# a lock file holds a user name and a few flags: Word 162 bytes, LibreOffice ~100, WPS under 1 KB
_SMALL = 4096
_NAMED = {
    "thumbs.db": "Windows 缩略图缓存",
    "ehthumbs.db": "Windows 缩略图缓存",
    "ehthumbs_vista.db": "Windows 缩略图缓存",
    "desktop.ini": "Windows 文件夹设置",
    ".ds_store": "苹果电脑的文件夹设置",
}
_SMALL_PATTERNS = (
    ("~$*", "Office 打开文件时生成的锁定文件"),
    (".~lock.*#", "LibreOffice 打开文件时生成的锁定文件"),
    (".~*", "WPS 打开文件时生成的锁定文件"),
    ("._*", "苹果电脑压缩时附带的资源文件"),
)
_WORD_TEMP = ("~wr?*.tmp", "Word 编辑时生成的临时文件")


def system_file(path: PurePath | str, size: int) -> str | None:
    """What left this file (Windows 缩略图缓存…), or None for a file that may be a document."""
    path = PurePath(str(path).replace("\\", "/"))
    name = path.name.lower()
    if "__MACOSX" in path.parts[:-1]:
        return "苹果电脑压缩时附带的资源文件"
    if name in _NAMED:
        return _NAMED[name]
    if fnmatch.fnmatchcase(name, _WORD_TEMP[0]):
        return _WORD_TEMP[1]
    if size <= _SMALL:
        return next((what for pattern, what in _SMALL_PATTERNS if fnmatch.fnmatchcase(name, pattern)), None)
    return None


def system_file_at(path: Path) -> str | None:
    """The same for a file on disk."""
    try:
        size = path.lstat().st_size
    except OSError:
        return None      # gone or unreadable: ingest says what it is
    return system_file(path, size)


def summary(kinds: list[str]) -> str:
    """另有 3 个系统或编辑软件生成的文件未收录（Office 打开文件时生成的锁定文件 2 个、Windows 缩略图缓存 1 个）…"""
    counted: dict[str, int] = {}
    for kind in kinds:
        counted[kind] = counted.get(kind, 0) + 1
    parts = "、".join(f"{kind} {n} 个" for kind, n in counted.items())
    return f"另有 {len(kinds)} 个系统或编辑软件生成的文件未收录（{parts}），不是文档。"
