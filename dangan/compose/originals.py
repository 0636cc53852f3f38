"""Append the originals to a rendered dossier: every kind, none left out silently.

DOCX as they are (docxcompose), PDF as page images, photos as the picture,
spreadsheets converted to PDF by LibreOffice, text files (and anything else
with a text layer: OFD, Markdown…) typeset from their extracted text into a PDF
and shown as pages. Each original starts on a new page under a bookmarked
heading, so the TOC entries that `plan_dossier` made for them resolve. An
original that cannot be shown says so on its page.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dangan.compose.sandbox import save_atomically
from dangan.compose.typography import BODY_FONT, HEADING1_FONT, add_bookmark, set_fonts
from dangan.errors import DanganError
from dangan.pictures import heif_ready
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["append_originals", "render_pdf_pages"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PAGE_BOX_MM = (150.0, 185.0)     # a PDF page under a two-line heading, inside the 156 × 225 mm text area
RENDER_DPI = 110
MAX_PAGES = 300                  # per original; the rest is noted, not rendered
RENDER_PIXELS = 12_000_000       # per page image: huge page boxes are shrunk, not rendered whole


def render_pdf_pages(path: Path, folder: Path, stem: str, max_pages: int = MAX_PAGES) -> tuple[list[Path], int]:
    """JPEG images of a PDF's pages (pypdfium2) and the PDF's page count."""
    import pypdfium2 as pdfium

    from dangan.read.extract.pdf import render_scale

    images: list[Path] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        total = len(pdf)
        for index in range(min(total, max_pages)):
            target = folder / f"{stem}-{index + 1:04d}.jpg"
            if not target.is_file():   # drawn already by this build's first pass (dossier --pdf)
                page = pdf[index]
                try:
                    image = page.render(scale=render_scale(page, RENDER_DPI / 72, RENDER_PIXELS)).to_pil()
                finally:
                    page.close()
                image.convert("RGB").save(target, "JPEG", quality=80)
            images.append(target)
    finally:
        pdf.close()
    return images, total


def _paragraph(document: Any, text: str = "", *, style: str | None = None, centre: bool = False) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    try:
        paragraph = document.add_paragraph(style=style)
    except KeyError:  # a user template without the style
        paragraph = document.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if text:
        run = paragraph.add_run(text)
        set_fonts(run, HEADING1_FONT if style == "Heading 1" else BODY_FONT)
    return paragraph


def _pictures(document: Any, images: Sequence[Path]) -> None:
    from docx.shared import Mm
    from PIL import Image

    for index, image in enumerate(images):
        with Image.open(image) as img:
            width, height = img.size
        scale = min(PAGE_BOX_MM[0] / width, PAGE_BOX_MM[1] / height)
        paragraph = _paragraph(document, centre=True)
        paragraph.paragraph_format.page_break_before = index > 0
        shape = paragraph.add_run().add_picture(str(image), width=Mm(width * scale), height=Mm(height * scale))
        _outline(shape)


def _outline(shape: Any) -> None:
    """A thin grey frame, so that a white page shows its edges on the white page."""
    from docx.oxml import parse_xml

    sp_pr = shape._inline.graphic.graphicData.pic.spPr
    sp_pr.append(parse_xml('<a:ln xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" w="6350">'
                           '<a:solidFill><a:srgbClr val="8C8C8C"/></a:solidFill></a:ln>'))


SHEETS = ("spreadsheet", "excel", "csv", "opendocument")


def _photo_file(source: Path, folder: Path, doc_id: int) -> Path:
    from PIL import Image, ImageOps

    target = folder / f"original-photo-{doc_id}.jpg"
    heif_ready()
    with Image.open(source) as opened:
        img = ImageOps.exif_transpose(opened)
        img.thumbnail((2000, 2000))
        img.convert("RGB").save(target, "JPEG", quality=85)
    return target


def _as_pdf(doc: Any, source: Path, folder: Path) -> Path:
    """A PDF of a non-PDF original: spreadsheets by LibreOffice, the rest from the extracted text."""
    from dangan.compose.topdf import to_pdf

    work = folder / f"convert-{doc.id}"
    if (work / "original.pdf").is_file():   # converted by this build's first pass
        return work / "original.pdf"
    work.mkdir(exist_ok=True)
    if any(key in doc.mime for key in SHEETS):
        copy = work / f"original{Path(doc.original_name).suffix.lower() or '.xlsx'}"
        copy.write_bytes(source.read_bytes())
    else:   # text, Markdown, OFD…: the catalog holds the decoded text, the bytes may be GB18030
        if not (doc.text or "").strip():
            raise ValueError("原件无可提取的文字")
        copy = work / "original.txt"
        copy.write_text(doc.text.replace("\f", "\n"), encoding="utf-8")
    return to_pdf(copy, work)


def _why(exc: Exception) -> str:
    """Why an original could not be appended, in the clerk's words (never a Python class name)."""
    if isinstance(exc, DanganError):
        return exc.message
    if isinstance(exc, ValueError) and re.search(r"[\u4e00-\u9fff]", str(exc)):
        return str(exc)   # our own words (原件无可提取的文字)
    return "原件无法读取或转换"


def append_originals(ws: Workspace, out: Path, entries: Sequence[dict[str, Any]], folder: Path,
                     progress: Callable[[str], None] | None = None) -> Path:
    """Append the originals named by `entries` ({doc, level, text, anchor, bid}) to `out`;
    `progress` hears 附入原件 3/42：名称 before each."""
    from docx import Document as open_docx
    from docxcompose.composer import Composer

    master = open_docx(str(out))
    composer = Composer(master)
    count = sum(1 for entry in entries if entry["doc"] is not None)
    done = 0
    for index, entry in enumerate(entries):
        doc = entry["doc"]
        if doc is not None and progress:
            done += 1
            progress(f"附入原件 {done}/{count}：{doc.original_name}")
        heading = _paragraph(master, entry["text"], style="Heading 1" if entry["level"] == 1 else "Heading 3")
        heading.paragraph_format.page_break_before = index != 1 or entries[0]["doc"] is not None
        add_bookmark(heading, entry["anchor"], entry["bid"])
        if doc is None:
            _paragraph(master, "以下依次附入全部原件：DOCX 原样，PDF 逐页成图，照片为原图，"
                               "表格和文本文件转为 PDF 后逐页成图。")
            continue
        source = ws.originals / doc.relpath
        try:
            if doc.mime == DOCX:
                composer.append(open_docx(str(source)))
            elif doc.mime.startswith("image/"):
                _pictures(master, [_photo_file(source, folder, doc.id)])
            else:
                pdf = source if doc.mime == "application/pdf" else _as_pdf(doc, source, folder)
                if pdf is not source:   # said before the pages, which fill theirs
                    _paragraph(master, f"（原件 {doc.original_name} 由系统转为页面，格式以原件为准。）")
                images, total = render_pdf_pages(pdf, folder, f"original-{doc.id}")
                _pictures(master, images)
                if total > len(images):
                    _paragraph(master, f"（原件共{total}页，此处附前{len(images)}页，全文请查阅原件。）")
        except Exception as exc:  # a damaged original must not sink the dossier
            log.warning("original %s not appended: %s", source, exc)
            _paragraph(master, f"（原件无法附入：{_why(exc)}，请查阅原件 {doc.original_name}。）")
    return save_atomically(composer.save, out)
