"""A scanner's multi-page TIFF is read page by page: only its first frame was read, so a notice
scanned through a document feeder lost every page after the first."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from dangan.archive.catalog import Catalog
from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

SCANS = Path(__file__).parent / "data/elements/docs/ocr_scans"


def test_every_frame_of_a_multi_page_tiff_is_read(tmp_path: Path) -> None:
    first, second = (Image.open(SCANS / name).convert("L") for name in
                     ("关于报送2021年度统计数据的函.png", "社区两委联席会议记录.png"))
    tiff = tmp_path / "扫描件.tif"
    first.save(tiff, save_all=True, append_images=[second], compression="tiff_lzw", dpi=(200, 200))
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [tiff], ocr=True).to_dict()
    doc_id = report["documents"][0]["id"]
    with Catalog(ws.catalog_path) as catalog:
        doc = catalog.get(doc_id)
        pages = catalog.pages(doc_id)
    assert [p["number"] for p in pages] == [1, 2] and {p["origin"] for p in pages} == {"ocr"}
    assert "关于报送2021年度统计年报数据的函" in doc.text and "联席会议记录" in doc.text
    assert doc.text.index("统计年报") < doc.text.index("联席会议")   # in frame order


def test_a_phones_multi_picture_jpeg_stays_one_page(tmp_path: Path) -> None:
    """An MPO JPEG (phones and cameras store a preview or depth picture beside the photo) has two
    frames but one page: only a TIFF's frames are pages."""
    from dangan.read.extract.base import Limits
    from dangan.read.extract.image import ImageExtractor

    photo = Image.open(SCANS / "社区两委联席会议记录.png").convert("RGB")
    mpo = tmp_path / "照片.jpg"
    photo.save(mpo, format="MPO", save_all=True, append_images=[photo.resize((160, 240))])
    assert Image.open(mpo).n_frames == 2
    assert ImageExtractor().extract(mpo, Limits()).page_count == 1
