"""What a clerk asks for: queries, dates, documents to compose (dossiers, packages, exports, catalogues, minutes), tasks."""
from __future__ import annotations

from dangan.errors.base import DanganError, ExitCode
from dangan.fields import DOC_TYPES


class BadQuery(DanganError):
    code = "BAD_QUERY"
    exit_code = ExitCode.USAGE
    template = "无法理解的检索式：{detail}"
    hint = "例：dangan search '\"生活垃圾\" type:通报 date:2022-03'"


class InvalidDate(DanganError):
    code = "INVALID_DATE"
    exit_code = ExitCode.USAGE
    template = "日期无效：{value}（{reason}）"
    hint = "日期写成 2022-03-26、2022年3月26日 或 二〇二二年三月二十六日；只到年或月时写成 2022、2022-03。"


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
    hint = "请指定一个新的文件夹（或空文件夹），或一个尚不存在的 .zip 文件名。"


class PackageTargetUnsupported(DanganError):
    code = "PACKAGE_TARGET_UNSUPPORTED"
    exit_code = ExitCode.USAGE
    template = "不能打包成 {suffix} 文件：{path}"
    hint = "资料包可以是一个新文件夹，或以 .zip 结尾的压缩文件（Windows 可直接打开）。"


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


class DocxFormat(DanganError):
    code = "DOCX_FORMAT"
    exit_code = ExitCode.USAGE
    template = "不能把{what}写成{kind}：{path}"
    hint = "输出文件请以 .docx 结尾，如 --out 迎检资料汇编.docx。"


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


class EditedTasksInLedger(DanganError):
    code = "EDITED_TASKS_IN_LEDGER"
    exit_code = ExitCode.USAGE
    template = ("督办台账中本次会议有 {count} 项未完成任务已手工修改（任务编号 {ids}），"
                "重新起草会以讲话稿的读法替换这些修改")
    hint = ("确认替换请加 --replace；要保留修改，先用 `dangan tasks done 编号` 标记完成"
            "（已完成的任务重新起草时保留不变），或换一个 --date 作为另一次会议起草。")


class NotASpeech(DanganError):
    code = "NOT_A_SPEECH"
    exit_code = ExitCode.USAGE
    template = "文件 {id}（{title}）是{kind}，不是讲话稿，不能起草会议纪要"
    hint = "用 `dangan search type:讲话` 找到讲话稿的编号；照片或扫描件请先 dangan ocr。"


class SameTextPairInvalid(DanganError):
    code = "SAME_TEXT_PAIR_INVALID"
    exit_code = ExitCode.USAGE
    template = "不能标记这一对同文异版候选：{detail}"
    hint = "用 `dangan variants` 列出候选及其编号。"


class SameTextMergeRefused(DanganError):
    code = "SAME_TEXT_MERGE_REFUSED"
    exit_code = ExitCode.USAGE
    template = "不能合并这两件：{detail}"
    hint = "用 `dangan variants` 列出同文异版候选及其编号；合并指定的两件：dangan variants --join 编号 编号 --keep 编号。"


class SameTextMergeConflict(DanganError):
    code = "SAME_TEXT_MERGE_CONFLICT"
    exit_code = ExitCode.USAGE
    template = "第 {other} 件并入第 {keep} 件会丢掉有人做过的处理，未合并：{detail}"
    hint = ("先用 dangan tag 改正其中一件，使两件不再冲突（或改为保留另一件：--keep），再合并；"
            "两件确应分开保存的，用 dangan variants --dismiss 编号 编号 标明。")
