"""A package of originals for the inspectors: a folder per section, `序号_题名.ext`, and a catalogue.

    迎检资料/
      佐证材料目录.xlsx
      A01_社区综合达标/001_关于开展……的通知.pdf
      A02_宣传教育/…

`out` is a folder (created; it must be new or empty) or a `.zip` file. Names
are made safe for Windows, macOS and Linux: no `\\ / : * ? " < > |` or control
characters, no trailing dots or spaces, at most 60 characters of title.
"""
from __future__ import annotations

import math
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dangan.archive import audit
from dangan.archive.codes import inferred_date
from dangan.archive.store import EXTENSIONS
from dangan.compose.catalogue import ESTIMATED_PAGES, INFERRED_DATE, write_xlsx
from dangan.compose.dossier_select import Selection, batches_as_members, is_photo, select
from dangan.compose.minutes.render import cn_number
from dangan.compose.staging import staged_folder
from dangan.errors import PackageTargetExists, PackageTargetUnsupported
from dangan.read.understand.taxonomy import Taxonomy
from dangan.text.paths import document_suffix
from dangan.text.paths import safe_name as _safe_name
from dangan.workspace import Workspace

__all__ = ["PackageResult", "make_package", "package_plan", "safe_name", "write_package"]

TITLE_CHARS = 60
CATALOGUE_NAME = "佐证材料目录.xlsx"
COLUMNS = ("编号", "所属部分", "档号", "文号", "责任者", "题名", "日期", "页数", "文件", "备注")
KEYS = ("index", "section", "code", "doc_number", "issuer", "title", "date", "pages", "file", "note")
WIDTHS = (6, 18, 26, 20, 18, 40, 11, 6, 40, 12)


@dataclass(frozen=True, slots=True)
class PackageResult:
    path: Path
    documents: int
    files: int
    missing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "documents": self.documents, "files": self.files,
                "missing": list(self.missing)}


def safe_name(text: str, limit: int = TITLE_CHARS) -> str:
    """A file or folder name that every common file system accepts."""
    return _safe_name(text, max_chars=limit, keep_suffix=False)


def _extension(doc: Any) -> str:
    suffix = Path(doc.original_name).suffix.lower().lstrip(".")
    return EXTENSIONS.get(doc.mime) or (suffix if re.fullmatch(r"[a-z0-9]{1,5}", suffix) else "bin")


def package_plan(selection: Selection) -> list[dict[str, Any]]:
    """One row per file to write: where it goes and what the catalogue says about it.

    Under a taxonomy each file is named by its evidence number (`Ⅲ-77-1)-①_题名.pdf`),
    the number the dossier gives it, in a folder per 测评内容 (`Ⅲ-77_公众参与`).
    """
    rows: list[dict[str, Any]] = []
    for index, section in enumerate(selection.sections, start=1):
        label = f"{section.code}_{section.name}" if section.code else f"{index:02d}_{section.name}"
        folder = safe_name(label, 40)
        labels = {e.doc.id: e.label for e in section.evidence}
        for number, doc in enumerate(section.documents, start=1):
            title = doc.title or Path(doc.original_name).stem
            if is_photo(doc):
                title = (doc.tags or {}).get("主题") or title
            prefix = safe_name(labels[doc.id], 20) if doc.id in labels else f"{number:03d}"
            name = f"{prefix}_{safe_name(title)}.{_extension(doc)}"
            rows.append({
                "doc": doc, "arcname": f"{folder}/{name}",
                "index": labels.get(doc.id) or str(len(rows) + 1), "section": f"{cn_number(index)}、{section.name}",
                "code": doc.archival_code or "", "doc_number": doc.doc_number or "", "issuer": doc.issuer or "",
                "title": title, "pages": str(doc.pages or ""),
                "date": doc.doc_date or (doc.taken_at or "")[:10] or inferred_date(None, doc.posted_date),
                "file": f"{folder}/{name}",
                "note": "；".join(n for n in (ESTIMATED_PAGES if doc.pages_estimated and doc.pages else "",
                                              INFERRED_DATE if not doc.doc_date and not doc.taken_at
                                              and doc.posted_date else "") if n),
            })
    return rows


# What a clerk may type for an archive we do not write: a folder named 资料.rar would be no archive at all.
OTHER_ARCHIVES = (".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")


def _check_target(out: Path) -> None:
    """A new folder (or an empty one), or a new .zip: nothing already there is replaced."""
    if out.suffix.lower() in OTHER_ARCHIVES or (document_suffix(out) and not out.is_dir()):
        raise PackageTargetUnsupported(path=str(out), suffix=out.suffix)
    if out.suffix.lower() == ".zip":
        if out.exists():
            raise PackageTargetExists(path=str(out))
    elif out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise PackageTargetExists(path=str(out))


def _widths(rows: list[dict[str, Any]]) -> tuple[int, ...]:
    """WIDTHS with the 编号 column as wide as its longest mark: `Ⅲ-17-1)-①` has no place to wrap, and
    in the 6 a 序号 needs it printed as -17-1)-."""
    from dangan.compose.xlsx import text_width

    marks = max((math.ceil(text_width(str(r["index"]))) + 2 for r in rows), default=0)
    return (max(WIDTHS[0], marks), *WIDTHS[1:])


def write_package(ws: Workspace, selection: Selection, out: Path) -> PackageResult:
    """Copy the originals into `out` (a new folder, or a .zip) with the catalogue at its root."""
    import shutil
    import tempfile

    out = Path(os.path.abspath(out))
    _check_target(out)
    rows = package_plan(selection)
    missing = tuple(r["file"] for r in rows if not (ws.originals / r["doc"].relpath).is_file())
    present = [r for r in rows if r["file"] not in missing]
    with tempfile.TemporaryDirectory(prefix="dangan-package-") as tmp:
        catalogue = write_xlsx(rows, Path(tmp) / CATALOGUE_NAME, title="佐证材料目录",
                               columns=COLUMNS, keys=KEYS, widths=_widths(rows))
        if out.suffix.lower() == ".zip":
            out.parent.mkdir(parents=True, exist_ok=True)
            partial = out.with_name(f".{out.name}.part")
            try:
                with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    archive.write(catalogue, CATALOGUE_NAME)
                    for row in present:
                        archive.write(ws.originals / row["doc"].relpath, row["arcname"])
                partial.replace(out)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        else:
            with staged_folder(out, "packing") as folder:   # a stopped run leaves no half package
                shutil.copyfile(catalogue, folder / CATALOGUE_NAME)
                for row in present:
                    target = folder / row["arcname"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(ws.originals / row["doc"].relpath, target)
    return PackageResult(out, len({r["doc"].id for r in rows}), len(present) + 1, missing)


def make_package(ws: Workspace, out: Path, *, items: tuple[str, ...] = (), query: str | None = None,
                 doc_type: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, taxonomy: Taxonomy | None = None) -> PackageResult:
    """Select, then package: the one call behind `dangan package` (by 测评内容 under a taxonomy)."""
    _check_target(Path(os.path.abspath(out)))   # before the selection: a wrong --out is said at once
    if taxonomy is not None:
        from dangan.compose.evidence_select import select_evidence

        selection = select_evidence(ws, taxonomy, items, query=query, doc_type=doc_type, date_from=date_from,
                                    date_to=date_to)
    else:
        selection = select(ws, items=items, query=query, doc_type=doc_type, date_from=date_from, date_to=date_to)
    result = write_package(ws, batches_as_members(ws, selection), out)
    audit.note(ws.catalog_path, "export", f"package:{result.path}",   # where the copies went, as export says
               {"items": list(items), "query": query, "taxonomy": taxonomy.code if taxonomy else None})
    return result
