"""Snippets: the hit shown in its original words, the match marked «like this».

Works from the catalog text for any backend: normalise with an offset map,
find the needles in the compact search text, map back to the raw text. A
needle is found as the index finds it: a number or Latin word only whole
("2.3%" is not marked inside "12.3%").
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from dangan.index.analyzer import KEPT, fold
from dangan.text.normalize import MARKUP, PINYIN, normalise

OPEN, CLOSE = "«", "»"
# A document's own « and » must not read as marks: shown as the look-alike ‹ and ›.
_LITERAL = str.maketrans({OPEN: "\u2039", CLOSE: "\u203a"})


def unmarked(text: str) -> str:
    """`text` with its own «» replaced, ready to have marks added."""
    return text.translate(_LITERAL)
WIDTH = 90
# Link debris a web copy leaves in its text (pkulaw's first lines: 原文链接：https://…/b64c…bdfb.html): a URL
# with its label, a long hexadecimal hash, a page's file name. A snippet hides it unless a hit lies inside.
LINK = re.compile(r"(?:(?:原文)?链接|网址|原文地址)?[:：]?[ \t]*(?:https?://|www\.)[!-~]+"
                  r"|(?<![0-9A-Za-z])[0-9a-fA-F]{16,}(?![0-9A-Za-z])"
                  r"|(?<![!-~])[!-~]*\.(?:s?html?|php|aspx?|jsp)(?![A-Za-z])[!-~]*")


def make_snippet(raw: str, needles: Sequence[str], width: int = WIDTH) -> str:
    if not raw:
        return ""
    norm = normalise(raw)
    folded = fold(norm.text)
    positions = [m.start() for m in KEPT.finditer(folded)]
    flat = "".join(folded[i] for i in positions)
    spans = _find(flat, needles)
    if not spans:
        head = raw[:width + (2200 if "<" in raw[:width + 200] else 200)]
        if LINK.search(head):   # hidden, unless the query was found in it as the index finds it
            typed = [n.lower() for n in needles if n]
            head = LINK.sub(lambda m: m[0] if any(n in m[0].lower() for n in typed) else " ", raw[:width + 1000])
        return _fold(unmarked(PINYIN.sub("", MARKUP.sub(" ", head))))[:width] + ("…" if len(raw) > width else "")
    first = spans[0]
    start_raw = norm.offsets[positions[first[0]]]
    lo, hi = _window(raw, start_raw, width)
    links = [m.span() for m in LINK.finditer(raw, max(0, lo - 2000), hi + 2000) if m.end() > m.start()]
    lo, hi = _past_links(raw, links, lo, hi, start_raw, width)
    marks = []
    for start, end in spans:
        a = norm.offsets[positions[start]]
        b = norm.offsets[positions[end - 1]] + 1
        if a >= lo and b <= hi:
            marks.append((a, b))
    debris = [(s, e) for s, e in links if not any(a < e and b > s for a, b in marks)]
    annotations = sorted([m.span() for m in PINYIN.finditer(raw, max(0, lo - 12), hi + 12)]
                         + [m.span() for m in MARKUP.finditer(raw, max(0, lo - 1000), hi + 1000)] + debris)
    clean = lambda a, b: _clean(raw, a, b, annotations)  # noqa: E731
    out, last = [], lo
    for a, b in _merge(marks):
        out.append(clean(last, a))
        out.append(OPEN + clean(a, b) + CLOSE)
        last = b
    out.append(clean(last, hi))
    return ("…" if lo > 0 else "") + _fold("".join(out)) + ("…" if hi < len(raw) else "")


def _window(raw: str, start: int, width: int) -> tuple[int, int]:
    """[lo, hi) around a hit at `start`: width // 3 characters before it, `width` in all, as shown:
    markup left in a page's text (hidden in the snippet) widens the window by its length."""
    lo = max(0, start - width // 3)
    hi = min(len(raw), lo + width)
    if "<" not in raw:
        return lo, hi
    for _ in range(4):
        wider_lo = max(0, start - width // 3 - _hidden(raw, lo, start))
        wider_hi = min(len(raw), wider_lo + width + _hidden(raw, wider_lo, hi))
        if (wider_lo, wider_hi) == (lo, hi):
            break
        lo, hi = wider_lo, wider_hi
    return lo, hi


def _past_links(raw: str, links: list[tuple[int, int]], lo: int, hi: int, hit: int,
                width: int) -> tuple[int, int]:
    """The window [lo, hi) started after link debris that lies before the hit (the snippet opens on
    the text, not on …01d1f098.html), and widened by the debris after it, which is hidden."""
    before = [e for s, e in links if lo < e <= hit]
    if before:
        lo = max(before)
        while lo < hit and raw[lo].isspace():
            lo += 1
        hi = min(len(raw), max(hi, lo + width))
    hidden = sum(min(e, hi) - max(s, lo) for s, e in links if s < hi and e > lo and not s <= hit < e)
    return lo, min(len(raw), hi + hidden)


def _hidden(raw: str, a: int, b: int) -> int:
    """How many of raw[a:b]'s characters are markup (tags, comments, character references)."""
    return sum(min(e, b) - max(s, a) for s, e in (m.span() for m in MARKUP.finditer(raw, max(0, a - 1000), b + 1000))
               if e > a and s < b)


def _find(flat: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """Occurrences of the needles, longest needle's first hit leading."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        for m in needle_pattern(needle).finditer(flat):
            spans.append(m.span())
            if len(spans) > 200:
                break
    if not spans:
        return []
    lead = next(s for s in spans)  # needles come longest first
    rest = sorted(s for s in spans if s != lead)
    return [lead, *rest]


def needle_pattern(needle: str) -> re.Pattern[str]:
    """The needle in a compact text, not inside a longer number or Latin word."""
    head = tail = ""
    if needle[0].isdigit():
        head = r"(?<![\d.])"
    elif needle[0].isalpha() and needle[0] < "\u3400":
        head = r"(?<![^\W\d_\u3400-\uffff])"
    if needle[-1].isdigit():
        tail = r"(?!\.?\d)"
    elif needle[-1].isalpha() and needle[-1] < "\u3400":
        tail = r"(?![^\W\d_\u3400-\uffff])"
    return re.compile(head + re.escape(needle) + tail)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def without_annotations(raw: str, a: int, b: int, annotations: list[tuple[int, int]]) -> str:
    """raw[a:b] minus the pinyin annotations found on the whole text (a slice may start inside one)."""
    parts, pos = [], a
    for start, end in annotations:
        if end <= pos or start >= b:
            continue
        parts.append(raw[pos:max(pos, start)])
        pos = max(pos, min(end, b))
    parts.append(raw[pos:b])
    return "".join(parts)


def _clean(raw: str, a: int, b: int, annotations: list[tuple[int, int]]) -> str:
    """raw[a:b] for display: annotations left out, the text's own «» made look-alikes."""
    return unmarked(without_annotations(raw, a, b, annotations))


_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# a line break between two Chinese characters (marks around a hit let through): the PDF's or web
# copy's line end, not a space the author wrote (经\n济 → 经济, 所作的\n«政府工作报告»\n。 → …»。)
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])({re.escape(CLOSE)}?)[^\S\n]*\n\s*({re.escape(OPEN)}?)(?=[{_CJK}])")


def _fold(text: str) -> str:
    """White space for one line of display: a line break inside Chinese joined, the rest one space."""
    return re.sub(r"\s+", " ", _CJK_BREAK.sub(r"\1\2", text))
