"""Search text from raw text, keeping a map back to the raw offsets.

NFKC (full-width ２０２３ → 2023), pinyin annotations stripped (創(chuàng)建 → 創建),
CJK characters that a PDF put on separate lines or spaced out joined, OpenCC t2s
(length-preserving, so offsets survive), ASCII lower-cased. The raw text is kept
for display; `offsets[i]` is the raw index of search-text character i.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from dangan.model import Normalised
from dangan.text.cjk import CJK
from dangan.text.pinyin import PINYIN
from dangan.text.script import _t2s, to_simplified

__all__ = ["CJK", "PINYIN", "half_width", "normalise", "search_text", "to_simplified"]

SPACED_CJK = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")


def normalise(raw: str) -> Normalised:
    text, offsets = _delete(raw, list(range(len(raw))), PINYIN)
    text, offsets = _nfkc(text, offsets)
    text, offsets = _delete(text, offsets, SPACED_CJK)
    text = _simplify(text)
    return Normalised(text=text.lower(), raw_text=raw, offsets=tuple(offsets))


# Full-width digits and Latin letters (ＡＢＣ２０２３) and the percent sign; a full-width full stop
# only between two digits (３．５ → 3.5). Chinese punctuation (（）《》“”：，) is left as printed.
_HALF = {code: code - 0xFEE0 for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0xFF05, 0xFF05))
         for code in range(start, end + 1)}
_WIDE_POINT = re.compile(r"(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])")


def half_width(text: str) -> str:
    """An element's value as a reader expects it: ２０２３年 → 2023年, ＡＢＣ → ABC, ５％ → 5%,
    ３．５ → 3.5; one character for one, so a value's span into the raw text still fits."""
    if text.isascii():
        return text
    return _WIDE_POINT.sub(".", text).translate(_HALF)


def search_text(raw: str) -> str:
    """The search text alone (queries and indexing): same steps, no offset map."""
    text = PINYIN.sub("", raw)
    text = unicodedata.normalize("NFKC", text)
    text = SPACED_CJK.sub("", text)
    return _t2s().convert(text).lower()


def _delete(text: str, offsets: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return text, offsets
    parts, kept, last = [], [], 0
    for start, end in spans:
        parts.append(text[last:start])
        kept.extend(offsets[last:start])
        last = end
    parts.append(text[last:])
    kept.extend(offsets[last:])
    return "".join(parts), kept


def _nfkc(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    if unicodedata.is_normalized("NFKC", text):
        return text, offsets
    parts, mapped = [], []
    for char, offset in zip(text, offsets):
        norm = _nfkc_char(char)
        parts.append(norm)
        mapped.extend([offset] * len(norm))
    return "".join(parts), mapped


@functools.lru_cache(maxsize=8192)
def _nfkc_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _simplify(text: str) -> str:
    """t2s is length-preserving for nearly everything; where a line is not, keep it as is."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        simple = _t2s().convert(line)
        out.append(simple if len(simple) == len(line) else line)
    return "\n".join(out)
