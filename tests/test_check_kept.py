"""The desk's 状态 page said 尚未核对 after `dangan check` had run: only its own 立即核对 was kept.
The CLI's result is kept the same way (logs/last_check.json) and shown as 上次核对."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS

from dangan.cli import cli
from dangan.web.app import create_app
from dangan.workspace import open_workspace

NOTICE = next((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("海口市水务局*.txt"))


def test_the_status_page_shows_the_check_the_cli_ran(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    runner = CliRunner()
    for args in (["init"], ["ingest", "--no-ocr", str(NOTICE)]):
        assert runner.invoke(cli, ["--home", str(home), *args]).exit_code == 0
    client = create_app(open_workspace(home)).test_client()
    assert "尚未核对" in client.get("/status").get_data(as_text=True)
    done = runner.invoke(cli, ["--home", str(home), "check"], catch_exceptions=False)
    assert done.exit_code == 0 and "核对通过" in done.output
    page = client.get("/status").get_data(as_text=True)
    assert "尚未核对" not in page and "上次核对：" in page and "1 件文件" in page and "未发现问题" in page
