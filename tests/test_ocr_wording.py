"""One wording for reading scans, on the desk and the command line: 文字识别 for the act (文字识别队列, 待文字识别,
文字识别失败), 识别文字 for its text; "OCR" only in parentheses where the setting or option is named
(收录时自动文字识别（OCR）, the `ocr` command's help). The desk said OCR 队列 over 待识别文件 and the CLI
待 OCR beside 正在后台识别文字: a clerk met two names for one thing."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS

from dangan.cli import cli
from dangan.web.app import create_app
from dangan.workspace import init_workspace

PACKAGE = Path(__file__).resolve().parents[1] / "dangan"
CJK = re.compile(r"[\u4e00-\u9fff]")
BARE_OCR = re.compile(r"OCR(?![^（(]*[）)])")   # an OCR not closed by a parenthesis after it
SCAN = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Guangdong_test.pdf"   # no text layer


def user_strings(path: Path) -> list[tuple[int, str]]:
    """The Chinese strings of a module a clerk can meet: its string literals (and f-string parts), docstrings
    only where they are a command's help (a decorated function of dangan/cli: a click command)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    in_cli = "cli" in path.relative_to(PACKAGE).parts
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            command = in_cli and not isinstance(node, ast.Module) and bool(node.decorator_list)
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and not command:
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and CJK.search(node.value)]


def test_no_bare_ocr_in_what_clerks_read() -> None:
    found = [f"{path.relative_to(PACKAGE)}:{line}: {text.strip()[:60]}"
             for path in sorted(PACKAGE.rglob("*.py")) for line, text in user_strings(path) if BARE_OCR.search(text)]
    pages = [f"{path.relative_to(PACKAGE)}:{number}: {line.strip()[:60]}"
             for path in sorted((PACKAGE / "web").rglob("*.html")) + [PACKAGE / "web" / "static" / "app.js"]
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if CJK.search(line) and BARE_OCR.search(re.sub(r"\{[%{#].*?[%}#]\}", "", line))]
    assert not found and not pages, found + pages
    # the setting and the command name it once, in parentheses
    config = CliRunner().invoke(cli, ["ocr", "--help"]).output
    assert "文字识别（OCR）" in config


def test_a_scan_waiting_reads_the_same_on_the_desk_and_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A real PDF without a text layer, taken with reading off: `stats`, `show`, `ingest` and the desk's
    状态 and document pages say 待文字识别 / 文字识别, never OCR."""
    ws = init_workspace(tmp_path / "ws")
    runner = CliRunner()
    taken = runner.invoke(cli, ["--home", str(ws.home), "ingest", "--no-ocr", str(SCAN)], catch_exceptions=False)
    assert "待文字识别 1 件" in taken.output, taken.output
    stats = runner.invoke(cli, ["--home", str(ws.home), "stats"], catch_exceptions=False).output
    shown = runner.invoke(cli, ["--home", str(ws.home), "show", "1"], catch_exceptions=False).output
    assert "待文字识别：1" in stats and "待文字识别：是" in shown
    assert "OCR" not in stats + shown + taken.output
    with create_app(ws).test_client() as client:
        status = client.get("/status").get_data(as_text=True)
        page = client.get("/doc/1").get_data(as_text=True)
    assert "文字识别队列" in status and "待文字识别" in status and "尚未识别文字" in page
    shown_text = [re.sub(r"<[^>]+>", " ", p) for p in (status, page)]
    assert not any(BARE_OCR.search(t) for t in shown_text)
