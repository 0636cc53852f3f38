"""Link documents to evaluation items (测评项目) and find the units they name.

The items are data: `dangan/taxonomy/default.toml` (the nine aspects of the
campaign) extended or overridden by a workspace's own TOML file. A document is
scored against each item by keyword hits, normalised by its length, with hits
in the title weighing more; an item needs a score above a threshold *and* at
least two distinct keywords (or one in the title), so documents that merely
mention 社区 or 宣传 in passing are linked to nothing.
"""
from __future__ import annotations

import logging
import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dangan.errors import DanganError
from dangan.read.understand.gongwen_text import strip_pinyin, to_simplified

log = logging.getLogger(__name__)

__all__ = ["Content", "Item", "ItemScore", "Taxonomy", "classify", "find_units", "load_taxonomy"]

TITLE_WEIGHT = 3.0     # a keyword in the title counts as three in the body
WEAK_WEIGHT = 1 / 3    # common words (社区, 宣传) count a third
HIT_CAP = 8            # occurrences of one keyword counted at most
WEAK_CAP = 3           # … and of a weak one
SCALE = 2.0            # weighted hits per 1,000 characters that give a score of 1 - 1/e
THRESHOLD = 0.4


@dataclass(frozen=True, slots=True)
class Content:
    """测评内容: one sub-item with its 测评标准."""

    code: str
    name: str
    standard: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """测评项目."""

    code: str
    name: str
    keywords: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    contents: tuple[Content, ...] = ()

    def terms(self) -> tuple[tuple[str, float], ...]:
        """Each keyword once with its weight; a keyword listed as both strong and weak is strong."""
        weights: dict[str, float] = {}
        for word in self.weak:
            weights[word] = WEAK_WEIGHT
        for word in (*self.keywords, *(k for c in self.contents for k in c.keywords)):
            weights[word] = 1.0
        return tuple(weights.items())


@dataclass(frozen=True, slots=True)
class Taxonomy:
    name: str
    version: str
    items: tuple[Item, ...]
    units: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (canonical, other spellings)

    def item(self, code: str) -> Item | None:
        return next((item for item in self.items if item.code == code), None)


@dataclass(frozen=True, slots=True)
class ItemScore:
    code: str
    name: str
    score: float


def _read_toml(data: bytes, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DanganError(f"测评项目文件格式错误：{origin}（{exc}）",
                          hint="请检查 TOML 语法，或参照 dangan/taxonomy/default.toml。") from exc


def _item(raw: dict[str, Any], origin: str) -> Item:
    try:
        contents = tuple(
            Content(str(c["code"]), str(c["name"]), str(c.get("standard", "")), tuple(c.get("keywords", ())))
            for c in raw.get("contents", ())
        )
        return Item(str(raw["code"]), str(raw["name"]), tuple(raw.get("keywords", ())),
                    tuple(raw.get("weak", ())), contents)
    except KeyError as exc:
        raise DanganError(f"测评项目文件缺少字段 {exc}：{origin}",
                          hint="每个测评项目和测评内容都需要 code 和 name。") from exc


def _merge(base: dict[str, Any], extra: dict[str, Any], origin: str) -> dict[str, Any]:
    """Workspace file over the default: same code replaces, disabled removes, lists merge."""
    if extra.get("meta", {}).get("replace"):
        return extra
    items = {str(raw["code"]): raw for raw in base.get("items", ())}
    for raw in extra.get("items", ()):
        if "code" not in raw:
            raise DanganError(f"测评项目文件缺少字段 'code'：{origin}", hint="每个测评项目都需要 code。")
        if raw.get("disabled"):
            items.pop(str(raw["code"]), None)
        else:
            items[str(raw["code"])] = raw
    gazetteer = dict(base.get("gazetteer", {}))
    for key, value in extra.get("gazetteer", {}).items():
        if key == "aliases":
            gazetteer["aliases"] = {**gazetteer.get("aliases", {}), **value}
        else:
            gazetteer[key] = list(dict.fromkeys([*gazetteer.get(key, []), *value]))
    return {"meta": {**base.get("meta", {}), **extra.get("meta", {})}, "items": list(items.values()),
            "gazetteer": gazetteer}


def load_taxonomy(extra: Path | None = None) -> Taxonomy:
    """The default taxonomy (package data), extended or overridden by `extra` when it exists."""
    default = resources.files("dangan").joinpath("taxonomy/default.toml")
    data = _read_toml(default.read_bytes(), "default.toml")
    origin = "default.toml"
    if extra is not None:
        if extra.is_file():
            origin = str(extra)
            data = _merge(data, _read_toml(extra.read_bytes(), origin), origin)
        else:
            log.debug("no workspace taxonomy at %s", extra)
    meta = data.get("meta", {})
    gazetteer = data.get("gazetteer", {})
    aliases = tuple((str(k), tuple(v)) for k, v in gazetteer.get("aliases", {}).items())
    return Taxonomy(
        name=str(meta.get("name", "")), version=str(meta.get("version", "")),
        items=tuple(_item(raw, origin) for raw in data.get("items", ())),
        units=tuple(gazetteer.get("units", ())), places=tuple(gazetteer.get("places", ())), aliases=aliases,
    )


def _simplified(text: str) -> str:
    return to_simplified(strip_pinyin(text)[0])


def classify(text: str, title: str | None, taxonomy: Taxonomy, threshold: float = THRESHOLD) -> list[ItemScore]:
    """Evaluation items the document is about, best first; empty for unrelated documents."""
    body = _simplified(text)
    head = _simplified(title) if title else ""
    thousands = len(body) / 1000 + 1   # +1: a three-line notice is not scored as dense as a report
    scores: list[ItemScore] = []
    for item in taxonomy.items:
        hits, distinct, in_title = 0.0, 0, False
        for word, weight in item.terms():
            if not word:
                continue
            count = body.count(word)
            if count:
                hits += weight * min(count, HIT_CAP if weight == 1.0 else WEAK_CAP)
                distinct += weight == 1.0
            if head and word in head:
                hits += TITLE_WEIGHT * weight
                in_title = in_title or weight == 1.0
        score = 1 - math.exp(-hits / thousands / SCALE)
        if score >= threshold and (distinct >= 2 or in_title):
            scores.append(ItemScore(item.code, item.name, round(score, 3)))
    return sorted(scores, key=lambda s: (-s.score, s.code))


def find_units(text: str, taxonomy: Taxonomy) -> list[str]:
    """Units of the gazetteer the text names, canonical names in order of first mention."""
    canonical: dict[str, str] = {unit: unit for unit in taxonomy.units}
    for name, others in taxonomy.aliases:
        canonical.setdefault(name, name)
        for other in others:
            canonical.setdefault(other, name)
    if not canonical:
        return []
    # Longest first, so 区委宣传部 is one mention and not also 区委.
    pattern = re.compile("|".join(re.escape(n) for n in sorted(canonical, key=len, reverse=True)))
    found: dict[str, None] = {}
    for m in pattern.finditer(_simplified(text)):
        found.setdefault(canonical[m.group()], None)
    return list(found)
