"""Tables for generated DOCX: bordered, a repeating 黑体 header row, rows kept whole, fixed widths.

The 督办台账, the 归档文件目录 and the dossier's evidence lists are such tables; the
fonts and sizes come from `typography.py` (GB/T 9704).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dangan.compose.typography import BODY_FONT, HEADING1_FONT, LATIN_FONT, child_element, set_fonts

__all__ = ["add_table", "set_cell_text"]


def _set_table_borders(table: Any, size_eighths: int = 4) -> None:
    borders = child_element(table._tbl.tblPr, "w:tblBorders")
    for previous in list(borders):
        borders.remove(previous)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size_eighths))
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)


def set_cell_text(cell: Any, text: str, *, font: str = BODY_FONT, size: float = 12.0, bold: bool = False,
                  align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT) -> Any:
    """Replace a cell's text with one run; returns the run."""
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    run = paragraph.add_run(text)
    set_fonts(run, font, LATIN_FONT if font == BODY_FONT else font)
    run.font.size = Pt(size)
    run.font.bold = bold
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return run


def add_table(
    document: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]] = (),
    widths_mm: Sequence[float] | None = None,
    *,
    size: float = 12.0,
    header_font: str = HEADING1_FONT,
) -> Any:
    """A bordered table with a repeating 黑体 header row, centred on the page.

    Rows do not break across pages; `widths_mm` fixes the column widths.
    """
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_table_borders(table)
    header_row = table.rows[0]
    tr_pr = header_row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(header_row.cells, header):
        set_cell_text(cell, text, font=header_font, size=size, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in table.rows:
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().insert(0, keep)
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            set_cell_text(cell, str(text), size=size)
    if widths_mm:
        _set_widths(table, widths_mm)
    return table


def _set_widths(table: Any, widths_mm: Sequence[float]) -> None:
    """Fixed column widths that Word and LibreOffice both respect (grid + cells)."""
    tbl_pr = table._tbl.tblPr
    child_element(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    width = child_element(tbl_pr, "w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(int(sum(widths_mm) / 25.4 * 1440)))
    for column, value in zip(table.columns, widths_mm):
        column.width = Mm(value)
    for row in table.rows:
        for cell, value in zip(row.cells, widths_mm):
            cell.width = Mm(value)
