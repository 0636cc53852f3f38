"""迎检资料: pick an edition, items or a query and a date range → the table of contents → the DOCX.

The page lays the dossier out exactly as `dangan dossier` does: with no edition chosen, the
workspace's own (`[taxonomy] edition` in dangan.toml) when it has 网上申报 requirements — one
part per 测评内容, evidence numbered `Ⅲ-77-1)-①` — else by linked items; a chosen edition is
`--taxonomy CODE`. The preview is the library's `outline` of the same selection the DOCX is
built from.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, jsonify, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from dangan.compose.dossier_name import DEFAULT_TITLE, dossier_name
from dangan.errors import DanganError
from dangan.read.understand.taxonomy import Taxonomy, evidence_taxonomy, list_editions, workspace_taxonomy
from dangan.web import jobs, lookup, security
from dangan.web.app import workspace
from dangan.web.roles import needs
from dangan.workspace import Workspace

bp = Blueprint("dossier", __name__)


def _params(source: Any) -> dict[str, Any]:
    return {
        "items": tuple(dict.fromkeys(c for c in source.getlist("items") if c)),
        "query": source.get("q", "").strip() or None,
        "date_from": source.get("from", "").strip() or None,
        "date_to": source.get("to", "").strip() or None,
    }


def _edition_name(source: Any) -> str | None:
    return (source.get("taxonomy") or "").strip() or None


def _choices(ws: Workspace, taxonomy: Taxonomy | None) -> list[dict[str, Any]]:
    """What can be ticked: the edition's 测评项目 with their 测评内容, or the catalog's items."""
    if taxonomy is None:
        return [{"code": row["code"], "name": row["name"], "contents": []} for row in lookup.items(ws)]
    out = []
    for item in taxonomy.items:
        leaves = [c for c in item.leaves() if c.code != item.code]
        out.append({"code": item.code, "name": item.name,
                    "contents": [{"code": c.code, "name": c.name} for c in leaves]})
    return out


@bp.get("/dossier")
@needs("dossier")
def page() -> str:
    """The form; with a choice made, the preview: the parts and numbered evidence, as the TOC will be."""
    ws = workspace()
    params = _params(request.args)
    name = _edition_name(request.args)
    title = request.args.get("title", "").strip() or DEFAULT_TITLE
    chosen = "preview" in request.args or any(params.values())
    selection, parts, error, taxonomy = None, None, None, None
    try:
        taxonomy = evidence_taxonomy(ws, name)
    except DanganError as exc:       # an edition that is not there (a stale link)
        error, chosen = exc, False
    if chosen:
        try:
            selection = _select(ws, taxonomy, params)
        except DanganError as exc:
            error = exc
    if selection is not None:
        from dangan.compose.dossier import outline

        parts = outline(selection)
    return render_template("dossier.html", choices=_choices(ws, taxonomy), params=params, title=title,
                           selection=selection, parts=parts, error=error, chosen=chosen, taxonomy=taxonomy,
                           download_name=dossier_name(title),
                           edition=name, editions=list_editions(ws.home), default=_default_edition(ws))


def _default_edition(ws: Workspace) -> str:
    try:
        return workspace_taxonomy(ws).name
    except DanganError:
        return ws.settings.taxonomy


def _select(ws: Workspace, taxonomy: Taxonomy | None, params: dict[str, Any]) -> Any:
    from dangan.compose.dossier_select import batches_as_members, select

    if taxonomy is not None:
        from dangan.compose.evidence_select import select_evidence

        selection = select_evidence(ws, taxonomy, params["items"], query=params["query"],
                                    date_from=params["date_from"], date_to=params["date_to"])
    else:
        selection = select(ws, **params)
    return batches_as_members(ws, selection)   # the preview lists what the DOCX will: a ZIP batch as its members


@bp.post("/dossier/docx")
@needs("dossier")
def docx() -> Response:
    """Build the DOCX with the library (`make_dossier`, as `dangan dossier`) and send it. Asked by
    the page's script (Accept: application/json), the build starts beside the request and the
    answer is the job to follow (`/dossier/job/<id>`): its steps, then the file."""
    ws = workspace()
    params = _params(request.form)
    taxonomy = evidence_taxonomy(ws, _edition_name(request.form))
    title = request.form.get("title", "").strip() or DEFAULT_TITLE
    # as `dangan dossier --with-originals --pdf`: the originals appended, a PDF whose TOC has page numbers
    with_originals, as_pdf = request.form.get("originals") == "1", request.form.get("format") == "pdf"
    out = ws.out / "web" / f"dossier-{uuid.uuid4().hex}" / "迎检资料汇编.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    name = dossier_name(title, pdf=as_pdf)   # as `dangan dossier` names it without --out

    def build(tell: Callable[[str], None]) -> Path:
        from dangan.compose.dossier import make_dossier

        made = make_dossier(ws, out, title=title, taxonomy=taxonomy, progress=tell, with_originals=with_originals,
                            pdf=as_pdf, **params)
        return made.pdf if as_pdf and made.pdf is not None else out

    if request.accept_mimetypes.best == "application/json":
        job = jobs.start(security.current_user().name, name, build)
        return jsonify({**job.to_dict(), "poll": url_for("dossier.job", job_id=job.id)})
    return _send(build(lambda _: None), name)


@bp.get("/dossier/job/<job_id>")
@needs("dossier")
def job(job_id: str) -> Response:
    """A build's steps so far; when done, where to fetch the file."""
    found = jobs.get(job_id, security.current_user().name)
    if found is None:
        abort(404)
    data = found.to_dict()
    if data["done"]:
        data["file"] = url_for("dossier.job_file", job_id=job_id)
    return jsonify(data)


@bp.get("/dossier/job/<job_id>/file")
@needs("dossier")
def job_file(job_id: str) -> Response:
    found = jobs.get(job_id, security.current_user().name)
    if found is None or found.path is None:
        abort(404)
    return _send(found.path, found.download_name)


def _send(path: Path, name: str) -> Response:
    mime = "application/pdf" if path.suffix == ".pdf" else \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return send_file(path, as_attachment=True, max_age=0, download_name=name, mimetype=mime)
