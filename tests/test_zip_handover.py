"""A ZIP batch is handed over once, as its members: `export`, `package`, `dossier` and `catalog`
(selections.hand_over_once)."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS, SEED_SPEECH
from docx import Document
from openpyxl import load_workbook

from dangan.cli import cli
from dangan.workspace import init_workspace

REPORTS = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025"
MEMBERS = (REPORTS / "2025年上海市政府工作报告.docx", REPORTS / "2025年天津市政府工作报告.docx")


def dangan(home: Path, *args: str, code: int = 0):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=code != 0)
    assert result.exit_code == code, result.output
    return result


def listed(xlsx: Path) -> list[str]:
    """Every cell text of the list, one string per row below the heading rows."""
    sheet = load_workbook(xlsx).active
    return ["|".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]


def test_a_zip_batch_goes_out_as_its_members_once_and_a_failed_batch_is_kept(tmp_path: Path) -> None:
    home = init_workspace(tmp_path / "ws").home
    batch = tmp_path / "报送.zip"
    with zipfile.ZipFile(batch, "w") as zf:
        for member in MEMBERS:
            zf.write(member, f"材料/{member.name}")
    taken = json.loads(dangan(home, "ingest", str(batch), str(SEED_SPEECH), "--json").output)
    ids = {Path(d["path"]).name: d["id"] for d in taken["documents"]}
    assert set(ids) == {"报送.zip", SEED_SPEECH.name, *(m.name for m in MEMBERS)}

    # Everything: the two reports and the speech, the ZIP not beside its members.
    out = tmp_path / "全部"
    assert json.loads(dangan(home, "export", "--out", str(out), "--json").output)["documents"] == 3
    files = sorted(p.name for p in out.iterdir() if p.suffix in (".docx", ".txt", ".zip"))
    assert len(files) == 3 and not any(f.endswith(".zip") for f in files), files
    rows = listed(out / "文件清单.xlsx")
    for member in MEMBERS:
        assert sum(member.stem in row for row in rows) == 1, rows
    assert not any("报送" in row for row in rows), rows
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids["报送.zip"] not in {r.get("id") for r in manifest}

    # A query the ZIP's member list matches as well as the member itself: the member alone.
    out = tmp_path / "上海"
    dangan(home, "export", "--out", str(out), "--query", "上海市政府工作报告")
    assert sorted(p.suffix for p in out.iterdir() if p.suffix in (".docx", ".txt", ".zip")) == [".docx"]

    # The batch tagged as a whole under A02: export and package hand over its members in its place.
    dangan(home, "tag", str(ids["报送.zip"]), "--item", "A02")
    dangan(home, "tag", str(ids[SEED_SPEECH.name]), "--item", "A02")
    out = tmp_path / "A02"
    dangan(home, "export", "--out", str(out), "--item", "A02")
    names = sorted(p.name for p in out.iterdir() if p.suffix in (".docx", ".txt", ".zip"))
    assert len(names) == 3 and sum(n.endswith(".docx") for n in names) == 2 and not any(
        n.endswith(".zip") for n in names), names
    package = tmp_path / "A02.zip"
    made = json.loads(dangan(home, "package", "--item", "A02", "--out", str(package), "--json").output)
    assert made["documents"] == 3
    with zipfile.ZipFile(package) as zf:
        inside = zf.namelist()
        zf.extract("佐证材料目录.xlsx", tmp_path / "目录")
    assert not any(n.endswith(".zip") for n in inside), inside
    for member in MEMBERS:
        assert sum(member.stem in n for n in inside) == 1, inside
    rows = listed(tmp_path / "目录" / "佐证材料目录.xlsx")
    for member in MEMBERS:
        assert sum(member.stem in row for row in rows) == 1, rows
    assert not any("报送" in row for row in rows), rows

    # A ZIP none of whose members was catalogued (an empty file) is kept: nothing is lost.
    empty = tmp_path / "空.docx"
    empty.write_bytes(b"")
    failed = tmp_path / "未收录.zip"
    with zipfile.ZipFile(failed, "w") as zf:
        zf.write(empty, empty.name)
    taken = json.loads(dangan(home, "ingest", str(failed), "--json", code=2).output)   # 2: a file failed
    assert taken["failed"] and [d["type"] for d in taken["documents"]] == ["application/zip"]
    out = tmp_path / "含失败"
    assert json.loads(dangan(home, "export", "--out", str(out), "--json").output)["documents"] == 4
    assert sum(p.name.endswith("未收录.zip") for p in out.iterdir()) == 1


def _batch(tmp_path: Path) -> Path:
    batch = tmp_path / "报送.zip"
    with zipfile.ZipFile(batch, "w") as zf:
        for member in MEMBERS:
            zf.write(member, f"材料/{member.name}")
    return batch


def _dossier_lists(docx: Path) -> tuple[list[str], list[str]]:
    """The DOCX re-opened: every table row (its cells once) and every heading (TOC entries, 附件2's originals)."""
    document = Document(str(docx))
    rows = ["|".join(dict.fromkeys(c.text for c in row.cells)) for t in document.tables for row in t.rows]
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    return rows, headings


def test_the_dossier_and_the_catalogue_list_a_zip_batch_once_as_its_members(tmp_path: Path) -> None:
    home = init_workspace(tmp_path / "ws").home
    taken = json.loads(dangan(home, "ingest", str(_batch(tmp_path)), str(SEED_SPEECH), "--json").output)
    ids = {Path(d["path"]).name: d["id"] for d in taken["documents"]}

    # A query the ZIP's member list matches as well as the members: the dossier lists each report once, in
    # 佐证材料目录 and in 附件1, and appends each original once (附件2), the ZIP nowhere.
    out = tmp_path / "报告.docx"
    made = json.loads(dangan(home, "dossier", "--query", "政府工作报告", "--with-originals", "--out", str(out),
                             "--json").output)
    assert made["documents"] == 2, made
    rows, headings = _dossier_lists(out)
    for member in MEMBERS:
        assert sum(member.stem in row for row in rows) == 2, rows            # 佐证材料目录, 附件1
        assert sum(member.stem in h for h in headings) == 2, headings        # its excerpt, its original
    assert not any("报送" in text for text in rows + headings), (rows, headings)
    assert "附件2：佐证材料原件" in headings

    # The batch tagged as a whole under A02: its members stand in its place, the speech beside them.
    dangan(home, "tag", str(ids["报送.zip"]), "--item", "A02")
    dangan(home, "tag", str(ids[SEED_SPEECH.name]), "--item", "A02")
    out = tmp_path / "A02.docx"
    made = json.loads(dangan(home, "dossier", "--item", "A02", "--with-originals", "--out", str(out),
                             "--json").output)
    assert made["documents"] == 3, made
    rows, headings = _dossier_lists(out)
    for member in MEMBERS:
        assert sum(member.stem in row for row in rows) == 2, rows
        assert sum(member.stem in h for h in headings) == 2, headings
    assert not any("报送" in text for text in rows + headings), (rows, headings)

    # 归档文件目录: the batch, even dated by hand into 2025, is no 归档文件 beside its members: `archive --year`
    # gives it no 档号 and says so; a batch none of whose members was catalogued is filed and listed.
    dangan(home, "tag", str(ids["报送.zip"]), "--set", "成文日期=2025-01-20")
    empty = tmp_path / "空.docx"
    empty.write_bytes(b"")
    failed = tmp_path / "未收录.zip"
    with zipfile.ZipFile(failed, "w") as zf:
        zf.write(empty, empty.name)
    kept = json.loads(dangan(home, "ingest", str(failed), "--json", code=2).output)["documents"][0]["id"]
    dangan(home, "tag", str(kept), "--set", "成文日期=2025-02-01")
    report = json.loads(dangan(home, "archive", "--year", "2025", "--fonds", "0194", "--json").output)
    assigned = {a["id"] for a in report["assigned"]}
    assert ids["报送.zip"] not in assigned and kept in assigned, report
    assert report["batches"] == 1, report
    assert ids["报送.zip"] not in {u["id"] for u in report["undated"]["documents"]}, report
    catalogue = tmp_path / "2025年归档文件目录.xlsx"
    made = json.loads(dangan(home, "catalog", "--year", "2025", "--out", str(catalogue), "--json").output)
    rows = listed(catalogue)
    for member in MEMBERS:
        assert sum(member.stem in row for row in rows) == 1, rows
    assert not any("报送" in row for row in rows), rows
    assert sum("未收录" in row for row in rows) == 1, rows
    assert made["rows"] == sum(1 for row in rows if "0194-WS·2025" in row), (made, rows)
