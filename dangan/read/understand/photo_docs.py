"""A Word or PowerPoint file of photos (照片佐证): its 标题 and 文种, read apart from the official-document reader.

The evidence an office receives most is a Word file of pictures — a 公示栏, a banner, a signed 签到表, a notice
pasted in as a picture — with a caption line or none. Such a file is "mostly pictures" when its own words are
no more than captions beside the pictures worth reading (extract/office_pictures). It is then photo evidence, as
a JPEG is: 文种 照片 unless the pictures hold a real heading (a notice pasted in keeps its own 标题 and 文种), and
its 标题 is the best of: that heading, the clerk's caption, the file name (unless a camera's), what the reader
made of the pictures' text.

This step runs after `metadata.read_facts` (ingest, the OCR stage, reread) and never changes a document that is
not mostly pictures: the element reader's rules stay its own.
"""
from __future__ import annotations

import re
from dataclasses import replace

from dangan.model import FILE_NAME_CONFIDENCE, MetaValue, OfficialMeta
from dangan.text.normalize import half_width

__all__ = ["PHOTO_TYPE", "caption_of", "mostly_pictures", "photo_facts"]

PHOTO_TYPE = "照片"
# A caption, and a line or two saying when and where, per picture; a report with a chart has hundreds of
# characters per picture (the test's caption and 说明 note of 1 picture: 95 characters).
CAPTION_CHARS = 80
CAPTION_FLOOR = 120
HEADING = 0.6   # the reader's confidence in a title it read as a heading (its guesses: 0.2–0.4)
# how a clerk prefixes a caption: 图1：…, 照片2、…, 附图 …
_CAPTION_MARK = re.compile(r"^(?:附?(?:图|照片|图片)\s*[\d一二三四五六七八九十]*\s*[:：、.．\s]\s*)")
_NOT_CAPTION = re.compile(r"^(?:说明|备注|注|拍摄(?:时间|地点|人)?)[:：]|^[\W\d_]*$")
# a name a camera, a phone or a chat app gave: nothing a clerk would read as a title
_CAMERA = re.compile(r"^(?:IMG|DSC[NF]?|DCIM|PXL|MVIMG|VID|mmexport|wx_camera|Screenshot|微信图片|屏幕截图|"
                     r"截图|照片|图片|新建\s*(?:Microsoft\s*)?Word\s*文档|文档)?[\W\d_]*$", re.IGNORECASE)


def mostly_pictures(own_text: str, pictures: int) -> bool:
    """True when a file's own words are no more than captions beside its pictures worth reading."""
    if pictures < 1:
        return False
    chars = sum(1 for c in own_text if not c.isspace())
    return chars <= max(CAPTION_FLOOR, CAPTION_CHARS * pictures)


def caption_of(own_text: str) -> str | None:
    """The clerk's caption: the first line of the file's own words that names something (4–60 characters), its
    图1： mark taken off; a 说明：/拍摄时间： line is a note, not a caption."""
    for raw in own_text.splitlines():
        line = " ".join(half_width(raw).split())
        if not line:
            continue
        line = _CAPTION_MARK.sub("", line).strip()
        if _NOT_CAPTION.search(line):
            continue
        if 4 <= len(line) <= 60:
            return line
    return None


def camera_name(filename: str) -> bool:
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return bool(_CAMERA.match(stem.strip()))


def photo_facts(meta: OfficialMeta, own_text: str, pictures: int, filename: str) -> OfficialMeta:
    """The elements of a file that is mostly pictures (else `meta` unchanged): the reader's title when it read a
    heading (a notice pasted in as a picture), else the caption, else the file name unless a camera gave it, else
    the reader's guess; 文种 照片 unless the reader read a heading and a 文种 with it."""
    if not mostly_pictures(own_text, pictures):
        return meta
    heading = meta.title is not None and meta.title.confidence >= HEADING
    title = meta.title
    if not heading:
        caption = caption_of(own_text)
        stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].strip()
        if caption:
            title = MetaValue(caption, 0.5)
        elif stem and not camera_name(filename):
            title = MetaValue(stem, FILE_NAME_CONFIDENCE)
    doc_type = meta.doc_type if heading and meta.doc_type is not None else MetaValue(PHOTO_TYPE, 0.5)
    return replace(meta, title=title, doc_type=doc_type)
