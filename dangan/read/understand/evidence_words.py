"""The matcher's words: tokens, the weights and synonyms of the office's words, and what a title says.

What a document's words count for before any 测评内容 is compared (`evidence.py` scores them):
jieba words without stop words and the forms of a paper (`tokens`), a word's weight by its share of
ordinary government papers (`common_weight`), the campaign's words read as the 测评体系's
(`expand`), and the title rules — the quoted name of a wrapper notice (`title_topic`), the kind of
paper (`doc_kind`), the closing 文种 that is no topic (`without_form`), a leader's speech (`is_speech`), a paper on the campaign as a whole
(`campaign_as_a_whole`, its inspection's paperwork included), a festival that only dates a duty
roster (`undated`).
"""
from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

__all__ = ["COMMON_FLOOR", "PUBLIC_PART", "TITLE_SYNONYMS", "campaign_activity", "campaign_as_a_whole", "common_weight", "doc_kind", "expand", "is_speech", "leader_on_campaign", "name_core",
           "phrases", "title_topic", "tokens", "undated", "without_form"]

COMMON_FLOOR = 0.04       # a word in fewer of the ordinary government documents keeps its full weight
STOP = frozenset("""提供 说明 情况 本区 区 有关 部门 报告 规范 文件 说明报告 规范文件 统计 表格 统计表格 实景 图片
实景图片 反映 开展 工作 进行 加强 推进 落实 建立 健全 具体 主要 举措 措施 相关 以及 按照 根据 要求 活动 作出 评价
市文明办 征求 意见 主管 列举 分别 近两年 人次 其中 我区 区级 全区 通知 关于 城区 本市 我市 全市
印发 转发 下发 印发给 办公室 实施方案 方案 制定 讲话 要点 工作要点
党委 党组 工委 党工委 区直 区直机关 委办局 办事处 机关工委 营造 浓厚 氛围""".split())
# the second and third lines: words that name the form of a paper or the organs that must write or
# receive it, not its topic (区委办公室印发的…方案; a 讲话; 街道办事处, 各镇党委 in a 主送 line); and the
# filler 营造…浓厚氛围, which every campaign paper writes and Ⅲ-19's clause wraps round 文明旅游;
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
    (r"倡议", ("群众", "参与")),
    (r"献一?[策计]|建言|[金好]点子|征集[^，。；\n]{0,10}(?:建议|意见|点子)"
     r"|(?:向|听取)(?:广大)?(?:市民|群众|社会各界|居民)[^，。；\n]{0,8}(?:意见|建议)", ("意见建议", "参与")),
))
# Read in a title only: a paper about a 新时代文明实践站 (2018 on; the 2015 system has no 测评内容 for it)
# is about the 志愿服务 organised there (志愿服务工作站, 文明实践志愿服务队: Ⅲ-17's, in the system's own
# words); a report that passes one on its round (督查…问题清单) is not.
TITLE_SYNONYMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple((re.compile(p), w) for p, w in (
    (r"新时代文明实践|文明实践(?:站|所|中心|阵地|点|基地)", ("志愿", "服务")),
))
# A title naming the city campaign and an activity (“创文明城市、做文明市民”活动, “文明创城·有你有我”互动系列活动,
# 迎亚运创文明文化进社区活动): what the campaign does with the public, i.e. the public's part in it (Ⅲ-82 群众参与:
# 为市民群众参与创建工作搭建平台), not the kind of event a passage describes (互动 → 网络文明传播, 进社区 → 专业志愿服务队,
# 市民 → 市民文明手册). The campaign's own paperwork (notices, reports, meetings) names no 活动.
_CAMPAIGN_ACTIVITY = re.compile(r"(?:创文|创城|文明城[市区]|创文明)[^，。；\n]*活动")
PUBLIC_PART = "群众参与"   # the 测评内容 such a title is filed under, by its name
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
_CAMPAIGN_TITLE = re.compile(r"创文|创城|文明城[市区]|文明县城?|文明创建|创建|文明(?:程度)?指数|迎检|[两双三]创")
_CAMPAIGN_WORDS = frozenset("""创建 创立 争创 全国 省级 国家 文明 城市 城区 县城 文明城市 文明城区 文明县 文明县城
精神文明 创文 创城 示范 巩固 提升 深入 推进 全面 开展 攻坚 决战 冲刺 汇报 总结 情况汇报 工作汇报 总结汇报 工作总结
报告 工作报告 材料 汇报材料 情况 工作 进展 工作进展 讲话 讲话稿 致辞 动员 动员会 动员大会 推进会 推进 大会 会议 会上
工作会议 誓师大会 暨 总结暨 年度 上半年 下半年 全年
迎检 迎接 测评 实地考察 考察 测评手册 手册 公共 指数 程度 复审 复检 召开 做好 部署 安排 部署会 例会 专题 收集 报送
两创 双创 三创 五城 共建 标兵""".split())
_PLACE = re.compile(r"^(?:某|[^\W\d]{1,6}?)(?:省|市|区|县|镇|乡|街道|社区)$|^[xX×]+$")
# A festival in a duty roster's or holiday notice's title (关于做好2022年春节期间值班工作的通知, 春节放假
#安排) dates the paper: it says when, not what. Ⅲ-13 asks for 我们的节日 activities on those festivals,
# and such a notice, full of 春节, went there (`dangan gaps` attached one at 0.64).
_DUTY_TITLE = re.compile(r"值班|值守|带班|放假|调休|假期")
_FESTIVALS = re.compile(r"春节|元旦|元宵节?|清明节?|端午节?|七夕节?|中秋节?|重阳节?|国庆节?|劳动节|五一|(?:传统)?节日|节假日|假日")
# The 文种 a title closes on names the paper's form, not its topic (…候选单位公示, …三年行动计划, …情况汇报):
# counted in every passage it pulled a 公示 of 文明单位 to Ⅲ-41's 收费公示 and a campaign plan to Ⅲ-42's
# 全民科学素质行动计划. Only the closing word goes, and not the papers a requirement asks for by name
# (名单, 清单, 办法, 规划).
_CLOSING_FORM = re.compile(r"(?:通知|通报|公示|公告|通告|简报|汇报|总结|报告|纪要|会议记录|记录|方案|行动计划|计划|意见|决定"
                           r"|请示|批复|函|致辞)[\s”\"》）)]*$")
PHRASE_RARE = 0.95        # common_weight from which a word of a 测评标准 phrase is specific
_FORM_OR_ORGAN = re.compile(r"(?:办法|规定|细则|计划|方案|意见|通知|调查|小组|委员会|文明办|中心|人员|部门|机构)$")
_REPORT_TITLE = re.compile(r"(报告|说明|总结|汇报|纪要|情况)$|纪要|讲话")


@lru_cache(maxsize=1)
def _cut() -> Callable[[str], Iterable[str]]:
    """jieba's word cutter, initialised once (through dangan.segmenter: the user's own dictionary cache)."""
    from dangan.segmenter import jieba_module

    jieba = jieba_module()
    jieba.initialize()
    cut: Callable[[str], Iterable[str]] = jieba.cut
    return cut


def tokens(text: str) -> list[str]:
    """Words of two characters or more, without stop words, digits and punctuation."""
    cut = _cut()
    out: list[str] = []
    for word in cut(text):
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


def expand(text: str, title: bool = False) -> Counter[str]:
    """The taxonomy's words for the campaign words in `text` (SYNONYMS; a title's also TITLE_SYNONYMS),
    as often as they occur."""
    out: Counter[str] = Counter()
    for pattern, words in SYNONYMS + TITLE_SYNONYMS if title else SYNONYMS:
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


def without_form(topic: str) -> str:
    """`topic` without the 文种 words it closes on (…名单公示公告 → …名单)."""
    while True:
        shorter = _CLOSING_FORM.sub("", topic).rstrip("的之 ")
        if shorter == topic or not shorter:
            return topic
        topic = shorter


def phrases(text: str) -> set[str]:
    """The specific phrases of a 测评标准 a title can name its 测评内容 by: a jieba word of four characters or
    more, or two adjacent words, that ordinary government papers seldom hold (文明单位, 公益广告, 文明餐桌 —
    jieba cuts it into the commoner 文明 + 餐桌, so BM25 weighs it as 文明) and that names no form or organ
    (…暂行办法, 领导小组: a paper's form and who writes it, not its topic)."""
    words = [w.strip() for w in _cut()(text)]
    out: set[str] = set()
    for i, word in enumerate(words):
        if not _phrase_word(word):
            continue
        if len(word) >= 4 and common_weight(word) >= PHRASE_RARE:
            out.add(word)
        if i + 1 < len(words) and _phrase_word(words[i + 1]) \
                and max(common_weight(word), common_weight(words[i + 1])) >= PHRASE_RARE:
            out.add(word + words[i + 1])
    return {p for p in out if not _FORM_OR_ORGAN.search(p)}


def _phrase_word(word: str) -> bool:
    return len(word) >= 2 and word not in STOP and not _JUNK.fullmatch(word)


def name_core(name: str) -> str:
    """What a title calls a 测评内容 by: its name without a closing 活动/建设/工作 (志愿服务活动 → 志愿服务)."""
    return re.sub(r"(?:活动|建设|工作)$", "", name)


def campaign_as_a_whole(title: str | None) -> bool:
    """Whether a title names nothing but the campaign (its report, summary or speech as a whole)."""
    topic = title_topic(title)
    if not _CAMPAIGN_TITLE.search(topic):
        return False
    rest = [w for w in tokens(re.sub(r"\d+|[xX×]+年?", "", topic))
            if w not in _CAMPAIGN_WORDS and not _PLACE.match(w)]
    return not rest


def campaign_activity(title: str | None) -> bool:
    """Whether a title names an activity of the city campaign (the public's part in it)."""
    return bool(title and _CAMPAIGN_ACTIVITY.search(title))


def is_speech(title: str | None, doc_type: str | None, text: str = "") -> bool:
    """A leader's speech: a speaker named in the title, a title of the form 在…会上的讲话, or a text
    that opens on 同志们 (campaign speeches seldom name their speaker in the title)."""
    head = title or ""
    if "讲话精神" in head:          # 学习…总书记重要讲话精神: about a speech, not one
        return False
    if _LEADER_SPEECH.search(head) or _SPEECH_TITLE.search(head) or doc_type == "讲话":
        return True
    return bool(_SPEECH_OPENING.search(text[:300]))


# A leader's speech shows the leader taking the campaign in hand (Ⅲ-79-3) only when it is about the campaign
# or 精神文明: a speech at a 招商引资 meeting, a 述职评议会 or a 劳模 award (real4, real6, real11) shows nothing of
# the kind, and its 领导 亲自 pulled every such speech to Ⅲ-79 (real11's 述职评议 speech was attached there).
_CAMPAIGN_SPEECH = re.compile(_CAMPAIGN_TITLE.pattern + r"|精神文明|文明委|文明办")


def leader_on_campaign(title: str | None, doc_type: str | None, text: str = "") -> bool:
    """A leader's speech (`is_speech`) whose title names the campaign or 精神文明."""
    return is_speech(title, doc_type, text) and bool(_CAMPAIGN_SPEECH.search(title or ""))


def undated(title: str | None, text: str) -> str:
    """`text` with its festival names blanked (same length: passages keep their offsets) when the
    title is a duty roster's or a holiday notice's, whose festival only dates it."""
    if not title or not _DUTY_TITLE.search(title):
        return text
    return _FESTIVALS.sub(lambda m: " " * len(m.group()), text)
