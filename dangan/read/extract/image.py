"""Photos and scans: archived as evidence with their EXIF date; text comes from OCR, a page per
frame of a multi-page TIFF (what a scanner's feeder or a fax gives for a whole document)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from dangan.errors import CorruptFile, MissingDependency, TooLarge
from dangan.model import Extracted, Page
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt, explained
from dangan.read.extract.registry import register

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_PIXELS = 200_000_000
EXIF_DATETIME_ORIGINAL, EXIF_DATETIME, EXIF_IFD = 0x9003, 0x0132, 0x8769


@register
class ImageExtractor:
    name: ClassVar[str] = "image"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.JPEG, detect.PNG, detect.TIFF})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        try:
            from PIL import Image
        except ImportError as exc:  # pragma: no cover
            raise MissingDependency(name="pillow") from exc
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            with Image.open(path) as img:
                if img.width * img.height > MAX_PIXELS:
                    raise TooLarge(detail=f"{img.width}×{img.height} 像素")
                img.verify()
            with Image.open(path) as img:
                taken = exif_date(img)
                # a scanner's multi-page TIFF; a phone's MPO JPEG holds a preview or depth frame, not a page
                frames = max(1, int(getattr(img, "n_frames", 1))) if img.format == "TIFF" else 1
        except (TooLarge, CorruptFile):
            raise
        except Image.DecompressionBombError as exc:
            raise explained(TooLarge(detail=f"图片像素过多（上限 {MAX_PIXELS // 1_000_000} 百万像素）"), exc) from exc
        except Exception as exc:  # PIL raises many types for broken images
            raise corrupt("图片无法解析", exc) from exc
        return Extracted(pages=tuple(Page(n, "") for n in range(1, frames + 1)), extractor=self.name,
                         needs_ocr=True, taken_at=taken, page_count=frames)


def exif_date(img: Image) -> str | None:
    try:
        exif = img.getexif()
    except Exception:
        return None
    raw = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    if not raw:
        return None
    try:
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None
