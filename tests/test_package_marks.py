"""The 佐证材料目录 a USB stick gets prints each piece's whole mark. Its 编号 column kept the 6 characters a
序号 needs, so under a taxonomy `Ⅲ-28-1)-①` (no place to wrap) was printed -28-1)-."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan
from web_desk import DOCX, PDF


def test_the_package_catalogue_prints_every_mark_whole(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    ids = [str(d["id"]) for d in json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(PDF), str(DOCX)))["documents"]]
    dangan(home, "tag", ids[0], "--item", "Ⅲ-28", "--req", "2", "--taxonomy", "national-2015")
    dangan(home, "tag", ids[1], "--item", "Ⅲ-77", "--req", "2", "--taxonomy", "national-2015")
    out = tmp_path / "U盘"
    dangan(home, "package", "--taxonomy", "national-2015", "--item", "Ⅲ-28", "--item", "Ⅲ-77", "--out", str(out))
    from openpyxl import load_workbook

    sheet = load_workbook(out / "佐证材料目录.xlsx").active
    marks = [str(row[0]) for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]]
    assert marks == ["Ⅲ-28-1)-①", "Ⅲ-77-1)-①"]
    # a character takes at least one of Excel's units (the digit 0), plus the cell's margins
    assert sheet.column_dimensions["A"].width >= max(len(m) for m in marks) + 1


def test_gaps_missing_out_lists_only_what_is_missing(tmp_path: Path) -> None:
    """`gaps --missing --out 缺项清单.xlsx` (the help's own example) wrote every 测评内容, complete ones too:
    --missing filtered the screen only. The sheet now lists what the screen lists."""
    from openpyxl import load_workbook

    home = tmp_path / "ws"
    dangan(home, "init")
    doc = json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(DOCX)))["documents"][0]["id"]
    for req in ("1", "2"):                                   # Ⅲ-77 has two requirements: complete
        dangan(home, "tag", str(doc), "--item", "Ⅲ-77", "--req", req, "--taxonomy", "national-2015")
    every, missing = tmp_path / "全部.xlsx", tmp_path / "缺项.xlsx"
    dangan(home, "gaps", "--taxonomy", "national-2015", "--out", str(every))
    dangan(home, "gaps", "--taxonomy", "national-2015", "--missing", "--out", str(missing))

    def rows(path: Path) -> list[tuple]:
        return [r for r in load_workbook(path).active.iter_rows(min_row=3, values_only=True) if r[0]]

    assert [r[6] for r in rows(every) if r[0] == "Ⅲ-77"] == ["已有", "已有"]
    assert not [r for r in rows(missing) if r[0] == "Ⅲ-77"] and {r[6] for r in rows(missing)} == {"缺"}
    assert len(rows(missing)) == len(rows(every)) - 2
    assert "只列尚缺材料的测评内容" in str(load_workbook(missing).active["A1"].value)
