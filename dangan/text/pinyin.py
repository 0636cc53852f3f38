"""Pinyin annotations that web copies insert after characters: `創(chuàng)建`, `創（chuàng）建`.

A syllable in ASCII or full-width brackets right after a CJK character, carrying at
least one tone mark (so `中国(china)` is left alone), is an annotation.
"""
from __future__ import annotations

import functools
import re

from dangan.text.cjk import CJK, TONED

PINYIN = re.compile(rf"(?<=[{CJK}])[(（]\s*[a-z{TONED}]*[{TONED}][a-z{TONED}]*\s*[)）]")


def strip_pinyin(text: str) -> str:
    """The text without pinyin annotations."""
    return PINYIN.sub("", text)


def strip_pinyin_mapped(text: str) -> tuple[str, list[int] | None]:
    """The text without annotations, and for each kept character its input offset plus a
    final entry len(text); None when nothing was removed (offsets are then the same)."""
    found = list(PINYIN.finditer(text))
    if not found:
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match in found:
        pieces.append(text[last:match.start()])
        origin.extend(range(last, match.start()))
        last = match.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text)))
    origin.append(len(text))
    return "".join(pieces), origin


@functools.lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """Toneless readings of one character, all of them (a polyphone matches any): 行 → {xing, hang}."""
    from pypinyin import Style, pinyin  # its dictionaries load on first use

    return frozenset(p for p in pinyin(char, style=Style.NORMAL, heteronym=True)[0] if p.isascii())


def fuzzy(syllable: str) -> frozenset[str]:
    """Syllables an input method's fuzzy pinyin takes for `syllable`: zh/z, ch/c, sh/s, n/l, -n/-ng."""
    out = set()
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syllable.startswith(a):
            out.add(b + syllable[len(a):])
        elif syllable.startswith(b):
            out.add(a + syllable[len(b):])
    if syllable[:1] in ("n", "l"):
        out.add({"n": "l", "l": "n"}[syllable[0]] + syllable[1:])
    if syllable.endswith("ng"):
        out.add(syllable[:-1])
    elif syllable.endswith("n"):
        out.add(syllable + "g")
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def main_reading(char: str) -> str:
    """The toneless reading an input method offers the character under first: 湛 → zhan."""
    from pypinyin import Style, pinyin

    return str(pinyin(char, style=Style.NORMAL)[0][0])
