"""The understand stage as ingest sees it: official-document elements and evaluation items."""
from __future__ import annotations

import logging
import re

from dangan.model import Extracted, MetaValue, OfficialMeta
from dangan.read.understand.classify import ItemScore, Taxonomy, classify
from dangan.read.understand.gongwen import read_metadata
from dangan.text.normalize import PINYIN

log = logging.getLogger(__name__)

_NOISE = re.compile(r"^(下载|打印|全屏|收藏|【|原文链接|时间[:：]|导语|来源|[\W\d_]*$)")


def read_facts(extracted: Extracted, filename: str,
               taxonomy: Taxonomy | None = None) -> tuple[OfficialMeta, tuple[ItemScore, ...]]:
    """Elements (GB/T 9704) and the evaluation items a document is linked to."""
    text = extracted.text
    meta = read_metadata(text, extracted.layout, filename)
    if meta.title is None:
        meta = _with_title(meta, fallback_title(text, filename))
    if meta.title and PINYIN.search(meta.title.value):
        meta = _with_title(meta, MetaValue(PINYIN.sub("", meta.title.value), meta.title.confidence))
    title = meta.title.value if meta.title else None
    items = tuple(classify(text, title, taxonomy)) if taxonomy and text.strip() else ()
    return meta, items


def fallback_title(text: str, filename: str) -> MetaValue:
    """The first meaningful line, else the file name: a title to show, marked unsure."""
    for line in text.splitlines()[:30]:
        line = line.strip()
        if 4 <= len(line) <= 80 and not _NOISE.match(line):
            return MetaValue(PINYIN.sub("", line), 0.3)
    stem = filename.rsplit(".", 1)[0]
    return MetaValue(stem, 0.2)


def _with_title(meta: OfficialMeta, title: MetaValue) -> OfficialMeta:
    from dataclasses import replace

    return replace(meta, title=title)


def taxonomy_rows(taxonomy: Taxonomy) -> list[tuple[str, str, str | None, str | None]]:
    """(code, name, parent, standard) for the catalog's items table."""
    rows: list[tuple[str, str, str | None, str | None]] = []
    for item in taxonomy.items:
        rows.append((item.code, item.name, None, None if item.contents else (item.standard or None)))
        rows.extend((c.code, c.name, item.code, c.standard or None) for c in item.contents)
    return rows
