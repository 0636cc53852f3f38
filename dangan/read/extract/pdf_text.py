"""A PDF page's text as printed, from pdfium's characters.

pdfium's text is the content stream's order with spaces it makes up where glyphs stand
apart. Three things of a page printed from Word, WPS or LibreOffice come out unlike the
document, and the 公文 elements are read from exactly those places:

- the gap a word processor sets between Chinese and Latin letters or digits becomes a
  space: 2022 年 7 月 25 日, 增长 5.8%; the document has none, so a made-up space there is
  dropped (a space the document holds stays);
- a wide gap (a tab, or a run of spaces, between an organ and its date on a 简报's or
  纪要's header line, a 版记's 印发 line) becomes one space, as narrow as a word's: it is
  kept as a run of spaces, so the line still reads as two fields;
- glyphs a fallback font draws (﹝﹞ brackets in 东政发﹝2019﹞5号) are written after the
  line's other glyphs, out of order (东政发﹝2019 5 ﹞ 号): a line whose glyphs go back
  on themselves is put in left-to-right order.

Text pdfium does not map one unit a character (rare) is taken as pdfium gives it.
"""
from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from dangan.read.extract.pdfium_calls import native

NARROW_GAP = 0.5        # a word processor's gap between Chinese and Latin is about a quarter of the height
WIDE_GAP = 1.8          # a gap this many glyph heights wide is a field gap (a tab), not a word space
_EAST = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef]")
_WEST = re.compile(r"[0-9A-Za-z%]")
_SENTENCE_END = set("。！？；：!?;:")
_SPACES = re.compile(" +")


def page_text(textpage: Any) -> str:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    calls = native()
    handle = textpage.raw
    # one text unit a character (the last character's unit is its index): positions map to text
    if not count or len(text) != count or calls.text_index(handle, count - 1) != count - 1:
        return _plain(text)
    lines: list[str] = []
    extents: list[Extent | None] = []
    start = 0
    for end in [i for i, c in enumerate(text) if c == "\n"] + [count]:
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        piece = text[start:stop]
        # a line without a space has nothing to mend: pdfium puts a space wherever glyphs jump
        lines.append(_line(handle, text, start, stop) if " " in piece else piece)
        extents.append(_extent(handle, text, start, stop))
        start = end + 1
    return _plain("\n".join(unwrapped(lines, extents)))


class Extent(NamedTuple):
    left: float      # the first glyph's left edge
    right: float     # the last glyph's right edge
    bottom: float    # the first glyph's bottom
    size: float      # its height


def _extent(handle: Any, text: str, start: int, stop: int) -> Extent | None:
    piece = text[start:stop]
    inked = piece.strip()
    if not inked:
        return None
    head = start + len(piece) - len(piece.lstrip())
    tail = head + len(inked) - 1
    boxes = _boxes(handle, (head, tail))
    first, last = boxes[head], boxes[tail]
    size = first[3] - first[1]
    return Extent(first[0], last[2], first[1], size) if size > 0 and last[2] > first[0] else None


def unwrapped(lines: list[str], extents: list[Extent | None], reaching: int = 2) -> list[str]:
    """A paragraph's lines as one, as its document holds it: a line that runs to the text's right
    edge and does not end a sentence, followed straight below by a line of the same size starting
    at the left edge (a new paragraph is indented, or follows a line that stops short), is wrapped
    (…在河南省第十四届人民代表大会第三次会议上河 / 南省人民政府省长王凯作…). A line holding a field gap
    (a table's row, a header line) is never joined. The right edge is the rightmost end `reaching` - 1
    other lines come within a glyph of."""
    known = [e for e in extents if e is not None]
    if len(known) < 3:
        return lines
    left_edge = min(e.left for e in known)
    rights = sorted((e.right for e in known), reverse=True)
    size = sorted(e.size for e in known)[len(known) // 2]
    # the right edge: the rightmost end another line comes within a glyph of (a comma or a quote
    # mark hanging past a justified edge stands alone; ragged lines end within a glyph or two of it)
    right_edge = next((r for r, below in zip(rights, rights[reaching - 1:]) if r - below <= size), None)
    if right_edge is None or right_edge < rights[0] - 2 * size:   # two short lines alike are no edge
        return lines
    out: list[str] = []
    for k, line in enumerate(lines):
        above = extents[k - 1] if k else None
        here = extents[k]
        if (out and above is not None and here is not None and _wraps(lines[k - 1], above, line, here,
                                                                      left_edge, right_edge)):
            out[-1] = out[-1].rstrip()
            out[-1] += _joint(out[-1][-1:], line.lstrip()[:1]) + line.lstrip()
        else:
            out.append(line)
    return out


def _joint(last: str, first: str) -> str:
    """Chinese wraps anywhere, a number too (增长 7 / %); Latin words wrap at a space the line's end took."""
    if not (last.isascii() and first.isascii() and last.isprintable() and first.isprintable()):
        return ""   # Chinese, its marks and quotes (”“)
    return "" if last.isdigit() and (first.isdigit() or first in "%.,") else " "


def _wraps(above_text: str, above: Extent, text: str, here: Extent, left_edge: float, right_edge: float) -> bool:
    size = above.size
    return (above.right >= right_edge - 2 * size and here.left <= left_edge + 0.3 * size
            and above.right - above.left >= 0.6 * (right_edge - left_edge)
            and abs(here.size - size) <= 0.15 * size and 0.5 * size < above.bottom - here.bottom < 3.0 * size
            and above_text.rstrip()[-1:] not in _SENTENCE_END and "  " not in above_text.strip()
            and "  " not in text.strip())


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


Box = tuple[float, float, float, float]


def _boxes(handle: Any, indexes: Iterable[int]) -> dict[int, Box]:
    """(left, bottom, right, top) of each character's loose box (the font's cell, so a comma
    or 日 is as wide as its advance; a made-up character's is where pdfium puts it)."""
    loose_char_box = native().loose_char_box
    rect = (ctypes.c_float * 4)()   # FS_RECTF: left, top, right, bottom
    ref = ctypes.byref(rect)
    boxes = {}
    for i in indexes:
        boxes[i] = (rect[0], rect[3], rect[2], rect[1]) if loose_char_box(handle, i, ref) else (0.0, 0.0, 0.0, 0.0)
    return boxes


def line_as_printed(handle: Any, text: str, start: int, stop: int) -> str:
    """Characters start..stop of the page text (one line of it, one text unit a character), spaced as
    the document set them: for a page whose tables replace its text (pdf_tables), the lines outside them."""
    return _line(handle, text, start, stop)


def _line(handle: Any, text: str, start: int, stop: int) -> str:
    """One of pdfium's lines, its glyphs in order and its spaces as the document set them.

    Only the glyphs beside a run of spaces are measured: pdfium writes a space wherever the
    stream jumps, backwards too, so a line that goes back on itself shows it beside a space."""
    piece = text[start:stop]
    runs = [(start + m.start(), start + m.end()) for m in _SPACES.finditer(piece)]
    sides = sorted({k for a, b in runs for k in (a - 1, b) if start <= k < stop and not text[k].isspace()})
    boxes = _boxes(handle, sides)
    if any(a - 1 in boxes and b in boxes and _back(boxes[a - 1], boxes[b]) for a, b in runs):
        boxes = _boxes(handle, range(start, stop))
        glyphs = [i for i in range(start, stop) if not text[i].isspace() and boxes[i][2] > boxes[i][0]]
        if _one_row(glyphs, boxes):
            return _spaced(text, boxes, sorted(glyphs, key=lambda i: boxes[i][0]))
    out, at = [], start
    for a, b in runs:
        out.append(text[at:a])
        out.append(_run(handle, text, boxes, a, b))
        at = b
    out.append(text[at:stop])
    return "".join(out)


def _run(handle: Any, text: str, boxes: dict[int, Box], a: int, b: int) -> str:
    """A run of spaces between two glyphs: widened when the gap is a field gap, dropped when it is
    a space pdfium made up for a word processor's gap between Chinese and Latin, else kept."""
    before, after = boxes.get(a - 1), boxes.get(b)
    if before is None or after is None or before[2] <= before[0] or after[2] <= after[0]:
        return text[a:b]
    gap = after[0] - before[2]
    size = max(after[3] - after[1], before[3] - before[1], 1.0)
    if gap >= WIDE_GAP * size:
        return " " * min(20, max(2, round(gap / (0.5 * size))))
    if (b - a == 1 and gap < NARROW_GAP * size and _across_scripts(text[a - 1], text[b])
            and native().is_generated(handle, a)):
        return ""
    return text[a:b]


def _back(before: Box, after: Box) -> bool:
    return after[0] < before[0] - 0.5 * (before[2] - before[0])


def _one_row(glyphs: list[int], boxes: dict[int, Box]) -> bool:
    """Every glyph of the line shares one band of height (not two columns or a sub/superscript)."""
    bottom = max(boxes[i][1] for i in glyphs)
    top = min(boxes[i][3] for i in glyphs)
    return top > bottom


def _spaced(text: str, boxes: dict[int, Box], order: list[int]) -> str:
    """The glyphs of a line put in order, a space where a gap stands between them (runs of
    spaces for a field gap; none between Chinese and Latin across a narrow gap)."""
    out_chars: list[str] = []
    previous: int | None = None
    for i in order:
        c = text[i]
        if previous is not None:
            gap = boxes[i][0] - boxes[previous][2]
            size = max(boxes[i][3] - boxes[i][1], boxes[previous][3] - boxes[previous][1], 1.0)
            if gap >= WIDE_GAP * size:
                out_chars.append(" " * min(20, max(2, round(gap / (0.5 * size)))))
            elif gap >= 0.25 * size and not (gap < NARROW_GAP * size and _across_scripts(text[previous], c)):
                out_chars.append(" ")
        out_chars.append(c)
        previous = i
    return "".join(out_chars)


def _across_scripts(a: str, b: str) -> bool:
    """A Chinese character (or full-width mark) beside a Latin letter, a digit or ASCII mark."""
    return bool((_EAST.match(a) and _WEST.match(b)) or (_WEST.match(a) and _EAST.match(b)))

