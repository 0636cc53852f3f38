"""Library errors in Chinese: the reason a clerk reads, the library's own words kept aside.

pypdfium2, zipfile, py7zr, rarfile, python-docx, lxml, Pillow, calamine and LibreOffice
fail with English messages ("Failed to load document (PDFium: Data format error).").
The reason shown and written beside a quarantined file is Chinese; the library's text
travels as the error's `technical` detail (the reason file's 技术细节 line, the log).
"""
from __future__ import annotations

import re

from dangan.errors import CorruptFile, DanganError

UNKNOWN = "原因未能识别，见原因说明中的技术细节"

# (pattern over "<ExceptionType>: <message>", Chinese reason); the first match wins.
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), r) for p, r in (
    # pypdfium2 (PDFium's FPDF_ERR_* codes)
    (r"PDFium: Data format error", "PDF 数据格式错误，文件不完整或已损坏"),
    (r"PDFium: File access error", "PDF 文件无法打开或读取"),
    (r"PDFium: Page not found or content error", "PDF 页面缺失或页面内容有误"),
    (r"PDFium: Unsupported security scheme", "PDF 使用了不支持的加密方式"),
    (r"PDFium: (?:Unknown|Success)", "PDF 无法打开（PDFium 未说明原因）"),
    # zipfile (DOCX, XLSX, PPTX, OFD and ZIP are all ZIP packages)
    (r"File is not a zip file", "不是有效的 ZIP 结构，文件不完整或并非此格式"),
    (r"Bad magic number|Bad CRC-32|Truncated file header|Corrupt extra field|Overlapped entries",
     "ZIP 数据损坏（校验失败或内容被截断）"),
    (r"span multiple disks", "分卷压缩包，缺少其余分卷"),
    (r"compression method is not supported|compression type \d+", "使用了不支持的压缩方式"),
    (r"Error -\d+ while decompressing|invalid (?:stored block|distance|code) ", "压缩数据损坏"),
    (r"Compressed file ended before the end-of-stream marker|unexpected end of (?:data|file)",
     "压缩数据不完整（文件被截断）"),
    # py7zr, rarfile
    (r"Bad7zFile|not a 7z file", "不是有效的 7z 压缩包，或文件头已损坏"),
    (r"CrcError|crc (?:check )?(?:error|fail)", "数据校验失败，文件已损坏"),
    (r"NotRarFile|BadRarFile|Not a RAR file", "不是有效的 RAR 压缩包，或文件头已损坏"),
    # python-docx / python-pptx (OPC packages)
    (r"no relationship of type '[^']*officeDocument'", "压缩包中缺少文档主体部分"),
    (r"There is no item named '([^']+)' in the archive", "缺少必需的部件 {0}"),
    (r"Package not found", "无法作为 Office 文档打开"),
    (r"is not a (?:Word|PowerPoint|Excel) file, content type is", "内容与扩展名所示的格式不符"),
    # lxml, expat
    (r"XMLSyntaxError|not well-formed|XmlError|ParseError|Premature end of data", "XML 内容格式错误"),
    # Pillow
    (r"cannot identify image file|UnidentifiedImageError", "无法识别的图片格式，或图片数据已损坏"),
    (r"image file is truncated|Truncated File Read", "图片数据不完整（文件被截断）"),
    (r"DecompressionBomb|exceeds limit of \d+ pixels", "图片像素过多，疑似压缩炸弹"),
    # calamine, xlrd
    (r"PasswordError", "文件设有密码"),
    (r"Expected BOF record|Unsupported format, or corrupt file|CompDocError|Can't find workbook",
     "不是有效的 Excel 97-2003 表格，或文件已损坏"),
    (r"Cfb|compound (?:file|document)", "OLE 复合文档结构损坏"),
    # LibreOffice's last stderr line
    (r"source file could not be loaded", "LibreOffice 无法载入源文件"),
    # onnxruntime (the OCR model)
    (r"bad.alloc|Failed to allocate memory", "文字识别模型运行时内存不足"),
    (r"ONNXRuntimeError|onnxruntime", "文字识别模型运行出错"),
    # Python itself, deep inside a parser
    (r"unpack requires a buffer|struct\.error|EOFError", "数据被截断或结构不完整"),
    (r"UnicodeDecodeError|codec can't decode", "文字编码错误"),
    (r"RecursionError|maximum recursion depth", "结构嵌套过深"),
    (r"MemoryError", "解析所需内存不足"),
    # the operating system (OSError's strerror)
    (r"No such file or directory", "文件不存在"),
    (r"Permission denied|Operation not permitted", "没有读取权限"),
    (r"Is a directory", "这是文件夹，不是文件"),
))


def technical(exc: BaseException | str) -> str:
    """The library's own words, for the reason file's 技术细节 and the log."""
    if isinstance(exc, str):
        return exc.strip()[:300]
    message = str(exc).strip()
    return (f"{type(exc).__name__}: {message}" if message else type(exc).__name__)[:300]


def library_reason(exc: BaseException | str, fallback: str = UNKNOWN) -> str:
    """A Chinese reason for a library's error (an exception, or a tool's message)."""
    text = technical(exc)
    for pattern, reason in _KNOWN:
        if found := pattern.search(text):
            return reason.format(*found.groups())
    return fallback


def explained(error: DanganError, exc: BaseException | str) -> DanganError:
    """`error` carrying the library's words as its technical detail (`raise explained(...) from exc`)."""
    error.technical = technical(exc)
    return error


def corrupt(what: str, exc: BaseException | str, fallback: str = UNKNOWN) -> CorruptFile:
    """CorruptFile('<what>：<Chinese reason>') with the library's words as the technical detail."""
    reason = library_reason(exc, fallback)
    return CorruptFile(detail=f"{what}：{reason}" if what else reason, technical=technical(exc))
