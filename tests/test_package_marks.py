"""The 佐证材料目录 a USB stick gets prints each piece's whole mark. Its 编号 column kept the 6 characters a
序号 needs, so under a taxonomy `Ⅲ-28-1)-①` (no place to wrap) was printed -28-1)-."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from web_desk import DOCX, PDF

from dangan.cli import cli


def dangan(home: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == code, result.output
    return result.output


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
