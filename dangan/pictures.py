"""Pillow opens the photo formats phones send: an iPhone's HEIC/HEIF through pillow-heif (libheif in its
wheels), registered once by whichever stage opens a photo first (reading, OCR, the desk's preview, a
dossier's photo page). pillow-heif turns the pixels upright by the photo's orientation as it decodes."""
from __future__ import annotations

from functools import cache


@cache
def heif_ready() -> bool:
    """True when HEIC/HEIF photos can be opened with PIL.Image.open (pillow-heif installed)."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True
