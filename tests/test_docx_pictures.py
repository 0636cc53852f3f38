"""Word files of photos (佐证材料): the pictures in a DOCX are read by the OCR stage (图片文字), found by what they
say, shown apart from the file's own text; the file's page count and text key stay those of its own words.

The Word files are built here from real rendered pages of a corpus PDF (pypdfium2 → JPEG → python-docx), with a
caption line, as a clerk pastes photos of a 公示栏 into Word; the OCR is the real engine, run once per module.
"""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import docx
import pypdfium2
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from docx.shared import Cm
from PIL import Image

from dangan.archive.catalog import Catalog
from dangan.archive.describe import describe
from dangan.archive.migrations import MIGRATIONS
from dangan.cli import cli
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.read.extract.base import Limits
from dangan.read.extract.docx import DocxExtractor
from dangan.read.extract.office_pictures import worth_reading
from dangan.read.extract.soffice import find_soffice
from dangan.web.app import create_app
from dangan.workspace import init_workspace, open_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

REPORT = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"
CAPTION = "创建全国文明城市 人人参与——社区公示栏照片"
NOTE = ("说明：2024年5月6日，社区在主干道两侧更新创文公示栏，公布文明城市测评体系、市民文明公约、"
        "志愿服务项目和举报电话，接受群众监督。")   # long enough for a text key (text.fingerprint.MIN_CHARS)
PICTURES_TABLE = 16   # migration 16: document_pictures


def _page(index: int, dpi: int = 150) -> Image.Image:
    with pypdfium2.PdfDocument(str(REPORT)) as pdf:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("RGB")


def _jpeg(image: Image.Image) -> io.BytesIO:
    data = io.BytesIO()
    image.save(data, "JPEG", quality=70)
    data.seek(0)
    return data


def _word_file(path: Path, photo: Image.Image) -> Path:
    """A caption, the photo, a small logo (the page's corner shrunk to 96 px), the same photo pasted again, a note."""
    document = docx.Document()
    document.add_paragraph(CAPTION)
    document.add_picture(_jpeg(photo), width=Cm(15))
    document.add_picture(_jpeg(photo.crop((0, 0, 300, 300)).resize((96, 96))), width=Cm(2))
    document.add_picture(_jpeg(photo), width=Cm(15))
    document.add_paragraph(NOTE)
    document.save(str(path))
    return path


def _run(home: Path, *args: str) -> str:
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False).output


@pytest.fixture(scope="module")
def read_ws(tmp_path_factory):
    """The Word file ingested with OCR on (its first page's picture read once for the module)."""
    folder = tmp_path_factory.mktemp("photos")
    word = _word_file(folder / "公示栏照片.docx", _page(0))
    ws = init_workspace(folder / "ws")
    report = ingest_paths(ws, [word], ocr=True).to_dict()
    return ws, report, word


def test_extract_names_the_photo_once_and_skips_the_logo(read_ws):
    _, _, word = read_ws
    extracted = DocxExtractor().extract(word, Limits())
    assert len(extracted.pictures) == 1   # the logo is too small, the second paste the same bytes
    picture = extracted.pictures[0]
    assert picture.part.startswith("word/media/") and (picture.width, picture.height) == (1240, 1755)
    assert [line for line in extracted.text.splitlines() if line] == [CAPTION, NOTE] and extracted.wants_ocr and not extracted.needs_ocr
    assert not worth_reading(96, 96) and not worth_reading(1600, 30) and worth_reading(640, 480)


def test_the_pictures_text_is_found_and_shown_apart(read_ws):
    ws, report, word = read_ws
    assert report["needs_ocr"] == [] and [o["pictures"] for o in report["ocr"]] == [True]
    hit = search(ws, '"三地一区"', limit=3).hits[0]   # a phrase only the picture holds
    assert hit.path == str(word) and "pictures" in hit.matched_in and "«三地一区»" in hit.snippet
    data = describe(ws, hit.id)
    assert CAPTION in data["text"] and "三地一区" not in data["text"]   # its own text stays its own
    [picture] = data["pictures"]
    assert picture["origin"] == "ocr" and "三地一区" in picture["text"] and picture["confidence"] > 0.9
    shown = _run(ws.home, "show", str(hit.id))
    assert "图片文字：文件中 1 张图片的识别文字" in shown and "图 1（1240×1755 像素）" in shown
    assert "三地一区" in shown
    assert json.loads(_run(ws.home, "show", str(hit.id), "--json"))["pictures"][0]["text"] == picture["text"]
    # the elements are read from the file's text followed by its pictures': the report's heading in the photo
    assert data["title"] == "关于安徽省2023年预算执行情况和2024年预算草案的报告" and data["doc_type"] == "报告"


def test_page_count_and_text_key_are_the_files_own(read_ws):
    ws, report, word = read_ws
    extracted = DocxExtractor().extract(word, Limits())
    doc_id = report["documents"][0]["id"]
    with Catalog(ws.catalog_path) as catalog:
        row = catalog.conn.execute("SELECT pages, text_key FROM documents WHERE id = ?", (doc_id,)).fetchone()
    from dangan.text.fingerprint import text_key

    assert row[0] == extracted.page_count and row[1] == text_key(extracted.text) is not None
    resaved = word.with_name("公示栏照片（另存）.docx")   # the same Word file saved again: other bytes, same text
    docx.Document(str(word)).save(str(resaved))
    assert resaved.read_bytes() != word.read_bytes()
    again = ingest_paths(ws, [resaved], ocr=True).to_dict()
    assert again["ingested"] == 0 and again["same_text"], again


def test_the_desk_shows_the_pictures_text(read_ws):
    ws, report, _ = read_ws
    doc_id = report["documents"][0]["id"]
    with create_app(open_workspace(ws.home)).test_client() as client:
        html = client.get(f"/doc/{doc_id}").get_data(as_text=True)
        status = client.get("/status").get_data(as_text=True)
    assert "图片文字" in html and "1240×1755 像素" in html and "三地一区" in html
    assert "Word/演示文稿中的图片 1 张" in status


def test_stats_count_the_pictures_read(read_ws):
    ws, _, _ = read_ws
    from dangan.ops.check import stats

    figures = stats(ws)
    assert figures["ocr_pictures"] == 1 and figures["ocr_pages"] == 0 and figures["needs_ocr"] == 0
    assert "文字识别图片（Word/演示文稿中）：1" in _run(ws.home, "stats")


def _slides(path: Path, photo: Image.Image) -> Path:
    from pptx import Presentation
    from pptx.util import Cm as SlideCm

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "创文工作汇报"
    slide.shapes.add_picture(_jpeg(photo), SlideCm(2), SlideCm(4), width=SlideCm(20))
    deck.save(str(path))
    return path


def test_no_ocr_flags_it_and_ocr_pending_reads_it(tmp_path: Path) -> None:
    """A crop of the second page (faster to read), in a Word file and on a slide: flagged by --no-ocr, read by
    `ocr --pending`, then found."""
    crop = _page(1).crop((0, 0, 1240, 440))
    word, deck = _word_file(tmp_path / "横幅.docx", crop), _slides(tmp_path / "汇报.pptx", crop)
    home = tmp_path / "ws"
    _run(home, "init")
    out = json.loads(_run(home, "ingest", "--no-ocr", "--json", str(word), str(deck)))
    assert sorted(out["needs_ocr"]) == sorted([str(word), str(deck)])
    assert "图 1（1240×440 像素）：（待识别，运行 dangan ocr 1）" in _run(home, "show", "1")
    ws = open_workspace(home)
    assert search(ws, '"融资担保"').total == 0
    read = json.loads(_run(home, "ocr", "--pending", "--json"))["documents"]
    assert [(o["pages"], o["pictures"], o["error"]) for o in read] == [(1, True, None)] * 2
    assert sorted(h.id for h in search(ws, '"融资担保"').hits) == [1, 2]
    assert "创文工作汇报" in json.loads(_run(home, "show", "2", "--json"))["text"]
    assert "待识别" not in _run(home, "show", "1")
    read_before = json.loads(_run(home, "show", "1", "--json"))["pictures"]
    # reread: the text the pictures gave is kept (its own text read again); --ocr reads the pictures again
    _run(home, "reread", "1")
    assert json.loads(_run(home, "show", "1", "--json"))["pictures"] == read_before
    assert sorted(h.id for h in search(ws, '"融资担保"').hits) == [1, 2]
    with Catalog(ws.catalog_path) as catalog:   # as if the pictures had never been read
        catalog.conn.execute("UPDATE document_pictures SET text = '', origin = 'none'")
        catalog.conn.commit()
    _run(home, "reread", "--ocr", "1")
    assert json.loads(_run(home, "show", "1", "--json"))["pictures"] == read_before


def test_a_word_file_without_a_picture_worth_reading_is_not_flagged(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(CAPTION)
    document.add_picture(_jpeg(_page(0, dpi=20)), width=Cm(3))   # a thumbnail: 165 × 234
    word = tmp_path / "缩略图.docx"
    document.save(str(word))
    home = tmp_path / "ws"
    _run(home, "init")
    out = json.loads(_run(home, "ingest", "--no-ocr", "--json", str(word)))
    assert out["needs_ocr"] == [] and out["ingested"] == 1
    assert json.loads(_run(home, "show", "1", "--json"))["pictures"] == []


def test_a_catalog_from_before_the_pictures_table_is_upgraded(tmp_path: Path) -> None:
    word = tmp_path / "缩略图.docx"
    document = docx.Document()
    document.add_paragraph(CAPTION)
    document.save(str(word))
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", str(word))
    path = open_workspace(home).catalog_path
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE document_pictures")
        conn.execute(f"PRAGMA user_version = {PICTURES_TABLE - 1}")
    with Catalog(path) as catalog:
        assert catalog.schema_version() == len(MIGRATIONS) and catalog.pictures(1) == []
    assert CAPTION in _run(home, "show", "1") and "图片文字" not in _run(home, "show", "1")


def test_the_evidence_matcher_reads_the_pictures_text(tmp_path: Path) -> None:
    """A Word file whose only words are a caption: matched by what its picture says. The picture's text here is a
    real notice's (bench/data/items/real), stored as the OCR stage stores a picture it read."""
    from dangan.archive.evidence import refresh_evidence
    from dangan.archive.text_updates import apply_picture_ocr
    from dangan.read.understand.taxonomy import load_edition

    notice = Path(__file__).parents[1] / "bench/data/items/real/许昌市文明办部署公益广告宣传工作.txt"
    word = _word_file(tmp_path / "会议照片.docx", _page(1).crop((0, 0, 1240, 440)))
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--no-ocr", str(word))
    national = load_edition("national-2015")
    with Catalog(open_workspace(home).catalog_path) as catalog:
        refresh_evidence(catalog, national, [1])
        before = catalog.conn.execute("SELECT count(*) FROM evidence WHERE document_id = 1").fetchone()[0]
        apply_picture_ocr(catalog, 1, 1, notice.read_text(encoding="utf-8"), 0.99)
        refresh_evidence(catalog, national, [1])
        contents = [r[0] for r in catalog.conn.execute("SELECT content FROM evidence WHERE document_id = 1")]
    assert before == 0 and "Ⅲ-21" in contents, contents


def test_a_word_file_catalogued_before_gets_its_pictures_by_reread_ocr(tmp_path: Path) -> None:
    """A DOCX archived by a dangan that did not read pictures (no rows, not flagged): `ocr ID` says how to read
    them, `reread ID --ocr` finds and reads them."""
    word = _word_file(tmp_path / "签到表.docx", _page(1).crop((0, 0, 1240, 440)))
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--no-ocr", str(word))
    with Catalog(open_workspace(home).catalog_path) as catalog:   # as the catalog of an older dangan holds it
        catalog.conn.execute("DELETE FROM document_pictures")
        catalog.conn.execute("UPDATE documents SET needs_ocr = 0")
        catalog.conn.commit()
    said = _run(home, "ocr", "1")
    assert "没有需要识别文字的页（各页已有文字层），未作识别。" in said and "dangan reread 1 --ocr 读取其中的图片" in said
    _run(home, "reread", "1", "--ocr")
    [picture] = json.loads(_run(home, "show", "1", "--json"))["pictures"]
    assert picture["origin"] == "ocr" and "融资担保" in picture["text"]
    assert [h.id for h in search(open_workspace(home), '"融资担保"').hits] == [1]


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_a_word_97_file_has_its_pictures_read_from_a_copy_converted_again(tmp_path: Path) -> None:
    """The Word file saved as .doc by LibreOffice (as WPS and old Word save it): ingest converts it and finds the
    picture; the OCR stage converts the archived .doc again and reads the picture from that copy."""
    from dangan.read.extract.soffice import convert

    word = _word_file(tmp_path / "通知.docx", _page(1).crop((0, 0, 1240, 440)))
    old = convert(word, ".docx", "doc", tmp_path / "doc", timeout=120)
    home = tmp_path / "ws"
    _run(home, "init")
    out = json.loads(_run(home, "ingest", "--no-ocr", "--json", str(old)))
    assert out["needs_ocr"] == [str(old)], out
    read = json.loads(_run(home, "ocr", "--pending", "--json"))["documents"]
    assert [(o["pages"], o["pictures"], o["error"]) for o in read] == [(1, True, None)]
    assert [h.id for h in search(open_workspace(home), '"融资担保"').hits] == [1]
    assert CAPTION in json.loads(_run(home, "show", "1", "--json"))["text"]
