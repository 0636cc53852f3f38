"""A chosen title held to the shape of a title, whichever reading chose it (rule "title_shape").

Measured on the 490 labelled titles of tests/data/elements/labels.json (52 families; bench/README.md,
cross-family round 5): 91% end in a 文种 word and 94% in a 文种 or a name a title ends with (…细则, …办法);
none holds a table's bar (|), a clock time (09:13), a markup tag (<o:p>, </h1>) or call (#align(…)[…]), a file
name's shape (no Chinese character at all, parts joined by _) or a page label (_第2页). A heading read where
GB/T 9704 sets it that has such a form, or does not end like a title, is the page's words (a site's page label
浏览记录, a forum's posting row 发表于… | 显示全部楼层 |阅读模式, a dataset viewer's header 'value |') when another
of the reader's own title readings finds, in the same text, a whole title (gongwen_title.plausible: ends like a
title, no sentence mark, a title's length): that one is taken. No new reading of lines: the readings asked are
the ones read_metadata tries when the heading block gives nothing (the run-on block, a long title line, a page's
title label, a heading run into the text, the clerk's candidates of the head with their title-block joining, a
document-sharing page's file name).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_text import compact
from dangan.read.understand.gongwen_title import plausible, whole_title

# Forms no labelled title has: a table's bar, a clock time, markup (a tag, a Typst/Markdown call), a page label.
_PAGE_FORM = re.compile(r"\||\d{1,2}:\d{2}|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>|#[a-z]+[(\[]|_?第\d{1,4}[页頁]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A bracketed tail a title may carry at this point: its 发文字号, (摘要), (试行), an issue's (2022年·第9期).
_TAIL = re.compile(r"[（(][^（()）]{1,30}[)）]$")


def unlike_title(value: str) -> bool:
    """A form no labelled title has: a table's bar, a clock time, markup, a page label, a file name's shape."""
    s = compact(value)
    return bool(_PAGE_FORM.search(s)) or not _CJK.search(s) or "_" in s


def shaped_title(title: MetaValue | None, readings: Iterable[Callable[[], MetaValue | None]]) -> MetaValue | None:
    """`title`, unless it does not look like a title and one of `readings` (tried in turn) gives a whole title."""
    if title is None or not rules.on("title_shape"):
        return title
    value = compact(title.value)
    if whole_title(_TAIL.sub("", value)) and not unlike_title(value):
        return title
    for read in readings:
        other = read()
        if other is not None and (alt := compact(other.value)) not in value and _shaped(alt):
            return other
    return title


def _shaped(s: str) -> bool:
    """A whole title with no page form, its brackets closed (not 厅印发《…方案》（粤办函, cut at a line's end) and none
    opening it (no labelled title opens with a bracket: (此件公开发布) is a 附注)."""
    return (plausible(s) and not unlike_title(s) and s[:1] not in "(（"
            and s.count("（") + s.count("(") == s.count("）") + s.count(")"))
