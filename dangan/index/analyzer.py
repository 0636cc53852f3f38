"""Chinese tokens for the index: character bigrams with positions, plus single characters.

Why n-grams and not jieba words in the index: a quoted span cut in the middle
of words ("算力等方面与经") must match, and jieba segments such a span
differently from the sentence it was cut from. Overlapping bigrams at
consecutive positions make every span a phrase query, exactly; single
characters (王) get their own field. jieba is used where words matter: to
split a bare query into words (see query.py). Punctuation and white space are
skipped, so a span matches across a line break or a comma the PDF put there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

WORD_CHARS = re.compile(r"[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
                        r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def compact(text: str) -> str:
    """The characters that count for matching, in order (text is already normalised)."""
    return "".join(WORD_CHARS.findall(text))


def bigrams(text: str) -> Iterator[tuple[int, str]]:
    """(position, bigram) over the compact text; a lone character yields itself."""
    chars = compact(text)
    if len(chars) == 1:
        yield 0, chars
        return
    for i in range(len(chars) - 1):
        yield i, chars[i:i + 2]


def unigrams(text: str) -> list[str]:
    return WORD_CHARS.findall(text)


def phrase_grams(text: str) -> list[str]:
    """The grams a phrase query must find at consecutive positions."""
    return [gram for _, gram in bigrams(text)]
