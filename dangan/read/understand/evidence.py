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

The confidence maps the best score through a logistic curve, lowered when the
runner-up 测评内容 is nearly as good. Documents are attached automatically at
`ATTACH` or above; below that the matches are suggestions only.
"""
from __future__ import annotations

import logging
import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from dangan.read.understand.taxonomy import Content, Taxonomy

log = logging.getLogger(__name__)

__all__ = ["ATTACH", "Match", "Matcher", "doc_kind", "matcher_for", "tokens"]

ATTACH = 0.6             # confidence from which a link is made without asking
MIDPOINT, SPREAD = 4.5, 1.5      # calibrated on real documents (bench/data/items/real.toml, tune half)
K1, B = 1.2, 0.3          # light length normalisation: a 测评内容 described by all its field points is long, not vague
KIND_BONUS = 1.3
WHOLE_BONUS = 1.5         # a paper on the campaign as a whole, for the 组织领导体制 contents
UNCITED = 0.7             # a clause no requirement cites counts a little below a requirement
LENGTH_PENALTY = 1.0      # × ln(passages / FREE_PASSAGES): the best of many passages is high by chance
FREE_PASSAGES = 3
PASSAGE = 260
MAX_PASSAGES = 400
COMMON_FLOOR = 0.04       # a word in fewer of the ordinary government documents keeps its full weight
VERSION = 6              # bump when scores change, so stored auto links are recomputed

STOP = frozenset("""提供 说明 情况 本区 区 有关 部门 报告 规范 文件 说明报告 规范文件 统计 表格 统计表格 实景 图片
实景图片 反映 开展 工作 进行 加强 推进 落实 建立 健全 具体 主要 举措 措施 相关 以及 按照 根据 要求 活动 作出 评价
市文明办 征求 意见 主管 列举 分别 近两年 人次 其中 我区 区级 全区 通知 关于 城区 本市 我市 全市
印发 转发 下发 印发给 办公室 实施方案 方案 制定 讲话 要点 工作要点
党委 党组 工委 党工委 区直 区直机关 委办局 办事处 机关工委""".split())
# the second and third lines: words that name the form of a paper or the organs that must write or
# receive it, not its topic (区委办公室印发的…方案; a 讲话; 街道办事处, 各镇党委 in a 主送 line);
# the kind bonus scores form, and every notice's title says 关于印发…方案的通知
# Words the 测评体系 uses only inside a phrase with another meaning than the office's: Ⅲ-89 asks to
# prevent 突击迎检 (a sudden clean-up for the inspectors), while the office's 迎检 notices organise the
# inspection; Ⅲ-83's 民意测评 is a poll, the office's 测评 is the inspection itself.
PHRASES = frozenset({("突击", "迎检"), ("民意", "测评")})
NORM_TYPES = ("通知", "方案", "意见", "办法", "决定", "规定", "细则", "制度", "计划", "安排", "标准", "纲要", "清单",
              "要点", "规划")
_JUNK = re.compile(r"[\W\d_a-zA-Z]+")
# The campaign's own words for what the 测评体系 names otherwise: a document that says 创文 or
# 督查 is about 精神文明 creation and the 文明委's 督促; 农贸市场 is the 集贸市场 of the field points.
SYNONYMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple((re.compile(p), w) for p, w in (
    (r"文明城[市区]|创文|创城|文明创建|创建文明", ("精神文明",)),
    (r"督查|督导|暗访", ("督促",)),
    (r"创[文城]办|创建办|创[文城建][^，。；\n]{0,12}(?:领导小组|指挥部)", ("文明委",)),
    (r"农贸市场|菜市场", ("集贸市场",)),
    (r"市容", ("环境卫生",)),
    (r"信息公开", ("政务",)),
    (r"法治政府", ("依法行政",)),
))
_LEADER_SPEECH = re.compile(r"(书记|区长|县长|市长|旗长|州长).{0,30}讲话")
# A speech at a meeting is a leader's, named or not: the title says 在…会上的讲话 (讲话稿, 讲话提纲) or
# the text opens on 同志们 — not a paper about 学习…重要讲话精神.
_SPEECH_TITLE = re.compile(r"(?:会|会议|典礼|仪式)上?的?(?:讲话|致辞)|讲话(?:稿|提纲|全文)?$")
_SPEECH_OPENING = re.compile(r"^\W{0,3}(?:[^\n]{0,40}\n){0,4}\W{0,3}同志们\s*[:：，,！!]")
_WRAPPED = re.compile(r"(?:印发|转发|下发|发布|颁布)[^《]{0,12}《(.+)》")
# A title that names nothing but the campaign (…创建全国文明城市工作情况汇报, 在创建省级文明城市动员大会上的
#讲话): once the campaign's name, the form, the meeting and the place are taken away nothing is left. Such
# a paper — the campaign's report, summary or speech — is about the campaign as a whole, i.e. how it is
# led and organised (指标 组织领导体制: Ⅲ-79 党委政府重视, Ⅲ-80 文明委组织协调), not about the one topic
# a passage of it touches (志愿者 → Ⅲ-23, 宣传 → Ⅲ-81).
_CAMPAIGN_TITLE = re.compile(r"创文|创城|文明城[市区]|文明县城?|文明创建|创建")
_CAMPAIGN_WORDS = frozenset("""创建 创立 争创 全国 省级 国家 文明 城市 城区 县城 文明城市 文明城区 文明县 文明县城
精神文明 创文 创城 示范 巩固 提升 深入 推进 全面 开展 攻坚 决战 冲刺 汇报 总结 情况汇报 工作汇报 总结汇报 工作总结
报告 工作报告 材料 汇报材料 情况 工作 进展 工作进展 讲话 讲话稿 致辞 动员 动员会 动员大会 推进会 推进 大会 会议 会上
工作会议 誓师大会 暨 总结暨 年度 上半年 下半年 全年""".split())
_PLACE = re.compile(r"^(?:某|[^\W\d]{1,6}?)(?:省|市|区|县|镇|乡|街道|社区)$|^[xX×]+$")
_ORGANISING = "组织领导体制"
_REPORT_TITLE = re.compile(r"(报告|说明|总结|汇报|纪要|情况)$|纪要|讲话")


@lru_cache(maxsize=1)
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokens(text: str) -> list[str]:
    """Words of two characters or more, without stop words, digits and punctuation."""
    jieba = _jieba()
    out: list[str] = []
    for word in jieba.cut(text):   # type: ignore[attr-defined]
        word = word.strip()
        if out and (out[-1], word) in PHRASES:
            out[-1] += word
        elif len(word) >= 2 and word not in STOP and not _JUNK.fullmatch(word):
            out.append(word)
    return out


@lru_cache(maxsize=1)
def _common_shares() -> dict[str, float]:
    raw = resources.files("dangan").joinpath("taxonomy/common-words.toml").read_text(encoding="utf-8")
    return {str(w): float(v) for w, v in tomllib.loads(raw)["share"].items()}


def common_weight(word: str) -> float:
    """1 for a word ordinary government documents seldom hold, less the more of them hold it.

    印发, 办公室, 实施方案, 深入, 精神 are rare among the requirement texts but are in a large
    share of all notices (form words, the preamble): they say what kind of paper a document
    is, not what it is about (tools/build_common_words.py).
    """
    share = _common_shares().get(word, 0.0)
    if share <= COMMON_FLOOR:
        return 1.0
    return math.log(1 / share) / math.log(1 / COMMON_FLOOR)


def doc_kind(title: str | None, doc_type: str | None, mime: str | None = None) -> str | None:
    """The requirement kind a document is: 规范文件, 说明报告, 统计表格 or 实景图片."""
    if mime and mime.startswith("image/"):
        return "实景图片"
    if mime and ("spreadsheet" in mime or "excel" in mime or mime == "text/csv"):
        return "统计表格"
    head = title or ""
    if re.search(r"统计表|一览表|台账|统计情况", head):
        return "统计表格"
    if doc_type in ("照片", "图片"):
        return "实景图片"
    if _REPORT_TITLE.search(head) or doc_type in ("报告", "总结", "汇报", "纪要", "讲话", "简报"):
        return "说明报告"
    if any(t in head for t in NORM_TYPES) or doc_type in NORM_TYPES:
        return "规范文件"
    return None


def expand(text: str) -> Counter[str]:
    """The taxonomy's words for the campaign words in `text` (SYNONYMS), as often as they occur."""
    out: Counter[str] = Counter()
    for pattern, words in SYNONYMS:
        n = len(pattern.findall(text))
        for word in words if n else ():
            out[word] += n
    return out


def title_topic(title: str | None) -> str:
    """What a title is about: the quoted name in 关于印发《…》的通知 (the wrapper, issuing organ and
    all, is the same for every notice), else the title."""
    if not title:
        return ""
    m = _WRAPPED.search(title)
    return m.group(1) if m else title


def campaign_as_a_whole(title: str | None) -> bool:
    """Whether a title names nothing but the campaign (its report, summary or speech as a whole)."""
    topic = title_topic(title)
    if not _CAMPAIGN_TITLE.search(topic):
        return False
    rest = [w for w in tokens(re.sub(r"\d+|[xX×]+年?", "", topic))
            if w not in _CAMPAIGN_WORDS and not _PLACE.match(w)]
    return not rest


def is_speech(title: str | None, doc_type: str | None, text: str = "") -> bool:
    """A leader's speech: a speaker named in the title, a title of the form 在…会上的讲话, or a text
    that opens on 同志们 (campaign speeches seldom name their speaker in the title)."""
    head = title or ""
    if "讲话精神" in head:          # 学习…总书记重要讲话精神: about a speech, not one
        return False
    if _LEADER_SPEECH.search(head) or _SPEECH_TITLE.search(head) or doc_type == "讲话":
        return True
    return bool(_SPEECH_OPENING.search(text[:300]))


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

    def _score(self, bag: Counter[str], kind: str | None, whole: bool = False) -> dict[int, float]:
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
            if whole and self.targets[i].organising:
                bonus *= WHOLE_BONUS
            acc[i] = acc[i] * bonus / norm
        return acc

    def rank(self, text: str, title: str | None = None, doc_type: str | None = None,
             mime: str | None = None) -> tuple[list[tuple[int, float, tuple[int, int]]], int]:
        """(target index, best score, best passage) for every requirement that scored, best first;
        and the number of passages compared."""
        kind = doc_kind(title, doc_type, mime)
        whole = campaign_as_a_whole(title)
        topic = title_topic(title)
        head = Counter(tokens(topic)) + expand(topic)
        if is_speech(title, doc_type, text):
            head.update(("领导", "亲自"))   # a leader's speech shows the leader takes it in hand
        best: dict[int, tuple[float, tuple[int, int]]] = {}
        spans = passages(text) if text.strip() else [(0, 0)]
        for span in spans:
            part = text[span[0]:span[1]]
            bag = Counter(tokens(part)) + expand(part)
            for word, count in head.items():
                bag[word] += 2 * count
            if not bag:
                continue
            for i, score in self._score(bag, kind, whole).items():
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
