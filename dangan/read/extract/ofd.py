"""OFD (GB/T 33190-2016): a ZIP of XML; text as positioned `ofd:TextCode` runs.

Reading order comes from positions, not file order: each glyph is placed at
`Boundary` + CTM × (`X`, `Y`) stepped by `DeltaX`/`DeltaY` (producers write a
line, a character or a whole wrapped paragraph per TextCode, in any file order,
some in points under a scaling CTM); runs are grouped into lines by baseline and
sorted by x, a field gap written as a run of spaces as the PDF page text writes
it. Each page's template (`Tpls/`) and annotations (`Annots/`, placed in their
appearance box) are read with it. The
page count is the number of `ofd:Page` entries; `OFD.xml`'s DocInfo (title,
author) becomes hints for the elements (its CreationDate is when the file was
made, not the 成文日期: kept as `created`). The first page's lines also come
with their font size (`Extracted.layout`, in points like the PDF path's), so the
reader finds the 2号 title block the way it does on a PDF; a rotated or
translucent run (a watermark, a stamp's text) is text but not layout. Namespaces differ
between producers (`http://www.ofdspec.org/2016`, `http://www.ofdspec.org`),
so elements are matched by local name.
"""
from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from dangan.errors import CorruptFile, EncryptedFile, TooLarge
from dangan.model import Extracted, Page, Seal
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.failures import corrupt
from dangan.read.extract.ofd_runs import Run, annotation_runs, group_lines, layout_of, line_extent, line_text, runs_of
from dangan.read.extract.ofd_seals import MAX_SEAL, read_seals
from dangan.read.extract.ofd_xml import all_named, children, first_named, resolve
from dangan.read.extract.pdf_text import unwrapped
from dangan.read.extract.registry import register
from dangan.read.extract.text_layer import has_text_layer

log = logging.getLogger(__name__)

MAX_XML = 64 * 2**20   # one content file; real pages are a few kB
PT_PER_MM = 72 / 25.4


@register
class OfdExtractor:
    name: ClassVar[str] = "ofd"
    mime_types: ClassVar[frozenset[str]] = frozenset({detect.OFD})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        from lxml import etree

        try:
            with zipfile.ZipFile(path) as zf:
                package = _Package(zf, limits)
                info, pages, first = package.read()
                seals, notes = package.seals()
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as exc:
            raise corrupt("OFD 结构无法解析", exc) from exc
        if not pages:
            raise CorruptFile(detail="OFD 中没有页面")
        # a page that holds an image and no usable text is a scan (OCR reads its image: ofd_images); a page number
        # stamped on it is no text, and would keep it from OCR, which reads the pages that have none
        pages = [t if not imaged or has_text_layer(t) else "" for t, imaged in zip(pages, package.imaged, strict=True)]
        scans = any(not text.strip() and imaged for text, imaged in zip(pages, package.imaged))
        if organs := [s.organ for s in seals if s.organ]:
            info = {**info, "seal": organs[0]}   # the organ the first seal names (rule "seal_organ")
        return Extracted(pages=tuple(Page(n, text) for n, text in enumerate(pages, 1)),
                         extractor=self.name, page_count=len(pages), hints=info,
                         needs_ocr=scans or not any(t.strip() for t in pages), layout=layout_of(first),
                         seals=tuple(seals), warnings=tuple(notes))


class _Package:
    def __init__(self, zf: zipfile.ZipFile, limits: Limits):
        self.zf = zf
        self.names = set(zf.namelist())
        self.templates: dict[str, Any] = {}
        infos = zf.infolist()
        if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
            raise TooLarge(detail="OFD 解压后过大")
        if any(i.flag_bits & 0x1 for i in infos):
            raise EncryptedFile(detail="OFD 包内文件设有密码")
        if "Encryptions.xml" in self.names:
            # GM/T 0099-2020: the parts listed there are SM4 ciphertext, and the plain parts left in
            # their place may be stand-in content: reading them would archive the wrong text
            raise EncryptedFile(detail="OFD 按 GM/T 0099 加密，需先解密")

    def xml(self, name: str) -> Any:
        from lxml import etree

        info = self.zf.getinfo(name)
        if info.file_size > MAX_XML:
            raise TooLarge(detail=f"OFD 内 {name} 过大")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(self.zf.read(info), parser)

    def read(self) -> tuple[dict[str, str], list[str], list[Run]]:
        """DocInfo hints, each page's text, and the first page's runs (for its layout); which
        pages hold an image is kept in `self.imaged`."""
        body = first_named(self.xml("OFD.xml"), "DocBody")
        info = doc_info(first_named(body, "DocInfo") if body is not None else None)
        pages: list[str] = []
        self.first: list[Run] | None = None
        self.imaged: list[bool] = []
        self.page_numbers: dict[str, int] = {}   # page ID → page number (a seal's StampAnnot names the ID)
        annots: dict[str, dict[str, list[str]]] = {}
        for doc_file, page_id, _, root, templates in self.pages():
            self.page_numbers.setdefault(page_id, len(pages) + 1)
            if root is None:
                pages.append("")
                self.imaged.append(False)
                continue
            if doc_file not in annots:
                annots[doc_file] = self.annotations(doc_file, self.xml(doc_file))
            roots = [root, *templates]
            runs = [r for root in roots for r in runs_of(root)]
            for annot in annots[doc_file].get(page_id, []):
                if annot in self.names:
                    runs += annotation_runs(self.xml(annot))
            if self.first is None:
                self.first = runs
            self.imaged.append(any(all_named(root, "ImageObject") for root in roots))
            # a watermark's place in the reading order means nothing: its text goes last
            plain = group_lines([r for r in runs if r.plain])
            # an OFD gives a glyph's em box, not its ink: a line ending in 。 or 》 reaches a glyph
            # further than on a PDF page, so two short lines alike more often look like an edge; three
            # lines must reach it
            text = unwrapped([line_text(line) for line in plain], [line_extent(line) for line in plain], reaching=3)
            text += [line_text(line) for line in group_lines([r for r in runs if not r.plain])]
            pages.append("\n".join(text))
        return info, pages, self.first or []

    def pages(self) -> Iterator[tuple[str, str, str, Any, list[Any]]]:
        """Every page of every document, in the documents' own order: (document file, page ID, its
        content file, that file parsed (None when it is missing), and the parsed templates it uses;
        a template is parsed once however many pages use it)."""
        for body in all_named(self.xml("OFD.xml"), "DocBody"):
            doc_root = first_named(body, "DocRoot")
            if doc_root is None or not doc_root.text:
                continue
            doc_file = resolve("OFD.xml", doc_root.text)
            doc = self.xml(doc_file)
            templates = {t.get("ID"): resolve(doc_file, t.get("BaseLoc", "")) for t in all_named(doc, "TemplatePage")}
            listed = first_named(doc, "Pages")
            for page in all_named(listed, "Page") if listed is not None else []:
                page_file = resolve(doc_file, page.get("BaseLoc", ""))
                if page_file not in self.names:
                    yield doc_file, page.get("ID", ""), page_file, None, []
                    continue
                root = self.xml(page_file)
                used = [templates.get(u.get("TemplateID")) for u in children(root, "Template")]
                yield doc_file, page.get("ID", ""), page_file, root, [self.template(t) for t in used if t in self.names]

    def seals(self) -> tuple[list[Seal], list[str]]:
        """The electronic seals the package's signatures carry (ofd_seals), and a note for each that could not
        be read: a broken seal never stops the reading of the text."""
        from lxml import etree

        try:
            listed = [resolve("OFD.xml", s.text) for s in all_named(self.xml("OFD.xml"), "Signatures") if s.text]
            return read_seals(self.names, self.seal_bytes, self.xml, listed, self.page_numbers)
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, TooLarge) as exc:
            log.warning("OFD signatures unreadable: %s: %s", type(exc).__name__, exc)
            return [], ["文件中的电子签章无法读取，正文已照常读取"]

    def seal_bytes(self, name: str) -> bytes:
        info = self.zf.getinfo(name)
        if info.file_size > MAX_SEAL:
            raise TooLarge(detail=f"OFD 内 {name} 过大")
        return self.zf.read(info)

    def template(self, name: str) -> Any:
        if name not in self.templates:
            self.templates[name] = self.xml(name)
        return self.templates[name]

    def annotations(self, doc_file: str, doc: Any) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        index = first_named(doc, "Annotations")
        if index is None or not (index.text or "").strip():
            return found
        index_file = resolve(doc_file, index.text)
        if index_file not in self.names:
            return found
        for page in children(self.xml(index_file), "Page"):
            loc = first_named(page, "FileLoc")
            if loc is not None and loc.text:
                found.setdefault(page.get("PageID", ""), []).append(resolve(index_file, loc.text))
        return found


def doc_info(element: Any) -> dict[str, str]:
    """Title, author and creation date from DocInfo; a producer's name is not an author."""
    if element is None:
        return {}
    values = {}
    for key, hint in (("Title", "title"), ("Author", "author"), ("CreationDate", "created"),
                      ("Subject", "subject")):
        node = first_named(element, key)
        text = (node.text or "").strip() if node is not None else ""
        if text:
            values[hint] = text
    creator = first_named(element, "Creator")
    if "author" in values and (any(mark in values["author"] for mark in "®©") or
                               (creator is not None and creator.text == values["author"])):
        del values["author"]
    return values
