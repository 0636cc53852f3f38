"""Scans lying on their side or upside down are read upright. EXIF says nothing for a page fed
sideways through a scanner, or a phone photo whose EXIF a chat app stripped; read as it lay, a
page turned 180° gave a few words of garbage and one turned 90° tall boxes in no order."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from ocr_memo import ENGINE

from dangan.read.extract.ocr import OcrBox, get_engine, ocr_image, prepare_image

SCAN = Path(__file__).parent / "data/elements/docs/ocr_scans/关于报送2021年度统计数据的函.png"


class Counting:
    """The real engine, counting how often it is asked to read. Behind the run's memo (tests/ocr_memo.py):
    the upright page, read by the fixture and again by each turned page once turned back, is read once."""

    def __init__(self) -> None:
        threads = 1 if os.environ.get("PYTEST_XDIST_WORKER") else (os.cpu_count() or 1)
        self.engine = get_engine(ENGINE, threads=threads)
        self.calls = 0

    def read(self, image) -> list[OcrBox]:  # type: ignore[no-untyped-def]
        self.calls += 1
        return self.engine.read(image)


@pytest.fixture(scope="module")
def upright() -> str:
    engine = Counting()
    text = ocr_image(SCAN, engine).text
    assert engine.calls == 1   # read well as it lies: read once
    return text


def test_an_upright_scan_is_read_once(upright: str) -> None:
    assert upright.startswith("云溪县统计局\n关于报送2021年度统计年报数据的函")


@pytest.mark.parametrize("angle", [90, 180])
def test_a_turned_scan_reads_as_the_upright_one(angle: int, upright: str) -> None:
    engine = Counting()
    turned = prepare_image(SCAN).rotate(angle, expand=True)
    assert ocr_image(turned, engine).text == upright
    assert engine.calls == (3 if angle == 90 else 2)   # as it lay, then 90° and 270° (tall lines) or 180°


@pytest.mark.parametrize("angle, reads", [(3, 1), (7, 2)])
def test_a_page_a_few_degrees_askew_is_read_again_straight_past_four(angle: int, reads: int, upright: str) -> None:
    """Read at 7°, a page's lines are cut at that slant and the recogniser misses more (bench_photos:
    rotate_7); straightened by the tilt its lines show, it is read once more. At 3° it is read once."""
    engine = Counting()
    text = ocr_image(prepare_image(SCAN).rotate(angle, expand=True, fillcolor="white"), engine).text
    assert engine.calls == reads
    assert text.startswith("云溪县统计局\n关于报送2021年度统计年报数据的函\n云统函〔2022")
