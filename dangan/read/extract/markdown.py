"""Markdown read as Markdown: the text a reader sees, never the markup.

markdown-it-py (CommonMark, tables on) parses the file; headings, paragraphs,
list items, table rows and code blocks each become their own lines, so that a
heading never runs into the next one and `#`, `**`, `|`, link targets and HTML
tags never reach titles, search text or snippets. Line breaks inside a
paragraph are kept: Chinese minutes put one labelled line (日期：/地点：) per
line without blank lines between them. A YAML front matter block is dropped from the text; when
it is the file's record of the document (标题: …, 文号: …, as a policy repository's script writes it
above the text it took from an official page), its 标题, 文号 and 成文日期 become the file's hints, read
where the text states none, as an OFD's DocInfo is (rule "front_matter_fields"); a 发布日期 there is the
posting day, not the 成文日期; a 发布单位 is the publishing organ, kept as the `publisher` hint, which the reader takes
for the author only where nothing else names one (rule "publishing_unit_field").

A blog or site generator's front matter is read the same way (rule "site_front_matter"): the keys Hugo,
Jekyll and Hexo write (title:, date:), in YAML between --- lines, in TOML between +++ lines (Hugo's
title = '…'), or in YAML closed by --- alone (Hexo's prefix is optional). Its title is the file's title
hint, read where the body has no heading of its own (a post whose theme prints the title, the body
opening at its 称谓); its date, like a 发布日期, is the day the post went up: the page's posting day
(网页发布时间), never the 成文日期 (tests/data/elements/README.md: a front matter's date is the post's).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import MissingDependency
from dangan.model import Extracted, Page
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import register
from dangan.read.extract.text import decode_text, page_estimate
from dangan.read.understand import rules
from dangan.read.understand.publisher import LABELS as PUBLISHER_LABELS

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.S)
# Hugo's TOML front matter (+++ … +++), and Hexo's YAML with no opening line: key: value lines from the file's
# first line (English keys, indented or listed values under them) closed by --- (rule "site_front_matter").
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+\n(?P<body>.*?)\n\+\+\+\n", re.S)
_OPEN_FRONT_MATTER = re.compile(r"\A(?P<body>[A-Za-z_][\w-]*:[^\n]*(?:\n(?:[A-Za-z_][\w-]*:|[ \t]+\S|-[ \t])[^\n]*)*)\n---\n")
# One field of a front matter on its own line: key: value (no indent, a scalar value); TOML's key = value.
_FIELD = re.compile(r"(?P<key>[^\s:#\-][^:\n]{0,19}):[ \t]+(?P<value>\S.*?)[ \t]*")
_TOML_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w-]{0,19})[ \t]*=[ \t]*(?P<value>\S.*?)[ \t]*")
# The record's fields that are the document's elements, and the hint each gives.
_HINT_KEYS = {"标题": "title", "题名": "title", "文号": "doc_number", "发文字号": "doc_number", "成文日期": "date"}
# …and what a site generator's keys (lower-cased) or a record's 发布日期 give: the title, and the post's day (rule
# "site_front_matter").
_SITE_KEYS = {"title": "title", "date": "posted", "publishdate": "posted", "发布日期": "posted"}
# …and the record's publishing unit (rule "publishing_unit_field").
_PUBLISHER_KEYS = dict.fromkeys(PUBLISHER_LABELS, "publisher")
_TAG = re.compile(r"<[^>]{0,200}>")
_LEFT_STRONG = re.compile(r"(?:\*\*|__)(?=\S)([^*_\n]{1,80}?)(?<=\S)(?:\*\*|__)")


@register
class MarkdownExtractor:
    name: ClassVar[str] = "markdown"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.MARKDOWN})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        text, encoding = decode_text(path.read_bytes())
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        plain = markdown_to_text(text)
        return Extracted(pages=(Page(1, plain),), extractor=f"{self.name}:{encoding}",
                         page_count=page_estimate(plain), page_count_estimated=True, hints=front_matter_hints(text))


def front_matter(source: str) -> re.Match[str] | None:
    """The front matter block at the file's start: YAML between --- lines; with rule "site_front_matter" also
    Hugo's TOML between +++ lines and Hexo's YAML closed by --- alone."""
    if (front := _FRONT_MATTER.match(source)) is not None or not rules.on("site_front_matter"):
        return front
    if (front := _TOML_FRONT_MATTER.match(source)) is not None:
        return front
    front = _OPEN_FRONT_MATTER.match(source)   # a post's record names its title or date: no text set over a rule
    return front if front is not None and re.search(r"(?m)^(?:title|date):", front.group("body")) else None


def front_matter_hints(source: str) -> dict[str, str]:
    """标题 / 文号 / 成文日期 of a YAML front matter as the file's hints (rule "front_matter_fields"); a site
    generator's title and the post's day (posted) too (rule "site_front_matter"), and the record's 发布单位 (publisher,
    rule "publishing_unit_field")."""
    front = front_matter(source)
    if front is None or not rules.on("front_matter_fields"):
        return {}
    toml = front.group(0).startswith("+++")
    keys = {**_HINT_KEYS, **(_SITE_KEYS if rules.on("site_front_matter") else {}),
            **(_PUBLISHER_KEYS if rules.on("publishing_unit_field") else {})}
    hints: dict[str, str] = {}
    for m in map((_TOML_FIELD if toml else _FIELD).fullmatch, front.group("body").split("\n")):
        if m and (hint := keys.get(m.group("key").strip().lower())) and hint not in hints:
            value = m.group("value")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]   # a quoted YAML or TOML scalar
            if value.strip():
                hints[hint] = value.strip()
    return hints


def markdown_to_text(source: str, _depth: int = 0) -> str:
    """Plain text of a Markdown document, one block per line."""
    try:
        from markdown_it import MarkdownIt
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise MissingDependency(package="markdown-it-py") from exc
    if _depth == 0 and (front := front_matter(source)) is not None:
        source = source[front.end():]
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    lines: list[str] = []
    row: list[str] | None = None
    prefix = ""                     # "1．" before the first line of an ordered list item
    for tok in tokens:
        if tok.type == "list_item_open":
            prefix = f"{tok.info}．" if tok.info else ""
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            lines.append(_row_text(row))
            row = None
        elif tok.type == "table_open":
            lines.append("")
        elif tok.type == "inline":
            text, prefix = prefix + _inline(tok.children or []), ""
            if row is not None:
                row.append(text.replace("\n", " ").strip())
            else:
                lines.extend(text.split("\n"))
        elif tok.type in ("fence", "code_block"):
            lines.extend(tok.content.rstrip("\n").split("\n"))
        elif tok.type == "html_block":
            stripped = _TAG.sub("", tok.content).strip()
            if stripped:   # Markdown after an HTML line, up to the next blank line, is still Markdown
                inner = markdown_to_text(stripped, _depth + 1) if _depth < 2 else stripped
                lines.extend(inner.strip("\n").split("\n"))
        elif tok.type in ("heading_close", "paragraph_close", "blockquote_close", "bullet_list_close",
                          "ordered_list_close", "table_close"):
            lines.append("")
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _row_text(cells: list[str]) -> str:
    """A table row on one line; a two-cell row whose first cell is a short label reads as a
    labelled line (| 日期 | 二〇二二年八月二十日 | → 日期：二〇二二年八月二十日)."""
    cells = [cell for cell in cells if cell]
    if (len(cells) == 2 and len(cells[0]) <= 6 and not cells[0].endswith(("：", ":"))
            and rules.on("markdown_label_rows")):
        return f"{cells[0]}：{cells[1]}"
    return "  ".join(cells)


def _inline(children: list[Any]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content or "")
        # link_open/close, em/strong open/close and html_inline carry no text of their own
    # CommonMark does not close **粗体：**二〇… (punctuation before, a CJK character after): the
    # marks come through as text; take them out.
    return _LEFT_STRONG.sub(r"\1", "".join(out))
