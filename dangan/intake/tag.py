"""Edit a document's elements, items, evidence links and photo captions by hand, then reindex it.

Manual values carry origin `manual`: a later automatic pass never overwrites them.
`--item Ⅲ-77 --req 1` attaches the document to requirement 1 of 测评内容 Ⅲ-77 of
the chosen taxonomy (manual evidence); `--remove-item` detaches it for good. A
photo's caption (时间、地点、人物、主题、背景、事由) is set with `--set 地点=…`:
时间 is the EXIF time (taken_at), the other five are kept in its tags.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from dangan import fields
from dangan.archive import audit
from dangan.archive.catalog import EDITABLE, Catalog
from dangan.archive.evidence_links import evidence_rows, link_evidence, unlink_evidence
from dangan.errors import BadQuery, InvalidDate, UnknownDocType
from dangan.index.query import normalise_number
from dangan.index.session import WriterSession
from dangan.model import Document
from dangan.read.understand.taxonomy import Taxonomy, did_you_mean, workspace_taxonomy
from dangan.text.dates import parse_date_strict
from dangan.workspace import Workspace

FIELD_NAMES = {name: field for name, field in fields.ALIASES.items() if name != field}
CAPTION = ("时间", "地点", "人物", "主题", "背景", "事由")    # a photo's caption in the dossier
CAPTION_TAGS = CAPTION[1:]                                 # 时间 is taken_at


class EvidenceLink(TypedDict):
    taxonomy: str
    content: str    # 测评内容 code
    req: int        # its requirement (0: the content as a whole)
    origin: str     # manual / auto


@dataclass(frozen=True, slots=True)
class Tagged:
    """A document after hand edits, with its items, evidence links, caption and notes."""

    document: Document
    items: tuple[str, ...]
    evidence: tuple[EvidenceLink, ...]
    caption: dict[str, str]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        doc = self.document
        return {**{k: getattr(doc, k) for k in doc.META_FIELDS},
                **({"taken_at": doc.taken_at} if doc.taken_at else {}),
                **({"posted_date": doc.posted_date} if doc.posted_date else {}),
                "items": list(self.items),
                **({"caption": self.caption} if self.caption else {}), "evidence": list(self.evidence),
                **({"notes": list(self.notes)} if self.notes else {})}


def parse_assignments(pairs: Iterable[str], *, empty_clears: bool = True) -> dict[str, str | None]:
    """'发文机关=区文明办' / 'issuer=…' / '地点=…' → {'issuer': '…', '地点': '…'}.

    An empty value ('标题=') clears the field when `empty_clears` (the web desk's form, where
    emptying a box is the clear); the CLI refuses it and clears only with `--clear 标题`.
    """
    out: dict[str, str | None] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        field = _field(name.strip(), pair if not sep else None)
        if not value.strip() and not empty_clears:
            raise BadQuery(f"著录项“{name.strip()}”的值为空（{pair}）",
                           hint=f"写成 {name.strip()}=值；确要清除该著录项，请用 --clear {name.strip()}。")
        value = value.strip()
        out[field] = (value or None) if field in CAPTION_TAGS else clean_value(field, value)
    return out


def parse_clears(names: Iterable[str]) -> dict[str, None]:
    """'标题' / '成文日期' / '地点' (`dangan tag --clear`) → {'title': None, …}: the fields to empty."""
    return {_field(name.strip(), usage="名称，如 --clear 发文字号"): None for name in names}


def parse_edits(pairs: Iterable[str], clears: Iterable[str]) -> dict[str, str | None]:
    """The CLI's edits: `--set 名称=值` (an empty value refused) and `--clear 名称`, never both for one field."""
    cleared, values = parse_clears(clears), parse_assignments(pairs, empty_clears=False)
    both = [name for name in clears if _field(name.strip()) in values]
    if both:
        raise BadQuery(f"同一著录项不能既设定又清除：{'、'.join(both)}", hint="去掉其中一个 --set 或 --clear。")
    return {**cleared, **values}


def _field(name: str, bad: str | None = None, usage: str = "名称=值") -> str:
    """The catalog field (or caption tag) a user's name stands for; BadQuery for an unknown name or `bad`."""
    field = name if name in CAPTION_TAGS else "taken_at" if name == "时间" else FIELD_NAMES.get(name, name)
    if bad is not None or (field not in EDITABLE and field not in CAPTION_TAGS):
        known = "、".join(sorted(set(FIELD_NAMES) | set(CAPTION)))
        raise BadQuery(f"无法识别的著录项：“{bad or name}”", hint=f"可用：{known}，写成 {usage}。")
    return field


def clean_value(field: str, value: str) -> str | None:
    if not value:
        return None
    if field == "doc_number":
        return normalise_number(value)
    if field in ("doc_date", "posted_date"):   # 成文日期, 网页发布时间: one calendar day
        day = parse_date_strict(value)   # InvalidDate (日期无效：…) for 2024-13-01
        if day > date.today():   # a browser's date box turns 2024年3月32日 typed into it into 4332-02-02
            raise InvalidDate(value=value, reason=f"晚于今天 {date.today().isoformat()}，请核对年份")
        return day.isoformat()
    if field == "taken_at":
        return taken_at(value)
    if field in KNOWN_VALUES and not KNOWN_VALUES[field][0].fullmatch(value):
        raise BadQuery(f"{fields.LABELS[field]}“{value}”不是可用的写法", hint=KNOWN_VALUES[field][1])
    return value


KNOWN_VALUES = {   # GB/T 9704's 密级 (with its 保管期限) and 紧急程度, and the marks offices add
    "secrecy": (re.compile(r"(?:绝密|机密|秘密)(?:[★☆*](?:[\d一二三四五六七八九十]+(?:年|个月)|长期))?|内部|工作秘密|公开|非密"),
                "密级写成 绝密、机密、秘密（可带保管期限，如 机密★1年），或 内部、工作秘密、公开。"),
    "urgency": (re.compile(r"特急|加急|特提|平急"), "紧急程度写成 特急、加急、特提 或 平急。"),
}


# a day, then a time as typed or as a clerk writes it: 14:30, 14:30:05, 9时30分, 上午9点, 下午3点半
MOMENT = re.compile(r"(?P<day>.+?)(?:[ T　]*(?P<half>上午|早上|中午|下午|晚上)?[ 　]*(?P<h>\d{1,2})"
                    r"(?:[:：](?P<m>\d{2})(?:[:：](?P<s>\d{2}))?"
                    r"|[时点點](?:(?P<cm>\d{1,2})分?|(?P<half_hour>半))?(?:(?P<cs>\d{1,2})秒)?))?")
TAKEN_HINT = "拍摄时间写成 2024-06-05 14:30、2024年6月5日下午2时30分，或只写日期 2024-06-05。"


def taken_at(value: str) -> str:
    """A photo's 拍摄时间 as typed (2024-06-05, 2024年6月5日 14:30, 2024-06-05T14:30:00, 2024年6月5日下午2时30分,
    上午9点) → ISO, as EXIF gives it; InvalidDate for a day or a time that does not exist, or one not read."""
    match = MOMENT.fullmatch(value.strip())
    try:
        day = parse_date_strict(match["day"] if match else value)
    except InvalidDate as exc:   # the date's hint (日期须写到日) said nothing of the time a clerk typed after it
        raise InvalidDate(exc.message, hint=TAKEN_HINT) from exc
    if not match or match["h"] is None:
        return day.isoformat()
    hour = int(match["h"]) + (12 if match["half"] in ("下午", "晚上") and int(match["h"]) < 12 else 0)
    minute = 30 if match["half_hour"] else int(match["m"] or match["cm"] or 0)
    second = int(match["s"] or match["cs"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise InvalidDate(value=value, reason="时刻应在 00:00 到 23:59 之间", hint=TAKEN_HINT)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}"


def checked_doc_type(value: str) -> str:
    """A 文种 set by hand must be one of the vocabulary (`fields.DOC_TYPES`, or a synonym such as
    会议纪要 for 纪要), else UnknownDocType."""
    canonical = fields.canonical_doc_type(value)
    if canonical is None:
        raise UnknownDocType(value=value)
    return canonical


def tag_document(ws: Workspace, doc_id: int, *, fields: Mapping[str, str | None] | None = None,
                 add_items: Iterable[str] = (), remove_items: Iterable[str] = (), req: int | None = None,
                 taxonomy: Taxonomy | None = None) -> Tagged:
    """Apply manual edits and reindex the document; returns its elements, items, caption and evidence."""
    taxonomy = taxonomy or workspace_taxonomy(ws)
    add, remove = list(add_items), list(remove_items)
    edits = dict(fields or {})
    if edits.get("doc_type") is not None:
        edits["doc_type"] = checked_doc_type(str(edits["doc_type"]))
    captions = {k: edits.pop(k) for k in list(edits) if k in CAPTION_TAGS}
    with WriterSession(ws) as session:
        catalog = session.catalog
        doc = before = catalog.get(doc_id)  # raises DocumentNotFound
        before_codes = catalog.item_codes(doc_id)
        before_evidence = _links(catalog, taxonomy, doc_id)
        if edits:
            catalog.update_fields(doc_id, edits, origin="manual")
        if captions:
            tags = {**doc.tags, **captions}
            catalog.set_tags(doc_id, {k: v for k, v in tags.items() if v})
        _edit_items(catalog, taxonomy, doc_id, add, remove, req)
        doc = catalog.get(doc_id)
        codes = catalog.item_codes(doc_id)
        evidence = tuple(EvidenceLink(taxonomy=taxonomy.code, content=e["content"], req=e["req"], origin=e["origin"])
                         for e in evidence_rows(catalog, taxonomy.code, doc_id))
        _audit(catalog, before, before_codes, before_evidence, doc, codes, _links(catalog, taxonomy, doc_id))
        session.refresh(doc_id)
    caption = {k: value for k in CAPTION_TAGS if (value := doc.tags.get(k))}
    return Tagged(doc, tuple(codes), evidence, caption, tuple(_code_notes(before, doc)))


def _code_notes(before: Document, after: Document) -> list[str]:
    """A 档号 never changes (DA/T 22): say so when the day it was given under (成文日期, else 网页发布时间) moves
    to another year."""
    code = after.archival_code
    day = after.doc_date or after.posted_date   # the year a 档号 was given under (网页发布时间: inferred)
    if not code or (before.doc_date or before.posted_date) == day:
        return []
    year = code.split("·", 1)[-1][:4]
    if (day or "")[:4] == year:
        return []
    if before.doc_date != after.doc_date:
        now = f"成文日期改为 {after.doc_date}" if after.doc_date else "成文日期已清除"
    else:
        now = f"网页发布时间改为 {after.posted_date}" if after.posted_date else "网页发布时间已清除"
    return [f"该文件已有档号 {code}（{year} 年度），{now}后档号不变，仍列在 {year} 年度的归档文件目录中。"]


def _links(catalog: Catalog, taxonomy: Taxonomy, doc_id: int) -> list[str]:
    return sorted(f"{e['content']}#{e['req']}" for e in evidence_rows(catalog, taxonomy.code, doc_id)
                  if e["origin"] == "manual")


def _audit(catalog: Catalog, before: Document, before_codes: tuple[str, ...], before_links: list[str],
           after: Document, codes: tuple[str, ...], links: list[str]) -> None:
    """One audit entry with the elements, items and manual evidence that changed, before and after."""
    changed = [k for k in (*after.META_FIELDS, "posted_date") if getattr(before, k) != getattr(after, k)]
    old = {k: getattr(before, k) for k in changed}
    new = {k: getattr(after, k) for k in changed}
    if before.tags != after.tags:
        old["tags"], new["tags"] = before.tags, after.tags
    if set(before_codes) != set(codes):
        old["items"], new["items"] = sorted(before_codes), sorted(codes)
    if before_links != links:
        old["evidence"], new["evidence"] = before_links, links
    if new:
        audit.record(catalog, "tag", f"doc:{after.id}", {"before": old, "after": new})


def _edit_items(catalog: Catalog, taxonomy: Taxonomy, doc_id: int, add: list[str], remove: list[str],
                req: int | None) -> None:
    """Item links (the catalog's items) and manual evidence under the taxonomy, checked first."""
    if req is not None and len(add) != 1:
        raise BadQuery("--req 需与一个 --item 同用", hint="例：dangan tag 12 --item Ⅲ-77 --req 1")
    links: list[tuple[str, int]] = []
    for code in add:
        content = taxonomy.content(code)
        if content is None and catalog.item(code) is None:
            raise BadQuery(f"未知的测评项目代码：{code}{did_you_mean(taxonomy, code)}（测评体系 {taxonomy.code}）",
                           hint="用 dangan taxonomy show 查看测评项目和测评内容的代码，或用 --taxonomy 指定体系。")
        if content is not None:
            if req is not None and content.requirement(req) is None:
                numbers = "、".join(str(r.no) for r in content.requirements) or "无"
                raise BadQuery(f"{code} 没有第 {req} 条网上申报要求（可用：{numbers}）",
                               hint=f"用 dangan taxonomy show {code} 查看其申报要求。")
            links.append((content.code, req or 0))
    if not (add or remove):
        return
    known = [code for code in add if catalog.item(code) is not None]
    if known:
        catalog.link_items(doc_id, dict.fromkeys(known, 1.0), "manual")
    catalog.unlink_items(doc_id, remove)
    for content_code, number in links:
        link_evidence(catalog, doc_id, taxonomy.code, content_code, number)
    for code in remove:
        content = taxonomy.content(code)
        if content is not None:
            unlink_evidence(catalog, doc_id, taxonomy.code, content.code)
