"""Clean a speech's text before reading its structure.

Web copies of speeches arrive in Traditional characters, with a pinyin
annotation after many characters (`創(chuàng)建`), half-width punctuation and
now and then a few mojibake bytes. `prepare_text` turns them into plain
Simplified Chinese with full-width punctuation; `split_header` takes off the
title, the `时间：` line and web-page noise (`导语：…`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dangan.text.cjk import CJK, TONED
from dangan.text.pinyin import strip_pinyin
from dangan.text.script import to_simplified

__all__ = ["Header", "prepare_text", "split_header", "strip_pinyin", "to_simplified"]

_CJK = CJK
_TONED = TONED

# Mojibake: GBK bytes that were read one byte out of step. The run is framed
# by `?` (a lost byte) and holds a Private Use Area character.
_MOJIBAKE_RE = re.compile(r"\?([!-~]?[\u4e00-\u9fff\ue000-\uf8ff]{1,12})\?(?=(?:([a-z" + _TONED + r"]{1,6})\))?)")
_PUA_RE = re.compile(r"[\ue000-\uf8ff]")

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_RE = re.compile(rf"(?<=[{_CJK}”’）])([,:;?!])|([,:;?!])(?=[{_CJK}“‘])")
_PAREN_RE = re.compile(rf"\(([{_CJK}、，]{{1,20}})\)")

_NOISE_PREFIXES = ("导语：", "导语:", "来源：", "来源:", "作者：", "责任编辑", "下载", "打印", "字号")
_TIME_LINE_RE = re.compile(r"^(?:时间|日期|发布时间)[：:]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def _repair_one(match: re.Match[str], text: str) -> str:
    run, syllable = match.group(1), match.group(2)
    if not _PUA_RE.search(run):
        return match.group(0)
    widened = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in run)
    try:
        raw = widened.encode("gb18030")
    except UnicodeEncodeError:
        return match.group(0)
    # The first `?` stands for a lost lead byte; punctuation rows are likeliest.
    for lead in (0xA1, 0xA3):
        body = bytes([lead]) + raw
        tail = b""
        if len(body) % 2:
            body, tail = body[:-1], body[-1:]
        try:
            fixed = body.decode("gbk")
        except UnicodeDecodeError:
            continue
        if _PUA_RE.search(fixed):
            continue
        # The second `?` swallowed the trail byte of one more character and
        # the `(` of its pinyin: find that character elsewhere in the text,
        # annotated with the same syllable and followed by the same character.
        if tail and syllable:
            after = text[match.end() + len(syllable) + 1: match.end() + len(syllable) + 2]
            pattern = re.compile(rf"([{_CJK}])\({re.escape(syllable)}\){re.escape(after)}")
            for found in pattern.finditer(text):
                char = found.group(1)
                if char.encode("gbk", errors="ignore")[:1] == tail:
                    return fixed + char + "("
        return fixed
    return match.group(0)


def repair_mojibake(text: str) -> str:
    """Repair byte-shifted GBK runs (rare; a no-op on clean text)."""
    if not _PUA_RE.search(text):
        return text
    return _MOJIBAKE_RE.sub(lambda m: _repair_one(m, text), text)


def _full_width(text: str) -> str:
    text = _PUNCT_RE.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)
    return _PAREN_RE.sub(r"（\1）", text)


# Traditional 著 is also the Simplified 着 (著力, 著眼, 隨著); t2s keeps it 著, which Simplified text holds only in
# words of writing and renown (著作, 著名, 显著, 卓著, 土著 …): a minutes row read 著力推动, 著眼凝聚群众.
_ZHU_WORD_RE = re.compile(r"著(?=[作名称述书者录有])|(?<=[显卓土编论专原名巨合译昭遗拙新大])著")


def _traditional_zhe(before: str, after: str) -> str:
    """著 → 着 on the lines t2s converted (Traditional lines), but not in the Simplified words that keep 著."""
    if "著" not in after or len(before) != len(after):
        return after
    lines = []
    for old, new in zip(before.splitlines(keepends=True), after.splitlines(keepends=True), strict=True):
        if old != new and "著" in new:
            keep = {m.start() for m in _ZHU_WORD_RE.finditer(new)}
            new = "".join("着" if c == "著" and i not in keep else c for i, c in enumerate(new))
        lines.append(new)
    return "".join(lines)


def prepare_text(text: str) -> str:
    """Simplified Chinese, no pinyin, full-width punctuation, `\\n` line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = repair_mojibake(text)
    text = strip_pinyin(text)
    text = _traditional_zhe(text, to_simplified(text))
    text = text.replace("\u3000", " ")
    return _full_width(text)


@dataclass(frozen=True, slots=True)
class Header:
    """What precedes a speech's body in a web copy or a typed file."""

    title: str | None
    date: date | None
    body: str


_NUMBERED_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(]|\d|[①-⑳])")


def _looks_like_title(line: str) -> bool:
    return (
        4 <= len(line) <= 40
        and line[-1] not in "。；：:，"
        and not line.startswith(("同志们", "各位"))
        and not _NUMBERED_RE.match(line)
    )


def split_header(text: str) -> Header:
    """Take the title, a `时间：` line and web noise off the top of `text`.

    `text` should already be prepared (`prepare_text`).
    """
    lines = text.split("\n")
    title: str | None = None
    found: date | None = None
    body_start = 0
    for index, raw in enumerate(lines[:16]):
        line = raw.strip()
        if line.count(">") >= 2:  # a site's breadcrumb (学习啦>实用范文>…>), its last step the page's heading
            line = line.rsplit(">", 1)[1].strip()
        if not line:
            continue
        m = _TIME_LINE_RE.match(line)
        if m:
            try:
                found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
        elif line.startswith(_NOISE_PREFIXES) or (title is not None and line == title):
            pass
        elif title is None and body_start == 0 and _looks_like_title(line):
            title = line
        else:
            break
        body_start = index + 1
    body = "\n".join(lines[body_start:]).strip()
    return Header(title=title, date=found, body=body)
