"""Office files that cannot be read at all: a password, or a package without its document.

A password-protected .xlsx/.docx/.pptx is OOXML wrapped in an OLE `EncryptedPackage`.

Excel, Word, PowerPoint and WPS all save a password-protected .xlsx/.docx/.pptx
this way. Nothing can be read without the password: the file is refused with
a clear reason instead of being taken for a damaged OLE file.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from dangan.errors import CorruptFile, EncryptedFile
from dangan.model import Extracted
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import register


@register
class EncryptedOfficeExtractor:
    name: ClassVar[str] = "encrypted-office"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.ENCRYPTED_OFFICE})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        raise EncryptedFile(detail="Office/WPS 文档设有打开密码")


@register
class BrokenPackageExtractor:
    """A ZIP named like an Office/OFD document that holds none (its main part is missing)."""

    name: ClassVar[str] = "broken-package"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.BROKEN_PACKAGE})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        raise CorruptFile(detail=f"扩展名为 {path.suffix.lower()}，但压缩包内没有相应的文档内容")
