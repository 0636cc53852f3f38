"""Names garbled by another tool: GBK bytes read as cp437 and written back as UTF-8.

A ZIP made on a Chinese Windows stores its member names as GBK bytes without the
UTF-8 flag; a tool that read them as cp437 (the ZIP default) and repacked or
re-saved the archive wrote what it saw, `╬─╝■.doc` for `文件.doc`, as UTF-8. The
bytes are all still there: encoding the garbled name as cp437 gives the GBK bytes
back. The name is recovered only when that is certain: every non-ASCII character
is one of cp437's upper half (accents, box drawing, Greek), at least one is past
its accented letters (a GB2312 character's first byte always is), the bytes decode
as strict GBK with no character taking an ASCII byte as its second (`über` would
read `乥er`), and what they decode to is Chinese (two CJK characters at least, with the
punctuation, full-width forms and numbering marks file names carry). `Café.doc`,
`Zürich.txt`, `über Straße.txt` or `π≈3.14.txt` are kept as they are.
"""
from __future__ import annotations

import re

_CP437_HIGH = frozenset(bytes(range(0x80, 0x100)).decode("cp437"))
_PAST_ACCENTS = frozenset(bytes(range(0xB0, 0x100)).decode("cp437"))   # box drawing, blocks, Greek, maths
_CHINESE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff"      # CJK ideographs (extension A, unified)
    "\u3000-\u303f\uff00-\uffef"        # CJK punctuation (、。〔〕《》), full-width forms (（）：１)
    "\u2010-\u2027\u2030-\u203b"        # dashes, quotes, ellipsis, ‰, ※
    "\u2160-\u217f\u2460-\u24ff"        # Roman numerals (Ⅲ-77), circled numbers (①)
    "\u00b7\u00d7\u2116\u25a0-\u25ff\u2605\u2606]"   # ·, ×, №, ■□▲○●, ★☆
)
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def recover_gbk_name(name: str) -> str | None:
    """The name as it was written before a tool read its GBK bytes as cp437, or None when `name`
    is not certainly such a garbled name (then it is kept as it is)."""
    odd = [c for c in name if ord(c) > 0x7F]
    if not odd or any(c not in _CP437_HIGH for c in odd) or not any(c in _PAST_ACCENTS for c in odd):
        return None
    try:
        recovered = name.encode("cp437").decode("gbk")
    except UnicodeError:
        return None
    wide = [c for c in recovered if ord(c) > 0x7F]
    if len(_IDEOGRAPH.findall(recovered)) < 2 or not all(_CHINESE.fullmatch(c) for c in wide):
        return None
    if any(byte < 0x80 for c in wide for byte in c.encode("gbk")):   # ü then b read as one character
        return None
    return recovered
