"""The attachments an OFD package carries, listed as members: intake takes each as a document of its own,
as it takes a ZIP's members (`dangan.intake.unpack`), with the same limits, quarantine and nesting depth.

GB/T 33190-2016, §20 附件: a document's root (`Document.xml`, §7.5) names its attachment list in
`ofd:Attachments`; that file (`Attachments.xml`, §20.1 附件列表, 表 72) holds one `ofd:Attachment` per attached
file (§20.2, 表 73): `ID`, `Name`, `Format` (its type, as a suffix: `xml`, `docx`), `Size` (in KB), `Visible`
(true by default) and `ofd:FileLoc`, the file inside the package, an ST_Loc as every OFD location is —
relative to the list's own folder, or absolute from the package root. A hidden attachment (`Visible="false"`) is data for software, as an
e-invoice's original XML is (the corpus invoice carries one): a reader does not list it, nor do we. A
location that leaves the package or names no file in it is refused with the reason, as a `../` member is.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from dangan.read.extract.members import Member
from dangan.read.extract.ofd_xml import all_named, first_named, resolve

KIND = "附件"   # as a reason names it: OFD 附件未收录：附件已加密…
MAX_LIST = 16 * 2**20   # one attachment list; real ones are a few hundred bytes


def ofd_attachments(path: Path) -> list[Member]:
    """Every visible attachment of every document in the package, in the lists' order."""
    out: list[Member] = []
    with zipfile.ZipFile(path) as zf:
        infos = {i.filename: i for i in zf.infolist() if not i.is_dir()}
        for body in all_named(_xml(zf, infos, "OFD.xml"), "DocBody"):
            root = first_named(body, "DocRoot")
            if root is None or not (root.text or "").strip():
                continue
            doc_file = resolve("OFD.xml", root.text)
            if doc_file not in infos:
                continue   # a document the text reader finds missing too
            for listed in all_named(_xml(zf, infos, doc_file), "Attachments"):
                if not (listed.text or "").strip():
                    continue
                list_file = resolve(doc_file, listed.text)
                if list_file in infos:
                    out += [_member(a, list_file, infos) for a in all_named(_xml(zf, infos, list_file), "Attachment")
                            if (a.get("Visible") or "true").strip().lower() != "false"]
    return out


def _member(entry: object, list_file: str, infos: dict[str, zipfile.ZipInfo]) -> Member:
    loc_element = first_named(entry, "FileLoc")
    loc = (loc_element.text or "").strip() if loc_element is not None else ""
    name = _name(getattr(entry, "get")("Name") or "", getattr(entry, "get")("Format") or "", loc)
    if not loc:
        return Member(name, 0, 0, False, refused="没有写明文件位置（FileLoc），无法读取", kind=KIND)
    target = resolve(list_file, loc)
    if target == ".." or target.startswith("../"):
        return Member(name, 0, 0, False, refused="文件位置指向 OFD 包外，已拒绝", kind=KIND)
    info = infos.get(target)
    if info is None:
        return Member(name, 0, 0, False, refused=f"OFD 包内没有这个附件文件（{target}）", kind=KIND)
    return Member(name, info.file_size, info.compress_size, bool(info.flag_bits & 1), info, kind=KIND)


def _name(name: str, fmt: str, loc: str) -> str:
    """The name the attachment is shown and filed under: its `Name` (one path part: a name is no path), with
    the suffix of its file or its `Format` when the name has none (`original_invoice` + xml)."""
    name = name.strip().replace("\\", "_").replace("/", "_").strip(". ")
    stored = posixpath.basename(loc.replace("\\", "/"))
    if not name:
        return stored or "附件"
    suffix = posixpath.splitext(stored)[1] or (f".{fmt.strip().lstrip('.')}" if fmt.strip() else "")
    return name if not suffix or name.lower().endswith(suffix.lower()) else name + suffix


def _xml(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], name: str) -> object:
    from lxml import etree

    from dangan.errors import TooLarge

    info = infos[name]
    if info.file_size > MAX_LIST:
        raise TooLarge(detail=f"OFD 内 {name} 过大")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(zf.read(info), parser)
