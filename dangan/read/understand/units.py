"""The units (责任单位) a workspace assigns tasks to, and their other spellings.

A speech names the same unit several ways (宣传部, 区委宣传部; 区创文办,
创建办; 各街道办事处, 各街道). `UnitList.normalise` maps a spelling to the
name the ledger uses, or None when the unit is not on the list. The list is
the workspace's own `<home>/units.toml` when there is one, else the packaged
`dangan/taxonomy/units-default.toml` (a district's usual units). Both have
the shape::

    [[unit]]
    name = "区委宣传部"
    aliases = ["宣传部"]
    level = "部门"
    parent = ""

`units_from_records` reads an office's own list in the shape of
`departments.json` (id, name, level, parent id).
"""
from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from dangan.errors import ConfigError

__all__ = ["DEFAULT_UNITS", "Unit", "UnitList", "load_units", "units_from_records"]

DEFAULT_UNITS = Path(__file__).resolve().parents[2] / "taxonomy" / "units-default.toml"
WORKSPACE_FILE = "units.toml"
_HINT = "units.toml 的每个单位写成 [[unit]]，含 name、aliases、level、parent；参见 dangan/taxonomy/units-default.toml。"

# Prefixes a speaker puts before a unit that do not change which unit it is.
_SCOPE_PREFIX_RE = re.compile(r"^(?:我区|全区|本区|区属|区直)(?=各|[\u4e00-\u9fff]{2})")
_TRAILING_RE = re.compile(r"(?:的|等|们)$")


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: its name in the ledger, other spellings, level and parent unit's name."""

    name: str
    aliases: tuple[str, ...] = ()
    level: str = ""
    parent: str = ""


@dataclass(frozen=True)
class UnitList:
    """A list of units with a lookup from every spelling to the unit's name."""

    units: tuple[Unit, ...]
    source: str = ""

    @cached_property
    def _forms(self) -> dict[str, str]:
        forms: dict[str, str] = {}
        for unit in self.units:
            forms.setdefault(unit.name, unit.name)
        for unit in self.units:  # a name always wins over another unit's alias
            for alias in unit.aliases:
                forms.setdefault(alias, unit.name)
        return forms

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        forms = sorted((f for f in self._forms if len(f) >= 2), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, forms))) if forms else None

    def names(self) -> tuple[str, ...]:
        """The units' names, in list order, without repeats."""
        return tuple(dict.fromkeys(unit.name for unit in self.units))

    def get(self, name: str) -> Unit | None:
        return next((unit for unit in self.units if unit.name == name), None)

    def normalise(self, text: str) -> str | None:
        """The listed name for a spelling (`宣传部` → `区委宣传部`), or None."""
        raw = text.strip().strip("，,、；;：: ")
        for candidate in _candidates(raw):
            found = self._forms.get(candidate)
            if found:
                return found
        return None

    def close_names(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """Listed names a clerk may have meant by a spelling the list does not hold (宣传局 → 区委宣传部):
        a spelling holding the typed text or held by it, then the most alike by characters."""
        raw = _TRAILING_RE.sub("", text.strip().strip("，,、；;：: "))
        if not raw:
            return ()
        forms = self._forms
        holding = [forms[f] for f in forms if len(f) >= 2 and len(raw) >= 2 and (raw in f or f in raw)]
        alike = [forms[f] for f in difflib.get_close_matches(raw, list(forms), n=limit * 2, cutoff=0.6)]
        return tuple(dict.fromkeys(holding + alike))[:limit]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every listed unit named in `text`: (start, end, name), longest spelling first."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), self._forms[m.group(0)]) for m in self._pattern.finditer(text)]

    def __len__(self) -> int:
        return len(self.units)


def _candidates(raw: str) -> Iterable[str]:
    yield raw
    bare = _TRAILING_RE.sub("", raw)
    yield bare
    scoped = _SCOPE_PREFIX_RE.sub("", bare)
    yield scoped
    if not scoped.startswith(("区", "各", "团")):
        yield "区" + scoped


def _unit(entry: Mapping[str, Any], where: str) -> Unit:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(detail=f"单位清单 {where}：每个 [[unit]] 都要有 name", hint=_HINT)
    aliases = entry.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(detail=f"单位清单 {where}：{name} 的 aliases 应是字符串列表", hint=_HINT)
    return Unit(name=name.strip(), aliases=tuple(a.strip() for a in aliases if a.strip()),
                level=str(entry.get("level", "") or ""), parent=str(entry.get("parent", "") or ""))


def _read_toml(path: Path) -> UnitList:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(detail=f"无法读取单位清单 {path}（{exc}）", hint=_HINT) from exc
    entries = data.get("unit", [])
    if not isinstance(entries, list):
        raise ConfigError(detail=f"单位清单 {path}：单位应写成 [[unit]] 表", hint=_HINT)
    return UnitList(tuple(_unit(entry, str(path)) for entry in entries), source=str(path))


def load_units(ws_home: Path | None) -> UnitList:
    """The workspace's `units.toml` when it has one, else the packaged default list."""
    if ws_home is not None:
        own = Path(ws_home) / WORKSPACE_FILE
        if own.is_file():
            return _read_toml(own)
    return _read_toml(DEFAULT_UNITS)


def units_from_records(records: Sequence[Mapping[str, Any]], source: str = "") -> UnitList:
    """An office's list in the `departments.json` shape: id, name, level, parent.

    `parent` is read as the id of the unit above only when the whole list bears that reading: no unit is its
    own parent and every parent named has a higher level (a smaller number). In the real office list it is a
    category code that collides with ids (治安管理与交通秩序攻关指挥部 is record 4 and its own "parent" 4; the
    other 指挥部 of its level, 区委办公室 and 区委宣传部 all "parent" 4 or 2): a wrong parent is worse than none.
    """
    by_id = {str(r.get("id")): r for r in records}
    named = [(r, by_id.get(str(r.get("parent")))) for r in records]
    tree = all(above is not r and _higher(above.get("level"), r.get("level"))
               for r, above in named if above is not None)
    units = []
    for record, above in named:
        name = str(record.get("name", "")).strip()
        if not name:
            continue
        level = record.get("level")
        parent = str(above.get("name", "")).strip() if tree and above is not None else ""
        units.append(Unit(name=name, level="" if level is None else str(level), parent=parent))
    return UnitList(tuple(units), source=source)


def _higher(upper: Any, lower: Any) -> bool:
    try:
        return int(str(upper)) < int(str(lower))
    except ValueError:
        return False
