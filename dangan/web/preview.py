"""Previews of an original: PDF pages and photos as PNG, cached in the workspace."""
from __future__ import annotations

import io
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from dangan.model import Document
from dangan.pictures import heif_ready
from dangan.workspace import Workspace

PAGE_SCALE = 1.5          # 72 dpi × 1.5 ≈ 900 px for an A4 width
PHOTO_MAX_PX = 1600
PREVIEW_PIXELS = 6_000_000   # a page preview: A4 at 1.5× is 1.1 M; huge page boxes are shrunk
_PDFIUM = threading.Lock()  # pdfium is not thread-safe


def original_path(ws: Workspace, doc: Document) -> Path | None:
    """The stored original, only if it resolves inside `originals/`."""
    root = ws.originals.resolve()
    path = (root / doc.relpath).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def _cache(ws: Workspace, doc: Document, name: str) -> Path:
    return ws.home / "cache" / "preview" / doc.sha256[:2] / f"{doc.sha256}-{name}.png"


def _write(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".preview-", dir=target.parent)
    with os.fdopen(handle, "wb") as fh:
        fh.write(data)
    os.replace(tmp, target)
    return target


def pdf_page(ws: Workspace, doc: Document, number: int) -> Path | None:
    """Page `number` (1-based) rendered to PNG; None when there is no such page."""
    source = original_path(ws, doc)
    if source is None or doc.mime != "application/pdf" or number < 1:
        return None
    target = _cache(ws, doc, f"p{number}")
    if target.is_file():
        return target
    import pypdfium2 as pdfium

    from dangan.read.extract.pdf import render_scale

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(str(source))
        except pdfium.PdfiumError:
            return None
        try:
            if number > len(pdf):
                return None
            page = pdf[number - 1]
            image = page.render(scale=render_scale(page, PAGE_SCALE, PREVIEW_PIXELS)).to_pil()
            page.close()
        finally:
            pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return _write(target, buffer.getvalue())


def photo(ws: Workspace, doc: Document) -> Path | None:
    """A photo re-encoded as PNG (never served as uploaded), shrunk to a sane size."""
    source = original_path(ws, doc)
    if source is None or not doc.mime.startswith("image/"):
        return None
    target = _cache(ws, doc, "photo")
    if target.is_file():
        return target
    png = _reencoded(source, PHOTO_MAX_PX, "PNG")
    return _write(target, png) if png is not None else None


def held_photo(path: Path, max_px: int = 480) -> bytes | None:
    """A unit's handed-in photo as a small JPEG for the reviewer to look at before accepting it (re-encoded,
    never served as uploaded); None when the file is no picture Pillow opens."""
    return _reencoded(path, max_px, "JPEG", quality=80)


def office_picture(ws: Workspace, doc: Document, number: int, part: str) -> Path | None:
    """Picture `number` of a Word or PowerPoint file of photos (照片佐证), re-encoded as PNG and shrunk as a photo
    is; `part` is the one the catalog lists for it (never taken from the request). A .doc/.wps keeps its pictures
    in the copy LibreOffice makes: none here (the desk does not convert on a page view)."""
    from dangan.read.extract.detect import DOCX, PPTX

    source = original_path(ws, doc)
    if source is None or doc.mime not in (DOCX, PPTX):
        return None
    target = _cache(ws, doc, f"picture{number}-{part.replace('/', '_')}")   # reread --ocr may list others
    if target.is_file():
        return target
    from dangan.errors import DanganError
    from dangan.read.extract.office_pictures import picture_bytes

    try:
        picture = picture_bytes(str(source), part)
    except (DanganError, OSError, ValueError):
        return None
    png = _reencoded(picture, PHOTO_MAX_PX, "PNG")
    return _write(target, png) if png is not None else None


def _reencoded(source: Any, max_px: int, kind: str, **options: Any) -> bytes | None:
    """A picture (a path or a file object) decoded and encoded again, upright (EXIF orientation), at most
    `max_px` on its longer side: nothing is ever served as it came; None when Pillow cannot open it."""
    from PIL import Image, ImageOps

    heif_ready()
    try:
        with Image.open(source) as opened:
            img = ImageOps.exif_transpose(opened)
            img.thumbnail((max_px, max_px))
            buffer = io.BytesIO()
            img.convert("RGB").save(buffer, format=kind, **options)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return buffer.getvalue()
