"""Draft minutes from a catalogued document or a file, and keep its tasks in the ledger."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.tasks import draft_ledger, edited_open, store_draft
from dangan.compose.docx_out import check_docx_out
from dangan.compose.minutes.attendance import read_attendance
from dangan.compose.minutes.meeting import Attendance
from dangan.compose.minutes.speech import Minutes, draft_minutes
from dangan.compose.minutes.speech_lookup import speech_not_found
from dangan.errors import DocumentNotFound, EditedTasksInLedger, NotASpeech
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand.classify import load_taxonomy
from dangan.read.understand.units import Unit, UnitList, load_units
from dangan.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Draft:
    minutes: Minutes
    document_id: int | None
    task_ids: tuple[int, ...]
    docx: Path | None = None
    draft_id: int | None = None
    stored: bool = True
    replaced: int = 0   # open tasks of an earlier draft of the same meeting that these took the place of

    def to_dict(self) -> dict[str, Any]:
        out = self.minutes.to_dict()
        for task, task_id in zip(out["tasks"], self.task_ids):
            task["id"] = task_id
        out["document_id"] = self.document_id
        out["draft"] = self.draft_id
        out["stored"] = self.stored
        out["replaced"] = self.replaced
        out["docx"] = str(self.docx) if self.docx else None
        return out


@dataclass(frozen=True, slots=True)
class Speech:
    text: str
    document_id: int | None
    title: str | None
    date: str | None = None   # its 成文日期 in the catalog (ISO), when it has one


def speech_text(ws: Workspace, source: str) -> Speech:
    """`source` is a document id in the catalog or a file path (read, not stored)."""
    if source.isdigit() and not Path(source).exists():
        with Catalog(ws.catalog_path) as catalog:
            document = catalog.get(int(source))
        kind = _not_prose(document.mime, document.text)
        if kind:
            raise NotASpeech(id=document.id, title=document.title or document.original_name, kind=kind)
        return Speech(document.text.replace("\f", "\n"), document.id, document.title, document.doc_date)
    path = Path(source)
    if not path.is_file():
        raise speech_not_found(ws, source)
    mime = detect_mime(path)
    extracted = extractor_for(mime).extract(path, Limits())
    kind = _not_prose(mime, extracted.text)
    if kind:
        raise NotASpeech(id=path.name, title=path.name, kind=kind)
    return Speech(extracted.text, None, None)


def _not_prose(mime: str, text: str) -> str | None:
    """What a document is when it cannot be a speech: a ledger's rows or an archive's list of
    names would make nonsense minutes and put nonsense tasks in the 督办台账."""
    if mime in (detect.XLSX, detect.XLS, detect.ODS, detect.CSV):
        return "表格"
    if mime in detect.ARCHIVES:
        return "压缩包"
    if not text.strip():
        return "没有文字的文件（扫描件或照片尚未识别文字）"
    return None


def draft(ws: Workspace, source: str, *, meeting_date: date | None = None, title: str | None = None,
          out: Path | None = None, meeting: dict[str, str] | None = None,
          template: Path | None = None, length: str = "normal", attendance: Path | Attendance | None = None,
          dry_run: bool = False, replace_edited: bool = True) -> Draft:
    """Draft the minutes of `source` (a document id; a file path only with `dry_run`).

    The draft's tasks go to the ledger keyed by document and meeting date, so
    drafting again replaces them; `dry_run` stores nothing. Without `replace_edited`, open tasks
    a clerk changed by hand stop the redraft (EditedTasksInLedger) before anything is stored.
    `attendance` is a sign-in sheet's file (read by `read_attendance`), or what one gave (the desk reads
    an uploaded sheet when it arrives, and carries its names through a confirmation page).
    """
    from dangan.compose.minutes.render import render_minutes

    if out is not None:
        check_docx_out(out, "纪要")
    speech = speech_text(ws, source)
    sheet = read_attendance(attendance) if isinstance(attendance, (str, Path)) else attendance
    minutes = draft_minutes(speech.text, meeting_date, title=title, units=workspace_units(ws), length=length,
                            catalogue_title=speech.title, attendance=sheet)
    if minutes.date is None and (day := _iso_day(speech.date)):
        # no day given and none read in the text (a date line in brackets under the title): the
        # speech's catalogued 成文日期, as the desk's form promises (留空则按讲话稿所写日期); the
        # draft is made again as deadlines (月底前, 一个月内) count from the meeting's day
        minutes = draft_minutes(speech.text, day, title=title,
                                units=workspace_units(ws), length=length, catalogue_title=speech.title,
                                attendance=sheet)
    if all(not (p.heading or p.text or p.subpoints) for p in minutes.points):
        # a notice of a few lines: 一、二、三、 with nothing under them, and its one line a "task"
        chars = len("".join(speech.text.split()))
        raise NotASpeech(id=speech.document_id or source, title=speech.title or Path(source).name,
                         kind=f"只有 {chars} 字、读不出会议要点的短文")
    made = Draft(minutes, speech.document_id, (), None, None, stored=False)
    if not dry_run:
        if speech.document_id is None:
            raise DocumentNotFound(f"讲话稿尚未收录：{source}", id=source,
                                   hint="先用 dangan ingest 收录讲话稿，或加 --dry-run 只起草不入台账。")
        if not replace_edited:
            with Catalog(ws.catalog_path) as catalog:
                edited = edited_open(catalog, speech.document_id, minutes.date)
            if edited:
                raise EditedTasksInLedger(count=len(edited), ids="、".join(map(str, edited)))
        made = keep(ws, made)
    docx = render_minutes(minutes, out, template=template, meeting=with_office(ws, meeting)) if out else None
    return replace(made, docx=docx)


def with_office(ws: Workspace, meeting: dict[str, str] | None) -> dict[str, str]:
    """The meeting's fields with the workspace's unit (dangan.toml [workspace] unit, the dossier's 编制单位) as
    the 纪要's 编印单位 under its 纪要标志 and in its 版记, unless one was given: it was left a blank to fill in
    even where the office had named itself."""
    given = dict(meeting or {})
    if ws.settings.unit and not given.get("issuer"):
        given["issuer"] = ws.settings.unit
    return given


def in_ledger(ws: Workspace, made: Draft) -> tuple[int, int]:
    """(open, done) tasks already in the 督办台账 for the meeting of a draft made with `dry_run`."""
    if made.document_id is None:
        return 0, 0
    with Catalog(ws.catalog_path) as catalog:
        return draft_ledger(catalog, made.document_id, made.minutes.date)


def keep(ws: Workspace, made: Draft) -> Draft:
    """Store a draft made with `dry_run` (of a catalogued speech): its tasks replace the open ones of
    the same meeting in the 督办台账."""
    assert made.document_id is not None
    with Catalog(ws.catalog_path) as catalog:
        draft_id, ids, removed = store_draft(catalog, made.document_id, made.minutes.date, made.minutes.title,
                                             made.minutes.tasks)
    return replace(made, task_ids=tuple(ids), draft_id=draft_id, stored=True, replaced=removed)


def _iso_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:   # a month or a year alone
        return None


def workspace_units(ws: Workspace) -> UnitList:
    """The workspace's units.toml; else the default list plus the units its taxonomy names."""
    units = load_units(ws.home)
    if (ws.home / "units.toml").is_file() or not ws.taxonomy_file.exists():
        return units
    taxonomy = load_taxonomy(ws.taxonomy_file)
    aliases = dict(taxonomy.aliases)
    extra = tuple(Unit(name=name, aliases=tuple(aliases.get(name, ())), level="工作区")
                  for name in taxonomy.units if units.normalise(name) is None)
    return UnitList(units.units + extra, source=units.source) if extra else units
