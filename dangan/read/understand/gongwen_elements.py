"""Element readers for `gongwen`: 文种 from a title, the organ-name patterns, the organs a
title names, and the elements read from the whole text rather than the heading block (抄送,
附件, the file-name title, the 文种 from the document's wording). The 成文日期 and 署名 at the
end are read in gongwen_dates.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from dangan.model import FILE_NAME_CONFIDENCE, MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_text import Prepared, compact, to_simplified

# Title endings → 文种: the 15 of the 2012 条例 plus the kinds a campaign office files.
# Longer endings first, so 会议纪要 wins over 纪要 and 命令 over 令.
_TYPE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("会议纪要", "纪要"), ("会议记录", "会议记录"), ("纪要", "纪要"), ("决议", "决议"), ("决定", "决定"),
    ("命令", "命令"), ("公报", "公报"), ("公告", "公告"), ("通告", "通告"), ("意见", "意见"),
    ("通知", "通知"), ("通报", "通报"), ("报告", "报告"), ("请示", "请示"), ("批复", "批复"),
    ("议案", "议案"), ("复函", "函"), ("函", "函"), ("讲话稿", "讲话"), ("讲话", "讲话"),
    ("发言", "讲话"), ("方案", "方案"), ("总结", "总结"), ("汇报", "汇报"), ("台账", "台账"),
    ("简报", "简报"), ("令", "令"),
)
# Kinds an office files besides those (rule "more_kinds").
_MORE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("会记录", "会议记录"), ("电子普通发票", "发票"), ("专用发票", "发票"), ("发票", "发票"), ("证明", "证明"),
    ("情况说明", "说明"), ("说明", "说明"), ("工作计划", "计划"), ("计划", "计划"),
)
# A campaign office's lists put out for comment (…名单的公示) and partial summaries (…工作小结)
# (rule "notice_kinds").
_NOTICE_ENDINGS: tuple[tuple[str, str], ...] = (("公示", "公示"), ("小结", "总结"))
# 紀錄 (Hong Kong and Taiwan usage) becomes 纪录 under t2s: a 会议纪录 is a 会议记录 (rule "hk_record_word").
_RECORD_ENDINGS: tuple[tuple[str, str], ...] = (("会议纪录", "会议记录"), ("会纪录", "会议记录"))
# A campaign office's call on the public (…的倡议书), filed as such (rule "proposal_kind").
_PROPOSAL_ENDINGS: tuple[tuple[str, str], ...] = (("倡议书", "倡议书"),)
# A speech named by its occasion's word (…副会长崔忠付致辞, 致词) or as the script it is (发言稿, 演讲稿, 致辞稿, 讲话提纲): a 讲话,
# as the labels file 讲话稿 and 发言 (rule "speech_words")
_SPEECH_ENDINGS: tuple[tuple[str, str], ...] = (
    ("致辞", "讲话"), ("致词", "讲话"), ("致辞稿", "讲话"), ("发言稿", "讲话"), ("演讲稿", "讲话"), ("讲话提纲", "讲话"))
DOC_TYPES: tuple[str, ...] = tuple(dict.fromkeys(
    kind for _, kind in _TYPE_ENDINGS + _MORE_ENDINGS + _NOTICE_ENDINGS + _PROPOSAL_ENDINGS))

# Endings of real units' names the endings below missed, read from real unit lists (a 创文办's 337 units,
# ../shared/data/cepingtixi/departments.json; dangan/taxonomy/units-default.toml; the issuers of the labelled documents,
# tests/data/elements/labels.json): an office's 室 (区委研究室, 党史研究室, 校监察室, 县委督查室), a party school (区委党校),
# the mass organisations a district names short (区工商联, 区文联, 区残联, 区科协, 区红十字会), a public institution's 馆
# (区档案馆, 天津市图书馆, 周恩来邓颖超纪念馆, 天津体育馆), a community's or village's committee named short (居委会, 村委会),
# a customs office (中华人民共和国上海海关), an industrial zone that signs as itself (庐阳工业区) and the Party's centre
# (中共中央: 共中央, after the one character an organ's name opens with). Each is a compound: a bare 室, 馆 or 联 ends
# rooms, halls and phrases (会议室, 展览馆, 关联); a village (东坡区广济乡济光村) is named in lists of places, not as a signer.
UNIT_ENDINGS = (r"研究室|监察室|督查室|督察室|党校|工商联|文联|残联|侨联|科协|社科联|红十字会"
                r"|(?:图书|博物|纪念|档案|文化|科技|美术|体育)馆|居委会|村委会|海关|工业区|工业园区|共中央")
# Endings of organ names. Not a bare 会 (社会) nor 区/市 (a place is not an organ).
ORG_END = (r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|常委会|党委|党组|政协|人大|法院|检察院|厅|局|部|院|署|委|办"
           r"|协会|学会|联合会|工会|妇联|团委|会议|大会|中心|所|处|科|队|站|组|街道|办事处|公司|集团|学校|大学|中学|小学|幼儿园|社区"
           rf"|{UNIT_ENDINGS})")
# A title ending in one of these is complete even without a 文种 (…部门预算, …管理办法).
_NAME_ENDINGS = ("预算", "决算", "办法", "规定", "条例", "细则", "规划", "计划", "要点", "制度", "章程", "标准",
                 "公约", "倡议书", "须知", "清单", "目录")
# 发文字号: 机关代字 + 〔year〕 + 序号 + 号, with the brackets real text also uses.
DOC_NO = re.compile(
    r"(?P<code>[\u4e00-\u9fffA-Za-z]{1,12}?)\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]"
    r"\s*第?\s*(?P<num>\d{1,5})\s*号"
)


def number_text(m: re.Match[str]) -> str:
    """A 发文字号 matched by DOC_NO as GB/T 9704 writes it: 〔〕 round the year, no leading zeros, no 第."""
    return f"{m.group('code')}〔{m.group('year')}〕{int(m.group('num'))}号"

ORG = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9（）()、]{{1,30}}?{ORG_END}")
POSITION = (r"(?:代|副|常务副)?(?:总理|主席|省长|市长|区长|县长|州长|厅长|局长|主任|书记|部长|秘书长"
            r"|署长|院长|会长|处长|科长|镇长|乡长)")
# 省财政厅 / 河北省财政厅厅长 赵新海 / 国务院总理 / 重庆市人民政府市长 胡衡华 (compacted).
ORG_LINE = re.compile(rf"(?P<org>[\u4e00-\u9fff]{{1,24}}?{ORG_END})(?:{POSITION}[\u4e00-\u9fff·]{{0,12}})?")
_CC = re.compile(r"(?:抄\s*送|抄\s*报)\s*[:：]\s*(?P<value>.+)")
_ATTACHMENT = re.compile(r"附\s*件\s*[:：]\s*(?P<value>.*)")
_MEANINGLESS_NAME = re.compile(r"(?:新建|未命名|扫描|副本|图片|微信图片|屏幕截图|IMG|DSC|Scan|Doc\d)", re.I)
_NUMBERED = re.compile(r"(?P<n>\d{1,2})\s*[.．、]\s*(?P<value>\S.*)")


def strip_paren_tail(title: str) -> str:
    return re.sub(r"[（(][^（()）]{1,6}[)）]$", "", title)


def doc_type_of_title(title: str) -> str | None:
    """文种 named by a title's last word: "…关于印发《…办法》的通知" → 通知."""
    core = strip_paren_tail(title.strip().rstrip("。. 》\"”"))
    if rules.on("issue_header"):
        core = re.sub(r"[（(][^（()）]{0,12}第\s*[\d一二三四五六七八九十]+\s*期[)）]$", "", core)   # …通报（2022年·第9期）
    endings = _TYPE_ENDINGS + _MORE_ENDINGS if rules.on("more_kinds") else _TYPE_ENDINGS
    if rules.on("hk_record_word"):
        endings += _RECORD_ENDINGS
    if rules.on("notice_kinds"):
        endings += _NOTICE_ENDINGS
    if rules.on("proposal_kind"):
        endings += _PROPOSAL_ENDINGS
    if rules.on("speech_words"):
        endings += _SPEECH_ENDINGS
    if rules.on("kind_before_material") and core.endswith("材料") and (kind := _kind_before_material(core[:-2], endings)):
        return kind
    for ending, kind in sorted(endings, key=lambda e: -len(e[0])):
        if core.endswith(ending):
            return kind
    return None


def _kind_before_material(stem: str, endings: tuple[tuple[str, str], ...]) -> str | None:
    """…工作汇报材料 → 汇报, …工作总结汇报材料 → 总结: the papers a unit hands in for an inspection are named
    by the kind before 材料, and a 总结 given as a 汇报 is the 总结 (rule "kind_before_material")."""
    if stem.endswith("汇报") and (inner := _kind_before_material(stem[:-2], endings)) not in (None, "汇报"):
        return inner
    for ending, kind in sorted(endings, key=lambda e: -len(e[0])):
        if stem.endswith(ending):
            return kind
    return None


def complete_title(title: str) -> bool:
    return doc_type_of_title(title) is not None or strip_paren_tail(title).endswith(_NAME_ENDINGS)


def meta_value(p: Prepared, value: str, confidence: float, start: int, end: int) -> MetaValue:
    return MetaValue(value, confidence, p.span(start, end))


# 社区 / 居委会 / 村委会 heading a title: a community's own record or report (rule "community_organ").
_COMMUNITY = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:社区|居委会|村委会|居民委员会|村民委员会)")
_PLACE_HEAD = re.compile(r"(?:中共)?(?P<place>[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗))")


def title_organs(prefix: str) -> list[str] | None:
    """Several organs run together before 关于 / 印发 in a joint title (rule "joint_title_organs"):
    中共岳阳市委办公室岳阳市人民政府办公室 → [中共岳阳市委办公室, 岳阳市人民政府办公室]. A new organ
    starts where 中共 or the first organ's place comes again right after an organ's ending, also where the
    run as a whole would pass for one organ's name (中共黑龙江省委办公厅黑龙江省人民政府办公厅: no organ's
    name holds its own place twice, after an organ's ending)."""
    if not rules.on("joint_title_organs"):
        return None
    prefix = re.sub(r"\s+", "", prefix)
    m = _PLACE_HEAD.match(prefix)
    if m is None or len(prefix) <= 10:
        return None
    place = m.group("place")
    starts = [0]
    for k in range(1, len(prefix)):
        if prefix.startswith(("中共", place), k) and ORG.fullmatch(prefix[starts[-1]:k]) is not None:
            starts.append(k)
    parts = [prefix[a:b] for a, b in zip(starts, starts[1:] + [len(prefix)])]
    if len(parts) < 2 or not all(len(x) <= 30 and ORG.fullmatch(x) for x in parts):
        return None
    return parts


def organ_cut(title: str) -> int:
    """Where a title's organ part ends: at 关于, or at 印发/转发 when they come first
    (中共岳阳市委办公室岳阳市人民政府办公室印发《关于…》的通知)."""
    if not rules.on("joint_title_organs"):
        return title.find("关于")
    found = [k for k in (title.find("关于"), title.find("联合印发"), title.find("印发"), title.find("转发")) if k > 0]
    return min(found) if found else -1


def issuer_from_title(title: str, confidence: float, span: tuple[int, int] | None) -> MetaValue | None:
    cut = organ_cut(title)
    if cut < 2:
        return None
    org = title[:cut].strip()
    if not ORG.fullmatch(org.replace(" ", "")):
        if parts := title_organs(org):
            return MetaValue("、".join(parts), confidence, span)
        if rules.on("community_organ") and _COMMUNITY.fullmatch(org.replace(" ", "")):
            return MetaValue(org.replace(" ", ""), confidence, span)
        return None
    if parts := title_organs(org):
        return MetaValue("、".join(parts), confidence, span)   # 中共黑龙江省委办公厅黑龙江省人民政府办公厅关于…
    return MetaValue(re.sub(r"\s+", "、", org), confidence, span)


def read_cc(p: Prepared) -> MetaValue | None:
    for i, line in enumerate(p.lines):
        if (m := _CC.match(line.text)) is None:
            continue
        value, end = m.group("value").strip(), line.end
        if not value:
            continue
        if value[-1] in "，、," and i + 1 < len(p.lines):
            value, end = value + p.lines[i + 1].text, p.lines[i + 1].end
        return meta_value(p, compact(value).rstrip("。."), 0.9, line.start, end)
    return None


def read_attachments(p: Prepared) -> tuple[str, ...]:
    for i, line in enumerate(p.lines):
        if (m := _ATTACHMENT.fullmatch(line.text)) is None:
            continue
        items: list[str] = []
        first = m.group("value").strip()
        if first:
            numbered = _NUMBERED.fullmatch(first)
            items.append(numbered.group("value") if numbered else first)
        for nxt in p.lines[i + 1:i + 20]:
            numbered = _NUMBERED.fullmatch(nxt.text)
            if numbered is None:
                break
            items.append(numbered.group("value"))
        return tuple(compact(item).rstrip("。；;，,") for item in items if item)
    return ()


def title_from_filename(filename: str | None) -> MetaValue | None:
    """A title from a descriptive file name (a stand-in, confidence FILE_NAME_CONFIDENCE); None for scan00012.pdf."""
    if not filename:
        return None
    stem = PurePath(filename).stem
    if "..." in stem or "…" in stem or _MEANINGLESS_NAME.match(stem):
        return None   # a truncated or default name says nothing
    stem = re.sub(r"^\d{1,3}[_\-.\s]+", "", stem)
    stem = re.sub(r"(?:\s*\([^()]*\)|(?:_[A-Za-z0-9]+)+)$", "", stem)
    stem = compact(stem.replace("_", ""))
    if len(re.findall(r"[\u4e00-\u9fff]", stem)) < 4:
        return None
    return MetaValue(to_simplified(stem), FILE_NAME_CONFIDENCE, None)


# The words a document's own form uses for its kind, when no heading names it (rule "kind_by_wording"): a 纪要's
# opening (现将会议…纪要如下), a 批复's (现批复如下 / 特此批复), a 通报's (现将…通报如下), a reply's closing (此复 /
# 特此函复), best first: a 批复 closes with 此复 too.
_KIND_WORDING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("纪要", re.compile(r"纪要如下")),
    ("批复", re.compile(r"现(?:将有关事项)?批复如下|特此批复")),
    ("通报", re.compile(r"通报如下")),
    ("函", re.compile(r"(?:^|[\s。])此复[。.!！]?\s*(?:$|\n)|特此(?:函复|复函)|函复如下", re.M)),
)
# …and the other ways a 批复 words its answer (rule "reply_wording_forms"): 经研究，批复如下 / 政府研究，根据有关规定，
# 批复如下 with no 现, 特此作出如上批复; not 请批复如下, a 请示's.
_REPLY_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (("批复", re.compile(r"研究[，,]?(?:[^。；;]{0,12}[，,])?批复如下|如上批复")),)
# A 请示's ask, after the question it puts (妥否/当否/是否妥当, or its own: 可否筹备), 请批示/请审批/请批复, or 特此请示 (rule
# "ask_closing"; the 请示 line of closing_formulas until the kinds round, widened to 可否…)
_ASK_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("请示", re.compile(r"(?:妥否|当否|是否(?:妥当|可行)|可否[^。；;，,！!？?]{0,10})\s*[，,]?\s*请(?:批示|审批|批复|指示|示)"
                      r"|特此请示|以上请示")),)
# The closing formulas GB/T 9704's kinds are written with (rule "closing_formulas"): a 报告 reports 报告如下 / 特此报告, a
# 函 特此函告, a 通知 特此通知, a 公告 特此公告 (a 请示's ask is ask_closing's). Only read with no heading to name the kind.
_CLOSING_FORMULAS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("报告", re.compile(r"(?:情况|工作)?报告如下|特此报告")),
    ("函", re.compile(r"特此函告|请予函复|请函复")),
    ("通知", re.compile(r"特此通知")),
    ("公告", re.compile(r"特此公告")),
)
# …and a 公示's: 现将候选名单予以公示 / 现将…进行公示 / 特此公示 (rule "public_notice_wording")
_PUBLIC_NOTICE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("公示", re.compile(r"现将[^。；;！!]{0,40}?(?:予以|进行)公示|特此公示")),)
# …and a 通知's: 现将有关事项通知如下 / 现就…通知如下, or an 印发/转发 notice's 现将《…》印发给你们 / 并发给你们 (rule
# "notice_wording"); read last, after every kind's own closing
_NOTICE_WORDING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("通知", re.compile(r"通知如下|[印转]?发给你们|[印转]发你们")),)
# …and a meeting's notice: the meeting set (兹定于/兹订于…召开/举行) and those called asked to come on time (请…准时出席/按时
# 参加), both in the opening (rule "meeting_notice_wording")
_MEETING_SET = re.compile(r"[定订]于[^。；;]{0,80}?(?:召开|举行)")
_MEETING_CALL = re.compile(r"请[^。；;]{0,30}?(?:准时|按时)(?:出席|参加|参会|到会)")


def kind_by_wording(p: Prepared) -> MetaValue | None:
    """文种 from the document's own wording of its form (see _KIND_WORDING)."""
    if not rules.on("kind_by_wording"):
        return None
    formulas = ((_KIND_WORDING[:2] + _REPLY_FORMS + _KIND_WORDING[2:]) if rules.on("reply_wording_forms")
                else _KIND_WORDING) + (_ASK_FORMS if rules.on("ask_closing") else ())
    formulas += _CLOSING_FORMULAS if rules.on("closing_formulas") else ()
    formulas += _PUBLIC_NOTICE if rules.on("public_notice_wording") else ()
    formulas += _NOTICE_WORDING if rules.on("notice_wording") else ()
    for kind, pattern in formulas:
        if pattern.search(p.work[:3000]) or pattern.search(p.work[-1500:]):
            return MetaValue(kind, 0.5, None)
    opening = p.work[:3000]
    if rules.on("meeting_notice_wording") and _MEETING_SET.search(opening) and _MEETING_CALL.search(opening):
        return MetaValue("通知", 0.5, None)
    return None


# A text no heading names the kind of, opening at a 主送 of units (各…, …各单位) and closing with its organ's 署名 over the
# date, that directs the units (请各单位…, 各相关单位要…, 请认真…): a 通知's form (rule "notice_form"); not a letter to
# persons (各位…), whose 主送 is no units'
_DIRECTIVE = re.compile(r"请各|请(?:认真|遵照|按照|结合)|各[^。；;，,:：]{0,14}要|务必")


def notice_by_form(p: Prepared, recipients: MetaValue | None, signer: MetaValue | None) -> MetaValue | None:
    if not rules.on("notice_form") or recipients is None or signer is None:
        return None
    if "各" not in recipients.value or "各位" in recipients.value or not _DIRECTIVE.search(p.work[:3000]):
        return None
    return MetaValue("通知", 0.4, None)


# A speaker's greeting after the 称谓 (尊敬的各位领导、各位来宾：大家下午好！; …市长，各位来宾，大家下午好。): a speech's spoken
# form, read only where no heading names the kind (rule "speech_greeting"); a letter's 您好 is no such greeting
_GREETING = re.compile(r"(?:尊敬的|各位)[^。！!？?\n]{0,60}?[：:，,]\s*大家(?:上午|下午|晚上|早上)?好")


def structural_type(p: Prepared) -> MetaValue | None:
    opening = p.work[:600]
    if re.search(r"作(?:政府)?(?:工作)?报告|报告(?:政府)?工作|向大会报告", opening):
        return MetaValue("报告", 0.5, None)
    if re.search(r"出\s*席\s*[:：]", opening) and "议定" in p.work:
        return MetaValue("纪要", 0.5, None)
    if re.search(r"^\s*同志们\s*[：:，,！!]", opening, re.M):
        return MetaValue("讲话", 0.5, None)
    if rules.on("reply_wording") and re.search(r"现(?:将有关事项)?批复如下|特此批复", p.work[:3000]):
        return MetaValue("批复", 0.5, None)   # a 批复 copied without its heading answers in its own words
    if rules.on("speech_greeting") and _GREETING.search(opening):
        return MetaValue("讲话", 0.5, None)
    return None


# An essay or model-text site's lead naming the piece it carries (下面是小编为大家整理的街道关于创城工作进展情况报告,供大家参考。
# / 以下是本站小编整理的一些关于…年度工作总结), its counters and the site's words dropped (…7篇, 【完整版】, (通用6篇), 范文): the
# kind its name ends in, read last, where neither heading nor form named one (rule "site_blurb_kind")
_SITE_BLURB = re.compile(r"(?:以下|下面)是[^。，,！!]{0,12}?小编[^。，,！!]{0,12}?(?:整理|带来|收集|推荐|准备)[^。，,！!]{0,6}?的"
                         r"(?:一些)?(?:关于|有关)?(?P<name>[^。，,！!；;]{2,60}?)\s*(?:[，,。！!；;]|供|欢迎|仅供|希望)")
_BLURB_TAIL = re.compile(r"(?:【[^】]{0,12}】|[（(][^（()）]{0,12}[)）]|(?:精选|通用|优质|共)?[\d一二三四五六七八九十]+篇|范文|大全|精选)+$")


def blurb_kind(p: Prepared) -> MetaValue | None:
    if not rules.on("site_blurb_kind") or (m := _SITE_BLURB.search(p.work[:1500])) is None:
        return None
    kind = doc_type_of_title(_BLURB_TAIL.sub("", compact(m.group("name"))))
    return MetaValue(kind, 0.4, None) if kind else None
