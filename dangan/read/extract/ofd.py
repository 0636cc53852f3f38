"""OFD (GB/T 33190-2016): a ZIP of XML; text as positioned `ofd:TextCode` runs.

Reading order comes from positions, not file order: each glyph is placed at
`Boundary` + CTM × (`X`, `Y`) stepped by `DeltaX`/`DeltaY` (producers write a
line, a character or a whole wrapped paragraph per TextCode, in any file order,
some in points under a scaling CTM); runs are grouped into lines by baseline and
sorted by x, a field gap written as a run of spaces as the PDF page text writes
it. Each page's template (`Tpls/`) and annotations (`Annots/`, placed in their
appearance box) are read with it. The
page count is the number of `ofd:Page` entries; `OFD.xml`'s DocInfo (title,
author) becomes hints for the elements (its CreationDate is when the file was
made, not the 成文日期: kept as `created`). The first page's lines also come
with their font size (`Extracted.layout`, in points like the PDF path's), so the
reader finds the 2号 title block the way it does on a PDF; a rotated or
translucent run (a watermark, a stamp's text) is text but not layout. Namespaces differ
between producers (`http://www.ofdspec.org/2016`, `http://www.ofdspec.org`),
so elements are matched by local name.
"""
from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import CorruptFile, EncryptedFile, TooLarge
from dangan.model import Extracted, LayoutLine, Page, Seal
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt
from dangan.read.extract.ofd_seals import MAX_SEAL, read_seals
from dangan.read.extract.ofd_xml import all_named, children, first_named, local_name, number, numbers, resolve
from dangan.read.extract.pdf_text import Extent, unwrapped
from dangan.read.extract.registry import register

log = logging.getLogger(__name__)

MAX_XML = 64 * 2**20   # one content file; real pages are a few kB
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


@register
class OfdExtractor:
    name: ClassVar[str] = "ofd"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.OFD})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        from lxml import etree

        try:
            with zipfile.ZipFile(path) as zf:
                package = _Package(zf, limits)
                info, pages, first = package.read()
                seals, notes = package.seals()
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as exc:
            raise corrupt("OFD 结构无法解析", exc) from exc
        if not pages:
            raise CorruptFile(detail="OFD 中没有页面")
        # a page with no text that holds an image is a scan (OCR reads its image: ofd_images)
        scans = any(not text.strip() and imaged for text, imaged in zip(pages, package.imaged))
        if organs := [s.organ for s in seals if s.organ]:
            info = {**info, "seal": organs[0]}   # the organ the first seal names (rule "seal_organ")
        return Extracted(pages=tuple(Page(n, text) for n, text in enumerate(pages, 1)),
                         extractor=self.name, page_count=len(pages), hints=info,
                         needs_ocr=scans or not any(t.strip() for t in pages), layout=layout_of(first),
                         seals=tuple(seals), warnings=tuple(notes))


class _Package:
    def __init__(self, zf: zipfile.ZipFile, limits: Limits):
        self.zf = zf
        self.names = set(zf.namelist())
        self.templates: dict[str, Any] = {}
        infos = zf.infolist()
        if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
            raise TooLarge(detail="OFD 解压后过大")
        if any(i.flag_bits & 0x1 for i in infos):
            raise EncryptedFile(detail="OFD 包内文件设有密码")
        if "Encryptions.xml" in self.names:
            # GM/T 0099-2020: the parts listed there are SM4 ciphertext, and the plain parts left in
            # their place may be stand-in content: reading them would archive the wrong text
            raise EncryptedFile(detail="OFD 按 GM/T 0099 加密，需先解密")

    def xml(self, name: str) -> Any:
        from lxml import etree

        info = self.zf.getinfo(name)
        if info.file_size > MAX_XML:
            raise TooLarge(detail=f"OFD 内 {name} 过大")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(self.zf.read(info), parser)

    def read(self) -> tuple[dict[str, str], list[str], list[Run]]:
        """DocInfo hints, each page's text, and the first page's runs (for its layout); which
        pages hold an image is kept in `self.imaged`."""
        body = first_named(self.xml("OFD.xml"), "DocBody")
        info = doc_info(first_named(body, "DocInfo") if body is not None else None)
        pages: list[str] = []
        self.first: list[Run] | None = None
        self.imaged: list[bool] = []
        self.page_numbers: dict[str, int] = {}   # page ID → page number (a seal's StampAnnot names the ID)
        annots: dict[str, dict[str, list[str]]] = {}
        for doc_file, page_id, _, root, templates in self.pages():
            self.page_numbers.setdefault(page_id, len(pages) + 1)
            if root is None:
                pages.append("")
                self.imaged.append(False)
                continue
            if doc_file not in annots:
                annots[doc_file] = self.annotations(doc_file, self.xml(doc_file))
            roots = [root, *templates]
            runs = [r for root in roots for r in runs_of(root)]
            for annot in annots[doc_file].get(page_id, []):
                if annot in self.names:
                    runs += annotation_runs(self.xml(annot))
            if self.first is None:
                self.first = runs
            self.imaged.append(any(all_named(root, "ImageObject") for root in roots))
            # a watermark's place in the reading order means nothing: its text goes last
            plain = group_lines([r for r in runs if r.plain])
            # an OFD gives a glyph's em box, not its ink: a line ending in 。 or 》 reaches a glyph
            # further than on a PDF page, so two short lines alike more often look like an edge; three
            # lines must reach it
            text = unwrapped([_line_text(line) for line in plain], [_extent(line) for line in plain], reaching=3)
            text += [_line_text(line) for line in group_lines([r for r in runs if not r.plain])]
            pages.append("\n".join(text))
        return info, pages, self.first or []

    def pages(self) -> Iterator[tuple[str, str, str, Any, list[Any]]]:
        """Every page of every document, in the documents' own order: (document file, page ID, its
        content file, that file parsed (None when it is missing), and the parsed templates it uses;
        a template is parsed once however many pages use it)."""
        for body in all_named(self.xml("OFD.xml"), "DocBody"):
            doc_root = first_named(body, "DocRoot")
            if doc_root is None or not doc_root.text:
                continue
            doc_file = resolve("OFD.xml", doc_root.text)
            doc = self.xml(doc_file)
            templates = {t.get("ID"): resolve(doc_file, t.get("BaseLoc", "")) for t in all_named(doc, "TemplatePage")}
            listed = first_named(doc, "Pages")
            for page in all_named(listed, "Page") if listed is not None else []:
                page_file = resolve(doc_file, page.get("BaseLoc", ""))
                if page_file not in self.names:
                    yield doc_file, page.get("ID", ""), page_file, None, []
                    continue
                root = self.xml(page_file)
                used = [templates.get(u.get("TemplateID")) for u in children(root, "Template")]
                yield doc_file, page.get("ID", ""), page_file, root, [self.template(t) for t in used if t in self.names]

    def seals(self) -> tuple[list[Seal], list[str]]:
        """The electronic seals the package's signatures carry (ofd_seals), and a note for each that could not
        be read: a broken seal never stops the reading of the text."""
        from lxml import etree

        try:
            listed = [resolve("OFD.xml", s.text) for s in all_named(self.xml("OFD.xml"), "Signatures") if s.text]
            return read_seals(self.names, self.seal_bytes, self.xml, listed, self.page_numbers)
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, TooLarge) as exc:
            log.warning("OFD signatures unreadable: %s: %s", type(exc).__name__, exc)
            return [], ["文件中的电子签章无法读取，正文已照常读取"]

    def seal_bytes(self, name: str) -> bytes:
        info = self.zf.getinfo(name)
        if info.file_size > MAX_SEAL:
            raise TooLarge(detail=f"OFD 内 {name} 过大")
        return self.zf.read(info)

    def template(self, name: str) -> Any:
        if name not in self.templates:
            self.templates[name] = self.xml(name)
        return self.templates[name]

    def annotations(self, doc_file: str, doc: Any) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        index = first_named(doc, "Annotations")
        if index is None or not (index.text or "").strip():
            return found
        index_file = resolve(doc_file, index.text)
        if index_file not in self.names:
            return found
        for page in children(self.xml(index_file), "Page"):
            loc = first_named(page, "FileLoc")
            if loc is not None and loc.text:
                found.setdefault(page.get("PageID", ""), []).append(resolve(index_file, loc.text))
        return found


def doc_info(element: Any) -> dict[str, str]:
    """Title, author and creation date from DocInfo; a producer's name is not an author."""
    if element is None:
        return {}
    values = {}
    for key, hint in (("Title", "title"), ("Author", "author"), ("CreationDate", "created"),
                      ("Subject", "subject")):
        node = first_named(element, key)
        text = (node.text or "").strip() if node is not None else ""
        if text:
            values[hint] = text
    creator = first_named(element, "Creator")
    if "author" in values and (any(mark in values["author"] for mark in "®©") or
                               (creator is not None and creator.text == values["author"])):
        del values["author"]
    return values


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


def _extent(line: list[Run]) -> Extent:
    """A line's ends and size, its baseline measured upwards as the PDF page's bottoms are, for the
    PDF path's unwrapping: a producer writing a line or a glyph a TextObject leaves a paragraph's
    wraps as a printed page does (…在河南省…会议上河 / 南省人民政府…)."""
    first, last = line[0], max(line, key=lambda r: r.end)
    # from the first inked glyph to the last one's end, on the last row of a run holding a wrapped
    # paragraph (a typed blank at either end is neither indent nor reach)
    return Extent(first.ink, last.tail, -max(r.tail_y for r in line), first.size)


def _line_text(line: list[Run]) -> str:
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
        out.append(LayoutLine(text=_line_text(line), size=round(sizes[len(sizes) // 2] * PT_PER_MM, 1),
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












