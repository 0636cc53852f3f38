"""Search text from raw text, keeping a map back to the raw offsets.

Markup a scraped page left in its text read as the browser shows it (…完成</b>目标 → 完成 目标,
&nbsp; → a space, &#20013; → 中), NFKC (full-width ２０２３ → 2023), pinyin annotations stripped (創(chuàng)建 → 創建),
CJK characters that a PDF put on separate lines or spaced out joined, OpenCC t2s
(length-preserving, so offsets survive), ASCII lower-cased. The raw text is kept
for display; `offsets[i]` is the raw index of search-text character i.
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

from dangan.model import Normalised
from dangan.text.cjk import CJK
from dangan.text.pinyin import PINYIN
from dangan.text.script import _t2s, to_simplified

__all__ = ["CJK", "PINYIN", "half_width", "normalise", "search_text", "to_simplified"]

SPACED_CJK = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
# HTML a page saved as text (or a CMS's script) keeps: tags of the elements a page's text is set in,
# comments, character references. Its words would sit between the words of a sentence
# (创建</span></p><p class="ql-block">文明: span p class ql block), so a phrase read across them
# would not match. Named elements, any closing tag, any tag with an attribute (Word's broken
# <spantimes new="" roman">); <2021年…> and <GB/T 9704> are text.
_TAGS = ("a|b|i|u|s|p|br|hr|div|span|font|strong|em|sub|sup|small|big|center|h[1-6]|table|tbody|thead|"
         "tfoot|tr|td|th|caption|col|colgroup|ul|ol|li|dl|dt|dd|img|button|label|input|select|option|"
         "textarea|form|section|article|header|footer|nav|aside|main|figure|figcaption|blockquote|pre|"
         "code|mark|time|ins|del|strike|tt|wbr|abbr|cite|q|o:p|st1:[a-z]+|w:[a-z]+")
MARKUP = re.compile(rf"<!--[\s\S]{{0,4000}}?-->|</?(?:{_TAGS})(?=[\s/>])[^<>]{{0,1000}}>"
                    r"|</[a-zA-Z][\w:.-]{0,30}>|<[a-zA-Z][\w:.-]{0,30}\s+[\w:.-]+=[^<>]{0,1000}>"
                    r"|&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6});", re.IGNORECASE)


def _unmark(m: re.Match[str]) -> str:
    """A tag or comment is a space (PM<sub>2.5 → PM 2.5, never PM2.5 run into one word);
    a character reference is its character, or a space when it names none."""
    token = m.group()
    if token[0] == "<":
        return " "
    char = html.unescape(token)
    return char if len(char) == 1 else " "


def normalise(raw: str) -> Normalised:
    text, offsets = raw, list(range(len(raw)))
    if "<" in raw or "&" in raw:
        text, offsets = _replace(text, offsets, MARKUP, _unmark)
    text, offsets = _delete(text, offsets, PINYIN)
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
    text = MARKUP.sub(_unmark, raw) if "<" in raw or "&" in raw else raw
    text = PINYIN.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = SPACED_CJK.sub("", text)
    return _t2s().convert(text).lower()


def _delete(text: str, offsets: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return text, offsets
    return delete_spans(text, offsets, spans)


def delete_spans(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """`text` without the (start, end) spans, in order and apart, with each kept character's offset."""
    parts: list[str] = []
    kept: list[int] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        kept.extend(offsets[last:start])
        last = end
    parts.append(text[last:])
    kept.extend(offsets[last:])
    return "".join(parts), kept


def _replace(text: str, offsets: list[int], pattern: re.Pattern[str],
             repl: Callable[[re.Match[str]], str]) -> tuple[str, list[int]]:
    """Each match replaced by `repl(match)`, whose characters map to the match's first raw offset."""
    parts, kept, last = [], [], 0
    for m in pattern.finditer(text):
        start, end = m.span()
        new = repl(m)
        parts.append(text[last:start])
        kept.extend(offsets[last:start])
        parts.append(new)
        kept.extend([offsets[start]] * len(new))
        last = end
    if not last:
        return text, offsets
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
