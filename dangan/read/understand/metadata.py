"""The understand stage as ingest sees it: official-document elements and evaluation items."""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from dangan.model import FILE_NAME_CONFIDENCE, Extracted, MetaValue, OfficialMeta
from dangan.read.understand import rules
from dangan.read.understand.classify import ItemScore, Taxonomy, classify
from dangan.read.understand.gongwen import doc_type_of_title, read_metadata
from dangan.read.understand.gongwen_elements import DOC_NO, number_text
from dangan.read.understand.gongwen_issuers import organ_list
from dangan.read.understand.gongwen_lines import address_line, fragment_line, is_organ_line
from dangan.read.understand.gongwen_text import compact
from dangan.read.understand.publisher import CONFIDENCE as PUBLISHER_CONFIDENCE
from dangan.read.understand.publisher import publishing_unit
from dangan.text.dates import find_dates
from dangan.text.normalize import PINYIN, half_width

log = logging.getLogger(__name__)

_NOISE = re.compile(r"^(下载|打印|全屏|收藏|【|原文链接|时间[:：]|导语|来源|[\W\d_]*$)")


def read_facts(extracted: Extracted, filename: str,
               taxonomy: Taxonomy | None = None) -> tuple[OfficialMeta, tuple[ItemScore, ...]]:
    """Elements (GB/T 9704) and the evaluation items a document is linked to."""
    meta, items = _read_facts(extracted, filename, taxonomy)
    return _half_width(meta), items


def _read_facts(extracted: Extracted, filename: str,
                taxonomy: Taxonomy | None) -> tuple[OfficialMeta, tuple[ItemScore, ...]]:
    text = extracted.text
    kind = extracted.extractor.split(":", 1)[0]
    if kind in LISTINGS:
        return OfficialMeta(title=listing_title(extracted, filename)), ()
    meta = read_metadata(text, extracted.layout, filename)
    if kind in SHEETS:
        meta = _with_title(meta, listing_title(extracted, filename))
    if extracted.hints:
        meta = with_hints(meta, extracted.hints)
    if meta.issuer is None and (unit := publishing_unit(text, extracted.hints)):
        meta = replace(meta, issuer=MetaValue(unit, PUBLISHER_CONFIDENCE))   # the last resort: the publishing unit
    if meta.title is None:
        meta = _with_title(meta, fallback_title(text, filename))
    if meta.title and PINYIN.search(meta.title.value):
        meta = _with_title(meta, MetaValue(PINYIN.sub("", meta.title.value), meta.title.confidence))
    title = meta.title.value if meta.title else None
    items = tuple(classify(text, title, taxonomy)) if taxonomy and text.strip() else ()
    return meta, items


# The elements a catalogue, a search hit and the web desk print (title, doc_number, issuer,
# recipients, cc): with the document's full-width digits and Latin letters made ASCII
# (山西省２０２３年 → 山西省2023年), Chinese punctuation kept.
def _half_width(meta: OfficialMeta) -> OfficialMeta:
    plain = replace(meta, title=_plain(meta.title), doc_number=_plain(meta.doc_number), issuer=_plain(meta.issuer),
                    recipients=_plain(meta.recipients), cc=_plain(meta.cc))
    return meta if plain == meta else plain


def _plain(value: MetaValue | None) -> MetaValue | None:
    if value is None or (plain := half_width(value.value)) == value.value:
        return value
    return MetaValue(plain, value.confidence, value.span)


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def with_hints(meta: OfficialMeta, hints: dict[str, str]) -> OfficialMeta:
    """The file's own metadata (OFD DocInfo, a web page's <title>, a Markdown front matter) where the text gave nothing:
    less sure than the text (a creation date is not the 成文日期, an author may be a clerk)."""
    title, doc_date, issuer, doc_type = meta.title, meta.doc_date, meta.issuer, meta.doc_type
    if title is None and hints.get("title"):
        title = MetaValue(hints["title"].strip()[:200], 0.6)
        if ((doc_type is None or doc_type.confidence < 0.6) and rules.on("site_front_matter")
                and (kind := doc_type_of_title(title.value))):
            # the file's own title names its kind as a heading does (年度述职报告), before the body's form (its 大家好 reads
            # as a speech's greeting: speech_greeting)
            doc_type = MetaValue(kind, 0.6)
    # an OFD's CreationDate says when the file was made (路桥's 2011 批复 in a 2020 file, a
    # certificate's print date): not the 成文日期 (rule "file_date_not_doc_date")
    dated = hints.get("date") or ("" if rules.on("file_date_not_doc_date") else hints.get("created", ""))
    day = _ISO_DAY.match(dated)
    if doc_date is None and day:
        doc_date = MetaValue(day.group(0), 0.3)
    if issuer is None and rules.on("seal_organ") and (organ := seal_issuer(hints.get("seal", ""))):
        issuer = MetaValue(organ, 0.5)   # the organ an electronic seal names: the issuer's mark, surer than an author
    author = hints.get("author", "").strip()
    if issuer is None and (organ := author_organ(author)):
        issuer = MetaValue(organ, 0.4)
    doc_number = meta.doc_number
    if doc_number is None and (m := DOC_NO.search(hints.get("doc_number", ""))):
        doc_number = MetaValue(number_text(m), 0.5)   # a Markdown front matter's 文号 (rule "front_matter_fields")
    posted = meta.posted_date
    if posted is None and (post_day := _post_day(hints.get("posted", ""))) and rules.on("site_front_matter"):
        posted = MetaValue(post_day, 0.4)   # a post's date (date:, 发布日期:): the page's posting day, no 成文日期
    if (title, doc_date, issuer, doc_number, doc_type, posted) == (meta.title, meta.doc_date, meta.issuer,
                                                                   meta.doc_number, meta.doc_type, meta.posted_date):
        return meta
    return replace(meta, title=title, doc_date=doc_date, issuer=issuer, doc_number=doc_number, doc_type=doc_type,
                   posted_date=posted)


def _post_day(value: str) -> str | None:
    """The day a front matter's date names (2023-12-18, 2023-12-18T10:00:00+08:00, Hexo's 2013/7/13 20:46:25),
    by the dates reader the text's own dates go through; an impossible day is none."""
    found = find_dates(value.strip())
    return found[0].date.isoformat() if found and found[0].start == 0 and found[0].precision == "day" else None


_COMPANY = ("公司", "集团")


def author_organ(author: str) -> str | None:
    """A file's author as its issuer when the organ test the text's 署名 is read by takes it (南开区文联, 区委党校,
    新华街道办事处), or organs side by side (区文明办、区委宣传部 → joined by 、); a person, a clerk's account or a
    program is none. Kept out, as before: a company (…科技有限公司), in that field as likely the maker of the program
    that wrote the file as a signer (路桥's OFD names its converter there); a name of two or three characters ending
    in 科, a person's (李科, 王永科: 科 ends a given name more often than a short unit's; no real unit list's name ends so)."""
    if parts := organ_list(author):
        return "、".join(parts) if not any(p.endswith(_COMPANY) for p in parts) else None
    name = compact(author)
    if not is_organ_line(name) or name.endswith(_COMPANY) or (len(name) <= 3 and name.endswith("科")):
        return None
    return name


def seal_issuer(organ: str) -> str | None:
    """The organ an OFD's seal names (the extractor took its kind off: 淄博市周村区自然资源局) when the organ test the
    text's 署名 is read by takes it; a company counts here (a seal is its own, not the program's that wrote the file)."""
    name = compact(organ)
    return name if name and is_organ_line(name) else None


# Extractors whose text is rows or a list of names, not prose: the official-document reader
# would join the first rows into one long "title". An archive's listing is also no evidence:
# its members are documents of their own.
SHEETS = frozenset({"calamine", "csv"})
LISTINGS = frozenset({"archive"})


def listing_title(extracted: Extracted, filename: str) -> MetaValue:
    """A spreadsheet's own title row (one cell, or one merged range, above the header), else the
    file name: 青龙镇创建整改台账, not 序号单位整改事项… run together."""
    if extracted.extractor.split(":", 1)[0] in SHEETS:
        for line in extracted.text.splitlines()[:3]:
            cells = {c.strip() for c in line.split("\t")[1:] if c.strip()}
            if len(cells) == 1 and 4 <= len(title := cells.pop()) <= 80 and not title.isdigit():
                return MetaValue(title, 0.6)
    return MetaValue(filename.rsplit(".", 1)[0].rsplit("/", 1)[-1] or filename, FILE_NAME_CONFIDENCE)


def fallback_title(text: str, filename: str) -> MetaValue:
    """The first meaningful line above the 称谓 or 主送, unless it is a piece of a sentence, else the file name: a title
    to show, marked unsure."""
    for line in text.splitlines()[:30]:
        line = line.strip()
        if address_line(compact(line)):
            break   # the text opens at its 称谓 or 主送 (尊敬的各位领导：): no heading stands above it (rule "address_not_title")
        if fragment_line(compact(line)):
            break   # a page that starts mid-sentence (好政治关、法律关，…): no heading stands above it (rule "fragment_not_title")
        if 4 <= len(line) <= 80 and not _NOISE.match(line):
            return MetaValue(PINYIN.sub("", line), 0.3)
    stem = filename.rsplit(".", 1)[0]
    return MetaValue(stem, 0.2)


def _with_title(meta: OfficialMeta, title: MetaValue) -> OfficialMeta:
    return replace(meta, title=title)


def taxonomy_rows(taxonomy: Taxonomy) -> list[tuple[str, str, str | None, str | None]]:
    """(code, name, parent, standard) for the catalog's items table."""
    rows: list[tuple[str, str, str | None, str | None]] = []
    for item in taxonomy.items:
        rows.append((item.code, item.name, None, None if item.contents else (item.standard or None)))
        rows.extend((c.code, c.name, item.code, c.standard or None) for c in item.contents)
    return rows
