"""Errors with a stable code, an exit status and a Chinese message.

Every error class of the project lives here, so `docs/errors.md` lists them all without
importing the rest of the package. The library raises them; only the CLI's group handler
and the web desk turn them into messages.
"""
from __future__ import annotations

from enum import IntEnum
from typing import Any

from dangan.fields import DOC_TYPES


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1        # `check` found problems
    PARTIAL = 2         # a batch finished, some files failed
    USAGE = 3           # bad input from the user (query, option, id)
    WORKSPACE = 4       # workspace missing or unusable
    DEPENDENCY = 5      # a required library or program is missing
    BUSY = 6            # another writer holds the lock
    DISK_FULL = 7       # no space left where dangan had to write
    INTERRUPTED = 130   # stopped by the user (Ctrl-C, an aborted prompt)
    INTERNAL = 70


class DanganError(Exception):
    """Base class: `code` is stable, `message` is Chinese and user-facing."""

    code = "DANGAN_ERROR"
    exit_code = ExitCode.INTERNAL
    template = "操作失败"
    hint = ""

    def __init__(self, message: str | None = None, *, hint: str | None = None, technical: str | None = None,
                 **context: Any):
        self.context = context
        self.message = message or self.template.format(**context)
        if hint is not None:
            self.hint = hint
        # A library's own (English) words: for the reason file's 技术细节 and the log, never the message.
        self.technical = technical
        super().__init__(self.message)


class UnsupportedFormat(DanganError):
    code = "UNSUPPORTED_FORMAT"
    exit_code = ExitCode.PARTIAL
    template = "不支持的文件格式（{mime}）"
    hint = ("支持 PDF、DOCX/DOC/WPS/RTF/ODT、XLSX/XLS/ET/ODS/CSV、PPTX/PPT/ODP、OFD、HTML/MHT、"
            "ZIP/7z/RAR 压缩包、TXT/MD 文本和 JPEG/PNG/TIFF 图片。")


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


class ExtractionTimeout(DanganError):
    """The extractor ran past the wall-clock limit and its worker was killed (never retried)."""

    code = "EXTRACTION_TIMEOUT"
    exit_code = ExitCode.PARTIAL
    template = "解析超时：{seconds} 秒内未能读完，已终止解析并隔离"
    hint = ("疑似异常或恶意构造的文件，不会自动重试。确认文件正常后，可调高 dangan.toml 中 "
            "[limits] 的 extract_seconds，再用 dangan ingest 重新收录。")


class ExtractionMemory(DanganError):
    """The extractor needed more memory than the worker's limit (RLIMIT_AS); never retried."""

    code = "EXTRACTION_MEMORY"
    exit_code = ExitCode.PARTIAL
    template = "解析所需内存过大：超过 {mb} MB 上限，已终止解析并隔离"
    hint = ("疑似压缩炸弹或异常文件，不会自动重试。确认文件正常后，可调高 dangan.toml 中 "
            "[limits] 的 extract_memory_mb，再用 dangan ingest 重新收录。")


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


class NothingSelected(DanganError):
    code = "NOTHING_SELECTED"
    exit_code = ExitCode.USAGE
    template = "没有选中任何文件：{detail}"
    hint = "用 --item 指定测评项目，或用 --query 检索；可先用 `dangan search` 试查。"


class PdfConversionFailed(DanganError):
    code = "PDF_CONVERSION_FAILED"
    exit_code = ExitCode.DEPENDENCY
    template = "转换 PDF 失败：{detail}"
    hint = "请确认 LibreOffice 可以正常运行（soffice --headless --version）。"


class PackageTargetExists(DanganError):
    code = "PACKAGE_TARGET_EXISTS"
    exit_code = ExitCode.USAGE
    template = "输出位置已有内容：{path}"
    hint = "请指定一个新的文件夹（或空文件夹），或以 .zip 结尾的文件名。"


class ExportTargetInvalid(DanganError):
    code = "EXPORT_TARGET_INVALID"
    exit_code = ExitCode.USAGE
    template = "不能导出到 {path}：{detail}"
    hint = "请用 --out 指定一个不存在的或空的文件夹。"


class NothingToExport(DanganError):
    code = "NOTHING_TO_EXPORT"
    exit_code = ExitCode.USAGE
    template = "没有符合条件的文件可导出"
    hint = "请先用 `dangan search` 试一试检索式或测评项目代码。"


class CatalogueFormat(DanganError):
    code = "CATALOGUE_FORMAT"
    exit_code = ExitCode.USAGE
    template = "不支持的目录格式：{suffix}"
    hint = "输出文件请以 .xlsx 或 .docx 结尾。"


class UnknownDocType(DanganError):
    code = "UNKNOWN_DOC_TYPE"
    exit_code = ExitCode.USAGE
    template = "未知的文种：{value}"
    hint = f"可用的文种：{'、'.join(DOC_TYPES)}。"


class TableFormat(DanganError):
    code = "TABLE_FORMAT"
    exit_code = ExitCode.USAGE
    template = "不支持的表格格式：{suffix}"
    hint = "输出文件请以 .xlsx（Excel/WPS 表格）或 .csv（UTF-8，Excel 可直接打开）结尾。"


class PasswordRequired(DanganError):
    code = "PASSWORD_REQUIRED"
    exit_code = ExitCode.USAGE
    template = "在 {host} 上提供服务须设置登录密码"
    hint = "用 --password-file 指定密码文件（首行为密码），或只在本机 127.0.0.1 上提供服务。"


class ServeUnavailable(DanganError):
    code = "SERVE_UNAVAILABLE"
    exit_code = ExitCode.USAGE
    template = "端口 {port} 已被占用（{host}），网页工作台未启动"
    hint = "换一个端口，如 dangan serve --port 8766；或先停止占用该端口的程序（可能是已在运行的 dangan serve）。"


class IndexSchemaTaken(DanganError):
    code = "INDEX_SCHEMA_TAKEN"
    exit_code = ExitCode.WORKSPACE
    template = "检索库的 schema {schema} 中已有另一个档案的 {count} 件文件的索引"
    hint = "请用 --schema 另选一个名字；一个 schema 只存放一个档案的索引。"


class ConfigError(DanganError):
    code = "CONFIG_INVALID"
    exit_code = ExitCode.WORKSPACE
    template = "工作区设置文件有误：{detail}"
    hint = "请检查 dangan.toml 的语法。"


class IndexMismatch(DanganError):
    """The index folder was built by a schema this dangan cannot read."""

    code = "INDEX_BACKEND_MISMATCH"
    exit_code = ExitCode.WORKSPACE
    template = "索引目录由 {found} 建立，而当前需要 {configured}"
    hint = "运行 dangan reindex 重建索引。"


class BackupTargetInvalid(DanganError):
    code = "BACKUP_TARGET_INVALID"
    exit_code = ExitCode.USAGE
    template = "不能备份到 {path}：{detail}"
    hint = "请指定一个空文件夹、以前的备份文件夹，或一个 .tar 文件名。"


class BackupNotFound(DanganError):
    code = "BACKUP_NOT_FOUND"
    exit_code = ExitCode.USAGE
    template = "找不到备份，或它既不是备份文件夹也不是 .tar 文件：{path}"
    hint = "用 `dangan backup --out 文件夹` 或 `--out 文件.tar` 生成的备份才能恢复。"


class RestoreTargetInvalid(DanganError):
    code = "RESTORE_TARGET_INVALID"
    exit_code = ExitCode.USAGE
    template = "不能恢复到 {path}：{detail}"
    hint = "恢复只写入新的工作区：请用 --home 指定一个不存在的或空的文件夹。"


class ArchivalCodeError(DanganError):
    code = "ARCHIVAL_CODE_INVALID"
    exit_code = ExitCode.USAGE
    template = "档号参数有误：{detail}"
    hint = "例：dangan archive --year 2022 --fonds 0194 --retention D30 --org-code BGS"


class ManifestInvalid(DanganError):
    code = "MANIFEST_INVALID"
    exit_code = ExitCode.PROBLEMS
    template = "清单 manifest.jsonl 有误：{detail}"
    hint = "清单与备份不一致，备份可能被改动或不完整；请换用另一份备份。"


class AttendanceUnreadable(DanganError):
    code = "ATTENDANCE_UNREADABLE"
    exit_code = ExitCode.USAGE
    template = "签到表无法读取：{detail}"
    hint = "签到表可以是 .xlsx、.docx 或 .txt，首行写明 姓名、单位、职务、备注（请假/列席）等列。"


class TaskNotFound(DanganError):
    code = "TASK_NOT_FOUND"
    exit_code = ExitCode.USAGE
    template = "找不到编号为 {id} 的任务"
    hint = "用 `dangan tasks` 查看任务编号。"

class DiskFull(DanganError):
    code = "DISK_FULL"
    exit_code = ExitCode.DISK_FULL
    template = "磁盘空间不足，无法写入 {path}"
    hint = "请清理磁盘或换到空间更大的位置后重试；已收录的文件不受影响，未处理的文件原样留在原处。"


def is_disk_full(exc: BaseException) -> bool:
    """ENOSPC or EDQUOT (a full disk or an exhausted quota)."""
    import errno

    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)

class TaxonomyError(DanganError):
    code = "TAXONOMY_INVALID"
    exit_code = ExitCode.USAGE
    template = "测评体系文件有误：{detail}"
    hint = "请检查 TOML 语法，或参照 dangan/taxonomy/national-2015.toml。"


class UnknownEdition(DanganError):
    code = "TAXONOMY_UNKNOWN"
    exit_code = ExitCode.USAGE
    template = "未知的测评体系或代码：{detail}"
    hint = "用 dangan taxonomy list 查看可用的测评体系，dangan taxonomy show 查看代码；也可给出 .toml 文件路径。"


class EncryptedFile(DanganError):
    code = "ENCRYPTED_FILE"
    exit_code = ExitCode.PARTIAL
    template = "文件已加密，无法读取（{detail}）"
    hint = "请向报送单位索取未加密的文件，或在 Office/WPS 中去掉打开密码后重新收录。"


class ConverterMissing(DanganError):
    code = "CONVERTER_MISSING"
    exit_code = ExitCode.DEPENDENCY
    template = "未找到 LibreOffice（soffice），此文件需转换后才能读取；已收录原件，标记为待转换"
    hint = ("请安装 Debian 软件包 libreoffice-writer-nogui（演示文稿另需 libreoffice-impress-nogui），"
            "然后运行 `dangan convert --pending` 补读待转换的文件。")
    hint_template = "请安装 Debian 软件包 {package}（apt-get install {package}），然后运行 `dangan convert --pending` 补读待转换的文件。"

    def __init__(self, *, package: str = "libreoffice-writer-nogui"):
        super().__init__(package=package, hint=self.hint_template.format(package=package))


class ConversionFailed(DanganError):
    code = "CONVERSION_FAILED"
    exit_code = ExitCode.PARTIAL
    template = "格式转换失败：{detail}"
    hint = "用 Office/WPS 打开确认文件完好，另存为 DOCX/PDF 后重新收录。"


class UnsafeMember(DanganError):
    code = "UNSAFE_MEMBER"
    exit_code = ExitCode.PARTIAL
    template = "压缩包成员未收录：{detail}"
    hint = "压缩包中其余文件已照常收录；请向报送单位核实此成员。"


class AccountInvalid(DanganError):
    code = "ACCOUNT_INVALID"
    exit_code = ExitCode.USAGE
    template = "{detail}"
    hint = "用 `dangan user list` 查看已有用户。"


class UserNotFound(DanganError):
    code = "USER_NOT_FOUND"
    exit_code = ExitCode.USAGE
    template = "找不到用户 {name}"
    hint = "用 `dangan user list` 查看已有用户。"


class PasswordFileInvalid(DanganError):
    code = "PASSWORD_FILE_INVALID"
    exit_code = ExitCode.USAGE
    template = "无法读取密码文件 {path}：{detail}"
    hint = "密码文件应为 UTF-8 文本，首行为密码（至少 8 个字符）；用完请删除或设为仅本人可读。"


class SubmissionNotFound(DanganError):
    code = "SUBMISSION_NOT_FOUND"
    exit_code = ExitCode.USAGE
    template = "找不到编号为 {id} 的报送材料"
    hint = "用 `dangan review list` 查看报送材料。"


class SubmissionDecided(DanganError):
    code = "SUBMISSION_DECIDED"
    exit_code = ExitCode.USAGE
    template = "报送材料 {id} 已处理（{state}），不能再次审核"
    hint = "退回的材料由单位修改后重新报送。"



def all_errors() -> list[type[DanganError]]:
    """Every error class, for docs and their contract test."""
    out, todo = [], [DanganError]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out


class InvalidDate(DanganError):
    code = "INVALID_DATE"
    exit_code = ExitCode.USAGE
    template = "日期无效：{value}（{reason}）"
    hint = "日期写成 2022-03-26、2022年3月26日 或 二〇二二年三月二十六日；只到年或月时写成 2022、2022-03。"


class NotASpeech(DanganError):
    code = "NOT_A_SPEECH"
    exit_code = ExitCode.USAGE
    template = "文件 {id}（{title}）是{kind}，不是讲话稿，不能起草会议纪要"
    hint = "用 `dangan search type:讲话` 找到讲话稿的编号；照片或扫描件请先 dangan ocr。"
