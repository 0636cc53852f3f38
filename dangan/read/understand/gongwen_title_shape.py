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


# Words a heading's first line may end with when it wraps: a function word, 关于, 印发/转发, a figure or a period.
_OPENING_TAIL = re.compile(r"(?:[的和与及暨、在对年于为之]|关于|印发|转发|季度|上半年|下半年|\d)$")
# …and words a heading opens with: a year, 在 (在…上的讲话), 关于.
_OPENING_HEAD = re.compile(r"^(?:(?:19|20)\d{2}|[一二]〇|在|关于)")
# …and a heading that opens with an organ's name's tail: the unit was cut at the line's end (…规划和自然 / 资源局…).
# A list item's bullet (• · ▪ ● ◆ ■ ▶ ►) opening a line: a page's menu, toolbar or crumb item (rule "bullet_not_heading").
_BULLET = re.compile(r"^[•·▪●◆■▶►]")
_PLACE = re.compile(r"[省市区县镇乡]")   # …whose first words, on the line above, name its place (上海市普陀区规划和自然)
_UNIT_TAIL = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:局|厅|委员会|委|办公室|办|部|处|院|会|室|所|站|中心|公司|集团)")


def page_word_over(first: str, rest: str, organ_line: Callable[[str], bool],
                   issuer_of: Callable[[str], str | None]) -> bool:
    """A page's word set over a heading whole without it (接访信息详情 / 杏林社区…实施方案, 静网PWA视频评论 / 创建全国
    文明城市 / 工作简报), not its first words (rule "page_word_over_heading"): the heading under it is a whole title by
    itself, and the line is shorter than that heading, names no organ, opens no heading (关于, a year, 在…) and ends
    with no word a wrapped heading's first line ends with (的, 关于, 印发, a figure, a period); nor does it with the
    heading name an organ longer than the heading alone does (青山县 / 人民政府关于…, 上海市普陀区规划和自然 /
    资源局2024年度部门决算: a unit cut at the line's end), and the heading does not open with a
    session's ordinal whose body the line names (宏福苑业主立案法团 / 第十一届管理委员会第五次会议记录)."""
    if rules.on("bullet_not_heading") and _BULLET.match(first) and whole_title(rest):
        return True   # • 黑龙江新闻网 >> 龙江新闻 / …的通知: an item of the page's list, never a heading's first words
    if (not rules.on("page_word_over_heading") or not whole_title(rest) or len(first) >= len(rest)
            or rest.startswith("第") or (_UNIT_TAIL.match(rest) and _PLACE.search(first))):   # 第十一届管理委员会第五次会议记录 names a session of the body above it
        return False
    if organ_line(first) or _OPENING_HEAD.match(first) or _OPENING_TAIL.search(first) or "关于" in first:
        return False
    joined, alone = issuer_of(first + rest), issuer_of(rest)
    return not (joined is not None and (alone is None or len(joined) > len(alone)))
