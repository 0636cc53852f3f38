"""Errors with a stable code, an exit status and a Chinese message.

Every error class of the project lives in this package (base.py, then one module a topic:
files, archive, requests, desk), imported here, so `docs/errors.md` lists them all without
importing the rest of the package. The library raises them; only the CLI's group handler
and the web desk turn them into messages.
"""
from __future__ import annotations

from dangan.errors.archive import (
    ArchivalCodeError,
    BackupNotFound,
    BackupTargetInvalid,
    ConfigError,
    DatabaseMissing,
    DocumentNotFound,
    DuplicateDocument,
    IndexMismatch,
    IndexSchemaTaken,
    ManifestInvalid,
    RestoreTargetInvalid,
    TaxonomyError,
    UnknownEdition,
    WorkspaceBusy,
    WorkspaceMissing,
)
from dangan.errors.base import DanganError, ExitCode, all_errors
from dangan.errors.desk import (
    AccountInvalid,
    PasswordFileInvalid,
    PasswordRequired,
    ServeUnavailable,
    SubmissionDecided,
    SubmissionInvalid,
    SubmissionNotFound,
    UserNotFound,
)
from dangan.errors.files import (
    ConversionFailed,
    ConverterMissing,
    CorruptFile,
    DiskFull,
    EmptyFile,
    EncryptedFile,
    EncryptedPdf,
    ExtractionFailed,
    ExtractionMemory,
    ExtractionTimeout,
    FileVanished,
    MissingDependency,
    PathUnusable,
    TooLarge,
    UndecodableText,
    UnsafeAttachment,
    UnsafeMember,
    UnsafePdfAttachment,
    UnsupportedFormat,
    is_disk_full,
    path_error,
    read_reason,
)
from dangan.errors.requests import (
    AttendanceUnreadable,
    BadQuery,
    CatalogueFormat,
    DocxFormat,
    EditedTasksInLedger,
    ExportTargetInvalid,
    InvalidDate,
    NotASpeech,
    NothingSelected,
    NothingToExport,
    PackageTargetExists,
    PackageTargetUnsupported,
    PdfConversionFailed,
    SameTextMergeConflict,
    SameTextMergeRefused,
    SameTextPairInvalid,
    TableFormat,
    TaskNotFound,
    TemplateError,
    UnknownDocType,
)

__all__ = [
    "AccountInvalid", "ArchivalCodeError", "AttendanceUnreadable", "BackupNotFound", "BackupTargetInvalid",
    "BadQuery", "CatalogueFormat", "DocxFormat", "ConfigError", "ConversionFailed", "ConverterMissing", "CorruptFile",
    "DanganError", "DatabaseMissing", "DiskFull", "DocumentNotFound", "DuplicateDocument", "EditedTasksInLedger", "EmptyFile", "EncryptedFile",
    "EncryptedPdf", "ExitCode", "ExportTargetInvalid", "ExtractionFailed", "ExtractionMemory",
    "ExtractionTimeout", "FileVanished", "IndexMismatch", "IndexSchemaTaken", "InvalidDate",
    "ManifestInvalid", "MissingDependency", "NotASpeech", "NothingSelected", "NothingToExport",
    "PackageTargetExists", "PackageTargetUnsupported", "PathUnusable", "PasswordFileInvalid", "PasswordRequired", "PdfConversionFailed",
    "RestoreTargetInvalid", "SameTextMergeConflict", "SameTextMergeRefused", "SameTextPairInvalid", "ServeUnavailable", "SubmissionDecided", "SubmissionInvalid", "SubmissionNotFound", "TableFormat",
    "TaskNotFound", "TaxonomyError", "TemplateError", "TooLarge", "UndecodableText", "UnknownDocType",
    "UnknownEdition", "UnsafeAttachment", "UnsafePdfAttachment", "UnsafeMember", "UnsupportedFormat", "UserNotFound", "WorkspaceBusy",
    "WorkspaceMissing", "all_errors", "is_disk_full", "path_error", "read_reason",
]
