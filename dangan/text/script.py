"""Traditional → Simplified with OpenCC `t2s`, loaded once per process.

The C++ `opencc` package converts 13 M characters/s; `t2s` maps character by
character, so offsets into the text stay valid (`tw2sp` would not).

`t2s` also maps a few characters that the Simplified standard itself has
(GB 2312 holds them): 乾 → 干, 吒 → 咤, 麴 → 曲… Run over Simplified text it
renames places and people (婺城区's 乾西乡 became 干西乡 in the minutes). A line
whose only Traditional-looking characters are such ones is already Simplified
and is kept; search normalisation keeps the plain mapping (normalize.py), so a
query matches either way.
"""
from __future__ import annotations

import functools
import re
from typing import Any

# Characters in GB 2312 that t2s changes, less those seen in practice only as Traditional
# leftovers in Simplified copies (後 於 徵 麽): the ones a Simplified name or word can hold.
_ALSO_SIMPLIFIED = "乾吒夥拚捱摺榘菸薹袷醣麴"
_AMBIGUOUS = re.compile(f"[{_ALSO_SIMPLIFIED}]")


@functools.cache
def _t2s() -> Any:
    import opencc  # a C++ extension: load lazily, once

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in Simplified script, always of the same length as the input.

    Should a phrase rule ever change the length, the input is returned unchanged
    so that offsets computed on it stay true.
    """
    converted: str = _t2s().convert(text)
    if len(converted) != len(text):
        return text
    if _AMBIGUOUS.search(text) is None:
        return converted
    return "".join(line if _only_ambiguous(line, done) else done
                   for line, done in zip(text.splitlines(keepends=True),
                                         converted.splitlines(keepends=True), strict=True))


def _only_ambiguous(line: str, converted: str) -> bool:
    """Whether every character t2s changed in this line is one Simplified text has too."""
    return all(a in _ALSO_SIMPLIFIED for a, b in zip(line, converted, strict=True) if a != b)


@functools.cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def simplified_words(text: str) -> list[str]:
    """The text in mainland Simplified wording, read as Taiwan or Hong Kong text (軟體 → 软件);
    lengths may change, so only for whole words (suggestions), never for offsets."""
    return [_converter(config).convert(text) for config in ("tw2sp", "hk2s")]
