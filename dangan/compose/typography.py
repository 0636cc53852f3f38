"""GB/T 9704-2012 typography for documents made with python-docx.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines of 28
characters; body 仿宋_GB2312 16 pt (3号); title 方正小标宋简体 22 pt (2号)
centred; 一、 headings 黑体, （一） 楷体_GB2312, 1. and （1） 仿宋_GB2312; page
numbers `— 1 —` in 宋体 14 pt (4号), odd pages right and even pages left, one
character in from the edge.

python-docx's `font.name` sets only the Latin fonts, so every helper here sets
`w:eastAsia` as well (`set_fonts`). The built-in Title / Heading 1-3 styles
are restyled rather than replaced, so Word's TOC field finds the headings.
"""
from __future__ import annotations

import math
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

__all__ = [
    "BODY_FONT", "BODY_SIZE", "HEADING1_FONT", "HEADING2_FONT", "PAGE_NUMBER_FONT", "RED", "TITLE_FONT",
    "TITLE_SIZE", "add_field", "add_page_numbers", "add_rule", "add_toc", "apply_gbt9704", "child_element",
    "add_bookmark", "new_document", "restart_page_numbers", "set_fonts", "set_highlight",
    "set_landscape_layout", "set_page_layout", "style_paragraph",
]

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = 16.0    # 3号
TITLE_SIZE = 22.0   # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
RED = RGBColor(0xE0, 0x10, 0x10)
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

# Word and LibreOffice substitute a missing font by this name (fontTable altName).
FONT_FALLBACKS = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "华文中宋",
    "黑体": "SimHei",
    "宋体": "SimSun",
}

MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
LANDSCAPE_SIDE_MM = 25.0
# 225 mm of text height / 22 lines = 28.95 pt ("固定值 28.95 磅").
LINE_PITCH = round((297 - MARGINS_MM["top"] - MARGINS_MM["bottom"]) / 25.4 * 72 / LINES_PER_PAGE, 2)


# Child order that the OOXML schema (and Word) require, for the children we add.
_ORDER = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:settings": ("w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                   "w:docVars", "w:rsids"),
}


def child_element(parent: Any, tag: str) -> Any:
    """The `tag` child of `parent`, created in schema order when missing."""
    element = parent.find(qn(tag))
    if element is not None:
        return element
    element = OxmlElement(tag)
    order = next((seq for name, seq in _ORDER.items() if parent.tag == qn(name)), ())
    if tag in order:
        later = {qn(t) for t in order[order.index(tag) + 1:]}
        for index, existing in enumerate(parent):
            if existing.tag in later:
                parent.insert(index, element)
                return element
    parent.append(element)
    return element


def _element_of(target: Any) -> Any:
    element = getattr(target, "_element", None)
    return target.element if element is None else element


def set_fonts(target: Any, east_asia: str, latin: str | None = LATIN_FONT) -> None:
    """Set the East Asian (and Latin) font of a run, style or `docx.text.font.Font` owner.

    `target` is anything with an `element` or `_element` holding `w:rPr`
    (a Run, a Style). Theme font attributes are removed so they do not win.
    """
    fonts = child_element(_element_of(target).get_or_add_rPr(), "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    latin = latin or east_asia
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def set_highlight(run: Any, color: WD_COLOR_INDEX = WD_COLOR_INDEX.YELLOW) -> None:
    """Mark a run as to be filled in (a blank `______`)."""
    run.font.highlight_color = color


def set_page_layout(section: Any) -> None:
    """A4 portrait with GB/T 9704 margins (22 lines come from LINE_PITCH)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(26)
    # 22 lines come from an exact line pitch on the body styles (LINE_PITCH)
    # rather than a document grid: Word and LibreOffice lay grids out differently.
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        section._sectPr.remove(grid)


def set_landscape_layout(section: Any) -> None:
    """A4 landscape for wide tables (归档文件目录): GB/T 9704's side margins above and below, and
    25 mm at the sides (its 37 mm top margin makes room for a 版头, which a table has not): a
    247 mm line, so the 题名 column is the widest, not the 档号."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.left_margin, section.right_margin = Mm(LANDSCAPE_SIDE_MM), Mm(LANDSCAPE_SIDE_MM)
    section.header_distance, section.footer_distance = Mm(12), Mm(12)


def restart_page_numbers(section: Any, start: int = 1) -> None:
    """Number this section's pages from `start` (front matter before it keeps its own)."""
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    element = OxmlElement("w:pgNumType")
    element.set(qn("w:start"), str(start))
    later = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
             "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
    sect_pr.insert_element_before(element, *later)


def add_bookmark(paragraph: Any, name: str, bookmark_id: int | str) -> None:
    """Wrap a paragraph's content in a bookmark (the target of a TOC entry or PAGEREF)."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    p.insert(1 if p.pPr is not None else 0, start)
    p.append(end)


def _first_line_indent_chars(pf_owner: Any, chars: int) -> None:
    ind = _element_of(pf_owner).get_or_add_pPr().get_or_add_ind()
    for attr in ("w:firstLine", "w:hanging", "w:hangingChars"):
        ind.attrib.pop(qn(attr), None)
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(chars * BODY_SIZE * 20)))


def style_paragraph(
    style: Any,
    font: str,
    size: float,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent_chars: int = 0,
    color: RGBColor | None = None,
    outline_level: int | None = None,
    exact_pitch: bool = True,
) -> None:
    """Give a paragraph style GB/T 9704 looks: font, size, no extra spacing.

    With `exact_pitch` lines are LINE_PITCH apart (22 a page); otherwise single.
    """
    set_fonts(style, font, LATIN_FONT if font == BODY_FONT else font)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = color or RGBColor(0, 0, 0)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = pf.space_after = Pt(0)
    if exact_pitch:
        pf.line_spacing = Pt(LINE_PITCH)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.keep_with_next = outline_level is not None
    if indent_chars:
        _first_line_indent_chars(style, indent_chars)
    else:
        pf.first_line_indent = None
    if outline_level is not None:
        child_element(style.element.get_or_add_pPr(), "w:outlineLvl").set(qn("w:val"), str(outline_level))


def _register_fallbacks(document: Any) -> None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable") and not rel.is_external:
            part = rel.target_part
            break
    else:
        return
    from lxml import etree

    root = etree.fromstring(part.blob)
    known = {font.get(qn("w:name")) for font in root.findall(qn("w:font"))}
    for name, alt in FONT_FALLBACKS.items():
        if name in known:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt_name = etree.SubElement(font, qn("w:altName"))
        alt_name.set(qn("w:val"), alt)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _char_spacing_twips() -> int:
    """Condense characters so that 28 of them fill the 156 mm text width."""
    width_pt = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72
    return math.floor((width_pt / CHARS_PER_LINE - BODY_SIZE) * 20)


def _set_defaults(document: Any) -> None:
    """docDefaults: Chinese language, body font and size, no paragraph spacing."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), BODY_FONT)
    for tag in ("w:sz", "w:szCs"):
        element = rpr.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), str(int(BODY_SIZE * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        ppr.remove(spacing)


def _condense(style: Any) -> None:
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:kern")):
        rpr.remove(old)
    child_element(rpr, "w:spacing").set(qn("w:val"), str(_char_spacing_twips()))


def apply_gbt9704(document: Any) -> None:
    """Page layout and styles of every section and the built-in styles."""
    for section in document.sections:
        set_page_layout(section)
    _set_defaults(document)
    styles = document.styles
    style_paragraph(styles["Normal"], BODY_FONT, BODY_SIZE, indent_chars=2)
    style_paragraph(styles["Title"], TITLE_FONT, TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, exact_pitch=False)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for old in title_ppr.findall(qn("w:pBdr")) + title_ppr.findall(qn("w:contextualSpacing")):
        title_ppr.remove(old)
    title_rpr = styles["Title"].element.get_or_add_rPr()
    for old in title_rpr.findall(qn("w:spacing")) + title_rpr.findall(qn("w:kern")):
        title_rpr.remove(old)
    _condense(styles["Normal"])
    style_paragraph(styles["Heading 1"], HEADING1_FONT, BODY_SIZE, indent_chars=2, outline_level=0)
    style_paragraph(styles["Heading 2"], HEADING2_FONT, BODY_SIZE, indent_chars=2, outline_level=1)
    style_paragraph(styles["Heading 3"], BODY_FONT, BODY_SIZE, indent_chars=2, outline_level=2)
    for name in ("Header", "Footer"):
        style_paragraph(styles[name], PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, align=None, exact_pitch=False)
    _register_fallbacks(document)


def add_field(paragraph: Any, instruction: str, placeholder: str = "", font: str | None = None,
              size: float | None = None) -> None:
    """Append a complex field (`PAGE`, `TOC \\o "1-3"` …) to `paragraph`."""

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        if font:
            set_fonts(run, font, font)
        if size:
            run.font.size = Pt(size)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    if placeholder:
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = placeholder
        run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_number_paragraph(footer: Any, odd: bool) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    pf = paragraph.paragraph_format
    pf.first_line_indent = None
    pf.right_indent = Pt(PAGE_NUMBER_SIZE) if odd else None
    pf.left_indent = None if odd else Pt(PAGE_NUMBER_SIZE)
    for text, field in (("— ", False), ("PAGE", True), (" —", False)):
        if field:
            add_field(paragraph, "PAGE", "1", font=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE)
        else:
            run = paragraph.add_run(text)
            set_fonts(run, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
            run.font.size = Pt(PAGE_NUMBER_SIZE)


def add_page_numbers(document: Any, mirrored: bool = True) -> None:
    """`— n —` page numbers in 宋体 4号; odd right, even left when `mirrored`."""
    document.settings.odd_and_even_pages_header_footer = mirrored
    for section in document.sections:
        _page_number_paragraph(section.footer, odd=True)
        if mirrored:
            _page_number_paragraph(section.even_page_footer, odd=False)
        else:
            section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_toc(document: Any, levels: str = "1-3", title: str | None = "目　录") -> None:
    """A TOC field over Heading 1-3; Word fills it in when the file is opened."""
    if title:
        heading = document.add_paragraph(title, style="Title")
        heading.paragraph_format.space_after = Pt(BODY_SIZE)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(0)
    add_field(paragraph, f'TOC \\o "{levels}" \\h \\z \\u', "（打开文件后按 F9 更新目录）")
    child_element(document.settings.element, "w:updateFields").set(qn("w:val"), "true")


def add_rule(paragraph: Any, color: str = "E01010", size_eighths: int = 12, where: str = "bottom") -> None:
    """A horizontal line under (or over) `paragraph`: the red 分隔线 of a 版头."""
    borders = child_element(paragraph._p.get_or_add_pPr(), "w:pBdr")
    for previous in borders.findall(qn(f"w:{where}")):
        borders.remove(previous)
    line = OxmlElement(f"w:{where}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size_eighths))
    line.set(qn("w:space"), "4")
    line.set(qn("w:color"), color)
    borders.append(line)
    edges = ("top", "left", "bottom", "right", "between", "bar")
    for child in sorted(borders, key=lambda c: edges.index(c.tag.split("}")[1])):
        borders.append(child)  # re-append in schema order


def new_document(page_numbers: bool = True) -> Any:
    """An empty python-docx Document laid out to GB/T 9704."""
    document = Document()
    apply_gbt9704(document)
    if page_numbers:
        add_page_numbers(document)
    return document
