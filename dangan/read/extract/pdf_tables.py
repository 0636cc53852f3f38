"""Ruled tables from pypdfium2's drawn paths, laid out by pdfplumber's table geometry.

pdfplumber's table finder reads a page through pdfminer (~22 pages/s on the
budget PDFs, and minutes on a hostile drawn form). Its geometry — snapping and
joining edges, intersections, cells, tables, rows — is pure Python over edge
records, so we take the edges from pypdfium2's path objects, run that geometry
(`pdf_geometry`, pdfplumber's steps over tuples) and place pypdfium2's characters
into the cells: the same tables in the same row order (1011 of 1015 rows identical
on the corpus, the rest differ by a space or a punctuation mark at a cell's edge)
at ~2 ms a page.

A character belongs to the cell holding the centre of its glyph box; lines
inside a cell are told apart by baseline; a space is put where the gap to the
next character exceeds 3 pt, measured on the character's advance box.
"""
from __future__ import annotations

import bisect
import ctypes
import itertools
import operator
from typing import Any, NamedTuple

from dangan.read.extract.pdf_geometry import Box, Edge, bbox, rows, table_cells
from dangan.read.extract.pdf_text import line_as_printed
from dangan.read.extract.pdfium_calls import native, out

TOLERANCE = 3.0          # pdfplumber's defaults: x gap, line gap
PATH_OBJECT = 2          # pdfium's FPDF_PAGEOBJ_PATH, FPDF_SEGMENT_LINETO and _MOVETO
SEGMENT_LINETO, SEGMENT_MOVETO = 0, 2
Rows = tuple[tuple[str, ...], ...]


class Char(NamedTuple):
    text: str
    x0: float        # advance box, for gaps
    x1: float
    cx: float        # glyph centre, for cell membership
    cy: float
    baseline: float  # top-down, like pdfplumber


def ruled_tables(page: Any, textpage: Any, paths: list[Any] | None = None) -> tuple[list[Rows], str]:
    """Tables on the page and the page text with each table in place as tab-separated rows.

    `paths` are the page's path objects (`path_objects`), when the caller has them.
    ([], "") when the page's lines form no table.
    """
    height = page.get_height()
    tables_cells = table_cells(*_edges(path_objects(page) if paths is None else paths, height))
    if not tables_cells:
        return [], ""
    boxes = [bbox(cells) for cells in tables_cells]
    chars, outside = _read_chars(textpage, height, boxes)
    chars.sort(key=_BY_Y)
    ys = [c.cy for c in chars]
    tables: list[Rows] = []
    blocks: list[tuple[float, str]] = []
    for cells, box in zip(tables_cells, boxes):
        found = tuple(_row_texts(row, chars, ys) for row in rows(cells))
        tables.append(found)
        blocks.append((box[1], "\n".join("\t".join(r) for r in found)))
    blocks.extend(outside)
    blocks.sort(key=lambda b: b[0])
    return tables, "\n".join(text for _, text in blocks)


def path_objects(page: Any) -> list[Any]:
    """The page's top-level path objects (handles valid while the page is open).

    One walk serves both the table check (enough paths?) and the edges, through the
    raw API: wrapping 100k objects in pypdfium2's classes is slow.
    """
    calls = native()
    get_object, object_type, page_handle = calls.get_object, calls.object_type, page.raw
    objects = (get_object(page_handle, i) for i in range(calls.count_objects(page_handle)))
    return [obj for obj in objects if object_type(obj) == PATH_OBJECT]


def _edges(paths: list[Any], height: float) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical segments of the path objects, in top-down page coordinates."""
    calls = native()
    get_matrix, count_segments, get_segment = calls.get_matrix, calls.count_segments, calls.get_segment
    segment_point, segment_type, segment_close = calls.segment_point, calls.segment_type, calls.segment_close
    matrix, (matrix_at, *_) = out(ctypes.c_float, 6)   # FS_MATRIX: a, b, c, d, e, f
    xy, (x_at, y_at) = out(ctypes.c_float, 2)
    lines: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for obj in paths:
        get_matrix(obj, matrix_at)
        a, b, c, d, e, f = matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5]
        last = start = None
        for s in range(count_segments(obj)):
            segment = get_segment(obj, s)
            segment_point(segment, x_at, y_at)
            x, y = xy[0], xy[1]
            point = (a * x + c * y + e, b * x + d * y + f)
            kind = segment_type(segment)
            if kind == SEGMENT_MOVETO:
                start = point
            elif kind == SEGMENT_LINETO and last is not None:
                lines.append((last, point))
            last = point
            if segment_close(segment) and start is not None:
                lines.append((point, start))
    horizontal: list[Edge] = []
    vertical: list[Edge] = []
    for (x0, y0), (x1, y1) in lines:   # min() and max() written out: ~12k calls fewer
        if abs(y0 - y1) < 0.01:
            top = height - (y0 + y1) / 2
            left, right = (x1 if x1 < x0 else x0), (x1 if x1 > x0 else x0)
            horizontal.append((left, top, right, top, right - left))
        elif abs(x0 - x1) < 0.01:
            top, bottom = height - (y1 if y1 > y0 else y0), height - (y1 if y1 < y0 else y0)
            left = (x0 + x1) / 2
            vertical.append((left, top, left, bottom, bottom - top))
        # diagonals and curves draw no table
    return horizontal, vertical


def _page_chars(textpage: Any) -> str:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:   # characters outside the BMP: one call each
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(count))
    return text


def _read_chars(textpage: Any, height: float, boxes: list[tuple[float, float, float, float]]
                ) -> tuple[list[Char], list[tuple[float, str]]]:
    """The characters inside the tables' boxes, and the text lines (in pdfium's order,
    keyed by top baseline) without them.

    Each box is read only where it is used: the glyph box of every character (is it in
    a table?), the origin of the kept ones, the loose box of those in a table; spaces
    in a table are dropped, as no cell keeps them (2.55 calls a character on the
    corpus table pages instead of 2.83).
    """
    calls = native()
    char_box, loose_char_box, char_origin = calls.char_box, calls.loose_char_box, calls.char_origin
    text_handle = textpage.raw
    box, (left_at, right_at, bottom_at, top_at, ox_at, oy_at) = out(ctypes.c_double, 6)   # glyph box, origin
    loose, (loose_at, *_) = out(ctypes.c_float, 4)    # FS_RECTF: left, top, right, bottom
    inside: list[Char] = []
    lines: list[tuple[float, str]] = []
    line: list[str] = []
    line_top = 0.0
    new = tuple.__new__
    text = _page_chars(textpage)
    mapped = bool(text) and calls.text_index(text_handle, len(text) - 1) == len(text) - 1
    first, mixed = -1, False   # the line's first character; a table's character among its own
    for i, ch in enumerate(text + "\n"):
        if ch in "\r\n":
            if line:
                joined = "".join(line).strip()
                if joined and " " in joined and mapped and not mixed:
                    # spaced as the page text is (pdf_text): a 填报单位 … 填报日期 field gap over a table
                    # stays wide, a made-up space between 汉字 and digits goes
                    joined = line_as_printed(text_handle, text, first, i).strip()
                if joined:
                    lines.append((line_top, joined))
                line = []
            first, mixed = -1, False
            continue
        char_box(text_handle, i, left_at, right_at, bottom_at, top_at)
        left, right, bottom, top = box[0], box[1], box[2], box[3]
        cx, cy = (left + right) / 2, height - (bottom + top) / 2
        for b in boxes:
            if b[0] <= cx < b[2] and b[1] <= cy < b[3]:
                break
        else:           # in no table
            char_origin(text_handle, i, ox_at, oy_at)
            baseline = height - box[5]
            if not line or baseline < line_top:   # min() of the line's baselines
                line_top = baseline
            if not line:
                first = i
            line.append(ch)
            continue
        mixed = mixed or bool(line)
        if not ch.isspace():
            loose_char_box(text_handle, i, loose_at)
            char_origin(text_handle, i, ox_at, oy_at)
            x0, x1 = loose[0], loose[2]
            # Some fonts report a page-sized loose box. (The first test only skips the
            # max() call: 4 × the glyph size is at least 16.)
            if x1 - x0 > 16.0 and x1 - x0 > 4 * max(top - bottom, right - left, 4.0):
                x0, x1 = left, right
            inside.append(new(Char, (ch, x0, x1, cx, cy, height - box[5])))   # Char(...), ~2x faster
    return inside, lines


def _row_texts(row: list[Box | None], chars: list[Char], ys: list[float]) -> tuple[str, ...]:
    """Each cell's text from the characters whose glyph centre it holds (`chars` sorted
    by centre y, `ys` their centres).

    A row's cells side by side (the usual case) take their characters in one pass,
    each character to the cell found by bisecting the cells' left edges: testing every
    character against every cell cost ~30 ms on the corpus. Characters keep their
    y order within a cell either way, which `_cell_text` keeps among equal positions.
    """
    present = [cell for cell in row if cell is not None]
    _, top, _, bottom = bbox(row)
    lo, hi = bisect.bisect_left(ys, top), bisect.bisect_left(ys, bottom)
    found: list[list[Char]] = [[] for _ in present]
    if all(a[2] <= b[0] for a, b in zip(present, present[1:])):
        starts = [cell[0] for cell in present]
        for char in itertools.islice(chars, lo, hi):
            k = bisect.bisect_right(starts, char.cx) - 1
            if k >= 0:
                _, top, x1, bottom = present[k]
                if char.cx < x1 and top <= char.cy < bottom:
                    found[k].append(char)
    else:   # overlapping cells (a strange drawing): each takes every character it holds
        for k, (x0, top, x1, bottom) in enumerate(present):
            found[k] = [c for c in itertools.islice(chars, lo, hi) if x0 <= c.cx < x1 and top <= c.cy < bottom]
    texts = iter(found)
    return tuple("" if cell is None else _cell_text(next(texts)) for cell in row)


_BY_LINE = operator.itemgetter(5, 1)   # Char's baseline, x0
_BY_X = operator.itemgetter(1)
_BY_Y = operator.itemgetter(4)


def _cell_text(chars: list[Char]) -> str:
    """Lines by baseline, characters by x; a cell's lines are joined without a break.
    `chars` holds no spaces (`_read_chars` drops them)."""
    chars = sorted(chars, key=_BY_LINE)
    lines: list[list[Char]] = []
    for char in chars:
        if lines and abs(char.baseline - lines[-1][0].baseline) <= TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    out = []
    for line in lines:
        line.sort(key=_BY_X)
        previous = None
        for char in line:
            if previous is not None and char.x0 > previous.x1 + TOLERANCE:
                out.append(" ")
            out.append(char.text)
            previous = char
    return "".join(out)
