"""Reading order for OCR boxes: tilt, rows, table cells, two columns, dashes.

An OCR engine returns one box per text line or table cell, in no reliable
order. `layout_text` turns them back into text a person would read:

1. measure the page's small global tilt from the long boxes' edges and undo it;
2. if a vertical gutter that (almost) no box crosses splits the page into
   two columns of prose, read the left column, then the right (boxes that
   cross it, such as a title or a footer, stay in their place between the
   column blocks);
3. group boxes into rows by their vertical centre (overlap), left to right;
   boxes far apart in one row become tab-separated cells, as the PDF text
   layer path writes tables;
4. repair what the recogniser gets wrong in a predictable way: dashes read as
   一 next to digits, spaces inside grouped numbers (``82, 096.42``).

Pure Python, no heavy imports: this module is cheap to import and to test.
"""
from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["OcrBox", "char_confidence", "layout_text", "estimate_tilt", "fix_dashes", "fix_numbers"]

MAX_TILT_DEGREES = 10.0   # larger angles are not "a small tilt": leave them alone
CELL_GAP = 0.6            # a gap wider than this many line heights starts a new cell
SPACED_GAP = 2.5          # single characters closer than this are spaced-out text
ROW_OVERLAP = 0.5         # vertical overlap (share of the lower box) to share a row
GUTTER_MIN = 1.5          # a column gutter is at least this many line heights wide


@dataclass(frozen=True, slots=True)
class OcrBox:
    """One recognised text line or table cell, as the engine returned it."""

    text: str
    confidence: float
    box: tuple[tuple[float, float], ...]  # 4 corners: top-left, top-right, bottom-right, bottom-left


@dataclass(frozen=True, slots=True)
class _Item:
    """A box after tilt correction, reduced to an axis-aligned rectangle."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


# --------------------------------------------------------------------------- tilt

def char_confidence(boxes: Sequence[OcrBox]) -> float | None:
    """The engine's mean score weighted by characters read (0–1), None when nothing was read."""
    weights = [(len("".join(b.text.split())), b.confidence) for b in boxes]
    total = sum(n for n, _ in weights)
    return sum(n * c for n, c in weights) / total if total else None


def estimate_tilt(boxes: Sequence[OcrBox]) -> float:
    """The page's tilt in radians (positive: lines fall to the right), 0 if unsure.

    Measured on long boxes only (text lines, not single characters), as the
    width-weighted median of their top and bottom edge angles.
    """
    samples: list[tuple[float, float]] = []
    for b in boxes:
        if len(b.box) != 4:
            continue
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = b.box
        width = math.hypot(x1 - x0, y1 - y0)
        height = math.hypot(x3 - x0, y3 - y0)
        if width < 3 * max(height, 1.0):
            continue
        angle = (math.atan2(y1 - y0, x1 - x0) + math.atan2(y2 - y3, x2 - x3)) / 2
        if abs(math.degrees(angle)) <= MAX_TILT_DEGREES:
            samples.append((angle, width))
    if len(samples) < 3:
        return 0.0
    samples.sort()
    half, acc = sum(w for _, w in samples) / 2, 0.0
    for angle, weight in samples:
        acc += weight
        if acc >= half:
            return angle
    return 0.0  # pragma: no cover


def _items(boxes: Iterable[OcrBox], tilt: float) -> list[_Item]:
    cos, sin = math.cos(tilt), math.sin(tilt)
    out = []
    for b in boxes:
        text = b.text.strip()
        if not text or not b.box:
            continue
        # rotate by -tilt: x' = x cos + y sin, y' = -x sin + y cos
        xs = [x * cos + y * sin for x, y in b.box]
        ys = [-x * sin + y * cos for x, y in b.box]
        out.append(_Item(text, min(xs), min(ys), max(xs), max(ys)))
    return out


# ------------------------------------------------------------------------- rows

def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def _group_rows(items: Sequence[_Item]) -> list[list[_Item]]:
    """Rows of items, top to bottom, each sorted left to right."""
    rows: list[list[_Item]] = []
    bands: list[tuple[float, float]] = []  # mean top and bottom of each row
    for item in sorted(items, key=lambda i: (i.cy, i.left)):
        best, best_share = -1, ROW_OVERLAP
        for k in range(max(0, len(rows) - 4), len(rows)):
            top, bottom = bands[k]
            share = (_overlap(item.top, item.bottom, top, bottom)
                     / max(min(item.height, bottom - top), 1.0))
            if share >= best_share:
                best, best_share = k, share
        if best < 0:
            rows.append([item])
            bands.append((item.top, item.bottom))
        else:
            row = rows[best]
            row.append(item)
            n = len(row)
            top, bottom = bands[best]
            bands[best] = (top + (item.top - top) / n, bottom + (item.bottom - bottom) / n)
    rows.sort(key=lambda r: statistics.fmean(i.cy for i in r))
    return [sorted(r, key=lambda i: i.left) for r in rows]


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF
            or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF)


def _row_text(row: Sequence[_Item]) -> str:
    """One row: near boxes joined, far boxes as tab-separated cells."""
    height = statistics.median(i.height for i in row)
    cells: list[list[str]] = [[fix_numbers(row[0].text)]]
    for prev, item in zip(row, row[1:]):
        gap = item.left - prev.right
        text = fix_numbers(item.text)
        spaced = (len(prev.text) <= 2 and len(item.text) <= 2
                  and all(_is_cjk(c) for c in prev.text + item.text))
        if spaced and gap < SPACED_GAP * height:
            cells[-1].append(" " + text)
        elif gap >= CELL_GAP * height:
            cells.append([text])
        else:
            last = cells[-1][-1]
            sep = " " if last[-1:].isascii() and last[-1:].isalnum() and text[:1].isascii() \
                and text[:1].isalnum() else ""
            cells[-1].append(sep + text)
    texts = ["".join(parts) for parts in cells]
    if len(texts) > 1:
        texts = [_fix_cell(t) for t in texts]
    return "\t".join(texts)


def _rows_text(items: Sequence[_Item]) -> list[str]:
    return [_row_text(row) for row in _group_rows(items)]


# ---------------------------------------------------------------------- columns

def _find_gutter(items: Sequence[_Item]) -> tuple[float, float] | None:
    """The x range of a vertical gap in the middle of the page that (almost) no box crosses.

    A few boxes may cross it (a centred title, a footer): they are read as
    full-width lines between the column blocks.
    """
    if len(items) < 8:
        return None
    x0, x1 = min(i.left for i in items), max(i.right for i in items)
    width = x1 - x0
    height = statistics.median(i.height for i in items)
    allowed = max(2, int(0.15 * len(items)))
    events = sorted([(i.left, 1) for i in items] + [(i.right, -1) for i in items])
    segments: list[tuple[float, float, int]] = []  # (from x, to x, boxes covering)
    count = 0
    for (x, delta), (next_x, _) in zip(events, events[1:]):
        count += delta
        if next_x > x:
            segments.append((x, next_x, count))
    best: tuple[float, float, float] | None = None  # (width inside the middle band, from, to)
    run: list[tuple[float, float, int]] = []
    for segment in [*segments, (x1, x1, len(items) + 1)]:
        if segment[2] <= allowed:
            run.append(segment)
            continue
        if run:
            lo, hi = max(run[0][0], x0 + 0.2 * width), min(run[-1][1], x0 + 0.8 * width)
            if hi - lo >= GUTTER_MIN * height and (best is None or hi - lo > best[0]):
                best = (hi - lo, run[0][0], run[-1][1])
            run = []
    return None if best is None else (best[1], best[2])


def _is_prose_column(items: Sequence[_Item]) -> bool:
    """Most lines fill the column and carry words, not numbers: a text column."""
    if len(items) < 3:
        return False
    left, right = min(i.left for i in items), max(i.right for i in items)
    full = [i for i in items if i.width >= 0.6 * (right - left) and len(i.text) >= 6]
    text = "".join(i.text for i in items)
    wordy = sum(1 for c in text if _is_cjk(c) or (c.isascii() and c.isalpha()))
    return len(full) >= 3 and len(full) >= 0.5 * len(items) and wordy >= 0.5 * len(text)


def _column_blocks(items: Sequence[_Item]) -> list[list[_Item]] | None:
    """Blocks in reading order if the page has two prose columns, else None."""
    gutter = _find_gutter(items)
    if gutter is None:
        return None
    # Column lines may end a little inside the gap; a box spans both columns
    # only if it reaches into the middle half of the gap.
    quarter = (gutter[1] - gutter[0]) / 4
    lo, hi = gutter[0] + quarter, gutter[1] - quarter
    spanning = [i for i in items if i.left < hi and i.right > lo]
    left = [i for i in items if i.right <= lo]
    right = [i for i in items if i.left >= hi]
    if not (_is_prose_column(left) and _is_prose_column(right)):
        return None
    if len(spanning) > 0.25 * len(items):
        return None
    # Spanning boxes (titles, full-width lines) cut the page into horizontal bands;
    # inside a band, the left column is read before the right one.
    span_rows = _group_rows(spanning)
    cuts = [statistics.fmean(i.cy for i in row) for row in span_rows]
    blocks: list[list[_Item]] = []
    bounds = [-math.inf, *cuts, math.inf]
    for k in range(len(bounds) - 1):
        above, below = bounds[k], bounds[k + 1]
        for side in (left, right):
            block = [i for i in side if above <= i.cy < below]
            if block:
                blocks.append(block)
        if k < len(span_rows):
            blocks.append(span_rows[k])
    return blocks


# ------------------------------------------------------------------- repairs

_DIGIT_DASH = re.compile(r"(?<=\d) *一{1,2} *(?=\d)")
_PAGE_NUMBER = re.compile(  # both dashes, or one (the other lost) without cell gaps
    r"^[ \t]*[一—]{1,2}[ \t]*(\d{1,4})[ \t]*[一—]{1,2}[ \t]*$"
    r"|^ *一{1,2} *(\d{1,4}) *$|^ *(\d{1,4}) *一{1,2} *$", re.M)
_LEADING_DASHES = re.compile(r"^([ \t]*)一一(?=[ \t]*\d)", re.M)
_NEGATIVE = re.compile(r"^一(\d[\d,]*(?:\.\d+)?%?)$")
_GROUP_SPACE = re.compile(r"(?<=\d,)[ \t]+(?=\d{3}(?!\d))")
_DECIMAL_SPACE = re.compile(r"(?<=\d,\d{3})[ \t]*\.[ \t]*(?=\d)")


def fix_dashes(text: str) -> str:
    """Map dashes read as 一 back where digits prove they are dashes.

    ``2023一2024`` → ``2023-2024``, ``0517一87222589`` → ``0517-87222589``,
    a page number line ``一 3 一`` (or ``3一一``, one dash lost) → ``— 3 —``, a subtitle's leading
    ``一一2024年`` → ``——2024年``. 一 in words (一般, 统一, 第一) is kept.
    """
    text = _PAGE_NUMBER.sub(lambda m: f"— {m.group(1) or m.group(2) or m.group(3)} —", text)
    text = _LEADING_DASHES.sub(r"\1——", text)
    return _DIGIT_DASH.sub("-", text)


def fix_numbers(text: str) -> str:
    """Remove spaces the recogniser puts inside grouped numbers: ``82, 096,797. 42``."""
    text = _GROUP_SPACE.sub("", text)
    return _DECIMAL_SPACE.sub(".", text)


def _fix_cell(cell: str) -> str:
    """A table cell that is only a dash, or a negative number, read with 一."""
    if cell in ("一", "一一"):
        return "—"
    return _NEGATIVE.sub(r"-\1", cell)


# ---------------------------------------------------------------------- entry

def layout_text(boxes: Sequence[OcrBox]) -> str:
    """The boxes' text in reading order: lines by row, cells by tab, columns apart."""
    items = _items(boxes, estimate_tilt(boxes))
    if not items:
        return ""
    blocks = _column_blocks(items)
    if blocks is None:
        lines = _rows_text(items)
    else:
        lines = [line for block in blocks for line in _rows_text(block)]
    return fix_dashes("\n".join(lines))
