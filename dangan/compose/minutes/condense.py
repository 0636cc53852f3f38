"""Condense a speech into the points of a 纪要: rank sentences, keep the ones that carry weight.

The ranking is extractive and local (no network, no model download):

- sentence TextRank (Mihalcea & Tarau 2004) over jieba's segmentation, part
  by part — the similarity of two sentences is their shared content words
  over the log of their lengths, ranked by power iteration. jieba is already a dependency
  (the index uses it); textrank4zh (unmaintained since 2017, pulls networkx)
  and snownlp (the same algorithm with a slower segmenter and its own
  bundled model) would add weight without adding quality;
- plus rules a clerk applies: a sentence that assigns a task, names a unit,
  a date or a figure weighs more; an exhortation weighs less; asides
  (我相信, 同志们, 讲得很好) are never kept; a near-repeat of a kept sentence is
  skipped.

Each part keeps at least its best sentence; the rest of the budget (a share
of the speech's Chinese characters, by `length`) goes to the best sentences
overall. Kept sentences are put in the meeting's voice (`voice.meeting_voice`)
and opened with 会议指出/强调/要求 where the kind of statement changes.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace

from dangan.compose.minutes.news_page import is_act, is_event, speaker_lead
from dangan.compose.minutes.speech_directives import is_directive, is_exhortation, sentences_of
from dangan.compose.minutes.speech_outline import OutlineNode, cn_number
from dangan.compose.minutes.speech_tasks import REVIEW_RE
from dangan.compose.minutes.voice import FIRST_PERSON_RE, heading_voice, meeting_voice

__all__ = ["LENGTHS", "Point", "SentenceChoice", "SubPoint", "cjk_count", "condense", "budget_ratio"]

# Share of the speech's Chinese characters the body may use, (speech, long report).
LENGTHS = {"short": (0.25, 0.15), "normal": (0.38, 0.24), "long": (0.55, 0.40)}
LONG_REPORT_CHARS = 12_000
REPORT_CHARS = 5_000
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_FIGURE_RE = re.compile(r"\d|[一二三四五六七八九十百千万两]+(?:个|条|项|大|类|支|批|名|户|件|种|方面)|“\d+工程”|工程")
_DATE_RE = re.compile(r"\d{4}年|\d{1,2}月|[一二三四五六七八九十]+月|月底|年底|季度|一个月|[一二两三四五六七八九十\d]+(?:天|日|周)")
_UNITISH_RE = re.compile(r"各[\u4e00-\u9fff]{1,6}(?:部门|单位|街道|社区|镇)|由[\u4e00-\u9fff]{2,12}牵头|[\u4e00-\u9fff]{1,8}(?:局|委|办|部|厅)")
_STOP = frozenset("的 了 和 与 及 是 在 要 把 将 对 为 以 等 并 也 都 就 这 那 其 之 而 或 从 到 中 上 下 我们 我区 全区 工作 一个 进行 开展 加强 推进".split())


def cjk_count(text: str) -> int:
    return len(_CJK_RE.findall(text))


def budget_ratio(speech_chars: int, length: str = "normal", report: bool = False) -> float:
    """The body's share: a long text, or a report of some length, is condensed harder than a speech."""
    speech, long_report = LENGTHS[length]
    if speech_chars >= LONG_REPORT_CHARS or (report and speech_chars >= REPORT_CHARS):
        return long_report
    return speech


@dataclass(frozen=True, slots=True)
class SentenceChoice:
    """One sentence of the speech, and what the minutes made of it (None: dropped)."""

    index: int
    part: str
    text: str
    kept: str | None
    score: float


@dataclass(frozen=True, slots=True)
class SubPoint:
    label: str
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Point:
    number: str
    heading: str
    text: str
    subpoints: tuple[SubPoint, ...] = ()


@dataclass(slots=True)
class _Sent:
    index: int
    part: str         # outline path: 二、 / 二、一是
    top: int          # index of the top part (-1: preamble/epilogue)
    child: int        # index of the child under the top part (-1: the part's own text)
    text: str
    voiced: str | None
    kind: str         # task | exhort | fact
    score: float = 0.0
    kept: bool = False
    said: str = ""    # the speaker's verb on a news page (X强调，…): the 纪要 says 会议强调，…


def _tokens(sentences: Sequence[str]) -> list[set[str]]:
    from dangan.segmenter import jieba_module

    jieba = jieba_module()
    jieba.setLogLevel(60)
    out = []
    for sentence in sentences:
        words = {w for w in jieba.lcut(sentence, HMM=False) if len(w) >= 2 and w not in _STOP and _CJK_RE.match(w)}
        out.append(words)
    return out


def textrank(sentences: Sequence[str], iterations: int = 30, damping: float = 0.85,
             tolerance: float = 1e-4) -> list[float]:
    """TextRank score of each sentence (mean 1.0)."""
    n = len(sentences)
    if n == 0:
        return []
    tokens = _tokens(sentences)
    df = Counter(w for words in tokens for w in words)
    common = {w for w, c in df.items() if c > max(8, n * 0.3)}
    tokens = [words - common for words in tokens]
    weights: list[dict[int, float]] = [dict() for _ in range(n)]
    logs = [math.log(len(w) + 1) for w in tokens]
    for a in range(n):  # pairwise intersections: cheaper than an inverted index on dense speech graphs
        words = tokens[a]
        if not words:
            continue
        for b in range(a + 1, n):
            count = len(words & tokens[b])
            if count:
                weight = count / (logs[a] + logs[b])
                weights[a][b] = weight
                weights[b][a] = weight
    out_sum = [sum(row.values()) for row in weights]
    edges = [list(row.items()) for row in weights]
    score = [1.0] * n
    for _ in range(iterations):
        new = [1.0 - damping] * n
        for a in range(n):
            if out_sum[a] == 0:
                continue
            share = damping * score[a] / out_sum[a]
            for b, w in edges[a]:
                new[b] += share * w
        change = max(abs(x - y) for x, y in zip(new, score))
        score = new
        if change < tolerance:
            break
    return score


_TARGET_RE = re.compile(r"目标是|目标为|任务是")


def _kind(sentence: str) -> str:
    if _TARGET_RE.search(sentence):
        return "target"
    if sentence.endswith(("：", ":")):
        return "task" if re.search(r"要|必须|做到", sentence) else "fact"
    if not is_directive(sentence):
        return "fact"
    return "exhort" if is_exhortation(sentence) else "task"


def _collect(nodes: Sequence[OutlineNode], scope: str, known: str = "", tells: bool = True) -> list[_Sent]:
    """Every sentence with its voice; `tells`: the meeting's own story (召开, 出席, 会议听取了…) is no point
    (a report's 召开…现场会，… is its record of the year, and stays)."""
    sents: list[_Sent] = []

    def add(text: str, part: str, top: int, child: int, review: bool) -> None:
        said = ""
        for sentence in sentences_of(text):
            sentence = sentence.lstrip("—－- ")
            lead = speaker_lead(sentence, known, going_on=bool(said))
            said = _SAID.get(lead[0], "") if lead else said  # 他还强调… goes on in the same voice
            spoken = lead[1] if lead else sentence
            voiced = meeting_voice(spoken, scope) if cjk_count(spoken) >= 6 and not (
                tells and (is_event(sentence) or is_act(sentence))) else None
            sents.append(_Sent(len(sents), part, top, child, sentence, voiced,
                               "fact" if review else _kind(spoken), said=said if lead else ""))

    def walk(node: OutlineNode, part: str, top: int, child: int, review: bool) -> None:
        add(node.text, part, top, child, review)
        for grand in node.children:
            walk(grand, part + grand.number, top, child, review)

    for top, node in enumerate(nodes):
        review = bool(REVIEW_RE.search(node.heading))
        add(node.text, node.number, top, -1, review)
        for child_index, child in enumerate(node.children):
            walk(child, node.number + child.number, top, child_index, review)
    return sents


def _part_ranks(sents: list[_Sent]) -> list[float]:
    """TextRank within each top part, scaled so a part's best sentence has 1.0.

    Ranking part by part keeps the graph small (a 50,000-character report has
    1,500 sentences but its parts a few hundred each) and asks the question a
    clerk asks: what carries this part.
    """
    ranks = [0.0] * len(sents)
    parts: dict[int, list[int]] = {}
    for position, sent in enumerate(sents):
        parts.setdefault(sent.top, []).append(position)
    for members in parts.values():
        scores = textrank([sents[i].text for i in members])
        top = max(scores, default=1.0) or 1.0
        for i, score in zip(members, scores):
            ranks[i] = score / top
    return ranks


def _score(sents: list[_Sent], task_texts: set[str]) -> None:
    for sent, rank in zip(sents, _part_ranks(sents)):
        score = rank
        if sent.voiced is None:
            sent.score = -99.0
            continue
        if sent.kind in ("task", "target") or sent.text.rstrip("。；;") in task_texts:
            score += 0.8
        elif sent.kind == "exhort":
            score -= 0.1
        if _FIGURE_RE.search(sent.text):
            score += 0.25
        if _DATE_RE.search(sent.text):
            score += 0.25
        if _UNITISH_RE.search(sent.text):
            score += 0.25
        if re.match(r"^(?:这|这是|这既是|此)|^要(?:想|做好|搞好|实现)[^，,]{0,30}[，,]", sent.text):
            score -= 0.5
        if FIRST_PERSON_RE.search(sent.voiced or ""):
            score -= 1.0
        sent.score = score


def _similar(sa: set[str], sb: set[str]) -> bool:
    """Near-repeats: most characters of the shorter sentence are in the other."""
    return len(sa & sb) / max(1, min(len(sa), len(sb))) > 0.8


def _select(sents: list[_Sent], budget: int, ratio: float, headed: Set[tuple[int, int]] = frozenset()) -> None:
    """Each part and sub-part gets its share of the budget, then the rest goes to the best overall. A part
    with a heading (`headed`) keeps its best sentence even past the budget: a point is never its heading alone
    (a short 纪要 holds to its length and may leave one)."""
    used = 0
    kept_sets: list[set[str]] = []

    def take(sent: _Sent, limit: int, over: bool = False) -> int:
        nonlocal used
        size = cjk_count(sent.voiced or "")
        if sent.kept or sent.score < -1 or size > limit or (used + size > budget and not over):
            return 0
        chars = set(sent.voiced or "")
        if any(_similar(chars, k) for k in kept_sets):
            return 0
        sent.kept = True
        used += size
        kept_sets.append(chars)
        return size

    groups: dict[tuple[int, int], list[_Sent]] = {}
    for sent in sents:
        groups.setdefault((sent.top, sent.child), []).append(sent)
    ranked = {key: [s for s in sorted(members, key=_value) if s.score > _FLOOR] for key, members in groups.items()}
    spent: dict[tuple[int, int], int] = {}
    for key, members in ranked.items():  # round 1: every part's best sentence that is not too long
        for sent in members[:2]:
            size = take(sent, _FIRST_ROOM, over=key in headed)
            if size:
                spent[key] = size
                break
    for key, members in ranked.items():  # round 2: each part up to its share
        share = int(ratio * sum(cjk_count(s.text) for s in groups[key]))
        for sent in members:
            spent[key] = spent.get(key, 0) + take(sent, share - spent.get(key, 0))
    for sent in sorted(sents, key=_value):  # round 3: what is left, best first
        if sent.score > _FLOOR:
            take(sent, budget)


def _value(sent: _Sent) -> float:
    """Sort key: score per length (a long sentence must earn its room)."""
    return -sent.score / max(1.0, math.sqrt(cjk_count(sent.voiced or sent.text) / 40))


_FLOOR = 0.0
_FIRST_ROOM = 90
_LEADS = {"fact": "会议指出，", "exhort": "会议强调，", "task": "会议要求，", "target": "会议明确，"}
# The speaker's own verb (X强调，/ X在讲话中指出：) becomes the meeting's: 会议强调，.
_SAID = {"指出": "会议指出，", "强调": "会议强调，", "要求": "会议要求，", "提出": "会议提出，",
         "表示": "会议指出，", "说": "会议指出，"}


_ORDINAL_RE = re.compile(r"^(?:([一二三四五六七八九十])是|第([一二三四五六七八九十])[，、,]|([一二三四五六七八九十])(?=要(?!求)))")
_CN_VALUE = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _ordinals(texts: list[str]) -> list[str]:
    """一要…四要… with 二要、三要 dropped: the kept items lose their numbers (a run 一…二…三 keeps them)."""
    marks = [_ORDINAL_RE.match(t) for t in texts]
    values = [_CN_VALUE[next(g for g in m.groups() if g)] for m in marks if m]
    if not values or values == list(range(1, len(values) + 1)):
        return texts
    return [t[m.end():] if m else t for t, m in zip(texts, marks)]


def _paragraph(sents: list[_Sent], voiced_leads: bool) -> str:
    parts: list[str] = []
    last_lead = None
    for sent, text in zip(sents, _ordinals([s.voiced or "" for s in sents])):
        lead = sent.said or _LEADS["task" if sent.kind == "task" else sent.kind]
        if text.startswith("要求") and not sent.said:  # (X)要求区创城办… is the meeting's 要求
            lead, text = "会议要求，", text[2:]
        if voiced_leads and lead != last_lead and not text.startswith("会议"):
            modal = lead in ("会议要求，", "会议强调，") and text.startswith("要") and not text.startswith("要求")
            text = lead + (text[1:] if modal else text)
        last_lead = lead
        parts.append(text)
    return "".join(parts)


def condense(nodes: Sequence[OutlineNode], *, speech_chars: int, overhead: int = 0, length: str = "normal",
             task_texts: Set[str] = frozenset(), scope: str = "全区",
             ratio: float | None = None, report: bool = False,
             known: str = "") -> tuple[list[Point], list[SentenceChoice]]:
    """Points of the minutes from the outline, within the length budget; and every sentence's fate.

    `known`: where the page names who was at the meeting (`news_page.known_names`); only their
    lead-ins (刘鹏指出，) become the meeting's verb."""
    sents = _collect(nodes, scope, known, tells=not report)
    _score(sents, set(task_texts))
    headings = sum(cjk_count(n.heading) + sum(cjk_count(c.heading) for c in n.children) for n in nodes)
    share = ratio if ratio is not None else budget_ratio(speech_chars, length, report)
    budget = int(speech_chars * share) - overhead - headings
    headed = set() if length == "short" else {(top, -1) for top, n in enumerate(nodes) if n.heading} | {
        (top, i) for top, n in enumerate(nodes) for i, c in enumerate(n.children) if c.heading}
    _select(sents, max(budget, 0), max(budget, 0) / max(1, sum(cjk_count(s.text) for s in sents)), headed)
    points: list[Point] = []
    for top, node in enumerate(nodes):
        own = [s for s in sents if s.top == top and s.child == -1 and s.kept]
        subpoints = []
        for child_index, child in enumerate(node.children):
            kept = [s for s in sents if s.top == top and s.child == child_index and s.kept]
            heading = heading_voice(child.heading.strip("。；; "), scope)
            text = _paragraph(kept, voiced_leads=False)
            if heading and text.startswith(heading):
                text = text[len(heading):].lstrip("。，,")
            label = f"（{cn_number(child_index + 1)}）"
            subpoints.append(SubPoint(label=label, heading=heading, text=text))
            if not heading and not text:
                subpoints.pop()
        point = Point(number=node.number, heading=heading_voice(node.heading.strip("。；; "), scope),
                      text=_paragraph(own, voiced_leads=True), subpoints=tuple(subpoints))
        if point.heading or point.text or point.subpoints:
            points.append(point)
    if len(points) < len(nodes) and all(re.fullmatch(r"[一二三四五六七八九十百]+、", n.number) for n in nodes):
        # parts with nothing kept (编辑：…, 副市长…参加会议。) leave no empty 三、四、 behind
        points = [replace(pt, number=f"{cn_number(i + 1)}、") for i, pt in enumerate(points)]
    choices = [SentenceChoice(s.index, s.part, s.text, s.voiced if s.kept else None, round(s.score, 3))
               for s in sents]
    return points, choices
