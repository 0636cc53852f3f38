"""DOCX with python-docx: paragraphs and tables in body order, then headers and footers."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import MissingDependency, TooLarge
from dangan.model import Extracted, Page, Picture, Table
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.docx_text import PARAGRAPH, block_items, cell_text, paragraph_text, text_box_lines
from dangan.read.extract.failures import corrupt
from dangan.read.extract.office_pictures import pictures_of
from dangan.read.extract.registry import register
from dangan.read.extract.text import page_estimate

MAX_XML_BYTES = 128 * 2**20   # XML parts in total, whatever their ratio
XML_BOMB_BYTES = 8 * 2**20    # XML parts above this size ...
XML_BOMB_RATIO = 100          # ... compressed more than this are a bomb
# a footer's page number (the PAGE field's last result, in the content control Word wraps it in):
# 1, — 1 —, 第 1 页, 第1页 共5页, 1/5: no text of the document
PAGE_NUMBER = re.compile(r"[-—–－\s]*(?:第\s*)?\d+(?:\s*页)?(?:\s*(?:共\s*\d+\s*页|/\s*\d+))?[-—–－\s]*")


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
                         page_count=pages or page_estimate(text), page_count_estimated=pages is None,
                         pictures=body_pictures(document))


def body_pictures(document: Any) -> tuple[Picture, ...]:
    """The body's pictures worth OCR, in order (a header's pictures are its logo and 版头 line: not read)."""
    return pictures_of([(document.part, document.element.body)])


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
    """The body's paragraphs and tables in order, read whole (docx_text: python-docx's own text
    skips smart tags, tracked insertions, content controls and text boxes)."""
    from docx.table import Table as DocxTable

    lines: list[str] = []
    tables: list[Table] = []
    for element in block_items(document.element.body):
        if element.tag == PARAGRAPH:
            lines.append(paragraph_text(element))
            lines.extend(text_box_lines(element))
        else:
            rows = table_rows(DocxTable(element, document))
            tables.append(Table(page=1, rows=rows))
            lines.extend("\t".join(r) for r in rows)
    return lines, tables


def table_rows(table: Any) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:   # a merged cell repeats; keep it once
                continue
            last = cell._tc
            cells.append(cell_text(cell._tc).replace("\n", " ").strip())
        rows.append(tuple(cells))
    return tuple(rows)


def header_footer_lines(document: Any) -> list[str]:
    seen: set[str] = set()
    out = []
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            for element in block_items(part._element):
                if element.tag != PARAGRAPH:
                    continue
                for line in (paragraph_text(element), *text_box_lines(element)):
                    text = line.strip()
                    if text and text not in seen and not PAGE_NUMBER.fullmatch(text):
                        seen.add(text)
                        out.append(text)
    return out
