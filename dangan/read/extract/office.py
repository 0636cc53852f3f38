"""Old Office, WPS and ODF text and slides through LibreOffice headless.

.doc/.wps (Word 97 streams), .rtf and .odt become DOCX, .ppt/.dps and .odp
become PPTX, and those are read by the DOCX and PPTX extractors; the original
stays the archived file. An OLE2 file of no known kind (damaged streams)
is tried by its name's suffix, so a broken .doc gets LibreOffice's verdict. Without LibreOffice the file is not failed: it is
archived, flagged `needs_conversion`, and `dangan convert` reads it once
LibreOffice is installed.
"""
from __future__ import annotations

import logging
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from dangan.errors import ConverterMissing, UnsupportedFormat
from dangan.model import Extracted, Page
from dangan.read.extract import detect, soffice
from dangan.read.extract.base import Limits
from dangan.read.extract.registry import register

log = logging.getLogger(__name__)

# detected type → (suffix LibreOffice should see, format to convert to)
ROUTES = {
    detect.DOC: (".doc", "docx"),
    detect.RTF: (".rtf", "docx"),
    detect.ODT: (".odt", "docx"),
    detect.PPT: (".ppt", "pptx"),
    detect.ODP: (".odp", "pptx"),
}
# an OLE2 file whose streams say nothing known (damaged, or an odd WPS build): its name decides
BY_SUFFIX = {".doc": (".doc", "docx"), ".wps": (".doc", "docx"), ".dot": (".doc", "docx"),
             ".ppt": (".ppt", "pptx"), ".dps": (".ppt", "pptx"), ".pps": (".ppt", "pptx"),
             ".xls": (".xls", "xlsx"), ".et": (".xls", "xlsx")}
READERS = {"docx": detect.DOCX, "pptx": detect.PPTX, "xlsx": detect.XLSX}


@register
class OfficeExtractor:
    name: ClassVar[str] = "libreoffice"
    mime_types: ClassVar[frozenset[str]] = frozenset({*ROUTES, detect.OLE})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        mime = detect.detect_mime(path)
        route = ROUTES.get(mime) or BY_SUFFIX.get(path.suffix.lower())
        if route is None:
            raise UnsupportedFormat(mime=mime)
        suffix, target = route
        try:
            with tempfile.TemporaryDirectory(prefix="dangan-convert-") as tmp:
                converted = soffice.convert(path, suffix, target, Path(tmp), timeout=timeout_of(limits),
                                            binary=limits.soffice)
                return self._read(converted, target, limits)
        except ConverterMissing as missing:
            log.warning("%s waits for conversion: %s", path.name, missing.message)
            return Extracted(pages=(Page(1, ""),), extractor=self.name, needs_conversion=True,
                             warnings=(f"{missing.message}；{missing.hint}",))

    def _read(self, converted: Path, target: str, limits: Limits) -> Extracted:
        from dangan.read.extract.registry import extractor_for

        inner = extractor_for(READERS[target])
        extracted = inner.extract(converted, limits)
        # the pictures are parts of the converted copy, which is not kept: the OCR stage converts the archived
        # original again (converted_copy) and reads them from that copy
        return replace(extracted, extractor=f"{self.name}+{extracted.extractor}")


def converted_copy(path: Path, outdir: Path, *, timeout: float, binary: str | None = None) -> Path:
    """The archived .doc/.wps/.ppt… converted again as ingest converted it (DOCX or PPTX), into `outdir`."""
    mime = detect.detect_mime(path)
    route = ROUTES.get(mime) or BY_SUFFIX.get(path.suffix.lower())
    if route is None:
        raise UnsupportedFormat(mime=mime)
    suffix, target = route
    return soffice.convert(path, suffix, target, outdir, timeout=timeout, binary=binary)


def timeout_of(limits: Limits) -> float:
    """LibreOffice's time, inside the worker's own: soffice runs in its own process group, so it
    must be ended by us before the worker is killed (a killed worker would leave it running)."""
    if limits.seconds:
        return max(1.0, min(limits.conversion_timeout_s, limits.seconds * 0.8))
    return limits.conversion_timeout_s
