"""The office's own unit list (责任单位) into the workspace: `dangan units import departments.json`.

A workspace knows the units of the packaged default list (a district's usual 80), or its own
`units.toml`. An office has its list already — the task system's export (`departments.json`: id, name,
level, parent) or a column of names — and its 社区 and 攻关指挥部 are on no default list, so
`user add --unit 官易里社区` was refused until someone wrote TOML by hand. Importing appends to
`units.toml` (copied from the default list first, comments kept) each unit the list does not know yet
under any spelling; a unit it knows is left as it is. The source's level numbers and parent ids are not
kept: in the real export they are the task system's own categories, not the units' hierarchy.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from dangan.errors import ConfigError, read_reason
from dangan.read.understand.units import DEFAULT_UNITS, WORKSPACE_FILE, load_units
from dangan.text.cjk import CJK

__all__ = ["UnitsImported", "import_units", "read_names"]

CJK_RE = re.compile(f"[{CJK}]")

_HINT = ("给出单位名单：departments.json 那样的 JSON（每项含 name），或每行一个单位名称的文本文件；"
         "例：dangan units import departments.json")


@dataclass(frozen=True, slots=True)
class UnitsImported:
    path: Path                              # the workspace's units.toml
    added: tuple[tuple[str, str], ...]      # (name, level) appended
    known: tuple[tuple[str, str], ...]      # (name as listed, the unit the list already has)
    total: int                              # units on the list afterwards
    skipped: tuple[str, ...] = ()           # lines that name no unit (no Chinese character in them)

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "added": [{"name": n, "level": lv} for n, lv in self.added],
                "known": [{"name": n, "unit": u} for n, u in self.known], "total": self.total,
                "skipped": list(self.skipped)}


def read_names(source: Path) -> list[str]:
    """The unit names of a list file, in its order, each once."""
    from dangan.read.extract.text import decode_text

    try:   # as Notepad or Excel saved it: GBK (ANSI) as often as UTF-8, which read_text refused in English
        text, _ = decode_text(source.read_bytes())
    except OSError as exc:
        raise ConfigError(detail=f"无法读取单位名单 {source}（{read_reason(exc)}）", hint=_HINT) from exc
    if source.suffix.lower() == ".json":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(detail=f"单位名单 {source} 不是有效的 JSON（第 {exc.lineno} 行）", hint=_HINT) from exc
        if not isinstance(records, list) or not all(isinstance(r, dict | str) for r in records):
            raise ConfigError(detail=f"单位名单 {source} 应是单位的列表", hint=_HINT)
        names = [r if isinstance(r, str) else str(r.get("name") or "") for r in records]
    else:
        names = [line.split("\t")[0].split(",")[0] for line in text.splitlines()]
    names = [" ".join(n.split()) for n in names]
    return list(dict.fromkeys(n for n in names if n))


def _level(name: str) -> str:
    """The level a unit's own name says (units-default.toml's levels)."""
    for ending, level in (("社区", "社区"), ("居委会", "社区"), ("村", "社区"), ("街道办事处", "街道"), ("街道", "街道"),
                          ("镇", "乡镇"), ("乡", "乡镇"), ("指挥部", "临时机构"), ("领导小组", "临时机构")):
        if name.endswith(ending):
            return level
    return "部门"


def _entry(name: str, level: str) -> str:
    return f"\n[[unit]]\nname = {json.dumps(name, ensure_ascii=False)}\naliases = []\nlevel = {json.dumps(level, ensure_ascii=False)}\n"


def import_units(home: Path, source: Path) -> UnitsImported:
    """Append the units of `source` the workspace's list does not know to its units.toml."""
    listed = read_names(source)
    names = [n for n in listed if CJK_RE.search(n)]
    skipped = tuple(n for n in listed if not CJK_RE.search(n))
    if not names:
        raise ConfigError(detail=f"单位名单 {source} 中没有单位名称", hint=_HINT)
    current = load_units(home)
    added: list[tuple[str, str]] = []
    known: list[tuple[str, str]] = []
    for name in names:
        unit = current.normalise(name)
        if unit is None and name not in {n for n, _ in added}:
            added.append((name, _level(name)))
        elif unit is not None:
            known.append((name, unit))
    target = Path(home) / WORKSPACE_FILE
    if added:
        base = target.read_text(encoding="utf-8") if target.is_file() else DEFAULT_UNITS.read_text(encoding="utf-8")
        text = base.rstrip("\n") + f"\n\n# 由 dangan units import 从 {source.name} 加入\n" \
            + "".join(_entry(n, lv) for n, lv in added)
        staging = Path(home) / ".units-import"     # read back before it replaces the list: a name TOML cannot
        staging.mkdir(exist_ok=True)               # hold stops here, the old file untouched
        try:
            (staging / WORKSPACE_FILE).write_text(text, encoding="utf-8")
            total = len(load_units(staging))
            os.replace(staging / WORKSPACE_FILE, target)
        finally:
            (staging / WORKSPACE_FILE).unlink(missing_ok=True)
            staging.rmdir()
    else:
        total = len(current)
    return UnitsImported(target, tuple(added), tuple(known), total, skipped)

