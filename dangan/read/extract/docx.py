"""DOCX with python-docx: paragraphs and tables in body order, then headers and footers."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import MissingDependency, TooLarge
from dangan.model import Extracted, Page, Table
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt
from dangan.read.extract.registry import register
from dangan.read.extract.text import page_estimate

MAX_XML_BYTES = 128 * 2**20   # XML parts in total, whatever their ratio
XML_BOMB_BYTES = 8 * 2**20    # XML parts above this size ...
XML_BOMB_RATIO = 100          # ... compressed more than this are a bomb
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_TEXT_BOX, W_PARAGRAPH, W_RUN, W_TEXT, W_TAB = f"{W}txbxContent", f"{W}p", f"{W}r", f"{W}t", f"{W}tab"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@register
class DocxExtractor:
    name: ClassVar[str] = "docx"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.DOCX})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        check_zip(path, limits)
        try:
            import docx
            from docx.opc.exceptions import PackageNotFoundError
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise MissingDependency(name="python-docx") from exc
        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise corrupt("DOCX 结构无法解析", exc) from exc
        except Exception as exc:  # lxml XMLSyntaxError and friends
            raise corrupt("DOCX 内容无法解析", exc) from exc
        lines, tables = body_lines(document)
        extra = header_footer_lines(document)
        text = "\n".join(lines + ([""] + extra if extra else []))
        pages = stated_pages(path)
        return Extracted(pages=(Page(1, text),), extractor=self.name, tables=tuple(tables),
                         page_count=pages or page_estimate(text), page_count_estimated=pages is None)


def stated_pages(path: Path) -> int | None:
    """The page count Word or WPS stored in docProps/app.xml when it last laid the document out."""
    try:
        with zipfile.ZipFile(path) as zf:
            xml = zf.read("docProps/app.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    m = re.search(rb"<(?:\w+:)?Pages>\s*(\d{1,5})\s*<", xml)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse zip bombs before any XML is parsed.

    Beside the total unpacked size, the XML parts are bounded on their own: python-docx
    builds a tree of the whole body, so 40 MB of repeated `<w:p/>` (a 120 KB file)
    took 63 s and 740 MB. Real DOCX XML compresses 3–32:1 (corpus and our templates).
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise corrupt("ZIP 结构损坏", exc) from exc
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > limits.max_unzipped_bytes or (unpacked > 50 * 2**20 and unpacked / packed > 100):
        raise TooLarge(detail=f"解压后 {unpacked // 2**20} MB，压缩比 {unpacked // packed}:1")
    xml = [i for i in infos if i.filename.endswith((".xml", ".rels"))]
    xml_unpacked = sum(i.file_size for i in xml)
    xml_packed = sum(i.compress_size for i in xml) or 1
    if xml_unpacked > MAX_XML_BYTES or (xml_unpacked > XML_BOMB_BYTES
                                         and xml_unpacked / xml_packed > XML_BOMB_RATIO):
        raise TooLarge(detail=f"文档 XML 解压后 {xml_unpacked // 2**20} MB，"
                              f"压缩比 {xml_unpacked // xml_packed}:1")


def body_lines(document: Any) -> tuple[list[str], list[Table]]:
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    tables: list[Table] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
            lines.extend(text_box_lines(block._p))
        elif isinstance(block, DocxTable):
            rows = table_rows(block)
            tables.append(Table(page=1, rows=rows))
            lines.extend("\t".join(r) for r in rows)
    return lines, tables


def text_box_lines(element: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in `element`, where the box is anchored. Offices set
    版头, 版记 and signature blocks in text boxes; python-docx's text skips them. Word stores each box
    twice (a DrawingML choice and a VML fallback): the fallback copy is skipped."""
    lines = []
    for box in element.iter(W_TEXT_BOX):
        if any(parent.tag == MC_FALLBACK for parent in box.iterancestors()):
            continue
        for paragraph in box.iter(W_PARAGRAPH):
            if any(parent.tag == W_TEXT_BOX for parent in paragraph.iterancestors() if parent is not box):
                continue   # a box inside this box is read as its own box
            lines.append("".join(_run_text(node) for node in paragraph.iter(W_TEXT, W_TAB)
                                 if next(node.iterancestors(W_PARAGRAPH)) is paragraph))
    return lines


def _run_text(node: Any) -> str:
    if node.tag == W_TAB:
        return "\t" if node.getparent().tag == W_RUN else ""   # not a tab stop of the paragraph's properties
    return node.text or ""


def table_rows(table: Any) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:   # a merged cell repeats; keep it once
                continue
            last = cell._tc
            cells.append(cell.text.replace("\n", " ").strip())
        rows.append(tuple(cells))
    return tuple(rows)


def header_footer_lines(document: Any) -> list[str]:
    seen: set[str] = set()
    out = []
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                text = paragraph.text.strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append(text)
    return out
