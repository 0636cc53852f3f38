"""The numbered outline of a speech or report.

Official Chinese texts number their parts 一、 > （一） > 1. / 1、 > （1） > ①,
but a speech may skip levels (一、 then 1、) and enumerate inside a paragraph
(一是…二是…, 第一，…第二，…, 首先…其次…最后…). We read paragraph by paragraph
with a stack of open numbering styles: a style already open closes everything
opened after it (so 1、 after a new 一、 starts over), a style not open yet
nests under the innermost open part.

The text should be prepared first (`speech_text.prepare_text`) when it comes
from a web copy; half-width `1.` and `(1)` are read as well.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["cn_number", "OutlineNode", "ParsedSpeech", "parse_document", "parse_outline", "iter_nodes"]

_CN_DIGITS = "零〇一二三四五六七八九十百"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 99}

# Paragraph-start numbering, one pattern per style. Group 1 is the value.
_LINE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(r"^([一二三四五六七八九十百]{1,3})[、．.]")),
    ("cn_paren", re.compile(r"^[（(]([一二三四五六七八九十百]{1,3})[）)]")),
    ("arabic", re.compile(r"^(\d{1,3})(?:[、．]|\.(?!\d)|\.(?=\d{4}年))(?![、．.])")),
    ("arabic_paren", re.compile(r"^[（(](\d{1,3})[）)]")),
    ("circled", re.compile(rf"^([{_CIRCLED}])")),
    ("di", re.compile(r"^第([一二三四五六七八九十]{1,3})(?:[，,、：:]|是)")),
    ("shi", re.compile(r"^([一二三四五六七八九十]{1,3})是")),
    ("sequence", re.compile(r"^(首先|其次|再次|最后)(?=[，,、：:])")),
)
# Styles that need a predecessor (or value 1) to count as numbering at all.
_WEAK_STYLES = frozenset({"di", "shi", "sequence"})

_BOUNDARY = r"(?:(?<=^)|(?<=[。；！？：，,;:\s”）]))"
_INLINE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("shi", re.compile(_BOUNDARY + r"([一二三四五六七八九十]{1,3})是")),
    ("di", re.compile(_BOUNDARY + r"第([一二三四五六七八九十]{1,3})(?=[，,、：:]|是)")),
    ("sequence", re.compile(_BOUNDARY + r"(首先|其次|再次|最后(?=[，,、：:]))")),
    ("circled", re.compile(rf"([{_CIRCLED}])")),
    ("arabic_paren", re.compile(_BOUNDARY + r"[（(](\d{1,2})[）)]")),
)

# Styles whose markers may also run inside one paragraph (①…；②…).
_INLINE_STYLE_NAMES = frozenset(name for name, _ in _INLINE_STYLES)
_SENTENCE_END = "。！？；!?;"
_EPILOGUE_RE = re.compile(r"^(?:我相信|我们相信|相信|总之|总而言之|(?:同志们|各位代表)[，！,!]|让我们|最后，让我们)")
_SECTION_TITLE_RE = re.compile(r"^[\u4e00-\u9fff\d“”《》\s—]{2,20}$")
_DATE_LINE_RE = re.compile(r"^[\d〇○零一二三四五六七八九十]{2,4}年.{1,4}月.{1,3}日$")
_MAX_HEADING = 40
_LEAD_IN_MAX = 100


def cn_number(value: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 120 → 一百二十 (a text of over 99 paragraphs has them)."""
    digits = "零一二三四五六七八九"
    if value >= 100:
        hundreds, rest = divmod(value, 100)
        head = (cn_number(hundreds) if hundreds < 100 else str(hundreds)) + "百"
        if not rest:
            return head
        return head + ("零" + digits[rest] if rest < 10 else digits[rest // 10] + "十" + (digits[rest % 10] if rest % 10 else ""))
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def cn_value(numeral: str) -> int:
    """Value of a small Chinese numeral (一 .. 九十九, 百)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    if numeral == "百":
        return 100
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    value = 0
    for char in numeral:
        value = value * 10 + digits.get(char, 0)
    return value


def _value(style: str, raw: str) -> int:
    if style in ("arabic", "arabic_paren"):
        return int(raw)
    if style == "circled":
        return _CIRCLED.index(raw) + 1
    if style == "sequence":
        return _SEQUENCE_WORDS[raw]
    return cn_value(raw)


@dataclass(frozen=True, slots=True)
class OutlineNode:
    """One numbered part: `number` as written (`一、`, `（二）`, `1、`, `一是`)."""

    number: str
    heading: str
    text: str
    level: int
    children: tuple[OutlineNode, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "level": self.level,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass(frozen=True, slots=True)
class ParsedSpeech:
    """The outline plus the unnumbered text before and after it."""

    preamble: str
    nodes: tuple[OutlineNode, ...]
    epilogue: str


@dataclass(slots=True)
class _Builder:
    number: str
    heading: str
    style: str
    value: int
    is_paragraph_item: bool
    texts: list[str] = field(default_factory=list)
    children: list[_Builder] = field(default_factory=list)

    def freeze(self, level: int) -> OutlineNode:
        return OutlineNode(
            number=self.number,
            heading=self.heading,
            text="\n".join(t for t in self.texts if t),
            level=level,
            children=tuple(child.freeze(level + 1) for child in self.children),
        )


def split_heading(rest: str) -> tuple[str, str, bool]:
    """Split what follows a number into (heading, text, is_paragraph_item).

    A short line without final punctuation is a heading. Otherwise the first
    sentence (or, when that is long, its first clause) is the heading; a full
    sentence used as heading is removed from the text, a clause is not.
    """
    rest = rest.strip().lstrip("，,、：: ")
    if len(rest) <= _MAX_HEADING + 10 and rest and rest[-1] not in _SENTENCE_END + "，,":
        return rest.rstrip("：:"), "", False
    m = re.search(rf"[{_SENTENCE_END}：:]", rest)
    if m and m.start() <= _MAX_HEADING:
        heading = rest[: m.start()]
        return heading, rest[m.end():].strip(), True
    m = re.search(r"[，,]", rest)
    if m and m.start() <= _MAX_HEADING:
        return rest[: m.start()], rest, True
    return "", rest, True


def _match_line(paragraph: str) -> tuple[str, str, int] | None:
    for style, pattern in _LINE_STYLES:
        m = pattern.match(paragraph)
        if m:
            return style, m.group(0), _value(style, m.group(1))
    return None


def _inline_chain(paragraph: str) -> tuple[str, list[re.Match[str]]] | None:
    """The longest run of inline markers 1, 2, 3… of one style, if ≥ 2."""
    best: tuple[str, list[re.Match[str]]] | None = None
    for style, pattern in _INLINE_STYLES:
        chain: list[re.Match[str]] = []
        expected = 1
        for m in pattern.finditer(paragraph):
            value = _value(style, m.group(1))
            if value == expected or (style == "sequence" and value == 99 and chain):
                chain.append(m)
                expected = value + 1
            elif value == 1 and len(chain) < 2:
                chain, expected = [m], 2
        if len(chain) >= 2 and (best is None or len(chain) > len(best[1])):
            best = (style, chain)
    return best


def split_inline(paragraph: str, depth: int = 0) -> tuple[str, list[_Builder]]:
    """Split 一是…二是… (and kin) inside a paragraph into child items."""
    found = _inline_chain(paragraph)
    if found is None:
        return paragraph, []
    style, chain = found
    intro = paragraph[: chain[0].start()].strip()
    items: list[_Builder] = []
    for index, m in enumerate(chain):
        end = chain[index + 1].start() if index + 1 < len(chain) else len(paragraph)
        segment = paragraph[m.end(): end].strip()
        number = m.group(0)
        if style == "di" and segment.startswith("是"):
            number, segment = number + "是", segment[1:]
        heading, text, _ = split_heading(segment)
        item = _Builder(number, heading, style, _value(style, m.group(1)), True)
        if depth < 1:
            item_text, grandchildren = split_inline(text, depth + 1)
            item.texts.append(item_text)
            item.children.extend(grandchildren)
        else:
            item.texts.append(text)
        items.append(item)
    return intro, items


def _add_text(node: _Builder, paragraph: str) -> None:
    text, items = split_inline(paragraph)
    node.texts.append(text)
    node.children.extend(items)


def _is_section_title(paragraphs: list[str], index: int) -> bool:
    """A short unnumbered line such as 名词解释 or 附件 that opens a new section."""
    line = paragraphs[index]
    if not _SECTION_TITLE_RE.match(line) or _DATE_LINE_RE.match(line):
        return False
    for following in paragraphs[index + 1: index + 3]:
        if _match_line(following) is not None:
            return True
        if not _SECTION_TITLE_RE.match(following):
            return False
    return False


def _numbering(paragraph: str, stack: list[_Builder]) -> tuple[str, str, int] | None:
    matched = _match_line(paragraph)
    if matched is None:
        return None
    style, _, value = matched
    siblings = stack[-1].children
    follows = bool(siblings) and siblings[-1].style == style
    if style in _WEAK_STYLES and value != 1 and not follows:
        if style not in [node.style for node in stack]:
            return None
    return matched


def _continuation_target(stack: list[_Builder]) -> _Builder:
    """Where an unnumbered paragraph goes: the open part, or its parent.

    After a heading line, or an item whose sentence only leads in (（一）…。
    followed by paragraphs), the paragraph continues the item. After an item
    that is a whole paragraph of its own (1、…。…。), it belongs to the parent.
    """
    target = stack[-1]
    if not target.is_paragraph_item or len(stack) <= 2:
        return target
    if sum(len(t) for t in target.texts) < _LEAD_IN_MAX and not target.children:
        target.is_paragraph_item = False  # from now on a part with paragraphs
        return target
    stack.pop()
    return stack[-1]


def parse_document(text: str) -> ParsedSpeech:
    """Read `text` paragraph by paragraph into preamble, outline and epilogue."""
    root = _Builder("", "", "root", 0, False)
    stack: list[_Builder] = [root]
    preamble: list[str] = []
    epilogue: list[str] = []
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    in_epilogue = False
    for index, paragraph in enumerate(paragraphs):
        started = len(root.children) > 0
        if started and _is_section_title(paragraphs, index):
            in_epilogue = False
            if stack[-1].style == "section" and not stack[-1].texts and not stack[-1].children:
                stack[-1].heading += " " + paragraph
                continue
            del stack[1:]
            node = _Builder("", paragraph, "section", 0, False)
            root.children.append(node)
            stack.append(node)
            continue
        matched = _numbering(paragraph, stack)
        if matched is not None and in_epilogue and matched[0] in _WEAK_STYLES:
            matched = None
        chain = _inline_chain(paragraph) if matched is not None else None
        if (matched is not None and chain is not None and chain[1][0].start() == 0
                and chain[0] == matched[0] in _INLINE_STYLE_NAMES):
            matched = None  # "①…；②…" or "一是…。二是…" in one paragraph: items of the open part
        if matched is None:
            if not started:
                preamble.append(paragraph)
            elif in_epilogue or _EPILOGUE_RE.match(paragraph):
                in_epilogue = True
                epilogue.append(paragraph)
            else:
                _add_text(_continuation_target(stack), paragraph)
            continue
        if in_epilogue:
            # Closing words in mid-document (各位代表，…) belong to the part before.
            in_epilogue = False
            for held in epilogue:
                _add_text(stack[-1], held)
            epilogue.clear()
        style, number, value = matched
        if style in [node.style for node in stack]:
            while stack[-1].style != style:
                stack.pop()
            stack.pop()
        heading, body, is_item = split_heading(paragraph[len(number):])
        node = _Builder(number, heading, style, value, is_item)
        if body:
            _add_text(node, body)
        stack[-1].children.append(node)
        stack.append(node)
    return ParsedSpeech(
        preamble="\n".join(preamble),
        nodes=tuple(child.freeze(1) for child in root.children),
        epilogue="\n".join(epilogue),
    )


def parse_outline(text: str) -> list[OutlineNode]:
    """The numbered parts of `text`, nested; unnumbered lead-in text is left out."""
    return list(parse_document(text).nodes)


def iter_nodes(
    nodes: Sequence[OutlineNode], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], OutlineNode]]:
    """Yield (path of numbers, node) depth first."""
    for node in nodes:
        here = path + (node.number,)
        yield here, node
        yield from iter_nodes(node.children, here)
