"""同文异版候选 on the desk: documents of one text catalogued apart, with 合并 and 不是同一文件 for an administrator.

The 状态 page's last check names the pairs; a clerk who never opens a terminal could only ask the
administrator to run `dangan variants`. Here the office sees each pair (both titles, file names, where each
came from) and an administrator settles it: folds it as `variants --join` does, one pair at a time, keeping the
one chosen (`variants --join A B --keep A`: a pair both worked on, the other's work moved, or each conflict
named), or says the two are not one text as `variants --dismiss` does (and takes that back). The same library
calls.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response

from dangan.archive.variants_merge import moved_lines, plan_merge
from dangan.errors import DanganError
from dangan.ops import same_text
from dangan.ops.same_text_merge import join_pair
from dangan.web import security
from dangan.web.app import workspace
from dangan.web.intake import staging_dir
from dangan.web.roles import needs

bp = Blueprint("variants", __name__)


@bp.get("/status/variants")
@needs("status")
def page() -> str:
    catalog = security.catalog()
    groups = same_text.candidates(catalog)
    pairs = [(g["keep"], other) for g in groups for other in g["others"]]
    # a pair both worked on: what merging it into the one proposed would move, or the conflicts that stop it
    plans = {other["id"]: plan_merge(catalog, other["id"], keep["id"]) for keep, other in pairs if other["kept_apart"]}
    return render_template("variants.html", pairs=pairs, plans=plans, moved_lines=moved_lines,
                           dismissed=same_text.dismissed(catalog), where=_where())


def _where() -> Callable[[str], str]:
    """A source as the clerk knows it: an upload's path is its hidden staging folder's (网页上传)."""
    web = staging_dir(workspace())

    def where(path: str) -> str:
        inside = Path(path).relative_to(web).parts[1:] if web in Path(path).parents else None
        return path if inside is None else "网页上传：" + "/".join(inside)
    return where


def _ids(*names: str) -> list[int]:
    try:
        return [int(request.form[name]) for name in names]
    except (KeyError, ValueError):
        raise BadRequest("请求缺少文件编号，请回到同文异版候选页重试。") from None


@bp.post("/status/variants/join")
@needs("variants")
def join() -> Response:
    """One pair folded as `dangan variants --join` folds it: `other` becomes an original of `into`; with `keep`
    (the page's choice of which to keep) as `dangan variants --join A B --keep K`, the other one's work moved."""
    other, into = _ids("other", "into")
    if "keep" in request.form:
        return _merge(other, into, *_ids("keep"))
    try:
        done = same_text.join(workspace(), pair=(other, into))
    except DanganError as exc:
        flash(f"未合并：{exc.message}", "error")
        return redirect(url_for("variants.page"))
    if done["folded"]:
        row = done["folded"][0]
        flash(f"已合并：{row['id']}《{row['title']}》成为 {into}《{row['into_title']}》的同文异版，"
              "两件原件都保留，检索只计一次。", "ok")
    elif done["kept_apart"]:
        flash(f"未合并：{done['kept_apart'][0]['kept_apart']}。", "error")
    else:
        flash("未合并：这一对已不是同文异版候选（可能刚被合并或标为不是同一文件），请看下方最新列表。", "error")
    return redirect(url_for("variants.page"))


def _merge(a: int, b: int, keep: int) -> Response:
    try:
        done = join_pair(workspace(), a, b, keep=keep)
    except DanganError as exc:
        flash(f"未合并：{exc.message}", "error")
        return redirect(url_for("variants.page"))
    kept, other = done["keep"], done["other"]
    if done["conflicts"]:
        flash(f"未合并：第 {other['id']} 件并入第 {kept['id']} 件会丢掉有人做过的处理——" + "；".join(done["conflicts"]) +
              "。请先在文件页改正其中一件，或改为保留另一件；确应分开保存的，点“不是同一文件”。", "error")
        return redirect(url_for("variants.page"))
    lines = moved_lines(done["moved"])
    flash(f"已合并：{other['id']}《{other['title']}》成为 {kept['id']}《{kept['title']}》的同文异版，两件原件都保留，"
          "检索只计一次。" + (f"已移交到 {kept['id']}：" + "；".join(lines) + "。" if lines else ""), "ok")
    return redirect(url_for("variants.page"))


@bp.post("/status/variants/dismiss")
@needs("variants")
def dismiss() -> Response:
    """Two documents said not to be one text (`undo=1`: taken back), as `dangan variants --dismiss`."""
    a, b = _ids("a", "b")
    undo = request.form.get("undo") == "1"
    try:
        done = same_text.dismiss(security.catalog(), a, b, undo=undo)
    except DanganError as exc:
        flash(f"未改动：{exc.message}", "error")
        return redirect(url_for("variants.page"))
    first, second = done["documents"]
    named = f"{first['id']}《{first['title']}》与 {second['id']}《{second['title']}》"
    if not done["changed"]:
        flash(f"{named}{'本未' if undo else '已'}标为不是同一文件，未改动。", "ok")
    elif undo:
        flash(f"已撤销：{named}正文相同时会再作为同文异版候选列出。", "ok")
    else:
        flash(f"已标明{named}不是同一文件：此后核对和本页不再列出这一对。", "ok")
    return redirect(url_for("variants.page"))
