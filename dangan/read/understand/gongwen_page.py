"""Elements of official documents as web pages and e-documents carry them, beyond GB/T 9704's
layout: a 发文字号 printed on the title's line or in the table a government site sets above a
document (文号：…), a title a copy quotes whole in 《》, the seller who issues an invoice.
"""
from __future__ import annotations

import re

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import DOC_NO, complete_title, meta_value, number_text
from dangan.read.understand.gongwen_lines import doc_number_match, is_organ_line, is_recipients
from dangan.read.understand.gongwen_text import Line, Prepared, compact

# …的通知(岳办发〔2017〕2号) / 东政发〔2019〕5号东城区人民政府关于…: a 发文字号 on the title's line.
_TRAILING_NUMBER = re.compile(r"\s*[（(]\s*(?P<no>" + DOC_NO.pattern + r")\s*[)）]$")
_LEADING_NUMBER = re.compile(r"^(?P<no>" + DOC_NO.pattern + r")\s*(?=[\u4e00-\u9fff])")
# 文号：… / 文件编号：… in the table a government site sets above a document (rule "disclosure_fields").
_DISCLOSED_NUMBER = re.compile(r"(?:文\s*号|文件编号|发文字号)\s*[:：]?\s*(?P<no>" + DOC_NO.pattern + ")")


# 成府发〔2003〕61号《成都市人民政府关于…的通报》: a copy names the document by number and quoted title
# (rule "quoted_title_after_number").
_NUMBER_QUOTED = re.compile(r"^(?P<no>" + DOC_NO.pattern + r")\s*《(?P<title>[^《》]{6,})》$")


def number_in_title(title: MetaValue | None, number: MetaValue | None) -> tuple[MetaValue | None, MetaValue | None]:
    """A 发文字号 printed on the title's line belongs to the number, not the title (rule "number_in_title_line")."""
    if title is not None and rules.on("quoted_title_after_number") and (m := _NUMBER_QUOTED.match(title.value)):
        inner = DOC_NO.search(m.group("no"))
        found = MetaValue(number_text(inner), 0.85, title.span) if inner else None
        return MetaValue(m.group("title"), title.confidence, title.span), number or found
    if title is None or not rules.on("number_in_title_line"):
        return title, number
    for rx in (_TRAILING_NUMBER, _LEADING_NUMBER):
        m = rx.search(title.value)
        if m and len(title.value) - len(m.group()) >= 6:
            rest = unquoted((title.value[:m.start()] + title.value[m.end():]).strip())
            inner = DOC_NO.search(m.group("no"))
            found = MetaValue(number_text(inner), 0.85, title.span) if inner else None
            return MetaValue(rest, title.confidence, title.span), number or found
    return title, number


_SELLER = re.compile(r"(?:销售方|销货方|销售单位|收款单位)\s*(?:名\s*称)?\s*[:：]\s*(?P<org>[^\s:：]{2,40})")


def seller(p: Prepared) -> MetaValue | None:
    """An invoice is issued by its seller: 销售方名称：兰溪市悦济舫餐厅 (rule "invoice_seller")."""
    if not rules.on("invoice_seller"):
        return None
    for line in p.lines:
        if m := _SELLER.search(compact(line.text)):
            return meta_value(p, m.group("org"), 0.8, line.start, line.end)
    return None


def unquoted(title: str) -> str:
    """《北京市人民政府办公厅关于…的通知》 as a web copy names the document: the title is inside
    (rule "menu_lines")."""
    if title.startswith("《") and title.endswith("》") and "《" not in title[1:-1] and rules.on("menu_lines"):
        return title[1:-1]
    return title


# The same in a table whose cells a copy sets apart with | or tabs: 文号 | 鹿山政〔2020〕72号 | (rule "table_cell_number").
_CELL_NUMBER = re.compile(r"(?:文\s*号|文件编号|发文字号)\s*[:：|｜\t]?\s*[|｜]?\s*(?P<no>" + DOC_NO.pattern + ")")


def disclosed_number(p: Prepared) -> MetaValue | None:
    if not (rules.on("disclosure_fields") or rules.on("table_cell_number")):
        return None
    rx = _CELL_NUMBER if rules.on("table_cell_number") else _DISCLOSED_NUMBER
    for line in p.lines[:40]:
        if m := rx.search(compact(line.text)):
            inner = DOC_NO.search(m.group("no"))
            if inner:
                return meta_value(p, number_text(inner), 0.7, line.start, line.end)
    return None


# The lines a document's own head block may set between its 发文字号 and its 主送: an organ's line, a heading's lines.
_BLOCK_BETWEEN = 3
_SENTENCE_MARK = re.compile(r"[。；;！？!?，,:：]")


def number_over_recipients(p: Prepared) -> MetaValue | None:
    """The 发文字号 of the document's own head block, standing straight over its 主送 below a page's heading and rows
    that the title's reading took: a law database's page name over 江西省吉安市人民政府办公室 / 关于印发…的通知 /
    ( 吉府发〔2003〕37号 ) / 市政府各部门,市直各单位: (gov_site_pages), a site's fields over 沪建综规〔2025〕449号 /
    上海市住房和城乡建设管理委员会 / 关于印发…的函 / 各有关单位： and a heading the file's cut name stood for over
    沪商规〔2024〕4号 / 各区人民政府，各相关单位： (validation_r23). A line holding the number alone, with nothing between it
    and the document's first 主送 but an organ's line and a heading's lines (rule "number_over_recipients")."""
    if not rules.on("number_over_recipients"):
        return None
    lines = [ln for ln in p.lines if not ln.noise][:40]
    at = next((k for k, ln in enumerate(lines) if is_recipients(compact(ln.text))), -1)
    for j in range(at - 1, max(-1, at - 2 - _BLOCK_BETWEEN), -1):
        if (m := doc_number_match(lines[j].text)) is not None:
            return meta_value(p, number_text(m), 0.75, lines[j].start, lines[j].end)
        s = compact(lines[j].text)
        if not (is_organ_line(s) or (len(s) <= 60 and not _SENTENCE_MARK.search(s))):
            break
    return None


_NUMBER_LEAD = re.compile(r"(?P<no>" + DOC_NO.pattern + r")[ \t\u3000]+(?P<rest>\S.*)")


def _number_opening(text: str) -> re.Match[str] | None:
    """呼政办发[2008]68号 各旗、县、区人民政府,市各委、办、局: 经…: a copy that runs the notice into one
    line opens it with its 发文字号, then the 主送 (rule "number_opens_line")."""
    if not rules.on("number_opens_line") or (m := _NUMBER_LEAD.match(text.strip())) is None:
        return None
    rest = m.group("rest")
    colon = min((k for k in (rest.find("："), rest.find(":")) if k > 0), default=-1)
    if colon < 0 or not is_recipients(compact(rest[:colon + 1])):
        return None
    return DOC_NO.fullmatch(compact(m.group("no")))


def opening_number(p: Prepared) -> MetaValue | None:
    """The 发文字号 a run-on copy opens its notice with (see `_number_opening`)."""
    for line in [ln for ln in p.lines if not ln.noise][:10]:
        if m := _number_opening(line.text):
            return meta_value(p, number_text(m), 0.8, line.start, line.end)
    return None


# A copy that ran a 公文 into one line keeps its heading block's parts apart by gaps only: … xx 镇呈〔2012〕12 号
# xx 镇人民政府 关于…的报告 县移民局: xx 镇… — the 发文字号 standing between gaps before the 主送, a template's
# placeholder (xx, ××, **) and its gap kept with the 机关代字 (rule "run_on_number"), then the 标题 between the
# number and the 主送 (rule "run_on_title_block").
_GAP_CH = r"[ \t\u3000]"
_PLACEHOLDER = r"[xX×＊*]{2,4}"
_RUN_ON_NUMBER = re.compile(rf"(?:^|(?<={_GAP_CH}))(?:(?P<ph>{_PLACEHOLDER}){_GAP_CH}?)?(?P<no>{DOC_NO.pattern})"
                            rf"(?={_GAP_CH}|$)")
_RUN_ON_LINE = 200   # a first line this long holds more than a heading block: the text was run into one line
_LEAD_MAX = 1000   # how far into the run-on line a lead may push the heading block (a viewer's prompt of some 470)


def run_on_block(p: Prepared) -> tuple[MetaValue | None, MetaValue | None]:
    """(发文字号, 标题) of a heading block run into the document's first line (see `_RUN_ON_NUMBER`), or set later
    in a run-on line after a lead (`_block_after_lead`)."""
    if not rules.on("run_on_number"):
        return None, None
    lines = [ln for ln in p.lines if not ln.noise][:10]
    first = next((ln for ln in lines if len(ln.text) >= _RUN_ON_LINE), None)
    if first is None:
        return None, None
    text = first.text
    colon = min((k for k in (text.find("："), text.find(":")) if 0 < k <= 300), default=-1)
    head = text[:colon] if colon > 0 else text[:160]
    if (m := _RUN_ON_NUMBER.search(head)) is None or (inner := DOC_NO.fullmatch(compact(m.group("no")))) is None:
        return _block_after_lead(p, first)
    number = meta_value(p, (m.group("ph") or "") + number_text(inner), 0.7, first.start + m.start(), first.start + m.end())
    if colon < 0 or first is not lines[0] or not rules.on("run_on_title_block"):
        return number, None
    return number, _title_between(p, first, m.end(), head)


def _title_between(p: Prepared, line: Line, at: int, head: str) -> MetaValue | None:
    """The 标题 between the 发文字号 (ending at `at`) and the 主送 `head` ends with (its colon cut off): the words
    between gaps up to the last that still leaves a 主送 after them."""
    words = [w for w in re.split(rf"{_GAP_CH}+", head[at:].strip()) if w]
    for k in range(len(words) - 1, 0, -1):
        title, rest = "".join(words[:k]), "".join(words[k:])
        if (6 <= len(title) <= 80 and complete_title(title) and not re.search(r"[。；;！？!?，,]", title)
                and is_recipients(rest + "：")):
            start = line.start + at + head[at:].find(words[0])
            return meta_value(p, title, 0.7, start, start + len(" ".join(words[:k])))
    return None


def _block_after_lead(p: Prepared, line: Line) -> tuple[MetaValue | None, MetaValue | None]:
    """A heading block run into a long line after a lead that is no part of it (a dataset viewer's English prompt and
    a chunk mark before a PDF's text: …[Document Start] <C0>- 1 - 苏 州 市 教 育 局 苏教办〔2023〕18 号
    关于印发《2022 年 全市教育工作总结》的通知 各县级市(区)教育局…: validation_r37, as validation_r11's copy sets
    the site's name for a file before its block): read only whole, a 发文字号 between gaps, then a whole title and
    a 主送 closed by its colon within the next 300 characters (rules "run_on_number" and "run_on_title_block")."""
    if not rules.on("run_on_title_block"):
        return None, None
    text = line.text
    for m in _RUN_ON_NUMBER.finditer(text[:_LEAD_MAX]):
        if (inner := DOC_NO.fullmatch(compact(m.group("no")))) is None:
            continue
        colon = min((k for k in (text.find("：", m.end()), text.find(":", m.end())) if 0 < k <= m.end() + 300),
                    default=-1)
        if colon > 0 and (title := _title_between(p, line, m.end(), text[:colon])) is not None:
            number = meta_value(p, (m.group("ph") or "") + number_text(inner), 0.7, line.start + m.start(),
                                line.start + m.end())
            return number, title
    return None, None
