"""An OFD 公文's attachments are filed with it, as one 件.

DA/T 22-2015 5.1.1 (组件): "归档文件一般以每份文件为一件。文件正本与定稿为一件，正文与附件为一件，原件与
复制件为一件，转发文与被转发文为一件……"; 5.5 (编目), 页数: "每一件归档文件的页数". intake/unpack takes each
attachment of an OFD (GB/T 33190 §20) as a document of its own — read, indexed, searchable — recorded under a
source path below one of the OFD's own (`通知.ofd/附件/名称.docx`), as a ZIP's members are below the ZIP's
(`报送.zip/通知.docx`). The relation is read from those paths, as `selections.archive_members` reads a ZIP's;
no column holds it. The two differ in what they are: a ZIP is only a container, its members stay 件 of their
own; the OFD is the 正文, its attachments belong to its 件 — no 档号 of their own, no row of their own in the
归档文件目录 (the OFD's row counts their pages and names them in 备注), no undated document to fix. An
attachment an older dangan gave a 档号 of its own keeps it: a 档号, once given, is never taken back.
An attachment whose text an archived document already holds was taken as another original of it (同文异版,
archive/variants) and is no document here at all.

A PDF's embedded files (ISO 32000-1 §7.11.4, read/extract/pdf_attachments) are taken and recorded the same way
(`通知.pdf/附件/名称.docx`) and belong to the PDF's 件 alike: the 公文 systems that send a PDF with its 附件
inside it mean what an OFD's attachment list means.
A container whose 正文 an archived document already holds (同文异版: the notice sent again, with other or
corrected attachments) is only another original of that document; its attachments belong to that document's 件.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from dangan.read.extract.detect import OFD, PDF

CONTAINERS = (OFD, PDF)   # the formats whose attachments are filed with them

__all__ = ["Attachment", "attachment_parents", "display_name", "filed_in", "filed_with", "members_of",
           "together", "with_attachments"]

MARK = "/附件/"   # intake/unpack's label: `通知.ofd/附件/名称`
MAX_NESTING = 8   # an OFD attached to an OFD: bounded, as selections.hand_over_once is
NUMBERED = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:、.．]\s*")


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int         # the attachment's document
    parent: int     # the OFD it was taken from (its nearest container)
    name: str       # its name in the OFD's attachment list, with the suffix intake gave it
    coded: bool     # given a 档号 of its own before (kept: a 件 of its own)
    container: str = OFD   # the format it was attached in (a 同文异版 PDF's parent may be a DOCX)


def attachment_parents(conn: sqlite3.Connection) -> dict[int, Attachment]:
    """Every catalogued OFD attachment by its document id, with the OFD it was taken from.

    A document first recorded under `x.ofd/附件/…` of an OFD's source path is that OFD's attachment; when it
    is under two (an OFD attached to an OFD), the nearest, the longest path, is its container. A document that
    came in on its own first and later also as an attachment (the same bytes) stays a 件 of its own: it was
    filed before the OFD came; the OFD still lists it among its attachments (`show`)."""
    ofds = {path: (doc_id, mime) for path, doc_id, mime in conn.execute(
        "SELECT s.path, s.document_id, d.mime FROM sources s JOIN documents d ON d.id = s.document_id "
        "WHERE d.mime IN (?, ?)", CONTAINERS)}
    # A container kept as another original of a document (同文异版: the same 正文 sent again with other
    # attachments) is recorded only among that document's variants; what was attached to it joins that 件.
    ofds.update((path, (doc_id, mime)) for path, doc_id, mime in conn.execute(
        "SELECT source, document_id, mime FROM variants WHERE mime IN (?, ?) AND source IS NOT NULL", CONTAINERS))
    if not ofds:
        return {}
    rows = conn.execute(   # each document's first source, when it is under some 附件/
        "SELECT s.document_id, s.path, coalesce(m.archival_code, '') != '' FROM sources s "
        "JOIN documents m ON m.id = s.document_id WHERE instr(s.path, '/附件/') > 0 "
        "AND s.id = (SELECT min(id) FROM sources WHERE document_id = s.document_id) ORDER BY s.id")
    found: dict[int, Attachment] = {}
    for member, path, coded in rows:
        cut = path.rfind(MARK)
        while cut > 0:   # the nearest OFD first: `a.ofd/附件/b.ofd/附件/c.docx` is b's
            parent, container = ofds.get(path[:cut], (None, OFD))
            if parent is not None and parent != member:
                found[member] = Attachment(member, parent, path[cut + len(MARK):], bool(coded), container)
                break
            cut = path.rfind(MARK, 0, cut)
    return found


def filed_with(parents: dict[int, Attachment], doc_id: int) -> int:
    """The document whose 件 `doc_id` belongs to: itself, or the OFD at the top of its attachments' chain (an
    attachment with a 档号 of its own is its own 件)."""
    current = doc_id
    for _ in range(MAX_NESTING):
        attachment = parents.get(current)
        if attachment is None or attachment.coded or attachment.parent == doc_id:
            break
        current = attachment.parent
    return current


def members_of(parents: dict[int, Attachment], filed: Iterable[int]) -> dict[int, list[Attachment]]:
    """For each document of `filed`, the attachments filed in its 件 (an attached OFD's own ones too), in the
    order they were taken."""
    wanted = set(filed)
    out: dict[int, list[Attachment]] = {}
    for attachment in parents.values():
        top = filed_with(parents, attachment.id)
        if top in wanted and top != attachment.id:
            out.setdefault(top, []).append(attachment)
    return out


def display_name(name: str) -> str:
    """An attachment's name for a catalogue: without its suffix, and without the 附件1： the list repeats."""
    stem = PurePosixPath(name).stem if PurePosixPath(name).suffix else name
    return NUMBERED.sub("", stem) or stem


def filed_in(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """For each of `ids` that is an OFD attachment: the OFD it came with (`ofd`, its `title`), its name there
    (`member`: 附件/名称), whether it is filed in that OFD's 件 (`filed`; false for one an older dangan numbered)
    and the 档号 of the 件 it is in (`archival_code`, none while the 件 has none)."""
    ids = list(ids)
    if not any(conn.execute(   # most documents are none: only then read every attachment's container
            f"SELECT 1 FROM sources WHERE document_id IN ({','.join('?' * len(chunk))}) "
            "AND instr(path, '/附件/') > 0 LIMIT 1", chunk).fetchone()
            for chunk in (ids[start:start + 500] for start in range(0, len(ids), 500))):
        return {}
    parents = attachment_parents(conn)
    out: dict[int, dict[str, Any]] = {}
    for doc_id in ids:
        attachment = parents.get(doc_id)
        if attachment is None:
            continue
        item = filed_with(parents, doc_id)
        ofd = conn.execute("SELECT coalesce(nullif(title, ''), original_name) FROM documents WHERE id = ?",
                           (attachment.parent,)).fetchone()
        code = conn.execute("SELECT archival_code FROM documents WHERE id = ?", (item,)).fetchone()
        out[doc_id] = {"ofd": attachment.parent, "title": ofd[0] if ofd else "",
                       "kind": "PDF" if attachment.container == PDF else "OFD", "member": f"附件/{attachment.name}",
                       "filed": item != doc_id, "archival_code": (code[0] if code else None) or None}
    return out


def with_attachments(conn: sqlite3.Connection, ids: Sequence[int]) -> list[int]:
    """`ids` with the attachments filed in each one's 件 right after it, each once: an OFD is handed over (export,
    dossier, package) with its attachments, the 件 whole (5.1.1). An attachment chosen without its OFD goes alone."""
    ids = list(dict.fromkeys(ids))
    parents = attachment_parents(conn) if ids else {}
    attached = members_of(parents, ids) if parents else {}
    if not attached:
        return ids
    out: dict[int, None] = {}
    for doc_id in ids:
        out.setdefault(doc_id)
        for attachment in attached.get(doc_id, ()):
            out.setdefault(attachment.id)
    return list(out)


def together(conn: sqlite3.Connection, order: dict[int, int]) -> dict[int, int]:
    """序号 (`order`: id → 序号) renumbered so an OFD's attachments follow it, in the OFD's order, when both are
    in `order`: an attachment dated years apart from its 正文 is still next to it."""
    parents = attachment_parents(conn) if order else {}
    listed = {doc_id: n for n, doc_id in enumerate(parents)}   # the order they were taken in, as the OFD lists them

    def key(doc_id: int) -> tuple[int, int, int]:
        top = filed_with(parents, doc_id)
        return (order[top], 1, listed[doc_id]) if top != doc_id and top in order else (order[doc_id], 0, 0)
    return {doc_id: seq for seq, doc_id in enumerate(sorted(order, key=key), start=1)}
