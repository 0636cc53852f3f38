"""Link documents to evaluation items (测评项目) and find the units they name.

The items are data (`dangan.read.understand.taxonomy`: editions such as
district-nine and national-2015, extended by a workspace's own file). An
edition with 网上申报 requirements is matched requirement by requirement
(`evidence.Matcher`, BM25 with a confidence); one without them (the nine
aspects) is scored by keyword hits, normalised by the text's length, with hits
in the title weighing more; an item needs a score above a threshold *and* at
least two distinct keywords (or one in the title), so documents that merely
mention 社区 or 宣传 in passing are linked to nothing.
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass

from dangan.read.understand.gongwen_text import strip_pinyin, to_simplified
from dangan.read.understand.taxonomy import Content, Item, Taxonomy, load_taxonomy

log = logging.getLogger(__name__)

__all__ = ["Content", "Item", "ItemScore", "Taxonomy", "classify", "find_units", "load_taxonomy"]

TITLE_WEIGHT = 3.0     # a keyword in the title counts as three in the body
WEAK_WEIGHT = 1 / 3    # common words (社区, 宣传) count a third
HIT_CAP = 8            # occurrences of one keyword counted at most
WEAK_CAP = 3           # … and of a weak one
SCALE = 2.0            # weighted hits per 1,000 characters that give a score of 1 - 1/e
THRESHOLD = 0.4


def terms(item: Item) -> tuple[tuple[str, float], ...]:
    """Each keyword once with its weight; a keyword listed as both strong and weak is strong."""
    weights: dict[str, float] = {}
    for word in item.weak:
        weights[word] = WEAK_WEIGHT
    for word in (*item.keywords, *(k for c in item.contents for k in c.keywords)):
        weights[word] = 1.0
    return tuple(weights.items())


@dataclass(frozen=True, slots=True)
class ItemScore:
    code: str
    name: str
    score: float


def _simplified(text: str) -> str:
    return to_simplified(strip_pinyin(text)[0])


def classify(text: str, title: str | None, taxonomy: Taxonomy, threshold: float = THRESHOLD) -> list[ItemScore]:
    """Evaluation items the document is about, best first; empty for unrelated documents."""
    if any(c.requirements for c in taxonomy.contents()):
        return _by_requirements(text, title, taxonomy)
    body = _simplified(text)
    head = _simplified(title) if title else ""
    thousands = len(body) / 1000 + 1   # +1: a three-line notice is not scored as dense as a report
    scores: list[ItemScore] = []
    for item in taxonomy.items:
        hits, distinct, in_title = 0.0, 0, False
        for word, weight in terms(item):
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


def _by_requirements(text: str, title: str | None, taxonomy: Taxonomy) -> list[ItemScore]:
    """测评内容 whose requirements the document evidences with enough confidence."""
    from dangan.read.understand.evidence import matcher_for

    matches = matcher_for(taxonomy).match(_simplified(text), _simplified(title) if title else None)
    names = {c.code: c.name for c in taxonomy.contents()}
    return [ItemScore(m.content, names.get(m.content, ""), m.confidence) for m in matches if m.attach]


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
