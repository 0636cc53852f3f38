"""Typst sources (.typ): the document's words without the markup (rule "typst_markup").

A notice kept as Typst source sets its words inside the language's calls: `#align(right)[日期：…]`,
`#underline[请出席…会议(3)]`, `#box(width: 10em)[（#box(…)[#align(center)[郑叶枫]]）]`, with layout calls between
the paragraphs (`#v(2em)`, `#h(2em)`) and set-up lines at the top (`#import`, `#set`, `#show`). Read as text, the
markup became the title. Here a call gives its content blocks' words and nothing of its arguments (an image, a
length, a line), set-up lines and comments are dropped, a heading (`= …`) is its words, and `*strong*` / `_emph_`
marks leave their words; a line alone whose only content is one styled call (underline, strong, emph, text) is the
document's set-apart line, given as the file's title hint when it stands before the first paragraph.
"""
from __future__ import annotations

import re

_SETUP = re.compile(r"^\s*#(?:import|include|set|show|let)\b")
_IDENT = re.compile(r"[A-Za-z][\w.-]*")
_STYLED = re.compile(r"^\s*#(?:underline|strong|emph|text|align|block)\b")


def _balanced(s: str, i: int, open_: str, close: str) -> int:
    """Index just past the bracket opened at s[i], or len(s) when it never closes."""
    depth = 0
    k = i
    while k < len(s):
        ch = s[k]
        if ch == "\\":
            k += 2
            continue
        if ch == '"' and open_ == "(":
            end = s.find('"', k + 1)
            k = end + 1 if end > 0 else len(s)
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return len(s)


def _words(s: str) -> str:
    """The words of a stretch of Typst markup: calls give their content blocks' words."""
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
        if ch == "#" and (m := _IDENT.match(s, i + 1)):
            i = m.end()
            if i < len(s) and s[i] == "(":
                i = _balanced(s, i, "(", ")")
            while i < len(s) and s[i] == "[":
                end = _balanced(s, i, "[", "]")
                out.append(_words(s[i + 1:end - 1]))
                i = end
            continue
        if ch in "*_" and (i == 0 or not s[i - 1].isalnum()):
            i += 1   # *strong* / _emph_: the marks, not the words
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def typst_text(source: str) -> tuple[str, dict[str, str]]:
    """(the text, the file's hints) of a Typst source."""
    body = "\n".join(line for line in source.split("\n")
                     if not (_SETUP.match(line) or line.lstrip().startswith("//")))
    body = re.sub(r"(?m)^(\s*)=+\s+", r"\1", body)   # = 标题: a heading's words
    lines: list[str] = []
    for line in _words(body).split("\n"):
        words = " ".join(line.split())
        if words or (lines and lines[-1]):
            lines.append(words)
    hints: dict[str, str] = {}
    for line in body.split("\n"):
        words = " ".join(_words(line).split())
        if len(words) > 40:
            break   # the first paragraph: a set-apart line after it is no heading
        if _STYLED.match(line) and _balanced_whole(line.strip()) and len(words) >= 4 and not re.search(r"[:：]", words):
            hints["title"] = words
            break
    return "\n".join(lines).strip() + "\n", hints


def _balanced_whole(s: str) -> bool:
    """The line is one call and nothing after it: #underline[…]."""
    m = _IDENT.match(s, 1) if s.startswith("#") else None
    if m is None:
        return False
    i = m.end()
    if i < len(s) and s[i] == "(":
        i = _balanced(s, i, "(", ")")
    while i < len(s) and s[i] == "[":
        i = _balanced(s, i, "[", "]")
    return i == len(s) and "[" in s
