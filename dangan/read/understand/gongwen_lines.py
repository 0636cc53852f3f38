"""Line tests for the head of an official document (used by `gongwen_head.Head`, its
rechecks and `gongwen`).

What one line of a heading block is: a 发文字号, a 版头 (…文件), a subtitle or a delivery
line (——2022年3月5日在…会议上), a 称谓, a speaker line, a 主送 line, a line a title may
open or continue with. Each test works on one compacted line; the block is read by `Head`.
"""
from __future__ import annotations

import re

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import DOC_NO, ORG, ORG_LINE, POSITION, complete_title
from dangan.read.understand.gongwen_text import Line, compact
from dangan.text.dates import date_from_bare_digits, find_dates

# The same with the small-form brackets ﹝﹞ and 〖〗 some offices type (rule "small_brackets").
_DOC_NO_WIDE = re.compile(DOC_NO.pattern.replace("〔", "〔﹝〖").replace("〕", "〕﹞〗"))
# A certificate's or licence's own number line (鲁（2020）泰安市不动产证明第0014777号): never a title.
_NUMBERED_LINE = re.compile(r".{1,6}[（(]\d{4}[)）].{0,20}第\d{3,}号")
# A photo caption or a page's section name is never a title (rule "caption_not_title").
_CAPTION = re.compile(r"(?:记者|通讯员)?[\u4e00-\u9fff·]{0,8}\s*摄[)）]?$|[（(](?:图|组图|视频)[)）]|图片来源|^[\u4e00-\u9fff]{2,4}要闻$")
# 一、审议… / （二）… / 3．…: a 层次序数 opens a section of the body, never the document's title
# (rule "numbered_heading_not_title").
NUMBERED_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．]")
# A chapter's (or part's, section's) heading of rules set under their title (盐池县人民政府工作规则 / 第一章 总 则):
# the text's first division, never the title's wrapped end (rule "chapter_line_not_title").
CHAPTER_LINE = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[章编节](?:\s|$|[\u4e00-\u9fff]{1,12}$)")
JIYAO_MARK = re.compile(r"(?:会议)?纪要|工作简报|简报")
KINDS_ALONE = ("证明", "通知", "公告", "通告", "说明", "决定", "通报", "报告", "请示", "批复", "函")
_SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*\S+")
SECRECY = re.compile(
    r"(?:\d{6})?(?P<level>绝密|机密|秘密)(?:[★☆*](?P<term>[\d一二三四五六七八九十]+(?:年|个月)|长期))?"
    r"(?P<urgency>特急|加急|特提|平急)?"
)
URGENCY = re.compile(r"(?:紧急程度[:：])?(?P<urgency>特急|加急|特提|平急)")
MARK = re.compile(r"(?P<org>.{2,40}?)文件(?:[(（][^)）]{0,10}[)）])?")
_ADDRESS = r"(?:各位代表|同志们|各位委员|各位领导|女士们|先生们|朋友们)"   # the 称谓 of a speech or report
SALUTATION = re.compile(rf"{_ADDRESS}[，,：:！!]?")
_BODY_OPENER = re.compile(r"(?:现在|我代表|我们|今天|根据|为了|为进一步|经研究|按照)")
DASH_LEAD = re.compile(r"[-—―─－–~～]+")
_KEY_LABEL = re.compile(
    r"(?:时间|地点|主持人?|出席|列席|参加人员|参会人员|记录人?|来源|附件|抄送|抄报|联系人|联系电话|电话|主题|"
    r"议题|会议议题|关键词|签发人|导语|说明|备注)"
)
_RECIPIENT_HINT = re.compile(r"^各|政府|局|委|办|部|厅|院|单位|部门|公司|街道|社区|镇|乡|县|区|市|省|同志")
# 预算主管部门：上海市普陀区司法局 — an organ given as a labelled value in the heading.
ISSUER_LABEL = re.compile(r"(?:发文单位|发文机关|报送单位|编制单位|预算主管部门|主办单位|主管部门)[:：](?P<org>.+)")
_KEY_VALUE = re.compile(r"[\u4e00-\u9fff]{2,8}[:：]")
# A full stop or semicolon with more after it: a line of sentences, never a heading (rule "sentence_inside_not_title").
SENTENCE_INSIDE = re.compile(r"[。；;！？][^\n]")
HEADING_LABEL = re.compile(r"(?:主\s*题|标\s*题|名\s*称|文件名称|信息名称)\s*[:：]")
HEAD_LINES = 30
# 各位代表、同志们： / 同志们:这次…: the 称谓 a speech or report opens with, alone or run into the body.
SALUTE_OPEN = re.compile(rf"{_ADDRESS}(?:[、，,]{_ADDRESS})*[：:，,！!]")
# 梧州市委书记 蒋连生 / 最高人民检察院检察长 张军 (compacted): the speaker under a speech's title.
SPEAKER = re.compile(rf"[\u4e00-\u9fff]{{0,30}}?(?:{POSITION}|检察长|委员长|董事长|总经理)[\u4e00-\u9fff·]{{2,4}}")
# 省长赵刚作政府工作报告: a photo caption naming the speaker.
SPEAKER_CAPTION = re.compile(rf"[\u4e00-\u9fff]{{0,30}}?(?:{POSITION}|检察长)[\u4e00-\u9fff·]{{2,4}}(?:作|在|出席|主持)")
WRAP_ENDS = tuple("和与及的暨、在于对年")
# 10-28 德育素材网 / 2024-01-12 09:30: a page's stamp between a heading and the text.
STAMP_LINE = re.compile(r"\s*\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:\s|$)")
# 新华社北京3月17日电 / 2024年1月: a dateline or a month, never a title's words.
DAY_OR_MONTH_LINE = re.compile(r"\d{1,2}月\d{1,2}日|^(?:\d{4}|[〇○零一二三四五六七八九]{4})年\d{1,2}月$")


# --- line classification --------------------------------------------------------------

def is_body_start(s: str) -> bool:
    if not s:
        return False
    if SALUTATION.fullmatch(s) or _BODY_OPENER.match(s):
        return True
    if DASH_LEAD.match(s) or s[0] in "（(" or date_led(s) or _ocr_dash(s):
        return False
    return len(s) > 90 or (len(s) > 25 and s[-1] in "。；;！!")


def date_led(s: str) -> bool:
    """A heading line that opens with a full date: 1957年6月26日在…会议上."""
    found = find_dates(s[:16])
    return bool(found) and found[0].start == 0 and found[0].precision == "day"


def _ocr_dash(s: str) -> bool:
    """OCR reads the dash of ——2024年1月21日在… as 一: 一—2024年… (rule "ocr_dash")."""
    return len(s) > 2 and s[0] == "一" and s[1] in "—-－–―─一" and s[2].isdigit() and rules.on("ocr_dash")


def subtitle(s: str) -> bool:
    """——2024年1月21日在… (OCR: 一—2024年…) or 2024年1月27日在…会议上: a speech's subtitle line."""
    return bool(DASH_LEAD.match(s)) or _ocr_dash(s) or date_led(s)


# 20221227日在黄陂区第六届人民代表大会第二次会议上: a delivery line whose date lost 年 and 月 in the copy;
# read only in that frame (the digits, 日, then 在…会议/大会…上) (rule "date_lost_marks").
_COMPACT_DELIVERY = re.compile(r"(?P<digits>(?:19|20)\d{4,6})日在[^。；;]{2,60}(?:会议|大会|会)上")


# A date written with figures and dashes or dots (2024-10-10), as sites stamp a page; a heading's date is written
# with 年月日 (——2022年3月5日在…) (rule "dash_stamp").
_NUMERIC_DAY = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def heading_date(s: str) -> tuple[str, int, int] | None:
    """——2022年3月5日在… / （2022年3月11日…通过） / 2025年1月14日在… → (iso, start, end) in s."""
    if not s:
        return None
    lead = DASH_LEAD.match(s[1:] if _ocr_dash(s) else s)
    offset = lead.end() + (1 if _ocr_dash(s) else 0) if lead else 0
    if not lead and s[0] in "（(":
        offset = 1
    if rules.on("date_lost_marks") and (m := _COMPACT_DELIVERY.match(s, offset)):
        day = date_from_bare_digits(m.group("digits"))
        return (day.isoformat(), offset, m.end("digits") + 1) if day else None
    found = find_dates(s[offset:offset + 24])
    if not found or found[0].precision != "day" or found[0].relative or s[offset:offset + found[0].start].strip():
        return None
    rest = s[offset + found[0].end:]
    if (lead and rules.on("dash_stamp") and not rest.startswith("在")
            and _NUMERIC_DAY.fullmatch(s[offset + found[0].start:offset + found[0].end])):
        return None   # - 2024-10-10 发布于河南: a document-sharing site's upload stamp as a bullet, no heading's date
    if lead or offset == 1 or rest.startswith("在"):
        return found[0].date.isoformat(), offset + found[0].start, offset + found[0].end
    return None


def is_recipients(s: str) -> bool:
    return (s[-1] in "：:" and 2 < len(s) <= 150 and "。" not in s and not SALUTATION.fullmatch(s)
            and not _KEY_LABEL.match(s) and _RECIPIENT_HINT.search(s) is not None and not date_led(s))


# 尊敬的各位领导： / 敬爱的老师们： / 亲爱的市民朋友们：: a 称谓 that names whom it greets, ending in a colon.
_GREETING = re.compile(r"(?:尊敬的|敬爱的|亲爱的)[^。；;！!？?]{1,60}[:：]")


def address_line(s: str) -> bool:
    """A line that is the 称谓 or the 主送 alone (尊敬的各位领导：, 各位领导、同志们：, 各区县人民政府，市政府各部门：):
    GB/T 9704 sets it under the title, so it is never the title, and a text that opens with it has no heading above it
    (rule "address_not_title"). Every reading of a title refuses such a line here, in one place."""
    if not rules.on("address_not_title") or not s or s[-1] not in "：:":
        return False
    return _GREETING.fullmatch(s) is not None or SALUTE_OPEN.fullmatch(s) is not None or is_recipients(s)


# A page's first line cut from the sentence it belongs to: it ends in a clause mark (好政治关、法律关，…，), or it
# runs as a sentence: two clause marks inside (OCR cuts a line at the page's width: 索改为股权投入，推动…，增强), or
# one with an enumeration comma beside it (…行政村，形成“算力、算法…), past 40 characters or closed as a sentence
# (…等集中，向…集中。).
_CLAUSE_END = re.compile(r"[，,、；;]$")
_CLAUSE_INSIDE = re.compile(r"[，,；;。]")


def fragment_line(s: str) -> bool:
    """A line that is plainly a piece of a sentence, not a whole phrase (好政治关、法律关，确保…，): a scanned page
    that starts mid-document opens with one. GB/T 9704 sets a heading as a whole phrase, so such a line is never
    the title and no heading stands above it (rule "fragment_not_title")."""
    if not rules.on("fragment_not_title") or not s:
        return False
    inside = len(_CLAUSE_INSIDE.findall(s[:-1]))
    return (_CLAUSE_END.search(s) is not None or inside >= 2
            or (inside == 1 and ("、" in s or len(s) > 40 or s[-1] in "。.")))


# 华建复〔2017〕5号(B类) / …号（主动公开）: a site's disclosure class set after the number (rule "number_line_forms").
_NUMBER_TAIL = re.compile(r"[（(](?:[A-DＡ-Ｄ甲乙丙]类|主动公开|依申请公开|不予公开|此件公开发布|公开)[)）]$")
# 2006年10月26日 财建〔2006〕689号, (晋政办发〔2020〕84号2020年10月13日): a law database prints the date and the number
# on one line, either first, set apart by a gap or run together, the pair in brackets or not (rule "number_beside_date"):
# the gap form in doc_number_match, the bracket or run-together form in number_beside_date.
_DATE_GAP = re.compile(r"[ \t\u3000]+")
_BRACKETED = re.compile(r"[（(](?P<inner>.+)[)）]")


def _masthead(s: str) -> bool:
    """A 版头 alone: an organ's name and 文件 (焦作市四城联创指挥部文件), no heading that ends in 文件."""
    m = MARK.fullmatch(s)
    return m is not None and re.fullmatch(r"[\u4e00-\u9fff（）()、]{2,40}", m.group("org")) is not None \
        and "关于" not in m.group("org")


def doc_number_match(line: str) -> re.Match[str] | None:
    if rules.on("number_beside_date"):
        parts = _DATE_GAP.split(line.strip())
        if len(parts) == 2 and (dated := [k for k, x in enumerate(parts) if _full_date(x)]) and len(dated) == 1:
            line = parts[1 - dated[0]]   # 2006年10月26日 财建〔2006〕689号
    if rules.on("number_line_forms"):
        line = _NUMBER_TAIL.sub("", line.strip())
        parts = _DATE_GAP.split(line.strip())
        if len(parts) == 2 and rules.on("number_beside_masthead") and _masthead(parts[0]):
            line = parts[1]   # 焦作市四城联创指挥部文件 焦城创指〔2019〕48号: a page's name for the 版头, the number after it
    s = compact(_SIGNER.sub(" ", line)).strip("（()）【】[]" + (" \u3000" if rules.on("doc_number_forms") else ""))
    m = (_DOC_NO_WIDE if rules.on("small_brackets") else DOC_NO).fullmatch(s)
    return m if m and re.search(r"[\u4e00-\u9fff]", m.group("code")) else None


def number_beside_date(line: str) -> re.Match[str] | None:
    """The 发文字号 of a line holding it and one day's date in one bracket or run together, either first
    ((晋政办发〔2020〕84号2020年10月13日), a law database's line under the heading; rule "number_beside_date"): asked
    only of the line straight under the heading, where such a bracket is the heading's own (the heading's date line,
    （2012年1月9日　余府发〔2012〕3号）, is read for its date as before)."""
    if not rules.on("number_beside_date"):
        return None
    s = line.strip()
    if (b := _BRACKETED.fullmatch(s)) is not None:
        s = b.group("inner").strip()
    if (m := doc_number_match(s)) is not None:
        return m
    s = compact(s)
    if (m := DOC_NO.match(s)) is not None and _full_date(s[m.end():]):
        return doc_number_match(m.group(0))
    found = find_dates(s)
    if found and found[0].start == 0 and found[0].precision == "day" and found[0].end < len(s):
        return doc_number_match(s[found[0].end:])
    return None


def _full_date(s: str) -> bool:
    found = find_dates(s)
    return len(found) == 1 and found[0].precision == "day" and found[0].start == 0 and found[0].end == len(s)


def _quoted_start(s: str) -> bool:
    """A title may open with a quotation: “十四五”时期…规划, 《…办法》实施细则 (rule "quoted_title")."""
    pairs = {"“": "”", "《": "》"}
    if s[0] == "《" and "》" not in s and len(s) <= 40 and rules.on("wrapped_quote"):
        return True   # 《周矶办事处关于…百日攻坚 / 行动实施方案》的解读文件: the quotation wraps onto the next line
    return s[0] in pairs and pairs[s[0]] in s[1:12] and rules.on("quoted_title")


# What a wiki link's split leaves at the head of the next line (…所作的 / 政府工作报告 / 。会议…; 論聯合政府 /
# 的版本包括：): no typeset line opens with a comma or a stop, and no title opens with 的 (rule "link_split_line").
LINK_SPLIT_LEAD = tuple("，,。、；;！!？?")


def link_split(next_line: str) -> bool:
    """The line before `next_line` ends inside a sentence that a link broke off: not a heading's
    first words, nor an organ's name standing alone."""
    return rules.on("link_split_line") and next_line.startswith(LINK_SPLIT_LEAD + ("的",))


# A heading longer than a line holds, printed on one line (seven organs' 关于印发《…(2023-2025年)》的通知 of 76
# characters, its 文号 in brackets after it): 关于 in it, a 文种 at its end, no sentence in it (rule "long_heading_line").
_BRACKETED_NUMBER = re.compile(r"\s*[（(][^（()）]{0,12}〔\d{4}〕\d+号[)）]$")


def _long_heading(s: str) -> bool:
    if not rules.on("long_heading_line") or not 60 < len(s) <= 160 or "关于" not in s or re.search(r"[。；;！!？?]", s):
        return False
    return complete_title(_BRACKETED_NUMBER.sub("", s))


def is_title_like(s: str) -> bool:
    if rules.on("numbered_line_not_title") and _NUMBERED_LINE.fullmatch(s):
        return False
    if rules.on("numbered_heading_not_title") and NUMBERED_HEADING.match(s):
        return False
    if rules.on("caption_not_title") and _CAPTION.search(s):
        return False
    if rules.on("clauses_not_title") and len(re.findall(r"[，,]", s)) >= 2 and not complete_title(s):
        return False   # 会议由…主持,首先对…进行了说明,主要包括以下几项: a sentence of three clauses, not a heading
    if rules.on("link_split_line") and s.startswith(LINK_SPLIT_LEAD):
        return False   # ，1945年中共七大報告: the rest of a sentence a link broke off, not a heading
    if rules.on("sentence_inside_not_title") and SENTENCE_INSIDE.search(s):
        return False   # …仅供检索查阅；以官方链接发布版本为准。&siteId=0039: a sentence (and what a link left after it)
    return ((4 <= len(s) <= 60 or _long_heading(s)) and len(re.findall(r"[\u4e00-\u9fff]", s)) >= 2
            and s[-1] not in "：:。；;，,、！!？?" and (s[0] not in "（(【[“\"《" or _quoted_start(s))
            and not _KEY_VALUE.match(s)
            and not DASH_LEAD.match(s) and not SALUTATION.fullmatch(s) and not _BODY_OPENER.match(s)
            and not date_led(s))


# 五角场街道…工作安排 2016-03-07: the page's date set after its heading (rule "title_without_ids").
_TRAILING_STAMP = re.compile(r"^(?P<title>.*?[\u4e00-\u9fff》”)）])[ \t\u3000]+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
                             r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?$")


def heading_text(line: Line) -> str:
    """A heading line's words, without a page's date stamp after them (rule "title_without_ids")."""
    if rules.on("title_without_ids") and (m := _TRAILING_STAMP.match(line.text)):
        return compact(m.group("title"))
    return compact(line.text)


def numbered_line(s: str) -> bool:
    """鲁（2020）泰安市不动产证明第0014777号: a certificate's or form's number, never a title
    (rule "numbered_line_not_title")."""
    return rules.on("numbered_line_not_title") and _NUMBERED_LINE.fullmatch(s) is not None


def mark_match(s: str) -> re.Match[str] | None:
    """发文机关标志 (…文件); not a heading that ends in 文件, with 关于 or a quotation in it
    (《…关于…实施方案》的解读文件) (rule "wrapped_quote")."""
    m = MARK.fullmatch(s)
    if m is not None and rules.on("wrapped_quote") and re.search(r"关于|[《》“”]", m.group("org")):
        return None
    return m


def is_continuation(s: str) -> bool:
    if rules.on("title_without_ids") and not re.search(r"[\u4e00-\u9fff]", s):
        return False   # 6107280000/2024-001005 (an 索引号's value) never continues a heading
    if rules.on("link_split_line") and s.startswith(LINK_SPLIT_LEAD):
        return False   # 論聯合政府 (1945年) / ，1945年中共七大報告: a link and the sentence it sits in
    return (1 <= len(s) <= 40 and s[-1] not in "：:。；;，,、！!？?" and s[0] not in "（(【[“\"—-"
            and "：" not in s and ":" not in s and s.replace(" ", "") not in ("目录", "前言")
            and not DASH_LEAD.match(s) and not SALUTATION.fullmatch(s) and not date_led(s)
            and ORG_LINE.fullmatch(s) is None and doc_number_match(s) is None and mark_match(s) is None
            and not (rules.on("issue_header") and any(d.precision == "day" for d in find_dates(s)))
            and not (rules.on("numbered_heading_not_title") and NUMBERED_HEADING.match(s))
            and not (rules.on("chapter_line_not_title") and CHAPTER_LINE.match(s))
            and not (rules.on("brief_header_line") and any(d.precision == "day" for d in find_dates(s))))


def is_organ_line(s: str) -> bool:
    """An organ's name alone on a line (no 关于, no 的): an organ line above a title or a 署名."""
    if len(s) > 30 or "关于" in s or "的" in s:
        return False
    return ORG.fullmatch(s) is not None or (s.endswith("法团") and rules.on("hk_owners_corporation"))
