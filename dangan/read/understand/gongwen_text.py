"""Text preparation for reading official-document elements (used by `gongwen`).

`prepare()` derives a working copy of a document's text in which the element
patterns can be simple: pinyin annotations removed (`創(chuàng)建` → `創建`),
Traditional → Simplified with OpenCC `t2s` (same length), full-width digits and
Latin letters → ASCII. It keeps, for every working character, its offset in the
input, so spans point into the text the caller gave. The working copy is split
into stripped, non-empty lines, and web-page chrome (下载/打印/字号/【法宝引证码】/
原文链接/breadcrumbs) is flagged so it is never taken for a heading. A field or 署名 wrapped at the
page's edge is joined to its line first (`gongwen_wraps.unwrap`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dangan.read.understand import rules
from dangan.read.understand.gongwen_blanks import unentity, unpaged, untag
from dangan.text.cjk import CJK
from dangan.text.pinyin import strip_pinyin_mapped as strip_pinyin
from dangan.text.script import to_simplified

# Full-width digits and letters → ASCII; zero-width and no-break spaces → space.
_TO_ASCII = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u200b\ufeff\xa0]+")
LINE_RUN = re.compile(r"[^\r\n]+")
SPACE = "\t \u3000\u2002\u2003\u00a0"

# Whole lines that are page chrome of a web copy, never part of a document's heading.
NOISE = re.compile(
    r"^(?:下载|打印|全屏|收藏|加大|还原|减小|关闭|关闭窗口|打印本页|分享[:：]?|首页|[小中大]|"
    r"[>》<«|｜【】\[\]]+|【?\s*(?:字号|字体)[:：].*|【法宝引证码】.*|原文链接[:：].*|当前位置[:：]?.*|"
    r"来源[:：].*|(?:发表|发布|更新)?时间[:：].*|阅读量[:：]?.*|(?:阅读|浏览)次数.*|(?:责任)?编辑[:：].*|"
    r"相关报道[:：]?|扫一扫.*|导语[:：].*|上一篇.*|下一篇.*|"
    r"[-—–－]?\s*\d{1,4}\s*[-—–－]?|第\s*\d+\s*页.*|"
    r"\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
_BARE_KEY = re.compile(r"(?:来源|(?:发表|发布|更新)?时间|阅读量|(?:责任)?编辑|作者)\s*[:：]$")
_CJK = CJK + "（）《》“”、，：；"
# Two or more spaces, or any ideographic space: what sets apart fields or organs on one line.
WIDE_GAP = re.compile(r"[ \t]{2,}|\u3000+")
# GB/T 9704-2012 sets two fields of one line at its two ends: 发文字号 居左空一字 and 签发人 居右空一字 (7.2.5),
# 印发机关 左空一字 and 印发日期 右空一字 (7.4.3); a word processor puts the second at a right tab stop, so
# one tab between them is the same field gap as a run of spaces (a 纪要's 编发单位<tab>日期, a form's
# 填报单位：…<tab>填报日期：…) (rule "tab_field_gap")
_FIELD_GAP = re.compile(r"[ \t]{2,}|\u3000+|\t")


def field_gap() -> re.Pattern[str]:
    """What sets two fields of one line apart: a wide gap, or a tab."""
    return _FIELD_GAP if rules.on("tab_field_gap") else WIDE_GAP
# Spaces with a CJK character on at least one side (never between two digits).
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[\s\u3000]+(?=[{_CJK}\d])|(?<=\d)[\s\u3000]+(?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the working text, stripped; offsets into the working text."""

    text: str
    start: int
    end: int
    noise: bool


@dataclass(frozen=True, slots=True)
class Prepared:
    work: str
    # origin[i]: offset in the input of work[i] (origin[len] = len(input)); None when the
    # working text is as long as the input (no pinyin removed), so offsets are the same.
    origin: tuple[int, ...] | None
    lines: tuple[Line, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of work[start:end]."""
        if self.origin is None:
            return (start, max(start, end))
        if end <= start:
            return (self.origin[start], self.origin[start])
        return (self.origin[start], self.origin[end - 1] + 1)


def _ascii(m: re.Match[str]) -> str:
    return "".join(" " if ch in "\u200b\ufeff\xa0" else chr(ord(ch) - 0xFEE0) for ch in m.group())


@functools.lru_cache(maxsize=4096)   # a line is compacted by each of the checks it goes through
def compact(text: str) -> str:
    """Drop spaces between CJK characters and digits (PDFs space out 山 西 省, 2023 年)."""
    text = text.strip(SPACE)
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text
    return _CJK_GAP.sub("", text)


# A breadcrumb on one line (首页 > 新闻 > 云南要闻) or a section name alone (云南要闻, 图片新闻).
_CRUMBS = re.compile(r"^[^>»＞›]{1,16}(?:\s*[>»＞›]\s*[^>»＞›]{1,16}){2,}$")
_SECTION = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:要闻|新闻|动态|快讯|图片新闻|视频新闻|头条)$")


# Site chrome of a government or law-database page (rule "site_chrome"): a navigation bar
# (热门站点| 世界资料网 | …), accessibility and account switches (关怀版 无障碍, 登录 注册), a
# breadcrumb that opens with 首页 or 您的位置, a line of page facts (作者:… 时间:… 浏览:…),
# a domain name, a greeting (欢迎访问…网站), the rows of a 政府信息公开 table (索引号 …).
_NAV_BAR = re.compile(r"^[^|丨｜]{1,16}(?:\s*[|丨｜]\s*[^|丨｜]{0,16}){2,}$")
_SWITCHES = re.compile(r"^(?:(?:关怀版|无障碍(?:浏览)?|长者模式|适老版|登录|注册|繁體|繁体|简体|English|网站地图|"
                       r"设为首页|加入收藏|收藏本站|今天是.{0,20}|English版|手机版|智能问答)\s*[|丨｜]?\s*)+$")
# Buttons of a shop-like or portal page (购物车, 举报, • 提交) (rule "menu_lines").
_BUTTONS = re.compile(r"^(?:(?:购物车|举报|提交|关闭|打赏捐赠|返回顶部|返回首页|分享到[:：]?|[•·]\s*\S{1,4})\s*)+$")
# An essay or document-sharing site's name with its home button (德育素材网 首页) and its copy buttons
# (正文复制, 复制全文) above the heading (rule "copy_buttons").
# …and its links to the rest of a page cut short (查看更多, 阅读全文, 展开全文: widened in the cross-family round).
_SITE_BUTTONS = re.compile(r"^(?:[\u4e00-\u9fffA-Za-z0-9]{2,12}(?:网|站|库|平台)\s*首页|(?:正文|全文)?复制(?:全文|正文|本文)?|"
                           r"下载(?:文档|本文|全文)|全文(?:阅读|下载)|(?:查看|阅读|展开|显示)(?:更多|全文)\s*(?:>>|»|>)?)$")
# A row of a portal's reading-mode and account switches, two or more of them, whatever the site calls
# them (关怀版 无障碍 登录 注册 on gov_site_pages' pages, 无障碍版 长者助手 登录 and 无障碍阅读 关怀版
# 返回首页 on gov_site_pages_6'): one cause, two families (rule "page_switches", which took the
# switches out of round 4's more_page_chrome).
_SWITCH_ROW = re.compile(r"^(?:(?:无障碍(?:浏览|阅读|版|模式)?|关怀(?:版|模式)|长者(?:助手|版|模式)|适老化?(?:版|模式)?|"
                         r"登录|注册|返回首页|智能问答|网站地图|手机版|English版?|繁體|繁体|简体|简|繁)"
                         r"\s*[|丨｜]?\s*){2,}$")
# …and a portal's top row that mixes two or more of its switches with links to sister sites and portal features,
# whatever those name (市人大 市政協 開放廣東 智能問答 簡| 手機版 網站無障礙 網站支持IPv6 over 珠海's 通告: validation_r40's
# siqw page, untouched): short items set apart by spaces or bars, no heading ever holding two switches (rule
# "page_switches", widened in round 40).
_SWITCH_ITEM = re.compile(r"(?:网站)?(?:无障碍(?:浏览|阅读|版|模式)?|关怀(?:版|模式)|长者(?:助手|版|模式)|适老化?(?:版|模式)?|"
                          r"登录|注册|返回首页|智能问答|网站地图|手机版|English版?|繁体|简体|简|繁|(?:支持)?IPv6)")


def _mixed_switch_row(s: str) -> bool:
    items = [w for w in re.split(r"[\s|丨｜]+", s) if w]
    if len(items) < 3 or any(len(w) > 8 for w in items):
        return False
    return sum(1 for w in items if _SWITCH_ITEM.fullmatch(to_simplified(w))) >= 2
# A position line whose crumbs are empty (您当前的位置: > >) and the site's 信息公开 channel named
# alone above the heading (rule "more_page_chrome").
_MORE_SWITCHES = re.compile(r"^(?:您当前的|您的当前|当前)位置\s*[:：]|"
                            r"^(?:政府|政务)?信息公开(?:专栏|目录|平台)?$|^政务公开$")
# A breadcrumb wrapped onto a second line that opens with its separator (当前位置: 首页 / >政务频道
# >政务公开 >本局文件), a series or issue line of a document-sharing site (“日新月异”系列№7266) and a
# month alone (2024年1月) above a heading (rule "crumb_and_series_lines").
_CRUMB_TAIL = re.compile(r"^[>»＞›]\s*[^>»＞›]{1,16}(?:\s*[>»＞›]\s*[^>»＞›]{1,16})+$")
_SERIES = re.compile(r"^.{0,16}(?:№|系列\s*(?:No\.?|NO\.?)\s*)\s*\d{1,6}$|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月$")
_CRUMB_LEAD = re.compile(r"^(?:(?:您的|您当前所在|您现在的|当前所在)?位置\s*[:：]\s*)?首页\s*(?:[>»＞›]|&gt;)")
_POSITION = re.compile(r"^(?:您的|您当前所在|您现在的|当前所在)位置\s*[:：]")
_FACT_KEY = re.compile(r"(?:作者|时间|浏览|浏览量|浏览次数|访问量|来源|字号|发布日期|发布时间|点击数|分享)\s*[:：]")
_DOMAIN = re.compile(r"\b[A-Za-z0-9-]+\.(?:com|cn|net|org|gov\.cn)\b", re.I)
_READING = re.compile(r"加入收藏|阅读时长|共计\s*\d+\s*个?字|点击此处下载|【?\s*打印\s*】?\s*【?\s*关闭")
_WELCOME = re.compile(r"^欢迎(?:访问|来到|光临).{0,30}(?:网站|网|平台)[!！。]?$")
_DISCLOSURE_ROW = re.compile(r"^[•·\-\s]*(?:索\s*引\s*号|信息分类|主题分类|组配分类|公开目录|公文目录|发布机构|发文机构|"
                             r"生成日期|公开方式|公开时限|公开范围|信息来源|废止时间|生效时间|有效性|内容概述|"
                             r"名\s*称|下载地址|归档时间|浏览次数|发布日期|视力保护色|关\s*键\s*词|体\s*裁|文\s*号|文件编号|"
                             r"发文字号|成文日期)")
# A law database's record fields above the text (时效性 :现行有效, 生效日期:…, 发文日期 2021-03-04): the
# record's, never the heading (rule "law_db_fields"; 发文机关 and 文号 are still read where they stand).
_LAW_DB_ROW = re.compile(r"^(?:发文机关|发布部门|颁布机关|发文日期|颁布日期|生效日期|施行日期|实施日期|失效日期|时效性|"
                         r"效力级别|效力位阶|法规类别|时效状态)\s*[:：]?\s*\S")
# What follows a section's name is a heading, not a labelled value (日期 | 2022年…).
_HEADING_LIKE = re.compile(r"关于|(?:通知|通报|意见|决定|决议|报告|公告|通告|方案|批复|函|纪要|请示|办法|规定|细则|"
                           r"总结|计划|公示|规则)[)）》”]?$")
# 政务服务丨济宁市人民政府关于…: a site section's name set before a page's heading.
_SECTION_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[丨｜|]\s*(?=[\u4e00-\u9fff“《])")


# The top of a page as sites and document-sharing portals set it (rule "page_top_chrome"): a greeting
# (您好,欢迎访问…), a breadcrumb opening with 首页 and any separator (首页 >> 公开信息内容), a row of
# the 政府信息公开 table (信息名称 …, 索引号 …); the site's name on the first line, above such chrome.
_GREETING = re.compile(r"^(?:您好[!！,，。]?\s*)?欢迎您?(?:访问|来到|光临|进入)[^。；;]{1,30}$")
_HOME_CRUMB = re.compile(r"^(?:\S{0,8}位置\s*[:：]\s*)?首页\s*(?:>>?|»|＞|›|/|&gt;)")
_TABLE_ROW = re.compile(_DISCLOSURE_ROW.pattern.replace("(?:索", "(?:信息名称|文件名称|标\\s*题(?=\\s*[:：])|索", 1))


def top_chrome(text: str) -> bool:
    """A greeting, a breadcrumb from 首页 or a 信息公开 table row (rule "page_top_chrome")."""
    if not rules.on("page_top_chrome"):
        return False
    s = compact(text)
    return bool(_GREETING.match(s) or _HOME_CRUMB.match(s) or _TABLE_ROW.match(text.strip()))


# 时间:2012年9月2日地点:… / 会议时间:… 会议地点:… 参会人员:… run together on one line (rule "run_on_labels").
_INLINE_LABEL = re.compile(r"(?:会议)?(?:时间|日期|地点|主持人?|参加对象|参会人员|参加人员|与会人员|出席(?:人员)?|"
                           r"列席(?:人员)?|记录人?|(?:主要)?(?:会议)?内容)\s*[:：]")


def _label_cuts(text: str) -> list[int]:
    """Where a line that runs several labelled meeting fields together should be cut: before each label."""
    if not rules.on("run_on_labels"):
        return []
    found = list(_INLINE_LABEL.finditer(text))
    if len(found) < 2:
        return []
    cuts = [m.start() for m in found]
    keys = {re.sub(r"^会议|\s*[:：]$", "", m.group()) for m in found}
    if len(keys) < 2 or not {"时间", "日期"} & keys:
        return []
    return [c for c in cuts if c > 0]


def site_chrome(text: str) -> bool:
    """A line of a web page's chrome rather than of the document (rule "site_chrome")."""
    s = text.strip()
    if rules.on("page_switches") and (_SWITCH_ROW.match(s) is not None or _mixed_switch_row(s)):
        return True
    if rules.on("doc_sharing_blurb") and (_SHARING_BLURB.search(s) or _COLLECTION_LEAD.match(s)) is not None:
        return True
    if not rules.on("site_chrome"):
        return False
    return bool(_NAV_BAR.match(s) or _SWITCHES.match(s) or _CRUMB_LEAD.match(s) or _POSITION.match(s)
                or len(_FACT_KEY.findall(s)) >= 2 or (_DOMAIN.search(s) and len(s) <= 60)
                or _WELCOME.match(compact(s)) or _DISCLOSURE_ROW.match(s) or (_READING.search(s) and len(s) <= 80)
                or (rules.on("law_db_fields") and _LAW_DB_ROW.match(s) is not None)
                or (rules.on("menu_lines") and _BUTTONS.match(s) is not None)
                or (rules.on("copy_buttons") and _SITE_BUTTONS.match(s) is not None)
                or (rules.on("more_page_chrome") and _MORE_SWITCHES.match(s) is not None)
                or (rules.on("crumb_and_series_lines") and (_CRUMB_TAIL.match(s) or _SERIES.match(s)) is not None))


# A news agency's dateline alone on its line above a document it carries (新华社北京1月22日电): where the
# report was filed, never the document's heading (rule "news_dateline").
_DATELINE = re.compile(r"^(?:新华社|中新社|中新网|新华网|人民网|央视网|本报)?[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电"
                       r"(?:[（(][^（()）]{1,20}[)）])?$")


def _furniture(text: str) -> bool:
    """Page furniture of a web copy (rule "page_furniture"): never a heading."""
    return (rules.on("page_furniture") and (_CRUMBS.match(text) is not None or _SECTION.match(compact(text)) is not None)
            ) or site_chrome(text) or top_chrome(text) or (rules.on("news_dateline") and _DATELINE.match(compact(text)) is not None)


# A page's share widget under a heading: the caption of its QR code (公众号二维码, 扫描二维码 分享好友和朋友圈) and the
# account it names on the line above (湖南人大微信) (rule "share_widget").
_QR_CAPTION = re.compile(r"二维码")
_ACCOUNT = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{1,10}(?:微信|微博|公众号|抖音号?|头条号)$")


def _share_widgets(lines: list[Line]) -> None:
    """Mark a share widget's lines as chrome, never a heading's wrapped end: a short line naming a QR code, and
    the account's name set directly over it."""
    for i, line in enumerate(lines):
        if line.noise or len(compact(line.text)) > 30 or _QR_CAPTION.search(line.text) is None:
            continue
        lines[i] = Line(line.text, line.start, line.end, True)
        if i > 0 and not lines[i - 1].noise and _ACCOUNT.match(compact(lines[i - 1].text)):
            up = lines[i - 1]
            lines[i - 1] = Line(up.text, up.start, up.end, True)


def _split_lines(work: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    for m in LINE_RUN.finditer(work):
        raw = m.group()
        left = len(raw) - len(raw.lstrip(SPACE))
        text = raw.strip(SPACE)
        if text:
            start = m.start() + left
            if (rules.on("site_chrome") and (sec := _SECTION_PREFIX.match(text)) and "|" not in text[sec.end():]
                    and _HEADING_LIKE.search(text[sec.end():])):
                text, start = text[sec.end():], start + sec.end()
            pieces = [0, *_label_cuts(text), len(text)]
            for a, b in zip(pieces, pieces[1:]):
                piece = text[a:b]
                lead = len(piece) - len(piece.lstrip(SPACE))
                piece = piece.strip(SPACE)
                if piece:
                    noise = len(piece) <= 120 and (NOISE.match(compact(piece)) is not None or _furniture(piece))
                    lines.append(Line(piece, start + a + lead, start + a + lead + len(piece), noise))
    if (rules.on("page_top_chrome") and len(lines) > 2 and not lines[0].noise and len(compact(lines[0].text)) <= 20
            and not _HEADING_LIKE.search(lines[0].text) and any(top_chrome(ln.text) or site_chrome(ln.text)
                                                                for ln in lines[1:3])
            and not _organ_over_guanyu(lines)):
        lines[0] = Line(lines[0].text, lines[0].start, lines[0].end, True)   # the site's name above its chrome
    if rules.on("menu_lines"):
        _menu_runs(lines)
    if rules.on("crumb_repeated"):
        _repeated_crumbs(lines)
    if rules.on("file_record_time"):
        _file_record_rows(lines)
    if rules.on("share_widget"):
        _share_widgets(lines)
    # Breadcrumbs (首页 > 政务信息 > 要闻): the neighbours of a ">" line are chrome too;
    # so is the value under a bare key line (来源：/ 陕西省人民政府).
    for i, line in enumerate(lines):
        if _BARE_KEY.match(line.text) and i + 1 < len(lines) and len(lines[i + 1].text) <= 30:
            nxt = lines[i + 1]
            lines[i + 1] = Line(nxt.text, nxt.start, nxt.end, True)
        if (i == 1 and _CRUMB_LEAD.match(line.text) and len(lines[0].text) <= 20 and not lines[0].noise
                and rules.on("site_chrome")):
            lines[0] = Line(lines[0].text, lines[0].start, lines[0].end, True)   # the site's name above its crumbs
        if line.text in (">", "》", "&gt;"):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and len(lines[j].text) <= 12 and not lines[j].noise:
                    lines[j] = Line(lines[j].text, lines[j].start, lines[j].end, True)
    return tuple(lines)


_CRUMB_SEP = re.compile(r"\s*(?:&gt;|[>»＞›])+\s*")


def _repeated_crumbs(lines: list[Line]) -> None:
    """当前位置:秘书稿子>> 工作报告>> 工作汇报 / 工作汇报: the breadcrumb's last crumb set again alone under it
    is the section's name, never the heading (rule "crumb_repeated")."""
    for i, line in enumerate(lines):
        if not line.noise:
            continue
        crumbs = _CRUMB_SEP.split(line.text)
        last = compact(crumbs[-1]) if len(crumbs) >= 3 else ""
        if not last or len(last) > 16:
            continue
        for j in range(i + 1, min(i + 3, len(lines))):
            if not lines[j].noise and compact(lines[j].text) == last:
                lines[j] = Line(lines[j].text, lines[j].start, lines[j].end, True)


# A document-sharing site's record of the file it shares, a field a line (ID:7146247 / 大小:31.49 KB / 页数:4页 /
# 时间:2018-02-05; - 文档编号:… / - 上传时间:… / - 格式:DOCX), and the site's short words straight above it (欢迎来到天天文库 /
# 浏览记录): the site's, never the heading (rule "file_record_time", which also keeps its 时间 from the 成文日期).
_FILE_KEYS = "ID|文档编号|文档ID|大小|页数|格式|上传人|上传者"
FILE_ROW = re.compile(rf"[-•·\s]*(?:{_FILE_KEYS})[:：]", re.I)
_RECORD_ROW = re.compile(rf"[-•·\s]*(?:{_FILE_KEYS}|(?:上传|发布)?时间)[:：]", re.I)


def _file_record_rows(lines: list[Line]) -> None:
    rows = [k for k, ln in enumerate(lines[:15]) if FILE_ROW.match(ln.text)]
    if len(rows) < 2:
        return
    first = last = rows[0]
    while first > 0 and _RECORD_ROW.match(lines[first - 1].text):
        first -= 1
    while last + 1 < len(lines) and _RECORD_ROW.match(lines[last + 1].text):
        last += 1
    top = first
    while top > 0 and first - top < 2 and len(lines[top - 1].text.strip()) <= 10 and "." not in lines[top - 1].text:
        top -= 1
    for k in range(top, last + 1):
        lines[k] = Line(lines[k].text, lines[k].start, lines[k].end, True)


_MENU_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,6}")
_LEAD_IN = re.compile(r"^导\s*语(?:\s|[:：])")


def _organ_over_guanyu(lines: list[Line]) -> bool:
    """盐城市第九届人民代表大会第二次会议 / 关于…的决议: the line over a heading that opens with 关于
    names who issues it (GB/T 9704's 发文机关 + 关于 + 事由 + 文种), not the site (rule
    "organ_over_guanyu")."""
    from dangan.read.understand.gongwen_elements import ORG

    return (rules.on("organ_over_guanyu") and compact(lines[1].text).startswith("关于")
            and ORG.fullmatch(compact(lines[0].text)) is not None)


def _menu_runs(lines: list[Line]) -> None:
    """A site's menu at the top of a page, a word or two a line (法定主动 / 公开内容 / 政策 / …),
    five lines or more before any line of text, and a page's 导语 lead-in: chrome, not heading."""
    top = next((k for k, ln in enumerate(lines) if len(compact(ln.text)) > 20), len(lines))
    k = 0
    while k < top:
        j = k
        while j < top and _MENU_WORD.fullmatch(compact(lines[j].text)):
            j += 1
        if j - k >= 5:
            for n in range(k, j):
                lines[n] = Line(lines[n].text, lines[n].start, lines[n].end, True)
        k = j + 1
    for n, ln in enumerate(lines[:12]):
        if _LEAD_IN.match(ln.text):
            lines[n] = Line(ln.text, ln.start, ln.end, True)


# The site's own words about the file (《….docx》由会员分享,可在线阅读… / 简介:写写帮文库小编为你整理了…),
# which end a heading block early where they stand between the file's name and the document, and its
# number of a file in a collection (第一篇:湖南省人民政府办公厅文件) (rule "doc_sharing_blurb").
_COLLECTION_LEAD = re.compile(r"第[一二三四五六七八九十\d]{1,3}篇\s*[:：]")
_SHARING_BLURB = re.compile(r"由会员分享|可在线阅读|请在\S{0,12}上搜索|小编(?:为你|为大家)?(?:精心)?(?:整理|收集)|"
                            r"会员上传|文档由用户提供并上传|下载本文档|全文预览已结束")


def prepare(text: str) -> Prepared:
    # imported here, not at the top: gongwen_wraps reads this module's line patterns
    from dangan.read.understand.gongwen_wraps import unwrap

    work, origin = strip_pinyin(text)
    work = unpaged(untag(unentity(_TO_ASCII.sub(_ascii, to_simplified(work)))))
    work, origin = unwrap(work, origin)
    return Prepared(work, tuple(origin) if origin is not None else None, _split_lines(work))
