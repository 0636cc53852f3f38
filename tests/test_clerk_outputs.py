"""What a clerk names the file a command writes, on real files: a dossier or minutes asked for as
`--out 汇编.pdf` (or with no suffix) was written as a Word file under that name, which no PDF reader
and no double click opens; now refused before anything is selected, drafted, ingested or stored, with
the command that gives what was wanted. The DOCX asked for properly is re-opened with python-docx."""
from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from clerk_desk import dangan
from conftest import SEED_SPEECH

from dangan.archive.catalog import Catalog


def _counts(home: Path) -> tuple[int, int]:
    with Catalog(home / "catalog.sqlite3") as catalog:
        return (catalog.conn.execute("SELECT count(*) FROM documents").fetchone()[0],
                catalog.conn.execute("SELECT count(*) FROM tasks").fetchone()[0])


@pytest.mark.parametrize(("name", "hint"), [
    ("汇编.pdf", "请写 --out 汇编.docx 并加 --pdf，同一文件夹里同时得到 汇编.pdf"),
    ("汇编", "输出文件请以 .docx 结尾，如 --out 汇编.docx"),
    ("汇编.doc", "输出文件请以 .docx 结尾，如 --out 汇编.docx")])
def test_a_dossier_named_other_than_docx_is_refused_with_the_command_meant(clerk_desk, tmp_path: Path,
                                                                            name: str, hint: str) -> None:
    home, _ = clerk_desk
    out = tmp_path / "out"
    out.mkdir()
    said = dangan(home, "dossier", "--query", "政府工作报告", "--out", str(out / name), code=3).output
    assert "不能把汇编写成" in said and hint in said, said
    assert list(out.iterdir()) == []
    made = json.loads(dangan(home, "dossier", "--query", "政府工作报告", "--out", str(out / "汇编.docx"),
                             "--json").output)
    assert made["documents"] >= 2 and Path(made["docx"]) == out / "汇编.docx"
    text = "\n".join(p.text for p in docx.Document(str(out / "汇编.docx")).paragraphs)
    assert "创建全国文明城市迎检资料汇编" in text and "编制说明" in text


def test_minutes_to_a_pdf_name_ingest_and_store_nothing(clerk_desk, tmp_path: Path) -> None:
    """The speech given as a path was ingested and its 17 tasks stored before the Word file was written
    under the .pdf name; now nothing happens but the refusal."""
    home, _ = clerk_desk
    out = tmp_path / "out"
    out.mkdir()
    before = _counts(home)
    said = dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--out", str(out / "纪要.pdf"),
                  code=3).output
    assert "不能把纪要写成 .pdf 文件" in said and "请写 --out 纪要.docx" in said and "另存为 PDF" in said, said
    assert _counts(home) == before and list(out.iterdir()) == []
    made = json.loads(dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26",
                             "--out", str(out / "纪要.docx"), "--json").output)
    documents, tasks = _counts(home)
    assert documents == before[0] + 1 and tasks == before[1] + len(made["tasks"]) > before[1]
    paragraphs = [p.text for p in docx.Document(made["docx"]).paragraphs]
    assert paragraphs[0].endswith("纪要") and any(p.startswith("时间：2022年3月26日") for p in paragraphs)
