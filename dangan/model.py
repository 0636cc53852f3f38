"""Typed records passed between pipeline stages.

Stages return new records and never mutate their input.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from dangan.fields import META


@dataclass(frozen=True, slots=True)
class Incoming:
    """A file about to be ingested, identified by its content."""

    path: Path
    mime: str
    size: int
    sha256: str
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    text: str
    origin: Literal["text", "ocr"] = "text"
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Table:
    page: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """A line of the first page with its largest font size (PDF and OFD)."""

    text: str
    size: float
    top: float


@dataclass(frozen=True, slots=True)
class Seal:
    """An electronic seal stamped on the file (an OFD's SES seal): its name as the seal holds it, the organ
    that name gives ("" when none), when and by which program it was signed, where it sits."""

    name: str
    organ: str = ""
    signed_at: str = ""    # SignatureDateTime, ISO
    provider: str = ""
    page: int | None = None
    boundary: str = ""     # x y width height, mm

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "organ": self.organ, "signed_at": self.signed_at, "provider": self.provider,
                "page": self.page, "boundary": self.boundary}


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture embedded in an office file, worth reading by OCR (a photo, a scanned notice): its place among
    the file's pictures read (1-based, document order), the package part that holds it, its size in pixels."""

    number: int
    part: str      # e.g. word/media/image3.jpeg
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Extracted:
    pages: tuple[Page, ...]
    extractor: str
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    needs_ocr: bool = False
    layout: tuple[LayoutLine, ...] = ()
    taken_at: str | None = None  # EXIF date of a photo, ISO
    page_count: int | None = None
    hints: dict[str, str] = field(default_factory=dict)   # the file's own title/author/date (OFD DocInfo, HTML <title>)
    needs_conversion: bool = False   # LibreOffice missing: archived now, read by `dangan convert`
    page_count_estimated: bool = False  # True when page_count is reckoned from the text, not read
    seals: tuple[Seal, ...] = ()   # electronic seals (OFD)
    pictures: tuple[Picture, ...] = ()   # embedded pictures for OCR (DOCX, PPTX): their text is kept apart
    attachments: tuple[str, ...] = ()   # names of the files embedded in a PDF (read/extract/pdf_attachments)

    @property
    def wants_ocr(self) -> bool:
        """Pages without text or pictures to read: the OCR stage has work on this file."""
        return self.needs_ocr or bool(self.pictures)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages if p.text)


@dataclass(frozen=True, slots=True)
class Normalised:
    """Search text derived from the raw text; offsets[i] is the raw index of text[i]."""

    text: str
    raw_text: str
    offsets: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Stored:
    sha256: str
    relpath: str
    size: int


@dataclass(frozen=True, slots=True)
class Document:
    """One catalog row (the unit of the archive, a 件)."""

    id: int
    sha256: str
    size: int
    mime: str
    original_name: str
    relpath: str
    pages: int | None = None
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    doc_date: str | None = None
    recipients: str | None = None
    cc: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    text: str = ""
    needs_ocr: bool = False
    needs_conversion: bool = False
    taken_at: str | None = None
    archival_code: str | None = None
    retention: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    ingested_at: str = ""
    updated_at: str = ""
    pages_estimated: bool = False   # pages reckoned from the text (22 lines × 28 characters), not read
    posted_date: str | None = None  # 网页发布时间 of a web copy (ISO day): the site's, never the 成文日期

    META_FIELDS = META

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        if not with_text:
            out.pop("text")
        return out


Status = Literal["added", "duplicate", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    status: Status
    path: Path
    document_id: int | None = None
    title: str | None = None
    error_code: str | None = None
    reason: str | None = None
    needs_ocr: bool = False
    needs_conversion: bool = False   # archived; read by `dangan convert` once LibreOffice is installed
    mime: str | None = None    # the type detected from the content (None: skipped as unchanged)
    pages: int = 0             # pages read (added documents), for progress
    notes: tuple[str, ...] = ()   # 读取提示: what the reader noted on a document it read anyway (kept in the catalog)
    members: tuple[IngestResult, ...] = ()   # an archive's members, nested ones included, each taken on its own


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    score: float
    title: str | None
    doc_type: str | None
    doc_number: str | None
    issuer: str | None
    doc_date: str | None
    path: str | None
    snippet: str
    name: str = ""                      # the original file name, the terms it holds marked (else "")
    matched_in: tuple[str, ...] = ()    # where the terms were found: "text", "title", "issuer", "number", "name", "pictures"
    # an OFD's attachment: the OFD and the 件 it is filed in (archive/attachments.filed_in); else None, not listed
    attachment_of: dict[str, Any] | None = None
    # found by the looser pass (index/loose.py): the parts of the query this hit lacks; else (), not listed
    missing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__
                if (name != "attachment_of" or self.attachment_of is not None) and (name != "missing" or self.missing)}


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: tuple[SearchHit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    offset: int = 0
    undated: int | None = None     # with a date filter: matches left out for having no 成文日期
    suggestions: tuple[dict[str, Any], ...] = ()   # “您是不是要找”: term, replacement, kind, documents, query
    loose: tuple[dict[str, str], ...] = ()   # bare terms with marks (〔2023〕) no document holds as written
    # with a date filter: of the undated matches, those whose 网页发布时间 is in the range (id, title, posted_date)
    posted: tuple[dict[str, Any], ...] = ()
    # no document held every term: the hits hold most of them (index/loose.py) — required (how many parts
    # each hit holds at least), parts (all of them), unmatched (the parts the first hit lacks); else None
    relaxed: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"total": self.total, "results": [h.to_dict() for h in self.hits]}
        if self.facets:
            out["facets"] = self.facets
        if self.offset:
            out["offset"] = self.offset
        if self.undated is not None:
            out["undated"] = self.undated
        if self.suggestions:
            out["suggestions"] = list(self.suggestions)
        if self.loose:
            out["loose"] = list(self.loose)
        if self.posted:
            out["posted_in_range"] = list(self.posted)
        if self.relaxed is not None:
            out["relaxed"] = self.relaxed
        return out


@dataclass(frozen=True, slots=True)
class MetaValue:
    """One official-document element as read, with how sure we are and where it stood."""

    value: str
    confidence: float
    span: tuple[int, int] | None = None  # character offsets in the text it was read from


# The confidence of a title the reader took from the file's name, no title found in the text (a descriptive name, a
# sheet's or a photo's name); its last resort, the bare stem, is lower still. The 归档文件目录 brackets such a title.
FILE_NAME_CONFIDENCE = 0.4


@dataclass(frozen=True, slots=True)
class OfficialMeta:
    """GB/T 9704 elements read from a document; None where absent (never invented)."""

    title: MetaValue | None = None
    doc_number: MetaValue | None = None   # 发文字号, normalised to 〔YYYY〕
    issuer: MetaValue | None = None       # 发文机关
    doc_date: MetaValue | None = None     # 成文日期, ISO YYYY-MM-DD
    recipients: MetaValue | None = None   # 主送机关
    cc: MetaValue | None = None           # 抄送机关
    secrecy: MetaValue | None = None      # 密级
    urgency: MetaValue | None = None      # 紧急程度
    doc_type: MetaValue | None = None     # 文种
    attachments: tuple[str, ...] = ()     # 附件 list
    posted_date: MetaValue | None = None  # 网页发布时间: when a site posted this copy (its posting row), not a 成文日期

    FIELDS = META

    def values(self) -> dict[str, str | None]:
        return {name: (v.value if (v := getattr(self, name)) else None) for name in self.FIELDS}

    def catalog_values(self) -> dict[str, str | None]:
        """What the catalog keeps of a reading: the GB/T 9704 elements and the 网页发布时间 (ingest, and every
        re-reading after OCR or a conversion, store the same set)."""
        return {**self.values(), "posted_date": self.posted_date.value if self.posted_date else None}
