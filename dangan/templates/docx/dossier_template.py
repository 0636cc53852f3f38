"""Build dossier.docx (迎检资料汇编) and catalogue.docx (归档文件目录) from code.

Called through `build_templates.py` (`python -m dangan.templates.docx.build_templates`).

dossier.docx expects the context of `dangan.compose.dossier.dossier_context`:
title, subtitle, unit, date_cn, intro (lines), toc[{level (1 | 3), text, anchor, page}],
sections[{heading, anchor, bid, standard_heading, form[{label, value}] (测评材料提交表, under a
taxonomy; else standards[{label, text}]), rows[{index, title,
doc_number, issuer, date, pages, archival_code}], documents[{heading, anchor, bid,
break_before, meta, passages (RichText), photo (InlineImage | None), caption,
photo_meta, figures[{image (InlineImage), caption}]}]}], appendix_heading, appendix_anchor, appendix_bid,
appendix[{index, title, section, original, archival_code}].

catalogue.docx expects `dangan.compose.catalogue.catalogue_context`: title, info,
rows[{index, code, doc_number, issuer, title, date, secrecy, pages, note}].
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dangan.compose.docx_tables import add_table
from dangan.compose.typography import (
    BODY_FONT,
    BODY_SIZE,
    HEADING1_FONT,
    HEADING2_FONT,
    TITLE_FONT,
    add_bookmark,
    add_page_numbers,
    new_document,
    restart_page_numbers,
    set_landscape_layout,
    style_paragraph,
)
from dangan.templates.docx.build_templates import _run, _tag

__all__ = ["build_catalogue_template", "build_dossier_template"]

SMALL = 14.0          # 4号: captions, the line of elements under a heading
TABLE = 10.5          # 5号: evidence tables
COVER_TITLE = 26.0    # 1号
EVIDENCE = ("编号", "题名", "文号", "责任者", "日期", "页数", "档号")
EVIDENCE_MM = (22, 31, 24, 18, 22, 11, 28)   # 156 mm; 编号 holds Ⅲ-77-1)-①, 日期 20240605, 页数 its header; a 档号 two lines at most
FORM = ("项　目", "内　容")
FORM_MM = (28, 128)
APPENDIX = ("编号", "题名", "所属部分", "原件文件名", "档号")
APPENDIX_MM = (24, 45, 28, 34, 25)
CELL_MARGIN_TWIPS = 57                                             # 1 mm each side
CATALOGUE = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
CATALOGUE_MM = (10, 58, 27, 24, 58, 22, 10, 10, 28)   # 247 mm; a D30 档号, an 8-digit 日期 on one line; 题名 widest;
# 备注 wide enough for an OFD 件's 附件：名称；名称 (compose/catalogue.py)
CATALOGUE_KEYS = ("index", "code", "doc_number", "issuer", "title", "date", "secrecy", "pages", "note")
UPDATE_FIELDS_BEFORE = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")
CENTRED = {"index", "date", "pages", "secrecy", "code", "archival_code", "note", "label"}


def _styles(document: Any) -> None:
    """Paragraph styles of the dossier; TOC styles under Word's built-in names."""
    styles = document.styles

    def add(name: str, font: str, size: float, **kwargs: Any) -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style_paragraph(style, font, size, **kwargs)
        return style

    add("Dossier Subhead", HEADING2_FONT, BODY_SIZE, indent_chars=2).paragraph_format.keep_with_next = True
    add("Dossier Excerpt", HEADING2_FONT, BODY_SIZE, indent_chars=2)
    add("Dossier Meta", BODY_FONT, SMALL, indent_chars=2, exact_pitch=False).paragraph_format.keep_with_next = True
    add("Dossier Caption", HEADING2_FONT, SMALL, align=WD_ALIGN_PARAGRAPH.CENTER, exact_pitch=False)
    picture = add("Dossier Picture", BODY_FONT, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, exact_pitch=False)
    picture.paragraph_format.keep_with_next = True
    picture.paragraph_format.space_before = Pt(6)
    styles["Heading 3"].paragraph_format.space_before = Pt(8)
    for level, font, indent in ((1, HEADING1_FONT, 0), (2, BODY_FONT, 1), (3, BODY_FONT, 2)):
        toc = add(f"toc {level}", font, SMALL, align=WD_ALIGN_PARAGRAPH.LEFT, exact_pitch=False)
        ind = toc.element.get_or_add_pPr().get_or_add_ind()
        for attr in list(ind.attrib):
            del ind.attrib[attr]
        # wrapped lines align under the text; the right indent keeps text clear of the page number
        ind.set(qn("w:left"), str(int(SMALL * indent * 20)))
        ind.set(qn("w:right"), str(int(SMALL * 2 * 20)))
        ind.set(qn("w:firstLine"), "0")
        toc.paragraph_format.space_before = Pt(4)
        toc.paragraph_format.tab_stops.add_tab_stop(Mm(156), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _field_char(paragraph: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _instruction(paragraph: Any, text: str) -> None:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    paragraph.add_run()._r.append(instr)


def _quiet(paragraph: Any) -> None:
    """An empty paragraph that holds a field character: one point high."""
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.first_line_indent = Pt(0)


def _toc_entry(document: Any, style: str) -> None:
    """One entry of the TOC's cached result, as Word writes it: link, leader, PAGEREF."""
    paragraph = document.add_paragraph(style=style)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "{{ e.anchor }}")
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    probe = document.add_paragraph()  # runs are made in a scratch paragraph, then moved
    _run(probe, "{{ e.text }}", size=SMALL, font=HEADING1_FONT if style == "toc 1" else BODY_FONT)
    _run(probe, "\t", size=SMALL)
    _field_char(probe, "begin")
    _instruction(probe, " PAGEREF {{ e.anchor }} \\h ")
    _field_char(probe, "separate")
    _run(probe, "{{ e.page }}", size=SMALL)
    _field_char(probe, "end")
    for run in list(probe._p.findall(qn("w:r"))):
        link.append(run)
    probe._p.getparent().remove(probe._p)


def _toc(document: Any) -> None:
    """目录: a TOC field over 一、 and 1. headings whose cached result is rendered from `toc`."""
    heading = document.add_paragraph(style="Title")
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_after = Pt(BODY_SIZE)
    _run(heading, "目　录", TITLE_FONT, 22)
    begin = document.add_paragraph()
    _quiet(begin)
    _field_char(begin, "begin")
    _instruction(begin, ' TOC \\o "1-3" \\h \\z \\u ')
    _field_char(begin, "separate")
    _tag(document, "{%p for e in toc %}")
    _tag(document, "{%p if e.level == 1 %}")
    _toc_entry(document, "toc 1")
    _tag(document, "{%p else %}")
    _toc_entry(document, "toc 3")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")
    end = document.add_paragraph()
    _quiet(end)
    _field_char(end, "end")
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:  # schema order: after savePreviewPicture …, before hdrShapeDefaults, compat, rsids …
        update = OxmlElement("w:updateFields")
        later = (settings.find(qn(f"w:{tag}")) for tag in UPDATE_FIELDS_BEFORE)
        anchor = next((element for element in later if element is not None), None)
        anchor.addprevious(update) if anchor is not None else settings.append(update)
    update.set(qn("w:val"), "true")  # Word refreshes the page numbers when the file is opened


def _cover(document: Any) -> None:
    title = document.add_paragraph(style="Title")
    title.paragraph_format.space_before = Pt(150)
    _run(title, "{{ title }}", TITLE_FONT, COVER_TITLE)
    subtitle = document.add_paragraph(style="Dossier Caption")
    subtitle.paragraph_format.space_before = Pt(24)
    _run(subtitle, "{{ subtitle }}", HEADING2_FONT, BODY_SIZE)
    unit = document.add_paragraph(style="Dossier Caption")
    unit.paragraph_format.space_before = Pt(300)
    _run(unit, "{{ unit }}", HEADING1_FONT, BODY_SIZE)
    when = document.add_paragraph(style="Dossier Caption")
    when.paragraph_format.space_before = Pt(8)
    _run(when, "{{ date_cn }}", BODY_FONT, BODY_SIZE)


def _heading(document: Any, style: str, text: str, anchor: str, bid: str, *, new_page: bool) -> None:
    paragraph = document.add_paragraph(style=style)
    paragraph.paragraph_format.page_break_before = new_page
    _run(paragraph, text, HEADING1_FONT if style == "Heading 1" else BODY_FONT)
    add_bookmark(paragraph, anchor, bid)


def _loop_table(document: Any, header: tuple[str, ...], widths: tuple[float, ...], loop: str,
                var: str, keys: tuple[str, ...], size: float = TABLE) -> None:
    """A bordered table whose body row repeats with `{%tr for … %}`."""
    table = add_table(document, header, [("",) * len(header)] * 3, widths, size=size)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)
    _run(table.rows[1].cells[0].paragraphs[0], f"{{%tr for {var} in {loop} %}}", size=size)
    _run(table.rows[3].cells[0].paragraphs[0], "{%tr endfor %}", size=size)
    for cell, key in zip(table.rows[2].cells, keys):
        paragraph = cell.paragraphs[0]
        if key in CENTRED:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, f"{{{{ {var}.{key} }}}}", size=size)


def _section_body(document: Any) -> None:
    _tag(document, "{%p for s in sections %}")
    _heading(document, "Heading 1", "{{ s.heading }}", "{{ s.anchor }}", "{{ s.bid }}", new_page=True)
    _run(document.add_paragraph(style="Dossier Subhead"), "{{ s.standard_heading }}", HEADING2_FONT)
    _tag(document, "{%p if s.form %}")
    _loop_table(document, FORM, FORM_MM, "s.form", "f", ("label", "value"), size=SMALL - 2)
    _tag(document, "{%p else %}")
    _tag(document, "{%p for st in s.standards %}")
    standard = document.add_paragraph()
    _run(standard, "{{ st.label }}", HEADING2_FONT)
    _run(standard, "{{ st.text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endif %}")
    _run(document.add_paragraph(style="Dossier Subhead"), "（二）佐证材料目录", HEADING2_FONT)
    _loop_table(document, EVIDENCE, EVIDENCE_MM, "s.rows", "r",
                ("index", "title", "doc_number", "issuer", "date", "pages", "archival_code"))
    subhead = document.add_paragraph(style="Dossier Subhead")
    subhead.paragraph_format.space_before = Pt(BODY_SIZE)
    _run(subhead, "（三）佐证材料", HEADING2_FONT)
    _tag(document, "{%p if not s.documents %}")
    _run(document.add_paragraph(), "（本项目暂无已收录的佐证材料，请抓紧补充。）")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for d in s.documents %}")
    _tag(document, "{%p if d.break_before %}")
    _heading(document, "Heading 3", "{{ d.heading }}", "{{ d.anchor }}", "{{ d.bid }}", new_page=True)
    _tag(document, "{%p else %}")
    _heading(document, "Heading 3", "{{ d.heading }}", "{{ d.anchor }}", "{{ d.bid }}", new_page=False)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if d.photo %}")
    _run(document.add_paragraph(style="Dossier Picture"), "{{ d.photo }}")
    _run(document.add_paragraph(style="Dossier Caption"), "{{ d.caption }}", HEADING2_FONT, SMALL)
    _run(document.add_paragraph(style="Dossier Caption"), "{{ d.photo_meta }}", BODY_FONT, SMALL)
    _tag(document, "{%p else %}")
    _run(document.add_paragraph(style="Dossier Meta"), "{{ d.meta }}", BODY_FONT, SMALL)
    _tag(document, "{%p for p in d.passages %}")
    _run(document.add_paragraph(style="Dossier Excerpt"), "{{r p }}", HEADING2_FONT)
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p for f in d.figures %}")      # the photos of a Word file of photos, in its order
    _run(document.add_paragraph(style="Dossier Picture"), "{{ f.image }}")
    _run(document.add_paragraph(style="Dossier Caption"), "{{ f.caption }}", HEADING2_FONT, SMALL)
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")


def build_dossier_template(out: Path) -> Path:
    """The 迎检资料汇编 template: cover and 目录 unnumbered, the body numbered from 1."""
    document = new_document(page_numbers=False)
    document.core_properties.title = "迎检资料汇编模板"
    document.core_properties.author = "dangan"
    _styles(document)
    _cover(document)
    _toc(document)
    body = document.add_section(WD_SECTION.NEW_PAGE)
    restart_page_numbers(body, 1)
    heading = document.add_paragraph(style="Title")
    heading.paragraph_format.space_after = Pt(BODY_SIZE)
    _run(heading, "编制说明", TITLE_FONT, 22)
    _tag(document, "{%p for line in intro %}")
    _run(document.add_paragraph(), "{{ line }}")
    _tag(document, "{%p endfor %}")
    _section_body(document)
    _heading(document, "Heading 1", "{{ appendix_heading }}", "{{ appendix_anchor }}", "{{ appendix_bid }}",
             new_page=True)
    _loop_table(document, APPENDIX, APPENDIX_MM, "appendix", "a",
                ("index", "title", "section", "original", "archival_code"))
    add_page_numbers(document)
    front = document.sections[0]
    for footer in (front.footer, front.even_page_footer):
        footer.is_linked_to_previous = False
        for paragraph in footer.paragraphs:
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
    document.save(str(out))
    return out


def build_catalogue_template(out: Path) -> Path:
    """The 归档文件目录 (DA/T 22-2015): landscape A4, one row per 件."""
    document = new_document(page_numbers=False)
    document.core_properties.title = "归档文件目录模板"
    document.core_properties.author = "dangan"
    set_landscape_layout(document.sections[0])
    title = document.add_paragraph(style="Title")
    _run(title, "{{ title }}", TITLE_FONT, 22)
    info = document.add_paragraph()
    info.alignment = WD_ALIGN_PARAGRAPH.CENTER
    info.paragraph_format.first_line_indent = Pt(0)
    info.paragraph_format.space_after = Pt(6)
    _run(info, "{{ info }}", HEADING2_FONT, SMALL)
    _loop_table(document, CATALOGUE, CATALOGUE_MM, "rows", "r", CATALOGUE_KEYS, size=TABLE)
    add_page_numbers(document, mirrored=False)
    for paragraph in document.sections[0].footer.paragraphs:
        paragraph.paragraph_format.right_indent = None
    document.save(str(out))
    return out

