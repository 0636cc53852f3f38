"""The unit's 报送 page offers its tasks by their text: a long one was cut at 60 characters mid-word
(…宣传全区各级领导干部深) with nothing to say it went on."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import SEED_SPEECH

from dangan.archive import accounts
from dangan.archive.catalog import Catalog
from dangan.compose.minutes.source import draft
from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import init_workspace

PASSWORD = "correct-horse-battery"


def test_a_long_task_is_cut_with_an_ellipsis(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    speech = ingest_paths(ws, [SEED_SPEECH], ocr=False).results[0].document_id
    draft(ws, str(speech), meeting_date=date(2022, 3, 26))
    with Catalog(ws.catalog_path) as catalog:
        accounts.add_user(catalog, "xuanchuan", "unit", PASSWORD, unit="区委宣传部")
    client = create_app(ws).test_client()
    client.get("/login")
    with client.session_transaction() as session:
        token = session["csrf_token"]
    client.post("/login", data={"name": "xuanchuan", "password": PASSWORD, "csrf_token": token})
    page = client.get("/handin").get_data(as_text=True)
    options = re.findall(r'<option value="\d+"[^>]*>\d+\. ([^<]*)</option>', page)
    assert any("大力宣传全区广大干部群众参与" in o for o in options), options
    assert all(len(o) <= 60 for o in options)
    assert all(o.endswith(("。", "…")) for o in options), options
    assert any(o.endswith("…") for o in options)
