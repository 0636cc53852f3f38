"""Where a generated Word document may be written: a path ending in .docx.

`dangan dossier --out 汇编.pdf` wrote a Word file under a .pdf name, which no PDF reader opens, and
`--out 纪要` one without a suffix, which no double click opens; both are refused before anything is
selected, drafted or stored, with the command that gives what the clerk wanted.
"""
from __future__ import annotations

from pathlib import Path

from dangan.errors import DocxFormat

__all__ = ["check_docx_out"]


def check_docx_out(out: Path, what: str, *, pdf_option: bool = False) -> None:
    """`DocxFormat` (exit 3) unless `out` ends in .docx; for a .pdf, the hint names how to get one
    (`pdf_option`: the command's own --pdf, else saving the DOCX as PDF)."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return
    docx = path.with_suffix(".docx").name if suffix else f"{path.name}.docx"
    if suffix == ".pdf" and pdf_option:
        hint = f"{what}先生成 Word 文档：请写 --out {docx} 并加 --pdf，同一文件夹里同时得到 {path.name}。"
    elif suffix == ".pdf":
        hint = f"{what}生成 Word 文档：请写 --out {docx}；要 PDF，可用 WPS 或 Word 打开后另存为 PDF。"
    else:
        hint = f"{what}是 Word 文档，输出文件请以 .docx 结尾，如 --out {docx}。"
    kind = f" {path.suffix} 文件" if suffix else "没有扩展名的文件"
    raise DocxFormat(what=what, kind=kind, path=str(out), hint=hint)
