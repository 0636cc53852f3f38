"""The photos of a dossier: each photo as a JPEG sized to its page, the photos inside a Word file or slide
deck, and a photo made smaller where its heading and caption would not fit one A4 page with it."""
from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

from dangan.compose.picture_source import picture_source
from dangan.errors import DanganError
from dangan.model import Document
from dangan.pictures import heif_ready
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

PHOTO_BOX_MM = (150.0, 180.0)       # width, height of the largest photo on its page
# What else a photo's page holds, to keep it on that page: the A4 body (297 mm less the 公文 margins, 37 top
# and 35 bottom), a line of the heading (三号, ~27 characters to the 156 mm line) and of the caption (四号, ~31).
BODY_HEIGHT_MM = 225.0
HEADING_LINE = (11.0, 27)           # mm a line takes, characters it holds
CAPTION_LINE = (7.0, 31)
INSIDE_HEIGHT_MM = BODY_HEIGHT_MM - 2 * CAPTION_LINE[0] - 14.0   # a Word file's photo and its caption line
PHOTO_SLACK_MM = 14.0               # the heading's and the picture's space before, and rounding in Word and LibreOffice
PHOTO_MAX_PX = 1600


def _as_jpeg(source: Any, target: Path) -> tuple[int, int]:
    """A picture (a path or a file object) written as a JPEG of at most PHOTO_MAX_PX, upright (EXIF
    orientation); its size in pixels."""
    from PIL import Image, ImageOps

    with Image.open(source) as opened:
        img = ImageOps.exif_transpose(opened)
        img.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX))
        img.convert("RGB").save(target, "JPEG", quality=85)
        return img.size


def prepare_photo(ws: Workspace, doc: Document, folder: Path) -> dict[str, Any] | None:
    """A JPEG of at most PHOTO_MAX_PX, upright (EXIF orientation), and its size on the page."""
    source = ws.originals / doc.relpath
    heif_ready()
    target = folder / f"photo-{doc.id}.jpg"
    try:
        width, height = _as_jpeg(source, target)
    except (OSError, ValueError) as exc:
        log.warning("photo %s unreadable: %s", source, exc)
        return None
    scale = min(PHOTO_BOX_MM[0] / width, PHOTO_BOX_MM[1] / height)
    return {"path": str(target), "width_mm": round(width * scale, 1), "height_mm": round(height * scale, 1)}


def prepare_inside(ws: Workspace, docs: list[Document], folder: Path) -> dict[int, list[dict[str, Any]]]:
    """The photos inside each Word file or slide deck (a unit's 活动照片.docx), as JPEGs sized to the page.
    The dossier showed such a file by its text alone (图1：2026年11月28日…), its photos nowhere: they are
    the pictures its extraction listed (logos, icons and the red 版头 line left out), read from the original."""
    from dangan.archive.catalog import Catalog
    from dangan.read.extract.office_pictures import picture_bytes

    out: dict[int, list[dict[str, Any]]] = {}
    with Catalog(ws.catalog_path) as catalog:
        listed = {d.id: catalog.pictures(d.id) for d in docs}
    for doc in docs:
        source = picture_source(ws, doc, folder) if listed[doc.id] else None   # a .doc's: a copy made again
        for shot in listed[doc.id] if source is not None else ():
            target = folder / f"inside-{doc.id}-{shot['number']}.jpg"
            try:
                width, height = _as_jpeg(picture_bytes(str(source), shot["part"]), target)
            except (OSError, ValueError, DanganError) as exc:   # a damaged picture: the others are placed
                log.warning("picture %s of document %s unreadable: %s", shot["part"], doc.id, exc)
                continue
            scale = min(PHOTO_BOX_MM[0] / width, INSIDE_HEIGHT_MM / height)
            out.setdefault(doc.id, []).append({"path": str(target), "number": shot["number"],
                                               "width_mm": round(width * scale, 1),
                                               "height_mm": round(height * scale, 1)})
    return out


def fit_photo(picture: dict[str, Any] | None, heading: str, caption: list[str]) -> dict[str, Any] | None:
    """The photo made smaller where its heading, itself and its caption would not fit one page: a portrait
    photo at the box's full 180 mm pushed the caption's second line (主题、背景、事由) onto a page alone."""
    if picture is None:
        return None
    def lines(text: str, per_line: int) -> int:
        return max(1, math.ceil(len(text) / per_line))
    text_mm = (HEADING_LINE[0] * lines(heading, HEADING_LINE[1]) + PHOTO_SLACK_MM
               + CAPTION_LINE[0] * sum(lines(line, CAPTION_LINE[1]) for line in caption if line))
    room = BODY_HEIGHT_MM - text_mm
    if picture["height_mm"] <= room:
        return picture
    scale = room / picture["height_mm"]
    return {**picture, "width_mm": round(picture["width_mm"] * scale, 1), "height_mm": round(room, 1)}
