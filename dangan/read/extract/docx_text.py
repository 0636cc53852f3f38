"""The text Word shows, read from WordprocessingML elements.

python-docx's `Paragraph.text` and `iter_inner_content()` read only the runs and hyperlinks
directly under a paragraph, and only the paragraphs and tables directly under the body
(python-docx issues #155, #328, #825, #1123). What they drop is ordinary in office files:
runs inside smart tags (the 日期 and 地名 tags of Word 2003-era documents, kept by every later
save), tracked insertions (a 修改稿), content controls (templates' 标题/日期 fields), custom XML,
simple fields, ruby (the base of 拼音 annotations) and text boxes (版头, 版记 and signatures set
in boxes). Here a paragraph is walked whole instead; what Word does not show is left out:
deleted and moved-away text, field instructions, ruby text (the 拼音 over the characters) and the
VML copy Word keeps of every text box.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PARAGRAPH, TABLE, RUN, TEXT_BOX = f"{W}p", f"{W}tbl", f"{W}r", f"{W}txbxContent"
# block-level wrappers whose paragraphs and tables are the document's own
BLOCK_WRAPPERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml"})
# never shown: deleted or moved-away text, properties, ruby text, the VML copy of a box; a text
# box inside a paragraph is read as lines of its own (text_box_lines)
HIDDEN = frozenset({f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}sdtPr", f"{W}rt",
                    TEXT_BOX, MC_FALLBACK})
IN_RUN = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def block_items(container: Any) -> Iterator[Any]:
    """The paragraphs (w:p) and tables (w:tbl) of a body, cell, header or text box, in order,
    including those wrapped in content controls and custom XML."""
    for child in container:
        if child.tag in (PARAGRAPH, TABLE):
            yield child
        elif child.tag in BLOCK_WRAPPERS:
            yield from block_items(child)


def paragraph_text(paragraph: Any) -> str:
    """The text of one w:p as Word shows it (tracked insertions accepted, deletions gone)."""
    parts: list[str] = []
    _walk(paragraph, parts)
    return "".join(parts)


def _walk(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in HIDDEN:
            continue   # comments and processing instructions have no str tag
        if tag in IN_RUN and element.tag == RUN:
            text = IN_RUN[tag]
            if text is None:
                parts.append(child.text or "")
            elif tag != f"{W}br" or child.get(f"{W}type") in (None, "textWrapping"):
                parts.append(text)   # a page or column break is no line of text
            continue
        _walk(child, parts)


def cell_text(cell: Any) -> str:
    """A table cell's paragraphs (w:tc), each read whole, one line each."""
    return "\n".join(paragraph_text(p) for p in block_items(cell) if p.tag == PARAGRAPH)


def text_box_lines(element: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in `element`, a line each. Word stores each box
    twice (a DrawingML choice and a VML fallback): the fallback copy is skipped."""
    lines = []
    for box in element.iter(TEXT_BOX):
        if any(parent.tag == MC_FALLBACK for parent in box.iterancestors()):
            continue
        if any(parent.tag == TEXT_BOX for parent in box.iterancestors()):
            continue   # a box in a box is read with the outer box's paragraphs below
        for paragraph in box.iter(PARAGRAPH):
            lines.append(paragraph_text(paragraph))
    return lines
