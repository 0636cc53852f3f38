"""Dossier and package sections under a taxonomy: one per 测评内容, its evidence numbered.

Evidence is numbered the way inspection offices mark it, 测评内容-标准分条-序号:
`Ⅲ-77-1)-①` is the first piece under clause 1) of Ⅲ-77's 测评标准 (a standard
without numbered clauses counts as 1)). Pieces are ordered by clause, then
requirement, texts before photos, then date; a document evidencing two
requirements of one 测评内容 is numbered once, under the first. The same
labels go on the dossier's list, its excerpts and the packaged files' names.

A link without a requirement (req 0: made through a 测评标准 clause no requirement
cites, e.g. Ⅲ-60's 3）倡导"垃圾减量分类", or tagged to the 测评内容 as a whole) goes
under the clause its proving passage (or, tagged by hand, its title and text) shares
the most words with — of the uncited clauses for an automatic link, of all clauses
for a manual one — and its excerpt names that clause (对应测评标准). A clerk reading the dossier
reads `Ⅲ-60-1)-①` as "proves clause 1)", so a link no clause's words can place is
numbered under its own heading after the clauses, `Ⅲ-60-其他-①`, not under 1).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dangan.archive.catalog import Catalog
from dangan.archive.evidence import refresh_evidence
from dangan.archive.evidence_links import evidence_rows
from dangan.archive.selections import filter_ids
from dangan.compose.dossier_select import Section, Selection, _date_filter, _day, _search_ids, display_title
from dangan.compose.gaps import owners
from dangan.errors import NothingSelected
from dangan.lock import WriterLock
from dangan.model import Document
from dangan.read.understand.evidence import common_weight, tokens
from dangan.read.understand.taxonomy import Content, Taxonomy, did_you_mean
from dangan.read.understand.units import load_units
from dangan.workspace import Workspace

__all__ = ["CLAUSE_PREFIX", "OTHER", "Evidence", "circled", "clause_of_link", "evidence_label", "number_evidence", "select_evidence"]

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"


def circled(n: int) -> str:
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"


CLAUSE_PREFIX = "测评标准"   # an Evidence.requirement naming the clause it proves, not a requirement
OTHER = 999     # the clause key of a link no clause can place: numbered 其他, after the clauses


def evidence_label(content: str, clause: int, seq: int) -> str:
    if clause == OTHER:
        return f"{content}-其他-{circled(seq)}"
    return f"{content}-{clause or 1})-{circled(seq)}"


def clause_of_link(content: Content, link: dict[str, Any], doc: Document | None = None) -> int:
    """The 测评标准 clause a link counts under (OTHER: none can be told)."""
    found = content.requirement(link["req"]) if link["req"] else None
    if found is not None:
        return found.clause_no
    clauses = {s.clause: s.text for s in content.standards if s.clause}
    if len(clauses) <= 1:
        return next(iter(clauses), 1)
    if link.get("origin") == "auto" and content.requirements:
        # an automatic link without a requirement was made through the clauses no requirement cites
        cited = {r.clause_no for r in content.requirements}
        clauses = {n: t for n, t in clauses.items() if n not in cited} or clauses
        if len(clauses) == 1:
            return next(iter(clauses))
    title = (doc.title or "") if doc is not None else ""
    said = f"{title}\n{link.get('passage') or (doc.text if doc is not None else '')}"
    words = set(tokens(said[:20000]))
    shared = {n: sum(common_weight(w) for w in set(tokens(t)) if w in words) for n, t in clauses.items()}
    best = max(shared, key=lambda n: (shared[n], -n))
    return best if shared[best] > 0 else OTHER


@dataclass(frozen=True, slots=True)
class Evidence:
    """One numbered piece of evidence in a 测评内容."""

    doc: Document
    label: str                  # Ⅲ-77-1)-①
    req: int                    # requirement no (0: the 测评内容 as a whole)
    requirement: str            # the requirement's mark and text, or ''
    confidence: float
    origin: str                 # auto | manual
    passage: str | None         # the sentences that prove it (underlined in red)


def number_evidence(content: Content, links: Sequence[dict[str, Any]],
                    docs: dict[int, Document]) -> tuple[Evidence, ...]:
    """Each linked document once, numbered within its 测评标准 clause."""
    clause_of = {id(link): clause_of_link(content, link, docs[link["document_id"]])
                 for link in links if link["document_id"] in docs}
    standard = {s.clause: s.text for s in content.standards}

    def key(link: dict[str, Any]) -> tuple[Any, ...]:
        doc = docs[link["document_id"]]
        return (clause_of[id(link)], link["req"] or 999, doc.mime.startswith("image/"), _day(doc) or "9999", doc.id)

    first: dict[int, dict[str, Any]] = {}
    for link in sorted((x for x in links if x["document_id"] in docs), key=lambda x: (key(x), -x["confidence"])):
        first.setdefault(link["document_id"], link)
    seq: dict[int, int] = {}
    out = []
    for link in sorted(first.values(), key=key):
        clause = clause_of[id(link)]
        seq[clause] = seq.get(clause, 0) + 1
        req = content.requirement(link["req"])
        text = f"{req.mark or str(req.no) + '.'}{req.text}" if req else ""
        if not req and link["req"] == 0 and clause in standard and len(standard) > 1:
            text = f"{CLAUSE_PREFIX}{standard[clause]}"      # the clause it proves, as the list row says
        out.append(Evidence(docs[link["document_id"]], evidence_label(content.code, clause, seq[clause]),
                            link["req"], text, link["confidence"], link["origin"], link.get("passage")))
    return tuple(out)


def _form(taxonomy: Taxonomy, content: Content, evidence: tuple[Evidence, ...], units: Any) -> tuple[
        tuple[str, str], ...]:
    """测评材料提交表: what the inspectors read first for each 测评内容."""
    item = taxonomy.item_of(content.code)
    indicator = taxonomy.indicator(content.indicator)
    standards = "\n".join(s.text for s in content.standards) or content.standard or "（待补充）"
    reqs = "\n".join(f"{r.mark or str(r.no) + '.'}{r.text}" for r in content.requirements) or "（未录入网上申报要求）"
    names = list(dict.fromkeys(u for r in content.requirements for u in owners(r.units, r.text, units)))
    listed = "\n".join(f"{e.label}　{display_title(e.doc)}" for e in evidence) or "（尚无）"
    rows = [("测评项目", f"{item.code} {item.name}" if item else ""),
            ("指标", f"{content.indicator} {indicator}".strip() if content.indicator else ""),
            ("测评内容", f"{content.code} {content.name}"), ("测评标准", standards), ("网上申报要求", reqs),
            ("佐证材料", listed), ("责任单位", "、".join(names) or "（未录入）"), ("联系人", "")]
    return tuple((label, value) for label, value in rows if value or label == "联系人")


def _wanted(taxonomy: Taxonomy, codes: Sequence[str]) -> list[Content]:
    wanted: list[Content] = []
    for code in dict.fromkeys(codes):
        item = taxonomy.item(code)
        content = taxonomy.content(code)
        if content is not None:
            wanted.append(content)
        elif item is not None:
            wanted.extend(item.leaves())
        else:
            raise NothingSelected(detail=f"测评体系 {taxonomy.code} 中没有代码 {code}{did_you_mean(taxonomy, code)}")
    return wanted


def select_evidence(ws: Workspace, taxonomy: Taxonomy, codes: Sequence[str] = (), *, query: str | None = None,
                    doc_type: str | None = None, date_from: str | None = None,
                    date_to: str | None = None) -> Selection:
    """A section per 测评内容 (given by 测评项目 or 测评内容 code; none: every one with evidence)."""
    wanted = _wanted(taxonomy, codes)
    query = (query or "").strip() or None
    hits = set(_search_ids(ws, query, doc_type, date_from, date_to)) if query else None
    with WriterLock(ws.lock_file), Catalog(ws.catalog_path) as catalog:
        refresh_evidence(catalog, taxonomy)
        links = evidence_rows(catalog, taxonomy.code)
        ids = {link["document_id"] for link in links}
        kept = set(filter_ids(catalog, sorted(ids), **_date_filter(date_from, date_to, doc_type)))
        if hits is not None:
            kept &= hits
        docs = catalog.get_many(sorted(kept), with_text=True)
    by_content: dict[str, list[dict[str, Any]]] = {}
    for link in links:
        by_content.setdefault(link["content"], []).append(link)
    if not wanted:
        wanted = [c for c in taxonomy.contents() if any(link["document_id"] in docs for link in by_content.get(c.code, ()))]
    units = load_units(ws.home)
    sections = []
    for content in dict.fromkeys(wanted):
        evidence = number_evidence(content, by_content.get(content.code, []), docs)
        standards = tuple((f"{s.clause}）" if s.clause and not s.text.startswith(f"{s.clause}") else "", s.text)
                          for s in content.standards) or (("", content.standard or "（待补充）"),)
        needles = tuple(dict.fromkeys([content.name, *content.keywords]))
        sections.append(Section(content.code, content.name, standards, tuple(e.doc for e in evidence), needles,
                                _form(taxonomy, content, evidence, units), evidence))
    if not any(s.documents for s in sections):
        raise NothingSelected(detail=f"测评体系 {taxonomy.code} 下所选测评内容还没有佐证材料（可用 dangan gaps 查看缺项）")
    return Selection(tuple(sections), query)
