"""Read the GB/T 9704-2012 elements of an official document from its text.

`read_metadata(text, layout, filename)` returns an `OfficialMeta`: 标题, 发文字号,
发文机关, 成文日期, 主送机关, 抄送机关, 密级, 紧急程度, 文种 and the 附件 list. Each
value carries a confidence and the span of the input it was read from. A value
the document does not state is None: nothing is guessed. The one stand-in is the
file name, used as the title (confidence 0.4) only when the text has no heading.

The heading block is read line by line (`gongwen_text.prepare`): web chrome and
page numbers are skipped, a wrapped title is joined back, the subtitle and
speaker lines (——2022年3月5日在…会议上 / 国务院总理 李克强) give the date and the
organ. The 成文日期 at the end is a line holding only a date, the 署名 the line
above it. Values come back in Simplified Chinese even from Traditional input.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from dangan.model import LayoutLine, MetaValue, OfficialMeta
from dangan.read.understand import rules
from dangan.read.understand.gongwen_context import (
    VERB_LEAD,
    complete_issuer,
    complete_party,
    meeting_opener,
    on_behalf,
    organ_by_code,
    party_delegate,
    place_from_heading,
    places,
    title_organ,
)
from dangan.read.understand.gongwen_copies import (
    cell_heading,
    page_title_label,
    run_on_heading,
    shared_file_heading,
    spaced_run_heading,
    title_from_file_line,
    unfenced,
)
from dangan.read.understand.gongwen_dates import adoption_date, end_date, title_date
from dangan.read.understand.gongwen_elements import (
    DOC_TYPES,
    blurb_kind,
    complete_title,
    doc_type_of_title,
    issuer_from_title,
    kind_by_wording,
    meta_value,
    notice_by_form,
    organ_cut,
    read_attachments,
    read_cc,
    structural_type,
    title_from_filename,
    title_organs,
)
from dangan.read.understand.gongwen_head import Head
from dangan.read.understand.gongwen_issuers import (
    appeal_author,
    joint_issuers,
    maker_in_opening,
    organ_form,
    purpose_actor,
    signer_line_in_brackets,
    summary_subject,
    undated_signer,
)
from dangan.read.understand.gongwen_labelled import labelled_date, meeting_form
from dangan.read.understand.gongwen_layout import below_masthead, organ_over_mark
from dangan.read.understand.gongwen_lines import (
    DASH_LEAD,
    MARK,
    NUMBERED_HEADING,
    SALUTATION,
    SECRECY,
    URGENCY,
    address_line,
    date_led,
    doc_number_match,
    fragment_line,
    is_continuation,
    is_recipients,
    link_split,
    numbered_line,
)
from dangan.read.understand.gongwen_news import headline_over_heading
from dangan.read.understand.gongwen_page import (
    disclosed_number,
    number_in_title,
    number_over_recipients,
    opening_number,
    run_on_block,
    seller,
    unquoted,
)
from dangan.read.understand.gongwen_page_names import (
    heading_below_page,
    heading_under_file_name,
    number_under_title,
    own_heading,
    without_piece_counter,
)
from dangan.read.understand.gongwen_posting import page_date, posted_date
from dangan.read.understand.gongwen_text import NOISE, Prepared, compact, prepare
from dangan.read.understand.gongwen_title import clerk_title, settle_title
from dangan.read.understand.gongwen_title_lead import heading_lead_line
from dangan.read.understand.gongwen_title_shape import shaped_title
from dangan.read.understand.gongwen_viewer import json_records, viewer_rows
from dangan.text.dates import find_dates
from dangan.text.script import to_simplified

log = logging.getLogger(__name__)

__all__ = ["DOC_TYPES", "doc_type_of_title", "read_metadata"]

def _recipients(p: Prepared, head: Head) -> MetaValue | None:
    start = head.lines[head.title_end].end if head.title_end >= 0 else 0
    seen = 0
    for line in p.lines:
        if line.noise or line.start < start:
            continue
        seen += 1
        if seen > 8:
            break
        s = compact(line.text)
        if SALUTATION.fullmatch(s):
            break
        if is_recipients(s):
            return meta_value(p, s[:-1], 0.85, line.start, line.end - 1)
        if len(s) > 60:
            break
    return None


def _secrecy_urgency(head: Head) -> tuple[MetaValue | None, MetaValue | None]:
    secrecy = urgency = None
    for line in head.lines[:8]:
        s = compact(line.text)
        if (m := SECRECY.fullmatch(s)) and secrecy is None:
            level = m.group("level") + (f"★{m.group('term')}" if m.group("term") else "")
            secrecy = meta_value(head.p, level, 0.9, line.start, line.end)
            if m.group("urgency"):
                urgency = meta_value(head.p, m.group("urgency"), 0.9, line.start, line.end)
        elif (m := URGENCY.fullmatch(s)) and urgency is None:
            urgency = meta_value(head.p, m.group("urgency"), 0.9, line.start, line.end)
    return secrecy, urgency


def _title_from_layout(layout: Sequence[LayoutLine], p: Prepared) -> MetaValue | None:
    """The run of lines set larger than the body, below the 发文机关标志 (GB/T 9704 二号 title)."""
    lines = sorted((ln for ln in layout if ln.text.strip() and not NOISE.match(compact(ln.text))),
                   key=lambda ln: ln.top)
    if len(lines) < 2:
        return None
    body = Counter(round(ln.size) for ln in lines).most_common(1)[0][0]
    runs: list[list[LayoutLine]] = []
    for ln in lines:
        s = compact(ln.text)
        big = (ln.size >= body + 2 and not MARK.fullmatch(s) and doc_number_match(s) is None
               and not numbered_line(s))
        # a title may name years (2023年预算…); a line with a full date is a 成文日期 or a subtitle
        if big and not any(m.precision == "day" for m in find_dates(s)) and is_continuation(s):
            if runs and runs[-1] and abs(runs[-1][-1].size - ln.size) < 0.6:
                runs[-1].append(ln)
                continue
            runs.append([ln])
        else:
            runs.append([])
    runs = below_masthead([r for r in runs if r], lines, body)
    if not runs:
        return None
    best = organ_over_mark(max(runs, key=lambda r: (r[0].size, -r[0].top)), lines)
    title = to_simplified("".join(compact(ln.text) for ln in best))   # values come back Simplified
    at = p.work.find(to_simplified(compact(best[0].text)))
    span = p.span(at, at + len(title)) if at >= 0 else None
    return MetaValue(title, 0.9, span)


_TERM = re.compile(r"第[一二三四五六七八九十百\d]+届")
_CONVENED = re.compile(r"[^。]{0,80}(?:主持召开|召开|举行)[^。]{0,60}会议")


def _opening_date(p: Prepared, doc_type: MetaValue | None) -> MetaValue | None:
    """A 纪要 or 会议记录 with no date line opens with its meeting's: 2024年9月13日下午，…主持召开…
    会议。纪要如下 (rule "meeting_opening_date")."""
    if not rules.on("meeting_opening_date") or doc_type is None or doc_type.value not in ("纪要", "会议记录"):
        return None
    for line in [ln for ln in p.lines if not ln.noise][:3]:
        s = compact(line.text)
        found = find_dates(s[:16])
        if found and found[0].start == 0 and found[0].precision == "day" and _CONVENED.match(s[found[0].end:]):
            return meta_value(p, found[0].date.isoformat(), 0.6, line.start, line.end)
    return None


def _date(p: Prepared, head: Head, last_date: MetaValue | None, doc_type: MetaValue | None = None,
          title: MetaValue | None = None) -> MetaValue | None:
    """成文日期: the heading's date, the date by the 署名, a header line's, the date under the heading read, a
    labelled line's, a page's."""
    if head.date or last_date or head.org_date:
        return head.date or last_date or head.org_date
    if under := title_date(p, title):
        return under
    if labelled := labelled_date(p):
        return meta_value(p, labelled[0], 0.6, labelled[1], labelled[2])
    return adoption_date(p) or _opening_date(p, doc_type) or page_date(p)


def _issuer(p: Prepared, head: Head, title: MetaValue | None, from_name: bool,
            signer: MetaValue | None) -> MetaValue | None:
    """发文机关: 版头, a header line, 署名, the title, a heading line, then the document's own
    words (我代表…, …会议听取…), completed from the places the document names."""
    mark = head.mark_org if head.mark_org is not None and organ_form(head.mark_org.value) else None
    issuer = mark or head.org_line or signer
    if (issuer is head.mark_org and issuer is not None and len(head.title_orgs) > 1
            and issuer.value in head.title_orgs and rules.on("organ_lines_below_mark")):
        issuer = MetaValue("、".join(head.title_orgs), issuer.confidence, issuer.span)   # joint 发文
    if (issuer is signer and signer is not None and len(head.title_orgs) > 1
            and signer.value.replace("、", "") == "".join(head.title_orgs)):
        issuer = MetaValue("、".join(head.title_orgs), signer.confidence, signer.span)
    if (issuer is signer and signer is not None and rules.on("company_not_minutes_issuer")
            and re.search(r"(?:公司|集团)$", signer.value) and title is not None
            and (own := "、".join(head.title_orgs) or title_organ(title.value)) and not own.endswith(("公司", "集团"))):
        issuer = MetaValue(own, 0.8, title.span)   # the company that keeps an owners' body's minutes
    if (issuer is signer and signer is not None and title is not None and "、" not in signer.value
            and (cut := organ_cut(title.value)) > 0
            and (organs := title_organs(title.value[:cut])) and signer.value in organs):
        issuer = MetaValue("、".join(organs), signer.confidence, signer.span)   # 署名 cut to its last organ
    if issuer is None and head.title_orgs and title is not None:
        issuer = MetaValue("、".join(head.title_orgs), 0.8, title.span)
    if issuer is None and title is not None:
        issuer = issuer_from_title(title.value, 0.5 if from_name else 0.8, title.span)
    if issuer is None and (delegate := party_delegate(p, title.value if title else "")):
        issuer = MetaValue(delegate, 0.7, None)   # 我代表中共…第十三届委员会 over 梧州市委书记
    issuer = issuer or head.organ
    if joint := joint_issuers(p, issuer.value if issuer else None, signer.value if signer else None,
                              title.value if title else None):
        issuer = MetaValue(joint, issuer.confidence if issuer else 0.7, issuer.span if issuer else None)
    if issuer is None and (org := on_behalf(p) or appeal_author(p) or (title_organ(title.value) if title else None)
                           or meeting_opener(p) or undated_signer(p) or signer_line_in_brackets(p)
                           or purpose_actor(p) or maker_in_opening(p)
                           or summary_subject(p, doc_type_of_title(title.value) if title else None)):
        issuer = MetaValue(org, 0.6, None)
    if issuer is None:
        return None
    context = places(title.value if title else "", "\n".join(ln.text for ln in head.lines))
    value = complete_party(complete_issuer(issuer.value, context), p, title.value if title else "")
    if rules.on("place_not_phrase") and VERB_LEAD.match(value) and not VERB_LEAD.match(issuer.value):
        value = issuer.value   # no organ's name opens with a title's verb (加强社区文明办)
    if (rules.on("standing_committee_term") and title is not None and "常务委员会" in value
            and (term := _TERM.search(value)) and (bare := value.replace(term.group(), "")) in title.value):
        value = bare   # 我受余姚市第十七届…常务委员会委托 under 余姚市人民代表大会常务委员会工作报告
    value = place_from_heading(value, p)   # 奉贤区柘林镇人民政府 under 上海市奉贤区柘林镇人民政府关于…的通知
    return issuer if value == issuer.value else MetaValue(value, issuer.confidence, issuer.span)


def _title_line(p: Prepared, head: Head) -> MetaValue | None:
    """A heading line the strict reading passed over (over 60 characters, opening with a bracket)
    that still ends like a title (…的通知, …实施方案): better than the file name (rule "title_line")."""
    if not rules.on("title_line"):
        return None
    lines = head.lines[:8]
    for k, line in enumerate(lines):
        s = compact(line.text)
        before = compact(lines[k - 1].text) if k else ""
        after = compact(lines[k + 1].text) if k + 1 < len(lines) else head.next_text.strip()
        in_sentence = ((before and len(before) > 30 and before[-1] not in "：:。！？!?）)") or after[:1] in "。，、；;,）)"
                       or link_split(s))
        if (4 <= len(s) <= 120 and complete_title(s) and not re.search(r"[。；;！？]", s) and not in_sentence
                and not DASH_LEAD.match(s) and not date_led(s) and doc_number_match(line.text) is None
                and not (rules.on("numbered_heading_not_title") and NUMBERED_HEADING.match(s))):
            return meta_value(p, s, 0.7, line.start, line.end)
    return None


def _unless_form(title: MetaValue | None, layout: Sequence[LayoutLine], head: Head) -> MetaValue | None:
    """With the page's layout at hand and no line set larger than the body, a heading read from the
    text that does not end like a title (…的批复, …证明, …报告) is the form's filled-in values run
    together (a certificate's 权利人 / 坐落 lines), not its title (rule "layout_without_title").
    A heading over a dash-led subtitle (——在…会议上的讲话) is a speech's, typed in one size and
    printed to PDF: no form has one."""
    if (title is None or not layout or not rules.on("layout_without_title")
            or complete_title(title.value) or _over_subtitle(head)):
        return title
    return None


def _over_subtitle(head: Head) -> bool:
    return any(DASH_LEAD.match(s) and len(DASH_LEAD.sub("", s, count=1)) >= 4
               for s in (compact(line.text) for line in head.lines[:8]))


def read_metadata(text: str, layout: Sequence[LayoutLine] = (), filename: str | None = None) -> OfficialMeta:
    """GB/T 9704 elements of one document; None where the document does not state them."""
    if not text.strip():
        return OfficialMeta()
    p = prepare(json_records(viewer_rows(text)))   # a dataset viewer's page: its rows' cells, not its header;
    # a JSON file's records shown a field a line: the values, not the keys
    head = Head(p)
    title = (_title_from_layout(layout, p) if layout else None) or _unless_form(head.title, layout, head)
    if (title is not None and head.title is not None and head.title_orgs and title is not head.title
            and head.title.value.endswith(title.value)):
        title = head.title   # the organ line above the large-type title is part of it
    run_number, run_title = run_on_block(p)
    if title is None:
        title = (run_title or _title_line(p, head) or page_title_label(p) or run_on_heading(p)
                 or clerk_title(p, filename) or shared_file_heading(p))
    if title is not None and address_line(compact(title.value)):
        title = None   # a 称谓 or 主送 (尊敬的各位领导：) is never the title, whichever reading took it
    if title is not None and fragment_line(compact(title.value)):
        title = None   # a piece of a sentence (a scanned page that starts mid-document) is never the title
    from_name = title is None
    if from_name and (run := spaced_run_heading(p)) is not None:
        title, from_name = run, False   # a record run into one line: its heading among the words near its start
    if from_name:
        title = title_from_file_line(p) or title_from_filename(filename)
    if (from_name or title is None or "|" in title.value) and (cell := cell_heading(p)) is not None:
        title, from_name = cell, False   # 文件名称 | …的通报 | || / 词条 | …的答复 |: the row's cell names it
    if not from_name and title is not None and ("|" in title.value or "｜" in title.value):
        title = unfenced(title)   # | 虹口区…流程（试行） |: a layout table's bars around the heading's cell
    title, doc_number = number_in_title(title, head.doc_number)
    if title is not None and (bare := unquoted(title.value)) != title.value:
        title = MetaValue(bare, title.confidence, title.span)
    if not from_name:
        title = without_piece_counter(title)   # …工作总结【篇1】, 第1篇 2023年…: the site's count of its pieces
    if not from_name and (title := settle_title(p, head.lines, title, filename)) is None:
        from_name = True   # what stood as the heading was an organ's name alone: the file's name stands in
        title = title_from_file_line(p) or title_from_filename(filename)
    if not from_name:
        title = headline_over_heading(p, heading_below_page(p, heading_under_file_name(p, own_heading(p, title))))
    if (shaped := shaped_title(title, (lambda: run_title, lambda: _title_line(p, head), lambda: page_title_label(p),
                                       lambda: run_on_heading(p), lambda: clerk_title(p, filename),
                                       lambda: shared_file_heading(p)))) is not title:
        title, from_name = shaped, False   # a page's words, or a file's cut name, in a title's place
    if not from_name:
        title = heading_lead_line(p, title)   # 哈尔滨市应对新型冠状病毒 / 感染肺炎疫情工作指挥部 / 第59号公告 / (2022年4月17日)
    doc_number = (doc_number or disclosed_number(p) or opening_number(p) or run_number
                  or number_under_title(p, title) or number_over_recipients(p))
    after = head.lines[head.title_end].end if head.title_end >= 0 else 0
    last_date, signer = end_date(p, after)
    doc_type = None
    if title is not None and (kind := doc_type_of_title(title.value)):
        doc_type = MetaValue(kind, 0.6 if from_name else 0.9, title.span)
    if doc_type is None and (form := meeting_form(p)):
        doc_type = MetaValue(form, 0.6, None)
    if (head.subtitle_type is None and (doc_type is None or (from_name and doc_type.confidence < 0.9))
            and (worded := kind_by_wording(p))):
        doc_type = worded   # 现将会议…纪要如下 / 此复 with no heading, or only the file name's word
    doc_type = doc_type or head.subtitle_type or structural_type(p)
    recipients = _recipients(p, head)
    doc_type = doc_type or notice_by_form(p, recipients, signer)   # 各…单位: … 请各单位… / 署名 / date, no heading
    doc_type = doc_type or blurb_kind(p)   # 下面是小编为大家整理的…情况报告: the site's name for the piece it carries
    secrecy, urgency = _secrecy_urgency(head)
    issuer = (seller(p) if doc_type is not None and doc_type.value == "发票" else None) or _issuer(
        p, head, title, from_name, signer)
    if issuer is not None and doc_number is not None and "、" not in issuer.value:
        if (cut := organ_by_code(issuer.value, doc_number.value)) != issuer.value:
            issuer = MetaValue(cut, issuer.confidence, issuer.span)
    return OfficialMeta(
        title=title, doc_number=doc_number, issuer=issuer,
        doc_date=_date(p, head, last_date, doc_type, title), recipients=recipients, cc=read_cc(p), secrecy=secrecy,
        urgency=urgency, doc_type=doc_type, attachments=read_attachments(p), posted_date=posted_date(p),
    )
