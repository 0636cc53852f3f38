"""Elements read from a document's context rather than from one heading line.

- the organ a speaker or reporter acts for: 我代表省人民政府… / 我受国务院的委托…;
- an organ's name completed from the places the document names: 省人民政府 in a
  report delivered 在北京市第十六届人民代表大会… → 北京市人民政府;
- joint issuers set side by side (中共江南市委办公室　　江南市人民政府办公室);
- the organ a title opens with, and a 版头's organ cut to where its 发文字号's 机关代字 starts.
Header and labelled lines (a 简报's editing organ and date, 日期：…, the meeting form) are read
in gongwen_labelled.
Each rule is switched on and off through `rules` (leave-one-family-out bench).
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import ORG, UNIT_ENDINGS
from dangan.read.understand.gongwen_text import WIDE_GAP, Prepared, compact

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
# …nor a span of time: 关于加强元旦节前后城市管理工作的通告 names no place 元旦节前后城 (市城市管理委员会 is not
# 元旦节前后城市城市管理委员会; widened in round 41, validation_r33's 通告 whose organ maker_in_opening reads).
_TIME_SPAN = re.compile(r"前后|期间|以来|之际")
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
_SEAL = re.compile(r"[（(](?:盖章|印章|公章|章)[)）]$")
_TITLE_ORG_END = (r"(?:人民政府|政府|办公室|办公厅|委员会|常委会|党委|党组|法院|检察院|厅|局|部|院|署|委|办"
                  rf"|协会|学会|联合会|工会|妇联|团委|中心|所|处|科|队|站|组|街道|办事处|公司|集团|学校|大学|法团|{UNIT_ENDINGS})")
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
                if _NOT_PLACE.search(u) or (rules.on("place_not_phrase") and (_NOT_ADMIN.search(u) or _TIME_SPAN.search(u))):
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


# The place before an organ's name in the document's own heading: a chain of places (上海市 + 奉贤区柘林镇人民政府), or,
# where the organ read opens with a bare level (市创建…办公室), the place's own name before that level (V + 市…, XX + 县…).
_PLACE_PREFIX = re.compile(rf"(?:[\u4e00-\u9fff]{{2,9}}?{_LEVEL})+")
_PLACE_STEM = re.compile(r"[A-Za-z×]{1,3}|[\u4e00-\u9fff]{2,4}")
# …but a stem holds no level, no organ's ending and no heading's verb: 某县人民政府转发 + 市文明办关于… is two organs
_NOT_STEM = re.compile(rf"{_LEVEL}|[镇乡村委办局厅部府院会团社]|转发|印发|批转|关于")
_HEADING_VERB = ("关于", "印发", "转发", "批转")
_SENTENCE_MARK = re.compile(r"[。；;！？!?，,：:]")


def place_from_heading(org: str, p: Prepared) -> str:
    """An organ read without its place — a 署名 (奉贤区柘林镇人民政府), a page's copy of the heading (市创建全国文明城市
    工作指挥部办公室关于…) — is completed from a heading of the document that names it with the place before it and goes on
    as a heading does (上海市奉贤区柘林镇人民政府关于印发…的通知, V市创建全国文明城市工作指挥部办公室关于…督查通报): in its
    heading an organ names itself in full, the government by its own name too (兰州市政府办公厅, a file's name, under
    兰州市人民政府办公厅转发…的通知 run into its 主送). A line of the organ's fuller name alone (广东省广州市人民政府, a law database's
    record under a heading that names 广州市人民政府) is no heading, and the labels keep the heading's name
    (rule "place_from_heading")."""
    if not rules.on("place_from_heading") or "、" in org or len(org) < 4:
        return org
    # the government's own name: 兰州市政府办公厅 is 兰州市人民政府办公厅 (the file's name shortens it, the heading does not)
    names = [org] + ([org.replace("政府", "人民政府", 1)] if "政府" in org and "人民政府" not in org else [])
    for line in [ln for ln in p.lines if not ln.noise][:40]:
        s = compact(line.text)
        for name in names:
            k = s.find(name)
            if k < 0 or (k == 0 and name == org) or not s[k + len(name):].startswith(_HEADING_VERB):
                continue
            pre = s[:k]
            if not pre:
                return name
            if _SENTENCE_MARK.search(pre) or _NOT_PLACE.search(pre) or VERB_LEAD.match(pre):
                continue
            if _PLACE_PREFIX.fullmatch(pre) or (_BARE_LEVEL.match(name) and _PLACE_STEM.fullmatch(pre)
                                                and not _NOT_STEM.search(pre)):
                return pre + name
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
             for s in WIDE_GAP.split(text.strip()) if s.strip()]
    if not parts or not all(len(s) <= 30 and ORG.fullmatch(s) for s in parts):
        return None
    if len(parts) > 1 and not rules.on("joint_signature"):
        return None
    return "、".join(parts)


def seal_free(text: str) -> str:
    return _SEAL.sub("", text) if rules.on("seal_note") else text


# A unit's account of its own work (…活动总结, …工作汇报, …小结): its author is the organ the title opens with, whatever
# stands between (a term's ordinal, the activity's name) (rule "title_organ_prefix", widened in the cross-family round).
_OWN_WORK = re.compile(r"(?:总结|小结|汇报)$")


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
    if _OWN_WORK.search(title) and not rest.startswith(("关于", "对", "在", "的")):
        return m.group()   # 铁东区和平街道办事处第十九届“5•15政务公开日”活动总结: a unit's account of its own work
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
