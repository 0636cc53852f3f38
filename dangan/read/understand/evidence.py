"""Which requirement of which 测评内容 a document evidences, with a confidence.

Each 网上申报 requirement is a small "document" made of its own text (twice),
the 测评内容's name (twice) and the 测评标准 clause it belongs to; a 测评内容
without requirements is represented by its name, standard, field points and
keywords. A document is compared with every requirement by BM25 (jieba words),
passage by passage: its title is added to each passage of about 260 characters
and the best passage counts, so a long report is judged by the part that is
about the requirement, and that part is what the dossier underlines. The kind
of document (规范文件 for 通知/方案/办法…, 说明报告 for 报告/总结/纪要…,
统计表格 for 统计表) matching the requirement's kind multiplies the score by 1.3.

Measured on real documents (bench/data/items/real.toml), three things keep the topic in
front: a word counts less the more ordinary government papers hold it (印发, 深入, 精神 are
rare among requirement texts but say nothing about a paper's topic; `common_weight`); a
notice's wrapper title (关于印发《…》的通知) counts by its quoted name; and the campaign's own
words are read as the 测评体系's (创文 → 精神文明, 督查 → 督促, 创文办/指挥部 → 文明委, 农贸市场 →
集贸市场; `SYNONYMS`), and the 测评体系's phrases are not split into the office's words (突击迎检,
民意测评; `PHRASES`).

The campaign's own paperwork (real2–real3) added three rules: a speech is its leader's even when
the title does not name the speaker (`is_speech`); a paper whose title names nothing but the
campaign — its report, summary or speech — is about how the campaign is led, so the 组织领导体制
contents weigh ×1.5 for it (`campaign_as_a_whole`); and the 测评标准 clauses no requirement cites
(Ⅲ-60's 垃圾减量分类…) are targets of their own at ×0.7, linked to the 测评内容 with req 0.

Round 5 (real–real4's misses): the inspection's own paperwork — 迎检/测评 notices and meetings,
文明指数测评, 双创/三创 — names the campaign as a whole too; such a paper weighs the 组织领导体制
contents ×1.8 and every other content ×0.6 (its one topical passage, 志愿者 → Ⅲ-23, made real2's
wrong attachment); and a festival in a duty roster's or holiday notice's title only dates it
(`undated`: 春节期间值班 is not 我们的节日).

Round 6 (real–real5's misses): the 文种 a title closes on is its form, not its topic (`without_form`:
…候选单位公示 is not Ⅲ-41's 收费公示, …三年行动计划 not Ⅲ-42's 全民科学素质行动计划); the public's 献策, 金点子, 征集…建议 are Ⅲ-82's
意见建议 (`SYNONYMS`); a title that names a 测评内容 (…政务公开工作的实施意见, 安全生产…会议) weighs it
×1.5 (`NAMED_BONUS`: the clerk files a paper where its title says); 营造…浓厚氛围 is filler (`STOP`); and
the confidence midpoint 4.5 → 4.2, recalibrated after them on the tuned sets.

Round 7 (real–real7's misses): a title about a 新时代文明实践站 is about 志愿服务 (`TITLE_SYNONYMS`: the
2015 system has no 文明实践); a title naming a specific phrase of a 测评标准 (文明单位, 公益广告, 文明餐桌)
weighs the one or two contents whose standard holds it ×1.5 like a named content (`phrases`); and the
midpoint 4.2 → 4.0, recalibrated after them.

Round 8 (a cause real10's first run shows with real3's and real5's): a title naming the city campaign and
an activity (“创文明城市、做文明市民”活动, “文明创城·有你有我”互动系列活动) is the public's part in the
campaign: Ⅲ-82 群众参与 weighs ×1.5 as if named (`campaign_activity`), not the kind of event a passage
describes (互动 → 网络文明传播, 市民 → 市民文明手册, 进社区 → 专业志愿服务队).

Round 9 (a cause real11's first run shows with real4's and real6's): a leader's speech counts as the leader taking
the campaign in hand (领导 亲自, Ⅲ-79-3) only when its title names the campaign or 精神文明 (`leader_on_campaign`);
a 招商引资, 述职评议 or 劳模 award speech went to Ⅲ-79 by it, and real11's 述职评议 speech was attached there.

The confidence maps the best score through a logistic curve, lowered when the
runner-up 测评内容 is nearly as good. Documents are attached automatically at
`ATTACH` or above; below that the matches are suggestions only.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from dangan.read.understand.evidence_words import (
    PUBLIC_PART,
    campaign_activity,
    campaign_as_a_whole,
    common_weight,
    doc_kind,
    expand,
    is_speech,
    leader_on_campaign,
    name_core,
    phrases,
    title_topic,
    tokens,
    undated,
    without_form,
)
from dangan.read.understand.taxonomy import Content, Taxonomy

log = logging.getLogger(__name__)

__all__ = ["ATTACH", "MIDPOINT", "Match", "Matcher", "campaign_activity", "campaign_as_a_whole", "common_weight",
           "doc_kind", "expand", "is_speech", "leader_on_campaign", "matcher_for", "name_core", "phrases", "title_topic", "tokens", "undated", "without_form"]

ATTACH = 0.6             # confidence from which a link is made without asking
MIDPOINT, SPREAD = 4.0, 1.5      # calibrated on real documents (real.toml's tune half; 4.5 → 4.2 in round 6, 4.0 in round 7)
K1, B = 1.2, 0.3          # light length normalisation: a 测评内容 described by all its field points is long, not vague
KIND_BONUS = 1.3
WHOLE_BONUS = 1.8         # a paper on the campaign as a whole, for the 组织领导体制 contents
TOPIC_DISCOUNT = 0.6     # …and for the one topic a passage of it touches
NAMED_BONUS = 1.5         # a 测评内容 the title names (…政务公开工作的实施意见, …见义勇为基金会…)
UNCITED = 0.7             # a clause no requirement cites counts a little below a requirement
LENGTH_PENALTY = 1.0      # × ln(passages / FREE_PASSAGES): the best of many passages is high by chance
FREE_PASSAGES = 3
PASSAGE = 260
MAX_PASSAGES = 400
_ORGANISING = "组织领导体制"   # the 指标 of the contents on how the campaign is led
VERSION = 16             # bump when scores change, so stored auto links are recomputed


def passages(text: str, size: int = PASSAGE) -> list[tuple[int, int]]:
    """(start, end) of overlapping passages of about `size` characters, cut at sentence ends."""
    bounds = [m.end() for m in re.finditer(r"[。！？；\n]", text)]
    if not bounds or bounds[-1] != len(text):
        bounds.append(len(text))
    out: list[tuple[int, int]] = []
    start, last = 0, 0
    for end in bounds:
        if end - start > size and last > start:
            out.append((start, last))
            start = last if last - start <= size // 3 else max(start, last - size // 3)
            start = _sentence_start(text, start)
        last = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out[:MAX_PASSAGES]


def _sentence_start(text: str, at: int) -> int:
    cut = max(text.rfind(ch, 0, at) for ch in "。！？；\n")
    return cut + 1 if cut >= 0 else 0


@dataclass(frozen=True, slots=True)
class Match:
    content: str          # 测评内容 code
    req: int              # requirement no (0: the 测评内容 as a whole)
    score: float
    confidence: float
    span: tuple[int, int] = (0, 0)   # the passage of the text that proves it

    @property
    def attach(self) -> bool:
        return self.confidence >= ATTACH


@dataclass(frozen=True, slots=True)
class _Target:
    content: str
    req: int
    kinds: tuple[str, ...]
    uncited: bool = False     # made of the 测评标准 clauses no requirement cites
    organising: bool = False  # a content of the 指标 组织领导体制 (how the campaign is led)


class Matcher:
    """BM25 of document passages against the requirement texts of one taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.targets: list[_Target] = []
        # the names a title can call a 测评内容 by (政务公开, 志愿服务 for 志愿服务活动, 安全生产)
        self.cores = {c.code: core for c in taxonomy.contents() if len(core := name_core(c.name)) >= 4}
        # …and the specific phrases of its 测评标准 that at most two 测评内容 share (文明餐桌: Ⅲ-12)
        standard = {c.code: " ".join(s.text for s in c.standards) or c.standard for c in taxonomy.contents()}
        found = {p for text in standard.values() for p in phrases(text)}
        owners = {p: frozenset(code for code, text in standard.items() if p in text) for p in found}
        self.phrases = {p: codes for p, codes in owners.items() if len(codes) <= 2}
        bags: list[Counter[str]] = []
        for content in taxonomy.contents():
            organising = taxonomy.indicator(content.indicator) == _ORGANISING
            for target, words in self._describe(content):
                self.targets.append(replace(target, organising=organising) if organising else target)
                bags.append(Counter(words))
        lengths = [sum(b.values()) for b in bags]
        # word statistics over the requirements (and 测评内容 without any) only: the targets made of
        # uncited clauses borrow them, so adding them moves no other score
        counted = [i for i, t in enumerate(self.targets) if not t.uncited]
        average = sum(lengths[i] for i in counted) / max(1, len(counted))
        df = Counter(w for i in counted for w in bags[i])
        n = len(counted)
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for i, bag in enumerate(bags):
            for word, f in bag.items():
                idf = math.log(1 + (n - df[word] + 0.5) / (df[word] + 0.5))
                part = idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[i] / max(1.0, average)))
                part *= common_weight(word)
                self.postings.setdefault(word, []).append((i, part))

    @staticmethod
    def _describe(content: Content) -> list[tuple[_Target, list[str]]]:
        name = tokens(content.name) * 2 + [k for k in content.keywords if len(k) >= 2]
        clauses = {s.clause: s.text for s in content.standards}
        every = " ".join(clauses.values()) or content.standard
        if not content.requirements:
            extra = " ".join(f"{f.point} {f.text}" for f in content.field)
            words = name + tokens(every) + tokens(extra)
            return [(_Target(content.code, 0, ()), words)] if words else []
        out = [(_Target(content.code, r.no, r.kinds),
                name + tokens(r.text) * 2 + tokens(clauses.get(r.clause, every)))
               for r in content.requirements]
        cited = {r.clause for r in content.requirements} | {r.clause_no for r in content.requirements}
        uncited = [text for clause, text in clauses.items() if clause not in cited]
        if uncited:
            out.append((_Target(content.code, 0, (), uncited=True), name + tokens(" ".join(uncited)) * 2))
        return out

    def _score(self, bag: Counter[str], kind: str | None, whole: bool = False,
               named: frozenset[str] = frozenset()) -> dict[int, float]:
        acc: dict[int, float] = {}
        for word, count in bag.items():
            weight = 1 + math.log(count)
            for i, part in self.postings.get(word, ()):
                acc[i] = acc.get(i, 0.0) + weight * part
        norm = math.sqrt(len(bag) + 10)
        for i in acc:
            bonus = KIND_BONUS if kind and kind in self.targets[i].kinds else 1.0
            if self.targets[i].uncited:
                bonus *= UNCITED
            if whole:
                bonus *= WHOLE_BONUS if self.targets[i].organising else TOPIC_DISCOUNT
            if self.targets[i].content in named:
                bonus *= NAMED_BONUS
            acc[i] = acc[i] * bonus / norm
        return acc

    def rank(self, text: str, title: str | None = None, doc_type: str | None = None,
             mime: str | None = None) -> tuple[list[tuple[int, float, tuple[int, int]]], int]:
        """(target index, best score, best passage) for every requirement that scored, best first;
        and the number of passages compared."""
        kind = doc_kind(title, doc_type, mime)
        whole = campaign_as_a_whole(title)
        topic = without_form(undated(title, title_topic(title)))
        text = undated(title, text)
        head = Counter(tokens(topic)) + expand(topic, title=True)
        if leader_on_campaign(title, doc_type, text):
            head.update(("领导", "亲自"))   # a leader's speech on the campaign shows the leader takes it in hand
        named = frozenset(code for code, core in self.cores.items() if core in topic).union(
            *(codes for phrase, codes in self.phrases.items() if phrase in topic))
        if campaign_activity(topic):
            named |= {code for code, core in self.cores.items() if core == PUBLIC_PART}
            head.update(("群众", "参与"))
        best: dict[int, tuple[float, tuple[int, int]]] = {}
        spans = passages(text) if text.strip() else [(0, 0)]
        for span in spans:
            part = text[span[0]:span[1]]
            bag = Counter(tokens(part)) + expand(part)
            for word, count in head.items():
                bag[word] += 2 * count
            if not bag:
                continue
            for i, score in self._score(bag, kind, whole, named).items():
                if score > best.get(i, (0.0,))[0]:
                    best[i] = (score, span)
        return sorted(((i, s, span) for i, (s, span) in best.items()), key=lambda x: -x[1]), len(spans)

    def match(self, text: str, title: str | None = None, doc_type: str | None = None, mime: str | None = None,
              top: int = 3) -> list[Match]:
        """The best requirement of each of the `top` best 测评内容, with confidences."""
        per_content: dict[str, tuple[int, float, tuple[int, int]]] = {}
        ranked_targets, compared = self.rank(text, title, doc_type, mime)
        # The best of many passages is high by chance alone: a long report pays for its length.
        handicap = LENGTH_PENALTY * math.log(compared / FREE_PASSAGES) if compared > FREE_PASSAGES else 0.0
        for i, score, span in ranked_targets:
            code = self.targets[i].content
            if code not in per_content:
                per_content[code] = (self.targets[i].req, score, span)
        ranked = sorted(per_content.items(), key=lambda kv: -kv[1][1])[:max(top, 2)]
        if not ranked:
            return []
        runner_up = ranked[1][1][1] if len(ranked) > 1 else 0.0
        out = []
        for n, (code, (req, score, span)) in enumerate(ranked[:top]):
            confidence = 1 / (1 + math.exp(-(score - handicap - MIDPOINT) / SPREAD))
            if n == 0 and runner_up:
                confidence *= min(1.0, 0.75 + (score - runner_up) / score)
            elif n > 0:
                confidence *= min(1.0, score / ranked[0][1][1]) * 0.9
            out.append(Match(code, req, round(score, 3), round(confidence, 3), span))
        return out


_CACHE: dict[int, Matcher] = {}


def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """One matcher per taxonomy object (building one costs ~0.1 s plus jieba's load)."""
    key = id(taxonomy)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Matcher(taxonomy)
    return _CACHE[key]
