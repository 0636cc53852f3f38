"""Wrapped-line reading for official-document elements (used by `gongwen_text.prepare`).

A clerk who pushes a field or a 署名 right with a run of spaces, where GB/T 9704-2012 sets it with a right tab
or a right indent (发文字号 and 签发人 at the two ends of one line, 7.2.5; 印发机关 and 印发日期, 7.4.3; the 署名 and
成文日期 under the text, 7.3.5), makes the line longer than the page when the run is long: the word processor wraps
it and a PDF prints it so. `unwrap()` finds such breaks in the working text and takes them out, keeping each
character's offset in the input through the origin map:

- a header, 印发 or 填报 line's second field wrapped onto the next line (…2021年6月 / 30日, 填报日 / 期：2024年5月8日,
  …办公室编　　　　 / 2022年7月25日; rule "wrapped_field_line");
- a 署名 or 成文日期 pushed right that overflows (　…　城南区创建全国文明城市工 / 作指挥部办公室, …2023年3月15 / 日;
  rule "wrapped_signature").
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_text import LINE_RUN, NOISE, SPACE, WIDE_GAP, compact
from dangan.text.cjk import CJK
from dangan.text.normalize import delete_spans

# A line's second field wrapped onto the next line (rule "wrapped_field_line"). A clerk who sets a header, 印发 or
# 填报 line's two fields apart with a run of spaces (东风街道党政办公室　　　…　2023年6月16日, 红街报〔2022〕27号　…
# 签发人：周建国) rather than a right tab (GB/T 9704 7.2.5, 7.4.3) makes the line longer than the page when the run is
# long: the word processor wraps it, inside the date (…2021年6月 / 30日), inside the label (填报日 / 期：2024年5月8日)
# or after the run (…办公室编　　　　 / 2022年7月25日), and a PDF prints it so. A line holding a field gap whose
# last field, with the whole next line, makes one date field (a date, a short label and a date) or one 签发人 field
# is one line: the line break between them is taken out. Cut after its gap, the line ends in a run of spaces and
# fills the page's width (a 署名 with a space or two after it, over its date, is no such line).
_WRAP_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十廿]{1,3})日"
_WRAPPED_FIELD = re.compile(rf"(?:[\u4e00-\u9fff]{{2,6}}[：:])?{_WRAP_DATE}|签发人[：:][\u4e00-\u9fff]{{2,4}}")


_FULL_LINE = 22   # characters: a 三号 line holds 28, a wrapped line reaches the edge less an indent or two


def _width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _wrapped_breaks(work: str) -> list[tuple[int, int]]:
    """(start, end) of what to take out between a wrapped two-field line and its second field's rest: the
    line break, with the spaces around it when the field was cut inside (its gap kept when cut after it)."""
    lines = list(LINE_RUN.finditer(work))
    cuts = []
    for line, nxt in zip(lines, lines[1:]):
        if work[line.end():nxt.start()] not in ("\n", "\r\n"):
            continue
        raw, body = line.group(), line.group().strip(SPACE)
        rest = nxt.group().strip(SPACE)
        if not body or not rest or len(rest) > 20 or WIDE_GAP.search(rest):
            continue
        trailing = raw[len(raw.rstrip(SPACE)):]
        if (trailing and WIDE_GAP.fullmatch(trailing.replace("\t", " ")) and _width(trailing) >= 3
                and _width(body + trailing) >= _FULL_LINE):
            field = ""   # wrapped after the field gap: the line fills the page's width, its gap at the end
        elif (gaps := list(WIDE_GAP.finditer(body))):
            field = body[gaps[-1].end():]
        else:
            continue
        if _WRAPPED_FIELD.fullmatch(compact(field)) or not _WRAPPED_FIELD.fullmatch(compact(field + rest)):
            continue
        lead = len(nxt.group()) - len(nxt.group().lstrip(SPACE))
        cuts.append((line.end() - (len(trailing) if field else 0), nxt.start() + lead))
    return cuts


# A 署名 or 成文日期 pushed right by a run of spaces (rule "wrapped_signature"): a long organ's name or a date then
# overflows the line and wraps, its rest at the margin (　…　城南区创建全国文明城市工 / 作指挥部办公室, 　…　2024年10月9 /
# 日). A line led by a run of spaces that fills the page's width, with no gap inside, whose next line starts at the
# margin and is short, is one line with it when the two make a date the line alone is not, or an organ's name the
# line alone is not, under which stands a date, another line led by spaces, a page number or the end.
def _wrapped_signatures(work: str) -> list[tuple[int, int]]:
    from dangan.read.understand.gongwen_elements import ORG

    lines = list(LINE_RUN.finditer(work))
    cuts = []
    for k, (line, nxt) in enumerate(zip(lines, lines[1:])):
        raw = line.group().rstrip(SPACE)
        body = raw.lstrip(SPACE)
        lead = raw[:len(raw) - len(body)]
        rest = nxt.group()
        if (_width(lead) < 4 or _width(raw) < _FULL_LINE or WIDE_GAP.search(body) or rest[:1] in SPACE
                or len(rest.strip(SPACE)) > 12 or WIDE_GAP.search(rest.strip(SPACE))
                or work[line.end():nxt.start()] not in ("\n", "\r\n")):
            continue
        whole, part = compact(body + rest), compact(body)
        if re.fullmatch(_WRAP_DATE, whole) and not re.fullmatch(_WRAP_DATE, part):
            cuts.append((line.start() + len(raw), nxt.start()))
            continue
        below = lines[k + 2].group() if k + 2 < len(lines) else ""
        under = (not below or re.fullmatch(_WRAP_DATE, compact(below)) is not None or NOISE.match(compact(below)) is not None
                 or _width(below[:len(below) - len(below.lstrip(SPACE))]) >= 4)
        if (under and re.fullmatch(rf"[{CJK}]+", rest.strip(SPACE)) and ORG.fullmatch(whole) is not None
                and ORG.fullmatch(part) is None):
            cuts.append((line.start() + len(raw), nxt.start()))
    return cuts


def unwrap(work: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    if "\n" not in work:
        return work, origin
    cuts = _wrapped_breaks(work) if rules.on("wrapped_field_line") else []
    if rules.on("wrapped_signature"):
        cuts = sorted(set(cuts) | set(_wrapped_signatures(work)))
    if not cuts:
        return work, origin
    return delete_spans(work, origin if origin is not None else list(range(len(work) + 1)), cuts)
