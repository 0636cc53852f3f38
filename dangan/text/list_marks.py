"""The mark a list item opens with, as plain text keeps it.

A speech typed in Word or WPS and pasted or saved as text, or written in Markdown, keeps its list
marks at the start of each item's line: bullets (• · ● ○ ◆ ■ ➢ √ ★ …, and Word's Symbol and
Wingdings bullets, which plain text keeps as private-use characters  ,  or as the Latin
letters of their code points Ø § ü followed by a tab), Markdown's - * + (with a task box - [ ]),
a dash run (—— 加强…), and item numbers no outline numbering reads: 1) 1） a) and the enclosed
numbers ① ⑴ ⒈. The mark is layout, not words: a reader that looks at how a sentence opens
(its subject, its first verb) must read past it. Numbers an outline reads as part numbers
(一、 （一） 1. 1、 （1）) are not list marks here; the outline takes them off.
"""
from __future__ import annotations

import re

__all__ = ["LIST_MARK_RE", "drop_list_mark", "outline_place"]

# Bullets that never open a word: no space needed after them.
_GLYPHS = "•·‧∙●○◦◆◇■□▪▫►▶▸➢➤➣➔→√✓✔✗☆★☐☑☒◎\uf06c\uf06e\uf075\uf076\uf0a7\uf0b7\uf0d8\uf0e0\uf0fc"
LIST_MARK_RE = re.compile(
    r"^\s*(?:"
    rf"(?:[{_GLYPHS}]|[-*+－](?=\s)|[Ø§ü](?=\t)|—{{1,2}}|–|[①-⑳⑴-⒇⒈-⒛]|\d{{1,2}}[)）]|[a-z][)）])"
    r"\s*(?:\[[ xX]\]\s*)?"
    r")+"
)


def drop_list_mark(line: str) -> str:
    """`line` without the list mark (or marks: - • ) it opens with; unchanged when it opens with none."""
    m = LIST_MARK_RE.match(line)
    return line[m.end():] if m else line


def outline_place(numbers: str | None) -> str:
    """Where a task stands in its speech, as the outline numbers it came under were stored joined
    (二、一是, 三、1、, 二、), for a reader: without the last number's closing mark, which dangled after
    the speech's title on the 督办台账 (来源：…讲话 三、1、).  二、一是 stays, 三、1、 reads 三、1, 二、 reads 二."""
    return (numbers or "").strip().rstrip("、，,.．。 ").strip()
