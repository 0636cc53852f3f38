"""The other spellings of a bare query term, as clerks type what documents print otherwise.

A clerk types a paper the way it is remembered, and the document prints it its own way:

    1982, 1982年               一九八二年 (a report whose text writes its year only in Chinese numerals)
    26年, 24年度, 98年         2026年, 2024年度, 1998年 (a year as clerks and file names shorten it: 24年预算)
    二〇二三年, 一九八二        2023年, 1982 (a title written in digits)
    14届, 2次, 19大, 21世纪    十四届, 二次, 十九大, 二十一世纪 (and back)
    余府发2012, 余府发20123号  余府发〔2012〕, 余府发〔2012〕3号 (a 文号 typed without its brackets)
    76号文, 37号文件           76号 (how an office names a paper by its number)
    市政府办, 全国人大          市人民政府办公室, 全国人民代表大会 (an organ's short form, organs.py)
    年报, 预算报告, 三定方案     年度报告, 预算草案的报告, …职能配置、内设机构和人员编制规定 (a document word's
                                short form, doc_words.py)

Each spelling is an alternative of the typed term (an OR), never a replacement: what was typed is still
found as typed. Quoted terms are exact and get none. The years a query names are also a soft hint for
ranking (`years`): a document of that year ranks higher, none is left out. Pure: no index, no I/O.
"""
from __future__ import annotations

import re

from dangan.text.doc_words import doc_word_forms
from dangan.text.organs import organ_forms

MOST = 6   # spellings of one term at most: a term of many numbers must not make a query of hundreds

_CN = "〇一二三四五六七八九"
_CN_ANY = "〇○零一二三四五六七八九"
_YEAR = re.compile(r"(?<![\d.])(19\d\d|20\d\d)(?![\d.])(年?)")
# a two-digit year with 年 or 年度 after it (26年预算, 24年度决算, 98年洪水), not a count of years: 近26年, 满26年,
# 第26年, 历时26年, 26年来, 26年以来, 26年前, 26年间, 26年多 say how long, not when
SHORT_YEAR = r"(?<![\d.近满逾约共达历时了第去整])\d\d(?=年)(?!年(?:来|以来|前|后|间|里|多|余|之|左右|内|半))"
_SHORT_YEAR = re.compile(SHORT_YEAR)
_CN_YEAR = re.compile(rf"(?<![{_CN_ANY}十百])([一二][{_CN_ANY}]{{3}})(?![{_CN_ANY}十百])")
# counters after which a small number is written either way (十四届 / 14届, 第二次 / 第2次, 十九大 / 19大)
_COUNTERS = "届|次|大|期|批|条|款|章|节|项|个|世纪|中全会"   # not 号: a 文号's number is printed in digits
_COUNT = re.compile(rf"(?<![\d.])([1-9]\d?)(?=(?:{_COUNTERS}))")
_CN_COUNT = re.compile(rf"(?<![{_CN_ANY}十百两])([一二三四五六七八九十]{{1,3}})(?=(?:{_COUNTERS}))")
# a 文号 typed without brackets: the organ's 代字 (CJK), the year, then its number or nothing
_BARE_NUMBER = re.compile(r"([\u4e00-\u9fff])(19\d\d|20\d\d)(\d{1,4}号|号|$)")
_NUMBER_WORD = re.compile(r"(\d+号)文件?$")


def spellings(text: str) -> list[str]:
    """The other spellings of a normalised bare term (the term itself not included), at most MOST."""
    forms = [text]
    for rewrite in (_short_years, _years, _counts, _bare_number, _number_word, _organs, _doc_words):
        for form in list(forms):
            for other in rewrite(form):
                if other not in forms:
                    forms.append(other)
    return forms[1:MOST + 1]


def years(text: str) -> list[str]:
    """The years a bare term names, in digits (1982年 → 1982, 二〇二三年 → 2023)."""
    out = [m[1] for m in _YEAR.finditer(text)]
    out += [_full_year(m[0]) for m in _SHORT_YEAR.finditer(text)]
    out += [_year_digits(m[1]) for m in _CN_YEAR.finditer(text)]
    return [y for y in dict.fromkeys(out) if y and 1900 <= int(y) <= 2099]


def _short_years(text: str) -> list[str]:
    """26年 → 2026年, 98年 → 1998年 (the two digits of a year this century up to 49, else the last)."""
    return [_SHORT_YEAR.sub(lambda m: _full_year(m[0]), text)] if _SHORT_YEAR.search(text) else []


def _full_year(two: str) -> str:
    return ("20" if int(two) < 50 else "19") + two


def _years(text: str) -> list[str]:
    out = []
    if _YEAR.search(text):   # a year in Chinese numerals is printed with 年 (二〇二〇 alone may be a count)
        chinese = _YEAR.sub(lambda m: _year_chinese(m[1]) + "年", text)
        out += [chinese, chinese.replace("〇", "零")] if "〇" in chinese else [chinese]
    if any(_year_digits(m[1]) for m in _CN_YEAR.finditer(text)):
        out.append(_CN_YEAR.sub(lambda m: _year_digits(m[1]) or m[1], text))
    return out


def _year_chinese(digits: str) -> str:
    return "".join(_CN[int(d)] for d in digits)


def _year_digits(numeral: str) -> str:
    """一九八二 → 1982, 二〇二三 / 二○二三 / 二零二三 → 2023; "" when it is no year (一二三四)."""
    digits = "".join(str(_CN.index(c)) if c in _CN else "0" for c in numeral)
    return digits if 1900 <= int(digits) <= 2099 else ""


def _counts(text: str) -> list[str]:
    out = []
    if _COUNT.search(text):
        out.append(_COUNT.sub(lambda m: _small_chinese(int(m[1])), text))
    if any(_small_int(m[1]) for m in _CN_COUNT.finditer(text)):
        out.append(_CN_COUNT.sub(lambda m: str(_small_int(m[1]) or m[1]), text))
    return out


def _small_chinese(n: int) -> str:
    """1–99 as printed: 二, 十, 十四, 二十, 二十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _CN[tens] + "十"
    return head + (_CN[ones] if ones else "") if n else ""


def _small_int(numeral: str) -> int:
    """二 → 2, 十四 → 14, 二十一 → 21; 0 when it is no number of 1–99 (十十)."""
    if "十" not in numeral:
        return _CN.index(numeral) if len(numeral) == 1 and numeral in _CN[1:] else 0
    head, _, tail = numeral.partition("十")
    if len(head) > 1 or len(tail) > 1 or "十" in tail:
        return 0
    tens = _CN.index(head) if head else 1
    ones = _CN.index(tail) if tail else 0
    return tens * 10 + ones if tens and (tail == "" or ones) else 0


def _bare_number(text: str) -> list[str]:
    if not _BARE_NUMBER.search(text):
        return []
    return [_BARE_NUMBER.sub(lambda m: f"{m[1]}({m[2]}){m[3]}", text)]


def _number_word(text: str) -> list[str]:
    match = _NUMBER_WORD.search(text)
    return [text[:match.start()] + match[1]] if match else []


def _organs(text: str) -> list[str]:
    return list(organ_forms(text))[1:]


def _doc_words(text: str) -> list[str]:
    return list(doc_word_forms(text))[1:]
