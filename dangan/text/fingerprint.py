"""The key under which two files hold the same text (同文异版).

The same document arrives as GB18030 and as UTF-8, with CRLF and with LF, saved
again by another program: other bytes, same words. The key is the SHA-256 of the
text in NFKC with every space, line break, BOM and zero-width character taken
out, so that only the characters a reader reads decide. Short texts (a few
words, a failed extraction) get no key: they are too easily alike by chance.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

MIN_CHARS = 50
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def text_key(text: str) -> str | None:
    """SHA-256 (hex) of the text's characters, or None when the text is too short to tell."""
    chars = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))
    if len(chars) < MIN_CHARS:
        return None
    return hashlib.sha256(chars.encode("utf-8")).hexdigest()
