"""DOCX → PDF with LibreOffice, and the page numbers of headings read back from the PDF.

LibreOffice shows a TOC field's cached result and does not recompute it, so a
dossier is converted once, the displayed page of every TOC entry is found in
the PDF's text (searching forward from the first page numbered `— 1 —`), and
the DOCX is rendered again with those numbers before the final conversion.
Word recomputes the field itself when the file is opened (w:updateFields).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dangan.errors import MissingDependency, PdfConversionFailed

__all__ = ["PdfConversionFailed", "heading_pages", "pdf_texts", "to_pdf"]

TIMEOUT = 900.0
FIRST_BODY_PAGE = re.compile(r"—1—")
KEY_CHARS = 18


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise MissingDependency(name="LibreOffice（soffice）", hint="安装 LibreOffice 后重试，或去掉 --pdf。")
    return found


def to_pdf(docx: Path, outdir: Path, timeout: float = TIMEOUT) -> Path:
    """Convert with a private LibreOffice profile (a running LibreOffice would swallow the job)."""
    docx, outdir = Path(docx).absolute(), Path(outdir).absolute()
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{docx.stem}.pdf"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="dangan-soffice-") as profile:
        command = [soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfConversionFailed(detail=f"超过 {int(timeout)} 秒仍未完成") from exc
    if not target.is_file():
        raise PdfConversionFailed(detail=(done.stderr or done.stdout or "未生成文件").strip()[:300])
    return target


def pdf_texts(pdf: Path) -> list[str]:
    """Each page's text with all white space removed."""
    import pypdfium2 as pdfium

    out: list[str] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            out.append(re.sub(r"\s+", "", textpage.get_text_range()))
            textpage.close()
            page.close()
    finally:
        document.close()
    return out


def heading_pages(pdf: Path, toc: Sequence[dict[str, Any]]) -> dict[str, int]:
    """{anchor: displayed page} for the TOC entries found, in order, in the numbered body."""
    pages = pdf_texts(pdf)
    start = next((i for i, text in enumerate(pages) if FIRST_BODY_PAGE.search(text)), 0)
    found: dict[str, int] = {}
    cursor = start
    for entry in toc:
        key = re.sub(r"\s+", "", entry["text"])[:KEY_CHARS]
        hit = next((i for i in range(cursor, len(pages)) if key in pages[i]), None)
        if hit is not None:
            found[entry["anchor"]] = hit - start + 1
            cursor = hit
    return found
