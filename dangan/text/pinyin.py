"""Pinyin annotations that web copies insert after characters: `創(chuàng)建`, `創（chuàng）建`.

A syllable in ASCII or full-width brackets right after a CJK character, carrying at
least one tone mark (so `中国(china)` is left alone), is an annotation.

The readings of one character (`readings`, `main_reading`: how the suggester tells a slip of the
input method) come from pinyin_table.py, read from pypinyin by tools/build_pinyin_table.py (pypinyin
itself for a character outside it).
"""
from __future__ import annotations

import functools
import operator
import re

from dangan.text.cjk import CJK, TONED

FIRST, LAST = 0x3400, 0x9FFF   # CJK Unified Ideographs and extension A: the characters the suggester weighs
CODE, NONE = 0x100, "-"         # pinyin_table.MAIN's letters: chr(CODE + a syllable's place), NONE for no reading
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
    if _covered(char):
        syllables, main, other = _table()
        letter = main[ord(char) - FIRST]
        return frozenset() if letter == NONE else frozenset((syllables[ord(letter) - CODE], *other.get(char, "").split()))
    return library_readings(char)


def library_readings(char: str) -> frozenset[str]:
    """`readings` as pypinyin gives them (its dictionaries load on first use, ~0.3 s)."""
    from pypinyin import Style, pinyin

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
    if _covered(char):
        syllables, main, _ = _table()
        letter = main[ord(char) - FIRST]
        return char if letter == NONE else syllables[ord(letter) - CODE]
    return library_main_reading(char)


def library_main_reading(char: str) -> str:
    from pypinyin import Style, pinyin

    return str(pinyin(char, style=Style.NORMAL)[0][0])


def _covered(char: str) -> bool:
    return len(char) == 1 and FIRST <= ord(char) <= LAST


@functools.cache
def _table() -> tuple[list[str], str, dict[str, str]]:
    """pinyin_table.py's syllables, its letter a character's main reading and each polyphone's other
    readings, read from pypinyin by tools/build_pinyin_table.py: a few ms to load where pypinyin's
    import costs ~0.3 s. It names the pypinyin version it was read from; tests/test_pinyin_table.py
    fails when the installed one reads a character otherwise (as tools/build_variant_chars.py's table
    is kept to OpenCC's)."""
    from dangan.text import pinyin_table

    other = dict(map(operator.methodcaller("split", " ", 1), pinyin_table.OTHER.strip().split("\n")))
    return pinyin_table.SYLLABLES, pinyin_table.MAIN, other
