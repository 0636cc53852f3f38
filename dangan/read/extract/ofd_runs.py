"""The text of an OFD page as runs placed on it, and the lines they make (GB/T 33190-2016).

Each TextObject's TextCode glyphs are placed by the object's Boundary, its CTM and the code's
DeltaX/DeltaY (§11.3), annotations' appearances within their boxes (§15.2); runs on one baseline
make a line, and a line's text keeps the gaps between its fields. ofd.py reads the package and
asks here for each page's lines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dangan.model import LayoutLine
from dangan.read.extract.ofd_xml import all_named, children, local_name, number, numbers
from dangan.read.extract.pdf_text import Extent

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True, slots=True)
class Run:
    x: float
    y: float        # baseline, mm from the top
    size: float     # font size, mm
    end: float      # x where the run ends (its first row's end, blanks included)
    text: str
    plain: bool = True   # upright and opaque: part of the page's layout (not a watermark)
    ink: float = 0.0     # x of its first inked glyph (a typed blank is no indent's end)
    tail: float = 0.0    # x where its last inked glyph ends, on its last row
    tail_y: float = 0.0  # its last row's baseline



def annotation_runs(root: Any) -> list[Run]:
    """The text of a page's visible annotations: each Appearance's objects sit in its Boundary
    (GB/T 33190 §15.2), as a page's objects sit on the page."""
    runs = []
    for annot in all_named(root, "Annot"):
        if annot.get("Visible", "true").strip().lower() == "false":
            continue
        for look in children(annot, "Appearance"):
            box = numbers(look.get("Boundary"))
            runs += runs_of(look, (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0))
    return runs


def runs_of(root: Any, origin: tuple[float, float] = (0.0, 0.0)) -> list[Run]:
    """Every TextObject's text as runs placed on the page: Boundary's corner (plus `origin`, an
    annotation's appearance box) + CTM × the glyph's place, its size scaled by the CTM."""
    runs = []
    for obj in root.iter():
        if local_name(obj.tag) != "TextObject":
            continue
        box = numbers(obj.get("Boundary"))
        left, top = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        ctm = numbers(obj.get("CTM"))
        matrix = tuple(ctm[:6]) if len(ctm) >= 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        alpha = number(obj.get("Alpha"), 255)
        for fill in children(obj, "FillColor"):
            alpha = min(alpha, number(fill.get("Alpha"), 255))
        plain = abs(matrix[1]) < 1e-3 and abs(matrix[2]) < 1e-3 and alpha >= 200
        place = _Placer(origin[0] + left, origin[1] + top, matrix)
        size = number(obj.get("Size"), 3.5)
        x = y = 0.0
        for code in children(obj, "TextCode"):
            x, y = number(code.get("X"), x), number(code.get("Y"), y)
            text = code.text or ""
            if text.strip():
                runs += code_runs(text, x, y, size, code.get("DeltaX"), code.get("DeltaY"), place, plain)
    return runs


class _Placer:
    """Object space → page millimetres: the CTM, then the Boundary's corner (GB/T 33190 §8.2)."""

    def __init__(self, left: float, top: float, m: tuple[float, ...]):
        self.left, self.top, self.m = left, top, m
        self.scale = abs(m[0] * m[3] - m[1] * m[2]) ** 0.5 or 1.0

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return self.left + a * x + c * y + e, self.top + b * x + d * y + f


def code_runs(text: str, x: float, y: float, size: float, delta_x: str | None, delta_y: str | None,
              place: _Placer, plain: bool) -> list[Run]:
    """One TextCode's glyphs as runs. A producer may write a whole paragraph in one TextCode,
    DeltaX stepping back and DeltaY down at each wrap, or a line's two fields in one with a wide
    DeltaX step between them. A row that reaches the code's widest row (within an em) and does not
    end a sentence wrapped there: the next row is the same line of text, as the paragraph is one
    line in a DOCX; a row that stops short ended its line (a form's cell holding several entries),
    so the next row is a run of its own. A wide step inside a row is a field gap: a run each side.
    A code no wider than 2.5 ems (vertical writing, a narrow column) is one run, read downwards.
    A step DeltaX does not give is the glyph's own width (an em, half for ASCII), or none where
    DeltaY steps down (glyphs stacked: vertical writing)."""
    n = len(text)
    if n == 1:   # a glyph a TextCode (per-glyph producers): nothing to step, split or join
        px, py = place(x, y)
        end = place(x + _em(text) * size, y)[0]
        return [Run(px, py, size * place.scale, end, text, plain, px, end, py)] if text.strip() else []
    dx, dy = deltas(delta_x, n), deltas(delta_y, n)
    xs, ys = [x], [y]
    for i in range(1, n):
        down = dy[i - 1] if i - 1 < len(dy) else 0.0
        ys.append(ys[-1] + down)
        xs.append(xs[-1] + (dx[i - 1] if i - 1 < len(dx) else 0.0 if down else _em(text[i - 1]) * size))
    rows = [0] + [i for i in range(1, n) if abs(ys[i] - ys[i - 1]) > 0.3 * size]
    bounds = list(zip(rows, rows[1:] + [n]))
    ends = [max(xs[i] + _em(text[i]) * size for i in range(a, b)) for a, b in bounds]
    if len(rows) > 1 and max(ends) - min(xs) <= 2.5 * size:
        bounds, ends = [(0, n)], [max(ends)]
    widest = max(ends)
    pieces: list[tuple[int, int, float]] = []   # (first glyph, glyph after, end of its first row)
    for r, (a, b) in enumerate(bounds):
        wrapped = r > 0 and widest - ends[r - 1] <= size and text[a - 1] not in _SENTENCE_END
        cuts = [a] + [i for i in range(a + 1, b) if xs[i] - xs[i - 1] - _em(text[i - 1]) * size > 1.5 * size]
        for k, (c, d) in enumerate(zip(cuts, cuts[1:] + [b])):
            if k == 0 and wrapped and pieces:
                pieces[-1] = (pieces[-1][0], d, pieces[-1][2])
            else:
                pieces.append((c, d, xs[d - 1] + _em(text[d - 1]) * size))
    runs = []
    for a, b, end in pieces:
        inked = [i for i in range(a, b) if not text[i].isspace()]
        if inked:
            px, py = place(xs[a], ys[a])
            tail, tail_y = place(xs[inked[-1]] + _em(text[inked[-1]]) * size, ys[inked[-1]])
            runs.append(Run(px, py, size * place.scale, place(end, ys[a])[0], text[a:b], plain,
                            place(xs[inked[0]], ys[inked[0]])[0], tail, tail_y))
    return runs


_SENTENCE_END = set("。！？；：!?;:")


def _em(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


def group_lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and abs(run.y - lines[-1][0].y) <= max(0.5 * min(run.size, lines[-1][0].size), 0.8):
            lines[-1].append(run)
        else:
            lines.append([run])
    return [sorted(line, key=lambda r: r.x) for line in lines]


def line_extent(line: list[Run]) -> Extent:
    """A line's ends and size, its baseline measured upwards as the PDF page's bottoms are, for the
    PDF path's unwrapping: a producer writing a line or a glyph a TextObject leaves a paragraph's
    wraps as a printed page does (…在河南省…会议上河 / 南省人民政府…)."""
    first, last = line[0], max(line, key=lambda r: r.end)
    # from the first inked glyph to the last one's end, on the last row of a run holding a wrapped
    # paragraph (a typed blank at either end is neither indent nor reach)
    return Extent(first.ink, last.tail, -max(r.tail_y for r in line), first.size)


def line_text(line: list[Run]) -> str:
    """A line's runs joined; a gap of 1.5 sizes or more is a field gap (a tab, a run of spaces)
    and is written as a run of spaces by its width, as the PDF page text writes it; a word
    space a per-glyph producer did not write is put back between Latin letters and digits."""
    parts: list[str] = []
    prev: Run | None = None
    for run in line:
        if prev is not None:
            gap = run.x - prev.end
            if gap > 1.5 * run.size:
                parts.append(" " * min(20, max(2, round(gap / (0.5 * run.size)))))
            elif gap > 0.2 * run.size and prev.text[-1:].isascii() and prev.text[-1:].isalnum() \
                    and run.text[:1].isascii() and run.text[:1].isalnum():
                parts.append(" ")
        parts.append(run.text)
        prev = run
    return "".join(parts)


def layout_of(runs: list[Run]) -> tuple[LayoutLine, ...]:
    """The first page's upright, opaque lines with their font size and top, in points (the
    median size of the line's runs weighted by characters, as the PDF path reads glyphs)."""
    out = []
    for line in group_lines([r for r in runs if r.plain]):
        sizes = sorted(s for r in line for s in [r.size] * len(r.text.strip()))
        out.append(LayoutLine(text=line_text(line), size=round(sizes[len(sizes) // 2] * PT_PER_MM, 1),
                              top=round(min(r.y - r.size for r in line) * PT_PER_MM, 1)))
    return tuple(out)


def deltas(spec: str | None, count: int) -> list[float]:
    """`DeltaX` with its `g <repeat> <value>` shorthand expanded (GB/T 33190 §11.3)."""
    tokens = (spec or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            out += [number(tokens[i + 2], 0.0)] * min(int(number(tokens[i + 1], 0)), count)
            i += 3
        else:
            out.append(number(tokens[i], 0.0))
            i += 1
    return out[:max(0, count - 1)]












