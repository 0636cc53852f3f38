"""Whether a PDF page's own text layer holds usable text, or the page must be read by OCR.

Judged by the text alone, fast (it runs on every page of every PDF): counts made by
regular expressions, not a Python loop over characters. Not usable:

- (almost) nothing: a scan, or glyphs drawn as vector outlines;
- mostly ``(cid:NNN)``, U+FFFD, private-use or control characters;
- accented-Latin soup where Chinese was printed: a font without a ToUnicode map whose
  codes come out as Latin-1 (``ÄÅÆÇÈ ÉÊË…``) — but English prose, numbers and other
  scripts (Uyghur, Tibetan, Mongolian pages of a bilingual document) are text.

Leader dots of a table of contents (……, ·····) are layout: they are left out of the
counts, or a contents page would go to OCR for its dots.
"""
from __future__ import annotations

import re

from dangan.text.cjk import CJK

_CJK = re.compile(f"[{CJK}]")
_NOT_WORDY = re.compile(r"[^\w\u3400-\u9fff]")
_LEADERS = re.compile(r"[…‥.·•。\-_—－]{3,}")
_ACCENTED = re.compile(r"[\u00c0-\u024f]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_VOWELS = re.compile(r"[aeiouyAEIOUY]")
_NUMERIC = re.compile(r"[\d.,%+\-()/:]")


def has_text_layer(text: str) -> bool:
    """A page yields usable text (see the module's docstring).

    (str.split() drops what the regex `\\s` matches; counting the few characters that
    are not wordy is ~3x faster than listing the many that are.)
    """
    compact = _LEADERS.sub("", "".join(text.split()))
    if len(compact) < 5:
        return False
    bad = compact.count("\ufffd") + 6 * compact.count("(cid:")
    wordy = len(compact) - len(_NOT_WORDY.findall(compact))
    if bad >= len(compact) * 0.3 or wordy < len(compact) * 0.3:
        return False
    return not _latin_soup(compact, text)


def _latin_soup(compact: str, text: str) -> bool:
    """Accented Latin letters where a Chinese page had its characters (no ToUnicode map)."""
    head = compact[:400]   # soup is soup throughout: its head tells, at a fraction of the cost
    if len(compact) < 40 or len(_CJK.findall(head)) >= 0.05 * len(head):
        return False
    if len(_NUMERIC.findall(compact)) >= 0.5 * len(compact) or _latin_prose(text):
        return False
    return len(_ACCENTED.findall(compact)) >= 0.3 * len(compact)


def _latin_prose(text: str) -> bool:
    """English (or pinyin) running text: words of ordinary length with vowels in them."""
    words = _LATIN_WORD.findall(text)
    letters = sum(map(len, words))
    if not words or letters < 0.6 * len("".join(text.split())):
        return False
    return 2 <= letters / len(words) <= 12 and 0.2 <= len(_VOWELS.findall(text)) / letters <= 0.6
