"""Pages and photos read the right way up, whatever way they lie.

EXIF orientation is applied when the image is prepared (`ocr.prepare_image`); this is for what EXIF
does not say: a page fed sideways or upside down through a scanner, a phone photo whose EXIF a chat
app stripped. It asks the engine to read again only when the first reading looks turned.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dangan.read.extract.ocr_layout import OcrBox, char_confidence, estimate_tilt

if TYPE_CHECKING:
    from PIL import Image

    from dangan.read.extract.ocr import OcrEngine


def upright_boxes(image: Image.Image, engine: OcrEngine) -> list[OcrBox]:
    """The boxes of `image` read the right way up.

    EXIF says nothing for a page scanned sideways or upside down, or a phone photo whose EXIF a chat
    app stripped: read as it lies, an upside-down page gives a few boxes of garbage and a sideways
    one tall boxes in no reading order. Such a reading is tried again turned (by 90° and 270° when
    most boxes stand tall, by 180° when they are unsure) and the turn that reads upright and best
    is kept. A page read well as it lies, or a photo with no text, is read once."""
    boxes = engine.read(image)
    first = _Reading(boxes)
    if not boxes or first.upright and first.confidence >= UPRIGHT_CONFIDENCE:
        return _straightened(image, engine, boxes)
    best_boxes, best = boxes, first
    for angle in (90, 270) if not first.upright else (180,):
        turned = engine.read(image.rotate(angle, expand=True))
        reading = _Reading(turned)
        if reading.beats(best):
            best_boxes, best = turned, reading
    return best_boxes


def _straightened(image: Image.Image, engine: OcrEngine, boxes: list[OcrBox]) -> list[OcrBox]:
    """The boxes of a page that lies a few degrees askew, read again turned straight.

    A page photographed or fed in at 5–8° is read, but each line's crop is cut at that slant and the
    recogniser misses more (bench_photos: rotate_7). The tilt the lines' own edges show
    (`ocr_layout.estimate_tilt`) is undone and the page read once more; the straight reading is kept
    unless it reads fewer characters surely. A page within DESKEW_DEGREES (a scan, nearly every
    photo) is read once."""
    from PIL import Image as PilImage

    degrees = math.degrees(estimate_tilt(boxes))
    if abs(degrees) < DESKEW_DEGREES:
        return boxes
    turned = image.rotate(degrees, resample=PilImage.Resampling.BICUBIC, expand=True, fillcolor="white")
    straight = engine.read(turned)
    return straight if _Reading(straight).sure >= _Reading(boxes).sure else boxes


DESKEW_DEGREES = 4.0       # lines slanting less are read about as well as straight ones (bench_photos: rotate_3)
UPRIGHT_CONFIDENCE = 0.85   # upright pages of the corpus read at 0.95 and more; upside down, about 0.65


class _Reading:
    """How well a set of boxes reads: characters read surely, and whether its lines lie flat."""

    def __init__(self, boxes: Sequence[OcrBox]) -> None:
        self.confidence = char_confidence(boxes) or 0.0
        self.sure = sum(len("".join(b.text.split())) for b in boxes if b.confidence >= 0.8)
        tall = sum(1 for width, height in map(_extent, boxes) if height > 1.5 * width)
        self.upright = tall < 0.5 * len(boxes) if boxes else True

    def beats(self, other: _Reading) -> bool:
        if self.upright and not other.upright:
            return self.sure >= 0.8 * other.sure   # lines lying flat: the reading order can be kept
        return self.upright == other.upright and self.sure > 1.2 * other.sure + 5


def _extent(box: OcrBox) -> tuple[float, float]:
    """Width and height of the box's corners as the page lies."""
    xs, ys = [x for x, _ in box.box], [y for _, y in box.box]
    return max(xs) - min(xs), max(ys) - min(ys)
