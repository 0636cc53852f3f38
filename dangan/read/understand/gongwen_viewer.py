"""A dataset viewer's page as a clerk saves it (rule "viewer_rows"): the columns' header, each column's name over its
type and lengths (index / int64 0 / 21k | date / stringlengths 10 …), a |---|---| rule, then rows whose cells are set
apart by " | ". The header names no document; a row's cells are its fields and its text, a document's lines run
together (20,922 | 2020-10-13 | 山西省…的通知 | 山西省…的通知 / 山西省…的通知 / (晋政办发…)). Read as the text the
cells hold: the header blanked, each cell on its own line. Every character keeps its offset (the header's become
spaces, " | " becomes " \\n "), so what is read still points into the page as saved.
"""
from __future__ import annotations

import re

from dangan.read.understand import rules

# A viewer's column types: a header names three or more of them before its rule.
_TYPE = re.compile(r"\b(?:stringlengths|stringclasses|int64|int32|float64|float32|sequence|dict|bool|timestamp\[\w+\])")
_RULE = re.compile(r"\|?(?:\s*-{3,}\s*\|)+\s*-*\s*\|?")
_HEADER_LINES = 80


def viewer_rows(text: str) -> str:
    """`text` with a dataset viewer's header blanked and its rows' cells a line each; `text` itself otherwise."""
    if not rules.on("viewer_rows"):
        return text
    lines = text.split("\n")
    rule = next((i for i, line in enumerate(lines[:_HEADER_LINES]) if _RULE.fullmatch(line.strip())), None)
    if rule is None or len(_TYPE.findall("\n".join(lines[:rule]))) < 3:
        return text
    header = "\n".join(" " * len(line) for line in lines[:rule + 1])
    rows = "\n".join(lines[rule + 1:]).replace(" | ", " \n ")
    return header + "\n" + rows


# A JSON file's records shown as text (a dataset viewer's page of a .json file, its | | cells after each line): a
# record a line of its own per field ("title": "中华人民共和国城乡规划法", / "content": "第一章 总 则\n第一条 …\n"),
# brackets and braces on lines of their own. The document's heading is the records' title field, its text their
# string values. Read as a clerk reads the records (rule "record_lines"): the keys, quotes, brackets and cells blanked,
# a title field's value kept once (each record repeating it is one document's part), the escaped line breaks (\n)
# made breaks. A JSON file read whole is record_document's (read/extract/records.py); this is the file shown on a page.
_FIELD = re.compile(r'^(?P<lead>\s*"(?P<key>[^"\\]{1,40})"\s*:\s*")(?P<value>(?:[^"\\]|\\.)*)(?P<tail>"?\s*,?\s*(?:\|\s*)*)$')
_BRACKETS = re.compile(r"^\s*[\[\]{}]\s*,?\s*(?:\|\s*)*$")
_TITLE_FIELD = re.compile(r"(?:\w+_)?title|标题|题名|名称|文件名称|文件标题", re.IGNORECASE)


def json_records(text: str) -> str:
    """`text` with JSON records shown a field a line read as the text their fields hold; `text` itself otherwise.
    Every character keeps its offset (what is blanked becomes spaces, an escaped \\n becomes a space and a break)."""
    if not rules.on("record_lines"):
        return text
    lines = text.split("\n")
    fields = {i: m for i, line in enumerate(lines) if (m := _FIELD.match(line)) is not None}
    titles = [i for i, m in fields.items() if _TITLE_FIELD.fullmatch(m.group("key"))]
    if not titles or sum(1 for line in lines if _BRACKETS.match(line)) < 2:
        return text
    out, seen = [], set()
    for i, line in enumerate(lines):
        m = fields.get(i)
        if _BRACKETS.match(line) or (m is not None and i in titles and m.group("value") in seen):
            out.append(" " * len(line))
        elif m is None:
            out.append(line)
        else:
            if i in titles:
                seen.add(m.group("value"))
            value = m.group("value").replace("\\n", " \n")
            out.append(" " * len(m.group("lead")) + value + " " * len(m.group("tail")))
    return "\n".join(out)
