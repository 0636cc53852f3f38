"""Text preparation for reading official-document elements (used by `gongwen`).

`prepare()` derives a working copy of a document's text in which the element
patterns can be simple: pinyin annotations removed (`創(chuàng)建` → `創建`),
Traditional → Simplified with OpenCC `t2s` (same length), full-width digits and
Latin letters → ASCII. It keeps, for every working character, its offset in the
input, so spans point into the text the caller gave. The working copy is split
into stripped, non-empty lines, and web-page chrome (下载/打印/字号/【法宝引证码】/
原文链接/breadcrumbs) is flagged so it is never taken for a heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dangan.read.understand import rules
from dangan.text.cjk import CJK
from dangan.text.pinyin import strip_pinyin_mapped as strip_pinyin
from dangan.text.script import to_simplified

# Full-width digits and letters → ASCII; zero-width and no-break spaces → space.
_TO_ASCII = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u200b\ufeff\xa0]+")
_LINE = re.compile(r"[^\r\n]+")
_SPACE = "\t \u3000\u2002\u2003\u00a0"

# Whole lines that are page chrome of a web copy, never part of a document's heading.
NOISE = re.compile(
    r"^(?:下载|打印|全屏|收藏|加大|还原|减小|关闭|关闭窗口|打印本页|分享[:：]?|首页|[小中大]|"
    r"[>》<«|｜【】\[\]]+|【?\s*(?:字号|字体)[:：].*|【法宝引证码】.*|原文链接[:：].*|当前位置[:：]?.*|"
    r"来源[:：].*|(?:发表|发布|更新)?时间[:：].*|阅读量[:：]?.*|(?:阅读|浏览)次数.*|(?:责任)?编辑[:：].*|"
    r"相关报道[:：]?|扫一扫.*|导语[:：].*|上一篇.*|下一篇.*|"
    r"[-—–－]?\s*\d{1,4}\s*[-—–－]?|第\s*\d+\s*页.*|"
    r"\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
_BARE_KEY = re.compile(r"(?:来源|(?:发表|发布|更新)?时间|阅读量|(?:责任)?编辑|作者)\s*[:：]$")
_CJK = CJK + "（）《》“”、，：；"
# Spaces with a CJK character on at least one side (never between two digits).
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[\s\u3000]+(?=[{_CJK}\d])|(?<=\d)[\s\u3000]+(?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the working text, stripped; offsets into the working text."""

    text: str
    start: int
    end: int
    noise: bool


@dataclass(frozen=True, slots=True)
class Prepared:
    work: str
    # origin[i]: offset in the input of work[i] (origin[len] = len(input)); None when the
    # working text is as long as the input (no pinyin removed), so offsets are the same.
    origin: tuple[int, ...] | None
    lines: tuple[Line, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of work[start:end]."""
        if self.origin is None:
            return (start, max(start, end))
        if end <= start:
            return (self.origin[start], self.origin[start])
        return (self.origin[start], self.origin[end - 1] + 1)


def _ascii(m: re.Match[str]) -> str:
    return "".join(" " if ch in "\u200b\ufeff\xa0" else chr(ord(ch) - 0xFEE0) for ch in m.group())


def compact(text: str) -> str:
    """Drop spaces between CJK characters and digits (PDFs space out 山 西 省, 2023 年)."""
    text = text.strip(_SPACE)
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text
    return _CJK_GAP.sub("", text)


# A breadcrumb on one line (首页 > 新闻 > 云南要闻) or a section name alone (云南要闻, 图片新闻).
_CRUMBS = re.compile(r"^[^>»＞›]{1,16}(?:\s*[>»＞›]\s*[^>»＞›]{1,16}){2,}$")
_SECTION = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:要闻|新闻|动态|快讯|图片新闻|视频新闻|头条)$")


def _furniture(text: str) -> bool:
    """Page furniture of a web copy (rule "page_furniture"): never a heading."""
    return rules.on("page_furniture") and (_CRUMBS.match(text) is not None or _SECTION.match(compact(text)) is not None)


def _split_lines(work: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    for m in _LINE.finditer(work):
        raw = m.group()
        left = len(raw) - len(raw.lstrip(_SPACE))
        text = raw.strip(_SPACE)
        if text:
            start = m.start() + left
            noise = len(text) <= 120 and (NOISE.match(compact(text)) is not None or _furniture(text))
            lines.append(Line(text, start, start + len(text), noise))
    # Breadcrumbs (首页 > 政务信息 > 要闻): the neighbours of a ">" line are chrome too;
    # so is the value under a bare key line (来源：/ 陕西省人民政府).
    for i, line in enumerate(lines):
        if _BARE_KEY.match(line.text) and i + 1 < len(lines) and len(lines[i + 1].text) <= 30:
            nxt = lines[i + 1]
            lines[i + 1] = Line(nxt.text, nxt.start, nxt.end, True)
        if line.text in (">", "》", "&gt;"):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and len(lines[j].text) <= 12 and not lines[j].noise:
                    lines[j] = Line(lines[j].text, lines[j].start, lines[j].end, True)
    return tuple(lines)


def prepare(text: str) -> Prepared:
    work, origin = strip_pinyin(text)
    work = _TO_ASCII.sub(_ascii, to_simplified(work))
    return Prepared(work, tuple(origin) if origin is not None else None, _split_lines(work))
