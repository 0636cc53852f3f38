"""读取提示: what a reader noted on a document it read anyway (Extracted.warnings) is kept in the catalog and reaches
the clerk: the ingest summary counts the documents with notes, `show` prints a 读取提示 line (--json: warnings), the
web desk's document page lists them; every note in the clerk's words (no error class, no package path). A catalog
made before the notes were kept is upgraded and keeps working.

The document is ofdrw's real 不动产登记证明.ofd (corpus/ofd/) copied to tmp with its seal file damaged."""
from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

from click.testing import CliRunner
from labelled_elements import CORPUS

from dangan.archive.catalog import Catalog
from dangan.archive.migrations import MIGRATIONS
from dangan.cli import cli
from dangan.web.app import create_app
from dangan.workspace import open_workspace

CERTIFICATE = CORPUS / "ofd" / "不动产登记证明.ofd"   # one seal (Doc_0/Signs/Sign_1/Seal.esl)
LUQIAO = CORPUS / "ofd" / "路桥区卫生局关于同意辞职的批复.ofd"   # one seal (Doc_0/Signs/Sign_0/Seal.esl)
NOTE = "第 1 个电子签章无法读取，正文已照常读取"
NOTES_TABLE = next(n for n, script in enumerate(MIGRATIONS, start=1) if "document_notes" in script)


def _run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _damaged(folder: Path, source: Path = CERTIFICATE) -> Path:
    """A copy of `source` with its seal file cut to its first 500 bytes (the text untouched)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / source.name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[:500] if info.filename.endswith("Seal.esl") else data)
    return out


def _ingested(tmp_path: Path) -> Path:
    home = tmp_path / "ws"
    _run(home, "init")
    _damaged(tmp_path / "in")
    said = _run(home, "ingest", str(tmp_path / "in"))
    assert "收录 1 件" in said
    assert "其中 1 件读取时有提示（正文已照常读取），可用 dangan show 查看：编号 1。" in said
    return home


def test_a_damaged_seal_is_noted_in_the_ingest_summary_show_and_json(tmp_path: Path) -> None:
    home = _ingested(tmp_path)
    report = json.loads(_run(home, "ingest", str(_damaged(tmp_path / "again")), "--json"))
    assert report["duplicates"] == 1 and report["warnings"] == []   # nothing newly read: nothing to say
    data = json.loads(_run(home, "show", "1", "--json"))
    assert data["warnings"] == [NOTE]
    assert data["seals"] == [] and "鲁（2020）泰安市不动产证明" in data["text"]   # the text read all the same
    page = _run(home, "show", "1")
    assert f"读取提示：{NOTE}" in page
    assert "电子签章：" not in page


def test_the_ingest_json_names_the_documents_with_notes(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    _run(home, "init")
    report = json.loads(_run(home, "ingest", str(_damaged(tmp_path / "in")), "--json"))
    assert report["warnings"] == [{"id": 1, "path": str(tmp_path / "in" / CERTIFICATE.name), "notes": [NOTE]}]


def test_a_whole_seal_leaves_no_note(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    _run(home, "init")
    said = _run(home, "ingest", str(CERTIFICATE))
    assert "读取时有提示" not in said
    data = json.loads(_run(home, "show", "1", "--json"))
    assert data["warnings"] == [] and len(data["seals"]) == 1
    assert "读取提示" not in _run(home, "show", "1")


def test_the_web_desk_shows_the_note(tmp_path: Path) -> None:
    home = _ingested(tmp_path)
    with create_app(open_workspace(home)).test_client() as client:
        html = client.get("/doc/1").get_data(as_text=True)
    assert f"<dt>读取提示</dt><dd>{NOTE}</dd>" in html


def test_notes_are_in_the_clerks_words(tmp_path: Path) -> None:
    """No error class (SealError), no package path (Doc_0/Signs/…): no Latin letter or slash at all."""
    home = _ingested(tmp_path)
    with Catalog(open_workspace(home).catalog_path) as catalog:
        notes = catalog.notes(1)
    assert notes == [NOTE]
    for note in notes:
        assert not re.search(r"[A-Za-z_/]", note), note


def test_a_catalog_made_before_notes_were_kept_is_upgraded(tmp_path: Path) -> None:
    """The damaged certificate ingested by the real code, the catalog then put back as migration 12 left it (no
    notes table): opening it upgrades it; the old document shows no note and no error, and a document ingested
    after the upgrade keeps its note."""
    home = _ingested(tmp_path)
    path = open_workspace(home).catalog_path
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE document_notes")
        conn.execute(f"PRAGMA user_version = {NOTES_TABLE - 1}")
    with Catalog(path) as catalog:
        assert catalog.schema_version() == len(MIGRATIONS)
        assert catalog.notes(1) == []
    data = json.loads(_run(home, "show", "1", "--json"))
    assert data["warnings"] == [] and "鲁（2020）泰安市不动产证明" in data["text"]
    assert "读取提示" not in _run(home, "show", "1")
    _run(home, "ingest", str(_damaged(tmp_path / "later", LUQIAO)))
    assert json.loads(_run(home, "show", "2", "--json"))["warnings"] == [NOTE]
