"""The web desk: serving, accounts, passwords, units' submissions."""
from __future__ import annotations

from dangan.errors.base import DanganError, ExitCode


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


class SubmissionInvalid(DanganError):
    """A hand-in or a review decision that cannot be made as asked (not a query: BAD_QUERY's
    search example was its hint)."""
    code = "SUBMISSION_INVALID"
    exit_code = ExitCode.USAGE
    template = "{detail}"
    hint = ""
