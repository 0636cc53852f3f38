"""A looser second pass when every term was required and no document holds them all.

A clerk types a title with one word remembered wrong (关于同意张三辞职的批复 for the paper that agrees to
someone else's resignation) or a word no document uses (洪泽区 2023 信息公开 年报): the strict query,
every word required, finds nothing. As search engines do (a minimum-should-match), the query is asked
again requiring most of its parts, fewer and fewer until something matches, and the result says so and
which parts its hits lack (没有完全符合的结果，以下为部分符合的结果（未匹配：张三）).

The parts are the query's positive groups; a bare term longer than a word (a title typed whole, more than
WORD units) is split into its words (jieba), since that is where a wrong word hides, each word with its
own other spellings (query_forms.py: 二届 also 2届, 人大 also 人民代表大会). A shorter term is one part with its
spellings (the clerk typed 洪泽区 as one word), as is a quoted span and an OR group. Negated terms and
filters stay required.
Pure: no index, no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dangan.index.query import Query, Term, words
from dangan.index.query_forms import spellings
from dangan.index.snippets import needle_pattern

WORD = 4   # units: a bare term longer than this is split into its words (信息公开 stays one)


@dataclass(frozen=True, slots=True)
class Part:
    label: str                  # what the clerk typed for it (a word of a bare term, a quoted span, a OR b)
    terms: tuple[Term, ...]     # its alternatives: any one found is the part found


def parts(query: Query) -> tuple[Part, ...]:
    """The parts a looser pass may leave unmatched, in the query's order, each once."""
    out: dict[str, Part] = {}
    for group in query.groups:
        typed = [t for t in group if not t.variant]
        term = typed[0]
        split = [w for w in words(term.text) if w] if len(typed) == 1 and not term.quoted and len(term.units) > WORD else []
        if len(split) > 1:
            for word in split:
                out.setdefault(word, Part(word, (Term(word), *(Term(s, variant=True) for s in spellings(word)))))
            continue
        label = " 或 ".join(t.text for t in typed)
        out.setdefault(label, Part(label, group))
    return tuple(out.values())


def levels(count: int) -> list[int]:
    """How many of `count` parts a looser pass requires, in the order tried: all but one first, never fewer
    than half (a query of two words: either)."""
    if count < 2:
        return []
    return list(range(count - 1, max(1, (count + 1) // 2) - 1, -1))


def loosened(query: Query, found: tuple[Part, ...], at_least: int) -> Query:
    """The query with its parts as groups of which `at_least` must match; negated terms and filters kept."""
    terms = [replace(t, group=i) for i, part in enumerate(found) for t in part.terms]
    return replace(query, terms=(*terms, *(t for t in query.terms if t.negated)), at_least=at_least)


def unmatched(found: tuple[Part, ...], flat: str) -> tuple[str, ...]:
    """The labels of the parts a document's compact search text (body, title, 发文机关, 文号, file name run
    together) does not hold."""
    return tuple(p.label for p in found if not any(t.compact and needle_pattern(t.compact).search(flat) for t in p.terms))


def notice(relaxed: dict[str, Any]) -> str:
    """The clerk's line over a looser pass's hits (the CLI and the desk say the same)."""
    unmatched = "、".join(relaxed.get("unmatched") or ())
    said = f"未匹配：{unmatched}；" if unmatched else ""
    return (f"没有完全符合的结果，以下为部分符合的结果（{said}每件至少含 {len(relaxed.get('parts') or ())} 个"
            f"检索词中的 {relaxed.get('required')} 个）。")
