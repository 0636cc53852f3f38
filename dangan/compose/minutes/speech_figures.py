"""Key figures of a speech, worth repeating in its minutes (113个社区, 618工程, “五城同创”, 3.5亿元)."""
from __future__ import annotations

import re

from dangan.text.cjk import CJK

# Key figures: counts with a classifier, "N大X", numbered projects, quoted slogans.
_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_COUNT_RE = re.compile(
    rf"(?<![\d.一二三四五六七八九十百千万第])({_NUM}(?:个|条|项|家|所|座|处|类|支|批|名|户|件|大))([{CJK}]{{2,6}})"
)
_PROJECT_RE = re.compile(r"“?(\d{2,5})”?(工程|行动|计划|战略)")
_SLOGAN_RE = re.compile(r"“([^“”]{2,8})”")
_AMOUNT_RE = re.compile(r"\d+(?:\.\d+)?(?:%|万亿元|亿元|万元|万人|万户|万亩|亿|万)")
_NOUN_STOP_RE = re.compile(r"[的和及与等中在是为将从把被对、，]")
_NOUN_CUT_RE = re.compile(r"综合|整治|建设|工作|打造|达标|推进|开展|当中|迅速|抓好|所涉|涉及|进行|实现|脱颖")
_HAS_NUMERAL_RE = re.compile(r"[\d一二两三四五六七八九十百千]")
_NOT_FIGURE_RE = re.compile(r"[、，,。]|第|唯一|统一|一起")


def _figure_noun(noun: str) -> str:
    stop = _NOUN_STOP_RE.search(noun)
    if stop:
        noun = noun[: stop.start()]
    cut = _NOUN_CUT_RE.search(noun)
    if cut:
        noun = noun[: cut.start()]
    return noun[:4]


def key_figures(text: str) -> list[str]:
    """Counts and named figures worth repeating in minutes (113个社区, 618工程)."""
    found: list[tuple[int, str]] = []
    for m in _COUNT_RE.finditer(text):
        noun = _figure_noun(m.group(2))
        if len(noun) >= 2 and not m.group(1).startswith(("一", "两")):
            found.append((m.start(), m.group(1) + noun))
    for m in _PROJECT_RE.finditer(text):
        found.append((m.start(), m.group(1) + m.group(2)))
    for m in _SLOGAN_RE.finditer(text):
        inner = m.group(1)
        if _HAS_NUMERAL_RE.search(inner) and not _PROJECT_RE.fullmatch(inner) and not _NOT_FIGURE_RE.search(inner):
            found.append((m.start(), inner))
    for m in _AMOUNT_RE.finditer(text):
        found.append((m.start(), m.group(0)))
    figures: list[str] = []
    for _, figure in sorted(found):
        if figure not in figures:
            figures.append(figure)
    return figures
