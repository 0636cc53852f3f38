"""Build the .docx templates from code: `python -m dangan.templates.docx.build_templates`.

The templates are docxtpl (Jinja2) documents laid out with
`dangan.compose.typography`. Building them from code keeps every run's fonts
explicit and every `{{ }}` tag in a run of its own (Word splits hand-typed
tags across runs). The generated files are committed next to this script.

minutes.docx expects the context that `dangan.compose.minutes.render.minutes_context`
builds: title, issuer, date_cn, meeting{time, place, host, attendees, absent,
observers, recipients}, intro, opening, items[{number, heading,
points[{label, text}]}], tasks_heading, leaders (true when some task names a
责任领导: the task table gets that column), tasks[{index, text, owners, leaders,
deadline}].

dossier.docx and catalogue.docx are built by `dossier_template.py`; its
docstring gives their contexts.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from dangan.compose.docx_tables import add_table
from dangan.compose.typography import (
    BODY_FONT,
    BODY_SIZE,
    HEADING1_FONT,
    HEADING2_FONT,
    RED,
    TITLE_FONT,
    add_rule,
    new_document,
    set_fonts,
    set_highlight,
)

HERE = Path(__file__).resolve().parent
BLANK = "______"
MARK_SIZE = 30.0     # 纪要标志
TABLE_SIZE = 12.0    # 小四
TEXT_WIDTH_MM = 156.0
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"   # the text box's namespace and graphicData uri


def _run(paragraph: Any, text: str, font: str = BODY_FONT, size: float = BODY_SIZE, *, bold: bool = False,
         highlight: bool = False, color: Any = None) -> Any:
    run = paragraph.add_run(text)
    set_fonts(run, font, "Times New Roman" if font == BODY_FONT else font)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    if highlight:
        set_highlight(run)
    return run


def _value(paragraph: Any, expr: str, font: str = BODY_FONT, size: float = BODY_SIZE) -> None:
    """`expr`'s value, or a highlighted blank to fill in when it is empty."""
    _run(paragraph, f"{{%r if {expr} %}}", font, size)
    _run(paragraph, f"{{{{ {expr} }}}}", font, size)
    _run(paragraph, "{%r else %}", font, size)
    _run(paragraph, BLANK, font, size, highlight=True)
    _run(paragraph, "{%r endif %}", font, size)


def _tag(document: Any, tag: str) -> None:
    """A paragraph holding only a `{%p … %}` tag (docxtpl removes it)."""
    paragraph = document.add_paragraph()
    _run(paragraph, tag)


def _hanging(paragraph: Any, left_chars: int, hanging_chars: int, size: float = BODY_SIZE) -> None:
    """Wrapped lines at `left_chars`, the first line `hanging_chars` before them (characters of
    `size` pt). A first-line indent would win over the hanging one in LibreOffice: none is kept."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    for attr in ("w:firstLine", "w:firstLineChars"):
        ind.attrib.pop(qn(attr), None)
    # Word's character unit is the body's (16 pt); the *Chars values also override the style's
    # firstLineChars, which a bare twips hanging indent would not.
    ind.set(qn("w:leftChars"), str(round(left_chars * size / BODY_SIZE * 100)))
    ind.set(qn("w:hangingChars"), str(round(hanging_chars * size / BODY_SIZE * 100)))
    ind.set(qn("w:left"), str(int(left_chars * size * 20)))
    ind.set(qn("w:hanging"), str(int(hanging_chars * size * 20)))


def _masthead(document: Any) -> None:
    mark = document.add_paragraph(style="Title")
    mark.paragraph_format.space_before = Pt(24)
    mark.paragraph_format.space_after = Pt(12)
    _run(mark, "{{ title }}", TITLE_FONT, MARK_SIZE, color=RED)
    line = document.add_paragraph()
    line.paragraph_format.first_line_indent = Pt(0)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    _value(line, "issuer")
    _run(line, "\t")
    _value(line, "date_cn")
    add_rule(line, size_eighths=18)
    document.add_paragraph().paragraph_format.first_line_indent = Pt(0)


def _meeting_lines(document: Any) -> None:
    for label, key in (("时间", "time"), ("地点", "place"), ("主持", "host"), ("出席", "attendees"),
                       ("请假", "absent"), ("列席", "observers")):
        paragraph = document.add_paragraph()
        _hanging(paragraph, 5, 3)
        _run(paragraph, f"{label}：", HEADING1_FONT)
        _value(paragraph, f"meeting.{key}")


def _agenda(document: Any) -> None:
    document.add_paragraph().paragraph_format.first_line_indent = Pt(0)
    opening = document.add_paragraph()
    _run(opening, "{{ intro }}")
    _run(opening, "{{ opening }}")
    _run(opening, "现将会议议定事项纪要如下：")
    _tag(document, "{%p for item in items %}")
    _tag(document, "{%p if item.points %}")
    heading = document.add_paragraph(style="Heading 1")
    _run(heading, "{{ item.number }}{{ item.heading }}", HEADING1_FONT)
    _tag(document, "{%p else %}")
    # An item that is its heading alone is kept with nothing: chained to the next heading-only
    # items, 附：任务分工 and the table's first row, it pushed them all to a new page.
    alone = document.add_paragraph(style="Heading 1")
    alone.paragraph_format.keep_with_next = False
    _run(alone, "{{ item.number }}{{ item.heading }}", HEADING1_FONT)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for point in item.points %}")
    point = document.add_paragraph()
    _run(point, "{{ point.label }}", HEADING2_FONT)
    _run(point, "{{ point.text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")


def _task_table(document: Any) -> None:
    """附：任务分工; with a 责任领导 column only when some task names a leader (`leaders` in the context)."""
    heading = document.add_paragraph(style="Heading 1")
    _run(heading, "{{ tasks_heading }}", HEADING1_FONT)
    _tag(document, "{%p if leaders %}")
    _tasks(document, ("序号", "任务", "责任单位", "责任领导", "完成时限"), (14, 60, 28, 26, 28))
    _tag(document, "{%p else %}")
    _tasks(document, ("序号", "任务", "责任单位", "完成时限"), (14, 78, 32, 32))
    _tag(document, "{%p endif %}")


def _tasks(document: Any, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    table = add_table(document, header, [("",) * len(header)] * 3, widths, size=TABLE_SIZE)
    first, body, last = table.rows[1], table.rows[2], table.rows[3]
    _run(first.cells[0].paragraphs[0], "{%tr for t in tasks %}", size=TABLE_SIZE)
    _run(last.cells[0].paragraphs[0], "{%tr endfor %}", size=TABLE_SIZE)
    cells = [cell.paragraphs[0] for cell in body.cells]
    index, text, owners, deadline = cells[0], cells[1], cells[2], cells[-1]
    index.alignment = WD_ALIGN_PARAGRAPH.CENTER
    deadline.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(index, "{{ t.index }}", size=TABLE_SIZE)
    _run(text, "{{ t.text }}", size=TABLE_SIZE)
    _value(owners, "t.owners", size=TABLE_SIZE)
    if len(cells) == 5:
        _run(cells[3], "{{ t.leaders }}", size=TABLE_SIZE)   # no leader named: nothing to fill in
    _value(deadline, "t.deadline", size=TABLE_SIZE)


def _record(document: Any) -> None:
    """版记: 分送 and 印发, between black rules as wide as the text block (GB/T 9704 7.4.1).

    Word and LibreOffice draw a paragraph's border from its left indent: the rules therefore hang
    on paragraphs without one (the gap above 分送, and 印发 indented by its first line only), never
    on 分送, whose hanging indent aligns its wrapped lines after the colon."""
    gap = document.add_paragraph()
    gap.paragraph_format.first_line_indent = Pt(0)
    gap.paragraph_format.keep_with_next = True
    add_rule(gap, color="000000", size_eighths=8)
    sent = document.add_paragraph()
    sent.paragraph_format.keep_with_next = True
    _hanging(sent, 4, 3, size=14)   # 分送 one character in, wrapped lines after its colon
    _run(sent, "分送：", BODY_FONT, 14)
    _value(sent, "meeting.recipients", BODY_FONT, 14)
    issued = document.add_paragraph()
    issued.paragraph_format.left_indent = Pt(0)
    issued.paragraph_format.first_line_indent = Pt(14)
    issued.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM - 5), WD_TAB_ALIGNMENT.RIGHT)
    _value(issued, "issuer", BODY_FONT, 14)
    _run(issued, "\t", BODY_FONT, 14)
    _value(issued, "date_cn", BODY_FONT, 14)
    _run(issued, "印发", BODY_FONT, 14)
    add_rule(issued, color="000000", size_eighths=4, where="top")
    add_rule(issued, color="000000", size_eighths=8)
    _float_to_page_foot(document, [gap._p, sent._p, issued._p])


RECORD_HEIGHT_MM = 24.0   # three lines of 14 pt and the rules; the box grows when 分送 wraps
EMU_PER_MM = 36000


def _float_to_page_foot(document: Any, paragraphs: list[Any]) -> None:
    """Move `paragraphs` into a text box anchored at the bottom of the text block of the page
    where the document ends (GB/T 9704 10.2: the 版记 is the last page's lowest element); body
    text stays above it (top-and-bottom wrapping). A floating table or a framePr frame stays
    inline in LibreOffice; an anchored DrawingML text box is placed in both it and Word."""
    width, height = int(TEXT_WIDTH_MM * EMU_PER_MM), int(RECORD_HEIGHT_MM * EMU_PER_MM)
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "w")} xmlns:wps="{WPS}" distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapTopAndBottom/><wp:docPr id="901" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        '<wps:txbx><w:txbxContent/></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b">'
        '<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>')
    content = anchor.find(".//" + qn("w:txbxContent"))
    for p in paragraphs:
        content.append(p)           # moved out of the body
    holder = document.add_paragraph()
    holder.paragraph_format.first_line_indent = Pt(0)
    drawing = OxmlElement("w:drawing")
    drawing.append(anchor)
    holder.add_run()._r.append(drawing)


def build_minutes(out: Path) -> Path:
    """The 会议纪要 template."""
    document = new_document()
    document.core_properties.title = "会议纪要模板"
    document.core_properties.author = "dangan"
    _masthead(document)
    _meeting_lines(document)
    _agenda(document)
    _task_table(document)
    _record(document)
    document.save(str(out))
    return out


def build_dossier(out: Path) -> Path:
    """The 迎检资料汇编 template (built in dossier_template.py)."""
    from dangan.templates.docx.dossier_template import build_dossier_template

    return build_dossier_template(out)


def build_catalogue(out: Path) -> Path:
    """The 归档文件目录 template (built in dossier_template.py)."""
    from dangan.templates.docx.dossier_template import build_catalogue_template

    return build_catalogue_template(out)


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "minutes.docx": build_minutes,
    "dossier.docx": build_dossier,
    "catalogue.docx": build_catalogue,
}


def build_all(folder: Path = HERE) -> list[Path]:
    """Build every template into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [build(folder / name) for name, build in BUILDERS.items()]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else HERE
    for path in build_all(folder):
        print(f"已生成模板：{path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
