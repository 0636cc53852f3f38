"""The head of an official document: the lines before its body, read as a block.

`Head` walks the first lines of a prepared text (gongwen_text.prepare) and finds
the 版头 (XX文件), the 发文字号, the title block (joined across line breaks, the
subtitle and speaker lines kept apart), the 主送 line and where the body starts;
`read_metadata` (gongwen.py) asks it for each element. The tests of single lines are
in gongwen_lines; the second looks after the line pass (the title above the 主送 or the
称谓, a heading printed twice, a skipped 发文字号) in gongwen_head_rechecks.
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_copies import file_line
from dangan.read.understand.gongwen_elements import (
    DOC_NO,
    ORG,
    ORG_LINE,
    complete_title,
    doc_type_of_title,
    issuer_from_title,
    meta_value,
    number_text,
)
from dangan.read.understand.gongwen_head_rechecks import (
    number_skipped,
    repeated_heading,
    title_above_recipients,
    title_above_salutation,
)
from dangan.read.understand.gongwen_issuers import labelled_signer
from dangan.read.understand.gongwen_labelled import brief_header, issue_header, org_date_line
from dangan.read.understand.gongwen_lines import (
    DASH_LEAD,
    HEAD_LINES,
    HEADING_LABEL,
    ISSUER_LABEL,
    JIYAO_MARK,
    KINDS_ALONE,
    MARK,
    SALUTE_OPEN,
    SECRECY,
    SENTENCE_INSIDE,
    URGENCY,
    date_led,
    doc_number_match,
    heading_date,
    heading_text,
    is_body_start,
    is_continuation,
    is_organ_line,
    is_recipients,
    is_title_like,
    link_split,
    mark_match,
)
from dangan.read.understand.gongwen_posted_copy import own_heading_past_row
from dangan.read.understand.gongwen_text import Line, Prepared, compact
from dangan.read.understand.gongwen_title_shape import page_word_over

# --- the heading block -----------------------------------------------------------------

def _note_over_heading(s: str, below: list[Line]) -> bool:
    """A line of sentences opening the text, a whole heading standing alone within the next lines: a copy's
    note on its source or copyright, not the body's start (rule "note_over_heading")."""
    # (…以官方链接发布版本为准。&siteId=0023: a note whose sentence ends inside the line, a link's tail after it, is one
    # too: rule "note_link_tail")
    sentences = is_body_start(s) or (rules.on("note_link_tail") and SENTENCE_INSIDE.search(s) is not None)
    if not (rules.on("note_over_heading") and sentences and re.search(r"[。；;！？]", s)
            and not SALUTE_OPEN.match(s)):
        return False
    return any(is_title_like(t := compact(ln.text)) and complete_title(t) for ln in below)


class Head:
    """What the heading block states, found in one pass over its lines."""

    def __init__(self, p: Prepared) -> None:
        self.p = p
        self.lines: list[Line] = []
        self.next_text = ""          # the first line after the heading block
        closed = False               # the 主送机关 line closes the heading block
        texts = [ln for ln in p.lines if not ln.noise]
        for n, line in enumerate(texts):
            s = compact(line.text)
            if not self.lines and _note_over_heading(s, texts[n + 1:n + 4]):
                continue   # a copy's note on its source (…仅供检索查阅；以官方链接发布版本为准。) over the heading
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
        number_skipped(self)
        title_above_recipients(self)
        title_above_salutation(self)
        repeated_heading(self)

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
                self.doc_number = meta_value(self.p, number_text(m), 0.95, line.start, line.end)
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
                  and "关于" not in s and "的" not in s and i + 1 < len(self.lines)
                  and not link_split(compact(self.lines[i + 1].text))):
                # An organ's name alone above the title: the 发文机关标志 of a 信函 or report.
                self.mark_org = meta_value(self.p, s, 0.8, line.start, line.end)
            elif self.title is None and not self.done and is_title_like(s):
                if (later := self._complete_title_below(i)) is not None:
                    i = later   # page furniture or a caption above the real title: skip it
                    continue
                i = self._take_title(i)
                i = self._fuller_heading(i)
                i = self._heading_past_row(i)
                continue
            elif (m := ISSUER_LABEL.fullmatch(s)) and ORG.fullmatch(m.group("org")):
                self.organ = meta_value(self.p, m.group("org"), 0.7, line.start, line.end)
            elif self.organ is None and (org := labelled_signer(line.text)):
                # 填报单位：幸福社区居民委员会　　填报日期：…: a form's header names its author as a labelled value
                self.organ = meta_value(self.p, org, 0.7, line.start, line.end)
            elif (self.title is not None and self.organ is None and (m := ORG_LINE.fullmatch(s))
                  and not (s == self.title.value and rules.on("repeated_heading_not_signer"))):
                # 区委书记 张卫国 under a speech's heading names the organ its speaker heads; the heading itself
                # printed again further down (区委书记全区工作会议讲话稿, a model-text site's repeat) names no signer
                self.organ = meta_value(self.p, m.group("org"), 0.6, line.start, line.end)
            elif (self.title is not None and self.organ is None and i > 0 and compact(self.lines[i - 1].text) == self.title.value and "、" in s
                  and rules.on("joint_organ_line") and all(len(x) <= 30 and ORG.fullmatch(x) for x in s.split("、"))):
                # 关于返还…的通知 / 财政部、司法部: a law database sets the joint issuers under the heading
                self.organ = meta_value(self.p, s, 0.6, line.start, line.end)
            i += 1

    def _fuller_heading(self, i: int) -> int:
        """A web page's heading is often the document's short name; the document's own heading,
        a little further down, holds it whole and says more (V市…通报（2022年·第9期）, 关于印发
        《…细则》的通知 under its organ line): that one is the title (rule "fuller_heading")."""
        if self.title is None or not rules.on("fuller_heading"):
            return i
        short = self.title.value
        if (k := self._own_head_below(i, short)) is not None:
            self.title, self.title_orgs = None, []
            return k   # the document's own head under the page's copy of its heading: read from there
        for j in range(i, min(i + 8, len(self.lines))):
            s = compact(self.lines[j].text)
            lower = (rules.on("menu_lines") and s != short and len(s) >= 8 and short.endswith(s)
                     and complete_title(s))   # 保定腰山镇…的通告 (the page's) above 腰山镇…的通告 (the document's)
            fuller = short in s and len(re.findall(r"[\u4e00-\u9fff]", s.replace(short, "", 1))) >= 2   # says more words
            if ((fuller or lower) and 4 <= len(s) <= 80 and not re.search(r"[。；;！？]", s)
                    and not (s[-1] in "：:" and rules.on("run_on_to_organs"))):   # …范文篇一市规划委、市市政园林局: a 主送
                k = j
                while k > i and k - j < 3 and is_organ_line(compact(self.lines[k - 1].text)):
                    k -= 1
                self.title = None
                self.title_orgs = [compact(ln.text) for ln in self.lines[k:j]]
                return self._take_title(k, lead=j - k)
        return i

    def _heading_past_row(self, i: int) -> int:
        """The page's copy of the heading straight over its posting row, the document's own heading under the row
        holding its words in order and saying more: that one is the title (rule "heading_past_posting_row")."""
        if self.title is None or not rules.on("heading_past_posting_row"):
            return i
        if (found := own_heading_past_row(self.p, self.lines, self.title_end)) is None:
            return i
        lead, start, end = found
        self.title_orgs = [compact(ln.text) for ln in self.lines[lead:start]]
        title = "".join(compact(ln.text) for ln in self.lines[lead:end + 1])
        self.title = meta_value(self.p, title, 0.85, self.lines[lead].start, self.lines[end].end)
        self.title_end = end
        return end + 1

    def _own_head_below(self, i: int, short: str) -> int | None:
        """中共渭南市委宣传部 / 中共渭南市委文明办 / 关于…建设 / 新时代…的通知, or 中共衢州市委宣传部 文件 / … / 衢市宣[2004]5号 /
        关于…城市 / 宣传教育工作的通知, under the page's copy of that heading (关于…的通知 on one line, a 来源 row): the
        document's own heading, wrapped, with its organ lines, 版头 or 文号 straight above it. Returns the index its head
        starts at (rule "own_head_below")."""
        if not rules.on("own_head_below"):
            return None
        for j in range(i, min(i + 12, len(self.lines) - 1)):
            joined = ""
            for m in range(j, min(j + 3, len(self.lines))):
                joined += compact(self.lines[m].text)
                if joined == short and m > j:
                    k = j
                    while k > i and j - k < 4 and _head_line(self.lines[k - 1].text):
                        k -= 1
                    return k if k < j else None
                if not short.startswith(joined):
                    break
        return None

    def _organ_block(self, i: int) -> int:
        """Organ lines (up to three) opening the heading. Above a 发文字号, a …文件 line or a
        纪要 mark they are the 发文机关标志; above a title line they are the title's first
        words (北山市公安局 / 关于商请…的函). Returns the index to go on from, 0 if neither."""
        below_mark = self.mark_org is not None   # 中共石门县委办公室文件 / 石办发〔2023〕11号 / organs / 关于…
        if not rules.on("organ_title_lines") or (below_mark and not rules.on("organ_lines_below_mark")):
            return 0
        k = i
        while k < len(self.lines) and k - i < 3 and is_organ_line(compact(self.lines[k].text)):
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
        if is_title_like(nxt) and ORG_LINE.fullmatch(nxt) is None and not is_organ_line(nxt):
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
                return self._organs_over(i, j)
        if rules.on("menu_lines"):
            # a site's menu, a word or two a line (法定主动 / 公开内容 / 政策 …), above the heading
            j = i + 1
            while j < min(i + 24, len(self.lines)) and len(compact(self.lines[j].text)) <= 8:
                j += 1
            s = compact(self.lines[j].text) if j < len(self.lines) else ""
            if j - i > 4 and 4 <= len(s) <= 80 and complete_title(s) and not re.search(r"[。；;！？]", s):
                return j
        return None

    def _organs_over(self, i: int, j: int) -> int:
        """The organ lines (up to three) set straight over the title line j that the reading skips to from a page's
        word at line i: the title's first words (接访信息详情 / 中共江南市委办公室 / 江南市人民政府办公室 / 关于…的通报), read
        from the first of them (rule "organs_over_title_below")."""
        k = j
        while (rules.on("organs_over_title_below") and k > i + 1 and j - k < 3
               and is_organ_line(compact(self.lines[k - 1].text))):
            k -= 1
        return k

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
            self.doc_number = meta_value(self.p, number_text(m), 0.9, line.start + m.start(), line.start + m.end())

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
                    and not all(is_organ_line(x) for x in parts)):
                # • 提交 / 购物车 / 长子县人民政府森林防火指挥部关于…的通告: the page's buttons above a
                # heading that is whole by itself are not its first words
                return self._take_title(j)
            if nxt == "".join(parts) or not is_continuation(nxt) or len("".join(parts) + nxt) > 80:
                break
            parts.append(nxt)
            j += 1
        if lead == 0 and len(parts) > 1 and page_word_over(parts[0], "".join(parts[1:]), is_organ_line,
                                                           _issuer_named):
            parts, i = parts[1:], i + 1   # 接访信息详情 / 杏林社区…实施方案: the page's word, not the heading's
        after = self.lines[j].text if j < len(self.lines) else self.next_text
        if after[:1] in tuple("。，、；;,！？)）"):
            # The "title" runs on into a sentence (a wiki link split the line): body text.
            self.done = True
            return len(self.lines)
        title = "".join(parts)
        self.title = meta_value(self.p, title, 0.85, self.lines[i].start, self.lines[j - 1].end)
        self.title_end = j - 1
        return j


def _issuer_named(s: str) -> str | None:
    found = issuer_from_title(s, 0.8, None)
    return found.value if found is not None else None


def _head_line(text: str) -> bool:
    """A line of a document's head over its heading: an organ (spaced out or not), a 版头 …文件, a 发文字号."""
    s = compact(text)
    return is_organ_line(s) or MARK.fullmatch(s) is not None or doc_number_match(text) is not None
