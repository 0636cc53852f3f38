"""The archive file itself (ZIP, 7z, RAR): its text is the list of its members.

The members are read one by one by `dangan.intake.unpack`, each its own
document; this extractor only describes the archive, so the batch file is
catalogued and findable by the names it held.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from dangan.model import Extracted, Page
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.members import list_members
from dangan.read.extract.registry import register

KIND = {detect.ZIP: "ZIP", detect.SEVEN_ZIP: "7z", detect.RAR: "RAR"}


@register
class ArchiveExtractor:
    name: ClassVar[str] = "archive"
    mime_types: ClassVar[frozenset[str]] = detect.ARCHIVES

    def extract(self, path: Path, limits: Limits) -> Extracted:
        mime = detect.detect_mime(path)
        members = list_members(path, mime)
        lines = [f"{KIND.get(mime, '')} 压缩包，共 {len(members)} 个文件："]
        lines += [m.name for m in members[:limits.max_archive_members]]
        return Extracted(pages=(Page(1, "\n".join(lines)),), extractor=self.name, page_count=None)
