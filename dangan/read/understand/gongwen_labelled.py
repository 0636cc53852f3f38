"""Header lines and labelled lines of an official document: dates and forms stated as fields.

- a header line that gives the editing organ and the date of a 简报 or 纪要 (平阳县人民政府办公室
  2021年6月30日, 暖泉街道办事处 第10期 2013年3月22日, …办公室编印 2014年7月3日);
- labelled lines: 日期：/时间：/开票日期：, a form's 填报单位：…　填报日期：…, a row of fields
  (发文日期 … 成文日期 …), and the 时间/地点/主持/出席/记录 form that makes a document a 会议记录.
Each rule is switched on and off through `rules` (leave-one-family-out bench).
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import ORG
from dangan.read.understand.gongwen_text import Prepared, compact, field_gap
from dangan.text.dates import find_dates

_EDITOR = re.compile(r"(?:编印|编发|编|印发|主办)$")
# The document's own date's label alone on its line, the value under it (rule "date_below_own_label").
_OWN_DATE_ALONE = re.compile(r"(?:成文日期|发文日期|签发日期|印发日期)[:：]?")
_DATE_LABEL = re.compile(r"^(?:会议)?(?:日期|时间|开票日期|成文日期|签发日期|印发日期)[:：]")
# 填报单位：幸福社区居民委员会　　填报日期：2024年5月8日 — a form's header, several fields a line
_FIELD = re.compile(r"(?P<key>(?:填报|报送|编制|制表|统计)(?:单位|日期|时间))[:：]\s*(?P<value>\S.*)")
_MEETING_LABEL = re.compile(
    r"^(?P<key>时间|日期|地点|主持人?|出席(?:人员)?|参会人员|参加人员|与会人员|列席(?:人员)?|记录人?|缺席(?:人员)?)[:：]")
_MEETING_KEYS = {"时间": "t", "日期": "t", "地点": "p", "主持": "h", "主持人": "h", "出席": "a", "出席人员": "a",
                 "参会人员": "a", "参加人员": "a", "与会人员": "a", "列席": "l", "列席人员": "l", "记录": "r",
                 "记录人": "r", "缺席": "x", "缺席人员": "x"}


def org_date_line(text: str) -> tuple[str, str] | None:
    """平阳县人民政府办公室　　2021年6月30日 / 金山区…办公室编　2022年7月25日 → (organ, ISO date)."""
    if not rules.on("head_org_date"):
        return None
    parts = [s for s in field_gap().split(text.strip()) if s.strip()]
    if len(parts) != 2:
        return None
    org = _EDITOR.sub("", compact(parts[0]))
    when = compact(parts[1])
    found = find_dates(when)
    if not (len(org) <= 30 and ORG.fullmatch(org)) or not found:
        return None
    day = found[0]
    if day.precision != "day" or day.start != 0 or day.end != len(when):
        return None
    return org, day.date.isoformat()


_ISSUE_NO = re.compile(r"第\s*[\d一二三四五六七八九十百]+\s*期")
_ISSUE_LINE = re.compile(r"(?P<org>\S.{1,30}?)\s+(?:" + _ISSUE_NO.pattern + r")\s+(?P<date>\S.*)")


def issue_header(text: str) -> tuple[str, str] | None:
    """暖泉街道办事处 第10期 2013年3月22日: the editing organ, the issue and the date of a
    简报 on one line, however narrowly spaced → (organ, ISO date) (rule "issue_header")."""
    if not rules.on("issue_header"):
        return None
    m = _ISSUE_LINE.fullmatch(text.strip())
    if m is None:
        return None
    org = _EDITOR.sub("", compact(m.group("org")))
    when = compact(m.group("date"))
    found = find_dates(when)
    if not (len(org) <= 30 and ORG.fullmatch(org)) or not found:
        return None
    if found[0].precision != "day" or found[0].start != 0 or found[0].end != len(when):
        return None
    return org, found[0].date.isoformat()


_ISSUE_PART = re.compile(r"[（(]?总?第\s*[\d一二三四五六七八九十百]+\s*期[)）]?")


def brief_header(text: str) -> tuple[str, str, bool] | None:
    """The editing organ and the date of a 简报 or 督查专报 on one header line, set apart by any
    spaces, with or without the issue between them: 暖泉街道办事处 第10期 2013年3月22日 /
    清城区创建全国文明城市办公室编印 2014年7月3日 → (organ, ISO date, the line names an issue or
    an editor) (rule "brief_header_line")."""
    if not rules.on("brief_header_line"):
        return None
    parts = [x for x in re.split(r"\s+", text.strip()) if x]
    issue = any(_ISSUE_PART.fullmatch(x) for x in parts)
    parts = [x for x in parts if not _ISSUE_PART.fullmatch(x)]
    if len(parts) < 2:
        return None
    when = "".join(parts[-1:])
    found = find_dates(when)
    if not found or found[0].precision != "day" or found[0].start != 0 or found[0].end != len(when):
        return None
    head = "".join(parts[:-1])
    org = _EDITOR.sub("", head)
    if not (len(org) <= 30 and ORG.fullmatch(org)):
        return None
    return org, found[0].date.isoformat(), issue or org != head


def labelled_fields(text: str) -> dict[str, str]:
    """填报单位：X　填报日期：Y on one line → {"date": ISO} (rule "labelled_fields"); the 填报单位 is the author,
    read with the other labelled 署名 (gongwen_issuers.labelled_signer, since the cross-family round)."""
    if not rules.on("labelled_fields"):
        return {}
    out: dict[str, str] = {}
    for part in field_gap().split(text.strip()):
        if (m := _FIELD.fullmatch(part.strip())) is None:
            continue
        value = compact(m.group("value"))
        if (found := find_dates(value)) and found[0].precision == "day" and found[0].start == 0:
            out["date"] = found[0].date.isoformat()
    return out


def labelled_date(p: Prepared) -> tuple[str, int, int] | None:
    """日期：二零二一年十二月十一日（星期六） / 时间：2023年9月18日上午 / 开票日期：… → (ISO, start, end)."""
    if not rules.on("labelled_date"):
        return field_row_date(p) if rules.on("field_row_date") else None
    meeting = _meeting_keys(p)
    lines = p.lines[:40]   # with the noise lines: a page stamp's pattern also fits a value under its label
    for k, line in enumerate(lines):
        if date := labelled_fields(line.text).get("date"):
            return date, line.start, line.end
        s = compact(line.text)
        if _OWN_DATE_ALONE.fullmatch(s) and rules.on("date_below_own_label") and k + 1 < len(lines):
            # 发文日期 / 2022-12-27 18:10: a 信息公开 page sets each value on the line under its label
            nxt = compact(lines[k + 1].text)
            found = find_dates(nxt)
            if (found and found[0].precision == "day" and found[0].start == 0 and not found[0].relative
                    and re.fullmatch(r"(?:[ \t]*\d{1,2}:\d{2}(?::\d{2})?)?", nxt[found[0].end:])):
                return found[0].date.isoformat(), lines[k + 1].start, lines[k + 1].end
        if (m := _DATE_LABEL.match(s)) is None:
            continue
        if s.startswith("时间") and len(meeting) < 3:
            continue   # a web page's 时间：2022-03-26 09:11:00 is when it was posted
        found = find_dates(s[m.end():])
        if found and found[0].precision == "day" and found[0].start == 0 and not found[0].relative:
            return found[0].date.isoformat(), line.start, line.end
    return field_row_date(p) if rules.on("field_row_date") else None


# A date given as one field of a row of several, wherever the row sets its label (rule "field_row_date"):
# a 信息公开 row (发文日期 2021-03-04 成文日期 2021-03-04 发布机构 …), a form's header (填报单位：…　填报日期：…),
# a table row (日期  二〇二二年八月二十日（星期六）), meeting fields run together (…会议记录时间:2012年9月2日地点:…).
# The document's own date labels, best first; a bare 日期/时间 only among a meeting's other fields.
_ROW_OWN_LABELS = ("成文日期", "落款日期", "签发日期", "印发日期", "发文日期", "填报日期", "报送日期", "编制日期", "制表日期")
_ROW_OWN = re.compile(r"(?:^|(?<=[\s|｜]))(?P<label>" + "|".join(_ROW_OWN_LABELS) + r")[ \t\u3000]*[:：]?[ \t\u3000]*")
_ROW_MEETING = re.compile(r"(?<!发布)(?<!更新)(?<!发表)(?<!上传)(?<!下次)(?<!下次会议)(?<!截止)(?<!报名)(?<!开始)(?<!结束)"
                          r"(?P<label>(?:会议)?(?:时间|日期))[ \t\u3000]*[:：]?[ \t\u3000]*")
_ROW_MEETING_OTHER = re.compile(r"(?:地点|主持人?|参加对象|参会对象|参会人员|参加人员|与会人员|出席(?:人员)?|列席(?:人员)?"
                                r"|记录人)[ \t\u3000]*[:：]")
_ROW_END = re.compile(r"(?:[（(]星期[一二三四五六日天][)）])?(?:$|[\s|｜]|[上下]午|\d{1,2}[:：]\d{2}|[\u4e00-\u9fff]{2,6}[:：])")
_NEXT_CELL = re.compile(r"[|｜][ \t\u3000]*")
_ROW_CELL = re.compile(r"(?P<label>日期|会议日期|会议时间)[ \t\u3000]{2,}")


def _row_value(text: str, at: int) -> str | None:
    """The day-precision date that opens text[at:] and ends its field (a gap, a bar, the line's end, a
    time of day, the next label), as ISO."""
    found = find_dates(text[at:at + 24])
    if not found or found[0].start != 0 or found[0].precision != "day" or found[0].relative:
        return None
    if not _ROW_END.match(text, at + found[0].end):
        return None
    return found[0].date.isoformat()


def field_row_date(p: Prepared) -> tuple[str, int, int] | None:
    """成文日期 read from a row of fields (see _ROW_OWN): the best-ranked own date label whose value is a
    date, else a meeting's 时间/日期 in a row that also names its place, chair or attendance."""
    best: tuple[int, str, int, int] | None = None
    meeting: tuple[str, int, int] | None = None
    for line in p.lines[:40]:
        text = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        own_label = "成文日期" in text   # 发文日期:2017年06月28日 … 成文日期: (blank): the row sets the two apart
        for m in _ROW_OWN.finditer(text):
            if own_label and m.group("label") != "成文日期":
                continue
            at = m.end()
            if rules.on("date_in_next_cell") and (bar := _NEXT_CELL.match(text, at)):
                at = bar.end()   # 文号 | … | 成文日期: | 2022年09月14日 |: the value in the label's next cell
            if (value := _row_value(text, at)) is not None:
                rank = _ROW_OWN_LABELS.index(m.group("label"))
                if best is None or rank < best[0]:
                    best = (rank, value, line.start + lead, line.end)
        if meeting is not None:
            continue
        if (cell := _ROW_CELL.match(text)) and (value := _row_value(text, cell.end())) is not None:
            meeting = (value, line.start, line.end)   # | 日期 | 二〇二二年八月二十日 | as a table row
        elif _ROW_MEETING_OTHER.search(text):
            for m in _ROW_MEETING.finditer(text):
                if (value := _row_value(text, m.end())) is not None:
                    meeting = (value, line.start, line.end)
                    break
    if best is not None:
        return best[1], best[2], best[3]
    return meeting


def meeting_form(p: Prepared) -> str | None:
    """时间/地点/主持/出席/记录 lines at the head: 会议记录 (纪要 when the head says 纪要)."""
    if not rules.on("meeting_form"):
        return None
    if len(_meeting_keys(p)) < 3:
        return None
    return "纪要" if any("纪要" in compact(line.text) for line in p.lines[:8]) else "会议记录"


# 会议时间：/ 会议地点：/ 参加对象： as records copied from the web label them (rule "run_on_labels").
_MEETING_LABEL_MORE = re.compile(r"^会议(?P<key>时间|日期|地点|主持人?)[:：]|^(?P<who>参加对象|参会对象)[:：]")


def _meeting_keys(p: Prepared) -> set[str]:
    """Which of 时间/地点/主持/出席/列席/记录… the first lines give as labelled lines."""
    keys = set()
    for line in p.lines[:40]:
        s = compact(line.text)
        if m := _MEETING_LABEL.match(s):
            keys.add(_MEETING_KEYS[m.group("key")])
        elif rules.on("run_on_labels") and (m := _MEETING_LABEL_MORE.match(s)):
            keys.add(_MEETING_KEYS[m.group("key")] if m.group("key") else "a")
    return keys
