"""The files embedded in a PDF (ISO 32000-1 §7.11.4: the `EmbeddedFiles` name tree; a PDF portfolio is one too):
listed by name as the PDF is read, copied out one at a time by intake, which takes each as an OFD's attachments
are taken (`dangan.intake.unpack`).

Both run in the extraction workers, never in the writer: pdfium is the parser most exposed to a hostile PDF, and
an embedded file's stream is decoded whole before its length is known (`FPDFAttachment_GetFile`), so a stream
that inflates to gigabytes meets the worker's memory limit, not the writer's. Listing is part of the PDF's own
reading (`PdfExtractor`, the names in `Extracted.attachments`): no second open, no round trip for the PDFs with
none (nearly all). Only a PDF that has some costs one worker call per file, `copy_attachment`.

pdfium reads the name tree only; a file attached to a page as a comment (`/FileAttachment` annotation) is not
listed: 公文 systems attach through the name tree.
"""
from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

from dangan.errors import CorruptFile, EncryptedPdf, TooLarge

MAX_NAME = 1024   # UTF-16 units of one name: a name tree key; longer is no file name


def attachment_names(pdf: Any) -> tuple[str, ...]:
    """The name of each file embedded in the open PDF (a pypdfium2 `PdfDocument`), in the name tree's order;
    an empty name where the tree gives none (intake names it)."""
    import pypdfium2.raw as pdfium_c

    names: list[str] = []
    for index in range(max(0, pdfium_c.FPDFDoc_GetAttachmentCount(pdf.raw))):
        handle = pdfium_c.FPDFDoc_GetAttachment(pdf.raw, index)
        names.append(_name(handle) if handle else "")
    return tuple(names)


def list_attachments(path: Path) -> tuple[str, ...]:
    """The names of the files embedded in the PDF at `path` (`dangan reread`'s look at an archived PDF). Runs in
    a worker, as the PDF's reading does."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return attachment_names(pdf)
    finally:
        pdf.close()


def copy_attachment(path: Path, index: int, target: Path, cap: int) -> int:
    """Write the `index`th embedded file's bytes to `target`; TooLarge past `cap` bytes. Runs in a worker."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdf() from exc
        raise CorruptFile(detail="PDF 结构无法解析，附件无法取出") from exc
    try:
        handle = pdfium_c.FPDFDoc_GetAttachment(pdf.raw, index)
        if not handle:
            raise CorruptFile(detail="PDF 中的附件无法读取")
        size = ctypes.c_ulong()
        if not pdfium_c.FPDFAttachment_GetFile(handle, None, 0, ctypes.byref(size)):
            raise CorruptFile(detail="PDF 中的附件没有内容或无法解码")
        if size.value > cap:
            raise TooLarge(detail=f"附件解码后 {size.value // 2**20} MB，超过上限 {cap // 2**20} MB")
        buffer = (ctypes.c_char * size.value)()
        written = ctypes.c_ulong()
        if not pdfium_c.FPDFAttachment_GetFile(handle, buffer, size.value, ctypes.byref(written)):
            raise CorruptFile(detail="PDF 中的附件无法解码")
        data = memoryview(buffer)[:min(written.value, size.value)]
        target.write_bytes(data)
        return len(data)
    finally:
        pdf.close()


def _name(handle: Any) -> str:
    import pypdfium2.raw as pdfium_c

    length = pdfium_c.FPDFAttachment_GetName(handle, None, 0)   # bytes, the closing NUL included
    if length <= 2 or length > 2 * MAX_NAME:
        return ""
    buffer = (ctypes.c_char * length)()
    pdfium_c.FPDFAttachment_GetName(handle, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), length)
    return bytes(buffer)[:length - 2].decode("utf-16-le", errors="replace").strip("\x00")
