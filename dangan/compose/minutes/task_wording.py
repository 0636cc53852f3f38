"""A task's ledger wording: the sentence as the row says the work, not who said it or why.

`task_text` drops the meeting's or the speaker's lead-in (会议要求，/ 雷广海要求，/ 他强调：),
a link before the actor (同时也要…), an opening clause that only tells the situation
(当前创卫工作，时间紧迫、任务艰巨，) and a closing 要… that only exhorts. Wording only: which
sentences are tasks, and their owners, are decided in `speech_tasks`.
"""
from __future__ import annotations

import re
from datetime import date

from dangan.compose.minutes.speech_directives import NOT_MODAL_AFTER, is_exhortation, modal_positions
from dangan.compose.minutes.task_cues import strip_talk
from dangan.compose.minutes.timing import read_timing
from dangan.compose.minutes.voice import ACTION_RE, QUOTED_RE
from dangan.text.cjk import CJK

_LEAD_IN_RE = re.compile(r"^(?:(?:同时|另外|此外|但是|因此|所以|总之|其中|近期|下一步)[，,]|会议(?:决定|要求|指出|强调|议定|明确|同意)[，,：:]?)+")
# A link with no comma before the actor or the modal (同时也要进一步宣传…, 同时各单位要结合自身实际…): the row
# starts at them.
_LINK_RE = re.compile(r"^(?:与此同时|同时|此外|另外)(?:也|还)?(?=要|各|[\u4e00-\u9fff]{2,12}?要)")
# A speaker's lead-in to a row (刘天华、任营强调，/ 他要求，/ 市委副书记、政法委书记周正清在会后要求：).
_SPEAKER_RE = re.compile(
    rf"^(?:[{CJK}、]{{0,24}}?(?<![要须])[{CJK}]{{2,4}}|他|她)(?:在讲话中|在会上|在会后|现场|还|同时|最后)?"
    rf"(?:要求|强调|指出|说)[，,：:]"
)
_ORDINAL_MODAL_RE = re.compile(r"^[一二三四五六七八九十]要")
# A row's opening clause that tells the situation (婺城区是创卫的主城区，/ 市委、市政府一直高度重视创文工作，
# 现在正是…最关键冲刺的时候，/ 当前创卫工作，时间紧迫、任务艰巨，) or only how to work (要坚持问题导向、目标导向，).
_BACKGROUND_RE = re.compile(r"^[^，,]{2,12}是[^，,]{2,}$|高度重视|紧迫|艰巨|关键|的时候$|^当前[^，,]{0,10}$")
_TAIL_MODAL_RE = re.compile(rf"[，,；;](?=要(?![{NOT_MODAL_AFTER}]))")
# A row's opening that only says whose plan or words the work follows (各县（区）要认真贯彻落实中央《…》和省文明委
# 《…》精神，结合长治市实际情况，加快推动…) or how to fit it (结合…实际): the row starts at the work, its actor and
# modal kept (各县（区）要加快推动…).
_FOLLOWS_RE = re.compile(
    r"(?:贯彻|落实|按照|根据|依照|遵照|学习|领会)[^，,]*?(?:精神|部署|要求|意见|思想|论述|讲话|指示|决定|规定|方案|要义)"
)
_FIT_RE = re.compile(r"^(?:要)?(?:紧密)?结合[^，,]{0,20}?实际(?:情况)?$")


def task_text(sentence: str) -> str:
    """The ledger row's wording: without the meeting's or the speaker's lead-in (会议要求，
    雷广海要求，他强调：) and with 四要… read as 要… — the row says the work, not who said it."""
    text = _LEAD_IN_RE.sub("", sentence.strip()).rstrip("；;，, ")
    text = _LINK_RE.sub("", text)
    text = _ORDINAL_MODAL_RE.sub("要", _SPEAKER_RE.sub("", text), count=1)
    text = _without_background(text)
    text = _without_followed_plan(text)
    text = _without_exhorting_tail(text)
    if text and text[-1] not in "。！？":
        text += "。"
    return text


def _without_followed_plan(text: str) -> str:
    """各县（区）要认真贯彻落实…精神，结合…实际情况，加快推动示范中心（所、站）建设工作，… → 各县（区）要加快推动…: an
    opening clause whose predicate only follows a plan or a leader's words, and a 结合…实际 after it, leave the row."""
    clauses = re.split(r"(?<=[，,])", text)
    modals = modal_positions(clauses[0])
    if len(clauses) < 2 or not modals:
        return text
    at = modals[0]
    modal = re.match(r"必须|务必|确保|应当|需要|须|要", clauses[0][at:])
    head, predicate = clauses[0][: at + len(modal.group(0)) if modal else at + 1], clauses[0][at:].rstrip("，,")
    if not _FOLLOWS_RE.search(predicate) or ACTION_RE.search(strip_talk(QUOTED_RE.sub("", predicate[1:]))):
        return text
    start = 1
    while start < len(clauses) - 1 and _FIT_RE.match(clauses[start].rstrip("，,")):
        start += 1
    rest = "".join(clauses[start:])
    if not ACTION_RE.search(strip_talk(QUOTED_RE.sub("", rest))):
        return text
    return head + rest.lstrip("要")


def _without_exhorting_tail(text: str) -> str:
    """The row without a closing 要… that only exhorts (…，要求各单位举一反三、立即整改，要始终保持良好态势，把…工作
    做实、做好。 → …立即整改。): the work is said before it."""
    for m in _TAIL_MODAL_RE.finditer(text):
        head, tail = text[: m.start()], text[m.end():]
        if is_exhortation(tail) and not is_exhortation(head) and ACTION_RE.search(strip_talk(head)):
            return head + "。"
    return text


def _without_background(text: str) -> str:
    """The row from its first clause that asks for work (wording only: which rows and owners is unchanged)."""
    clauses = re.split(r"(?<=[，,])", text)
    start = 0
    while start < len(clauses) - 1:
        clause = clauses[start].rstrip("，,")
        bare = clause[1:] if clause.startswith("要") else clause
        if modal_positions(bare) or ACTION_RE.search(strip_talk(bare)):
            break
        if not (_BACKGROUND_RE.search(clause) or (bare != clause and not strip_talk(bare).strip())):
            break
        said_when = read_timing(clause, date(2000, 1, 1))
        if said_when.deadline or said_when.frequency:
            break  # 目标是：通过一个月的努力，… keeps its time
        start += 1
    rest = "".join(clauses[start:])
    if start == 0 or not ACTION_RE.search(strip_talk(rest)) or rest.startswith(("强调", "指出", "要求")):
        return text  # 中央…高度重视…，强调要…: whose words they are stays
    return rest if modal_positions(rest) or not text.startswith("要") else "要" + rest
