"""Append the originals to a rendered dossier: DOCX as they are (docxcompose), PDF as page images.

Each original starts on a new page under a bookmarked heading, so the TOC
entries that `plan_dossier` made for them resolve. Photos are already in the
body and are not repeated; text files are quoted in the body.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dangan.compose.sandbox import save_atomically
from dangan.compose.typography import BODY_FONT, HEADING1_FONT, add_bookmark, set_fonts
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
            page = pdf[index]
            try:
                image = page.render(scale=render_scale(page, RENDER_DPI / 72, RENDER_PIXELS)).to_pil().convert("RGB")
            finally:
                page.close()
            target = folder / f"{stem}-{index + 1:04d}.jpg"
            image.save(target, "JPEG", quality=80)
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


def append_originals(ws: Workspace, out: Path, entries: Sequence[dict[str, Any]], folder: Path) -> Path:
    """Append the originals named by `entries` ({doc, level, text, anchor, bid}) to `out`."""
    from docx import Document as open_docx
    from docxcompose.composer import Composer

    master = open_docx(str(out))
    composer = Composer(master)
    for index, entry in enumerate(entries):
        doc = entry["doc"]
        heading = _paragraph(master, entry["text"], style="Heading 1" if entry["level"] == 1 else "Heading 3")
        heading.paragraph_format.page_break_before = index != 1 or entries[0]["doc"] is not None
        add_bookmark(heading, entry["anchor"], entry["bid"])
        if doc is None:
            _paragraph(master, "以下依次附入 DOCX 原件（原样）和 PDF 原件（逐页图像）；照片见正文，"
                               "文本文件的相关内容已在正文摘录。")
            continue
        source = ws.originals / doc.relpath
        try:
            if doc.mime == DOCX:
                composer.append(open_docx(str(source)))
            elif doc.mime == "application/pdf":
                images, total = render_pdf_pages(source, folder, f"original-{doc.id}")
                _pictures(master, images)
                if total > len(images):
                    _paragraph(master, f"（原件共{total}页，此处附前{len(images)}页，全文请查阅原件。）")
            else:
                _paragraph(master, "（原件为文本文件，相关内容已在正文摘录，全文请查阅原件。）")
        except Exception as exc:  # a damaged original must not sink the dossier
            log.warning("original %s not appended: %s", source, exc)
            _paragraph(master, f"（原件无法附入：{type(exc).__name__}，请查阅原件 {doc.original_name}。）")
    return save_atomically(composer.save, out)
