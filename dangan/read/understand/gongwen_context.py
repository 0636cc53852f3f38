"""Elements read from a document's context rather than from one heading line.

- the organ a speaker or reporter acts for: 我代表省人民政府… / 我受国务院的委托…;
- an organ's name completed from the places the document names: 省人民政府 in a
  report delivered 在北京市第十六届人民代表大会… → 北京市人民政府;
- joint issuers set side by side (中共江南市委办公室　　江南市人民政府办公室);
- a header line that gives the editing organ and the date of a 简报 or 纪要;
- labelled lines: 日期：/时间：/开票日期：, and the 时间/地点/主持/出席/记录 form
  that makes a document a 会议记录.
Each rule is switched on and off through `rules` (leave-one-family-out bench).
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import ORG
from dangan.read.understand.gongwen_text import Prepared, compact
from dangan.text.dates import find_dates

_LEVEL = r"(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|区|旗)"
_UNIT = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,9}}?)(?P<level>{_LEVEL})")
# A chain of places opens after a year, 在, 于, a separator or at the start: 2026年上海市…,
# 在北京市第十六届…, 关于安徽省…, 上海市普陀区….
_CHAIN = re.compile(rf"(?:(?<=[年在于、，：:\s—])|^)(?:(?:(?!关于)[\u4e00-\u9fff]){{2,9}}?{_LEVEL})+", re.M)
_NOT_PLACE = re.compile(r"^[全本各该我省市县区]|[届会的在年月日第]")
# A title's 事由 opens with a verb, which no place name does: 关于加强社区志愿服务的通知 names no place
# 加强社区 (区文明办 is not 加强社区文明办), 关于推进浦东新区… names 浦东新区; and a 社区, 小区 or 景区 is
# no 区 whose 区文明办 or 区政府 signs (rule "place_not_phrase", from a clerk's Big5 notice).
VERB_LEAD = re.compile(r"^(?:(?:进一步|切实|全面|深入|认真|扎实|积极|大力|继续|持续|统筹|"
                       r"加强|推进|做好|开展|深化|加快|促进|推动|实施|落实|贯彻|建立|健全|完善|规范|强化|提升|"
                       r"优化|创建|巩固|组织|举办|印发|转发|表彰|公布|下达|调整|成立|设立|申报|报送|支持|鼓励|"
                       r"关于|对于|关注|聚焦|打造|建设|保障|维护|确保|保护|整治|治理|清理|排查|"
                       r"召开|参加|开通|启用|废止|修订|印送|批转|同意|批准|下发|发布)+)")
_NOT_ADMIN = re.compile(r"(?:社|小|景|校|辖|片|街)区$")
_BARE_LEVEL = re.compile(rf"^(?P<level>{_LEVEL})(?=[\u4e00-\u9fff]{{2,}})")
_BEHALF = (
    re.compile(r"我(?:现在)?代表(?P<org>[\u4e00-\u9fff]{2,30}?)(?=[，,、。；]|向|作|就|提出|对)"),
    re.compile(r"我受(?P<org>[\u4e00-\u9fff]{2,30}?)的?委托"),
)
_COMMITTEE = re.compile(r"(?:中共)?第?(?:(?P<n>[一二三四五六七八九十]+)届)?(?P<body>中央委员会|中央纪律检查委员会|委员会|"
                        r"纪律检查委员会|常务委员会)")
_PARTY_CONGRESS = re.compile(rf"中国共产党(?P<place>(?:(?:(?!第)[\u4e00-\u9fff]){{2,9}}?{_LEVEL})*)"
                             r"第[一二三四五六七八九十]+次(?:全国)?代表大会")
_PEOPLES_CONGRESS = re.compile(rf"(?:(?<=[年在于、，：:\s—])|^)(?P<place>(?:(?:(?![第在于])[\u4e00-\u9fff]){{2,9}}?{_LEVEL})+)"
                               r"(?P<term>第[一二三四五六七八九十]+届)人民代表大会", re.M)
_OPENER = re.compile(r"(?P<org>[\u4e00-\u9fff]{4,40}?会议)(?:听取|审议|讨论|通过)")
_WIDE_GAP = re.compile(r"[ \t]{2,}|\u3000+")
_SEAL = re.compile(r"[（(](?:盖章|印章|公章|章)[)）]$")
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
_TITLE_ORG_END = (r"(?:人民政府|政府|办公室|办公厅|委员会|常委会|党委|党组|法院|检察院|厅|局|部|院|署|委|办"
                  r"|协会|学会|联合会|工会|妇联|团委|中心|所|处|科|队|站|组|街道|办事处|公司|集团|学校|大学|法团)")
_TITLE_ORG = re.compile(rf"[\u4e00-\u9fff（）()]{{2,30}}{_TITLE_ORG_END}")


def places(*texts: str) -> list[str]:
    """Place chains named in the texts, in order: 上海市普陀区, 北京市, 广西壮族自治区."""
    found: list[str] = []
    for text in texts:
        for m in _CHAIN.finditer(text):
            chain = m.group()
            if rules.on("place_not_phrase") and (lead := VERB_LEAD.match(chain)):
                chain = chain[lead.end():]
            units = [u.group() for u in _UNIT.finditer(chain)]
            keep = []
            for u in units:
                if _NOT_PLACE.search(u) or (rules.on("place_not_phrase") and _NOT_ADMIN.search(u)):
                    break
                keep.append(u)
            if keep:
                found.append("".join(keep))
    return found


def complete_issuer(org: str, context: list[str]) -> str:
    """省人民政府 → 北京市人民政府 with the places the document names; 省政府 → …省人民政府."""
    if not rules.on("complete_place"):
        return org
    m = _BARE_LEVEL.match(org)
    if m is None:
        return org
    level, rest = m.group("level"), org[m.end():]
    if rest == "政府":
        rest = "人民政府"
    for chain in context:
        units = list(_UNIT.finditer(chain))
        for k in range(len(units) - 1, -1, -1):
            if units[k].group("level") == level:
                return chain[:units[k].end()] + rest
    return org


def on_behalf(p: Prepared) -> str | None:
    """我代表省人民政府，向大会报告工作 → 省人民政府 (the organ the speaker acts for)."""
    if not rules.on("on_behalf"):
        return None
    opening = p.work[:3000]
    hits = [m for rx in _BEHALF for m in rx.finditer(opening)]
    for m in sorted(hits, key=lambda m: m.start()):
        org = m.group("org")
        if ORG.fullmatch(org):
            return org
    return None


def complete_party(org: str, p: Prepared, title: str = "") -> str:
    """A committee named without its owner is completed from the congress the document is
    delivered to (rule "party_congress_committee"; a standing committee's, rule "cpc_committee"): 第十七届中央委员会 / 十三届中央委员会 in a report to
    中国共产党第十八次全国代表大会 → 中国共产党第十七届中央委员会; 第十二届委员会 in a report to
    中国共产党上海市第十三次代表大会 → 中国共产党上海市第十二届委员会; 常务委员会 in a report to
    北京市第十六届人民代表大会… → 北京市第十六届人民代表大会常务委员会. Nothing is added when the
    document names no such congress: a unit's name is completed only from its own text."""
    if org.startswith("中国共产党"):
        return org
    m = _COMMITTEE.fullmatch(org)
    if m is None:
        return org
    text = title + "\n" + p.work[:3000]
    term = f"第{m.group('n')}届" if m.group("n") else ""
    body = m.group("body")
    if body == "常务委员会":
        if not rules.on("cpc_committee"):
            return org
        npc = _PEOPLES_CONGRESS.search(text)
        return f"{npc.group('place')}{term or npc.group('term')}人民代表大会常务委员会" if npc else org
    if not rules.on("party_congress_committee"):
        return org
    congress = _PARTY_CONGRESS.search(text)
    if congress is None:
        return org
    place = congress.group("place")
    if body.startswith("中央") == bool(place):
        return org   # a central committee reports to the national congress, a local one to its own
    return f"中国共产党{place}{term}{body}"


def party_delegate(p: Prepared, title: str = "") -> str | None:
    """A report to a party congress (在中国共产党梧州市第十四次代表大会上的报告) is made for the
    committee its reporter speaks for: 我代表中共梧州市第十三届委员会向大会作报告 → that committee,
    which outranks the reporter's own post under the title (梧州市委书记 蒋连生 → 梧州市委)
    (rule "party_congress_committee")."""
    if not rules.on("party_congress_committee"):
        return None
    if _PARTY_CONGRESS.search(title + "\n" + p.work[:3000]) is None:
        return None
    org = on_behalf(p)
    return org if org is not None and org.endswith("委员会") else None


def meeting_opener(p: Prepared) -> str | None:
    """第十四届全国人民代表大会第二次会议听取和审议了… → the meeting (the resolution's issuer)."""
    if not rules.on("meeting_opener"):
        return None
    for line in [ln for ln in p.lines if not ln.noise][:5]:
        if m := _OPENER.match(compact(line.text)):
            return m.group("org")
    return None


def joint_organs(text: str) -> str | None:
    """Organs set side by side on one line (two or more spaces apart) → 甲、乙; one organ → itself."""
    parts = [compact(_SEAL.sub("", s)) if rules.on("seal_note") else compact(s)
             for s in _WIDE_GAP.split(text.strip()) if s.strip()]
    if not parts or not all(len(s) <= 30 and ORG.fullmatch(s) for s in parts):
        return None
    if len(parts) > 1 and not rules.on("joint_signature"):
        return None
    return "、".join(parts)


def seal_free(text: str) -> str:
    return _SEAL.sub("", text) if rules.on("seal_note") else text


def org_date_line(text: str) -> tuple[str, str] | None:
    """平阳县人民政府办公室　　2021年6月30日 / 金山区…办公室编　2022年7月25日 → (organ, ISO date)."""
    if not rules.on("head_org_date"):
        return None
    parts = [s for s in _WIDE_GAP.split(text.strip()) if s.strip()]
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
    """填报单位：X　填报日期：Y on one line → {"org": X, "date": ISO} (rule "labelled_fields")."""
    if not rules.on("labelled_fields"):
        return {}
    out: dict[str, str] = {}
    for part in _WIDE_GAP.split(text.strip()):
        if (m := _FIELD.fullmatch(part.strip())) is None:
            continue
        value = compact(m.group("value"))
        if m.group("key").endswith("单位") and ORG.fullmatch(value):
            out["org"] = value
        elif (found := find_dates(value)) and found[0].precision == "day" and found[0].start == 0:
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


def title_organ(title: str) -> str | None:
    """The organ a title opens with when no 关于 follows it: 东湖社区居民委员会会议记录 → 东湖社区
    居民委员会; 上海市普陀区规划和自然资源局2024年度部门决算 → 上海市普陀区规划和自然资源局."""
    if not rules.on("title_organ_prefix") or title.startswith(("关于", "在")):
        return None
    if rules.on("community_organ") and (c := _COMMUNITY_HEAD.match(title)) and re.search(r"(?:总结|小结|汇报|计划|台账)$", title):
        return c.group()   # 富康路社区创建全国文明城市第一阶段工作小结: a community's report on itself
    m = _TITLE_ORG.match(title)
    if m is None or m.end() >= len(title):
        return None
    rest = title[m.end():]
    if re.search(r"(?:会议记录|会议纪要|纪要|会记录)$", title) or re.match(r"(?:19|20)\d{2}\s*年", rest):
        return m.group()
    return None


_COMMUNITY_HEAD = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:社区居民委员会|村民委员会|社区|居委会|村委会)(?!居民委员会)")


_CODE = re.compile(r"^(?P<code>[\u4e00-\u9fff]{2,8}?)[〔\[［(（]\d{4}")
_PLACE_START = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?{_LEVEL}")
_PREFIX_OK = re.compile(rf"{_LEVEL}|中共|党|国|委|[省市县区镇乡村]")


def organ_by_code(organ: str, doc_number: str) -> str:
    """The 发文字号's 机关代字 abbreviates the organ from its place name on (路卫发 ← 路桥区卫生局):
    words printed before that place in the 版头 are no part of the organ's name (测试符路桥区卫生局
    of a producer's test file). Cut only when what is left opens with a place of two characters or
    more that holds the code's next character, and what is cut names no place or party (上海市 in
    上海市普陀区… with 普府发 stays) (rule "organ_from_code")."""
    m = _CODE.match(doc_number or "")
    if m is None or not rules.on("organ_from_code"):
        return organ
    code = m.group("code").rstrip("发字函")
    if not code:
        return organ
    at = organ.find(code[0], 2)
    if at < 2 or _PREFIX_OK.search(organ[:at]):
        return organ
    rest = organ[at:]
    if not _PLACE_START.match(rest) or any(ch not in rest[1:] for ch in code[1:2]):
        return organ
    return rest
