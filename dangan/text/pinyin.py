"""Pinyin annotations that web copies insert after characters: `創(chuàng)建`, `創（chuàng）建`.

A syllable in ASCII or full-width brackets right after a CJK character, carrying at
least one tone mark (so `中国(china)` is left alone), is an annotation.
"""
from __future__ import annotations

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
