"""Minutes drafted in the browser, kept between the review and the download.

A draft is the library's `Minutes` (as its own `to_dict`) plus the meeting
facts and ledger task ids, stored as JSON under `out/web/drafts/<token>.json`.
Tokens are random hex: a request names a draft only by token, never by path.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from pathlib import Path
from typing import Any

from dangan.compose.minutes.source import Draft
from dangan.compose.minutes.speech import Minutes
from dangan.workspace import Workspace

TOKEN = re.compile(r"^[0-9a-f]{32}$")
MEETING_FIELDS = ("place", "host", "attendees", "absent", "observers")


def folder(ws: Workspace) -> Path:
    return ws.out / "web" / "drafts"


def save(ws: Workspace, draft: Draft, meeting: dict[str, str], token: str | None = None) -> str:
    token = token or uuid.uuid4().hex
    data = {"minutes": draft.minutes.to_dict(), "speech_title": draft.minutes.speech_title,
            "document_id": draft.document_id, "task_ids": list(draft.task_ids), "meeting": meeting,
            "draft_id": draft.draft_id}
    target = folder(ws) / f"{token}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".draft-", dir=target.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    os.replace(tmp, target)
    return token


def load(ws: Workspace, token: str) -> tuple[Minutes, dict[str, Any]] | None:
    """The stored draft as `Minutes` and its facts (meeting, document id, task ids); None if unknown."""
    if not TOKEN.match(token):
        return None
    path = folder(ws) / f"{token}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return minutes_from_dict(data["minutes"], data.get("speech_title")), data


def minutes_from_dict(data: dict[str, Any], speech_title: str | None = None) -> Minutes:
    return Minutes.from_dict(data, speech_title)
