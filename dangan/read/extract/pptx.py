"""PPTX with python-pptx: one page per slide, shapes top to bottom, tables as rows, notes last."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import MissingDependency
from dangan.model import Extracted, Page, Table
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.docx import check_zip
from dangan.read.extract.failures import corrupt
from dangan.read.extract.office_pictures import pictures_of
from dangan.read.extract.registry import register


@register
class PptxExtractor:
    name: ClassVar[str] = "pptx"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.PPTX})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        check_zip(path, limits)
        try:
            from pptx import Presentation
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise MissingDependency(name="python-pptx") from exc
        try:
            deck = Presentation(str(path))
            pages: list[Page] = []
            tables: list[Table] = []
            for number, slide in enumerate(deck.slides, start=1):
                lines: list[str] = []
                for shape in sorted(slide.shapes, key=_position):
                    lines += shape_lines(shape, number, tables)
                if slide.has_notes_slide:
                    notes = slide.notes_slide.notes_text_frame
                    if notes is not None and notes.text.strip():
                        lines.append(notes.text.strip())
                pages.append(Page(number, "\n".join(lines)))
            pictures = pictures_of((slide.part, slide.element) for slide in deck.slides)
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise corrupt("PPTX 结构无法解析", exc) from exc
        except Exception as exc:   # lxml and python-pptx internals on damaged parts
            raise corrupt("PPTX 内容无法解析", exc) from exc
        return Extracted(pages=tuple(pages) or (Page(1, ""),), extractor=self.name,
                         tables=tuple(tables), page_count=len(pages), pictures=pictures)


def shape_lines(shape: Any, page: int, tables: list[Table]) -> list[str]:
    """Text of one shape; groups are read member by member, in position order."""
    if hasattr(shape, "shapes") and not getattr(shape, "has_text_frame", False):   # group
        out: list[str] = []
        for member in sorted(shape.shapes, key=_position):
            out += shape_lines(member, page, tables)
        return out
    if getattr(shape, "has_table", False):
        rows = tuple(tuple(" ".join(cell.text.split()) for cell in row.cells) for row in shape.table.rows)
        tables.append(Table(page=page, rows=rows))
        return ["\t".join(row) for row in rows]
    if getattr(shape, "has_text_frame", False):
        return [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
    return []


def _position(shape: Any) -> tuple[int, int]:
    return (shape.top or 0, shape.left or 0)
