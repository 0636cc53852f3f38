"""Traditional → Simplified with OpenCC `t2s`, loaded once per process.

The C++ `opencc` package converts 13 M characters/s; `t2s` maps character by
character, so offsets into the text stay valid (`tw2sp` would not).
"""
from __future__ import annotations

import functools
from typing import Any


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
    return converted if len(converted) == len(text) else text


@functools.cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def simplified_words(text: str) -> list[str]:
    """The text in mainland Simplified wording, read as Taiwan or Hong Kong text (軟體 → 软件);
    lengths may change, so only for whole words (suggestions), never for offsets."""
    return [_converter(config).convert(text) for config in ("tw2sp", "hk2s")]
