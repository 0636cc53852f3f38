"""Which sentences of a speech direct: the sentences, where the modal stands, directive or exhortation.

A sentence with a modal (要, 必须, 务必, 确保 …) or an urging adverb (迅速, 抓紧, 进一步 …)
that does not report what was done (…了, 刚才, 已经) directs (`is_directive`). It only
exhorts (`is_exhortation`) when, after quoted names and exhortation phrases (认识到, 统一思想,
升温, 要有…精神, 迎接…考验 …) are taken out of the part after the modal, no action verb is
left (制定, 整改, 报送, 宣传, 加大投入 …) — "大家要充分认识到…", "工作必须迅速升温" and
"这是发展的重要抓手" exhort. A bracketed owner note （牵头单位：X；责任单位：Y） stays inside
its sentence (`sentences_of`).
"""
from __future__ import annotations

import re

from dangan.compose.minutes.task_cues import has_work, reports_meeting, strip_talk, tells_superior, urging_text
from dangan.compose.minutes.task_rules import on
from dangan.compose.minutes.voice import EXHORT_RE, QUOTED_RE
from dangan.text.list_marks import drop_list_mark

_SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_MODAL_RE = re.compile(r"必须|务必|确保|应当|需要|须|要")
# 要 inside words that are no modal: 重要 主要 要求 纪要 必要 只要 首要 …
_NOT_MODAL_BEFORE = frozenset("重主纪只首概简摘机险紧提需想")
NOT_MODAL_AFTER = "求点素闻害件职道领"   # 要求 要点 要素 要闻 要害 要件 要职 要道 要领: words, not the modal
_NOT_MODAL_AFTER = frozenset(NOT_MODAL_AFTER)
_URGING_RE = re.compile(
    r"迅速|抓紧|进一步|切实|全力|加快|加大|大力|积极|认真|严格|着力|坚决|力争|争取|尽快|立即|马上|务求"
    r"|牵头|负责|配合|限期|完成"
)
_REPORTED_RE = re.compile(r"了|已经|已于|先后|刚才|前一阶段|过去一年|以来|取得|圆满")
_TARGET_RE = re.compile(r"目标是|目标为|任务是")
_META_RE = re.compile(r"以下|如下|几点意见|三点意见|讲几点")
_JUDGEMENT_RE = re.compile(r"^(?:这|这是|这既是|此)(?:是|既是|也是)?")
_CONDITIONAL_RE = re.compile(r"^要(?:想|做好|搞好|实现)[^，,]{0,30}[，,](?:就|必须|就必须)")
NOTE_TEXT_RE = re.compile(r"[（(](?:牵头单位|责任单位|牵头部门|责任部门|配合单位)[：:][^（()）]*[）)]")


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。！？； (the mark kept), blank ones dropped."""
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip(" ，,。；;")]


def sentences_of(text: str) -> list[str]:
    """`split_sentences`, but a bracketed note （牵头单位：X；责任单位：Y） stays whole, and a sentence that opens
    a list item's line opens after its mark (- 各企事业单位负责人要…, • …, ① …): the mark is layout, and a
    reader of the sentence's start (its subject before the modal) must not take it for words."""
    notes: list[str] = []

    def hide(m: re.Match[str]) -> str:
        notes.append(m.group(0))
        return f"\ue000{len(notes) - 1}\ue001"

    hidden = NOTE_TEXT_RE.sub(hide, text)
    out = []
    for sentence in split_sentences(hidden):
        sentence = drop_list_mark(sentence)
        if sentence.strip(" ，,。；;"):
            out.append(re.sub(r"\ue000(\d+)\ue001", lambda m: notes[int(m.group(1))], sentence))
    return out


# `need_noun` (round 8, gov_news and validation_r6): 需要 as a noun (…是维护群众切身利益的迫切需要, 现实需要) or
# naming what a whole society must bring (是一项系统性工程，需要全社会的共同参与) describes; it directs no one.
_NEED_NOUN_BEFORE_RE = re.compile(r"(?:的|迫切|现实|客观|内在|必然|发展|工作)$")
_NEED_SOCIETY_RE = re.compile(r"^(?:全社会|社会各界|全民|各方|方方面面|广大(?:干部)?群众)")


def _need_noun(sentence: str, at: int) -> bool:
    return on("need_noun") and (bool(_NEED_NOUN_BEFORE_RE.search(sentence[:at]))
                                or bool(_NEED_SOCIETY_RE.match(sentence[at + 2:])))


def modal_positions(sentence: str) -> list[int]:
    """Where each modal (要, 必须 …) stands; 要 inside a word (重要, 要求, 纪要 …) is none."""
    positions = []
    for m in _MODAL_RE.finditer(sentence):
        if m.group(0) == "需要" and _need_noun(sentence, m.start()):
            continue
        if m.group(0) == "要":
            before = sentence[m.start() - 1: m.start()]
            after = sentence[m.end(): m.end() + 1]
            if before in _NOT_MODAL_BEFORE or after in _NOT_MODAL_AFTER:
                continue
            if before == "就" and after in ("到", "来", "开"):
                continue
            if sentence[max(0, m.start() - 3): m.start()].endswith(("个", "五个", "“")):
                continue
            if on("word_yao") and (before == "必" and sentence[m.start() - 2: m.start() - 1] != "务"
                                   or sentence[m.start() - 1: m.end() + 1] == "不要紧"):
                continue  # `word_yao`: 必要 (…的必要条件, 必要的) and 不要紧 are words, no modal
        positions.append(m.start())
    return positions


def modal_at(sentence: str) -> int | None:
    """Where the sentence's first modal (要, 必须 …) stands, or None."""
    positions = modal_positions(sentence)
    return positions[0] if positions else None


def is_directive(sentence: str) -> bool:
    """Does this sentence ask someone to do something?"""
    if _META_RE.search(sentence) or reports_meeting(sentence) or tells_superior(sentence):
        return False
    if sentence.rstrip().endswith(("：", ":")):
        return False  # the lead-in to a list: its items are the tasks
    if modal_positions(sentence) or _TARGET_RE.search(sentence):
        return True
    urging = urging_at(sentence)
    if urging is None or _REPORTED_RE.search(sentence):
        return False
    # "第二大战役是…，全力推进…" describes; it does not direct.
    return "是" not in sentence[:urging]


def urging_at(sentence: str) -> int | None:
    """Where the sentence's first urging word (迅速, 抓紧, 负责 …) stands, or None."""
    m = _URGING_RE.search(urging_text(sentence))
    return m.start() if m else None


def _predicate(sentence: str) -> str:
    positions = modal_positions(sentence)
    return sentence[positions[0]:] if positions else sentence


def is_exhortation(sentence: str) -> bool:
    """Does the sentence urge a state of mind rather than assign an action?"""
    if _JUDGEMENT_RE.match(sentence) or _CONDITIONAL_RE.match(sentence):
        return True
    rest = strip_talk(EXHORT_RE.sub("", QUOTED_RE.sub("", _predicate(sentence))))
    return not has_work(rest)
