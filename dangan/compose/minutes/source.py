"""Draft minutes from a catalogued document or a file, and keep its tasks in the ledger."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.tasks import save_tasks
from dangan.compose.minutes.speech import Minutes, draft_minutes
from dangan.errors import DocumentNotFound
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Draft:
    minutes: Minutes
    document_id: int | None
    task_ids: tuple[int, ...]
    docx: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.minutes.to_dict()
        for task, task_id in zip(out["tasks"], self.task_ids):
            task["id"] = task_id
        out["document_id"] = self.document_id
        out["docx"] = str(self.docx) if self.docx else None
        return out


def speech_text(ws: Workspace, source: str) -> tuple[str, int | None]:
    """`source` is a document id in the catalog or a file path."""
    if source.isdigit() and not Path(source).exists():
        with Catalog(ws.catalog_path) as catalog:
            return catalog.get(int(source)).text.replace("\f", "\n"), int(source)
    path = Path(source)
    if not path.is_file():
        raise DocumentNotFound(f"找不到讲话稿：{source}", id=source, hint="给出文件编号或讲话稿文件的路径。")
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    return extracted.text, None


def draft(ws: Workspace, source: str, *, meeting_date: date | None = None, title: str | None = None,
          out: Path | None = None, meeting: dict[str, str] | None = None,
          template: Path | None = None) -> Draft:
    from dangan.compose.minutes.render import render_minutes

    text, document_id = speech_text(ws, source)
    minutes = draft_minutes(text, meeting_date, title=title, units=_units(ws))
    with Catalog(ws.catalog_path) as catalog:
        task_ids = tuple(save_tasks(catalog, document_id, minutes.tasks))
    docx = render_minutes(minutes, out, template=template, meeting=meeting) if out else None
    return Draft(minutes, document_id, task_ids, docx)


def _units(ws: Workspace) -> tuple[str, ...]:
    try:
        from dangan.read.understand.classify import load_taxonomy
    except ImportError:
        return ()
    taxonomy = load_taxonomy(ws.taxonomy_file if ws.taxonomy_file.exists() else None)
    return tuple(getattr(taxonomy, "units", ()))
