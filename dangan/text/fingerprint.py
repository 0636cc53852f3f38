"""The key under which two files hold the same text (同文异版).

The same document arrives as GB18030 and as UTF-8, with CRLF and with LF, saved
again by another program: other bytes, same words. A DOCX saved as PDF adds the
printer's page numbers (1, 2 … at each page's edge, or — 1 —) and may lose a mark
(a 。 at a line's end). A Hong Kong or Taiwan site, or a Big5 file, holds it in
Traditional script, and which Traditional form depends on the converter (著 or 着
for 着, 爲 or 為 for 为). The key is the SHA-256 of the letters and digits of the
text in NFKC, its page numbers left out, each character written in one script
(`variant_chars`: every form of it that OpenCC maps to another as one), so that
only the words a reader reads decide. Short texts (a few words, a failed
extraction) get no key: they are too easily alike by chance.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter

from dangan.text.variant_chars import BIG5_LOSES, VARIANT_SETS

MIN_CHARS = 50
# A page number alone on its line: dressed (— 1 —, - 2 -, 第3页, 第 3 页 共 31 页) anywhere; a bare
# number (1, 12) only at a page's edge, next to a form feed, a blank line or either end of the text
# (pages are joined by one or the other), where a table's cell is not.
_DRESSED_PAGE = re.compile(r"[-—－–]+\s*\d{1,4}\s*[-—－–]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?")
_BARE_PAGE = re.compile(r"\d{1,4}")


def without_page_numbers(text: str) -> str:
    """The text (NFKC) without the lines that hold only a page number."""
    lines = unicodedata.normalize("NFKC", text or "").replace("\f", "\n\n").split("\n")
    last = len(lines) - 1

    def page_number(i: int, line: str) -> bool:
        if _DRESSED_PAGE.fullmatch(line):
            return True
        return bool(_BARE_PAGE.fullmatch(line)) and (i == 0 or i == last or not lines[i - 1].strip()
                                                     or not lines[i + 1].strip())

    return "\n".join(line for i, line in enumerate(lines) if not page_number(i, line.strip()))


def text_key(text: str) -> str | None:
    """SHA-256 (hex) of the text's letters and digits without its page numbers, or None when the
    text is too short to tell."""
    chars = reading_chars(without_page_numbers(text))
    if len(chars) < MIN_CHARS:
        return None
    return hashlib.sha256(chars.encode("utf-8")).hexdigest()


# A Big5 file cannot hold every character: a Traditional copy saved as Big5 has '?' (errors='replace') or
# nothing (errors='ignore') where the original had 爲, 着, 衞, 産 or a rare name's character; its letters and
# digits are the original's without those. The key over the characters every Big5 copy keeps (a set's
# forms all in Big5, any other character Big5 holds) is the same for both. Different documents differ in
# the characters Big5 keeps too (numbers, names, words): over every corpus and element-bench text it joins
# no two (bench/README.md, `bench_same_text.py`); a copy is only joined on it when one of the two texts is
# all Big5 (`big5_only`), a text that can be such a copy.
def big5_key(text: str) -> str | None:
    """SHA-256 (hex) of the text key's characters that every Big5 copy keeps, or None when too short."""
    kept = "".join(c for c in text or "" if _big5_keeps_raw(c))
    chars = "".join(c for c in reading_chars(without_page_numbers(kept)) if _big5_keeps(c))
    if len(chars) < MIN_CHARS:
        return None
    return hashlib.sha256(chars.encode("utf-8")).hexdigest()


_IN_A_SET = frozenset(c for members in VARIANT_SETS for c in members)


@functools.cache
def _big5_keeps(c: str) -> bool:
    """Whether a Big5 copy keeps this character (as `reading_chars` writes it)."""
    if c in _IN_A_SET:
        return c not in BIG5_LOSES
    try:
        c.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


@functools.cache
def _big5_keeps_raw(c: str) -> bool:
    """False for a character NFKC would write otherwise (⼀ for 一, № for No) that Big5 lacks: a Big5 copy lost
    it before NFKC could."""
    if c.isascii() or unicodedata.normalize("NFKC", c) == c:
        return True
    try:
        c.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def big5_only(text: str) -> bool:
    """Whether every letter and digit of the text has a Big5 (or Big5-HKSCS) code: the text can be a
    Big5 copy that lost characters."""
    try:
        _NOT_WORD.sub("", unicodedata.normalize("NFKC", text or "")).encode("big5hkscs")
    except UnicodeEncodeError:
        return False
    return True


# A scan's OCR text is never the text layer's to the character: page numbers (— 1 —) and dashes
# read or not, the odd wrong glyph either side. Two texts this alike (character pairs, in order
# of counting, after everything but letters and digits is taken out) are the same text.
NEAR_SAME = 0.97
NEAR_MIN_CHARS = 200
_NOT_WORD = re.compile(r"[\W_]+")


# Every form of a character (Simplified, Traditional, Taiwan, Hong Kong) written as its set's first
_ONE_SCRIPT = {ord(c): members[0] for members in VARIANT_SETS for c in members[1:]}


def reading_chars(text: str) -> str:
    """The letters and digits a reader reads (NFKC; no spaces, marks, dashes or punctuation), each
    character in one script: a Traditional copy reads as its Simplified original."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text or "")).translate(_ONE_SCRIPT)


def likeness(a: str, b: str) -> float:
    """Dice coefficient of the two texts' character pairs (1.0: the same characters in the same
    pairs), over `reading_chars`; 0.0 when either is shorter than NEAR_MIN_CHARS."""
    x, y = reading_chars(a), reading_chars(b)
    if min(len(x), len(y)) < NEAR_MIN_CHARS:
        return 0.0
    pairs_x = Counter(x[i:i + 2] for i in range(len(x) - 1))
    pairs_y = Counter(y[i:i + 2] for i in range(len(y) - 1))
    common = sum((pairs_x & pairs_y).values())
    return 2 * common / (sum(pairs_x.values()) + sum(pairs_y.values()))


# Documents made from one template (this month's 通报 and last month's, two districts' copies of
# one notice) are as alike as a scan and its original, and differ where it matters: dates, 文号,
# amounts, counts. A number followed by its unit is read reliably by OCR, while page numbers
# (— 1 —) carry no unit; two texts whose counted numbers differ are two documents. (PDF text
# layers often put a space between a number and its unit: 2020 年 2 月.)
# The units in one script as the text is read in (`_ONE_SCRIPT`): a Traditional copy's 個, 項, 屆, 萬, 號 count
_UNITS = "年月日号时分秒万亿元角%‰个项件家人次条名所户批期届年度".translate(_ONE_SCRIPT)
_COUNTED = re.compile(rf"\d+(?:\.\d+)?(?=\s*[{_UNITS}])")
_CN_DATE = re.compile(r"[〇○零一二三四五六七八九十]{2,4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")


def counted_numbers(text: str) -> Counter[str]:
    """The numbers with a unit after them (2024年, 12号, 5.3万, 98%; in Traditional script too), and dates in
    Chinese numerals."""
    plain = unicodedata.normalize("NFKC", text or "").translate(_ONE_SCRIPT)
    return Counter(_COUNTED.findall(plain)) + Counter(_CN_DATE.findall(plain))

