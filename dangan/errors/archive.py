"""The workspace, its catalog, index, archival codes, backups and settings."""
from __future__ import annotations

from dangan.errors.base import DanganError, ExitCode


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


class DuplicateDocument(DanganError):
    code = "DUPLICATE_DOCUMENT"
    exit_code = ExitCode.OK
    template = "内容相同的文件已收录（编号 {id}）"


class IndexSchemaTaken(DanganError):
    code = "INDEX_SCHEMA_TAKEN"
    exit_code = ExitCode.WORKSPACE
    template = "检索库的 schema {schema} 中已有另一个档案的 {count} 件文件的索引"
    hint = "请用 --schema 另选一个名字；一个 schema 只存放一个档案的索引。"


class DatabaseMissing(DanganError):
    code = "DATABASE_MISSING"
    exit_code = ExitCode.USAGE
    template = "把索引放进 PostgreSQL 须先给出数据库地址"
    hint = ("用 dangan init --database postgresql://用户@主机/库名 指定（现有索引随之移入）；"
            "或在 dangan.toml 的 [index] 写 database = \"…\"、或设环境变量 DANGAN_DATABASE_URL，再运行本命令。")


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
