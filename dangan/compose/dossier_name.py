"""The file name of a 迎检资料汇编: one rule for `dangan dossier` without --out and the desk's download."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dangan.text.paths import safe_name

DEFAULT_TITLE = "创建全国文明城市迎检资料汇编"


def dossier_name(title: str | None, *, pdf: bool = False, day: date | None = None) -> str:
    """`创建全国文明城市迎检资料汇编_20221202.docx`: the cover's title and the day it was made (as DA/T 22
    writes dates), so that the one handed over before the inspection and one made a week later are told
    apart in a downloads folder or a mail."""
    made = day or date.today()
    return safe_name(f"{title or DEFAULT_TITLE}_{made:%Y%m%d}.{'pdf' if pdf else 'docx'}",
                     fallback=f"{DEFAULT_TITLE}_{made:%Y%m%d}.docx")


def default_dossier_out(folder: Path, title: str | None, day: date | None = None) -> Path:
    """Where `dangan dossier` writes when no --out is given: `folder` (the workspace's out/) under
    `dossier_name`; a second one the same day is `…_20221202（2）.docx`, never over the first."""
    first = folder / dossier_name(title, day=day)
    candidate, number = first, 2
    while candidate.exists() or candidate.with_suffix(".pdf").exists():
        candidate = first.with_name(f"{first.stem}（{number}）{first.suffix}")
        number += 1
    return candidate
