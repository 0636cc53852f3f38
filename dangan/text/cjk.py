"""Which characters count as Chinese: the one definition of the CJK ranges."""
from __future__ import annotations

# CJK Extension A, Unified Ideographs, Compatibility Ideographs: for regex classes.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Pinyin letters with tone marks (and ü), as web copies annotate characters with them.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"


def is_cjk(char: str) -> bool:
    """One character in the ranges of `CJK`."""
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def cjk_count(text: str) -> int:
    return sum(1 for char in text if is_cjk(char))
