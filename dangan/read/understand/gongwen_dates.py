"""The 成文日期 a document states in its text, and the 署名 read with it.

- the 落款 at the end: a line holding only a date, the 署名 on or above it (one organ, joint organs
  side by side or stacked, a labelled signer), a date whose 年月日 a copy lost under an organ's name;
- a 落款 a web copy ran into one line, kept apart by spaces only;
- a closing formula (特此请示 / 特此报告) with the 署名 and date run on after it;
- a date in brackets on the line straight under the heading the reader settled on, where the heading block
  stopped short of it (`title_date`);
- the date of a (…会议通过) line among the first lines (`adoption_date`).
A web page's posting time is gongwen_posting's. `read_metadata` (gongwen.py) asks for `end_date` and `title_date`.
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_context import joint_organs, seal_free
from dangan.read.understand.gongwen_elements import ORG, ORG_LINE, meta_value
from dangan.read.understand.gongwen_issuers import labelled_signer
from dangan.read.understand.gongwen_lines import heading_date, heading_text
from dangan.read.understand.gongwen_text import Line, Prepared, compact
from dangan.text.dates import date_from_bare_digits, days_from_bare_digits, find_dates
from dangan.text.script import to_simplified

# (此件公开发布) / (此页无正文): a 附注 a copy may set between the 署名 and its date.
_NOTE_LINE = re.compile(r"[（(]此(?:件|页)[^()（）]{1,10}[)）]")
# A day written with a leading zero in its month or day (2023年09月22日, 2013-04-17): GB/T 9704 (7.3.5.3) writes a
# 成文日期 without one (月、日不编虚位); a date-only line so written straight under the heading is a site's date of the
# page (rule "padded_page_date").
_PADDED_DAY = re.compile(r"(?:年|[-./])\s*0[1-9]\s*(?:月|[-./])|月\s*0[1-9]\s*日")
_BARE_DATE_LINE = re.compile(r"[{\[(（【]?[ \t\u3000]*(?P<digits>(?:19|20)\d{2}[\d \t\u3000]{2,8})[}\])）】]?")


# (2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过): a 决议's or 决定's adoption note on a line of its own
# (a page's list bullet before it), its date the 成文日期; read near the top when the heading block stopped short of it,
# page rows or a translation's lines standing between (rule "adoption_line").
_ADOPTION = re.compile(r"(?:[•·●▪*-][ \t\u3000]*)?[（(](?P<note>[^()（）]{6,80}?(?:会议|大会)(?:审议)?通过)[)）]")
_ADOPTION_LINES = 20


def page_date_line(s: str) -> bool:
    """2023年09月22日 / 2013-04-17 alone on the line straight under the heading: the site's date of the page, its month
    or day written with a leading zero as GB/T 9704 never writes a 成文日期 (rule "padded_page_date")."""
    found = find_dates(s) if rules.on("padded_page_date") and _PADDED_DAY.search(s) else []
    return len(found) == 1 and found[0].precision == "day" and found[0].start == 0 and found[0].end == len(s)


def _bare_date_under_signature(p: Prepared, line: Line, prev: Line | None,
                               above: Line | None) -> tuple[MetaValue | None, MetaValue] | None:
    """鄒城市文明辦 / 2013417, 牟定县人民政府办公室 / (此件公开发布) / { 2017 6 23: the 署名's date with its 年月日
    lost in the copy, read only under an organ's name and only when the digits name one day (rule "date_lost_marks")."""
    if prev is None or (m := _BARE_DATE_LINE.fullmatch(line.text.strip())) is None:
        return None
    if _NOTE_LINE.fullmatch(compact(prev.text)) and above is not None:
        prev = above
    if (org := _signature(prev.text)) is None:
        return None
    if (day := date_from_bare_digits(m.group("digits"))) is None:
        if rules.on("signer_over_bare_digits") and days_from_bare_digits(m.group("digits")):
            # 瑶海区生态环境分局 / 2023117 (1-17 or 11-7): the digits are the 署名's date, only which day is
            # lost; the organ above them is the 署名 all the same
            return None, meta_value(p, org, 0.7, prev.start, prev.end)
        return None
    return (meta_value(p, day.isoformat(), 0.6, line.start, line.end),
            meta_value(p, org, 0.7, prev.start, prev.end))


def _signature_over_month(p: Prepared, line: Line, prev: Line | None) -> MetaValue | None:
    """共青团华中农业大学委员会宣传部 / 二〇一六年三月: the 署名 over a date that names its month but no day, as
    signer_over_bare_digits reads one over digits naming no one day (rule "signer_over_bare_digits"): the organ is the
    署名, the 成文日期 stays unread. Only where no later line states a day's date, so that a month line earlier in
    the text (a cover's 编制日期) never stands before the real 署名 and date."""
    if prev is None or not rules.on("signer_over_bare_digits"):
        return None
    s = compact(line.text)
    found = find_dates(s) if len(s) <= 12 else []
    if len(found) != 1 or found[0].precision != "month" or found[0].start != 0 or found[0].end != len(s):
        return None
    if (org := _signature(prev.text)) is None:
        return None
    if any(d.precision == "day" for d in find_dates(p.work[line.end:])):
        return None
    return meta_value(p, org, 0.7, prev.start, prev.end)


def end_date(p: Prepared, after: int) -> tuple[MetaValue | None, MetaValue | None]:
    """The first line holding only a date (成文日期), and the 署名 on or above it."""
    prev: Line | None = None
    above: Line | None = None   # the line above prev
    for line in p.lines:
        if line.noise or line.start < after:
            if not line.noise:
                prev, above = line, prev
            continue
        s = compact(line.text)
        if rules.on("date_lost_marks") and (bare := _bare_date_under_signature(p, line, prev, above)):
            return bare
        if s.endswith("月") and (month_signer := _signature_over_month(p, line, prev)):
            return None, month_signer
        if len(s) <= 40 and s[-1] in "日号" and (found := find_dates(s)):
            m = found[-1]
            head = s[:m.start]
            if not head and _under_label(prev):
                prev, above = line, prev
                continue   # 下次会议时间： / 2023年11月15日: the label's value, not the 成文日期
            if not head and prev is not None and prev.start < after and page_date_line(s):
                prev, above = line, prev
                continue   # 關于轉發…的通知 / 2013年04月17日: the site's date of the page, no 成文日期 (月、日不编虚位)
            if m.precision == "day" and m.end == len(s) and (not head or ORG.fullmatch(head)):
                date = meta_value(p, m.date.isoformat(), 0.9, line.start, line.end)
                if head:
                    return date, meta_value(p, head, 0.85, line.start, line.end)
                if prev is not None and (org := _signature(prev.text)):
                    if rules.on("stacked_signature_run") and "、" not in org and org == compact(seal_free(prev.text)):
                        run = _stacked_run(p, prev, line)
                        return date, meta_value(p, "、".join(run), 0.8 if len(run) > 1 else 0.85, prev.start, prev.end)
                    if (above is not None and rules.on("stacked_signature") and "、" not in org
                            and (first := compact(above.text)) != org and len(first) <= 30 and ORG.fullmatch(first)):
                        # 中共岳阳市委办公室 / 岳阳市人民政府办公室 / 2017年1月10日: joint 署名, one organ a line
                        return date, meta_value(p, f"{first}、{org}", 0.8, above.start, prev.end)
                    return date, meta_value(p, org, 0.85, prev.start, prev.end)
                if rules.on("signer_below_page_date") and prev is not None and prev.start < after:
                    # 關于轉發…的通知 / 2013年04月17日 / … / 鄒城市文明辦 / 2013417: a date right under the heading
                    # names no signer; the 署名 is still to come
                    return date, end_date(p, line.end + 1)[1]
                return date, None
        prev, above = line, prev
    inline = _inline_signature(p, after) if rules.on("inline_signature") else (None, None)
    if inline != (None, None):
        return inline
    closing = _after_closing(p, after)
    return closing if closing != (None, None) else _after_attachment(p, after)


# 特此请示 / 特此报告 / 妥否，请批示: the formula that closes a 公文's body. A copy that lost the line
# breaks runs the 署名 and 成文日期 on after it: 特此请示xxxxx2018年11月8日。 (rule "closing_run_on").
_CLOSING_RUN_ON = re.compile(r"(?:特此(?:请示|报告|通知|函告|函复|函|公告|通告|批复|说明|证明|公示|通报)|请批示|请审批|请批复)"
                             r"[。.!！]?\s*(?P<signer>[^。；;：:\d]{0,30}?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
                             r"\s*\d{1,2}\s*日)[。.]?$")


# The same closing formula with any written date after it (二 0 一二年七月十日), the 署名 between them however
# spaced (特此报告 xx 镇人民政府 二 0 一二年…), a page counter after it (-2-) (rule "run_on_closing_date").
_CLOSING = re.compile(r"(?:特此(?:请示|报告|通知|函告|函复|函|公告|通告|批复|说明|证明|公示|通报)|请批示|请审批|请批复)[。.!！]?")
_AFTER_DATE = re.compile(r"[。.]?(?:[ \t\u3000]*[-—－]?[ \t\u3000]*\d{1,3}[ \t\u3000]*[-—－]?)?[ \t\u3000]*")


def _closing_any_date(p: Prepared, line: Line) -> tuple[MetaValue | None, MetaValue | None]:
    closings = list(_CLOSING.finditer(line.text))
    if not closings:
        return None, None
    tail = line.text[closings[-1].end():]
    found = [d for d in find_dates(tail) if d.precision == "day" and not d.relative]
    if not found or not _AFTER_DATE.fullmatch(tail[found[0].end:]):
        return None, None
    signer = "".join(tail[:found[0].start].split())
    if len(signer) > 30 or re.search(r"[。；;：:\d]", signer):
        return None, None
    date = meta_value(p, found[0].date.isoformat(), 0.6, line.start, line.end)
    return date, (meta_value(p, signer, 0.6, line.start, line.end) if signer and ORG.fullmatch(signer) else None)


def _after_closing(p: Prepared, after: int) -> tuple[MetaValue | None, MetaValue | None]:
    if not (rules.on("closing_run_on") or rules.on("run_on_closing_date")):
        return None, None
    for line in [ln for ln in p.lines if not ln.noise and ln.start >= after][-6:]:
        if rules.on("run_on_closing_date"):
            if (got := _closing_any_date(p, line)) != (None, None):
                return got
            continue
        text = compact(line.text)
        if not (m := _CLOSING_RUN_ON.search(text)) or not (found := find_dates(m.group("date"))):
            continue
        date = meta_value(p, found[0].date.isoformat(), 0.6, line.start, line.end)
        signer = m.group("signer")
        if signer and len(signer) <= 30 and ORG.fullmatch(signer):
            return date, meta_value(p, signer, 0.6, line.start, line.end)
        return date, None
    return None, None


_GAP = re.compile(r"[ \t\u3000]+")
# A 落款 writes its date with 年月日 (GB/T 9704 7.3.5.1); one written 2023-02-22 is a site's posting stamp.
_NUMERIC_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_LONGEST_DATE = 24   # characters of a date written without spaces (二〇二〇年十二月二十二日 is 12)


# Labels whose value is the document's own date: 日期： / 成文日期： over the date is still the 成文日期.
_OWN_DATE_LABEL = re.compile(r"[•·\-\s]*(?:会议)?(?:时间|日期)|成文日期|发文日期|签发日期|印发日期|落款日期")


def _under_label(prev: Line | None) -> bool:
    """下次会议时间： / 2023年11月15日: a date set under another event's label is that label's value
    (rule "date_under_label")."""
    if prev is None or not rules.on("date_under_label"):
        return False
    label = compact(prev.text)
    return label[-1:] in "：:" and len(label) <= 12 and not _OWN_DATE_LABEL.fullmatch(label[:-1])


def _inline_signature(p: Prepared, after: int) -> tuple[MetaValue | None, MetaValue | None]:
    """A web copy that runs a notice into one line keeps its 落款 apart by spaces only:
    …认真贯彻执行。 温州市鹿城区山福镇人民政府 2020年10月22日 山福镇…预案 / …工作。 二OO八年五月
    二十三日 呼和浩特市… / 随州市精神文明建设委员会办公室 2013年4月17日 | — a full date standing
    between spaces (or the line's end, or a table bar) after the end of a sentence or an organ's
    name: the 成文日期, and that organ the 署名 (rule "inline_signature"); the organ may follow the table
    cell's opening bar when the two stand alone in the cell (rule "cell_signature")."""
    prev: Line | None = None
    for line in p.lines:
        if line.noise or line.start < after:
            continue
        text, under, first, prev = line.text, _under_label(prev), prev is None, line
        if under or (first and page_date_line(compact(text))):
            continue
        if len(text) > _LONGEST_DATE and not _GAP.search(text) and "|" not in text and "｜" not in text:
            continue   # no gap to stand between, and more than a date alone: no date to look for
        for m in find_dates(text):
            if m.precision != "day" or m.relative:
                continue
            if (rules.on("posting_stamp") or rules.on("page_stamp")) and _NUMERIC_DATE.fullmatch(text[m.start:m.end]):
                continue   # 2023-02-22 23:27:55 / 2025-04-03 华博范文网: when a site posted the page
            tail = text[m.end:]
            if tail and not (_GAP.match(tail) or tail.lstrip(" \t\u3000").startswith(("|", "｜"))):
                continue
            before = text[:m.start]
            if before and not _GAP.search(before[-1:]):
                continue
            words = _GAP.split(before.rstrip(" \t\u3000"))
            last = compact(words[-1]) if words and words[-1] else ""
            date = meta_value(p, m.date.isoformat(), 0.7, line.start + m.start, line.start + m.end)
            if last and len(last) <= 30 and ORG.fullmatch(last) and (len(words) == 1 or words[-2][-1:] in "。.)）"
                                                                     or (_opens_cell(words) and rules.on("cell_signature"))):
                at = line.start + len(before.rstrip(" \t\u3000")) - len(words[-1])
                return date, meta_value(p, last, 0.7, at, at + len(words[-1]))
            if not last or last[-1] in "。.!！":
                return date, None
    return None, None


# 附件：… / 附件1: …: the 附件说明's label, after which GB/T 9704 sets the 署名 and the 成文日期.
_ATTACHMENT_LABEL = re.compile(r"附[ \t\u3000]*件[ \t\u3000]*[\d一二三四五六七八九十]{0,2}[ \t\u3000]*[：:]")
# …拟开展评比达标项目.doc: an attached file's name ends with its extension.
_FILE_END = re.compile(r"\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar)", re.IGNORECASE)
# What may follow a run-on 成文日期: the line's end, a full stop, a space before a page's own fields, a table bar.
_DATE_CLOSE = re.compile(r"[。.]?(?:$|[ \t\u3000|｜])")


def _after_attachment(p: Prepared, after: int) -> tuple[MetaValue | None, MetaValue | None]:
    """A copy that ran the document into one line keeps its 附件 item, 署名 and 成文日期 in that order, as GB/T 9704
    sets them: …附件：…先进个人名单 嘉兴市人民政府办公室 2013年12月27日 作者: 信息来源: | / …附件:…评比达标项目.doc省功勋荣誉
    表彰工作领导小组办公室2025年4月14日。 — after the last 附件 label of a line, a full date written with 年月日 that closes
    the line (or stands before a space, a bar, a full stop), and before it an organ's name set off from the item's name by
    a space or by the attached file's extension: the organ is the 署名, the date the 成文日期 (rule
    "signer_after_attachment")."""
    if not rules.on("signer_after_attachment"):
        return None, None
    for line in reversed([ln for ln in p.lines if not ln.noise and ln.start >= after]):
        labels = list(_ATTACHMENT_LABEL.finditer(line.text))
        if not labels:
            continue
        start = labels[-1].end()
        for m in find_dates(line.text[start:]):
            at, end = start + m.start, start + m.end
            if (m.precision != "day" or m.relative or _NUMERIC_DATE.fullmatch(line.text[at:end])
                    or not _DATE_CLOSE.match(line.text[end:])):
                continue
            item = line.text[start:at].rstrip(" \t\u3000")
            cuts = [g.end() for g in _GAP.finditer(item)] + [f.end() for f in _FILE_END.finditer(item)]
            if not cuts or not item[:max(cuts)].strip():
                continue
            org = compact(item[max(cuts):])
            if org and len(org) <= 30 and ORG.fullmatch(org):
                return (meta_value(p, m.date.isoformat(), 0.6, line.start + at, line.start + end),
                        meta_value(p, org, 0.6, line.start + max(cuts), line.start + len(item)))
    return None, None


def _opens_cell(words: list[str]) -> bool:
    """| 虹口区建设和交通委员会 二○一三年五月二十日 |: the 署名 and its date alone in a table cell, its opening bar
    before them as its closing bar after (rule "cell_signature")."""
    return len(words) == 2 and words[0] in ("|", "｜")


_MOST_SIGNERS = 9   # a joint 署名 of seven organs a line each (validation_r23's 上海 notice); nine organs sign together too


def _blank_lines(p: Prepared, upper: Line, lower: Line) -> int:
    return max(0, p.work.count("\n", upper.end, lower.start) - 1)


def _stacked_run(p: Prepared, signer: Line, date: Line) -> list[str]:
    """The 署名 over a 成文日期 with the organs stacked over it, one a line (rule "stacked_signature_run"):
    every organ line directly above it, set as close to the next as the 署名 is to its date (or one blank
    line apart, which a copy may set after every line). Three
    bureaus' 倡议书 signed a line each, a blank line between them as between the last and the date, keep
    all three; a list's last item (2、职能单位末位排名 / 交通局) two blank lines over a 署名 that sits on its
    date is no co-signer."""
    lines = [ln for ln in p.lines if not ln.noise and ln.end <= signer.start]
    gap = max(1, _blank_lines(p, signer, date))   # one blank line a copy may set after every line
    run, lower = [compact(seal_free(signer.text))], signer   # the 署名 itself, as _signature read it
    for upper in reversed(lines):
        s = compact(upper.text)
        if len(run) >= _MOST_SIGNERS or _blank_lines(p, upper, lower) > gap or "、" in s or len(s) > 30 \
                or not ORG.fullmatch(s) or s in run:
            break
        run.insert(0, s)
        lower = upper
    return run


def _signature(text: str) -> str | None:
    """The 署名 line above a 成文日期: one organ, or joint organs set apart by wide spaces."""
    if (labelled := labelled_signer(text)) is not None:
        return labelled   # 答复单位：旌德县城管执法局 over the date
    if (joint := joint_organs(text)) is not None:
        return joint
    org = compact(seal_free(text))
    if len(org) <= 30 and ORG.fullmatch(org):
        return org
    if rules.on("presidium") and len(org) <= 40 and org.endswith("主席团") and ORG.fullmatch(org[:-3]):
        return org   # …第二次会议主席团 signs a congress's resolution: not 主席 + a name 团
    if rules.on("signature_position") and (m := ORG_LINE.fullmatch(org)) and m.group("org") != org:
        return m.group("org")   # 青龙镇党委书记　孙海峰 under a speech: the organ the speaker heads
    return None


def adoption_date(p: Prepared) -> MetaValue | None:
    """The date of a (…会议通过) line among the first lines, when nothing nearer states one (rule "adoption_line")."""
    if not rules.on("adoption_line"):
        return None
    for line in [ln for ln in p.lines if not ln.noise][:_ADOPTION_LINES]:
        if not (m := _ADOPTION.fullmatch(compact(line.text))):
            continue
        found = find_dates(m.group("note")[:16])
        if found and found[0].start == 0 and found[0].precision == "day" and not found[0].relative:
            return meta_value(p, found[0].date.isoformat(), 0.7, line.start, line.end)
    return None


# (晋政办发〔2020〕84号2020年10月13日): a law database's bracket under the heading, the 文号 before the date.
_NUMBER_LEAD = re.compile(r"[^\s()（）]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]\d{1,5}号")
_TITLE_LINES = 40


def title_date(p: Prepared, title: MetaValue | None) -> MetaValue | None:
    """The date in brackets on the line straight under the heading the reader settled on ((2022年4月17日) under
    …第59号公告, (1996年1月15日) 第一条… under …的规定, (2018年5月15日) under a speech's 讲 话, (…84号2020年10月13日)
    under …的通知), read where the heading block stopped short of it: a reposter's headline or a site's name over the
    heading, a table's bars or a dataset viewer's cell around it (rule "date_under_title"). Only the line right under
    a line that ends the heading counts, so a date further down the page (a posting row, the body's dates) never does."""
    if title is None or not rules.on("date_under_title"):
        return None
    if (found := heading_over_date(p, title.value)) is None:
        return None
    lines, k, iso = found
    return meta_value(p, iso, 0.75, lines[k + 1].start, lines[k + 1].end)


def heading_over_date(p: Prepared, title: str) -> tuple[list[Line], int, str] | None:
    """The first lines of the text (page furniture left out), the index among them of the line that ends the heading
    `title` with a date in brackets straight under it, and that date (ISO); None where no such line is."""
    value = to_simplified(compact(title))
    lines = [ln for ln in p.lines if not ln.noise][:_TITLE_LINES]
    for k, line in enumerate(lines[:-1]):
        s = to_simplified(heading_text(line).strip("|｜ \u3000"))
        if len(s) < 2 or not value.endswith(s):
            continue
        below = compact(lines[k + 1].text).strip("|｜ \u3000")
        if below[:1] in "（(" and (m := _NUMBER_LEAD.match(below, 1)):
            below = below[0] + below[m.end():]   # the 文号 before the date in the same bracket
        if below[:1] in "（(" and (found := heading_date(below)) and not _site_stamp(below[found[1]:found[2] + 6]):
            return lines, k, found[0]
    return None


# (2022-05-30 09:13), (2023年09月22日): a site's stamp of its page under a headline, never a 成文日期, which GB/T 9704 writes
# with 年月日 and no leading zero (7.3.5.3) and without a clock time.
_STAMP = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]|\d{1,2}:\d{2}")


def _site_stamp(date_and_after: str) -> bool:
    return _STAMP.search(date_and_after) is not None or _PADDED_DAY.search(date_and_after) is not None
