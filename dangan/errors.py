"""Errors with a stable code, an exit status and a Chinese message.

The library raises these; only `cli.py` prints them (STYLE §4).
"""
from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1        # `check` found problems
    PARTIAL = 2         # a batch finished, some files failed
    USAGE = 3           # bad input from the user (query, option, id)
    WORKSPACE = 4       # workspace missing or unusable
    DEPENDENCY = 5      # a required library or program is missing
    BUSY = 6            # another writer holds the lock
    INTERNAL = 70


class DanganError(Exception):
    """Base class: `code` is stable, `message` is Chinese and user-facing."""

    code = "DANGAN_ERROR"
    exit_code = ExitCode.INTERNAL
    template = "操作失败"
    hint = ""

    def __init__(self, message: str | None = None, *, hint: str | None = None, **context: Any):
        self.context = context
        self.message = message or self.template.format(**context)
        if hint is not None:
            self.hint = hint
        super().__init__(self.message)


class UnsupportedFormat(DanganError):
    code = "UNSUPPORTED_FORMAT"
    exit_code = ExitCode.PARTIAL
    template = "不支持的文件格式（{mime}）"
    hint = "支持 PDF、DOCX、TXT/MD 文本和 JPEG/PNG/TIFF 图片。"


class EmptyFile(DanganError):
    code = "EMPTY_FILE"
    exit_code = ExitCode.PARTIAL
    template = "文件为空（0 字节）"
    hint = "请确认文件已完整复制。"


class EncryptedPdf(DanganError):
    code = "ENCRYPTED_PDF"
    exit_code = ExitCode.PARTIAL
    template = "PDF 已加密，无法读取"
    hint = "请向发文单位索取未加密的版本，或解除密码后重新收录。"


class CorruptFile(DanganError):
    code = "CORRUPT_FILE"
    exit_code = ExitCode.PARTIAL
    template = "文件已损坏，无法解析（{detail}）"
    hint = "请重新获取原件。"


class TooLarge(DanganError):
    code = "TOO_LARGE"
    exit_code = ExitCode.PARTIAL
    template = "文件过大或解压后过大（{detail}）"
    hint = "疑似压缩炸弹或异常文件，已隔离。"


class UndecodableText(DanganError):
    code = "UNDECODABLE_TEXT"
    exit_code = ExitCode.PARTIAL
    template = "无法识别文本编码"
    hint = "请另存为 UTF-8 或 GB18030 编码后重新收录。"


class ExtractionFailed(DanganError):
    code = "EXTRACTION_FAILED"
    exit_code = ExitCode.PARTIAL
    template = "提取文字失败（{detail}）"


class FileVanished(DanganError):
    code = "FILE_VANISHED"
    exit_code = ExitCode.PARTIAL
    template = "文件在处理时消失或无法读取（{detail}）"
    hint = "文件可能仍在复制或已被移走，请稍后重试。"


class MissingDependency(DanganError):
    code = "MISSING_DEPENDENCY"
    exit_code = ExitCode.DEPENDENCY
    template = "缺少依赖：{name}"
    hint = "请运行 `pip install -e .` 重新安装 dangan。"


class WorkspaceMissing(DanganError):
    code = "WORKSPACE_MISSING"
    exit_code = ExitCode.WORKSPACE
    template = "工作区不存在：{home}"
    hint = "请先运行 `dangan init`，或用 --home / DANGAN_HOME 指定工作区。"


class WorkspaceBusy(DanganError):
    code = "WORKSPACE_BUSY"
    exit_code = ExitCode.BUSY
    template = "另一个进程正在写入工作区，等待 {seconds} 秒后仍未释放"
    hint = "请等待收录或监视进程完成后再试。"


class DocumentNotFound(DanganError):
    code = "DOCUMENT_NOT_FOUND"
    exit_code = ExitCode.USAGE
    template = "找不到编号为 {id} 的文件"
    hint = "用 `dangan search` 查找文件编号。"


class BadQuery(DanganError):
    code = "BAD_QUERY"
    exit_code = ExitCode.USAGE
    template = "无法理解的检索式：{detail}"
    hint = "例：dangan search '\"生活垃圾\" type:通报 date:2022-03'"


class DuplicateDocument(DanganError):
    code = "DUPLICATE_DOCUMENT"
    exit_code = ExitCode.OK
    template = "内容相同的文件已收录（编号 {id}）"


class TemplateError(DanganError):
    code = "TEMPLATE_ERROR"
    exit_code = ExitCode.USAGE
    template = "模板错误：{detail}"
    hint = "请检查模板中的 {{ }} 占位符。"


def all_errors() -> list[type[DanganError]]:
    """Every error class, for docs and their contract test."""
    out, todo = [], [DanganError]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out
