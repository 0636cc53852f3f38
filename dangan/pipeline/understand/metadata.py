"""The understand stage as ingest sees it: official-document elements and evaluation items."""
from __future__ import annotations

import logging
import re

from dangan.model import Extracted, MetaValue, OfficialMeta
from dangan.pipeline.understand.normalize import PINYIN

log = logging.getLogger(__name__)

_NOISE = re.compile(r"^(下载|打印|全屏|收藏|【|原文链接|时间[:：]|导语|来源|[\W\d_]*$)")


def read_facts(extracted: Extracted, filename: str) -> tuple[OfficialMeta, tuple[str, ...]]:
    """Elements (GB/T 9704) and the evaluation items a document is linked to."""
    text = extracted.text
    try:
        from dangan.pipeline.understand.gongwen import read_metadata
    except ImportError:
        meta = OfficialMeta(title=fallback_title(text, filename))
    else:
        meta = read_metadata(text, extracted.layout, filename)
        if meta.title is None:
            meta = _with_title(meta, fallback_title(text, filename))
    if meta.title and PINYIN.search(meta.title.value):
        meta = _with_title(meta, MetaValue(PINYIN.sub("", meta.title.value), meta.title.confidence))
    return meta, ()


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
