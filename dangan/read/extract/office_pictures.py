"""The pictures of a DOCX or PPTX worth reading by OCR, in document order.

The evidence an office receives most is a Word file of photos (a 公示栏, a banner, a signed 签到表, a notice
pasted in as a picture): its own text is a caption or nothing. Extraction only says which pictures to read;
the OCR stage (intake/ocr_stage.py) reads them from the archived original, by their package part.
"""
from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from typing import Any

from dangan.model import Picture

A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Pictures smaller than this carry no text worth reading: a logo or an icon (≤ 256 px a side), the red 版头
# line (a long side, 20–40 px high), a signature or a seal scanned alone (about 400 × 150). A phone photo is
# 1080 px and more; a 公示栏 shrunk by WeChat 640 × 480 still reads. Both sides are bounded, so a banner
# 1600 × 120 is skipped as a rule line while a 横幅 photo 1600 × 400 is read.
MIN_SHORT_SIDE = 200
MIN_LONG_SIDE = 400
# what the OCR reads (PIL opens them everywhere); EMF/WMF are vector drawings, not photos
RASTER = frozenset({"PNG", "JPEG", "MPO", "GIF", "BMP", "TIFF", "WEBP"})


def worth_reading(width: int, height: int) -> bool:
    return min(width, height) >= MIN_SHORT_SIDE and max(width, height) >= MIN_LONG_SIDE


def pictures_of(parts: Iterable[tuple[Any, Any]]) -> tuple[Picture, ...]:
    """The pictures referenced from each (python-docx/pptx part, its XML element), in order: the same bytes
    once (a picture pasted twice, or Word's VML copy of a DrawingML one), small ones and vector ones left out."""
    seen: set[str] = set()
    out: list[Picture] = []
    for part, element in parts:
        for ref in element.iter(A_BLIP, V_IMAGEDATA):
            rel_id = ref.get(f"{R}embed") or ref.get(f"{R}id")
            rel = part.rels.get(rel_id) if rel_id else None
            if rel is None or rel.is_external:
                continue
            target = rel.target_part
            blob = target.blob
            digest = hashlib.sha256(blob).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            size = raster_size(blob)
            if size is not None and worth_reading(*size):
                out.append(Picture(len(out) + 1, str(target.partname).lstrip("/"), *size))
    return tuple(out)


def raster_size(blob: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels from the image's header, or None when it is no raster image PIL reads."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(blob)) as image:
            return image.size if image.format in RASTER else None
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def picture_bytes(path: str, part: str) -> io.BytesIO:
    """The picture stored at `part` of the office file at `path`, for the OCR to open (ocr.prepare_image: its
    pixel cap, EXIF turn and JPEG draft apply as to a photo)."""
    import zipfile

    from dangan.read.extract.failures import corrupt

    try:
        with zipfile.ZipFile(path) as zf:
            return io.BytesIO(zf.read(part))
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise corrupt(f"无法读取文件中的图片 {part}", exc) from exc
