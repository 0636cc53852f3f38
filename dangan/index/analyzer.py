"""Index tokens: units (CJK characters, whole numbers, Latin words, meaningful punctuation).

The text (already normalised: NFKC, Simplified, lower case) becomes a sequence
of *units*:

    CJK character        一 个 字
    number               2023  5.3  1,234.5 (→ 1234.5)  1.2.3
    Latin word           gdp  pm  g
    meaningful mark      .  %  ‰  、  (  )  -  ×    (all brackets fold to ( ), all dashes to -)

Everything else (white space, ，。；：“” …) is skipped, so a span matches across
a line break or a comma a PDF put there. The index holds unit bigrams at
consecutive positions (a phrase over them matches any span exactly, cut
anywhere between units) and every unit on its own (one-unit queries). A number
is one unit, so "5.3万亿元" does not match "5.53万亿元", nor "2.3%" "12.3%" or
"2023"; "5G" is 5·g and "PM2.5" pm·2.5.

Why bigrams and not jieba words: a quoted span cut in the middle of words
("算力等方面与经") must match, and jieba segments such a span differently from
the sentence it was cut from. jieba is used where words matter: to split a
bare query into words (query.py). This module is pure: no imports beyond re.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice
from operator import add

# 〇 (U+3007) is the zero of a year in Chinese numerals (二〇〇三年); outside the ideograph blocks, it was
# skipped, so 二〇〇三年 was 二三年 to the index and a span of it matched 二〇二三年. ○, the circle printers set
# for it (一九八○年), folds to it.
_CJK = r"\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Latin-1's × and ÷ are signs, not letters: ×× (a template's placeholder, ××省, 20××年) is one × after
# another, so a span cut between them ("×省人民政府") matches; inside a letter range it was one word.
_LATIN = r"a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
_OPEN = "([（［〔【〖"
_CLOSE = ")]）］〕】〗"
_DASH = "-‐‑‒–−﹣"
UNIT = re.compile(
    r"(?<![\d,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"   # 1,234.5: a thousands separator
    r"|\d+(?:\.\d+)*"                                    # 2023 5.3 1.2.3
    rf"|[{_LATIN}]+"                                     # latin words
    rf"|[{_CJK}]+"                                        # CJK: a run, split into characters
    r"|[.%‰、()\-×]"                                      # marks that carry meaning (folded)
)
# (mark, its fold) for the marks that change: str.translate with a table looks up every character
# of the text (~45 µs a snippet chunk of 600 characters, most of `compact`), one str.replace per mark
# the text holds is a C scan for each (~2 µs); the same result, character for character.
_FOLDS = tuple((c, to) for marks, to in ((_OPEN, "("), (_CLOSE, ")"), (_DASH, "-"), ("○", "〇"))
               for c in marks if c != to)
SEP = "_"   # between two numbers or two words: "1 23" is not "12 3"


def units(text: str) -> list[str]:
    """The units of a normalised text, in order."""
    out: list[str] = []
    add, extend = out.append, out.extend
    for u in UNIT.findall(fold(text)):
        if u[0] >= "\u3007":      # a CJK run (Latin/Greek/Cyrillic words are below U+3007)
            extend(u)
        elif "," in u:
            add(u.replace(",", ""))
        else:
            add(u)
    return out


def join2(a: str, b: str) -> str:
    """The bigram of two units; two numbers or two Latin words keep a separator."""
    if a[-1].isdigit() and b[0].isdigit() or _latin_end(a) and _latin_start(b):
        return a + SEP + b
    return a + b


def _latin_end(u: str) -> bool:
    return u[-1].isalpha() and u[-1] < "\u3400"


def _latin_start(u: str) -> bool:
    return u[0].isalpha() and u[0] < "\u3400"


def grams_of(us: Sequence[str]) -> list[str]:
    """Unit bigrams at consecutive positions; a lone unit stands for itself."""
    if len(us) <= 1:
        return list(us)
    out = list(map(add, us, islice(us, 1, None)))
    for i, u in enumerate(us[:-1]):
        if len(u) > 1 or u < "\u3400":    # not a CJK character: may need the separator
            out[i] = join2(u, us[i + 1])
    return out


def bigrams(text: str) -> Iterator[tuple[int, str]]:
    """(position, bigram) over the text's units; a lone unit yields itself."""
    yield from enumerate(grams_of(units(text)))


def phrase_grams(text: str) -> list[str]:
    """The grams a phrase query must find at consecutive positions."""
    return grams_of(units(text))


def unigrams(text: str) -> list[str]:
    return units(text)


# The characters that make up units (after folding): compact(text) == "".join(units(text)).
KEPT = re.compile(rf"[\d{_LATIN}{_CJK}.%‰、()\-×]")
_NOT_KEPT = re.compile(rf"[^\d{_LATIN}{_CJK}.%‰、()\-×]+")


def fold(text: str) -> str:
    """Brackets to ( ), dashes to -, ○ to 〇: one character for one, so offsets stay valid."""
    for mark, to in _FOLDS:
        if mark in text:
            text = text.replace(mark, to)
    return text


def compact(text: str) -> str:
    """The units run together, without separators: what a snippet looks for (snippets.py)."""
    return _NOT_KEPT.sub("", fold(text))


def is_word_unit(u: str) -> bool:
    """A CJK character, a number or a Latin word: not a mark."""
    return u[0].isalnum()
