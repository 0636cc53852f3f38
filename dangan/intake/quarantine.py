"""Failed inputs go to quarantine/<date>/ with a reason in Chinese beside them."""
from __future__ import annotations

import filecmp
import logging
import shutil
from datetime import datetime
from pathlib import Path

from dangan.archive.sparse import copy_sparse
from dangan.errors import DanganError, DiskFull, is_disk_full
from dangan.text.paths import path_text, safe_name

log = logging.getLogger(__name__)


def quarantine(source: Path, error: DanganError, folder: Path, *, move: bool = False,
               shown: Path | None = None) -> Path | None:
    """Copy (or move) `source` into quarantine and write `<name>.reason.txt`; returns the target.

    `shown` is the name the file is known by when `source` is a temporary copy (an archive member)."""
    day = folder / datetime.now().strftime("%Y-%m-%d")
    day.mkdir(parents=True, exist_ok=True)
    name = safe_name(source.name)
    target = _unique(day / name)
    kept: Path | None = target
    try:
        same = _same_copy(source, day / name)
        if same is not None:       # these bytes are already here (a folder ingested again): one copy
            kept = same
            if move:
                source.unlink()
        elif source.is_file() and not source.is_symlink():
            if move:   # a rename; across filesystems a copy that keeps holes as holes
                shutil.move(str(source), target, copy_function=_copy)
            else:
                copy_sparse(source, target)
        else:
            kept = None  # nothing to keep (vanished, a link, a folder): the reason still tells
    except OSError:
        kept = None
    reason_file = _unique(day / f"{name}.reason.txt") if kept is None else \
        kept.with_name(kept.name + ".reason.txt")
    if error.technical:   # the library's own words: for whoever debugs, not in the reason
        log.info("technical detail for %s: %s", path_text(shown or source), error.technical)
    try:
        reason_file.write_text(reason_text(shown or source, error), encoding="utf-8")
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFull(path=str(reason_file.parent)) from exc
        raise
    return kept


def hint_beside(kept: str | Path | None) -> str | None:
    """The 提示 of a quarantined copy's reason file (what to do: export a HEIC as JPEG, give the
    password, …), for the desk, whose clerks never see the file; None without one."""
    if not kept:
        return None
    try:
        text = Path(kept).with_name(Path(kept).name + ".reason.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return next((line.removeprefix("提示：").strip() for line in text.splitlines()
                 if line.startswith("提示：")), None) or None


def _copy(source: str, target: str) -> None:
    copy_sparse(Path(source), Path(target))


def reason_text(source: Path, error: DanganError) -> str:
    lines = [
        f"文件：{path_text(source)}",
        f"时间：{datetime.now().strftime('%Y-%m-%d %H:%M:%S')}",
        f"原因：{error.message}",
        f"技术代码：{error.code}",   # for whoever helps the clerk: the same code as `--json` gives
    ]
    if error.hint:
        lines.append(f"提示：{error.hint}")
    if error.technical:
        lines.append(f"技术细节：{error.technical}")
    return "\n".join(lines) + "\n"


def _same_copy(source: Path, path: Path) -> Path | None:
    """The quarantined copy of `path`'s name (or name.N) holding exactly the bytes of `source`."""
    if not source.is_file() or source.is_symlink():
        return None
    size = source.stat().st_size
    stem, suffix = path.stem, path.suffix
    for candidate in (path, *(path.with_name(f"{stem}.{n}{suffix}") for n in range(1, 10_000))):
        if not candidate.exists():
            return None
        if candidate.is_file() and candidate.stat().st_size == size and filecmp.cmp(source, candidate, shallow=False):
            return candidate
    return None


def _unique(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    for n in range(1, 10_000):
        candidate = path.with_name(f"{stem}.{n}{suffix}")
        if not candidate.exists():
            return candidate
    raise OSError(f"too many quarantined files named {path.name}")
