"""RapidOCR's answer for an image, kept for the rest of the test run.

Many tests feed the OCR stage the same real pages (the scanned Guangdong excerpt, renders of the Anhui
report): RapidOCR reads each at 2–4 s of CPU a page, the same boxes every time. The `shared_ocr` fixture
(conftest) points a test's workspaces at this engine through the product's own seam (`[ocr] engine =
"package.module:factory"`, imported by name in the spawned OCR workers too): it is the real RapidOCR engine,
and an image whose pixels it has read before in this run gets the boxes it gave then, from a folder of
this run's temporary directory shared by the xdist workers. Everything after the engine (turning pages
upright, layout, dashes, elements, index) runs as it does with the plain engine. The engine's own
accuracy and behaviour are tested on the plain engine (test_ocr.py, test_ocr_orientation.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

ENGINE = "ocr_memo:rapidocr_memo"   # the name a workspace's settings carry under `shared_ocr`
FOLDER_VARIABLE = "DANGAN_TESTS_OCR_MEMO"   # set by conftest for the run (inherited by spawned workers)


@cache
def _versions() -> str:
    return f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')}, onnxruntime {version('onnxruntime')}"


class MemoOcrEngine:
    """RapidOCR (loaded at its first unseen image) behind a memo keyed by the image's pixels, the
    engine's versions and its thread count."""

    name = "rapidocr"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._engine: Any = None   # RapidOcrEngine, loaded at the first image not read before
        self.folder = Path(os.environ[FOLDER_VARIABLE])

    def read(self, image: Any) -> list[Any]:
        from dangan.read.extract.ocr import RapidOcrEngine
        from dangan.read.extract.ocr_layout import OcrBox

        digest = hashlib.sha256(f"{_versions()}|{self.threads}|{image.mode}|{image.size}|".encode())
        digest.update(image.tobytes())
        kept = self.folder / f"{digest.hexdigest()}.json"
        if kept.exists():
            return [OcrBox(text, confidence, tuple(map(tuple, box)))
                    for text, confidence, box in json.loads(kept.read_text(encoding="utf-8"))]
        if self._engine is None:
            self._engine = RapidOcrEngine(self.threads)
        boxes = self._engine.read(image)
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.folder, delete=False) as out:
            json.dump([[b.text, b.confidence, b.box] for b in boxes], out, ensure_ascii=False)
        os.replace(out.name, kept)   # whole or not at all: another worker may read it at once
        return boxes


def rapidocr_memo(threads: int) -> MemoOcrEngine:
    """The factory `[ocr] engine = "ocr_memo:rapidocr_memo"` names."""
    return MemoOcrEngine(threads)
