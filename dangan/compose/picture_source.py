"""Where the pictures of an archived office file live, for a document composed from the archive to place them.

A DOCX or PPTX holds its pictures itself (catalog.pictures lists their package parts). A .doc/.wps/.ppt… was
read through the copy LibreOffice made of it at ingest: the parts listed are that copy's, so it is made again
here, into the caller's scratch folder, as the OCR stage makes it again to read them (office.converted_copy).
"""
from __future__ import annotations

import logging
from pathlib import Path

from dangan.errors import DanganError
from dangan.model import Document
from dangan.read.extract.detect import DOCX, OLE, PPTX
from dangan.read.extract.office import ROUTES
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["OFFICE_FILES", "picture_source"]

OWN = frozenset({DOCX, PPTX})
OFFICE_FILES = frozenset({*OWN, *ROUTES, OLE})   # the office files whose pictures the OCR stage lists


def picture_source(ws: Workspace, doc: Document, folder: Path) -> Path | None:
    """The package that holds `doc`'s listed pictures: its archived original, or a copy converted again into
    `folder`; None (logged) when LibreOffice is missing or cannot convert it (its pictures are left out)."""
    original = ws.originals / doc.relpath
    if doc.mime in OWN:
        return original
    from dangan.read.extract.office import converted_copy
    from dangan.read.extract.soffice import find_soffice

    binary = find_soffice()
    if binary is None:
        log.warning("%s: LibreOffice not installed, its pictures are left out", doc.original_name)
        return None
    target = folder / f"converted-{doc.id}"
    target.mkdir(exist_ok=True)
    try:
        return converted_copy(original, target, timeout=ws.settings.conversion_timeout_s, binary=binary)
    except DanganError as exc:
        log.warning("%s: not converted again, its pictures are left out: %s", doc.original_name, exc.message)
        return None
