"""“您是不是要找”: spellings of a query term that the index itself holds.

For a term that the index does not hold as a span (垃圾分累, 文明成市), the
candidates are one edit away and must occur in the index:

- another script's word (軟體 → 软件: OpenCC tw2sp on the term as typed);
- one character replaced (i > 0: the characters that follow the previous
  character in the index's own bigram vocabulary; i = 0: the index's own
  characters that sound like it: any of thousands, each checked against the
  bigram after it, cost most of a search at 10k documents), the bigrams around
  it present in the index;
- one character left out, or two neighbours swapped.

They are ranked by how a clerk mistypes: the same pinyin (an input-method
slip) first, a fuzzy pinyin (zh/z, n/l, -n/-ng) next, then any character;
within a kind by how many documents hold the candidate, with a bonus for a
dictionary word. Only CJK terms of 2-8 characters get suggestions.

A candidate (other than another script's word) must read better than the term
as typed: more of it in dictionary words, or as many in fewer words
(水土保护 → 水土保持, 垃圾分累 → 垃圾分类), or be a person's name with one character of the given name
typed by its sound (张阿山 → 张阿三: the name reads no better, text/surnames.py). A span the index holds is not yet a
word: 文明建 (of 文明建设) or 政府信 (of 政府信息) read worse than 文明办 or 政府办,
and an organ's short name (创文办, 城管局, a word and 办 or 委 after it: 创建办) reads
as one word, not as a typo.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from dangan.index.analyzer import phrase_grams
from dangan.index.wordsplit import Words, words_among
from dangan.text.organs import short_form_ending
from dangan.text.pinyin import fuzzy, main_reading, readings
from dangan.text.script import simplified_words
from dangan.text.surnames import surname_of

_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,8}$")
SCREEN = 12      # candidates whose documents are counted (chosen by kind, then bigram frequency)
SHOWN = 3
KIND_WEIGHT = {"script": 5.0, "pinyin": 4.0, "fuzzy": 2.0, "edit": 1.0}
ORGAN_SHORT = frozenset("办委局厅处科室所站队院部会组署")   # 政府办, 文明委, 城管局: a short form after a word
KIND_NAMES = {"script": "繁简", "pinyin": "同音", "fuzzy": "近音", "edit": "一字之差"}


@dataclass(frozen=True, slots=True)
class Suggestion:
    term: str          # as the user wrote it (normalised)
    replacement: str
    kind: str          # script | pinyin | fuzzy | edit
    documents: int     # how many documents hold the replacement as a span

    def to_dict(self) -> dict[str, object]:
        return {"term": self.term, "replacement": self.replacement, "kind": KIND_NAMES[self.kind],
                "documents": self.documents}


class Vocabulary(Protocol):
    """What the suggester asks of an index backend (both backends implement it)."""

    def doc_freq(self, field: str, token: str) -> int: ...
    def terms_with_prefix(self, field: str, prefix: str) -> list[str] | None: ...
    def span_count(self, text: str) -> int: ...


def suggest(vocab: Vocabulary, term: str, raw: str = "", *, limit: int = SHOWN) -> list[Suggestion]:
    """Spellings of `term` (normalised) that the index holds, best first; [] for non-CJK terms."""
    if not _CJK.match(term):
        return []
    df: Callable[[str], int] = functools.lru_cache(maxsize=None)(lambda g: vocab.doc_freq("grams", g))
    cands: dict[str, str] = {}
    bounds: dict[str, str] = {}   # candidate → its bigram that the walk already counted
    for cand in simplified_words(raw or term):
        if cand != term and _CJK.match(cand):
            cands[cand] = "script"
    words = Words()   # the candidates' words, looked up once for all of them
    typed = reading(term, words)
    if typed[0] < len(term):
        edits = _edits(vocab, term)
    else:   # all words already: only a single word can read better, and one of 5+ characters is rare
        edits = _single_words(_edits(vocab, term)) if len(term) <= 4 else []
    for cand, kind, walked in edits:
        if cand not in cands:
            cands[cand] = kind
            if walked:
                bounds[cand] = walked
    # a term with no dictionary word in it (思挣课) cannot be judged by its words: the index's spelling may do as well;
    # nor can a person's name, whose given name may read as a word (张阿山: 阿山 is a place) where the right one does not
    better: Callable[[str], bool] = lambda c: (cands[c] == "script" or reading(c, words) > typed  # noqa: E731
                                               or (not typed[0] and reading(c, words) >= typed)
                                               or name_slip(term, c, cands[c]))
    floors = _screen(cands, bounds, df, better)
    screened = sorted(floors, key=lambda c: (-KIND_WEIGHT[cands[c]], -floors[c], c))
    weight = {c: KIND_WEIGHT[cands[c]] * (1.5 if words.is_word(c) else 1.0) for c in screened[:SCREEN]}
    # No more documents hold a candidate than its rarest bigram's (its floor), so weight × log(2 + floor)
    # bounds its score: counting its span (a phrase search, ~6 ms on Whoosh at 10k documents) is left out
    # once that bound is below the `limit`-th score counted, as it could be neither shown nor the best.
    scored: list[tuple[float, Suggestion]] = []
    for cand in sorted(weight, key=lambda c: -weight[c] * math.log(2 + floors[c])):
        if len(scored) >= limit and weight[cand] * math.log(2 + floors[cand]) < sorted(s for s, _ in scored)[-limit]:
            break
        n = floors[cand] if len(cand) == 2 else vocab.span_count(cand)
        if n:
            scored.append((weight[cand] * math.log(2 + n), Suggestion(term, cand, cands[cand], n)))
    scored.sort(key=lambda s: (-s[0], s[1].replacement))
    best = scored[0][0] if scored else 0.0
    return [s for score, s in scored[:limit] if score >= best / 2]   # no far-fetched runners-up


def reading(text: str, words: Words | None = None) -> tuple[int, int]:
    """How well `text` reads: how many of its characters are in dictionary words of two or more
    characters, then the fewer words the better (as minus their number). An organ's short form
    that clerks write (创文办, 城管局: dangan.text.organs) is a word, and so is a word with an
    organ's one-character short form after it (创建 办). `words`: the lookups of other texts to share."""
    words = words or Words()
    organ = short_form_ending(text)
    pieces: list[tuple[str, bool]] = []
    for w in words.cut(text[:len(text) - len(organ)]) if len(organ) < len(text) else ():
        if len(w) == 1 and w in ORGAN_SHORT and pieces and pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + w, True)
        else:
            pieces.append((w, len(w) >= 2 and words.is_word(w)))
    if organ:
        pieces.append((organ, True))
    return sum(len(w) for w, known in pieces if known), -len(pieces)


def name_slip(term: str, cand: str, kind: str) -> bool:
    """`cand` is the name `term` would be with one character of its given name typed by its sound (张阿山 for
    张阿三: san typed shan): a name's shape (a surname and one or two characters), the surname kept, the
    character replaced sounding alike. A name is no dictionary word, so how the two read says nothing; the
    archive holding the one and not the other does (the suggester is asked only for a term the index lacks)."""
    surname = surname_of(term)
    return bool(surname) and kind in ("pinyin", "fuzzy") and len(cand) == len(term) and cand.startswith(surname)


def _single_words(edits: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """The edits that are dictionary words (one lookup for all of them)."""
    known = words_among({cand for cand, _, _ in edits})
    return [e for e in edits if e[0] in known]


def _screen(cands: dict[str, str], bounds: dict[str, str], df: Callable[[str], int],
            better: Callable[[str], bool]) -> dict[str, int]:
    """The SCREEN candidates that the index holds and that read better than the term, by kind
    then by how many documents hold their rarest bigram (the floor), with those floors.

    Each candidate's floor costs a term lookup per index segment for its new bigram (the
    one after the changed character; the one before it was counted by the walk). A kind
    is screened only while places are left, and its candidates in order of the walked
    bigram's count, an upper bound of the floor: once a candidate's bound is below the
    floors already kept, none after it can enter. The result is the full sort's.
    """
    out: dict[str, int] = {}
    for kind in sorted(KIND_WEIGHT, key=KIND_WEIGHT.__getitem__, reverse=True):
        need = SCREEN - len(out)
        if need <= 0:
            break
        group = [c for c, k in cands.items() if k == kind]
        bound = {c: df(bounds[c]) if c in bounds else math.inf for c in group}
        group.sort(key=lambda c: (-bound[c], c))
        kept: list[tuple[int, str]] = []   # (-floor, candidate), best first
        for cand in group:
            full = len(kept) >= need
            if full and bound[cand] < -kept[-1][0]:
                break
            floor = math.inf
            for g in phrase_grams(cand):
                floor = min(floor, df(g))
                if not floor or (full and floor < -kept[-1][0]):
                    break
            if floor and not (full and floor < -kept[-1][0]) and better(cand):
                kept.append((-int(floor), cand))
                kept.sort()
                del kept[need:]
        out.update({cand: -f for f, cand in kept})
    return out


def _edits(vocab: Vocabulary, w: str) -> list[tuple[str, str, str | None]]:
    """Candidates one edit from `w`: (candidate, how it sounds, the walked bigram before the
    changed character or None). `_screen` keeps those whose bigrams the index holds.

    A backend that cannot walk its bigrams (PostgreSQL) offers only sound-alike characters.
    """
    out: list[tuple[str, str, str | None]] = []
    n = len(w)
    walked: dict[str, list[str] | None] = {}

    def walk(prefix: str) -> list[str] | None:   # once per prefix: w[0]'s says whether the backend walks, and is i = 1's
        if prefix not in walked:
            walked[prefix] = vocab.terms_with_prefix("grams", prefix)
        return walked[prefix]

    walks = walk(w[0]) is not None
    for i in range(n):
        following = walk(w[i - 1]) if i > 0 and walks else None
        sound = _sounds(w[i])
        kinds: Iterable[tuple[str, str]]
        if following is not None:
            kinds = ((c, sound(c)) for c in (t[1] for t in following if len(t) == 2 and _cjk_char(t[1])))
        else:   # the first character, or a backend that cannot walk: those that sound alike
            kinds = ((c, kind) for c in _index_chars(vocab) if (kind := sound(c)) != "edit")
        for c, kind in kinds:
            if c != w[i]:
                out.append((w[:i] + c + w[i + 1:], kind, w[i - 1] + c if following else None))
    if n >= 3:   # a character typed twice or by mistake inside the word (not a cut-off end)
        for i in range(1, n - 1):
            out.append((w[:i] + w[i + 1:], "edit", None))
    for i in range(n - 1):
        if w[i] != w[i + 1]:
            out.append((w[:i] + w[i + 1] + w[i] + w[i + 2:], "edit", None))
    return out


def _cjk_char(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff"


def _index_chars(vocab: Vocabulary) -> list[str]:
    own = getattr(vocab, "index_chars", None)   # a backend that reads them more cheaply
    if own is not None:
        return own()
    return [t for t in vocab.terms_with_prefix("chars", "") or () if len(t) == 1 and _cjk_char(t)]


def _sounds(typed: str) -> Callable[[str], str]:
    """How a candidate sounds against the typed character: the clerk typed the pinyin of the
    character meant (any of its readings) and took the character offered first for it. The typed
    character's reading and its fuzzy forms are worked out once: a first character is weighed
    against every character of the index (thousands)."""
    typed_as = main_reading(typed)
    near = fuzzy(typed_as)

    def sound(cand: str) -> str:
        meant = readings(cand)
        if typed_as in meant:
            return "pinyin"
        if near & meant:
            return "fuzzy"
        return "edit"
    return sound
