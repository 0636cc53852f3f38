"""Paths as text that can be stored, printed and written: names from old zips or
Windows shares may carry GBK bytes that are not UTF-8."""
from __future__ import annotations

import os
from pathlib import Path


def path_text(path: Path | str) -> str:
    """The path as readable text: UTF-8 if it is, else GB18030, else with replacement marks."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "/".join(_part(part) for part in text.split("/"))


def _part(part: str) -> str:
    """One path component, decoded on its own: a UTF-8 folder may hold a GBK-named file."""
    raw = os.fsencode(part)
    for encoding in ("utf-8", "gb18030", "big5hkscs"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")
