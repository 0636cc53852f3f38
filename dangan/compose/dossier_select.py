"""Which documents go into a dossier, by section, and the passages to quote from each.

Item membership comes from the catalog alone (`items`, `document_items`); a
query goes through the index (`dangan.index.search.search`) and is intersected
with it. The 测评标准 text comes from the catalog's `items.standard`, falling
back to the taxonomy file.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dangan.archive.attachments import with_attachments
from dangan.archive.catalog import Catalog
from dangan.archive.selections import child_items, filter_ids, hand_over_once, ids_with_item
from dangan.errors import DanganError, NothingSelected
from dangan.index.query import date_range, parse_query
from dangan.index.snippets import without_annotations
from dangan.model import Document
from dangan.read.understand.taxonomy import did_you_mean
from dangan.text.normalize import PINYIN, normalise, to_simplified
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["NothingSelected", "Section", "Segments", "Selection", "batches_as_members", "clean_text", "display_title", "find_passages",
           "is_photo", "select"]

MAX_DOCUMENTS = 1000          # per section (the search limit)
SENTENCE_END = "。！？；!?;\n\f"
SENTENCE_MARKS = "。！？；!?;"
CLAUSE_END = "，、：,:"   # where a window opens when no sentence ends before the match
# (text, True: a match | False: plain | None: a label | "proof": a sentence that proves the requirement)
Segments = tuple[tuple[str, bool | str | None], ...]


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the dossier: an evaluation item (or a query) and its documents."""

    code: str | None
    name: str
    standards: tuple[tuple[str, str], ...]     # (label, 测评标准 text)
    documents: tuple[Document, ...]
    needles: tuple[str, ...]                    # what the passages should show
    form: tuple[tuple[str, str], ...] = ()      # 测评材料提交表 rows (label, value), under a taxonomy
    evidence: tuple[Any, ...] = ()              # evidence_select.Evidence per document, numbered


@dataclass(frozen=True, slots=True)
class Selection:
    sections: tuple[Section, ...]
    query: str | None = None

    def documents(self) -> list[Document]:
        """Every selected document once, in order of first appearance."""
        seen: dict[int, Document] = {}
        for section in self.sections:
            for doc in section.documents:
                seen.setdefault(doc.id, doc)
        return list(seen.values())


def batches_as_members(ws: Workspace, selection: Selection) -> Selection:
    """Each section with its ZIP batches handed over as their members (selections.hand_over_once):
    the members are the documents the archive catalogued; the container went out beside them. The one rule for
    `dossier` (its lists and 附件 of originals), its web preview and `package`. An OFD brings the attachments
    filed in its 件 (archive/attachments.with_attachments), right after it."""
    sections: list[Section] = []
    with Catalog(ws.catalog_path) as catalog:
        for section in selection.sections:
            ids = [doc.id for doc in section.documents]
            once = with_attachments(catalog.conn, hand_over_once(catalog.conn, ids))   # an OFD with its attachments
            if once == ids:
                sections.append(section)
                continue
            have = {doc.id: doc for doc in section.documents}
            fetched = catalog.get_many([i for i in once if i not in have], with_text=True)
            docs = tuple(have.get(i) or fetched[i] for i in once if i in have or i in fetched)
            kept = {doc.id for doc in docs}
            sections.append(replace(section, documents=docs,
                                    evidence=tuple(e for e in section.evidence if e.doc.id in kept)))
    return Selection(tuple(sections), selection.query)


def is_photo(doc: Document) -> bool:
    return doc.mime.startswith("image/")


SUBJECT_TAGS = ("主题", "subject", "内容", "事由")


def display_title(doc: Document) -> str:
    """How a dossier names a document everywhere (TOC, 提交表, lists): a photo by its subject (主题),
    else by its title or file name."""
    if is_photo(doc):
        tags = doc.tags or {}
        return next((tags[k] for k in SUBJECT_TAGS if tags.get(k)), None) or doc.title \
            or Path(doc.original_name).stem
    return doc.title or doc.original_name


def _day(doc: Document) -> str:
    """The day a document is ordered by: its 成文日期, a photo's time, else the web copy's posting time."""
    return doc.doc_date or (doc.taken_at or "")[:10] or (doc.posted_date or "")


def _order(docs: Iterable[Document]) -> tuple[Document, ...]:
    """Texts by date, then photos by the time they were taken."""
    return tuple(sorted(docs, key=lambda d: (is_photo(d), _day(d) or "9999", d.taken_at or "", d.id)))


def _date_filter(date_from: str | None, date_to: str | None, doc_type: str | None) -> dict[str, str | None]:
    return {"day_from": date_range(date_from)[0] if date_from else None,
            "day_to": date_range(date_to)[1] if date_to else None, "doc_type": doc_type}


def _item_ids(catalog: Catalog, code: str) -> list[int]:
    return ids_with_item(catalog, code)


def _taxonomy(ws: Workspace) -> Any:
    try:
        from dangan.read.understand.taxonomy import workspace_taxonomy
    except ImportError:  # pragma: no cover - the classifier ships with the package
        return None
    try:
        return workspace_taxonomy(ws)
    except DanganError as error:
        log.warning("taxonomy unreadable: %s", error.message)
        return None


ItemFacts = tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]]   # name, standards, keywords


def _item_facts(catalog: Catalog, taxonomy: Any, code: str) -> ItemFacts:
    """Name, 测评标准 lines and keywords of an item (catalog first, taxonomy second)."""
    row = catalog.item(code)
    children = child_items(catalog, code)
    item = taxonomy.item(code) if taxonomy is not None else None
    content = None
    if item is None and taxonomy is not None:
        content = next((c for i in taxonomy.items for c in i.contents if c.code == code), None)
    name = (row or {}).get("name") or (item.name if item else content.name if content else "")
    if not name:
        raise NothingSelected(detail=f"未知的测评项目代码 {code}{did_you_mean(taxonomy, code)}")
    standards: list[tuple[str, str]] = []
    if row and row.get("standard"):
        standards.append(("", row["standard"]))
    elif children and any(c["standard"] for c in children):
        standards = [(f"{n}. {c['name']}：", c["standard"] or "") for n, c in enumerate(children, 1)]
    elif item is not None and item.contents:
        standards = [(f"{n}. {c.name}：", c.standard) for n, c in enumerate(item.contents, 1)]
    elif content is not None and content.standard:
        standards.append(("", content.standard))
    if not standards:
        standards.append(("", "（本项目的测评标准尚未录入，可在工作区的 taxonomy.toml 中补充。）"))
    keywords: list[str] = [name]
    if item is not None:
        keywords += [*item.keywords, *(k for c in item.contents for k in c.keywords)]
    if content is not None:
        keywords += list(content.keywords)
    return name, tuple(standards), tuple(dict.fromkeys(k for k in keywords if len(k) >= 2))


def _search_ids(ws: Workspace, query: str, doc_type: str | None, date_from: str | None,
                date_to: str | None) -> list[int]:
    from dangan.index.search import search

    result = search(ws, query, limit=MAX_DOCUMENTS, doc_type=doc_type, date_from=date_from, date_to=date_to)
    return [hit.id for hit in result.hits]


def select(ws: Workspace, *, items: Sequence[str] = (), query: str | None = None, doc_type: str | None = None,
           date_from: str | None = None, date_to: str | None = None) -> Selection:
    """A section per item (its documents, narrowed by the query and filters), or one for the query."""
    query = (query or "").strip() or None
    if not items and not query and not (doc_type or date_from or date_to):
        raise NothingSelected(detail="未给出测评项目、检索词或筛选条件")
    needles = tuple(n for n in parse_query(query).needles() if len(n) >= 2) if query else ()
    found = _search_ids(ws, query, doc_type, date_from, date_to) if query else None
    where = _date_filter(date_from, date_to, doc_type)
    sections = []
    with Catalog(ws.catalog_path) as catalog:
        taxonomy = _taxonomy(ws) if items else None
        for code in dict.fromkeys(items):
            name, standards, keywords = _item_facts(catalog, taxonomy, code)
            ids = _item_ids(catalog, code)
            if found is not None:
                hits = set(found)
                ids = [i for i in ids if i in hits]
            sections.append(Section(code, name, standards, _fetch(catalog, ids, where), needles + keywords))
        if not items:
            if found is None:
                ids = filter_ids(catalog, None, **where)
            else:
                ids = found
            label = f"与“{query}”相关的材料" if query else "文件材料"
            scope = [f"检索词：{query}"] if query else []
            scope += [f"文种：{doc_type}"] if doc_type else []
            scope += [f"日期：{date_from or '…'} 至 {date_to or '…'}"] if (date_from or date_to) else []
            sections.append(Section(None, label, (("", "；".join(scope) + "。"),),
                                    _fetch(catalog, ids, where), needles))
    if not any(s.documents for s in sections):
        raise NothingSelected(detail="所选测评项目或检索条件下没有文件")
    return Selection(tuple(sections), query)


def _fetch(catalog: Catalog, ids: Sequence[int], where: dict[str, str | None]) -> tuple[Document, ...]:
    if not ids:
        return ()
    kept = filter_ids(catalog, ids, **where)
    docs = catalog.get_many(kept, with_text=True)
    return _order(docs.values())


# A PDF's text keeps the page's lines: a paragraph breaks wherever the line was full (……还有待提
# / 高、政务公开……). Such a break ends nothing; a line break ends a sentence only after a full stop
# (or a colon), or after a line too short to have been wrapped (a heading, a page number).
SHORT_LINE = 20
CLOSING = "”’」』\"'"


def _ends_sentence(raw: str, i: int) -> bool:
    """raw[i] closes a sentence: a full stop, or a line break that is no mere wrap of a long line."""
    if raw[i] in SENTENCE_MARKS:
        return True
    if raw[i] not in "\n\f":
        return False
    line = raw[max(raw.rfind("\n", 0, i), raw.rfind("\f", 0, i)) + 1:i].strip()
    return len(line) < SHORT_LINE or line.rstrip(CLOSING)[-1:] in SENTENCE_MARKS + "：:"


def _last_end(raw: str, lo: int, a: int) -> int:
    """The last sentence end in raw[lo:a], or -1."""
    return next((i for i in range(a - 1, lo - 1, -1) if raw[i] in SENTENCE_END and _ends_sentence(raw, i)), -1)


def _first_end(raw: str, b: int, hi: int) -> int:
    """The first sentence end in raw[b:hi], or -1."""
    return next((i for i in range(b, hi) if raw[i] in SENTENCE_END and _ends_sentence(raw, i)), -1)


def _bounds(raw: str, a: int, b: int, width: int) -> tuple[int, int]:
    """A window around raw[a:b], widened to whole sentences where they fit."""
    lo = max(0, a - width // 2)
    cut = _last_end(raw, lo, a)
    if cut < 0:   # no sentence starts in reach: open at a clause, never on its mark (……、街道领导)
        cut = max(raw.rfind(ch, lo, a) for ch in CLAUSE_END)
    lo = cut + 1 if cut >= 0 else lo
    for match in PINYIN.finditer(raw, max(0, lo - 12), min(len(raw), lo + 12)):
        if match.start() < lo < match.end():
            lo = min(match.end(), a)  # never open inside one either (……)整治 from 社區(qū)整治)
    hi = min(len(raw), max(b, lo + width))
    end = _first_end(raw, b, hi)
    hi = end + 1 if end >= 0 else hi
    for match in PINYIN.finditer(raw, max(0, hi - 12), min(len(raw), hi + 12)):
        if match.start() < hi < match.end():
            hi = match.end()  # never cut a pinyin annotation in two
    return lo, hi


def clean_text(text: str) -> str:
    """Display text: pinyin annotations and line breaks inside Chinese removed, Simplified; a
    space between two Latin or digit runs stays one space (2022-03-26 09:11:00, not 2022-03-2609:11:00)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return to_simplified(re.sub(r"\s+", " ", text))
    return to_simplified(_LATIN_GAP.sub(lambda m: " " if m.group(1) else "", PINYIN.sub("", text)))


_LATIN_GAP = re.compile(r"(?<=[0-9A-Za-z])(\s+)(?=[0-9A-Za-z])|\s+")


def find_passages(raw: str, needles: Sequence[str], *, limit: int = 3, width: int = 120) -> list[Segments]:
    """Up to `limit` passages of `raw` with the most matches, in text order; matches flagged True."""
    if not raw or not needles:
        return []
    norm = normalise(raw)
    spans = sorted({m.span() for needle in needles if needle
                    for m in re.finditer(re.escape(needle.lower()), norm.text)})
    if not spans:
        return []
    merged: list[tuple[int, int]] = []
    for a, b in spans[:2000]:   # 绿色建筑 with 绿色 and 建筑 inside it: one mark
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    raw_spans = [(norm.offsets[a], norm.offsets[b - 1] + 1) for a, b in merged]
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    for a, b in raw_spans:
        if windows and a < windows[-1][1]:
            if b <= windows[-1][1]:
                windows[-1][2].append((a, b))
            continue
        lo, hi = _bounds(raw, a, b, width)
        windows.append((lo, hi, [(a, b)]))
    best = sorted(windows, key=lambda w: (-len({raw[a:b] for a, b in w[2]}), -len(w[2]), w[0]))[:limit]
    return [_segments(raw, lo, hi, marks) for lo, hi, marks in sorted(best)]


def _without_annotations(raw: str, a: int, b: int, annotations: list[tuple[int, int]]) -> str:
    """raw[a:b] minus pinyin annotations, cleaned for the dossier."""
    return clean_text(without_annotations(raw, a, b, annotations))


def _segments(raw: str, lo: int, hi: int, marks: list[tuple[int, int]]) -> Segments:
    annotations = [m.span() for m in PINYIN.finditer(raw, max(0, lo - 1), hi)]

    def clean(a: int, b: int) -> str:
        return _without_annotations(raw, a, b, annotations)

    out: list[tuple[str, bool | None]] = []
    if lo > 0 and not _ends_sentence(raw, lo - 1):
        out.append(("……", False))
    last = lo
    for a, b in sorted(marks):
        a = max(a, last)
        if a >= b:
            continue
        out.append((clean(last, a), False))
        out.append((clean(a, b), True))
        last = b
    out.append((clean(last, hi), False))
    if hi < len(raw) and not _ends_sentence(raw, hi - 1):
        out.append(("……", False))
    return tuple((text, flag) for text, flag in out if text)
