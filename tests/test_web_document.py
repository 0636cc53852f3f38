"""The web desk's document page on documents a clerk really meets: a very long text."""
from __future__ import annotations

import re
from pathlib import Path

from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.web.views_search import MAX_TEXT_CHARS
from dangan.workspace import init_workspace

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPORTS = sorted((CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025").glob("*.txt"))


def test_a_very_long_text_is_shown_in_part_and_says_so(tmp_path: Path) -> None:
    """Seventy years of State Council reports in one file (~1.5 M characters): the page shows
    the beginning, says how much is left out and where the whole is, and stays small."""
    whole = "\n".join(p.read_text(encoding="utf-8") for p in REPORTS)
    assert len(whole) > 3 * MAX_TEXT_CHARS
    merged = tmp_path / "历年政府工作报告汇编.txt"
    merged.write_text(whole, encoding="utf-8")
    ws = init_workspace(tmp_path / "ws")
    doc_id = ingest_paths(ws, [merged]).results[0].document_id
    with create_app(ws).test_client() as client:
        page = client.get(f"/doc/{doc_id}").get_data(as_text=True)
        marked = client.get(f"/doc/{doc_id}?q=政府工作报告").get_data(as_text=True)
    assert len(page.encode()) < 4 * MAX_TEXT_CHARS   # not the 1.5 M characters
    total = int(re.search(r"正文共 ([\d,]+) 字", page).group(1).replace(",", ""))
    assert total > 3 * MAX_TEXT_CHARS
    assert f"仅显示前 {MAX_TEXT_CHARS:,} 字" in page and "下载原件" in page
    assert whole[:40].split("\n")[0] in page
    assert "仅显示前" in marked and len(marked.encode()) < 5 * MAX_TEXT_CHARS
