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
