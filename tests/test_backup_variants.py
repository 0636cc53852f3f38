"""同文异版 in a backup: the other originals of a document are kept, checked and restored. A backup
held only each document's own original: after restore `show 5` named a GB18030 copy that was not
there, and `check` (which looked at documents only) said every original was present."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.archive.backup import backup
from dangan.archive.catalog import Catalog
from dangan.intake.batch import ingest_paths
from dangan.ops.check import check
from dangan.ops.restore import restore
from dangan.workspace import init_workspace, open_workspace

UTF8 = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt"
GB18030 = CORPUS / "txt/encoding_variants_DERIVED/2024年国务院政府工作报告_GB18030_CRLF.txt"


@pytest.mark.parametrize("target", ["备份", "备份.tar"])
def test_a_copy_in_another_encoding_is_backed_up_and_restored(tmp_path: Path, target: str) -> None:
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [UTF8, GB18030], ocr=False)
    assert [r.status for r in report.results] == ["added", "duplicate"]
    with Catalog(ws.catalog_path) as catalog:
        (relpath,) = catalog.conn.execute("SELECT relpath FROM variants").fetchone()
    done = backup(ws, tmp_path / target)
    assert done.ok, done.problems
    restored = restore(tmp_path / target, tmp_path / "new")
    assert restored.ok, restored.problems
    copy = tmp_path / "new" / "originals" / relpath
    assert copy.read_bytes() == GB18030.read_bytes()
    assert check(open_workspace(tmp_path / "new"))["ok"]


def test_check_finds_a_missing_variant_original(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    ingest_paths(ws, [UTF8, GB18030], ocr=False)
    assert check(ws)["ok"]
    with Catalog(ws.catalog_path) as catalog:
        (relpath,) = catalog.conn.execute("SELECT relpath FROM variants").fetchone()
    (ws.originals / relpath).unlink()
    result = check(ws)
    assert not result["ok"]
    assert [p["message"] for p in result["problems"]] == [f"同文异版原件缺失：文件 1 的 {GB18030.name}"]


def test_the_backup_summary_says_why_it_holds_more_originals_than_documents(tmp_path: Path) -> None:
    """文件 1 件（新增原件 2 件…）: the summary's figures did not add up without the 同文异版."""
    from click.testing import CliRunner

    from dangan.cli import cli

    ws = init_workspace(tmp_path / "ws")
    ingest_paths(ws, [UTF8, GB18030], ocr=False)
    said = CliRunner().invoke(cli, ["--home", str(ws.home), "backup", "--out", str(tmp_path / "备份")],
                              catch_exceptions=False).output
    assert "文件 1 件（新增原件 2 件，" in said and "含同文异版原件 1 件）" in said
