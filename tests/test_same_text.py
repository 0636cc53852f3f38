"""同文异版 beyond ingest (issue 15): documents catalogued before text keys existed, and scans
whose text arrives later, from OCR."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from PIL import Image

from dangan.archive.catalog import Catalog
from dangan.archive.catalog_db import statements
from dangan.archive.describe import describe
from dangan.archive.migrations import MIGRATIONS
from dangan.cli import cli
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.intake.ocr_stage import ocr_documents
from dangan.workspace import init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

REPORT = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt"
REPORT_GB = CORPUS / "txt/encoding_variants_DERIVED/2024年国务院政府工作报告_GB18030_CRLF.txt"
SCAN = Path(__file__).resolve().parent / "data/elements/docs/ocr_scans/关于报送2021年度统计数据的函.png"


BACKFILL = next(n for n, script in enumerate(MIGRATIONS, start=1) if "dangan_text_key" in script)


def _as_before_migration_4(catalog_path: Path) -> None:
    """What a catalog made before migration 4 holds: documents with no text key."""
    with sqlite3.connect(catalog_path) as conn:
        conn.execute("UPDATE documents SET text_key = NULL")


def test_text_keys_backfilled_for_documents_catalogued_before_migration_4(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    first = ingest_paths(ws, [REPORT]).to_dict()
    doc_id = first["documents"][0]["id"]
    _as_before_migration_4(ws.catalog_path)
    with Catalog(ws.catalog_path) as catalog:          # the backfill migration, as opening an old catalog runs it
        with catalog.transaction() as conn:
            for statement in statements(MIGRATIONS[BACKFILL - 1]):
                conn.execute(statement)
        key = catalog.conn.execute("SELECT text_key FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    assert key and len(key) == 64
    second = ingest_paths(ws, [REPORT_GB]).to_dict()   # the same report in GB18030/CRLF
    assert second["ingested"] == 0 and [row["id"] for row in second["same_text"]] == [doc_id]
    assert [v["original_name"] for v in describe(ws, doc_id)["variants"]] == [REPORT_GB.name]


def test_opening_a_catalog_older_than_the_backfill_computes_the_keys(tmp_path: Path) -> None:
    """A catalog left at the schema before the backfill, with a document row and no key: opening
    it runs the backfill (and every later migration) and the key is the one ingest computes."""
    from dangan.text.fingerprint import text_key

    path = tmp_path / "catalog.sqlite3"
    text = REPORT.read_text(encoding="utf-8")
    with sqlite3.connect(path) as conn:
        for script in MIGRATIONS[:BACKFILL - 1]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute("INSERT INTO documents (sha256, size, mime, relpath, original_name, text, ingested_at, "
                     "updated_at) VALUES ('ab', 1, 'text/plain', 'ab/ab.txt', 'a.txt', ?, 'x', 'x')", (text,))
        conn.execute("INSERT INTO documents (sha256, size, mime, relpath, original_name, text, ingested_at, "
                     "updated_at) VALUES ('cd', 1, 'text/plain', 'cd/cd.txt', 'b.txt', '太短', 'x', 'x')")
        conn.execute(f"PRAGMA user_version = {BACKFILL - 1}")
    with Catalog(path) as catalog:
        assert catalog.schema_version() == len(MIGRATIONS)
        keys = [r[0] for r in catalog.conn.execute("SELECT text_key FROM documents ORDER BY id")]
    assert keys == [text_key(text), None]      # a text too short to tell gets no key


def _resaved(src: Path, out: Path) -> Path:
    """The same scan saved again by another program: the same pixels, other bytes."""
    with Image.open(src) as image:
        image.save(out, optimize=True, compress_level=9)
    assert out.read_bytes() != src.read_bytes()
    return out


def test_scan_whose_ocr_text_is_an_archived_documents_becomes_its_other_original(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    shutil.copy(SCAN, tmp_path / "扫描件.png")
    first = ingest_paths(ws, [tmp_path / "扫描件.png"], ocr=True).to_dict()
    doc_id = first["documents"][0]["id"]
    again = ingest_paths(ws, [_resaved(SCAN, tmp_path / "重新保存.png")], ocr=True).to_dict()
    assert again["ingested"] == 0 and again["duplicates"] == 1          # not a second 件
    assert [row["id"] for row in again["same_text"]] == [doc_id]
    assert [o["same_as"] for o in again["ocr"]] == [doc_id]
    data = describe(ws, doc_id)
    assert [v["original_name"] for v in data["variants"]] == ["重新保存.png"]
    assert Path(data["variants"][0]["original"]).is_file()              # both originals kept
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert catalog.conn.execute("SELECT action FROM audit ORDER BY id DESC").fetchone()[0] == "same_text"
    hits = search(ws, '"统计年报"', limit=10).hits
    assert [h.id for h in hits] == [doc_id]                              # one hit, not two


def test_scan_worked_on_before_its_ocr_stays_a_document_and_says_why(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    first = ingest_paths(ws, [SCAN], ocr=True).to_dict()
    copy = ingest_paths(ws, [_resaved(SCAN, tmp_path / "copy.png")], ocr=False).to_dict()
    copy_id = copy["documents"][0]["id"]
    with Catalog(ws.catalog_path) as catalog:
        catalog.update_fields(copy_id, {"issuer": "城关区统计局"}, origin="manual")
    [outcome] = ocr_documents(ws, [copy_id])
    assert outcome.same_as is None
    assert outcome.same_text_kept and f"第 {first['documents'][0]['id']} 件" in outcome.same_text_kept
    assert "手工" in outcome.same_text_kept
    # the clerk is told the merge that moves the hand-set issuer over
    assert f"dangan variants --join {copy_id} {first['documents'][0]['id']}" in outcome.same_text_kept
    assert describe(ws, copy_id)["title"]                               # still a document of its own


def test_ocr_text_key_lets_a_later_file_join_the_scan(tmp_path: Path) -> None:
    """After OCR the scan carries its text key: a later file with that text is linked to it."""
    ws = init_workspace(tmp_path / "ws")
    scan = ingest_paths(ws, [SCAN.with_name("关于做好2022年春节期间值班工作的通知.png")], ocr=True).to_dict()
    doc_id = scan["documents"][0]["id"]
    with Catalog(ws.catalog_path) as catalog:
        text = catalog.get(doc_id).text
    typed = tmp_path / "录入稿.txt"
    typed.write_text(text.replace("\n", "\r\n"), encoding="gb18030")    # the OCR text, typed up and resaved
    again = ingest_paths(ws, [typed]).to_dict()
    assert [row["id"] for row in again["same_text"]] == [doc_id]
    assert [v["original_name"] for v in describe(ws, doc_id)["variants"]] == ["录入稿.txt"]


def test_a_scan_of_an_archived_pdf_joins_it_though_ocr_reads_it_not_to_the_letter(tmp_path: Path) -> None:
    """The printed-and-scanned copy of an archived PDF: OCR reads the page (not the PDF's text to
    the character: a dash, a page number, a glyph), so its text key differs and it became a second
    件 with its own 档号. Texts alike but for OCR's slips are the same text."""

    import pypdfium2 as pdfium

    notice = next((CORPUS / "txt/cn_normative_docs_pkulaw").glob("海口*.txt"))
    shutil.copy(notice, tmp_path / "海口公告.txt")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "海口公告.txt")],
                   check=True, capture_output=True, timeout=180)
    pdf = pdfium.PdfDocument(str(tmp_path / "海口公告.pdf"))
    assert len(pdf) == 1
    pdf[0].render(scale=150 / 72).to_pil().save(tmp_path / "扫描件.png")
    pdf.close()
    ws = init_workspace(tmp_path / "ws")
    doc_id = ingest_paths(ws, [tmp_path / "海口公告.pdf"], ocr=False).to_dict()["documents"][0]["id"]
    scanned = ingest_paths(ws, [tmp_path / "扫描件.png"], ocr=True).to_dict()
    assert [o["same_as"] for o in scanned["ocr"]] == [doc_id]
    assert [v["original_name"] for v in describe(ws, doc_id)["variants"]] == ["扫描件.png"]
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_likeness_tells_ocr_slips_from_other_texts() -> None:
    from dangan.text.fingerprint import NEAR_SAME, likeness

    text = REPORT.read_text(encoding="utf-8")
    slipped = text.replace("——", "").replace("。", "，", 40)
    slipped = "".join("丶" if i % 150 == 7 else ch for i, ch in enumerate(slipped))   # ~0.7% misread
    assert likeness(text, slipped) >= NEAR_SAME
    older = REPORT.with_name("2023年中华人民共和国国务院政府工作报告.txt").read_text(encoding="utf-8")
    assert likeness(text, older) < 0.8                                    # another year's report
    half = text[: len(text) // 2]
    assert likeness(text, half + older[len(older) // 2:]) < NEAR_SAME     # half of it rewritten
    assert likeness("创建文明城市" * 10, "创建文明城市" * 10) == 0.0          # too short to tell


def test_a_scan_of_another_date_from_the_same_template_stays_its_own_document(tmp_path: Path) -> None:
    """Documents from one template (the same notice with another date) are as alike as a scan and
    its original; counted numbers (dates, 号, amounts) tell them apart, page numbers do not."""
    from dangan.intake.ocr_same_text import nearly_same
    from dangan.text.fingerprint import NEAR_SAME, counted_numbers, likeness

    notice = next((CORPUS / "txt/cn_normative_docs_pkulaw").glob("海口*.txt")).read_text(encoding="utf-8")
    ws = init_workspace(tmp_path / "ws")
    (tmp_path / "公告.txt").write_text(notice, encoding="utf-8")
    original = ingest_paths(ws, [tmp_path / "公告.txt"], ocr=False).to_dict()["documents"][0]["id"]
    scan_like = "— 1 —\n" + notice.replace("，", ",", 3) + "\n— 2 —"   # OCR's slips: page numbers, a glyph
    next_month = notice.replace("2月29日", "2月28日")   # last year's notice: one digit apart
    assert likeness(next_month, notice) >= NEAR_SAME            # as alike as a scan: the danger
    assert counted_numbers(next_month) != counted_numbers(notice)
    with Catalog(ws.catalog_path) as catalog:
        assert nearly_same(catalog, original + 1, scan_like) == original
        assert nearly_same(catalog, original + 1, next_month) is None


SHANGHAI = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年上海市政府工作报告.docx"


def _saved_as_pdf(docx: Path, folder: Path) -> Path:
    """The DOCX saved again as PDF, as an office's clerk does with LibreOffice or WPS."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
    return folder / f"{docx.stem}.pdf"


def test_a_docx_and_the_pdf_it_was_saved_as_are_one_document(tmp_path: Path) -> None:
    """A clerk's trial ingested the 2025 Shanghai report as DOCX and as the PDF LibreOffice saved it as:
    two 件, each given its own 档号 by `archive --year 2025`, the same report twice in the 归档文件目录. The
    PDF's text holds the printer's page numbers (1, 2 … at each page's top) and lost one 。; the key reads
    the letters and digits without page numbers, and the PDF is kept as the report's 同文异版."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = _saved_as_pdf(SHANGHAI, tmp_path)
    home = tmp_path / "ws"
    runner = CliRunner()

    def dangan(*args: str) -> str:
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    dangan("init")
    report = json.loads(dangan("ingest", "--no-ocr", "--json", str(SHANGHAI), str(pdf)))
    assert report["ingested"] == 1 and [row["path"] for row in report["same_text"]] == [str(pdf)], report
    doc_id = report["same_text"][0]["id"]
    shown = json.loads(dangan("show", str(doc_id), "--json"))
    assert shown["original_name"] == SHANGHAI.name and [v["original_name"] for v in shown["variants"]] == [pdf.name]
    coded = dangan("archive", "--year", "2025", "--fonds", "0194")
    assert "新编档号 1 件" in coded and coded.count("2025年上海市政府工作报告") == 1, coded


def test_keys_stored_before_page_numbers_were_left_out_are_computed_again(tmp_path: Path) -> None:
    """Keys stored by the earlier function (every mark and page number in) would never meet the keys
    of files arriving now: opening the catalog computes them again from the stored text."""
    from dangan.text.fingerprint import text_key

    ws = init_workspace(tmp_path / "ws")
    doc_id = ingest_paths(ws, [REPORT], ocr=False).to_dict()["documents"][0]["id"]
    last = next(n for n, script in enumerate(MIGRATIONS, start=1) if "dangan_text_key(text) WHERE coalesce" in script)
    with Catalog(ws.catalog_path) as catalog:
        text = catalog.get(doc_id).text
    earlier = hashlib.sha256("".join(unicodedata.normalize("NFKC", text).split()).encode("utf-8")).hexdigest()
    with sqlite3.connect(ws.catalog_path) as conn:
        conn.execute("UPDATE documents SET text_key = ? WHERE id = ?", (earlier, doc_id))
        conn.execute(f"PRAGMA user_version = {last - 1}")
    with Catalog(ws.catalog_path) as catalog:
        key = catalog.conn.execute("SELECT text_key FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    assert key == text_key(text) != earlier
    again = ingest_paths(ws, [REPORT_GB], ocr=False).to_dict()     # the GB18030 copy still joins it
    assert [row["id"] for row in again["same_text"]] == [doc_id]
