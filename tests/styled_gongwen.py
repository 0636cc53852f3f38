"""A plain-text 公文 laid out to GB/T 9704-2012 as a DOCX, the way an office types it in Word/WPS.

The text is the document's own, line for line; only its layout is the standard's, built with the
project's own styling (dangan.compose.typography: A4, margins, 仿宋 三号 body, — 1 — page numbers):

- 版头 (7.2): the lines above the title block. A line ending in 文件, an organ's name over a
  发文字号, a 纪要 or 简报 mark (会议纪要) is the 发文机关标志 (7.2.3; 10.3 for the 纪要标志): red
  小标宋, centred, larger than the title (小初, squeezed to one line as office templates do). The
  发文字号 (7.2.4) is centred 三号 仿宋 under it; a line holding a 签发人 or a header line's two
  fields apart (编发单位 … 日期) puts its first field left and its second right (7.2.5: 发文字号
  居左空一字, 签发人 居右空一字). The red 分隔线 (7.2.6) goes under the 版头's last line. Without
  such a mark the text has no 版头 and none is made.
- 标题 (7.3.1): 二号 小标宋 centred, one paragraph per line of the text's title block. Which lines
  are the title block is the one thing taken from the label (the run of lines whose joined text is
  the labelled title); everything else is decided by each line's own form.
- Lines between the title and the body (a 发文字号 under the title, ——subtitle, a speaker, a date
  in brackets, 第X期): centred 三号 (楷体 for a speech's subtitle and speaker, as offices set them;
  the standard does not cover speeches).
- 主送 (7.3.2) flush left; 正文 (7.3.3) 三号 仿宋 indented two characters, 一、 headings in 黑体.
- 署名 and 成文日期 (7.3.5.1, not sealed): the date right, two characters in; the 署名 over it,
  its first character two left of the date's; a joint 署名 on one line is stacked, the organs a
  line each (联合行文 …其余发文机关署名依次向下编排).
- 版记 (7.4): 抄送/报/送/发 lines and the 印发 line (印发机关 left, 印发日期 right, one character
  in), 四号 仿宋, between rules (the first and last thicker).
- Tab-separated rows (a 台账) become a table.

`spaces=True` types the same layout as many clerks do without tab stops or right alignment: a line's
two fields (发文字号 … 签发人, 编发单位 … 日期, 填报单位 … 填报日期, 印发机关 … 印发日期) one full-width space in
and apart by a fixed run of full-width spaces (SPACES_GAP), the 署名 and 成文日期 lines pushed right by a
fixed run of them (SPACES_SIGN), at the line's own size: the runs are not tuned to the width, so a long
line overflows and the word processor wraps it where it can (…2023年6月 / 16日, 签发人： / 周建国).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Pt

from dangan.compose.typography import (
    BODY_FONT,
    BODY_SIZE,
    HEADING1_FONT,
    HEADING2_FONT,
    LATIN_FONT,
    RED,
    TITLE_FONT,
    TITLE_SIZE,
    add_rule,
    child_element,
    new_document,
    set_fonts,
)
from dangan.text.script import to_simplified

MARK_SIZE = 36.0          # 小初: the 发文机关标志 stands above the 二号 title
RECORD_SIZE = 14.0        # 四号: the 版记
TEXT_WIDTH_PT = (210 - 28 - 26) / 25.4 * 72
CHAR = TEXT_WIDTH_PT / 28   # one character of the 三号 body (28 a line)
SPACES_GAP = "\u3000" * 10    # a clerk's run between a line's two fields
SPACES_SIGN = "\u3000" * 12   # a clerk's run before the 署名 and the 成文日期

_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔﹝\[［(（【]\s*[0-9０-９]{4}\s*[〕﹞\]］)）】]\s*[0-9０-９]+\s*号")
_GAP = re.compile(r"\s{2,}|\u3000+|\t")
_KIND_MARK = re.compile(r"(?:会议)?纪要|(?:工作)?简报|情况通报|专报")
_ISSUE = re.compile(r"[（(]?(?:\d{4}年)?第\s*[0-9０-９一二三四五六七八九十]+\s*期[）)]?")
_DATE = re.compile(r"(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,2}月"
                   r"[0-9０-９一二三四五六七八九十廿]{1,3}日")
_RECORD = re.compile(r"(?:抄送|抄报|分送|报|送|发)[：:]")
_ORGAN_END = re.compile(r"(?:政府|办公室|办公厅|委员会|委|局|厅|部|院|会|办|处|队|组|中心|街道|社区|联合会|党委|支部)$")


def compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def title_block(lines: list[str], title: str) -> tuple[int, int] | None:
    """The run of lines (first, last + 1) whose joined text is the labelled title: the label says
    which lines are the head, nothing else."""
    want = compact(to_simplified(title))
    for i in range(min(len(lines), 14)):
        joined = ""
        for j in range(i, min(len(lines), i + 5)):
            joined += compact(to_simplified(lines[j]))
            if joined == want:
                return i, j + 1
            if not want.startswith(joined):
                break
    return None


def _fields(line: str) -> list[str]:
    return [part for part in _GAP.split(line.strip()) if part]


def _is_number(line: str) -> bool:
    return _NUMBER.search(line) is not None and len(compact(line)) <= 40


def _is_mark(line: str, following: str) -> bool:
    s = compact(line)
    if s.endswith("文件") or _KIND_MARK.fullmatch(s):
        return True
    if _KIND_MARK.search(s) and s.endswith(("纪要", "简报")):
        return True
    nxt = compact(following)
    return bool(_ORGAN_END.search(s)) and (_is_number(following) or _KIND_MARK.fullmatch(nxt) is not None)


def _run(paragraph: Any, text: str, font: str, size: float, *, color: Any = None, scale: int = 100) -> Any:
    run = paragraph.add_run(text)
    set_fonts(run, font, font if font != BODY_FONT else LATIN_FONT)
    run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    if scale != 100:
        child_element(run._r.get_or_add_rPr(), "w:w").set(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", str(scale))
    return run


def _plain(document: Any, *, align: Any = WD_ALIGN_PARAGRAPH.CENTER, indent: float | None = 0,
           style: str | None = None) -> Any:
    paragraph = document.add_paragraph(style=style)
    paragraph.alignment = align
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = Pt(indent)
    return paragraph


def _two_fields(document: Any, left: str, right: str, size: float = BODY_SIZE, inset: float = CHAR,
                spaces: bool = False) -> Any:
    """One line, its first field left and its second right, each `inset` in (a right tab stop);
    the insets shrink when the two fields would not fit on the line with a two-character gap.
    With `spaces`, typed as a clerk does: a space in, the fields a fixed run of spaces apart."""
    if spaces:
        paragraph = _plain(document, align=WD_ALIGN_PARAGRAPH.LEFT)
        _run(paragraph, f"\u3000{left}{SPACES_GAP}{right}", BODY_FONT, size)
        return paragraph
    need = _width(left) + _width(right) + 3 + 2 * inset / CHAR   # a gap of three characters at least
    size = min(size, float(int(TEXT_WIDTH_PT / need)))   # a line too long for 三号 is set smaller, as offices do
    inset = inset * size / BODY_SIZE
    paragraph = _plain(document, align=WD_ALIGN_PARAGRAPH.LEFT)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Pt(inset)   # the tab stop is measured from the margin, as Word measures it
    fmt.tab_stops.add_tab_stop(Pt(TEXT_WIDTH_PT - inset), WD_TAB_ALIGNMENT.RIGHT)
    _run(paragraph, f"{left}\t{right}", BODY_FONT, size)
    return paragraph


def _mark(document: Any, line: str) -> Any:
    paragraph = _plain(document, style="Title")   # single spacing: the body's exact pitch would cut it
    text = line.strip()
    width = sum(0.5 if ch.isascii() else 1.0 for ch in text) * MARK_SIZE
    scale = max(50, min(100, int(100 * TEXT_WIDTH_PT / width))) if width else 100
    _run(paragraph, text, TITLE_FONT, MARK_SIZE, color=RED, scale=scale)
    return paragraph


def _head_line(document: Any, line: str, following: str, in_head: bool, spaces: bool = False) -> Any:
    """A line of the 版头 or between the title and the body, by its own form."""
    fields = _fields(line)
    if in_head and _is_mark(line, following):
        return _mark(document, line)
    if len(fields) == 2 and (_is_number(fields[0]) or _DATE.search(fields[1])):
        return _two_fields(document, *fields, spaces=spaces)   # 发文字号 … 签发人, 编发单位 … 日期
    paragraph = _plain(document)
    speech = not _is_number(line) and not _ISSUE.fullmatch(compact(line))
    _run(paragraph, line.strip(), HEADING2_FONT if speech else BODY_FONT, BODY_SIZE)
    return paragraph


def _between(line: str) -> bool:
    """A line set between the title and the body: short, not a 主送 or 称谓, not a labelled line."""
    s = line.strip()
    c = compact(s)
    if not c or len(c) > 30 or c[-1] in "：:。；;，," or c[0] in "【[●■◆◇○·" or re.match(r"[一二三四五六七八九十]+、", c):
        return False   # a body's section heading (【工作动态】, ● …, 一、…) is the body's
    if ("：" in c or ":" in c) and "签发人" not in c:
        return False
    return True


def _signature(lines: list[str], end: int) -> tuple[int, int] | None:
    """(first 署名 line, date line) at the end: a line that is only a date, the short organ or
    name lines straight above it."""
    for k in range(end - 1, max(end - 4, 0) - 1, -1):
        c = compact(lines[k])
        if _DATE.fullmatch(c) or _DATE.fullmatch(re.sub(r"^[（(]|[）)]$", "", c)):
            first = k
            while first - 1 >= 0 and first > k - 3:
                above = lines[first - 1].strip()
                if (not above or len(compact(above)) > 30 or re.search(r"[。，；：:！？]", above)
                        or re.match(r"[0-9０-９一二三四五六七八九十]+[．.、]", above)):   # an attachment's list
                    break
                first -= 1
            return (first, k) if first < k else None
    return None


def _record_start(lines: list[str]) -> int:
    """Where the 版记 begins: the 抄送/报/送/发 lines and the 印发 line at the very end."""
    start = len(lines)
    for k in range(len(lines) - 1, -1, -1):
        s = compact(lines[k])
        if _RECORD.match(s) or (s.endswith("印发") and _DATE.search(s)):
            start = k
        else:
            break
    return start


def _width(text: str) -> float:
    """In characters of the line's size: a digit is about 0.6 of one, and a word processor sets a quarter
    of one between a digit or letter and a 汉字."""
    s = compact(text)
    edges = sum(1 for a, b in zip(s, s[1:]) if a.isascii() != b.isascii())
    return sum(0.6 if ch.isascii() else 1.0 for ch in s) + 0.25 * edges


def _signature_block(document: Any, names: list[str], date: str, spaces: bool = False,
                     sign_run: int = len(SPACES_SIGN)) -> None:
    organs = [name.strip() for name in names]
    if len(names) == 1 and len(parts := _fields(names[0])) > 1 and all(_ORGAN_END.search(p) for p in parts):
        organs = parts   # a joint 署名 typed on one line
    date = date.strip()
    if spaces:   # pushed right by a run of spaces, each line flush left
        for text in (*organs, date):
            _run(_plain(document, align=WD_ALIGN_PARAGRAPH.LEFT), "\u3000" * sign_run + text, BODY_FONT, BODY_SIZE)
        return
    sig = max(_width(o) for o in organs)
    right = 4 + _width(date) - sig          # 署名 right indent, in characters
    date_right = 2.0
    if right < 2:
        right, date_right = 2.0, sig - _width(date)
    for organ in organs:
        paragraph = _plain(document, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.right_indent = Pt(right * CHAR + (sig - _width(organ)) * CHAR)
        _run(paragraph, organ, BODY_FONT, BODY_SIZE)
    paragraph = _plain(document, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph.paragraph_format.right_indent = Pt(date_right * CHAR)
    _run(paragraph, date, BODY_FONT, BODY_SIZE)


def _record(document: Any, lines: list[str], spaces: bool = False) -> None:
    """版记 (7.4): 四号, 抄送 one character in, 印发机关 left and 印发日期 right, between rules."""
    _plain(document)   # the 版记 sits apart from the body
    made = []
    for line in lines:
        fields = _fields(line)
        if len(fields) == 2 and compact(line).endswith("印发"):
            made.append(_two_fields(document, *fields, size=RECORD_SIZE, inset=RECORD_SIZE, spaces=spaces))
        else:
            paragraph = _plain(document, align=WD_ALIGN_PARAGRAPH.LEFT)
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.right_indent = Pt(RECORD_SIZE), Pt(RECORD_SIZE)
            _run(paragraph, line.strip(), BODY_FONT, RECORD_SIZE)
            made.append(paragraph)
    add_rule(made[0], color="000000", size_eighths=8, where="top")
    add_rule(made[-1], color="000000", size_eighths=8, where="bottom")


def _table(document: Any, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Pt(0)
            _run(paragraph, cell.strip(), BODY_FONT, RECORD_SIZE)


def _body(document: Any, lines: list[str], spaces: bool = False) -> None:
    k = 0
    while k < len(lines):
        line = lines[k]
        if "\t" in line.strip():
            rows = []
            while k < len(lines) and "\t" in lines[k].strip():
                rows.append(lines[k].strip().split("\t"))
                k += 1
            _table(document, rows)
            continue
        s = line.strip()
        c = compact(s)
        fields = _fields(s)
        if len(fields) == 2 and _DATE.search(fields[1]) and "。" not in c:
            _two_fields(document, *fields, inset=0, spaces=spaces)   # 填报单位：…  填报日期：… on one line
        elif c.endswith(("：", ":")) and len(c) <= 60 and "。" not in c and k == 0:
            paragraph = _plain(document, align=WD_ALIGN_PARAGRAPH.JUSTIFY)   # 主送: flush left
            _run(paragraph, s, BODY_FONT, BODY_SIZE)
        elif re.match(r"[一二三四五六七八九十]+、", s) and len(c) <= 30:
            paragraph = document.add_paragraph()
            _run(paragraph, s, HEADING1_FONT, BODY_SIZE)
        else:
            paragraph = document.add_paragraph()
            _run(paragraph, s, BODY_FONT, BODY_SIZE)
        k += 1


def styled_docx(text: str, title: str, out: Path, spaces: bool = False, sign_run: int = len(SPACES_SIGN)) -> Path:
    """`text` (the document's own lines) laid out to GB/T 9704 and saved as `out`; `title` (the
    label's) only says which lines are the title block; `spaces` types the two-field, 署名 and date
    lines with runs of spaces (see the module's note), `sign_run` full-width spaces before the 署名 and date."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    document = new_document()
    block = title_block(lines, title)
    first, last = block if block else (0, 0)
    head = lines[:first]
    made = []
    for k, line in enumerate(head):
        made.append(_head_line(document, line, head[k + 1] if k + 1 < len(head) else "", True, spaces))
    if made and any(_is_mark(ln, head[k + 1] if k + 1 < len(head) else "") for k, ln in enumerate(head)):
        add_rule(made[-1])   # 版头中的分隔线 (7.2.6)
        document.add_paragraph()   # the title two lines under the rule
    for line in lines[first:last]:
        paragraph = _plain(document, style="Title")
        _run(paragraph, line.strip(), TITLE_FONT, TITLE_SIZE)
    k = last
    if block:
        document.add_paragraph()   # a blank line under the title (7.3.2)
        while k < len(lines) and _between(lines[k]) and k < last + 4:
            _head_line(document, lines[k], lines[k + 1] if k + 1 < len(lines) else "", False, spaces)
            k += 1
    record = _record_start(lines)
    signature = _signature(lines, record)
    body_end = signature[0] if signature else record
    _body(document, lines[k:body_end], spaces)
    if signature:
        document.add_paragraph()   # 正文下空一行编排署名
        _signature_block(document, lines[signature[0]:signature[1]], lines[signature[1]], spaces, sign_run)
        _body(document, lines[signature[1] + 1:record], spaces)
    if record < len(lines):
        _record(document, lines[record:], spaces)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out
