"""档号 (DA/T 22-2015): 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号.

`assign_codes` gives every document of a year that has none yet the next 件号
of its group (same 全宗号, 年度, 保管期限 and 机构代码), in date order. A number,
once given, never changes: documents that arrive later get the numbers after
the last one given. Documents without a 成文日期 belong to no year: they are in
no year's list, and every run reports how many there are, why each has no date
and how to give it one (`report.undated`) — except a web copy whose site recorded
when it posted it (网页发布时间, `posted_date`): its year is inferred from that and
marked so, as 著录 writes an inferred date in square brackets ([2022-03-26]), and
the report says how many were inferred (`report.inferred`). All writes go through
`Catalog.transaction()`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dangan.archive import audit
from dangan.archive.attachments import attachment_parents, filed_with
from dangan.archive.catalog import OCR_FAILED, Catalog, now_iso
from dangan.archive.selections import ARCHIVE_DAY, batches_with_members
from dangan.errors import ArchivalCodeError

__all__ = ["ArchivalCode", "ArchivalCodeError", "AssignReport", "CATEGORY", "RETENTIONS", "assign_codes",
           "fonds_in_use", "format_code", "inferred_date", "parse_code", "undated_documents", "year_documents"]

CATEGORY = "WS"   # 文书
RETENTIONS = {"Y": "永久", "D30": "定期30年", "D10": "定期10年"}
DEFAULT_RETENTION = "D30"
CODE = re.compile(r"^(?P<fonds>[0-9A-Za-z]+)-(?P<category>[A-Z]+)·(?P<year>\d{4})-(?P<retention>Y|D30|D10)-"
                  r"(?P<org>[0-9A-Za-z]+)-(?P<number>\d{4,})$")
SEGMENT = re.compile(r"^[0-9A-Za-z]{1,12}$")


@dataclass(frozen=True, slots=True)
class ArchivalCode:
    fonds: str
    year: int
    retention: str
    org: str
    number: int
    category: str = CATEGORY

    @property
    def prefix(self) -> str:
        return f"{self.fonds}-{self.category}·{self.year}-{self.retention}-{self.org}-"

    def __str__(self) -> str:
        return f"{self.prefix}{self.number:04d}"


UNDATED_HINT = "补录成文日期：dangan tag 编号 --set 成文日期=2022-03-26，再运行 dangan archive --year 年度。"
OCR_FIRST = "扫描件先运行 dangan ocr --pending，识别后多能读出成文日期。"
CONVERT_FIRST = "旧格式文件（.doc/.wps 等）先运行 dangan convert --pending（需 LibreOffice）。"


@dataclass
class AssignReport:
    year: int
    assigned: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    undated: list[dict[str, Any]] = field(default_factory=list)   # in no year: id, title, reason
    batches: int = 0   # ZIP/7z/RAR batches of the year filed as their catalogued members (no 档号 of their own)
    attached: int = 0   # OFD attachments filed with their OFD, in its 件 (no 档号 of their own)
    attachments_kept: int = 0   # OFD attachments given a 档号 of their own before: kept, never taken back

    @property
    def inferred(self) -> int:
        """Documents given a 档号 of a year inferred from their 网页发布时间 (no 成文日期 stated)."""
        return sum(1 for row in self.assigned if row.get("inferred"))

    def undated_reasons(self) -> dict[str, int]:
        """How many undated documents for each reason, the commonest first."""
        counts: dict[str, int] = {}
        for row in self.undated:
            counts[row["reason"]] = counts.get(row["reason"], 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "assigned": self.assigned, "kept": len(self.kept), "inferred": self.inferred,
                "batches": self.batches, "attached": self.attached, "attachments_kept": self.attachments_kept,
                "undated": {"count": len(self.undated), "reasons": self.undated_reasons(),
                            "documents": self.undated, "hint": self._hint()}}

    def _hint(self) -> str | None:
        if not self.undated:
            return None
        scans = any(row["needs_ocr"] for row in self.undated)
        old = any(row["needs_conversion"] for row in self.undated)
        return UNDATED_HINT + (OCR_FIRST if scans else "") + (CONVERT_FIRST if old else "")


def format_code(fonds: str, year: int, retention: str, org: str, number: int) -> str:
    return str(ArchivalCode(fonds, year, retention, org, number))


def parse_code(text: str | None) -> ArchivalCode | None:
    match = CODE.match(text or "")
    if not match:
        return None
    return ArchivalCode(match["fonds"], int(match["year"]), match["retention"], match["org"],
                        int(match["number"]), match["category"])


def _check(year: int, fonds: str, retention: str | None, org: str) -> None:
    if not 1900 <= year <= 2999:
        raise ArchivalCodeError(detail=f"年度 {year} 不是四位年份")
    if not SEGMENT.match(fonds or ""):
        said = f"全宗号“{fonds}”应为 1–12 位字母或数字，如 0194" if fonds else "还没有全宗号"
        raise ArchivalCodeError(detail=said,
                                hint="用 --fonds 指定，或在 dangan.toml 的 [workspace] fonds 中设置。")
    if retention is not None and retention not in RETENTIONS:
        raise ArchivalCodeError(detail=f"保管期限“{retention}”应为 Y（永久）、D30（定期30年）或 D10（定期10年）")
    if not SEGMENT.match(org or ""):
        raise ArchivalCodeError(detail=f"机构（问题）代码“{org}”应为 1–12 位字母或数字，如 BGS")


def fonds_in_use(catalog: Catalog) -> tuple[str, str] | None:
    """The 全宗号 and 机构代码 of the latest 档号 given, for a workspace whose settings name none: the
    desk's form offers them again rather than an empty box the clerk must remember."""
    row = catalog.conn.execute("SELECT archival_code FROM documents WHERE coalesce(archival_code, '') != '' "
                               "ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
    code = parse_code(row[0]) if row else None
    return (code.fonds, code.org) if code else None


def inferred_date(doc_date: str | None, posted_date: str | None) -> str:
    """The date a catalogue prints: the 成文日期, or the posting time in square brackets (著录: an inferred date)."""
    return doc_date or (f"[{posted_date}]" if posted_date else "")


def year_documents(catalog: Catalog, year: int) -> tuple[list[dict[str, Any]], set[int]]:
    """Documents of `year`, in date order (then id): those without a 档号 dated in it (by their 网页发布时间 when
    they state no date: inferred), and those whose 档号 is of it (a 档号 stays when the 成文日期 is corrected);
    and the ids of the ZIP/7z/RAR batches dated in it left out, filed as their catalogued members. An OFD's
    attachments without a 档号 are left out whatever their date: they are filed in their OFD's 件."""
    parents = attachment_parents(catalog.conn)
    rows = [dict(r) for r in catalog.conn.execute(
        f"SELECT id, title, original_name, doc_date, posted_date, archival_code, retention FROM documents "
        f"WHERE (coalesce(archival_code, '') = '' AND substr({ARCHIVE_DAY}, 1, 4) = ?) OR archival_code LIKE ? "
        f"ORDER BY {ARCHIVE_DAY}, id", (f"{year:04d}", f"%·{year:04d}-%"))]
    rows = [r for r in rows if r["archival_code"] or filed_with(parents, r["id"]) == r["id"]]
    batches = batches_with_members(catalog.conn, [r["id"] for r in rows if not r["archival_code"]])
    return [r for r in rows if r["id"] not in batches], batches


def undated_documents(catalog: Catalog) -> list[dict[str, Any]]:
    """Documents without a 成文日期 and without a 档号, each with why it has no date."""
    rows = catalog.conn.execute(
        "SELECT id, coalesce(title, original_name) AS title, needs_ocr, needs_conversion, "
        "length(trim(text)) AS chars FROM documents "
        "WHERE coalesce(doc_date, '') = '' AND coalesce(posted_date, '') = '' AND coalesce(archival_code, '') = '' "
        "ORDER BY id").fetchall()
    parents = attachment_parents(catalog.conn)   # an OFD's attachment is dated by its 件, the OFD
    left_out = batches_with_members(catalog.conn, [r["id"] for r in rows]) | {
        r["id"] for r in rows if filed_with(parents, r["id"]) != r["id"]}
    return [{"id": r["id"], "title": r["title"],
             "reason": _why_undated(r["needs_ocr"], r["chars"], r["needs_conversion"]),
             "needs_ocr": r["needs_ocr"] == 1, "needs_conversion": bool(r["needs_conversion"])}
            for r in rows if r["id"] not in left_out]


def _why_undated(needs_ocr: int, chars: int | None, needs_conversion: int = 0) -> str:
    if needs_conversion:
        return "旧格式文件尚未转换，读不出成文日期"
    if needs_ocr == OCR_FAILED:
        return "扫描件或照片文字识别失败，读不出成文日期"
    if needs_ocr:
        return "扫描件尚未识别文字，读不出成文日期"
    if not chars:
        return "没有提取到正文，读不出成文日期"
    return "正文没有写明成文日期"


def _count_attachments(catalog: Catalog, report: AssignReport, filed: set[int]) -> None:
    """How many OFD attachments this year's 件 hold (filed with their OFD, DA/T 22-2015 5.1.1: 正文与附件为一件),
    and how many of the year's kept 档号 are attachments an older dangan numbered as 件 of their own."""
    parents = attachment_parents(catalog.conn)
    for attachment in parents.values():
        top = filed_with(parents, attachment.id)
        if attachment.coded:
            report.attachments_kept += attachment.id in filed
        elif top != attachment.id and top in filed:
            report.attached += 1


def _last_numbers(conn: Any, prefixes: set[str]) -> dict[str, int]:
    last: dict[str, int] = {}
    for prefix in prefixes:
        rows = conn.execute("SELECT archival_code FROM documents WHERE archival_code LIKE ? ESCAPE '\\'",
                            (prefix.replace("_", "\\_").replace("%", "\\%") + "%",))
        numbers = [code.number for (text,) in rows if (code := parse_code(text)) and code.prefix == prefix]
        last[prefix] = max(numbers, default=0)
    return last


def assign_codes(catalog: Catalog, year: int, fonds: str, *, retention: str | None = None,
                 org_code: str = "BGS") -> AssignReport:
    """Give the documents of `year` without a 档号 the next 件号 of their group.

    `retention` applies to every new code; without it a document keeps the
    保管期限 it was given before, or gets D30.
    """
    fonds, org_code = fonds.strip(), org_code.strip().upper()
    _check(year, fonds, retention, org_code)
    report = AssignReport(year)
    with catalog.transaction() as conn:
        documents, batches = year_documents(catalog, year)
        report.batches = len(batches)
        _count_attachments(catalog, report, {doc["id"] for doc in documents})
        todo = []
        for doc in documents:
            if doc["archival_code"]:
                report.kept.append(doc)
                continue
            period = retention or (doc["retention"] if doc["retention"] in RETENTIONS else DEFAULT_RETENTION)
            todo.append((doc, ArchivalCode(fonds, year, period, org_code, 0).prefix, period))
        last = _last_numbers(conn, {prefix for _, prefix, _ in todo})
        stamp = now_iso()
        for doc, prefix, period in todo:
            last[prefix] += 1
            code = f"{prefix}{last[prefix]:04d}"
            conn.execute("UPDATE documents SET archival_code = ?, retention = ?, updated_at = ? WHERE id = ?",
                         (code, period, stamp, doc["id"]))
            inferred = not doc["doc_date"] and bool(doc["posted_date"])
            report.assigned.append({"id": doc["id"], "code": code, "title": doc["title"] or doc["original_name"],
                                    "date": inferred_date(doc["doc_date"], doc["posted_date"]),
                                    **({"inferred": True} if inferred else {})})
        if report.assigned:   # 档号 are the archive's own act (DA/T 22): who gave which, and when
            codes = [row["code"] for row in report.assigned]
            audit.append(conn, "archive", f"year:{year}", {
                "documents": len(codes), "ids": [row["id"] for row in report.assigned],
                "range": codes[0] if len(codes) == 1 else f"{min(codes)} 至 {max(codes)}"})
        report.undated = undated_documents(catalog)
    return report
