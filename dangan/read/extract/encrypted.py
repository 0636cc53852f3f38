"""Office files with an open password: OOXML wrapped in an OLE `EncryptedPackage`.

Excel, Word, PowerPoint and WPS all save a password-protected .xlsx/.docx/.pptx
this way. Nothing can be read without the password: the file is refused with
a clear reason instead of being taken for a damaged OLE file.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from dangan.errors import EncryptedFile
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
