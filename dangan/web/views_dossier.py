"""迎检资料: pick items or a query and a date range → the table of contents → the DOCX."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, Response, render_template, request, send_file

from dangan.errors import DanganError
from dangan.web import lookup
from dangan.web.app import workspace
from dangan.web.roles import needs

bp = Blueprint("dossier", __name__)

DEFAULT_TITLE = "创建全国文明城市迎检资料汇编"


def _params(source: Any) -> dict[str, Any]:
    return {
        "items": tuple(dict.fromkeys(c for c in source.getlist("items") if c)),
        "query": source.get("q", "").strip() or None,
        "date_from": source.get("from", "").strip() or None,
        "date_to": source.get("to", "").strip() or None,
    }


@bp.get("/dossier")
@needs("dossier")
def page() -> str:
    """The form; with a choice made, the preview: the documents grouped by item, as the TOC will be."""
    ws = workspace()
    params = _params(request.args)
    title = request.args.get("title", "").strip() or DEFAULT_TITLE
    chosen = any(params.values())
    selection, error = None, None
    if chosen:
        from dangan.compose.dossier_select import select

        try:
            selection = select(ws, **params)
        except DanganError as exc:
            error = exc
    return render_template("dossier.html", items=lookup.items(ws), params=params, title=title,
                           selection=selection, error=error, chosen=chosen)


@bp.post("/dossier/docx")
@needs("dossier")
def docx() -> Response:
    """Build the DOCX with the library (`make_dossier`, as `dangan dossier`) and send it."""
    from dangan.compose.dossier import make_dossier

    ws = workspace()
    params = _params(request.form)
    title = request.form.get("title", "").strip() or DEFAULT_TITLE
    out = ws.out / "web" / f"dossier-{uuid.uuid4().hex}.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    make_dossier(ws, out, title=title, **params)
    return send_file(out, as_attachment=True, max_age=0,
                     download_name=lookup.safe_filename(f"{title}.docx", fallback="迎检资料.docx"),
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
