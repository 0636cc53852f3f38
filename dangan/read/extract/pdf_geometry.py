"""pdfplumber's ruled-table geometry (0.11) over plain tuples: the same cells, tables and rows.

pdfplumber snaps, joins and intersects edges kept as dicts, rebuilding a dict for
every moved or stretched edge; on the corpus table pages that cost ~50 ms of the
table finder's ~180 ms. The steps below follow pdfplumber's `merge_edges`,
`edges_to_intersections`, `intersections_to_cells`, `cells_to_tables` and
`Table.rows` operation for operation — the same float arithmetic in the same order,
so every coordinate is bit-identical — and tests/test_pdf_tables.py compares them
with pdfplumber's on the corpus and on random edges.

An edge is `(x0, top, x1, bottom, length)` in top-down page coordinates, kept in
one list per orientation; `length` is pdfplumber's `width` of a horizontal edge and
`height` of a vertical one, carried the way pdfplumber carries them (a snap moves an
edge without changing it).
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from operator import itemgetter

TOLERANCE = 3.0          # pdfplumber's defaults: snap, join and intersection tolerance
MIN_EDGE = 3.0           # shorter merged edges are dropped
Edge = tuple[float, float, float, float, float]
Point = tuple[float, float]
Box = tuple[float, float, float, float]


def table_cells(horizontal: list[Edge], vertical: list[Edge]) -> list[list[Box]]:
    """The cells of each table the edges draw, tables top to bottom (pdfplumber's order)."""
    return _group(intersections_to_cells(intersections(*merged_edges(horizontal, vertical))))


def merged_edges(horizontal: list[Edge], vertical: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    """pdfplumber's `merge_edges` between its two `filter_edges` (1 pt, then `MIN_EDGE`)."""
    horizontal = _join(_snap([e for e in horizontal if e[4] >= 1], 1), 1)
    vertical = _join(_snap([e for e in vertical if e[4] >= 1], 0), 0)
    return [e for e in horizontal if e[4] >= MIN_EDGE], [e for e in vertical if e[4] >= MIN_EDGE]


def rows(cells: list[Box]) -> list[list[Box | None]]:
    """pdfplumber's `Table.rows`: cells by top, each row on the table's column starts."""
    starts = sorted({cell[0] for cell in cells})
    out = []
    for _, row in itertools.groupby(sorted(cells, key=itemgetter(1, 0)), key=itemgetter(1)):
        at = {cell[0]: cell for cell in row}
        out.append([at.get(x) for x in starts])
    return out


def bbox(cells: Sequence[Box | None]) -> Box:
    present = [cell for cell in cells if cell]
    return (min(c[0] for c in present), min(c[1] for c in present),
            max(c[2] for c in present), max(c[3] for c in present))


def _snap(edges: list[Edge], axis: int) -> list[Edge]:
    """pdfplumber's `snap_objects`: positions (x0 of vertical edges, axis 0; top of
    horizontal ones, axis 1) chained within the tolerance move to their cluster's mean."""
    clusters: list[list[Edge]] = []
    cluster_of: dict[float, int] = {}
    last = None
    for value in sorted({e[axis] for e in edges}):
        if last is None or not value <= last + TOLERANCE:
            clusters.append([])
        cluster_of[value] = len(clusters) - 1
        last = value
    for edge in edges:
        clusters[cluster_of[edge[axis]]].append(edge)
    snapped = []
    for cluster in clusters:
        mean = sum(e[axis] for e in cluster) / len(cluster)
        for x0, top, x1, bottom, length in cluster:
            if axis == 0:
                shift = mean - x0
                snapped.append((x0 + shift, top, x1 + shift, bottom, length))
            else:
                shift = mean - top
                snapped.append((x0, top + shift, x1, bottom + shift, length))
    return snapped


def _join(edges: list[Edge], axis: int) -> list[Edge]:
    """pdfplumber's `join_edge_group` over each line: edges on one exact position that
    overlap or nearly touch become one."""
    line, start, end = (1, 0, 2) if axis == 1 else (0, 1, 3)
    joined: list[Edge] = []
    for _, group in itertools.groupby(sorted(edges, key=itemgetter(line)), key=itemgetter(line)):
        ordered = sorted(group, key=itemgetter(start))
        joined.append(ordered[0])
        for edge in ordered[1:]:
            last = joined[-1]
            if edge[start] > last[end] + TOLERANCE:
                joined.append(edge)
            elif edge[end] > last[end]:
                joined[-1] = _stretch(last, edge[end], axis)
    return joined


def _stretch(edge: Edge, value: float, axis: int) -> Edge:
    x0, top, x1, bottom, length = edge
    if axis == 1:     # pdfplumber's resize_object(edge, "x1", value)
        return (x0, top, value, bottom, value - x0)
    return (x0, top, x1, value, length + (value - bottom))   # ... "bottom": height + diff


def intersections(horizontal: list[Edge], vertical: list[Edge]
                  ) -> dict[Point, tuple[set[Box], set[Box]]]:
    """pdfplumber's `edges_to_intersections`: each point where a vertical edge meets a
    horizontal one, with the boxes of the vertical and horizontal edges through it.
    Horizontal edges are looked up by top (bisect, with a margin; the test is
    pdfplumber's) instead of testing every pair."""
    by_top = sorted(horizontal, key=itemgetter(1))
    tops = [e[1] for e in by_top]
    boxes = [e[:4] for e in by_top]
    found: dict[Point, tuple[set[Box], set[Box]]] = {}
    for v in vertical:
        x, v_top, _, v_bottom, _ = v
        v_box = v[:4]
        lo = bisect.bisect_left(tops, v_top - TOLERANCE - _margin(v_top))
        hi = bisect.bisect_right(tops, v_bottom + TOLERANCE + _margin(v_bottom))
        for k in range(lo, hi):
            h = by_top[k]
            top = h[1]
            if v_top <= top + TOLERANCE and v_bottom >= top - TOLERANCE and h[0] - TOLERANCE <= x <= h[2] + TOLERANCE:
                point = found.get((x, top))
                if point is None:
                    point = found[(x, top)] = (set(), set())
                point[0].add(v_box)
                point[1].add(boxes[k])
    return found


def _margin(value: float) -> float:
    """Slack for the bisect bounds, well above the rounding of `top ± TOLERANCE`."""
    return 1.0 + abs(value) * 1e-9


def intersections_to_cells(points: dict[Point, tuple[set[Box], set[Box]]]) -> list[Box]:
    """pdfplumber's `intersections_to_cells`: from each point, the smallest cell whose
    corners are points joined by edges.

    pdfplumber's `edge_connects(p1, p2)` asks whether two points in one column share a
    vertical edge, or two in one row a horizontal edge. The points an edge passes
    through are a run of neighbours in its column (row): a point is made for every
    horizontal edge that meets a vertical one, and an edge meets every other edge at
    its position that spans it. So the points below (right of) a point that it
    connects to are those up to the first one it does not connect to; pdfplumber
    scans all later points.
    """
    ordered = sorted(points)
    columns: dict[float, list[Point]] = {}
    lines: dict[float, list[Point]] = {}
    place: dict[Point, tuple[int, int]] = {}
    for point in ordered:                      # by x, then y: each list is in order
        column, line = columns.setdefault(point[0], []), lines.setdefault(point[1], [])
        place[point] = (len(column), len(line))
        column.append(point)
        line.append(point)
    cells = []
    for point in ordered:
        in_column, in_line = place[point]
        cell = _smallest_cell(point, columns[point[0]], in_column, lines[point[1]], in_line, points)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(point: Point, column: list[Point], in_column: int, line: list[Point], in_line: int,
                   points: dict[Point, tuple[set[Box], set[Box]]]) -> Box | None:
    vertical, horizontal = points[point]
    right: list[Point] | None = None
    for below_point in itertools.islice(column, in_column + 1, None):
        below = points[below_point]
        if vertical.isdisjoint(below[0]):
            return None          # nor is any point further down on the point's edges
        if right is None:
            right = []
            for right_point in itertools.islice(line, in_line + 1, None):
                if horizontal.isdisjoint(points[right_point][1]):
                    break
                right.append(right_point)
        for right_point in right:
            corner = points.get((right_point[0], below_point[1]))
            if (corner is not None and not corner[0].isdisjoint(points[right_point][0])
                    and not corner[1].isdisjoint(below[1])):
                return (point[0], point[1], right_point[0], below_point[1])
    return None


def _group(cells: list[Box]) -> list[list[Box]]:
    """pdfplumber's `cells_to_tables`: cells sharing a corner, directly or through
    others, make one table; tables of one cell are dropped, the rest ordered by their
    top-left cell. pdfplumber grows each table by repeated passes over the remaining
    cells; joining the cells met at each corner (union-find) gives the same groups."""
    parent = list(range(len(cells)))     # each cell's link towards its group's first cell
    owner: dict[Point, int] = {}
    for index, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            other = owner.setdefault(corner, index)
            if other != index:          # join the two groups (loops inlined: ~35k calls saved)
                while parent[other] != other:
                    other = parent[other]
                mine = index
                while parent[mine] != mine:
                    mine = parent[mine]
                if other < mine:
                    parent[mine] = other
                elif mine < other:
                    parent[other] = mine
    groups: dict[int, list[Box]] = {}
    for index, cell in enumerate(cells):
        first = index
        while parent[first] != first:
            first = parent[first]
        groups.setdefault(first, []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
