"""The 发文机关 a page's or platform's publishing-unit field names, read only where nothing else named the author.

A 信息公开 page's field row (发布机构：X, or X on the line under the label), a law library's record row
(【发布单位】X, 【发布部门】X) and a policy platform's Markdown front matter (发布单位: X, the extractor's "publisher"
hint) name the unit that put the document out. That unit is often the author (validation_r23's 函: 发布机构 上海市住房和
城乡建设管理委员会 over a 函 whose date has no 署名; validation_r45's law-library page: 【发布单位】中共中央 over a 条例 that
names no author) but not always: a government's office publishes the government's papers (太湖县人民政府办公室 over
太湖县人民政府's notice), a bureau the city government's 决定. So it stands only after every reading of the text and the
file's own metadata (署名, 版头, organ over the heading, the body's author, a seal, an author field) gave nothing, at a
confidence below all of them (rule "publishing_unit_field"). A value that is no organ's name is not read: an empty
field, a placeholder (信息补充中), spam (bc365), a site or column (…网, 门户, 首页, 本站), a paper or news agency (…日报,
新华社) a copy was taken from, a site's house name with no place (区政府办); a 来源 row is never read (a 转载来源, not a
publishing unit).
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_lines import is_organ_line
from dangan.read.understand.gongwen_text import compact

CONFIDENCE = 0.3   # under every other issuer reading: an author field's 0.4, the file name's title's 0.5

# The labels of a publishing-unit field: 发布单位 / 发布机构 / 发布部门 (a platform's or library's record), 发文机关 /
# 制发机关 (a policy database's). Set off as a field: at a line's start or after a gap, a bar or a bullet, in 【】 or
# followed by a colon, a bar, a gap or the line's end; never inside a sentence (发文机关标志, 研究制定机关…).
LABELS = ("发布单位", "发布机构", "发布部门", "发文机关", "制发机关")   # also read by the HTML and Markdown extractors
_LABEL = "(?:" + "|".join(LABELS) + ")"
_ROW = re.compile(r"(?:^|(?<=[\s|•·]))(?:(?:【" + _LABEL + r"】|\[" + _LABEL + r"\])[ \t\u3000:：]*|" + _LABEL
                  + r"(?:[ \t\u3000]*[:：|][ \t\u3000|]*|[ \t\u3000]+|(?=\n)))"
                  r"(?P<value>[^\s|:：【]*)(?P<below>[ \t\u3000|]*\n(?:[ \t\u3000]*\n)*[ \t\u3000•·\-]*(?P<next>[^\n]*))?",
                  re.MULTILINE)
# A site, a column or a source a copy was taken from: a place that publishes, not an organ that writes.
_NOT_AN_AUTHOR = re.compile(r".*(?:网|网站|门户|首页|本站|日报|晚报|报社|新华社|通讯社|电视台|电台)|本站|本网")
# A site's house name for one of its own units, its place left off (区政府办, 区政府办公室, 政府办, 自治区人民政府): inside
# the site it is plain, on its own it names no organ (崆峒区's 信息公开 row 发布机构 区政府办 over the 区政府's 工作规则).
_NO_PLACE = re.compile(r"(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗)?(?:人民)?政府|(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗)"
                       r"(?=[\u4e00-\u9fff]{2})")
_LIST = re.compile(r"[、,，;；]")


def publishing_unit(text: str, hints: dict[str, str]) -> str | None:
    """The organ a publishing-unit field names: the text's own field rows first, then the file's record (a front
    matter's 发布单位, a page's record row the main text left out); None when the field is empty or names no organ."""
    if not rules.on("publishing_unit_field"):
        return None
    for m in _ROW.finditer(text):
        value = m.group("value")
        if not value and m.group("below") is not None:
            value = m.group("next").strip()   # the label alone, its value on the line under it
        if unit := _unit(value):
            return unit
    return _unit(hints.get("publisher", ""))


def _unit(value: str) -> str | None:
    """One organ's name, or organs listed with 、 or commas (joined with 、), each passing the organ test a 署名 is read
    by; none of them a site's, a column's or a news source's name, or a name with its place left off."""
    parts = [compact(x) for x in _LIST.split(value.strip()) if x.strip()]
    if not parts or not all(is_organ_line(x) and not _NOT_AN_AUTHOR.fullmatch(x) and not _NO_PLACE.match(x)
                            for x in parts):
        return None
    return "、".join(parts)
