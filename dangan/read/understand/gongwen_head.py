"""The head of an official document: the lines before its body, read as a block.

`Head` walks the first lines of a prepared text (gongwen_text.prepare) and finds
the 版头 (XX文件), the 发文字号, the title block (joined across line breaks, the
subtitle and speaker lines kept apart), the 主送 line and where the body starts;
`read_metadata` (gongwen.py) asks it for each element. The tests of single lines are
in gongwen_lines.
"""
from __future__ import annotations

import itertools
import logging
import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_context import (
    brief_header,
    issue_header,
    labelled_fields,
    org_date_line,
)
from dangan.read.understand.gongwen_copies import file_line
from dangan.read.understand.gongwen_elements import (
    DOC_NO,
    ORG,
    ORG_LINE,
    complete_title,
    doc_type_of_title,
    issuer_from_title,
    meta_value,
)
from dangan.read.understand.gongwen_lines import (
    DASH_LEAD,
    DAY_OR_MONTH_LINE,
    HEAD_LINES,
    HEADING_LABEL,
    ISSUER_LABEL,
    JIYAO_MARK,
    KINDS_ALONE,
    MARK,
    SALUTE_OPEN,
    SECRECY,
    SPEAKER,
    SPEAKER_CAPTION,
    STAMP_LINE,
    URGENCY,
    WRAP_ENDS,
    date_led,
    doc_number_match,
    heading_date,
    heading_text,
    is_body_start,
    is_continuation,
    is_recipients,
    is_title_like,
    mark_match,
    subtitle,
)
from dangan.read.understand.gongwen_text import Line, Prepared, compact

log = logging.getLogger(__name__)

# --- the heading block -----------------------------------------------------------------

class Head:
    """What the heading block states, found in one pass over its lines."""

    def __init__(self, p: Prepared) -> None:
        self.p = p
        self.lines: list[Line] = []
        self.next_text = ""          # the first line after the heading block
        closed = False               # the 主送机关 line closes the heading block
        for line in p.lines:
            if line.noise:
                continue
            s = compact(line.text)
            if closed or is_body_start(s) or len(self.lines) >= HEAD_LINES:
                self.next_text = line.text
                break
            self.lines.append(line)
            closed = is_recipients(s)
        self.done = False
        self.title: MetaValue | None = None
        self.title_end = -1          # index in self.lines of the title's last line
        self.mark_org: MetaValue | None = None
        self.doc_number: MetaValue | None = None
        self.date: MetaValue | None = None
        self.organ: MetaValue | None = None
        self.subtitle_type: MetaValue | None = None
        self.title_orgs: list[str] = []   # organ lines the title opens with (北山市公安局 / 关于…的函)
        self.org_line: MetaValue | None = None   # 平阳县人民政府办公室　　2021年6月30日
        self.org_date: MetaValue | None = None
        self._read()
        self._number_skipped()
        self._title_above_recipients()
        self._title_above_salutation()
        self._repeated_heading()

    def _read(self) -> None:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            s = compact(line.text)
            if DASH_LEAD.match(s) and self.subtitle_type is None and (kind := doc_type_of_title(s)):
                # ——在中国共产党第十九次全国代表大会上的报告
                self.subtitle_type = meta_value(self.p, kind, 0.8, line.start, line.end)
            if not s or SECRECY.fullmatch(s) or URGENCY.fullmatch(s) or s.isdigit():
                pass
            elif file_line(s) is not None:
                pass   # 创建文明城市整改报告 篇4.docx: a document-sharing copy names its file, not its heading
            elif (rules.on("labelled_heading") and HEADING_LABEL.fullmatch(s) and i + 1 < len(self.lines)
                  and is_title_like(nxt := compact(self.lines[i + 1].text)) and complete_title(nxt)):
                # 主题： / 遂宁市…关于征求…的函: a page's heading given as a labelled value is the title,
                # whatever the site's name and section above it were taken for
                self.title_orgs, self.mark_org = [], None
                self.title = meta_value(self.p, nxt, 0.85, self.lines[i + 1].start, self.lines[i + 1].end)
                self.title_end = i + 1
                i += 2
                continue
            elif self.doc_number is None and (m := doc_number_match(line.text)):
                number = f"{m.group('code')}〔{m.group('year')}〕{int(m.group('num'))}号"
                self.doc_number = meta_value(self.p, number, 0.95, line.start, line.end)
            elif self.date is None and (d := heading_date(s)):
                self.date = meta_value(self.p, d[0], 0.85, line.start, line.end)
                self._paren_doc_number(line)
            elif self.title is None and (resume := self._organ_block(i)):
                i = resume
                continue
            elif ih := issue_header(line.text):
                # 暖泉街道办事处 第10期 2013年3月22日: a 简报's header line
                self.org_line = self.org_line or meta_value(self.p, ih[0], 0.8, line.start, line.end)
                self.org_date = self.org_date or meta_value(self.p, ih[1], 0.8, line.start, line.end)
                if self.subtitle_type is None:
                    self.subtitle_type = meta_value(self.p, "简报", 0.6, line.start, line.end)
            elif self.title is not None and i <= self.title_end + 3 and (bh := brief_header(line.text)):
                # 清城区创建全国文明城市办公室编印 2014年7月3日 under a 简报's name
                self.org_line = self.org_line or meta_value(self.p, bh[0], 0.8, line.start, line.end)
                self.org_date = self.org_date or meta_value(self.p, bh[1], 0.8, line.start, line.end)
                if self.subtitle_type is None and bh[2]:
                    self.subtitle_type = meta_value(self.p, "简报", 0.6, line.start, line.end)
            elif od := org_date_line(line.text):
                # the editing organ and date of a 简报 or 纪要, on one header line
                self.org_line = self.org_line or meta_value(self.p, od[0], 0.8, line.start, line.end)
                self.org_date = self.org_date or meta_value(self.p, od[1], 0.8, line.start, line.end)
            elif (self.title is None and rules.on("jiyao_mark") and JIYAO_MARK.fullmatch(s)
                  and self._title_below(i)):
                # 会 议 纪 要 / 工作简报 set above the real title: the kind, not the title
                if self.subtitle_type is None and (kind := doc_type_of_title(s)):
                    self.subtitle_type = meta_value(self.p, kind, 0.8, line.start, line.end)
            elif (self.title is None and self.mark_org is not None and JIYAO_MARK.fullmatch(s)
                  and rules.on("jiyao_title")):
                # 中共东风街道工作委员会 / 会 议 纪 要 with no title below: the two are the title
                self.title = meta_value(self.p, self.mark_org.value + s, 0.8, line.start, line.end)
                self.title_end = i
            elif self.title is None and i == 0 and s in KINDS_ALONE and rules.on("kind_title"):
                self.title = meta_value(self.p, s, 0.8, line.start, line.end)
                self.title_end = i
            elif self.title is None and (m := self._mark(i)):
                if not m.group("org").endswith("会议"):   # 二次会议文件(23A): a meeting's file series
                    self.mark_org = meta_value(self.p, m.group("org"), 0.9, line.start, line.end)
                i += 2 if m.string != s else 1
                continue
            elif (self.title is None and self.mark_org is None and len(s) <= 30 and ORG.fullmatch(s)
                  and "关于" not in s and "的" not in s and i + 1 < len(self.lines)):
                # An organ's name alone above the title: the 发文机关标志 of a 信函 or report.
                self.mark_org = meta_value(self.p, s, 0.8, line.start, line.end)
            elif self.title is None and not self.done and is_title_like(s):
                if (later := self._complete_title_below(i)) is not None:
                    i = later   # page furniture or a caption above the real title: skip it
                    continue
                i = self._take_title(i)
                i = self._fuller_heading(i)
                continue
            elif (m := ISSUER_LABEL.fullmatch(s)) and ORG.fullmatch(m.group("org")):
                self.organ = meta_value(self.p, m.group("org"), 0.7, line.start, line.end)
            elif (fields := labelled_fields(line.text)) and self.organ is None and "org" in fields:
                self.organ = meta_value(self.p, fields["org"], 0.7, line.start, line.end)
            elif self.title is not None and self.organ is None and (m := ORG_LINE.fullmatch(s)):
                self.organ = meta_value(self.p, m.group("org"), 0.6, line.start, line.end)
            elif (self.title is not None and self.organ is None and i > 0 and compact(self.lines[i - 1].text) == self.title.value and "、" in s
                  and rules.on("joint_organ_line") and all(len(x) <= 30 and ORG.fullmatch(x) for x in s.split("、"))):
                # 关于返还…的通知 / 财政部、司法部: a law database sets the joint issuers under the heading
                self.organ = meta_value(self.p, s, 0.6, line.start, line.end)
            i += 1

    def _title_above_recipients(self) -> None:
        """GB/T 9704 sets the 标题 directly above the 主送机关 (under the 发文字号): when the head
        closes on a 主送 line and the lines just above it, joined, make a whole title, that is the
        document's own heading, whatever a page put higher up (its short name for the document, a
        section name, its menu) (rule "title_above_recipients")."""
        if not rules.on("title_above_recipients") or len(self.lines) < 2:
            return
        r = len(self.lines) - 1
        if not is_recipients(compact(self.lines[r].text)):
            return
        k = r
        while k > 0 and (doc_number_match(self.lines[k - 1].text) or date_led(compact(self.lines[k - 1].text))):
            k -= 1   # the 发文字号 (or a dated line) between the title and the 主送
        end, parts, organs, title = k, [], [], ""
        while k > 0 and len(parts) + len(organs) < 6:
            line = self.lines[k - 1]
            s = heading_text(line)
            if (not s or not "\u4e00" <= s[0] <= "\u9fff" and s[0] not in "“《(（" or doc_number_match(line.text)
                    or MARK.fullmatch(s) or (parts and complete_title(s)) or not (is_continuation(s) or is_title_like(s))):
                break   # chrome, a 发文字号 or 版头, or the page's own whole heading above the document's
            if title:   # the heading is whole: only organ lines may stand above it (石门's two offices)
                if not self._is_organ(s) or len(organs) >= 3:
                    break
                organs.insert(0, s)
            else:
                parts.insert(0, s)
                joined = "".join(parts)
                if complete_title(joined) and (joined.startswith("关于") or issuer_from_title(joined, 0.8, None)):
                    title, first = joined, k - 1
            k -= 1
        if not title:
            return
        if organs and issuer_from_title(title, 0.8, None) is not None:
            organs = []   # 河南省许昌市人民政府 / 许昌市人民政府关于…: the title names its organ itself
        k = first - len(organs)
        whole = "".join(organs) + title
        if not (4 <= len(whole) <= 80) or re.search(r"[。；;！？]", whole):
            return
        if self.title is not None and compact(self.title.value) in (whole, title):
            return
        if self.title is not None and self.title_orgs and "".join(self.title_orgs) + title == compact(self.title.value):
            return
        self.title_orgs = organs
        self.title = meta_value(self.p, whole, 0.85, self.lines[k].start, self.lines[end - 1].end)
        self.title_end = end - 1

    def _repeated_heading(self) -> None:
        """A web copy prints the document's heading twice: once as the page's heading (among its
        switches, crumbs, labels and 信息公开 values) and again where the document itself begins. A
        whole title line that occurs twice at the top is the title, whatever the page set around
        the first copy (rule "repeated_heading")."""
        if not rules.on("repeated_heading"):
            return
        seen: dict[str, int] = {}
        twice = None
        for line in itertools.islice((ln for ln in self.p.lines if not ln.noise), 40):   # the top only
            s = heading_text(line)
            if not (6 <= len(s) <= 80) or re.search(r"[。；;！？:：]", s) or not complete_title(s):
                continue
            if s in seen:
                twice = s
                break
            seen[s] = line.start
        if twice is None or (self.title is not None and twice in compact(self.title.value)
                             and not compact(self.title.value).endswith(twice)):
            return   # 关于印发吉安市…实施细则的通知: the page's short name inside the document's fuller heading
        if (self.title is not None and compact(self.title.value).endswith(twice)
                and (not self.title_orgs or twice.startswith(("关于", "印发", "转发")))):
            return   # the same, or 北山市公安局 / 关于…的函: organ lines above a heading that names none
        last = [k for k, ln in enumerate(self.lines) if heading_text(ln) == twice]
        line = self.lines[last[-1]] if last else next(ln for ln in self.p.lines if ln.start == seen[twice])
        self.title_orgs = []
        self.title = meta_value(self.p, twice, 0.85, line.start, line.end)
        if last:
            self.title_end = last[-1]

    def _title_above_salutation(self) -> None:
        """A speech or a report to a congress sets its 标题 above the speaker and date lines and the
        称谓 (各位代表、同志们：) that opens its text: when the head closes on a 称谓, the lines just
        above those, joined, are the title, whatever a page put higher up (its column name, a
        dateline, a series line, copy buttons); only organ lines may stand above a whole title
        (rule "title_above_salutation")."""
        if not rules.on("title_above_salutation") or not self.lines:
            return
        k = len(self.lines)
        last = compact(self.lines[-1].text)
        if SALUTE_OPEN.match(last) and len(last) <= 20:
            k -= 1   # 各位代表、同志们: kept in the head (a list of addressees)
        elif not SALUTE_OPEN.match(compact(self.next_text)):
            return
        while k > 0:
            raw = self.lines[k - 1].text
            s = compact(raw)
            wrapped_subtitle = any(subtitle(compact(ln.text)) for ln in self.lines[max(0, k - 3):k - 1])
            if (not s or subtitle(s) or s[0] in "（(" or SPEAKER.fullmatch(s) or SPEAKER_CAPTION.match(s)
                    or STAMP_LINE.match(raw) or ORG_LINE.fullmatch(s) or s.endswith(("会议上", "大会上"))
                    or (wrapped_subtitle and not complete_title(s))):
                k -= 1   # ——2023年3月7日在…会议上 / 检察长 张军 / 贵州省财政厅 / （2024年1月12日） / a stamp
                continue
            break
        end, parts, organs = k, [], []
        while k > 0 and len(parts) < 4:
            s = heading_text(self.lines[k - 1])
            if (not s or DAY_OR_MONTH_LINE.search(s) or doc_number_match(self.lines[k - 1].text) or MARK.fullmatch(s)
                    or not (is_continuation(s) or is_title_like(s)) or SPEAKER.fullmatch(s)):
                break
            if parts and complete_title("".join(parts)):
                if (not organs and not complete_title(s) and (len(s) >= 10 or s.endswith(WRAP_ENDS))
                        and complete_title(s + "".join(parts))):
                    parts.insert(0, s)   # 贵州省2023年预算执行情况和2024年 / 预算草案的报告: one title wrapped
                elif not self._is_organ(s) or len(organs) >= 2:
                    break
                else:
                    organs.insert(0, s)
            else:
                parts.insert(0, s)
            k -= 1
        whole = [j for j in range(1, len(parts)) if complete_title("".join(parts[:j]))]
        if whole and not complete_title("".join(parts)):
            parts, end = parts[:whole[-1]], end - (len(parts) - whole[-1])   # a site's name under the title
        title = "".join(organs + parts)
        if not parts or not (4 <= len(title) <= 80) or re.search(r"[。；;！？]", title):
            return
        if len(parts) > 1 and not complete_title("".join(parts)) and min(len(x) for x in parts) < 6:
            return   # short words a line with no kind of document: a menu, not a wrapped title
        if self.title is not None and compact(self.title.value) == title:
            return
        if (self.title is not None and compact(self.title.value).endswith(title)
                and any(compact(ln.text) == compact(self.title.value) for ln in self.lines)):
            return   # 2026年宁夏回族自治区政府工作报告 / 政府工作报告: the page's fuller heading stands
        self.title_orgs = organs
        self.title = meta_value(self.p, title, 0.85, self.lines[k].start, self.lines[end - 1].end)
        self.title_end = end - 1

    def _number_skipped(self) -> None:
        """A 发文字号 line the reading jumped over (the page's heading, the number, then the document's own
        heading: 湖卫健发〔2023〕1号 between them) is still the number (rule "number_anywhere_in_head")."""
        if self.doc_number is not None or not rules.on("number_anywhere_in_head"):
            return
        for line in self.lines[:self.title_end + 1] if self.title_end >= 0 else ():
            if m := doc_number_match(line.text):
                number = f"{m.group('code')}〔{m.group('year')}〕{int(m.group('num'))}号"
                self.doc_number = meta_value(self.p, number, 0.9, line.start, line.end)
                return

    def _fuller_heading(self, i: int) -> int:
        """A web page's heading is often the document's short name; the document's own heading,
        a little further down, holds it whole and says more (V市…通报（2022年·第9期）, 关于印发
        《…细则》的通知 under its organ line): that one is the title (rule "fuller_heading")."""
        if self.title is None or not rules.on("fuller_heading"):
            return i
        short = self.title.value
        for j in range(i, min(i + 8, len(self.lines))):
            s = compact(self.lines[j].text)
            lower = (rules.on("menu_lines") and s != short and len(s) >= 8 and short.endswith(s)
                     and complete_title(s))   # 保定腰山镇…的通告 (the page's) above 腰山镇…的通告 (the document's)
            if ((short in s and len(s) > len(short)) or lower) and 4 <= len(s) <= 80 and not re.search(r"[。；;！？]", s):
                k = j
                while k > i and k - j < 3 and self._is_organ(compact(self.lines[k - 1].text)):
                    k -= 1
                self.title = None
                self.title_orgs = [compact(ln.text) for ln in self.lines[k:j]]
                return self._take_title(k, lead=j - k)
        return i

    def _is_organ(self, s: str) -> bool:
        if len(s) > 30 or "关于" in s or "的" in s:
            return False
        return ORG.fullmatch(s) is not None or (s.endswith("法团") and rules.on("hk_owners_corporation"))

    def _organ_block(self, i: int) -> int:
        """Organ lines (up to three) opening the heading. Above a 发文字号, a …文件 line or a
        纪要 mark they are the 发文机关标志; above a title line they are the title's first
        words (北山市公安局 / 关于商请…的函). Returns the index to go on from, 0 if neither."""
        below_mark = self.mark_org is not None   # 中共石门县委办公室文件 / 石办发〔2023〕11号 / organs / 关于…
        if not rules.on("organ_title_lines") or (below_mark and not rules.on("organ_lines_below_mark")):
            return 0
        k = i
        while k < len(self.lines) and k - i < 3 and self._is_organ(compact(self.lines[k].text)):
            k += 1
        if k == i or k >= len(self.lines):
            return 0
        organs = [compact(ln.text) for ln in self.lines[i:k]]
        nxt = compact(self.lines[k].text)
        first, last = self.lines[i], self.lines[k - 1]
        if MARK.fullmatch(nxt) or MARK.fullmatch(organs[-1] + nxt):
            return 0      # 山西省十四届人大 / 二次会议文件: a 版头 wrapped over two lines
        if below_mark:
            pass
        elif (doc_number_match(self.lines[k].text) or JIYAO_MARK.fullmatch(nxt)
                or date_led(nxt) or org_date_line(self.lines[k].text)):
            self.mark_org = meta_value(self.p, "、".join(organs), 0.9, first.start, last.end)
            return k
        if rules.on("menu_lines") and nxt.startswith("".join(organs)) and is_title_like(nxt):
            return self._take_title(k)   # the site's name above a heading that names the organ itself
        if is_title_like(nxt) and ORG_LINE.fullmatch(nxt) is None and not self._is_organ(nxt):
            self.title_orgs = organs
            return self._take_title(i, lead=k - i)
        return 0

    def _complete_title_below(self, i: int) -> int | None:
        """When line i (even joined with what follows) is no complete title but a line a little
        further down is one (…政府工作报告, …的通知), the index of that line (rule "prefer_complete_title")."""
        if not rules.on("prefer_complete_title"):
            return None
        first = compact(self.lines[i].text)
        joined = first + "".join(compact(ln.text) for ln in self.lines[i + 1:i + 3])
        if complete_title(first) or any(complete_title(joined[:n]) for n in range(len(first), len(joined) + 1)):
            return None
        for j in range(i + 1, min(i + 5, len(self.lines))):
            s = compact(self.lines[j].text)
            if is_title_like(s) and doc_type_of_title(s) and not DASH_LEAD.match(s):
                return j
        if rules.on("menu_lines"):
            # a site's menu, a word or two a line (法定主动 / 公开内容 / 政策 …), above the heading
            j = i + 1
            while j < min(i + 24, len(self.lines)) and len(compact(self.lines[j].text)) <= 8:
                j += 1
            s = compact(self.lines[j].text) if j < len(self.lines) else ""
            if j - i > 4 and 4 <= len(s) <= 80 and complete_title(s) and not re.search(r"[。；;！？]", s):
                return j
        return None

    def _title_below(self, i: int) -> bool:
        return any(is_title_like(s) and doc_type_of_title(s)
                   for s in (compact(ln.text) for ln in self.lines[i + 1:i + 6]))

    def _mark(self, i: int) -> re.Match[str] | None:
        """发文机关标志 (…文件) on line i, or wrapped over lines i and i+1."""
        s = compact(self.lines[i].text)
        if m := mark_match(s):
            return m
        return mark_match(s + compact(self.lines[i + 1].text)) if i + 1 < len(self.lines) else None

    def _wrapped_start(self, i: int) -> int:
        """A heading wrapped after its first words (关于对两区“包街包巷包小区” / 责任单位…的通报,
        浦东新区人民政府关于印发 / 《…》的通知) when the reader settled on its last line: the line
        above opens it if it holds 关于 or ends in 印发/转发, is no whole title itself and the two
        make one (rule "wrapped_heading_start")."""
        if not rules.on("wrapped_heading_start"):
            return 0
        up, s = compact(self.lines[i - 1].text), compact(self.lines[i].text)
        opens = "关于" in up or up.endswith(("印发", "转发"))
        if (opens and "关于" not in s and not complete_title(up) and is_title_like(up)
                and len(up + s) <= 80 and complete_title(up + s)):
            return i - 1
        return 0

    def _paren_doc_number(self, line: Line) -> None:
        m = re.search(r"(?<=[\s（(，,])" + DOC_NO.pattern, line.text)
        if self.doc_number is None and m:
            number = f"{m.group('code')}〔{m.group('year')}〕{int(m.group('num'))}号"
            self.doc_number = meta_value(self.p, number, 0.9, line.start + m.start(), line.start + m.end())

    def _take_title(self, i: int, lead: int = 0) -> int:
        """The title from line i on (after `lead` organ lines), wrapped lines joined."""
        if lead == 0 and i > 0 and (up := self._wrapped_start(i)):
            i = up
        parts = [heading_text(ln) for ln in self.lines[i:i + lead + 1]]
        j = i + lead + 1
        while j < len(self.lines) and len(parts) < 4 + lead and not complete_title("".join(parts)):
            nxt = compact(self.lines[j].text)
            if (rules.on("complete_line_stands_alone") and j > i + lead and complete_title(nxt)
                    and (nxt.startswith("关于") or issuer_from_title(nxt, 0.8, None) is not None)
                    and not all(self._is_organ(x) for x in parts)):
                # • 提交 / 购物车 / 长子县人民政府森林防火指挥部关于…的通告: the page's buttons above a
                # heading that is whole by itself are not its first words
                return self._take_title(j)
            if nxt == "".join(parts) or not is_continuation(nxt) or len("".join(parts) + nxt) > 80:
                break
            parts.append(nxt)
            j += 1
        after = self.lines[j].text if j < len(self.lines) else self.next_text
        if after[:1] in tuple("。，、；;,！？)）"):
            # The "title" runs on into a sentence (a wiki link split the line): body text.
            self.done = True
            return len(self.lines)
        title = "".join(parts)
        self.title = meta_value(self.p, title, 0.85, self.lines[i].start, self.lines[j - 1].end)
        self.title_end = j - 1
        return j
