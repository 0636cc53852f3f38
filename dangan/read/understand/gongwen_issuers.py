"""General readings of the 发文机关 (issue 15, round 13), written from mechanisms that the misses
of several families share rather than from one page's wording.

- Joint issuers (rule "joint_issuers"): a document issued by several organs names them all where it
  names one: a 署名 with the organs side by side (石门's two offices under a one-organ 版头), organ
  lines stacked under the 发文字号 or over the 成文日期 (衡东's 两办 with no heading, 岳阳's 署名 one
  organ a line), a line of organs set apart by 、 or spaces directly under the heading (a law
  database's 财政部、司法部) or before the heading's 关于/印发 (成都's four departments). When the
  reader took one of them, or none, the whole list is the issuer.
- A 署名 given as a labelled value (答复单位：旌德县城管执法局 over the date; 发文单位/发文机关/来文单位/
  落款单位) is the 署名 (rule "labelled_signer"). A page's 来源：… is not.
- An issuer is an organ's name: a 版头 …文件 line read from page furniture (>政务频道 >政务公开 >本局文件,
  a bulleted • 大会) names none (rule "organ_form").
- With nothing else naming it, a document's author is the organ that names itself in the body as
  the one making the appeal (在此，白城市文明办向全体市民发出倡议; rule "appeal_author"), or the lone
  organ line that closes it, a 署名 with no date under it (…更和谐！ / 安陆市委文明办; rule
  "undated_signer"). Both are how a 倡议书 is signed. A 统计公报 closes on its organ in brackets, alone on the last line
  (…恩格尔系数为41.77%。 / （万载县统计局）; rule "signer_line_in_brackets").
- With nothing else naming it, a document whose opening states its purpose names its author there as the
  organ that acts on it (为迎接…，县委文明办计划在隽水城区开展…; 为展示…，中央文明委决定，授予…; 为…，西城街道办事处
  将于…开展…): the organ after the 为… clause, before 将/计划/决定 (rule "purpose_actor"); organs acting together
  when the text goes on to make their decision known (…,市委宣传部、市文明办决定组织开展…。现将…通知如下).
- With nothing else naming it, a document that makes itself known in its opening names its author there as the
  organ that decided or drew it up, in the sentence that ends on 如下 (经市城市管理委员会研究决定,…,现将有关事项通告如下;
  满洲里市地税局作为重要的行政执法部门,研究制定创建全国文明城市工作方案如下) (rule "maker_in_opening"); 我局 or a
  clause with no organ's name none.
- With nothing else naming it, a 总结 names its author as the subject of its opening sentence, the organ that has
  worked over the year it reviews (一年来,振兴街道办事处在区党工委…的正确领导下…; 市工商局充分发挥工商职能作用,开展了…)
  (rule "summary_subject"); 我局, 各社区 or a clause with no organ's name none.
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import ORG
from dangan.read.understand.gongwen_lines import NUMBERED_HEADING, doc_number_match
from dangan.read.understand.gongwen_text import Line, Prepared, compact, field_gap
from dangan.text.dates import find_dates

# A 署名 written as a labelled value. 来源： (the site a page copied from) is deliberately absent.
# A form's header names its author the same way (填报单位：幸福社区居民委员会　　填报日期：…; cross-family round).
SIGNER_LABEL = re.compile(r"(?:答复|回复|发文|来文|落款|署名|行文|填报|报送|编制|制表)(?:单位|机关)\s*[:：]\s*(?P<org>\S.*)")
_LIST_SPLIT = re.compile(r"\s*、\s*|[\s\u3000]+")
_BRACKETS = "()（）〔〕[]【】"
_MOST_ORGANS = 9   # organs side by side or stacked: seven and nine organs issue notices together (validation_r23, r24)
# "…(在此/为此，)X(特/郑重)向全体市民(朋友)发出(如下)倡议": X makes the appeal. The organ starts a clause.
_APPEAL = re.compile(r"(?:^|(?<=[，,。；;：:！!\n]))(?:在此|为此|对此|特此|现|今)?[，,]?"
                     r"(?P<org>[\u4e00-\u9fff（）()]{2,40}?)(?:特|郑重|谨)?向[^。；;\n]{1,30}?"
                     r"(?:发出|提出)(?:如下|以下|了)?(?:的)?(?:“[^”。；;\n]{1,20}”)?倡议")
# "为…，X将于/将在/计划在/决定…": the organ that acts on the purpose its opening sentence states.
# The purpose may be a sentence of its own, the organ opening the next (为…，迎接新中国成立70周年。昆明市…办公室决定…).
_PURPOSE_ACTOR = re.compile(r"(?:^|(?<=[。\n]))[ \t\u3000]*为[^。；;\n]{2,120}?(?:[，,]|。[ \t\u3000]*)"
                            r"(?P<org>[\u4e00-\u9fff（）()]{2,30}?)(?:将于|将在|计划在|计划于|计划|决定)")
# …or, wherever the 为… clause stands, the organ or organs whose decision the text goes on to make known in its next
# sentence (…传统节日,为更好的展示…,市委宣传部、市文明办决定组织开展…主题活动。现将活动有关事项通知如下); a news item's
# 记者获悉,为…,市文明办决定… goes on to report, not to notify.
_PURPOSE_CLAUSE_ACTOR = re.compile(r"(?:^|(?<=[。\n，,]))[ \t\u3000]*为[^。；;\n]{2,120}?(?:[，,]|。[ \t\u3000]*)"
                                   r"(?P<org>[\u4e00-\u9fff（）()、]{2,60}?)(?:将于|将在|计划在|计划于|计划|决定)")
_NOTIFIES = re.compile(r"[。；;][ \t\u3000]*(?:现将|现就|特|特此)[^。；;\n]{0,20}?(?:通知|公告|通告|倡议)如下")
_PURPOSE_SENTENCES = 6   # the opening's sentences a purpose clause may stand in
# The sentence by which a document makes itself known (…通告如下, …方案如下), its maker named in it: the organ whose
# study decided it (经市城市管理委员会研究决定,…,现将有关事项通告如下), or the organ opening a clause that drew it up,
# an 作为… aside after it (满洲里市地税局作为重要的行政执法部门,研究制定…工作方案如下).
_MAKER_STUDIED = re.compile(r"经(?P<org>[\u4e00-\u9fff（）()]{2,30}?)(?:研究|讨论|审议)(?:决定|同意)?[^。；;\n]{0,80}?如下")
_MAKER_DREW_UP = re.compile(r"(?:^|(?<=[。\n，,；;]))[ \t\u3000]*(?P<org>[\u4e00-\u9fff（）()]{2,30}?)"
                            r"(?:作为[^。，,；;\n]{1,30}[，,])?(?:特|现)?(?:研究)?(?:制定|制订|拟定)[^。；;\n]{0,40}?如下")
# A 总结's opening: the organ that is its subject, a clause's first words, before how it worked (在…的领导下, 充分发挥…,
# 认真贯彻…, 紧紧围绕…); the opening's time (一年来,) ends with the clause mark before it.
_SUMMARY_SUBJECT = re.compile(r"(?:^|(?<=[。\n，,；;]))[ \t\u3000]*(?P<org>[\u4e00-\u9fff（）()]{2,30}?)"
                              r"(?:在[^。，,；;\n]{1,30}?(?:领导|指导|关心|支持)下|充分|认真|紧紧|始终|坚持|积极|高度|切实)")
_NOT_AN_ORGAN_NAME = ("我", "本", "各", "全", "该", "其", "这")
_SENTENCE_END = ("。", "！", "!", "？", "?", "”")
_CLOSING_TAIL = 3   # lines a closing 署名 may have after it (a page's last words, none a sentence)
# A 成文日期 left blank in a model text: X年XX月XX日, 20xx年1月20日, ××××年×月×日 (letters or crosses for its figures).
_BLANK_DATE = re.compile(r"[（(]?(?:[Xx×]{1,4}|(?:19|20)[Xx×]{2})\s*年\s*(?:[Xx×]{1,2}|\d{1,2})\s*月"
                         r"\s*(?:[Xx×]{1,2}|\d{1,2})\s*日[)）]?")


# …or set in brackets after the last sentence, on its line (…任务. (鼓楼区洪山镇大凰山社区)): widened in cross-family round 3.
_BRACKETED_SIGNER = re.compile(r"[（(](?P<org>[^（）()]{2,30})[)）]$")
# …or in brackets alone on the line after it (…恩格尔系数为41.77%。 / （万载县统计局）): a 统计公报's 署名 on a saved page.
_LONE_BRACKETED = re.compile(r"[（(](?P<org>[^（）()]{2,30})[)）]")
# …or set after that sentence on its line past a space, a page's paragraph run into its 署名 (…请致电豪第坊物业服务处。
# 豪第坊物业服务处</p>): widened in round 34.
_SPACED_SIGNER = re.compile(r"[。！!？?”][ \t\u3000]+(?P<org>[^\s。！!？?”]{2,30})$")


def _one_organ(s: str) -> bool:
    return 2 <= len(s) <= 30 and ORG.fullmatch(s) is not None and "关于" not in s and "的" not in s \
        and not s.endswith("文件") and "、" not in s


def organ_list(text: str) -> list[str] | None:
    """Organs side by side on one line (、 or spaces between) → the organs; None unless two or more."""
    parts = [compact(x) for x in _LIST_SPLIT.split(text.strip()) if x.strip()]
    if not (2 <= len(parts) <= _MOST_ORGANS) or not all(_one_organ(x) for x in parts):
        return None
    return parts if len(set(parts)) == len(parts) else None


def _date_only(s: str) -> bool:
    s = s.strip(_BRACKETS)
    found = find_dates(s)
    return bool(found) and found[0].precision == "day" and found[0].start == 0 and found[0].end >= len(s) - 1


def _lines(p: Prepared) -> list[Line]:
    return [ln for ln in p.lines if not ln.noise and compact(ln.text)]


def _blank_lines(work: str, upper: Line, lower: Line) -> int:
    return max(0, work.count("\n", upper.end, lower.start) - 1)


def _stacked(lines: list[Line], k: int, work: str) -> list[str] | None:
    """The run of one-organ lines around line k, when it stands where a document names its issuers:
    over a date line (署名 / a dated head) or under a 发文字号 line. Over a date, the run holds the lines
    set as close to the next as its last is to the date, or one blank line apart (rule "stacked_signature_run")."""
    a = b = k
    while a > 0 and _one_organ(compact(lines[a - 1].text)) and b - a + 1 < _MOST_ORGANS:
        a -= 1
    while b + 1 < len(lines) and _one_organ(compact(lines[b + 1].text)) and b - a + 1 < _MOST_ORGANS:
        b += 1
    below = compact(lines[b + 1].text) if b + 1 < len(lines) else ""
    if b > a and _date_only(below) and rules.on("stacked_signature_run"):
        gap = max(1, _blank_lines(work, lines[b], lines[b + 1]))
        top = b
        while top > a and _blank_lines(work, lines[top - 1], lines[top]) <= gap:
            top -= 1
        a = top
    if b == a:
        return None
    above = lines[a - 1].text if a > 0 else ""
    if not (_date_only(below) or (above and doc_number_match(above) is not None)):
        return None
    run = [compact(ln.text) for ln in lines[a:b + 1]]
    return run if len(set(run)) == len(run) else None


def _under_masthead(lines: list[Line], k: int) -> list[str] | None:
    """One-organ lines straight under the one-organ …文件 line k and over the 发文字号: the other organs of a joint 版头
    whose 文件 stands beside the first (中共衢州市委宣传部  文件 / 衢 州 市 文 明 办 / 衢市宣[2004]5号), as the joint
    organs of a 版头 stand under its 文号 over the heading (中共石门县委办公室文件 / 石办发〔2023〕11号 / 中共石门县委办公室 /
    石门县人民政府办公室 / 关于…) (rule "joint_issuers", widened)."""
    b = k
    while b + 1 < len(lines) and _one_organ(compact(lines[b + 1].text)) and b - k + 1 < _MOST_ORGANS:
        b += 1
    if b == k or b + 1 >= len(lines) or doc_number_match(lines[b + 1].text) is None:
        return None
    run = [compact(ln.text) for ln in lines[k + 1:b + 1]]
    return run if len(set(run)) == len(run) else None


def joint_issuers(p: Prepared, issuer: str | None, signer: str | None, title: str | None) -> str | None:
    """The whole list of issuing organs where the document names several and the reader took one of
    them (or none); None when the document names no such list (rule "joint_issuers")."""
    if not rules.on("joint_issuers") or (issuer and "、" in issuer):
        return None
    if issuer and signer and "、" in signer and issuer in signer.split("、"):
        return signer   # 中共石门县委办公室文件 over a joint 署名
    lines = _lines(p)
    if issuer:
        for k, line in enumerate(lines):
            s = compact(line.text)
            if s == issuer and (run := _stacked(lines, k, p.work)):
                return "、".join(run)
            if s == issuer + "文件" and (below := _under_masthead(lines, k)):
                return "、".join([issuer, *below])   # 中共衢州市委宣传部  文件 / 衢 州 市 文 明 办 / 衢市宣[2004]5号
            if issuer in s and (parts := organ_list(line.text)) and issuer in parts and (
                    (k + 1 < len(lines) and _date_only(compact(lines[k + 1].text)))
                    or (k > 0 and doc_number_match(lines[k - 1].text) is not None)):
                return "、".join(parts)
        return None
    if not title:
        return None
    for k, line in enumerate(lines[:40]):
        s = compact(line.text)
        if s == title and k + 1 < len(lines) and (parts := organ_list(lines[k + 1].text)):
            return "、".join(parts)   # 关于…的通知 / 财政部、司法部 under a law database's heading
        if s.endswith(title[-8:]) and (cut := _organ_cut(line.text)) > 0 and (parts := organ_list(line.text[:cut])):
            return "、".join(parts)   # 成都市发展和改革委员会 中共成都市委社会工作部 … 关于印发…的通知
    return None


def _organ_cut(text: str) -> int:
    found = [k for k in (text.find("关于"), text.find("联合印发"), text.find("印发"), text.find("转发")) if k > 0]
    return min(found) if found else -1


def labelled_signer(text: str) -> str | None:
    """答复单位：旌德县城管执法局 → 旌德县城管执法局; 填报单位：幸福社区居民委员会　　填报日期：… → 幸福社区居民委员会
    (rule "labelled_signer"): the author given as a labelled value, at the 署名 or in a form's header, the line's
    other fields set apart by wide gaps aside."""
    if not rules.on("labelled_signer"):
        return None
    fields = field_gap().split(text.strip())
    m = next((f for part in fields if (f := SIGNER_LABEL.fullmatch(compact(part)))), None) if len(fields) > 1 else None
    if m is None and (m := SIGNER_LABEL.fullmatch(compact(text))) is None:
        return None
    org = m.group("org")
    if _one_organ(org):
        return org
    parts = organ_list(m.group("org"))
    return "、".join(parts) if parts else None


def organ_form(value: str) -> bool:
    """A name an organ can have: no crumb marks, bullets or spaces (rule "organ_form")."""
    if not rules.on("organ_form"):
        return True
    return ORG.fullmatch(compact(value)) is not None


def appeal_author(p: Prepared) -> str | None:
    """在此，白城市文明办向全体市民发出倡议 → 白城市文明办 (rule "appeal_author"); 我们 names no organ. The appeal's
    name may stand quoted before 倡议 (为此,市妇联向广大家庭和妇女姐妹发出“文明餐桌行动”倡议: cross-family round 4)."""
    if not rules.on("appeal_author"):
        return None
    for m in _APPEAL.finditer(p.work):
        org = compact(m.group("org"))
        if _one_organ(org):
            return org
    return None


def undated_signer(p: Prepared) -> str | None:
    """The lone organ line that closes the text, straight after its last sentence and with no date
    under it: a 署名 as a 倡议书 is signed (rule "undated_signer"), or set in brackets, or past a space, after that
    sentence on its line. Lines after it may only be a page's last words, never another sentence. Or, wherever it stands, the lone organ line straight
    after a sentence and over a date left blank (X年XX月XX日): a model text's 署名, another model after it."""
    if not rules.on("undated_signer"):
        return None
    lines = _lines(p)
    for k in range(len(lines) - 1, max(0, len(lines) - 1 - _CLOSING_TAIL) - 1, -1):
        s = compact(lines[k].text)
        after = [compact(ln.text) for ln in lines[k + 1:]]
        if ((m := _BRACKETED_SIGNER.search(s)) and _one_organ(m.group("org"))
                and s[:m.start()].rstrip().endswith((*_SENTENCE_END, ".")) and not any(
                    a.endswith(_SENTENCE_END) or find_dates(a) for a in after)):
            return m.group("org")   # …完成上级交办的其他各项工作任务. (鼓楼区洪山镇大凰山社区): the 署名 in brackets
        if ((m := _SPACED_SIGNER.search(lines[k].text.rstrip())) and _one_organ(m.group("org")) and not any(
                a.endswith(_SENTENCE_END) or find_dates(a) for a in after)):
            return m.group("org")   # …请致电豪第坊物业服务处。 豪第坊物业服务处: the 署名 past a space on the sentence's line
        if k == 0 or not _one_organ(s) or NUMBERED_HEADING.match(s):   # (一)综合组 opens a section
            continue
        before = compact(lines[k - 1].text)
        after = [compact(ln.text) for ln in lines[k + 1:]]
        if before.endswith(_SENTENCE_END) and not any(a.endswith(_SENTENCE_END) or find_dates(a) for a in after):
            return s
    for k in range(1, len(lines) - 1):   # 妥否,请批示。 / 淮北临涣工业园管委会 / X年XX月XX日, the next model after it
        s = compact(lines[k].text)
        if (_BLANK_DATE.fullmatch(compact(lines[k + 1].text)) and _one_organ(s) and not NUMBERED_HEADING.match(s)
                and compact(lines[k - 1].text).endswith(_SENTENCE_END)):
            return s
    return None


def signer_line_in_brackets(p: Prepared) -> str | None:
    """（万载县统计局） alone on the line after the last sentence, no date under it → 万载县统计局: the closing 署名 set in
    brackets on a line of its own, as a 统计公报 signs (rule "signer_line_in_brackets"). Lines after it may only be a page's
    last words, never another sentence; a bracketed line that is no organ's name ((完)) is none."""
    if not rules.on("signer_line_in_brackets"):
        return None
    lines = _lines(p)
    for k in range(len(lines) - 1, max(0, len(lines) - 2 - _CLOSING_TAIL), -1):   # k ≥ 1: a sentence before it
        m = _LONE_BRACKETED.fullmatch(compact(lines[k].text))
        if m is None or not _one_organ(m.group("org")):
            continue
        after = [compact(ln.text) for ln in lines[k + 1:]]
        if compact(lines[k - 1].text).endswith(_SENTENCE_END) and not any(
                a.endswith(_SENTENCE_END) or find_dates(a) for a in after):
            return m.group("org")
    return None


def purpose_actor(p: Prepared) -> str | None:
    """为迎接…测评工作，县委文明办计划在隽水城区开展… → 县委文明办 (rule "purpose_actor"): in the opening's first
    sentences, the organ that acts on the purpose a 为… clause states; 我们, 全市 or a clause with no organ name none.
    Organs acting together (市委宣传部、市文明办决定…), or an organ after a 为… clause inside a sentence, only when the
    next sentence makes their decision known (现将活动有关事项通知如下)."""
    if not rules.on("purpose_actor"):
        return None
    opening = "。".join(p.work.split("。")[:_PURPOSE_SENTENCES])
    for m in _PURPOSE_ACTOR.finditer(opening):
        org = compact(m.group("org"))
        if _one_organ(org):
            return org
    for m in _PURPOSE_CLAUSE_ACTOR.finditer(opening):
        org, end = compact(m.group("org")), p.work.find("。", m.end())
        if end < 0 or not _NOTIFIES.match(p.work, end):
            continue
        if _one_organ(org):
            return org
        if parts := organ_list(org):
            return "、".join(parts)
    return None


def maker_in_opening(p: Prepared) -> str | None:
    """经市城市管理委员会研究决定,…,现将有关事项通告如下 → 市城市管理委员会; 满洲里市地税局作为…部门,研究制定…工作方案如下
    → 满洲里市地税局 (rule "maker_in_opening"): in the opening's first sentences, the organ the sentence that makes the
    document known (…如下) names as deciding or drawing it up. One organ only: 经市委、市政府研究,决定表彰… is the two
    superiors' decision an office makes known (validation_r20's 常州 notice, labelled with no issuer), not its author;
    我局 or a clause with no organ's name none."""
    if not rules.on("maker_in_opening"):
        return None
    opening = "。".join(p.work.split("。")[:_PURPOSE_SENTENCES])
    for pattern in (_MAKER_STUDIED, _MAKER_DREW_UP):
        for m in pattern.finditer(opening):
            org = compact(m.group("org"))
            if _one_organ(org) and not org.startswith(_NOT_AN_ORGAN_NAME):
                return org
    return None


def summary_subject(p: Prepared, kind: str | None) -> str | None:
    """一年来,振兴街道办事处在区党工委…的正确领导下… → 振兴街道办事处 (rule "summary_subject"): a 总结's author is the
    organ its opening sentences name as their subject; 我局, 各社区 or a clause opening with no organ's name none."""
    if kind != "总结" or not rules.on("summary_subject"):
        return None
    opening = "。".join(p.work.split("。")[:_PURPOSE_SENTENCES])
    for m in _SUMMARY_SUBJECT.finditer(opening):
        org = compact(m.group("org"))
        if _one_organ(org) and not org.startswith(_NOT_AN_ORGAN_NAME):
            return org
    return None
