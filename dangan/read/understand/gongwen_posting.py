"""A web page's posting time (时间：2022-03-26 09:11:00): the 成文日期 of last resort (`page_date`), and when the
site posted its copy (`posted_date`, the 网页发布时间), told apart from the rows that are the site's record of the page
or of a shared file rather than the document's date. `read_metadata` (gongwen.py) asks for both."""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import meta_value
from dangan.read.understand.gongwen_text import FILE_ROW, Prepared, compact, prepare
from dangan.text.dates import find_dates

# The fields a site records about a page it posts, each a labelled line (信息来源: 本站 / 作者: fdwmw /
# 阅读次数:59141): lines of them next to a 发布时间 line make it the page's record (rule "page_stamp").
_RECORD_FIELD = re.compile(r"(?:信息)?来源[:：]|(?:文章)?作者[:：]|(?:阅读|浏览|点击|访问)(?:次数|量|数)?[:：]"
                           r"|(?:责任)?编辑[:：]|发布(?:者|人|机构)[:：]|字号[:：]")


def _in_page_record(p: Prepared, k: int) -> bool:
    """Line k stands among the labelled fields of the site's record of the page (rule "page_stamp")."""
    near = [compact(ln.text) for ln in p.lines[max(0, k - 1):k + 4] if ln is not p.lines[k] and compact(ln.text)]
    return sum(1 for s in near if _RECORD_FIELD.match(s)) >= 2


# A site's note on the copy under its 时间 row (导语:…一文来源于网友上传,不代表本站观点; 导语:…欢迎阅读由公务员之家整理的
# 十篇范文,供你借鉴): the text is one its users uploaded or it collected, and the row is when the site posted that copy,
# never the document's 成文日期, whatever years the text names (rule "upload_note_time"; the row stays the copy's posting
# time: `posted_date`).
_UPLOAD_NOTE = re.compile(r"(?:网友|用户|会员)上传|不代表本站观点|整理的[^。，,]{0,8}范文|供你借鉴")


def _upload_note_row(p: Prepared, k: int) -> bool:
    """Line k, a 时间 row, stands over the site's note on the copy it posts (rule "upload_note_time")."""
    near = [compact(ln.text) for ln in p.lines[k + 1:k + 4] if compact(ln.text)]
    return any(_UPLOAD_NOTE.search(s) for s in near[:2])


# A site's own words on the row of its record of a page: its click count, its call for contributions (rule
# "site_row_words"; 作者/来源/浏览/阅读 mark the row already).
_SITE_ROW_WORD = re.compile(r"点击(?:次数|数|量)?[:：]|我要投稿|投稿交换")


# A document-sharing site's record of the file it shares (ID:7146247 / 大小:31.49 KB / 页数:4页 / 时间:2018-02-05; 文档编号:…
# / 上传时间:… / 格式:DOCX / 页数:10 / 大小:24.85KB): a 时间 row among its fields is when the file was uploaded (rule
# "file_record_time"; its rows are gongwen_text.FILE_ROW, which also marks them as the site's).


def _in_file_record(p: Prepared, k: int) -> bool:
    """Line k stands among the rows of a document-sharing site's record of the file."""
    near = [compact(ln.text) for ln in p.lines[max(0, k - 3):k + 4] if ln is not p.lines[k]]
    return sum(1 for s in near if FILE_ROW.match(s)) >= 2


# A site's posting row of its copy: 时间:/发布时间:/发布日期:/上传时间: with a day (a bullet before it on a sharing site's
# record). Refused as the 成文日期 when it is the site's, it is still a fact about the copy: `posted_date`.
_POSTING_ROW = re.compile(r"[-•·]?(?:发布|发表|上传|更新)?(?:时间|日期)[:：]")


# OCR drops the space between a posting row's day and its clock time (时间:2022-03-2609:11:00): a two-digit day
# then a two-digit hour and its minutes is the day and the time.
_DAY_RUN_INTO_CLOCK = re.compile(r"(?<=\d{4}-\d{2}-\d{2})(?=\d{2}[:：]\d{2})")


def posted_date(p: Prepared) -> MetaValue | None:
    """時間:2022-03-26 09:11:00 over a site's 導語 → 2022-03-26: when the site posted the copy (网页发布时间)."""
    for line in p.lines[:15]:
        s = _DAY_RUN_INTO_CLOCK.sub(" ", compact(line.text))
        if _POSTING_ROW.match(s) and (found := find_dates(s)) and found[0].precision == "day" \
                and not found[0].relative:
            return meta_value(p, found[0].date.isoformat(), 0.4, line.start, line.end)
    return None


def posting_day(text: str) -> str | None:
    """The 网页发布时间 (ISO day) of a stored text, as `read_metadata` reads it, from its first lines only: how a
    catalog made before the posting time was kept fills it in (migration 11) without reading whole texts."""
    head: list[str] = []
    filled = 0
    for line in text.split("\n"):   # the first 15 lines read are among the first 40 that hold anything
        head.append(line)
        filled += bool(line.strip())
        if filled >= 40:
            break
    found = posted_date(prepare("\n".join(head)))
    return found.value if found else None


# A row whose own label says the site published the page (发布时间：/发表时间：) is the site's posting, whatever stands beside
# it (rule "page_stamp", widened in round 33: a JSP page's 发布时间：2011-07-14 over one 发布人 row, validation_r33).
_POSTED_LABEL = re.compile(r"[-•·]?(?:发布|发表)时间[:：]")


def page_date(p: Prepared) -> MetaValue | None:
    """时间：2022-03-26 09:11:00 on a web copy: the date when nothing better is stated."""
    for k, line in enumerate(p.lines[:15]):
        s = compact(line.text)
        if rules.on("page_stamp") and _POSTED_LABEL.match(s):
            continue   # 发布时间：2011-07-14 / 发布人：-新浪财经 — the site's posting row by its own label
        if ((rules.on("page_facts_time") or rules.on("page_stamp"))
                and len(re.findall(r"(?:作者|来源|浏览|阅读|下载|简介)", s)) >= 1):
            continue   # 时间:… 来源:法律资料网 作者:… — the site's record of the page, not the document's date
        if rules.on("site_row_words") and _SITE_ROW_WORD.search(s):
            continue   # 時間:2019年06月17日 點擊次數:28596 / 时间:2023-08-19 工作报告 我要投稿 — the same
        if rules.on("page_stamp") and _in_page_record(p, k):
            continue   # 发布时间:2021-04-23 15:29:19 / 信息来源: 本站 / 作者: fdwmw / 阅读次数:59141 — the same
        if rules.on("file_record_time") and _in_file_record(p, k):
            continue   # ID:7146247 / 大小:31.49 KB / 页数:4页 / 时间:2018-02-05 — the file's upload, not the document's date
        if re.match(r"(?:发布|发表)?时间[:：]", s) and (found := find_dates(s)) and found[0].precision == "day":
            if rules.on("upload_note_time") and _upload_note_row(p, k):
                continue   # 時間:2022-03-26 09:11:00 / 導語:…來源于網友上傳 — when the site posted its copy
            return meta_value(p, found[0].date.isoformat(), 0.4, line.start, line.end)
    return None
