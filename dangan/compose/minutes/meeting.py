"""What a 纪要 says about the meeting itself: its title, its opening, who was there.

- `meeting_title`: "<meeting name>会议纪要" from the speech's own title (书记在创建办会
  部署会讲话 → 创建办会部署会议纪要), its byline (——2022年3月5日在第十三届全国人民代表
  大会第五次会议上 → 第十三届全国人民代表大会第五次会议纪要) or the catalogue title;
  a stray line (【法宝引证码】…, "召开# Meeting Minutes", a URL) is never a title.
- `opening_paragraph`: 会议传达了…，听取了…，部署了…。会上，副区长传达了…。
- `speech_attendance`: the people the speech names as having spoken (副区长传达了…,
  茂发区长…提出了要求) and the speaker, for 出席; the units that reported, for 列席.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeGuard

from dangan.compose.minutes.voice import meeting_voice

__all__ = ["FALLBACK_OPENING", "Attendance", "clean_title", "is_title_like", "meeting_name", "meeting_title", "opening_paragraph",
           "speech_attendance"]

_CUT_OFF = ("的", "和", "及", "与", "、", "，", ",", "：", ":", "（")
_STRAY_RE = re.compile(r"【|】|#|https?:|www\.|法宝|引证码|[A-Za-z]{3,}|^召开|^\W")
_SPEECH_TITLE_RE = re.compile(r"在(.{2,40}?)(?:上|中|期间)?的?(?:总结|部署|动员|主持|开幕|闭幕)?(?:讲话|发言|致辞|报告|主持词|讲话稿)")
_BYLINE_RE = re.compile(r"^[—－-]{1,2}\s*(?:.{0,20}?日)?\s*在(.{4,40}?)上")
_MEETING_TAIL_RE = re.compile(r"(?:会议|会|大会|座谈会|推进会|调度会|部署会|动员会|常务会议|全会)$")
_REPORT_RE = re.compile(r"(?:报告|讲话|发言|致辞)(?:（[^）]*）)?$")
_ACTION_RE = re.compile(r"^(?:主要任务就是|主要任务是|主要是|会议|就是)?(传达|学习|总结|部署|研究|听取|通报|安排|审议)(了)?")
_HEARD_RE = re.compile(r"^(各[^对，,]{1,12}|[^，,]{2,12})对(.{1,14}?)(?:的工作)?(?:做|作)了(?:总结)?汇报$")
_ROLE = r"(?:常务副|副)?(?:区长|县长|市长|省长|书记|主任|部长|局长|主席|秘书长|政委|主任委员|常委)"
_PERSON_RE = re.compile(
    rf"(?:(?<=[，,。；;：:\s])|^)(?P<who>(?:[\u4e00-\u9fff]{{2,3}}(?={_ROLE}))?{_ROLE}|[\u4e00-\u9fff]{{2,3}}同志)"
    rf"(?P<act>[^，,。；;]{{0,30}}?(?:传达了|通报了|汇报了|介绍了|提出了|讲了|作了|做了|宣读了|主持))"
)
# 区委书记全区工作会议讲话稿 / 项目调度会领导讲话: a speech named by its meeting without 在…上的
_MEETING_SPEECH_RE = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{0,4}}?{_ROLE})?(.{{2,40}}?(?:会议|大会|会))(?:上的?)?(?:主要)?(?:领导|{_ROLE})?(?:讲话|发言|致辞)稿?$"
)
_NOT_NAME = frozenset("各位 全区 全市 我区 我市 区委 市委 区政 省委 县委 区长 副区".split())


@dataclass(frozen=True, slots=True)
class Attendance:
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()

    def merged(self, other: Attendance) -> Attendance:
        def join(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
            return tuple(dict.fromkeys([*a, *b]))
        return Attendance(join(self.present, other.present), join(self.absent, other.absent),
                          join(self.observers, other.observers))

    def signed(self, sheet: Attendance) -> Attendance:
        """Who the sign-in sheet (签到表) lists, in place of who the speech was read to name: the sheet says
        who came; merged, 出席 read 书记、副区长、茂发区长、张三（区委书记）… — the same people twice, once
        as the speech's roles. A list the sheet leaves empty (no one 请假) keeps the speech's."""
        return Attendance(sheet.present or self.present, sheet.absent or self.absent,
                          sheet.observers or self.observers)


def is_title_like(line: str | None) -> TypeGuard[str]:
    """A title, not a stray line: 4–60 characters with Chinese, no web or database marks, not cut off."""
    if not line:
        return False
    line = line.strip()
    return (4 <= len(line) <= 60 and len(re.findall(r"[\u4e00-\u9fff]", line)) >= 4
            and not _STRAY_RE.search(line) and not line.endswith(_CUT_OFF))


def clean_title(*candidates: str | None) -> str | None:
    """The first candidate that reads as a title."""
    return next((c.strip() for c in candidates if is_title_like(c)), None)


_CONVENED_RE = re.compile(r"^(?P<who>[^，。：:]{0,10}?)召开了?(?=.{4})|(?:在[\u4e00-\u9fff]{1,6})?召开$")


def _convened(title: str) -> str:
    """A news headline's 我区召开X会 / X会召开 → 全区X会 / X会."""
    def subject(m: re.Match[str]) -> str:
        who = m.group("who") or ""
        return re.sub(r"^我([区县市镇乡])", r"全\1", who)
    return _CONVENED_RE.sub(subject, title)


def meeting_name(*candidates: str | None, body: str = "", event: str | None = None) -> tuple[str | None, bool]:
    """The meeting's name, and whether it names a meeting (False: a report's or speech's title).

    `event` is the meeting a news page says was convened (…召开…会): it names the meeting
    when the headline does not (刘中汉在…督办会上强调：真督细查 严管真改)."""
    for line in body.split("\n")[:12]:
        m = _BYLINE_RE.match(line.strip())
        if m:
            return m.group(1), True
    for title in candidates:
        if not is_title_like(title):
            continue
        title = title.strip()
        m = _SPEECH_TITLE_RE.search(title) or _MEETING_SPEECH_RE.search(title)
        if m:
            return m.group(1), True
        if title.endswith("纪要"):
            return title[:-2], True
        if title.endswith("记录"):
            return re.sub(r"(?:会议)?记录$", "", title), True
        name = _convened(title)
        if _MEETING_TAIL_RE.search(name):
            return name, True
        if event:
            return event, True
        return title, False
    return (event, True) if event else (None, False)


def meeting_title(*candidates: str | None, body: str = "", event: str | None = None) -> str:
    """"<meeting>会议纪要"; a report heard at the meeting gives 关于听取<title>的会议纪要."""
    name, is_meeting = meeting_name(*candidates, body=body, event=event)
    if not name:
        return "会议纪要"
    if not is_meeting:
        return f"关于听取{name}的会议纪要" if _REPORT_RE.search(name) else f"{name}会议纪要"
    if name.endswith(("会议", "例会", "办公会", "常务会", "全会", "座谈会", "大会")):
        return name + "纪要"
    if name.endswith("会"):
        return name + "议纪要"
    return name + "会议纪要"


FALLBACK_OPENING = "会议研究部署了下一步工作。"


def opening_paragraph(preamble: str, scope: str = "全区", report_title: str | None = None) -> str:
    """会议传达了…，听取了…，部署了…。 then 会上，<who> <did what>。"""
    acts: list[str] = []
    said: list[str] = []
    for sentence in re.split(r"(?<=[。！？])", preamble):
        for clause in re.split(r"[，。；！,;]", sentence):
            clause = clause.strip()
            heard = _HEARD_RE.match(clause)
            m = _ACTION_RE.match(clause)
            if heard:
                acts.append(f"听取了{heard.group(1)}{heard.group(2)}工作汇报")
            elif m and len(clause) >= 4:
                rest = clause[m.end():]
                pair = re.match(r"(?:部署|安排|推进|布置|通过)(?!了)", rest) if not m.group(2) else None
                # 研究部署当前… → 研究部署了当前…, not 研究了部署当前…; 审议通过了… stays (not 审议了通过了…)
                if not m.group(2) and re.match(r"(?:部署|安排|推进|布置|通过)了", rest):
                    acts.append(f"{m.group(1)}{rest}")
                else:
                    acts.append(f"{m.group(1)}{pair.group(0)}了{rest[pair.end():]}" if pair else f"{m.group(1)}了{rest}")
        for m in _PERSON_RE.finditer(sentence):
            stop = re.compile(r"[，。；！,;]").search(sentence, m.end())
            clause = sentence[m.start(): stop.start() if stop else len(sentence)]
            voiced = meeting_voice(clause, scope)
            if voiced:
                said.append(voiced.rstrip("。"))
    if report_title and not acts:
        acts.append(f"听取并审议了{report_title}")
    text = "会议" + "，".join(dict.fromkeys(a.replace("我区", "全区").replace("我市", "本市") for a in acts[:5])) + "。" \
        if acts else FALLBACK_OPENING
    if said:
        text += "会上，" + "；".join(dict.fromkeys(said)) + "。"
    return text


def _who(raw: str) -> str | None:
    raw = raw.strip()
    if raw[:2] in _NOT_NAME and not re.fullmatch(_ROLE, raw):
        return None
    m = re.fullmatch(rf"([\u4e00-\u9fff]{{2,3}})({_ROLE})", raw)
    if m and m.group(1) not in _NOT_NAME:
        return f"{m.group(1)}{m.group(2)}"
    return raw


def speech_attendance(preamble: str, speaker: str | None = None) -> Attendance:
    """出席: the speaker and everyone the speech says spoke; 列席: units that reported."""
    present: list[str] = []
    if speaker:
        present.append(speaker)
    for m in _PERSON_RE.finditer(preamble):
        who = _who(m.group("who"))
        if who:
            present.append(who)
    observers = []
    for clause in re.split(r"[，。；！,;]", preamble):
        heard = _HEARD_RE.match(clause.strip().removeprefix("刚才").strip("，, "))
        if heard:
            observers.append(heard.group(1) + "负责同志")
    return Attendance(present=tuple(dict.fromkeys(present)), observers=tuple(dict.fromkeys(observers)))


def speaker_of(title: str | None) -> str | None:
    """书记在创建办会部署会讲话 → 书记; 国务院总理 李克强 (byline) is read by the caller."""
    if not title:
        return None
    m = re.match(rf"^([\u4e00-\u9fff]{{0,6}}?{_ROLE})在", title)
    return m.group(1) if m else None

