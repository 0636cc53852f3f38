"""会议纪要: a speech (picked or uploaded) → outline and tasks to review and edit → the DOCX."""
from __future__ import annotations

import dataclasses
import json
import re
import shutil
from datetime import date
from typing import TYPE_CHECKING, Any

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.compose.minutes.attendance import read_attendance
from dangan.compose.minutes.meeting import Attendance
from dangan.compose.minutes.render import render_minutes
from dangan.compose.minutes.source import draft, in_ledger, keep, with_office
from dangan.compose.minutes.speech import LENGTHS, Minutes, Task
from dangan.compose.minutes.speech_lookup import speeches_like
from dangan.errors import BadQuery, DanganError
from dangan.index.search import search
from dangan.web import drafts, intake, lookup
from dangan.web.app import workspace
from dangan.web.roles import needs

if TYPE_CHECKING:
    from dangan.archive.catalog import Catalog

bp = Blueprint("minutes", __name__)

OWNER_SPLIT = re.compile(r"[、,，;；\s]+")
MEETING_LABELS = (("place", "地点"), ("host", "主持"), ("attendees", "出席"), ("absent", "请假"),
                  ("observers", "列席"))
SPEECHES_SHOWN = 30
SHEET_FIELD = "attendance_sheet"   # what an uploaded 签到表 gave, carried through the redraft confirmation


def _day(text: str, label: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadQuery(f"{label}“{text}”应写成 2022-03-26 这样的日期。") from None


def _sheet(upload: Any, form: Any) -> Attendance | None:
    """The sign-in sheet (签到表) sent with the form, read as `dangan minutes --attendance` reads one: staged,
    read, removed (it is no document of the archive); or the names a redraft's confirmation page carried back."""
    if upload is not None and upload.filename:
        staged = intake.stage(workspace(), upload.stream, upload.filename)
        try:
            return read_attendance(staged)
        finally:
            shutil.rmtree(staged.parent, ignore_errors=True)
    carried = form.get(SHEET_FIELD, "")
    if not carried:
        return None
    try:
        people = json.loads(carried)
        return Attendance(*(tuple(str(p) for p in people.get(key, ())) for key in ("present", "absent", "observers")))
    except (ValueError, AttributeError, TypeError):
        raise BadQuery("签到表的内容在确认时损坏，请重新上传签到表。") from None


def _sheet_said(sheet: Attendance) -> str:
    counts = [f"{label} {len(people)} 人" for label, people in (("出席", sheet.present), ("请假", sheet.absent),
                                                                ("列席", sheet.observers)) if people]
    return f"已读入签到表：{'，'.join(counts)}（填在下方出席、请假、列席中，可修改）。"


def _meeting(form: Any) -> dict[str, str]:
    return {key: value for key, _ in MEETING_LABELS if (value := form.get(key, "").strip())}


@bp.get("/minutes")
@needs("minutes")
def page() -> str:
    ws = workspace()
    words = request.args.get("q", "").strip()
    found, typed_speeches = speeches_like(ws, words) if words else ([], True)
    speeches = found or search(ws, "", doc_type="讲话", sort="date", limit=SPEECHES_SHOWN).hits
    return render_template("minutes.html", speeches=speeches, chosen=request.args.get("doc", ""),
                           meeting_labels=MEETING_LABELS, words=words if found else "",
                           found_kind="讲话稿" if typed_speeches else "文件（没有文种为讲话的）")


@bp.post("/minutes/draft")
@needs("minutes")
def make_draft() -> Response | str:
    """Draft from a document id, or from an uploaded speech that is archived first."""
    ws = workspace()
    source = (request.form.get("doc_id_manual", "") or request.form.get("doc_id", "")).strip()
    upload = request.files.get("speech")
    try:
        sheet = _sheet(request.files.get("attendance"), request.form)   # a sheet it cannot read: before any speech is taken
        if upload is not None and upload.filename:
            result = intake.ingest_staged(ws, intake.stage(ws, upload.stream, upload.filename))
            if result.document_id is None:
                raise BadQuery(f"讲话稿未能收录：{result.reason}")
            source = str(result.document_id)
        if not source:
            raise BadQuery("请选择一篇讲话稿，或上传讲话稿文件。")
        if not source.isdigit():   # a word the clerk remembers the speech by, as `dangan minutes 防汛`
            if speeches_like(ws, source)[0]:
                flash(f"“{source}”不是文件编号：下面列出含“{source}”的讲话稿，选一篇再起草。", "ok")
                return redirect(url_for("minutes.page", q=source))
            raise BadQuery(f"“{source}”不是文件编号，档案中也没有含这些词的讲话稿：请填写文件编号（如 12），或上传讲话稿文件。")
        meeting = _meeting(request.form)
        length = request.form.get("length", "normal")
        made = draft(ws, source, meeting_date=_day(request.form.get("date", ""), "会议日期"),
                     title=request.form.get("title", "").strip() or None, meeting=meeting,
                     length=length if length in LENGTHS else "normal", attendance=sheet, dry_run=True)
        open_tasks, done_tasks = in_ledger(ws, made)
        if open_tasks and request.form.get("replace") != "1":
            # a redraft replaces the meeting's open tasks in the 督办台账: the clerk says so first
            return render_template("minutes_replace.html", made=made, open_tasks=open_tasks,
                                   done_tasks=done_tasks, source=source,
                                   form={**{key: value for key, value in request.form.items()
                                            if key not in ("csrf_token", "doc_id", "doc_id_manual", "replace")},
                                         **({SHEET_FIELD: json.dumps(dataclasses.asdict(sheet), ensure_ascii=False)}
                                            if sheet else {})})
        made = keep(ws, made)
    except DanganError as exc:
        flash(exc.message, "error")
        return redirect(url_for("minutes.page", doc=source if source.isdigit() else None))
    if sheet is not None:
        flash(_sheet_said(sheet), "ok")
    if made.replaced:
        flash(f"督办台账中本次会议此前未完成的任务 {made.replaced} 项已替换为新起草的任务"
              f"{f'；已完成的 {done_tasks} 项保留不变' if done_tasks else ''}。", "ok")
    token = drafts.save(ws, made, meeting)
    return redirect(url_for("minutes.review", token=token))


def _still_there(catalog: Catalog, document_id: int | None) -> int | None:
    """The speech a kept draft names, or the document it was merged into since (同文异版, `variants --join`):
    the draft outlives the number, and a task may not point at a removed document."""
    if document_id is None or catalog.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
        return document_id
    return catalog.folded_into(document_id)


def _loaded(token: str) -> tuple[Minutes, dict[str, Any]]:
    loaded = drafts.load(workspace(), token)
    if loaded is None:
        abort(404)
    return loaded


@bp.get("/minutes/<token>")
@needs("minutes")
def review(token: str) -> str:
    minutes, data = _loaded(token)
    return render_template("minutes_review.html", token=token, minutes=minutes, data=data,
                           meeting=meeting_defaults(minutes, data.get("meeting", {})), meeting_labels=MEETING_LABELS)


def meeting_defaults(minutes: Minutes, meeting: dict[str, str]) -> dict[str, str]:
    """What the clerk typed wins; blanks are filled from the speech, the record and the sign-in sheet."""
    found = {**minutes.meeting, "attendees": "、".join(minutes.attendance.present),
             "absent": "、".join(minutes.attendance.absent), "observers": "、".join(minutes.attendance.observers)}
    return {key: meeting.get(key) or found.get(key, "") for key, _ in MEETING_LABELS}


def edited_tasks(form: Any) -> tuple[Task, ...]:
    """The task rows of the review form; a row without text, or unticked, is left out."""
    tasks = []
    count = int(form.get("task_count", "0") or 0)
    for index in range(count + 1):  # the last row is the blank one for a new task
        text = form.get(f"task-{index}-text", "").strip()
        if not text or (index < count and form.get(f"task-{index}-keep") != "1"):
            continue
        owners = tuple(o for o in OWNER_SPLIT.split(form.get(f"task-{index}-owners", "")) if o)
        lead = tuple(o for o in OWNER_SPLIT.split(form.get(f"task-{index}-lead", "")) if o and o in owners)
        tasks.append(Task(text=text, owners=owners,
                          deadline=_day(form.get(f"task-{index}-deadline", ""), f"第 {index + 1} 项任务的期限"),
                          source=form.get(f"task-{index}-source", ""), lead=lead or owners[:1],
                          frequency=form.get(f"task-{index}-frequency", "").strip() or None,
                          leaders=tuple(p for p in OWNER_SPLIT.split(form.get(f"task-{index}-leaders", "")) if p)))
    return tuple(tasks)


@bp.post("/minutes/<token>")
@needs("minutes")
def save_or_download(token: str) -> Response:
    """Apply the edits (title, date, meeting, tasks); 保存 keeps them, 下载 renders the DOCX."""
    ws = workspace()
    minutes, data = _loaded(token)
    try:
        minutes = dataclasses.replace(
            minutes, tasks=edited_tasks(request.form),
            title=request.form.get("title", "").strip() or minutes.title,
            date=_day(request.form.get("date", ""), "会议日期") or minutes.date)
    except DanganError as exc:
        flash(f"未保存：{exc.message}", "error")
        return redirect(url_for("minutes.review", token=token))
    meeting = _meeting(request.form)
    from dangan.archive.catalog import Catalog
    from dangan.archive.tasks import replace_tasks
    from dangan.compose.minutes.source import Draft

    with Catalog(ws.catalog_path) as catalog:  # the 督办台账 follows the reviewed task list
        document_id = _still_there(catalog, data.get("document_id"))
        task_ids = replace_tasks(catalog, document_id, data.get("task_ids", ()), minutes.tasks,
                                 data.get("draft_id"))
    drafts.save(ws, Draft(minutes, document_id, tuple(task_ids), draft_id=data.get("draft_id")),
                meeting, token=token)
    if request.form.get("action") != "docx":
        flash("修改已保存。", "ok")
        return redirect(url_for("minutes.review", token=token))
    out = ws.out / "web" / f"minutes-{token}.docx"
    render_minutes(minutes, out, meeting=with_office(ws, meeting))
    return send_file(out, as_attachment=True, max_age=0,
                     download_name=lookup.safe_filename(f"{minutes.title}.docx", fallback="会议纪要.docx"),
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
