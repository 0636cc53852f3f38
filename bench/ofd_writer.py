"""A PDF's printed text written as OFD (GB/T 33190-2016), the ways real producers write it.

Why a writer of our own, in bench/ and not in dangan/: no maintained converter can be installed
through the project's extras for this. easyofd (PyPI, Apache-2.0) converts PDF to OFD, but it
depends on PyMuPDF (AGPL-3.0) and reportlab, and writes one style only (a TextObject a text block,
evenly spaced `g N w` DeltaX); ofdrw's converter is Java. The bench needs the producers' several
styles, deterministic per document, and nothing else: each character's position, size, colour and
font come from pdfium (already a dependency), and are written as OFD text objects.

A document's traits are drawn from its name's hash, each independently (`traits`):

- unit: one TextObject a line run (`line`, DeltaX per character, the `g` shorthand where steps
  repeat); one a character (`char`, blanks not written, as per-glyph producers do); one a paragraph
  with a TextCode a line (`textcodes`); one a paragraph in a single TextCode whose DeltaX steps back
  and DeltaY steps down at each wrap (`deltay`, as the corpus's invoice and certificate have it);
- coordinates: Boundary the run's box and X/Y inside it (`boundary`); Boundary the whole page and
  X/Y from the page's corner (`page`); Boundary the run's box and the text in points under a
  CTM scaling points to millimetres (`ctm`);
- order: objects in reading order or shuffled (`shuffled`); the first page's red lines (the 版头's
  发文机关标志) on a template page (`template`); page-number lines in a layer of their own written
  first (`footer_layer`); page files named in reverse (`reversed_pages`: Document.xml's list keeps
  the order); the 2016 or the older namespace (`old_namespace`).
"""
from __future__ import annotations

import ctypes
import hashlib
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

MM_PER_PT = 25.4 / 72
UNITS = ("line", "char", "textcodes", "deltay")
COORDS = ("boundary", "page", "ctm")


@dataclass(frozen=True, slots=True)
class Glyph:
    ch: str
    x: float        # origin, mm from the page's left
    y: float        # baseline, mm from the page's top
    size: float     # mm
    advance: float  # mm to the next glyph of the line (its box width for the last)
    font: str
    red: bool


@dataclass
class Line:
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def y(self) -> float:
        return self.glyphs[0].y

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)


def traits(name: str) -> dict[str, object]:
    """The producer's style for a document, drawn from its name (deterministic)."""
    h = hashlib.sha256(name.encode()).digest()
    return {"unit": UNITS[h[0] % len(UNITS)], "coords": COORDS[h[1] % len(COORDS)],
            "shuffled": bool(h[2] & 1), "template": bool(h[3] & 1), "footer_layer": bool(h[4] & 1),
            "reversed_pages": bool(h[5] & 1), "old_namespace": bool(h[6] & 1)}


def pdf_lines(pdf: Path) -> tuple[list[list[Line]], tuple[float, float]]:
    """Each page's printed lines (glyphs in x order), and the page size in mm."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(pdf)
    pages = []
    size = (210.0, 297.0)
    try:
        for page in doc:
            width, height = page.get_size()
            size = (width * MM_PER_PT, height * MM_PER_PT)
            tp = page.get_textpage()
            glyphs = []
            x, y = ctypes.c_double(), ctypes.c_double()
            box = [ctypes.c_double() for _ in range(4)]
            rgba = [ctypes.c_uint() for _ in range(4)]
            buf = ctypes.create_string_buffer(128)
            flags = ctypes.c_int()
            matrix = c.FS_MATRIX()
            for i in range(tp.count_chars()):
                if c.FPDFText_IsGenerated(tp.raw, i):
                    continue
                code = c.FPDFText_GetUnicode(tp.raw, i)
                if 0xDC00 <= code <= 0xDFFF:
                    continue   # the second half of a pair, read with the first
                if 0xD800 <= code <= 0xDBFF and i + 1 < tp.count_chars():
                    code = 0x10000 + ((code - 0xD800) << 10) + (c.FPDFText_GetUnicode(tp.raw, i + 1) - 0xDC00)
                ch = chr(code)
                if ch in "\r\n\x00\ufffe" or 0xD800 <= code <= 0xDFFF:
                    continue
                c.FPDFText_GetCharOrigin(tp.raw, i, x, y)
                c.FPDFText_GetCharBox(tp.raw, i, *box)
                c.FPDFText_GetFillColor(tp.raw, i, *rgba)
                c.FPDFText_GetFontInfo(tp.raw, i, buf, 128, flags)
                c.FPDFText_GetMatrix(tp.raw, i, matrix)
                # the font size times the text matrix's vertical scale (a PDF may set 319 pt at 0.05)
                pt = c.FPDFText_GetFontSize(tp.raw, i) * ((matrix.c ** 2 + matrix.d ** 2) ** 0.5 or 1.0)
                red = rgba[0].value > 150 and rgba[1].value < 100 and rgba[2].value < 100
                glyphs.append((ch, x.value * MM_PER_PT, (height - y.value) * MM_PER_PT, pt * MM_PER_PT,
                               (box[1].value - x.value) * MM_PER_PT, buf.value.decode("utf-8", "replace") or "宋体",
                               red))
            tp.close()
            page.close()
            pages.append(_lines(glyphs))
    finally:
        doc.close()
    return pages, size


def _lines(glyphs: list[tuple]) -> list[Line]:
    """Glyphs grouped by baseline (in content order, as pdfium reads them), each line in x order,
    each glyph's advance to the next one."""
    lines: list[list[tuple]] = []
    for g in glyphs:
        if lines and abs(g[2] - lines[-1][0][2]) <= 0.3 * max(g[3], lines[-1][0][3]):
            lines[-1].append(g)
        else:
            lines.append([g])
    out = []
    for raw in sorted(lines, key=lambda gs: gs[0][2]):
        raw.sort(key=lambda g: g[1])
        line = Line()
        for i, (ch, gx, gy, size, width, font, red) in enumerate(raw):
            advance = raw[i + 1][1] - gx if i + 1 < len(raw) else max(width, size * (0.5 if ch.isascii() else 1))
            line.glyphs.append(Glyph(ch, gx, raw[0][2], size, advance, font, red))
        if line.text().strip():
            out.append(line)
    return out


def _runs(line: Line, blanks: bool) -> list[list[Glyph]]:
    """A line's glyphs split where size or colour changes (one TextObject each; a Latin font's
    digits among Chinese stay in the run: DeltaX carries their widths)."""
    runs: list[list[Glyph]] = []
    for g in line.glyphs:
        if not blanks and not g.ch.strip():
            continue
        if runs and (g.size, g.red) == (runs[-1][0].size, runs[-1][0].red):
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def _paragraphs(lines: list[Line]) -> list[list[list[Glyph]]]:
    """The page's lines as a word processor's paragraphs: a one-run line that reaches the text's
    right edge (within a glyph) is wrapped, and the next one-run line of the same size and colour,
    starting at the left edge under it (under 1.9 sizes below), continues its paragraph."""
    ends = [ln.glyphs[-1].x + ln.glyphs[-1].advance for ln in lines]
    # the text's right edge: the rightmost end another line comes within a glyph of (a comma
    # hanging past a justified edge stands alone)
    paired = [e for i, e in enumerate(ends)
              if any(abs(e - f) <= lines[i].size for j, f in enumerate(ends) if j != i)]
    right = max(paired or ends or [0.0])
    left = min((ln.glyphs[0].x for ln in lines), default=0.0)
    paras: list[list[list[Glyph]]] = []
    prev: Line | None = None
    for line in lines:
        runs = _runs(line, True)
        last = paras[-1][-1] if paras else None
        joinable = (len(runs) == 1 and prev is not None and last is not None and len(_runs(prev, True)) == 1
                    and (runs[0][0].size, runs[0][0].red) == (last[0].size, last[0].red)
                    and right - (last[-1].x + last[-1].advance) <= last[0].size
                    and line.glyphs[0].x - left <= 0.5 * line.size
                    and 0 < line.y - prev.y < 1.9 * line.size)
        if joinable:
            paras[-1].append(runs[0])
        else:
            paras += [[r] for r in runs]
        prev = line
    return paras


def _numbers(values: list[float]) -> str:
    """A DeltaX/DeltaY list, repeats of three or more written `g <count> <value>`."""
    out: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        if j - i >= 3:
            out.append(f"g {j - i} {values[i]:g}")
        else:
            out += [f"{v:g}" for v in values[i:j]]
        i = j
    return " ".join(out)


class _Writer:
    def __init__(self, style: dict[str, object], page_size: tuple[float, float]):
        self.style = style
        self.page = page_size
        self.next_id = 100
        self.fonts: dict[str, int] = {}

    def uid(self) -> int:
        self.next_id += 1
        return self.next_id

    def font(self, name: str) -> int:
        if name not in self.fonts:
            self.fonts[name] = len(self.fonts) + 1
        return self.fonts[name]

    def text_object(self, codes: list[list[Glyph]]) -> str:
        """One TextObject holding `codes` (a TextCode each, or one TextCode over all with DeltaY)."""
        first = codes[0][0]
        glyphs = [g for code in codes for g in code]
        left = min(g.x for g in glyphs)
        top = min(g.y - g.size for g in glyphs)
        right = max(g.x + g.advance for g in glyphs)
        bottom = max(g.y + 0.25 * g.size for g in glyphs)
        coords = self.style["coords"]
        scale = 1 / MM_PER_PT if coords == "ctm" else 1.0
        if coords == "page":
            bx, by, bw, bh = 0.0, 0.0, self.page[0], self.page[1]
        else:
            bx, by, bw, bh = left, top, right - left, bottom - top
        attrs = (f'ID="{self.uid()}" Font="{self.font(first.font)}" Size="{round(first.size * scale, 3):g}" '
                 f'Boundary="{bx:.3f} {by:.3f} {bw:.3f} {bh:.3f}"')
        if coords == "ctm":
            attrs += f' CTM="{MM_PER_PT:.5f} 0 0 {MM_PER_PT:.5f} 0 0"'
        color = "255 0 0" if first.red else "0 0 0"
        parts = [f"<ofd:TextObject {attrs}><ofd:FillColor Value=\"{color}\"/>"]
        if self.style["unit"] == "deltay" and len(codes) > 1:
            dx, dy = [], []
            for a, b in zip(glyphs, glyphs[1:]):
                dx.append(round((b.x - a.x) * scale, 3))
                dy.append(round((b.y - a.y) * scale, 3))
            parts.append(self.code(first, bx, by, scale, glyphs, dx, dy))
        else:
            for code in codes:
                dx = [round(g.advance * scale, 3) for g in code[:-1]]
                parts.append(self.code(code[0], bx, by, scale, code, dx, None))
        parts.append("</ofd:TextObject>")
        return "".join(parts)

    @staticmethod
    def code(first: Glyph, bx: float, by: float, scale: float, glyphs: list[Glyph],
             dx: list[float], dy: list[float] | None) -> str:
        x, y = round((first.x - bx) * scale, 3), round((first.y - by) * scale, 3)
        attrs = f'X="{x:g}" Y="{y:g}"'
        if dx:
            attrs += f' DeltaX="{_numbers(dx)}"'
        if dy and any(dy):
            attrs += f' DeltaY="{_numbers(dy)}"'
        return f"<ofd:TextCode {attrs}>{escape(''.join(g.ch for g in glyphs))}</ofd:TextCode>"

    def objects(self, lines: list[Line]) -> list[str]:
        unit = self.style["unit"]
        if unit in ("textcodes", "deltay"):
            return [self.text_object(p) for p in _paragraphs(lines)]
        if unit == "char":
            return [self.text_object([[g]]) for line in lines for run in _runs(line, False) for g in run]
        return [self.text_object([run]) for line in lines for run in _runs(line, True)]


def _is_footer(line: Line, page_height: float) -> bool:
    return line.y > page_height - 40 and len(line.text().strip()) <= 12


def write_ofd(pdf: Path, out: Path, name: str, **override: object) -> dict[str, object]:
    """`pdf`'s pages written to `out` as OFD in the style drawn from `name` (traits given in
    `override` replace the drawn ones); returns the style."""
    style = {**traits(name), **override}
    pages, size = pdf_lines(pdf)
    w = _Writer(style, size)
    rng = random.Random(hashlib.sha256(name.encode()).hexdigest())
    ns = "http://www.ofdspec.org" if style["old_namespace"] else "http://www.ofdspec.org/2016"
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    files: dict[str, str] = {}
    template = None
    count = len(pages)
    page_refs = []
    for n, lines in enumerate(pages):
        layers: list[list[Line]] = [lines]
        if style["template"] and n == 0 and any(all(g.red for g in ln.glyphs if g.ch.strip()) for ln in lines):
            mast = [ln for ln in lines if all(g.red for g in ln.glyphs if g.ch.strip())]
            layers = [[ln for ln in lines if ln not in mast]]
            template = (f'{head}<ofd:Page xmlns:ofd="{ns}"><ofd:Content><ofd:Layer ID="{w.uid()}">'
                        + "".join(w.objects(mast)) + "</ofd:Layer></ofd:Content></ofd:Page>")
        if style["footer_layer"]:
            body = layers[0]
            layers = [[ln for ln in body if _is_footer(ln, size[1])], [ln for ln in body if not _is_footer(ln, size[1])]]
        xml_layers = []
        for group in layers:
            objs = w.objects(group)
            if style["shuffled"]:
                rng.shuffle(objs)
            xml_layers.append(f'<ofd:Layer ID="{w.uid()}">' + "".join(objs) + "</ofd:Layer>")
        use = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if template and n == 0 else ""
        folder = f"Page_{count - 1 - n if style['reversed_pages'] else n}"
        files[f"Doc_0/Pages/{folder}/Content.xml"] = (
            f'{head}<ofd:Page xmlns:ofd="{ns}"><ofd:Area><ofd:PhysicalBox>0 0 {size[0]:.2f} {size[1]:.2f}'
            f'</ofd:PhysicalBox></ofd:Area>{use}<ofd:Content>' + "".join(xml_layers) + "</ofd:Content></ofd:Page>")
        page_refs.append(f'<ofd:Page ID="{w.uid()}" BaseLoc="Pages/{folder}/Content.xml"/>')
    if template:
        files["Doc_0/Tpls/Tpl_0/Content.xml"] = template
    tpl = '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    files["Doc_0/Document.xml"] = (
        f'{head}<ofd:Document xmlns:ofd="{ns}"><ofd:CommonData><ofd:MaxUnitID>{w.next_id}</ofd:MaxUnitID>'
        f'<ofd:PageArea><ofd:PhysicalBox>0 0 {size[0]:.2f} {size[1]:.2f}</ofd:PhysicalBox></ofd:PageArea>'
        f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl}</ofd:CommonData><ofd:Pages>'
        + "".join(page_refs) + "</ofd:Pages></ofd:Document>")
    files["Doc_0/PublicRes.xml"] = (
        f'{head}<ofd:Res xmlns:ofd="{ns}" BaseLoc="Res"><ofd:Fonts>'
        + "".join(f'<ofd:Font ID="{i}" FontName={quoteattr(f)}/>' for f, i in w.fonts.items())
        + "</ofd:Fonts></ofd:Res>")
    files["OFD.xml"] = (
        f'{head}<ofd:OFD xmlns:ofd="{ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
        f'<ofd:DocID>{hashlib.md5(name.encode()).hexdigest()}</ofd:DocID><ofd:Creator>dangan bench</ofd:Creator>'
        f'<ofd:CreationDate>2026-01-01</ofd:CreationDate></ofd:DocInfo>'
        f'<ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    order = sorted(files, reverse=bool(style["reversed_pages"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in order:
            zf.writestr(path, files[path])
    return style
