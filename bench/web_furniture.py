"""Collect a web page's furniture around the document it carries, from the labelled web pages.

A web copy of a 公文 sits among the portal's furniture: breadcrumbs, a page name over the heading,
字号 大 中 小, 来源/发布时间/浏览次数 rows, 打印本页 关闭窗口, 上一篇/下一篇, related links, 版权所有
footers. For every labelled document of the web families (gov_site_pages*, web_scrape,
validation_r* and the other families of saved pages) this finds, with the document's own labels,
where the document starts (its heading, with any 版头, 发文字号 or organ lines right above it) and
where it ends (its last 署名 or 成文日期 line, with any 版记 lines after it), and keeps the lines
before and after it as they are in the reader's text: the page's furniture. A page whose heading
is not found gives no block before; a page whose text stops inside the body (an excerpt) gives
no block after.

`bench_elements_formats`' `web_wrapped` form wraps the clean written documents in these blocks.

    python -m bench.web_furniture        # writes bench/data/web_furniture.json
"""
from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from typing import Any

from bench.bench_elements import DATA, load_extracted
from bench.common import ROOT

OUT = ROOT / "bench" / "data" / "web_furniture.json"
WEB_FAMILIES = re.compile(r"^(gov_site_pages.*|web_scrape|validation_r\d+|congress_documents|wenming_notices|"
                          r"office_paperwork|provincial_reports_2026_more)$")
HEAD_SPAN = 6          # a heading wraps over at most this many non-empty lines
HEAD_ABOVE = 5         # 版头, 文号 and organ lines looked for this many lines above the heading
LONG_LINE = 50         # a line this long (characters, spaces out) is a paragraph of the body
# Lines of the document's own head and 版记: never furniture.
NUMBER = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d+\s*号|第\s*\d+\s*号$")
HEAD_MARK = re.compile(r"(文件|纪要|简报|签发人|特急|加急|密级|份号)\s*$|^(签发人|特急|加急|密级|机密|秘密|绝密)")
# A line that opens a document of its own under the one read (an 附件, a 名单, the page's text again):
# what follows it is no furniture.
OWN_HEADING = re.compile(r"(名单|目录|[表单]|办法|规定|细则|规则|方案|意见|通知|决定|公告|通告|报告|纪要|总结|[(（]试行[)）])$")
# an organ's name alone on a short line over the heading (山东省菏泽市人民政府办公室 on a law database): the 版头's
ORGAN_LINE = re.compile(r"^[^:：|>›»/@\s]{3,22}(办公室|办公厅|人民政府|委员会|联合会|常委会|办事处|[局厅部处院])$")
OWN_NUMBER = re.compile(r"^\S{1,8}[〔\[［]\s*(?:19|20)\d{2}")   # a 发文字号 opening a line: a head again
RECORD = re.compile(r"^\s*(抄送|抄报|印发|主送|附件|主题词|（此件|\(此件|（联系|\(联系|联系人|联系电话)")


def norm(text: str) -> str:
    """Text compared with a label: NFKC, Simplified, no spaces."""
    from dangan.text.script import to_simplified

    return "".join(to_simplified(unicodedata.normalize("NFKC", text)).split())


def heading_starts(lines: list[str], title: str) -> list[tuple[int, int]]:
    """(first, last) line of every run of lines whose joined text starts with the whole title
    (blank lines between wrapped heading lines skipped)."""
    found = []
    for i, line in enumerate(lines):
        first = norm(line)
        if not first or not title.startswith(first[:len(title)]):
            continue
        joined, j, used = "", i, 0
        while j < len(lines) and used < HEAD_SPAN:
            part = norm(lines[j])
            if part:
                joined += part
                used += 1
                if joined.startswith(title):
                    found.append((i, j))
                    break
                if not title.startswith(joined):
                    break
            j += 1
    return found


def document_heading(lines: list[str], title: str) -> tuple[int, int] | None:
    """The document's own heading: the last full heading before the body's first paragraph
    (a page name or page heading printed above it is furniture), else the first."""
    runs = heading_starts(lines, title)
    if not runs:
        return None
    body = next((k for k, line in enumerate(lines) if len("".join(line.split())) >= LONG_LINE
                 and not any(a <= k <= b for a, b in runs)), len(lines))
    before = [r for r in runs if r[1] < body]
    return before[-1] if before else runs[0]


def head_start(lines: list[str], first: int, lab: dict[str, str]) -> int:
    """The first line of the document's head: the heading, or a 版头/文号/organ line right above it."""
    issuers = {norm(p) for p in re.split(r"[、,，]", lab["issuer"]) if p and p != "?"}
    number = norm(lab["doc_number"]) if lab["doc_number"] not in ("", "?") else ""
    start, seen, k = first, 0, first - 1
    while k >= 0 and seen < HEAD_ABOVE:
        text = norm(lines[k])
        if text:
            seen += 1
            own = (number and number in text) or any(text.endswith(i) and len(text) - len(i) <= 6
                                                     for i in issuers) or ORGAN_LINE.search(text) or (
                len(text) <= 30 and (NUMBER.search(text) or HEAD_MARK.search(text)))
            if own:
                start = k
        k -= 1
    return start


def _dates(line: str) -> set[str]:
    from dangan.text.dates import find_dates

    return {m.date.isoformat() for m in find_dates(line) if m.precision == "day" and not m.relative}


def document_end(lines: list[str], after: int, lab: dict[str, str]) -> int | None:
    """The document's last line: its last 署名 or 成文日期 line after the heading, and any 版记 lines
    just under it; None when the text names neither (an excerpt cut inside the body)."""
    issuers = {norm(p) for p in re.split(r"[、,，]", lab["issuer"]) if p and p != "?"}
    date = lab["doc_date"] if lab["doc_date"] not in ("", "?") else ""
    end = None
    for k in range(after + 1, len(lines)):
        text = norm(lines[k])
        if not text or len(text) > 40:
            continue
        if text in issuers or (date and date in _dates(lines[k])) or any(
                text.startswith(i) and _dates(lines[k]) for i in issuers):
            end = k
    if end is None or not any(len("".join(line.split())) >= LONG_LINE for line in lines[after + 1:end]):
        return None   # no body between the heading and it: a date under the heading, not a 落款
    k, blank = end + 1, 0
    while k < len(lines) and blank <= 2:
        if not lines[k].strip():
            blank += 1
        elif RECORD.search(lines[k]) or NUMBER.search(lines[k]) and len(lines[k].strip()) <= 30:
            end, blank = k, 0
        else:
            break
        k += 1
    return end


def _opens_document(line: str) -> bool:
    text = norm(line)
    return len(text) >= LONG_LINE or bool(OWN_NUMBER.search(text)) or (len(text) >= 6 and not re.search(r"[:：|>›»/@]|https?", text)
                                      and bool(OWN_HEADING.search(text)))


def after_block(lines: list[str]) -> list[str]:
    """The lines after the document up to one that opens a document of its own (an 附件, a 名单)."""
    cut = next((k for k, line in enumerate(lines) if _opens_document(line)), len(lines))
    return block(lines[:cut])


def block(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def furniture(lab: dict[str, str], text: str) -> dict[str, Any] | None:
    lines = text.split("\n")
    title = norm(lab["title"]) if lab["title"] not in ("", "?") else ""
    head = document_heading(lines, title) if title else None
    if head is None:
        return None
    start = head_start(lines, head[0], lab)
    end = document_end(lines, head[1], lab)
    before = block(lines[:start])
    after = after_block(lines[end + 1:]) if end is not None else []
    if not before and not after:
        return None
    return {"family": lab["family"], "source": lab["source"], "title": lab["title"],
            "before": before, "after": after}


def collect() -> list[dict[str, Any]]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    ocr_cache = json.loads((DATA / "ocr_cache.json").read_text(encoding="utf-8"))
    out = []
    for lab in labels:
        if not WEB_FAMILIES.match(lab["family"]):
            continue
        found = furniture(lab, load_extracted(lab["source"], ocr_cache).text)
        if found:
            out.append(found)
    return out


def main() -> None:
    blocks = collect()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "what": "page furniture around the labelled web pages' documents (lines before the document's head and "
                "after its last 署名/成文日期 or 版记 line), kept as the reader's text has them; bench/web_furniture.py",
        "blocks": blocks}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    fams = {b["family"] for b in blocks}
    print(f"{len(blocks)} pages of {len(fams)} families: {sum(bool(b['before']) for b in blocks)} blocks before, "
          f"{sum(bool(b['after']) for b in blocks)} after")


if __name__ == "__main__":
    main()


def _char_class(char: str) -> str:
    forms = {char, unicodedata.normalize("NFKC", char)}
    if "!" <= char <= "~":
        forms.add(chr(ord(char) + 0xFEE0))
    return "[" + "".join(re.escape(f) for f in sorted(forms)) + "]"


def _pattern(value: str) -> str:
    return r"\s*".join(_char_class(c) for c in "".join(value.split()))


def _replace(line: str, old: str, new: str, cut_ok: bool, name: bool = False) -> str:
    """`line` with `old` (spaces between its characters allowed, full- or half-width, either script)
    written as `new`; a cut copy of `old` at least 8 characters long (a page name ending in … or
    at the line's end) too when `cut_ok`; when `name`, only a whole name (太湖县人民政府 is not replaced in
    太湖县人民政府办公室)."""
    from dangan.text.script import to_simplified

    if len("".join(old.split())) < 2:
        return line
    simple = to_simplified(line)
    m = re.search(_pattern(to_simplified(old)) + (r"(?![\u4e00-\u9fff])" if name else ""), simple)
    if m is None and cut_ok:
        chars = "".join(to_simplified(old).split())
        for size in range(len(chars) - 1, 7, -1):
            m = re.search(_pattern(chars[:size]) + r"(?=\s*(?:…|\.\.\.|$|[-_|—]))", simple)
            if m:
                break
    if m is not None:
        return line[:m.start()] + new + line[m.end():]
    if not cut_ok:
        return line
    # the page's own name for its document, sharing most of the line with the heading (吉安市市本级政务公开
    # 工作实施细则 over …关于印发吉安市市本级政务公开工作实施细则的通知; a 关于… heading without its organ)
    kept = [(i, unicodedata.normalize("NFKC", c)) for i, c in enumerate(simple) if not c.isspace()]
    here = "".join(c for _, c in kept)
    if len(here) != len(kept):
        return line
    title = norm(old)
    blocks = [b for b in SequenceMatcher(None, here, title, autojunk=False).get_matching_blocks() if b.size >= 3]
    shared = sum(b.size for b in blocks)
    inside = shared >= 12 and shared >= 0.9 * len(here)   # the line is a part of the heading (its 《》 name)
    most = shared >= 8 and shared >= 0.5 * len(title) and (shared >= 0.6 * len(here) or shared >= 0.8 * len(title))
    if not (inside or most):
        return line
    start, end = kept[blocks[0].a][0], kept[blocks[-1].a + blocks[-1].size - 1][0] + 1
    return line[:start] + new + line[end:]


def _redate(line: str, old: str, new: str) -> str:
    """`line` with each day equal to `old` (ISO) written as `new` in the same style, or taken out."""
    from dangan.text.dates import find_dates

    if not old:
        return line
    for m in sorted(find_dates(line), key=lambda m: -m.start):
        if m.precision != "day" or m.relative or m.date.isoformat() != old:
            continue
        if not new:
            written = ""
        elif "年" in m.text:
            y, mo, d = new.split("-")
            written = f"{y}年{int(mo)}月{int(d)}日"
        else:
            sep = next((c for c in m.text if c in "-./"), "-")
            written = new.replace("-", sep)
        line = line[:m.start] + written + line[m.end:]
    return line


def render(lines: list[str], source: dict[str, str], doc: dict[str, str]) -> list[str]:
    """A page's furniture as the site prints it around another document: where it repeats the page's
    own document's heading, 发文机关, 发文字号 or 成文日期 (a page name, a 名称/发布机构/文号 row, the heading's date
    printed again) it names the wrapped document's instead (empty where that has none). Other dates stay: a
    posting date is the site's."""
    def value(lab: dict[str, str], field: str) -> str:
        return "" if lab[field] == "?" else lab[field]

    out = []
    for line in lines:
        line = _replace(line, value(source, "title"), value(doc, "title"), cut_ok=True)
        for part in [p for p in re.split(r"[、,，]", value(source, "issuer")) if len(p) >= 3]:
            line = _replace(line, part, value(doc, "issuer"), cut_ok=False, name=True)
        line = _replace(line, value(source, "doc_number"), value(doc, "doc_number"), cut_ok=False)
        line = _redate(line, value(source, "doc_date"), value(doc, "doc_date"))
        out.append(line)
    return out


def wrap(page: dict[str, Any], source: dict[str, str], doc: dict[str, str], text: str) -> str:
    """The written document's text set inside the page's furniture: its lines before, a blank line,
    the document, a blank line, its lines after."""
    before = render(page["before"], source, doc)
    after = render(page["after"], source, doc)
    return "\n".join([*before, "", text.strip("\n"), "", *after]) if before or after else text
