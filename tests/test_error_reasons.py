"""Reasons a clerk reads when a template, a sign-in sheet or a password file cannot be read: Chinese, with no
Python class name (BadZipFile, FileNotFoundError) in them."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_SPEECH

from dangan.cli import cli
from dangan.compose.minutes.attendance import read_attendance
from dangan.compose.minutes.render import render_minutes
from dangan.compose.minutes.speech import draft_minutes
from dangan.errors import AttendanceUnreadable, TemplateError

CLASS_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+|Error\b")
NOT_A_PACKAGE = ("不是有效的 ZIP 结构", "无法作为 Office 文档打开")


def test_a_damaged_template_says_why_in_chinese(tmp_path: Path) -> None:
    template = tmp_path / "纪要模板.docx"
    template.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    minutes = draft_minutes(SEED_SPEECH.read_text(encoding="utf-8"), date(2022, 3, 26))
    with pytest.raises(TemplateError) as info:
        render_minutes(minutes, tmp_path / "out.docx", template=template)
    message = str(info.value)
    assert any(r in message for r in NOT_A_PACKAGE) and not CLASS_NAME.search(message), message


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_damaged_sign_in_sheet_says_why_in_chinese(tmp_path: Path, suffix: str) -> None:
    sheet = tmp_path / f"签到表{suffix}"
    sheet.write_bytes(b"\x00junk" * 50)
    with pytest.raises(AttendanceUnreadable) as info:
        read_attendance(sheet)
    message = str(info.value)
    assert f"签到表{suffix}" in message and any(r in message for r in NOT_A_PACKAGE), message
    assert not CLASS_NAME.search(message), message


def test_a_password_file_in_another_encoding_says_so(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    assert CliRunner().invoke(cli, ["--home", str(home), "init"]).exit_code == 0
    password = tmp_path / "密码.txt"
    password.write_bytes("创文办密码二〇二二".encode("gbk"))    # saved by Notepad in GBK, not UTF-8
    result = CliRunner().invoke(cli, ["--home", str(home), "user", "add", "wang", "--role", "clerk",
                                      "--password-file", str(password)])
    assert result.exit_code != 0
    assert "文字编码错误" in result.output and not CLASS_NAME.search(result.output), result.output
