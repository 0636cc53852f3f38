"""Where a document is filed as evidence, said where the clerk looks: `tag --item Ⅲ-27 --req 1
--taxonomy national-2015` printed 佐证 once, then neither `show` nor the desk's document page said it
again (they listed the workspace's own 测评项目 only); and a hand's 测评项目 read 手工 1.000."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan
from conftest import CORPUS

from dangan.web.app import create_app
from dangan.workspace import open_workspace

NOTICE = next((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("海口市水务局*.txt"))
NATIONAL = "全国文明城市测评体系（2015年版·城区）"


def test_show_and_the_desk_say_which_requirement_a_document_answers(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    doc = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(NOTICE)))["documents"][0]["id"]
    dangan(home, "tag", str(doc), "--item", "Ⅲ-27", "--req", "1", "--taxonomy", "national-2015")
    dangan(home, "tag", str(doc), "--item", "A03")
    shown = dangan(home, "show", str(doc))
    assert f"佐证：Ⅲ-27 依法行政 第1条（手工；{NATIONAL}）" in shown
    assert "测评项目：A03 资料收集整理（手工）" in shown and "手工 1.000" not in shown
    assert shown.count("佐证：") == 1            # the workspace's own A03 is its 测评项目 line, not repeated
    data = json.loads(dangan(home, "show", str(doc), "--json"))
    assert [(e["taxonomy"], e["content"], e["req"], e["origin"], e["name"]) for e in data["evidence"]] == [
        ("national-2015", "Ⅲ-27", 1, "manual", "依法行政")]
    page = create_app(open_workspace(home)).test_client().get(f"/doc/{doc}").get_data(as_text=True)
    assert '<dt>佐证</dt><dd><a href="/progress?taxonomy=national-2015#c-%E2%85%A2-27">Ⅲ-27 依法行政</a> 第1条' in page
    assert f"（手工；{NATIONAL}）" in page
