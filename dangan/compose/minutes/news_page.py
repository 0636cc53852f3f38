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

from dangan.text.cjk import CJK

__all__ = ["LEAD_VERBS", "is_event", "strip_furniture", "speaker_lead"]

# A line of the site: a timestamp or 来源/作者/责任编辑/字号/发布时间 fields, nothing else said.
_FIELD = r"(?:来源|稿件来源|作者|责任编辑|编辑|审核|制作|校对|字号|发布时间|发布日期|点击数|浏览次数|供稿)"
_STAMP = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_SITE_LINE_RE = re.compile(
    rf"^(?:{_STAMP}\s*)?(?:{_FIELD}\s*[：:][^。！？]{{0,40}}?\s*)*(?:{_FIELD}\s*[：:][^。！？]{{0,40}})?$"
)
_STAMP_LINE_RE = re.compile(rf"^{_STAMP}$")
# 本报讯 饶是禄、记者曾萍艳报道： / 本网讯（记者 汪骏） / 淮北新闻网讯 / □记者 李哲 刘瑶 报道
_DATELINE_RE = re.compile(
    rf"^(?:[□■]?\s*(?:[{CJK}]{{0,8}}?(?:讯|报道))?\s*"
    rf"(?:[（(]\s*(?:全媒体)?记者[^）)]{{0,30}}[）)]|[{CJK}、\s]{{0,30}}?(?:记者|通讯员)[{CJK}、\s]{{0,30}}?报道[：:]?)"
    rf"|[{CJK}]{{0,8}}?(?:日报|晚报|新闻网|网|报|台)讯|本报讯|本网讯|本台讯|新华社[{CJK}]{{0,6}}电)\s*"
)
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
    r"出席(?:会议|并讲话)|主持会议|主持[。，]?$|参加(?:了)?会议|讲话[，。]?$|"
    r"^会上[，,][^。]*(?:发言|通报|汇报|解读|宣读|传达)|^参加(?:今天|本次)?会议的有|^下面[，,]请|"
    r"(?:作|做)了?[^，。]{0,6}发言[。]?$|^[^，。]{2,24}?(?:就|对)[^。]{0,30}提出了?(?:明确|具体)*要求[。]?$"
)


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
        line = _DATELINE_RE.sub("", line, count=1).strip()
        line = _TAIL_NOTE_RE.sub("", line).strip()
        if line:
            kept.append(line)
    while kept and (not kept[-1] or _LONE_NAME_RE.match(kept[-1])):
        kept.pop()  # a closing author's name, alone on its line
    return "\n".join(kept).strip()


def speaker_lead(sentence: str) -> tuple[str, str] | None:
    """刘鹏在讲话中指出，全国文明城市是… → ("指出", "全国文明城市是…"); None without a speaker's lead-in."""
    m = _SPEAKER_LEAD_RE.match(sentence)
    if not m or _NOT_SPEAKER_RE.match(m.group("who")):
        return None
    rest = sentence[m.end():].lstrip("，,：: ")
    if len(re.findall(rf"[{CJK}]", rest)) < 4:
        return None
    return m.group("verb"), rest


_MODAL_RE = re.compile(r"(?<![会议主重需])要(?![求素点])|必须|务必")


def is_event(sentence: str) -> bool:
    """…日，全区召开…会。/ X出席会议并讲话。/ Y主持会议。/ 会上，Z作了表态发言。 (and nothing asked)"""
    text = sentence.strip()
    return bool(_EVENT_RE.search(text)) and not _MODAL_RE.search(text)
