"""The speaker's voice into the meeting's: 我区 → 全区, 我们要 → (会议)要求, 我相信 → gone.

A 纪要 reports what the meeting heard, noted, stressed, required and decided
(会议听取了/指出/强调/要求/决定…); the speaker's first person, greetings and
asides (同志们, 我都同意, 下面我再讲三点意见, 请予审议) have no place in it.
`meeting_voice` rewrites one sentence, or returns None when the sentence is
an aside to be dropped whole. Numbers, names, owners and dates are untouched.
"""
from __future__ import annotations

import re

__all__ = ["ACTION_RE", "EXHORT_RE", "QUOTED_RE", "clause_is_exhortation", "ASIDE_RE", "FIRST_PERSON_RE", "META_RE", "heading_voice", "meeting_voice", "prune_clauses", "scope_word"]

META_RE = re.compile(r"以下|如下|几点意见|三点意见|讲几点")

# Quoted names and titles: their words (创建, 工程) are no verbs of the sentence.
QUOTED_RE = re.compile(r"“[^”]{0,30}”|《[^》]{0,40}》|\"[^\"]{0,30}\"")
EXHORT_RE = re.compile(
    r"充分认识到?|认识到|认清|统一思想|提高认识|提高政治站位|增强[^，。；]{0,14}?(?:意识|感|自觉|信心)|"
    r"树立[^，。；]{0,10}?(?:意识|理念|观念)|坚定[^，。；]{0,8}?(?:信心|决心|信念)|"
    r"发扬[^，。；]{0,20}?精神|弘扬[^，。；]{0,20}?(?:精神|传统)|升温|全情投入|行动起来|"
    r"要有[^，。；]{0,24}?(?:精神|魄力|勇气|决心|担当)|迎接[^，。；]{0,10}?考验|高度重视|思想上|"
    r"借助[^，。；]{0,24}?机遇|焕然一新|形势所需|发展所迫|职责所在|珍惜|相信|一定能|"
    r"以[^，。；]{0,16}?(?:为契机|为抓手)|克服[^，。；]{0,6}?思想|打消[^，。；]{0,6}?顾虑"
)
ACTION_RE = re.compile(
    r"制定|研究|完成|整改|解决|报告|报送|上报|推荐|宣传|投入|安排|统筹|组织|开展|建立|健全|推进|实施|"
    r"建成|新建|改建|建设|发放|提供|提出|部署|检查|督查|调度|清理|整治|实现|开设|扩大|提高|加大|"
    r"落实|执行|分配|处理|配合|参与|进行|完善|培训|修订|编制|印发|汇总|考核|排查|治理|改造|设立|"
    r"配备|保障|监测|通报|发布|制作|张贴|设置|打造|突破|扮靓|装点|举办|启动|加强|深化|优化|"
    r"推动|促进|培育|增加|降低|减少|新增|创建|帮扶|走访|摸排|收集|整理|核查|审核|验收|评估|签订|"
    r"出台|修复|维修|拆除|补齐|更新|加装|筛查|救助|补贴|报销|覆盖|化解|推行|开放|引进|招商|"
    r"申报|登记|备案|公示|通知|联系|对接|协调|移交|反馈|销号|复查|巡查|投放|派驻|进驻|挂点"
)

# Sentences that are the speaker talking about the speech or the audience.
ASIDE_RE = re.compile(
    r"我相信|我们相信|我们坚信|坚信|我都同意|我完全同意|讲得很好|讲得很全面|我再讲|我讲(?:几|三|两|四|五)点|下面，?我|"
    r"请同志们|请大家|请予审议|我代表|表示(?:衷心|诚挚|崇高|热烈)?的?(?:感谢|敬意|慰问|祝贺)|谢谢大家|向大会报告|提出意见[。]?$|各位代表|同志们[，！,!：:]?$"
)
FIRST_PERSON_RE = re.compile(r"我们|大家|我相信|同志们|我区|我都|(?<![自本])我(?![国市省县区镇乡])")
_SUBJECT_MODAL_RE = re.compile(r"(?:(?<=^)|(?<=[，,；;：:]))(?:我们|大家)(?:也|都|一定|必须)?(?=要|必须|务必|一定|应当|需要|要求)")
_SUBJECT_BEFORE_CLAUSE_RE = re.compile(r"(?:(?<=^)|(?<=[，,；;：:]))(?:我们|大家)(?=[\u4e00-\u9fff]{1,12}[，,])")
_GREETING_RE = re.compile(r"^(?:同志们|各位领导|各位同志|各位代表)[，,！!：:]\s*")
_TRIM_TAIL_RE = re.compile(
    r"[，,](?:以此|从而|进而|借以|真正|切实让|确保让)[^，,。；;]*(?=[。；;！]?$)"
    r"|[，,]通过[^，,。；;\d]{0,30}来[^，,。；;]*(?=[。；;！]?$)"
)
_IDIOM_LIST_RE = re.compile(r"[，,]?做到(?:[\u4e00-\u9fff]{4}、){2,}[\u4e00-\u9fff]{4}(?=[，,。；;])")
_LEAD_IN_RE = re.compile(r"^(?:(?:刚才|但是|因此|所以|同时|另外|此外|总之|为此|对此)[，,]|(?:但是?|然而|不过)(?:也还|也|还)?(?=存在|有|仍))")


def scope_word(text: str) -> str:
    """全区 / 全市 / 全省 / 全县 / 全国: the collective a speaker's 我们 stands for."""
    m = re.search(r"我(区|市|省|县|镇|乡|国)", text)
    if not m:
        return "全区"
    return {"国": "全国"}.get(m.group(1), "全" + m.group(1))


def heading_voice(heading: str, scope: str = "全区") -> str:
    """A part's heading in the meeting's voice: only the pronouns change."""
    text = heading.replace("我区", "全区").replace("我市", "本市").replace("我省", "本省").replace("我县", "本县")
    return text.replace("我们的", "").replace("我们", scope)


def meeting_voice(sentence: str, scope: str = "全区", *, condense: bool = True) -> str | None:
    """`sentence` in the meeting's voice, or None when it is an aside."""
    text = _GREETING_RE.sub("", sentence.strip())
    if not text or ASIDE_RE.search(text) or META_RE.search(text):
        return None
    text = _LEAD_IN_RE.sub("", text)
    text = text.replace("从今天开始", "自即日起").replace("从今天起", "自即日起").replace("就要到来", "将到来")
    text = text.replace("我区", "全区").replace("我市", "本市").replace("我省", "本省").replace("我县", "本县")
    text = _SUBJECT_MODAL_RE.sub("", text)
    text = _SUBJECT_BEFORE_CLAUSE_RE.sub("", text)
    text = text.replace("我们的", "").replace("我们", scope).replace("大家", "各单位")
    if re.search(r"(?<![自本])我(?![国市省县区镇乡])", text):
        return None  # first person left that no rule rewrites: not minutes material
    text = _IDIOM_LIST_RE.sub("", text)
    text = prune_clauses(text)
    if condense:
        text = shorten_lists(text)
    text = _TRIM_TAIL_RE.sub("", text)
    text = text.lstrip("，,、 ")
    if not text:
        return None
    if text[-1] not in "。！？；;：":
        text += "。"
    return text.replace("；", "。") if text.endswith("；") else text


_CLAUSE_SPLIT_RE = re.compile(r"(?<=[，,])")
_CONDITIONAL_RE = re.compile(r"^要(?:想|做好|搞好|实现)[^，,]{0,30}[，,]")
_NEUTRAL_CLAUSE_RE = re.compile(r"^(?:自即日起|从今天开始|近期|下一步|同时|当前|目前|今后|特别是)[，,]?$")
_PARALLEL_MAX = 2
_MIN_KEPT = 6
_JUDGEMENT_CLAUSE_RE = re.compile(r"^(?:这|此)(?:是|既是|也是|将是)")
_REPORTED_CLAUSE_RE = re.compile(r"已经|已于|已")


def _droppable(clause: str) -> bool:
    if re.search(r"\d", clause):
        return False
    return (clause_is_exhortation(clause) or bool(_JUDGEMENT_CLAUSE_RE.match(clause))
            or (bool(_REPORTED_CLAUSE_RE.search(clause)) and "要" not in clause))
_MODAL_END_RE = re.compile(r"^(.{0,24}?(?:要|必须|务必))")


def prune_clauses(sentence: str) -> str:
    """Drop the exhorting clauses of a sentence that also assigns something.

    各部门、各单位要发扬“不放心”…三种精神，加大督查和调度的力度 → 各部门、各单位要加大督查和调度的力度.
    A clause holding a number is always kept; the subject and modal of a
    dropped first clause move on to the next one.
    """
    clauses = _CLAUSE_SPLIT_RE.split(sentence)
    if len(clauses) < 2:
        return sentence
    if _CONDITIONAL_RE.match(sentence):
        return sentence
    flags = [_droppable(c) for c in clauses]
    if not any(flags) or all(f or _NEUTRAL_CLAUSE_RE.match(c) for c, f in zip(clauses, flags)):
        return sentence
    out: list[str] = []
    carry = ""
    for clause, drop in zip(clauses, flags):
        if drop:
            m = _MODAL_END_RE.match(clause)
            if not out and m and not carry:
                carry = m.group(1)
            continue
        out.append(carry + clause if carry else clause)
        carry = ""
    text = "".join(_parallel(out)).rstrip("，,")
    left = len(re.findall(r"[\u4e00-\u9fff]", text))
    lead_in = text.endswith(("：", ":"))  # 具体做到“六动”： introduces the sub-points
    if left < _MIN_KEPT or (left < 2 * _MIN_KEPT and not ACTION_RE.search(text) and not lead_in):
        return sentence  # what is left would be a fragment: keep the sentence whole
    end = sentence[-1] if sentence[-1] in "。！？；;：" else ""
    return text if text.endswith(("。", "！", "？", "；", ";", "：")) else text + end


def _parallel(clauses: list[str]) -> list[str]:
    """宣传A，宣传B，宣传C → 宣传A，宣传B: a run of clauses opening with the same verb keeps two."""
    out: list[str] = []
    run_verb, run = "", 0
    for clause in clauses:
        verb = re.sub(r"^(?:大力|积极|认真|切实|全面|深入)", "", clause)[:2]
        run = run + 1 if verb == run_verb and not re.search(r"\d", clause) else 1
        run_verb = verb
        if run <= _PARALLEL_MAX:
            out.append(clause)
    return out


_COUNTED_TAIL_RE = re.compile(r"等[一二两三四五六七八九十百\d]+(?:个|项|类|大|种)?(?:方面|领域|行业|类|项|个)")
_LIST_MIN = 4


def shorten_lists(sentence: str) -> str:
    """A long enumeration that the speaker counts (A、B、C、D等九个方面) keeps only its count."""
    m = _COUNTED_TAIL_RE.search(sentence)
    if not m:
        return sentence
    start = max(sentence.rfind(mark, 0, m.start()) for mark in "，,；;：:")
    segment = sentence[start + 1: m.start()]
    items = segment.split("、")
    if len(items) < _LIST_MIN:
        return sentence
    first = items[0]
    cut = max(first.rfind("的"), first.rfind("对"), first.rfind("在"))
    if cut < 0:
        return sentence
    head = sentence[: start + 1] + first[: cut + 1]
    return head + m.group(0)[1:] + sentence[m.end():]


def clause_is_exhortation(clause: str) -> bool:
    """A clause that urges and assigns nothing: 发扬…精神, 弘扬…传统, 统一思想."""
    if not EXHORT_RE.search(clause):
        return False
    return ACTION_RE.search(EXHORT_RE.sub("", QUOTED_RE.sub("", clause))) is None
