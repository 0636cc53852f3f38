"""A news page that reports a meeting, read as the source of its 纪要.

Government and newspaper sites report a leader's speech in the third person:
the page carries its furniture (a 来源/作者/责任编辑/字号 line, a dateline
本报讯 记者…报道：, a closing 编辑：…/审核：… or （记者 …）), tells the event
(…日，全区召开…会。区委书记X出席会议并讲话，Y主持会议。Z参加会议。) and gives
what was said behind the speaker's name (X指出，/ X在讲话中强调：/ 他要求，).
A clerk's 纪要 keeps none of the furniture, tells the event once in its
opening, and writes what was said as 会议指出/强调/要求.

- `strip_furniture`: the page's own lines and datelines out of the body.
- `speaker_lead`: X强调， at a sentence's start → ("强调", the rest).
- `is_event`: a sentence that tells the meeting itself (召开, 出席, 主持, 参加会议).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dangan.text.cjk import CJK

__all__ = ["LEAD_VERBS", "Event", "is_act", "is_event", "known_names", "news_opening", "page_date", "read_event", "speaker_lead",
           "strip_forum", "strip_furniture"]

# A line of the site: a timestamp or 来源/作者/责任编辑/字号/发布时间 fields, nothing else said.
_FIELD = r"(?:来源|稿件来源|作者|责任编辑|责编|编辑|审核|制作|校对|字号|发布时间|发布日期|点击数|浏览次数|供稿)"
# 2019-11-27 08:00:00, 2026年03月17日10:33 (a portal's, the time run on)
_STAMP = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_SITE_LINE_RE = re.compile(
    rf"^(?:{_STAMP}\s*[|｜]?\s*)?(?:{_FIELD}\s*[：:][^。！？]{{0,40}}?\s*)*(?:{_FIELD}\s*[：:][^。！？]{{0,40}})?$"
)
# A portal's own controls and slogans, each alone on its line with no sentence in it: 订阅已订阅已收藏, 收藏点击播报本文，约,
# 分享让更多人看到, 推荐阅读, - 评论, 打开客户端体验更多服务, 第一时间为您推送权威资讯, 关注人民网，传播正能量, a bare count (222).
_PORTAL_LINE_RE = re.compile(
    r"^(?:\d{1,6}|[-•·]\s*\S{1,4}|打开|推荐阅读|相关(?:新闻|阅读|推荐)|分享(?:到|让更多人看到)?.{0,8}"
    r"|.{0,8}(?:订阅|收藏|点击播报|播报本文|客户端|推送权威资讯|传播正能量|报道全球).{0,12})$"
)
_STAMP_LINE_RE = re.compile(rf"^{_STAMP}$")
# A forum thread's own lines (• 510阅读, 上一主题 下一主题, 只看楼主 倒序阅读 0 发表于: …, 快速回复, 限200 字节,
# 离线admin, the newspaper archive's 第1版() / 专栏:) and its [复制链接] after the headline.
_FORUM_LINE_RE = re.compile(
    r"^(?:[•·]\s*\d+\s*(?:阅读|回复)|上一主题\s*下一主题|上一[个篇页]\s*下一[个篇页]|快速回复|限\d+\s*字节"
    r"|只看楼主.*|离线\S{1,20}|第\d+版[（(][）)]|专栏[：:])$"
)
_FORUM_TAIL_RE = re.compile(r"\s*\[复制链接\]$")
# 本报讯 饶是禄、记者曾萍艳报道： / 本网讯（记者 汪骏） / 淮北新闻网讯 / □记者 李哲 刘瑶 报道
_DATELINE_RE = re.compile(
    rf"^(?:[□■]?\s*(?:[{CJK}]{{0,8}}?(?:讯|报道))?\s*"
    rf"(?:[（(]\s*(?:全媒体)?记者[^）)]{{0,30}}[）)]|[{CJK}、\s]{{0,30}}?(?:记者|通讯员)[{CJK}、\s]{{0,30}}?报道[：:]?)"
    rf"|[{CJK}]{{0,8}}?(?:日报|晚报|新闻网|网|报|台)讯|本报讯|本网讯|本台讯|新华社[{CJK}]{{0,6}}电"
    rf"|[{CJK}]{{1,8}}?(?:网|社|台|报)[{CJK}]{{0,6}}?\d{{1,2}}月\d{{1,2}}日电\s*(?:[（(]\s*记者[^）)]{{0,30}}[）)])?"
    rf"|[{CJK}]{{0,6}}?(?:网|社|台|报)消息\s*(?:[（(][^）)]{{0,20}}[）)])?\s*[：:])\s*"
)
# A paper's or site's rights notice (…所有自采新闻（含图片）独家授权山西新闻网发布，未经允许不得转载或镜像；授权转载务必
# 注明来源…; 版权所有; 转载请注明出处): the site's, never what was said.
_RIGHTS_RE = re.compile(r"未经[^，。；]{0,6}?(?:允许|授权|许可)[^，。；]{0,6}?(?:转载|使用|复制)|授权转载|转载请注明|版权所有|不得转载")
_TAIL_NOTE_RE = re.compile(r"[（(]\s*(?:全媒体|本报|见习)?记者[^（()）]{0,30}[）)]\s*$")
_LONE_NAME_RE = re.compile(rf"^[{CJK}]{{2,4}}$")

LEAD_VERBS = ("指出", "强调", "要求", "提出", "表示", "说")
# X指出，/ X在讲话中强调：/ 刘天华、任营强调，/ 他要求，/ 杨县长在讲话中强调，/ 最后，吴部长就落实会议精神强调，
_SPEAKER_LEAD_RE = re.compile(
    rf"^(?:最后|同时|随后|此外|另外|会上)?[，,]?"
    rf"(?P<who>(?:[{CJK}]{{2,4}}、)*[{CJK}]{{2,4}}?|他|她)"
    rf"(?:在讲话中|在会上|在会议上|在会后|在总结讲话时|在主持时|在主持会议时|现场|还|同时|最后|也|进一步|对此)?"
    rf"(?:就[^，,：:。]{{2,20}}?)?"
    rf"(?P<verb>{'|'.join(LEAD_VERBS)})[，,：:]"
)
_NOT_SPEAKER_RE = re.compile(r"^(?:会议|会上|大会|文件|通知|方案|报告|上级|中央|省委|市委|区委|县委|我们|大家|这|有关|各)")
# The meeting itself: convened, attended, chaired; someone reported or spoke at it.
_EVENT_RE = re.compile(
    r"召开(?!的)了?[^，。；]{0,40}?会(?:议)?[，。]|会(?:议)?(?:在[^，。；]{1,20})?召开[，。]|"
    r"会议[^，。；]{0,30}?(?:结束|闭幕)[。]?$|"
    r"出席(?:了?(?:全体|本次|此次)?会议|并讲话)|主持会议|主持[。，]?$|参加(?:了)?会议|讲(?:了)?话[，。]?$|"
    r"^会上[，,][^。]*(?:发言|通报|汇报|解读|宣读|传达)|^参加(?:今天|本次)?会议的有|^下面[，,]请|"
    r"(?:作|做)了?[^，。]{0,6}发言[。]?$|^[^。]{2,40}?(?:汇报|通报|介绍|解读)了[^。]{0,60}(?:情况|工作|进展|任务|方案|结果)[。；;]?$|^[^，。]{2,24}?(?:就|对)[^。]{0,30}提出了?(?:明确|具体)*要求[。]?$"
)


def strip_forum(text: str) -> str:
    """`text` without a forum thread's own lines, so that its headline is the page's first line."""
    lines = [_FORUM_TAIL_RE.sub("", raw.rstrip()) for raw in text.split("\n")]
    return "\n".join(line for line in lines if not _FORUM_LINE_RE.match(line.strip()))


def strip_furniture(body: str) -> str:
    """`body` without the site's lines, datelines, reporter notes and closing credits."""
    lines = body.split("\n")
    kept: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            kept.append("")
            continue
        if _STAMP_LINE_RE.match(line) or (re.search(_FIELD + r"\s*[：:]", line) and _SITE_LINE_RE.match(line)):
            continue
        if re.fullmatch(_FIELD + r"\s*[：:]\s*\S{0,12}", line):
            continue
        if re.fullmatch(r"[（(]" + _FIELD + r"\s*[：:][^（()）]{0,30}[）)]", line) or _PORTAL_LINE_RE.match(line):
            continue  # （责编：王仁宏、吕骞）; a portal's controls and slogans
        if _RIGHTS_RE.search(line) and len(line) <= 200:
            continue
        line = _DATELINE_RE.sub("", line, count=1).strip()
        line = _TAIL_NOTE_RE.sub("", line).strip()
        if line:
            kept.append(line)
    while kept and (not kept[-1] or _LONE_NAME_RE.match(kept[-1])):
        kept.pop()  # a closing author's name, alone on its line
    return "\n".join(kept).strip()


def speaker_lead(sentence: str, known: str = "", *, going_on: bool = False) -> tuple[str, str] | None:
    """刘鹏在讲话中指出，全国文明城市是… → ("指出", "全国文明城市是…"); None without a speaker's lead-in.

    The speaker must be someone the page names at the meeting (`known`: its opening paragraphs,
    县委书记刘鹏…; 杨县长 for 县长杨向喜), or 他/她 right after such a lead-in (`going_on`):
    周总理指出，/ 列宁说，/ 应当指出， quote someone else and stay as they are.
    """
    m = _SPEAKER_LEAD_RE.match(sentence)
    if not m or _NOT_SPEAKER_RE.match(m.group("who")):
        return None
    who = m.group("who")
    if _AUTHORITY_RE.search(who):
        return None
    if who in ("他", "她"):
        if not going_on:
            return None
    elif not all(_named(name, known) for name in who.split("、")):
        return None
    rest = sentence[m.end():].lstrip("，,：: ")
    if len(re.findall(rf"[{CJK}]", rest)) < 4:
        return None
    return m.group("verb"), rest


# Someone else's word quoted (毛主席指出，/ 纲要要求，): a document or a leader above the meeting.
_AUTHORITY_RE = re.compile(r"主席|总理|总书记|纲要|规划|计划|报告|文件|公报|决定|决议|意见|通知|方案|条例|宪法|精神")


def _named(name: str, known: str) -> bool:
    """刘鹏 in 县委书记刘鹏; 杨县长 for 县长杨向喜, 吴部长 for 宣传部长吴兴利; 万里同志 for 万里."""
    if name.endswith("同志") and len(name) >= 4:
        name = name[:-2]
    if len(name) >= 2 and name in known:
        return True
    m = re.fullmatch(rf"([{CJK}])([{CJK}]{{1,3}})", name)
    return bool(m and m.group(2)[-1] in "长记任席" and (m.group(2) + m.group(1)) in known)


def known_names(body: str) -> str:
    """The opening paragraphs of a page, where it names who was at the meeting."""
    return "\n".join([p for p in body.split("\n") if p.strip()][:3])


_MODAL_RE = re.compile(r"(?<![会议主重需])要(?![求素点])|必须|务必")
# A visit or a broadcast meeting watched, told as it happened: it opens the 纪要 as it stands.
_VISIT_RE = re.compile(r"(?:带领|率领|带队|一行)[^。]{0,80}?(?:督查|调研|检查|督导|暗访|查看|踏看|视察)|收听收看了?[^。]{0,80}会"
                       r"|(?:一同|一起|陪同)(?:调研|督查|检查|督导|视察|参加)[。]?$")


def is_event(sentence: str) -> bool:
    """…日，全区召开…会。/ X出席会议并讲话。/ Y主持会议。/ 会上，Z作了表态发言。 (and nothing asked)"""
    text = sentence.strip()
    return bool(_EVENT_RE.search(text) or _VISIT_RE.search(text)) and not _MODAL_RE.search(text)


# The page's own date (2019-11-27 08:00:00 来源：…, 发布时间：2022-12-09): the year of the meeting's 11月21日.
_PAGE_DATE_RE = re.compile(r"(?:^|\s|[：:])(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_CONVENE_RE = re.compile(
    r"召开(?!的)了?(?P<a>[^，。；]{4,40}?(?:会议|大会|会))(?=[，。；]|$)"
    r"|(?P<b>[^，。；]{4,40}?(?:会议|大会|会))(?:\d{1,2}日[上下]?午?)?(?:在[^，。；]{1,20})?(?:召开|举行|结束|闭幕)(?=[，。；]|$)"
)
_PLACE_RE = re.compile(r"在([^，。；在]{2,20}?(?:会议室|礼堂|会堂|报告厅|大厅|中心|宾馆|酒店|会场))(?:召开|举行)")
_DAY_RE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]")
_PLACE_SUBJECT_RE = re.compile(rf"([{CJK}]{{2,8}}(?:省|市|区|县|镇|乡|街道))(?:在[^，。；]{{1,20}})?$")
_HOST_RE = re.compile(r"(?:^|[，。；])(?P<who>[^，。；]{2,30}?)主持(?:会议|召开)")
_PRESENT_RE = re.compile(r"(?:^|[，。；])(?P<who>[^，。；]{2,60}?)(?:等)?(?:出席了?(?:全体|本次)?(?:会议)?(?:并(?:发表)?讲了?话)?|参加(?:了)?会议)(?=[，。；]|$)")
_GROUP_RE = re.compile(r"负责同志|负责人|成员单位|主要负责|有关部门|各[\u4e00-\u9fff]{1,4}(?:单位|部门)")
_ACT_VERB = r"(?:传达学习|传达|听取|通报|学习|审议|研究|安排部署|部署|布置|观看)"
_ACT_RE = re.compile(rf"^(?:会议(?:首先|还|先后|集中|同时)?{_ACT_VERB}了?|{_ACT_VERB}了"
                     rf"|会议(?:还)?(?:对|就)[^，。]{{2,30}}(?:进行|作|做)了?(?:安排部署|部署|安排|通报)。?$)")
_FOLLOW_ACT_RE = re.compile(r"^并?(?:传达|通报|听取|部署|安排部署|总结|研究|学习)了?")
_DATE_LEAD_RE = re.compile(r"^[^，。；]{0,12}?\d{1,2}月\d{1,2}[日号][上下]?[午]?[晚]?[，,]?")


@dataclass(frozen=True, slots=True)
class Event:
    """What a news page tells of the meeting: its name, day, chair, who was there, what it heard."""

    name: str | None = None
    day: date | None = None
    host: str = ""
    place: str = ""
    present: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()


def page_date(body: str) -> date | None:
    """The date the page was published, from its first lines."""
    for line in body.split("\n")[:6]:
        m = _PAGE_DATE_RE.search(line)
        if m and len(line) <= 120:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _meeting_day(sentence: str, published: date | None) -> date | None:
    m = _DAY_RE.search(sentence)
    if not m:
        return None
    year = int(m.group(1)) if m.group(1) else None
    month, day = int(m.group(2)), int(m.group(3))
    if year is None and published is not None:
        year = published.year - (1 if month > published.month else 0)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_event(body: str, published: date | None = None) -> Event:
    """The meeting as the page's opening paragraphs tell it (no convening found: an empty Event)."""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()][:3]
    for index, paragraph in enumerate(paragraphs):
        for sentence in re.split(r"(?<=[。！？])", paragraph):
            m = _CONVENE_RE.search(sentence)
            if m and not _MODAL_RE.search(sentence[: m.start()]):
                return _event(paragraphs[index:], sentence, m, published)
    return Event()


def _event(paragraphs: list[str], sentence: str, m: re.Match[str], published: date | None) -> Event:
    name = (m.group("a") or m.group("b")).strip()
    subject = _DATE_LEAD_RE.sub("", sentence[: m.start()]).strip("，, ")
    name = _DATE_LEAD_RE.sub("", name).lstrip("，, ")
    place = _PLACE_SUBJECT_RE.search(subject)
    if place and not place.group(1).startswith(("我", "全")) and not name.startswith(place.group(1)):
        name = place.group(1) + name
    told = [s for s in re.split(r"(?<=[。！？])", paragraphs[0]) if s.strip()]
    host = ""
    present: list[str] = []
    observers: list[str] = []
    for part in [*told, *paragraphs[1:3]]:
        if (h := _HOST_RE.search(part)) and not host:
            host = _DATE_LEAD_RE.sub("", h.group("who")).strip()
        for p in _PRESENT_RE.finditer(part):
            who = _DATE_LEAD_RE.sub("", _listed_before(part[: p.start("who")]) + p.group("who")).strip()
            if _CONVENE_RE.search(who) or len(who) < 2:
                continue
            (observers if _GROUP_RE.search(who) else present).append(who)
    if 2 <= len(host) <= 3:  # 叶锐主持会议 after 县长叶锐 among those present: 县长叶锐
        titled = [p for who in present for p in re.split(r"[，、]", who) if p.endswith(host) and len(p) > len(host)]
        host = titled[0] if titled else host
    acts: list[str] = []
    after = sentence[m.end():].lstrip("，, ")
    for clause in re.split(r"[，；]", after.rstrip("。")):
        if _FOLLOW_ACT_RE.match(clause):
            acts.append(re.sub(r"^并", "", clause))
    name = re.sub(r"^我([区县市镇乡])", r"全\1", re.sub(r"^(?:这次|本次|此次|这个)", "", name))  # 召开这次全区…会议
    place = _PLACE_RE.search(sentence)
    return Event(name=name, day=_meeting_day(sentence, published), host=host,
                 place=place.group(1) if place else "", present=tuple(present),
                 observers=tuple(observers), acts=tuple(acts))


_NOT_PERSON_RE = re.compile(r"召开|会议|大会|主持|讲话|[日了要]|^\W*$")


def _listed_before(text: str) -> str:
    """区委常委、宣传部长雷广海，副区长党国岩出席会议: the people listed before the last comma."""
    pieces = re.split(r"(?<=[，,])", text)
    kept: list[str] = []
    for piece in reversed(pieces[:-1] if pieces and not pieces[-1] else pieces):
        ended = re.split(r"[。；！？]", piece)
        piece = ended[-1]
        if len(piece) > 26 or _NOT_PERSON_RE.search(piece.rstrip("，,")):
            break
        kept.insert(0, piece)
        if len(ended) > 1:
            break  # a sentence ends before it: the list starts here
    return "".join(kept).replace(",", "，")


_REPORTED_RE = re.compile(r"(?:汇报|通报|介绍|解读)了")


def news_opening(body: str, event: Event) -> str:
    """会议通报了…，部署了…。会上，X解读了…。 from the page's acts; "" when it tells none."""
    acts = list(event.acts)
    said: list[str] = []
    visits: list[str] = []
    for sentence in re.split(r"(?<=[。！？])", body):
        text = sentence.strip().rstrip("。！？")
        if _VISIT_RE.search(text) and is_event(text) and not event.name:
            visits.append(re.sub(r"^本报讯\s*", "", text))
        elif is_act(text):
            acts.append(re.sub(r"^会议(?:首先|还|先后|集中|同时)?", "", text))
        elif is_event(text) and not _CONVENE_RE.search(text) and (
                text.startswith(("会上，", "会上,")) or _REPORTED_RE.search(text)):
            said.append(re.sub(r"^(?:会上|刚才)[，,]", "", text))
    if not acts and not said and not visits:
        return ""
    local = {"我区": "全区", "我市": "全市", "我县": "全县"}
    out = "".join(v + "。" for v in visits[:1])
    out += "会议" + "，".join(dict.fromkeys(acts[:4])) + "。" if acts else ""
    if said:
        out += "会上，" + "；".join(dict.fromkeys(said[:3])) + "。"
    for mine, whole in local.items():
        out = out.replace(mine, whole)
    return out


def is_act(sentence: str) -> bool:
    """会议首先传达学习了…。/ 会议听取了…汇报。: an act for the 纪要's opening, not a point."""
    told = re.sub(r"《[^》]{0,60}》", "《》", sentence)  # titles heard (…会议纪要》) neither lengthen nor ask
    return bool(_ACT_RE.match(sentence.strip())) and not _MODAL_RE.search(told) and len(told) <= 120
