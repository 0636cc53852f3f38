"""迎检资料汇编: selected documents laid out as a DOCX through templates/docx/dossier.docx.

`plan_dossier` turns a `Selection` into plain data (headings, TOC anchors,
evidence rows, passages as segments, photos as prepared files); `dossier_context`
turns that into the template context for one docxtpl render (RichText for the
passages, InlineImage for the photos). With `pdf=True` the DOCX is converted
with LibreOffice, the pages of the headings are read back from the PDF and the
DOCX is rendered once more with those numbers in its TOC.
"""
from __future__ import annotations

import functools
import itertools
import logging
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dangan.archive import audit
from dangan.archive.releases import state_secret
from dangan.compose.docx_out import check_docx_out
from dangan.compose.dossier_evidence import intro_lines, photo_caption, proof_passages, requirement_line
from dangan.compose.dossier_name import DEFAULT_TITLE
from dangan.compose.dossier_photos import fit_photo, prepare_inside, prepare_photo
from dangan.compose.dossier_select import (
    Section,
    Segments,
    Selection,
    batches_as_members,
    clean_text,
    display_title,
    find_passages,
    is_photo,
    select,
)
from dangan.compose.minutes.render import cn_number
from dangan.compose.picture_source import OFFICE_FILES
from dangan.compose.sandbox import render_docx
from dangan.errors import MissingDependency, PdfConversionFailed
from dangan.model import Document
from dangan.read.understand.gongwen_text import NOISE as PAGE_CHROME
from dangan.read.understand.taxonomy import Taxonomy
from dangan.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_TEMPLATE", "DossierResult", "build_dossier", "dossier_context", "make_dossier", "outline",
           "plan_dossier", "section_heading"]

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "docx" / "dossier.docx"
ATTACHABLE = ("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
PLACE_TAGS = ("地点", "拍摄地点", "place", "社区", "街道", "点位")
PROOF_RED = "FF0000"
NOISE = re.compile(r"https?://|www\.|引证码|原文链接|^\s*[\d\W]+\s*$"
                   r"|不代表本站观点|来源于网友上传"                       # a copying site's words about the file
                   r"|^(?:发布)?(?:时间|日期)[:：]\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")   # its posting stamp


@dataclass(frozen=True, slots=True)
class DossierResult:
    docx: Path
    documents: int
    pages: int                   # pages of the selected documents (the evidence)
    sections: int
    photos: int
    pdf: Path | None = None
    # documents marked 绝密/机密/秘密 in it ({id, title, secrecy}): a dossier goes to the inspection team,
    # and such a document must not go with it unless the secrecy rules allow
    classified: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {"docx": str(self.docx), "documents": self.documents, "pages": self.pages,
               "sections": self.sections, "photos": self.photos, "classified": list(self.classified)}
        if self.pdf is not None:
            out["pdf"] = str(self.pdf)
        return out


def date_cn(iso: str | None) -> str:
    """'2022-03-26' → 2022年3月26日 (GB/T 9704 writes dates in Arabic numerals)."""
    try:
        return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日" if iso and len(iso) >= 10 else (iso or "")
    except ValueError:
        return iso or ""


def _photo_facts(doc: Document) -> tuple[str, str, str]:
    """Subject, place and day of a photo, from its tags and title."""
    tags = doc.tags or {}
    subject = display_title(doc)
    place = next((tags[k] for k in PLACE_TAGS if tags.get(k)), "")
    return subject, place, date_cn((doc.taken_at or doc.doc_date or "")[:10])


def _meta_line(doc: Document) -> str:
    parts = [("密级", doc.secrecy), ("文号", doc.doc_number), ("责任者", doc.issuer), ("日期", date_cn(doc.doc_date)),
             ("页数", f"{doc.pages}页" if doc.pages else ""), ("档号", doc.archival_code)]
    return "　".join(f"{label}：{value}" for label, value in parts if value) or "（未著录文号、责任者与日期）"


SUMMARY_CHARS = 110
NO_TEXT: Segments = (("（原件为扫描件或图片，未能提取文字，请查阅原件。）", False),)
SUMMARY_MARKS = "。！？；，、：,;:!?"


def _summary(doc: Document) -> Segments:
    """The opening of the text, without its title line and web clutter (links, citation codes)."""
    lines = [clean_text(line.strip()) for line in doc.text[:1500].splitlines()]
    title = clean_text(doc.title or "")
    kept = [line for line in lines if line and not (len(line) >= 4 and line in title) and not NOISE.search(line)
            and not PAGE_CHROME.match(line)]    # a saved web page's 下载 打印 全屏 收藏 【字号： 来源： lines
    text = clean_text(" ".join(kept)[:400]).strip()
    if not text:
        return NO_TEXT
    if len(text) > SUMMARY_CHARS:   # cut after a mark where one is near, never inside a word (各相关单……)
        cut = max(text.rfind(mark, SUMMARY_CHARS // 2, SUMMARY_CHARS) for mark in SUMMARY_MARKS)
        text = text[:cut + 1 if cut >= 0 else SUMMARY_CHARS] + "……"
    return (("内容摘要：", None), (text, False))


def _passages(doc: Document, section: Section, photo: bool, picture: dict[str, Any] | None) -> list[Segments]:
    if photo:
        return [] if picture else [(("（照片原件缺失或无法读取，请核查原件。）", False),)]
    return find_passages(doc.text, section.needles) or [_summary(doc)]


class _Anchors:
    """TOC entries in document order, each with a unique bookmark (`_Toc<n>`)."""

    def __init__(self) -> None:
        self.toc: list[dict[str, Any]] = []
        self._ids = itertools.count(100)

    def add(self, level: int, text: str) -> dict[str, Any]:
        number = next(self._ids)
        entry = {"level": level, "text": text, "anchor": f"_Toc{number}", "bid": str(number), "page": ""}
        self.toc.append(entry)
        return entry


def _title(doc: Document) -> str:
    return display_title(doc)


def _document_plan(doc: Document, number: int, section: Section, picture: dict[str, Any] | None,
                   anchors: _Anchors, figures: Iterator[int], after_photo: bool,
                   inside: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    photo = is_photo(doc)
    evidence = _evidence_of(section, doc)
    subject = _photo_facts(doc)[0] if photo else ""
    label = evidence.label if evidence else f"{number}."
    heading = f"{label} {subject}（照片）" if photo else f"{label} {_title(doc)}"
    entry = anchors.add(3, heading)
    caption = photo_caption(doc) if photo else []
    where = "\n".join("　".join(f"{k}：{v}" for k, v in caption[i:i + 3]) for i in (0, 3)) if caption else ""
    passages = _passages(doc, section, photo, picture)
    if inside and passages == [NO_TEXT]:   # a Word file of photos, its caption the title: its photos follow
        passages = []
    if evidence is not None and not photo and evidence.passage:
        passages = proof_passages(evidence)
    elif evidence is not None and evidence.requirement:
        passages = [requirement_line(evidence.requirement), *passages]
    figure = f"图{next(figures)}　{evidence.label + ' ' if evidence else ''}{subject}" if picture else ""
    return {
        "heading": heading, "anchor": entry["anchor"], "bid": entry["bid"],
        "break_before": bool(picture) or after_photo, "meta": _meta_line(doc),
        "passages": passages, "picture": fit_photo(picture, heading, [figure, *where.split("\n")]),
        "caption": figure, "photo_meta": where,
        "figures": [] if photo else [
            {**shot, "caption": f"图{next(figures)}　{evidence.label + ' ' if evidence else ''}{_title(doc)}"
                                f"（其中第{shot['number']}张）"} for shot in inside],
    }


def _evidence_of(section: Section, doc: Document) -> Any:
    return next((e for e in section.evidence if e.doc.id == doc.id), None)


def _row(doc: Document, number: int, section: Section | None = None) -> dict[str, Any]:
    evidence = _evidence_of(section, doc) if section is not None else None
    return {"index": evidence.label if evidence else str(number), "title": _title(doc),
            "doc_number": doc.doc_number or "",
            "issuer": doc.issuer or "", "date": _day8(doc),
            "pages": str(doc.pages or ""), "archival_code": doc.archival_code or "",
            "id": doc.id, "photo": is_photo(doc), "requirement": evidence.requirement if evidence else "",
            "estimated": doc.pages_estimated, "secrecy": doc.secrecy or "", "secret": state_secret(doc.secrecy)}


def _day8(doc: Document) -> str:
    """20240605, as DA/T 22 lists dates: 2024-06-05 broke over two lines in the 日期 column."""
    return (doc.doc_date or (doc.taken_at or "")[:10]).replace("-", "")


def section_heading(index: int, section: Section) -> str:
    """`三、Ⅲ-77 公众参与` under a taxonomy, `一、市容环境卫生整治` by linked items: as the TOC says."""
    name = f"{section.code} {section.name}" if section.form else section.name
    return f"{cn_number(index)}、{name}"


def outline(selection: Selection) -> list[dict[str, Any]]:
    """The dossier's parts as its TOC and 佐证材料目录 list them (headings, numbers, rows): the
    web desk's preview shows exactly these."""
    return [{"heading": section_heading(index, section), "code": section.code, "name": section.name,
             "taxonomy": bool(section.form),
             "rows": [_row(d, n, section) for n, d in enumerate(section.documents, start=1)]}
            for index, section in enumerate(selection.sections, start=1)]


def plan_dossier(ws: Workspace, selection: Selection, folder: Path, *, title: str | None = None,
                 unit: str | None = None, today: date | None = None,
                 with_originals: bool = False, taxonomy_name: str | None = None) -> dict[str, Any]:
    """Everything the dossier shows, as plain data; photos are prepared into `folder`."""
    anchors, figures = _Anchors(), itertools.count(1)
    everything = selection.documents()
    pictures = {d.id: prepare_photo(ws, d, folder) for d in everything if is_photo(d)}
    inside = prepare_inside(ws, [d for d in everything if d.mime in OFFICE_FILES], folder)
    sections = []
    for index, section in enumerate(selection.sections, start=1):
        head = anchors.add(1, section_heading(index, section))
        documents: list[dict[str, Any]] = []
        for number, doc in enumerate(section.documents, start=1):
            after_photo = bool(documents and documents[-1]["picture"])
            documents.append(_document_plan(doc, number, section, pictures.get(doc.id), anchors, figures,
                                            after_photo, inside.get(doc.id, [])))
        sections.append({"heading": head["text"], "anchor": head["anchor"], "bid": head["bid"],
                         "standard_heading": "（一）测评材料提交表" if section.form
                         else "（一）测评标准" if section.code else "（一）选材范围",
                         "standards": [{"label": a, "text": b} for a, b in section.standards],
                         "form": [{"label": a, "value": b} for a, b in section.form],
                         "rows": [_row(d, n, section) for n, d in enumerate(section.documents, start=1)],
                         "documents": documents, "code": section.code})
    appendix_entry = anchors.add(1, "附件1：佐证材料原件清单")
    where = _where(selection.sections)
    numbers: dict[int, list[str]] = {}
    for section in selection.sections:
        for evidence in section.evidence:
            numbers.setdefault(evidence.doc.id, []).append(evidence.label)
    appendix = [{"index": "\n".join(numbers.get(d.id, [])) or str(n), "title": _title(d), "section": where[d.id],
                 "original": d.original_name, "archival_code": d.archival_code or ""}
                for n, d in enumerate(everything, start=1)]
    originals = []
    if with_originals:
        originals.append({"doc": None, **anchors.add(1, "附件2：佐证材料原件")})
        # every number the document has (as 附件1 lists them), not the last section's alone
        originals += [{"doc": d, **anchors.add(3, f"{'、'.join(numbers.get(d.id, [])) or f'{n}.'} {_title(d)}")}
                      for n, d in enumerate(everything, start=1)]
    pages = sum(d.pages or 0 for d in everything)
    photos = sum(1 for picture in pictures.values() if picture)
    names = [s.name for s in selection.sections]
    today = today or date.today()
    return {
        "title": title or DEFAULT_TITLE, "unit": unit or ws.settings.unit or "",
        "subtitle": "（" + "　".join(names) + "）" if len(names) <= 3 else f"（共{cn_number(len(names))}个部分）",
        "date_cn": f"{today.year}年{today.month}月{today.day}日",
        "intro": intro_lines(selection, everything, pages, photos, with_originals, taxonomy_name,
                             sum(len(shots) for shots in inside.values())),
        "toc": anchors.toc, "sections": sections, "appendix": appendix,
        "appendix_heading": appendix_entry["text"], "appendix_anchor": appendix_entry["anchor"],
        "appendix_bid": appendix_entry["bid"], "originals": originals,
        "counts": {"documents": len(everything), "pages": pages, "photos": photos, "sections": len(sections)},
    }


def _where(sections: tuple[Section, ...]) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for index, section in enumerate(sections, start=1):
        for doc in section.documents:
            out.setdefault(doc.id, []).append(section_heading(index, section))
    return {k: "；".join(v) for k, v in out.items()}


def dossier_context(plan: dict[str, Any], tpl: Any, pages: dict[str, int] | None = None) -> dict[str, Any]:
    """The template context: passages as RichText, photos as InlineImage, TOC page numbers."""
    from docx.shared import Mm
    from docxtpl import InlineImage, RichText

    def rich(segments: Any) -> Any:
        text = RichText()
        for part, match in segments:   # True: a match; None: a label; False: plain; "proof": red underline
            if match == "proof":
                start = len(text.xml)
                text.add(part, underline="single")
                text.xml = text.xml[:start] + text.xml[start:].replace(
                    '<w:u w:val="single"/>', f'<w:u w:val="single" w:color="{PROOF_RED}"/>')
            else:
                text.add(part, bold=match is not False, underline=match is True)
        return text

    pages = pages or {}
    sections = []
    for section in plan["sections"]:
        documents = []
        for doc in section["documents"]:
            picture = doc["picture"]
            image = (InlineImage(tpl, picture["path"], width=Mm(picture["width_mm"]),
                                 height=Mm(picture["height_mm"])) if picture else None)
            shots = [{"image": InlineImage(tpl, f["path"], width=Mm(f["width_mm"]), height=Mm(f["height_mm"])),
                      "caption": f["caption"]} for f in doc.get("figures", [])]
            documents.append({**{k: v for k, v in doc.items() if k not in ("picture", "passages", "figures")},
                              "photo": image, "passages": [rich(p) for p in doc["passages"]], "figures": shots})
        sections.append({**section, "documents": documents})
    toc = [{**e, "page": str(pages.get(e["anchor"], ""))} for e in plan["toc"]]
    skip = {"sections", "toc", "originals", "counts"}
    return {**{k: v for k, v in plan.items() if k not in skip}, "sections": sections, "toc": toc}


def _context_of(plan: dict[str, Any], pages: dict[str, int] | None, tpl: Any) -> dict[str, Any]:
    return dossier_context(plan, tpl, pages)


Progress = Callable[[str], None]   # told each step of a long build: 附入原件 3/42：…, 生成 PDF…


def build_dossier(ws: Workspace, selection: Selection, out: Path, *, title: str | None = None,
                  unit: str | None = None, template: Path | None = None, with_originals: bool = False,
                  pdf: bool = False, today: date | None = None, taxonomy_name: str | None = None,
                  progress: Progress | None = None) -> DossierResult:
    """Write the dossier DOCX (and, with `pdf`, a PDF beside it with a numbered TOC)."""
    from dangan.compose.originals import append_originals
    from dangan.compose.topdf import heading_pages, to_pdf

    out = Path(out)
    source = Path(template) if template else DEFAULT_TEMPLATE
    tell = progress or (lambda _: None)
    with tempfile.TemporaryDirectory(prefix="dangan-dossier-") as tmp:
        folder = Path(tmp)
        tell(f"编排目录与摘录：{len(selection.sections)} 个部分")
        plan = plan_dossier(ws, selection, folder, title=title, unit=unit, today=today,
                            with_originals=with_originals, taxonomy_name=taxonomy_name)

        def render(pages: dict[str, int] | None) -> None:
            render_docx(source, functools.partial(_context_of, plan, pages), out)
            if plan["originals"]:   # pages drawn the first time are reused the second (folder keeps them)
                append_originals(ws, out, plan["originals"], folder, progress=None if pages else progress)

        tell(f"排版生成 DOCX：{plan['counts']['documents']} 件材料")
        render(None)
        pdf_path = None
        if pdf:
            numbered = False
            try:
                tell("用 LibreOffice 生成 PDF，以取得目录页码")
                pdf_path = to_pdf(out, out.parent)
                tell("页码填入目录，再生成一次 PDF")
                render(heading_pages(pdf_path, plan["toc"]))
                numbered = True
                pdf_path = to_pdf(out, out.parent)
            except (MissingDependency, PdfConversionFailed) as exc:
                # the DOCX is written before LibreOffice is asked for the PDF: say it is there, not only that
                # the PDF failed
                exc.hint = f"汇编的 DOCX 已生成：{out}（目录{'已' if numbered else '未'}填页码）。{exc.hint}"
                raise
    counts = plan["counts"]
    classified = tuple({"id": d.id, "title": _title(d), "secrecy": d.secrecy} for d in selection.documents()
                       if state_secret(d.secrecy))
    return DossierResult(out, counts["documents"], counts["pages"], counts["sections"], counts["photos"], pdf_path,
                         classified)


def make_dossier(ws: Workspace, out: Path, *, items: tuple[str, ...] = (), query: str | None = None,
                 doc_type: str | None = None, date_from: str | None = None, date_to: str | None = None,
                 taxonomy: Taxonomy | None = None, **options: Any) -> DossierResult:
    """Select, then build: the one call behind `dangan dossier`.

    With a taxonomy, sections are its 测评内容 with their evidence numbered (none given: every
    测评内容 that has evidence); without, the items' linked documents as before.
    """
    check_docx_out(out, "汇编", pdf_option=True)
    if options.get("progress"):
        options["progress"]("选取材料")
    if taxonomy is not None:
        from dangan.compose.evidence_select import select_evidence

        selection = select_evidence(ws, taxonomy, items, query=query, doc_type=doc_type, date_from=date_from,
                                    date_to=date_to)
    else:
        selection = select(ws, items=items, query=query, doc_type=doc_type, date_from=date_from, date_to=date_to)
    # a ZIP batch is listed (and its original appended) once, as its members, as package hands it over
    result = build_dossier(ws, batches_as_members(ws, selection), out, taxonomy_name=taxonomy.name if taxonomy else None, **options)
    audit.note(ws.catalog_path, "export", f"dossier:{out.name}",
               {"items": list(items), "query": query, "taxonomy": taxonomy.code if taxonomy else None,
                "originals": bool(options.get("with_originals"))})
    return result
