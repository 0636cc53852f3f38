"""Test doubles at the boundaries we own: an extractor that fails, an OCR engine that
answers at once. Real extractors and RapidOCR keep their own accuracy tests; these are
for orchestration (the batch goes on, one failure stays that document's)."""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from dangan.model import Extracted
from dangan.read.extract.base import Limits
from dangan.read.extract.ocr_layout import OcrBox

FAULTY_MIME = "text/plain"


class FaultyExtractor:
    """Raises on every file whose name contains `boom`, else reads it as UTF-8 text."""

    name: ClassVar[str] = "faulty"
    mime_types: ClassVar[frozenset[str]] = frozenset({FAULTY_MIME})

    def extract(self, path: Path, limits: Limits) -> Extracted:
        if "boom" in path.name:
            raise RuntimeError("the faulty extractor failed on purpose")
        from dangan.model import Page

        return Extracted(pages=(Page(1, path.read_text(encoding="utf-8")),), extractor=self.name)


class FakeOcrEngine:
    """Reads every image as one line naming its size; an all-black image reads as nothing."""

    name = "fake"

    def read(self, image) -> list[OcrBox]:  # type: ignore[no-untyped-def]
        if image.convert("L").getextrema() == (0, 0):
            return []
        width, height = image.size
        corners = ((0.0, 0.0), (float(width), 0.0), (float(width), 20.0), (0.0, 20.0))
        return [OcrBox(text=f"假引擎读出{width}乘{height}的页面", confidence=0.9, box=corners)]


class BrokenOcrEngine:
    """Fails on every page as onnxruntime does when a model cannot run (its own English words)."""

    name = "broken"

    def read(self, image) -> list[OcrBox]:  # type: ignore[no-untyped-def]
        raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero status code returned "
                           "while running Conv node. Name:'Conv_0' Status Message: bad allocation")


def broken_ocr_engine(threads: int) -> BrokenOcrEngine:
    """`[ocr] engine = "fakes:broken_ocr_engine"`: an engine that fails on every page."""
    return BrokenOcrEngine()


def fake_ocr_engine(threads: int) -> FakeOcrEngine:
    """The factory named in dangan.toml as `[ocr] engine = "fakes:fake_ocr_engine"`."""
    return FakeOcrEngine()


# -- calls for the limited worker pool (a light module: workers import it by name) ------------
def sleep_for(seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def crash() -> None:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)
