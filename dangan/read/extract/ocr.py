"""OCR for scanned PDFs and photos, offline (Simplified and Traditional Chinese).

The engine is RapidOCR (PP-OCRv4 on onnxruntime; the models ship inside the
`rapidocr_onnxruntime` wheel, nothing is downloaded). Measured on this stack
(measured here on the corpus): ~0.2 % character error on real pages, ~3–4 s and ~1 GB per page
per process, so a long scan is read by a few worker processes, each running
onnxruntime with one thread and loading the model once.

Public API:

- `OcrEngine` (Protocol), `OcrBox`, `RapidOcrEngine`, `get_engine(name)`,
  `register_engine(name)`;
- `ocr_image(image_or_path)`, `ocr_pdf_page(path, index)`, `ocr_pdf(path, pages, workers)`
  return `OcrPage(text, confidence, boxes)`;
- `layout_text(boxes)` (from `ocr_layout`) rebuilds reading order.

Heavy libraries (rapidocr, onnxruntime, cv2, numpy, pypdfium2) are imported
inside functions: importing this module is cheap.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol, Union

from dangan.errors import ExtractionFailed, MissingDependency, TooLarge
from dangan.pictures import heif_ready
from dangan.read.extract.failures import corrupt, explained, library_reason
from dangan.read.extract.ocr_layout import OcrBox, char_confidence, layout_text
from dangan.read.extract.ocr_orientation import upright_boxes
from dangan.read.extract.pdf import render_scale

if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "MAX_SIDE", "OcrBox", "OcrEngine", "OcrPage", "RapidOcrEngine", "get_engine", "rapidocr_missing",
    "require_engine",
    "layout_text", "ocr_image", "ocr_pdf", "ocr_pdf_page", "prepare_image",
    "register_engine",
]

log = logging.getLogger(__name__)

MAX_SIDE = 2000        # RapidOCR shrinks larger images to this long side anyway
MAX_RENDER_PIXELS = 12_000_000   # a rendered page: A4 at 200 dpi is 3.9 M; huge page boxes are shrunk
MAX_IMAGE_PIXELS = 60_000_000    # a photo or scan read by OCR (decoded RGB: 180 MB)
DEFAULT_DPI = 200      # A4 at 200 dpi is 2339 px: just above MAX_SIDE
REC_BATCH = 6          # text lines per recognition run: rapidocr's own (see RapidOcrEngine)

ImageInput = Union["Image.Image", str, Path, IO[bytes]]   # IO: a picture inside an office file


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The text read from one page or image.

    `confidence` is the engine's mean score weighted by characters (0–1),
    None when nothing was read; `boxes` is how many text boxes were found.
    """

    text: str
    confidence: float | None
    boxes: int


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image.Image) -> list[OcrBox]:
        """Text boxes found in an RGB image, in any order."""
        ...


# ----------------------------------------------------------------- engines

_FACTORIES: dict[str, Callable[[int], OcrEngine]] = {}
_ENGINES: dict[tuple[str, int], OcrEngine] = {}
_ENGINES_LOCK = threading.Lock()


def register_engine(name: str) -> Callable[[Callable[[int], OcrEngine]], Callable[[int], OcrEngine]]:
    """Register a factory `factory(threads) -> OcrEngine` under `name`."""

    def decorate(factory: Callable[[int], OcrEngine]) -> Callable[[int], OcrEngine]:
        _FACTORIES[name] = factory
        return factory

    return decorate


def _import_factory(spec: str) -> None:
    """`package.module:factory` names a factory outside the package (a test's fake engine);
    importing it by name works in spawned worker processes too."""
    import importlib

    module, _, attr = spec.partition(":")
    try:
        _FACTORIES[spec] = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise MissingDependency(name=f"文字识别引擎 {spec}", hint=f"无法导入：{exc}") from exc


def rapidocr_missing() -> MissingDependency:
    """The error for a Python without rapidocr-onnxruntime (1.4.4 declares Python < 3.13)."""
    import sys

    if sys.version_info >= (3, 13):
        hint = ("rapidocr-onnxruntime 1.4.4 只声明支持 Python 3.12 及以下，本机 Python "
                f"{sys.version_info[0]}.{sys.version_info[1]} 未安装它；扫描件和照片已存档并标记为待文字识别，"
                "其余功能不受影响。可在 Python 3.11/3.12 环境中运行 dangan ocr --pending，"
                "或执行 pip install --ignore-requires-python 'rapidocr-onnxruntime==1.4.4'（在 3.13 上实测可用）。")
    else:
        hint = "请运行 pip install 'rapidocr-onnxruntime>=1.4.4,<1.5'，或重新安装 dangan。"
    return MissingDependency(name="rapidocr-onnxruntime（文字识别引擎）", hint=hint)


def require_engine(name: str) -> None:
    """Fail at once, in this process, when the engine cannot load (instead of in every worker)."""
    import importlib.util

    if name == "rapidocr" and importlib.util.find_spec("rapidocr_onnxruntime") is None:
        raise rapidocr_missing()


def get_engine(name: str = "rapidocr", *, threads: int = 1) -> OcrEngine:
    """The engine `name` for this process, created on first use and then reused.

    `threads` is onnxruntime's intra-op thread count. Keep 1 when several
    processes read pages at once (they would fight over the cores otherwise);
    a lone process may use `os.cpu_count()`.
    """
    if name not in _FACTORIES and ":" in name:
        _import_factory(name)
    if name not in _FACTORIES:
        raise MissingDependency(name=f"文字识别引擎 {name}",
                                hint=f"可用的文字识别引擎：{'、'.join(sorted(_FACTORIES))}")
    key = (name, threads)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            started = time.perf_counter()
            engine = _FACTORIES[name](threads)
            _ENGINES[key] = engine
            log.debug("OCR engine %s loaded in %.2f s (pid %d, %d thread(s))",
                      name, time.perf_counter() - started, os.getpid(), threads)
    return engine


class RapidOcrEngine:
    """RapidOCR (PP-OCRv4 det + rec, onnxruntime), angle classifier off.

    The classifier is off on purpose: with it, short numbers flip ("99" → "66").
    Only the global `intra_op_num_threads` option reaches the three sessions in
    rapidocr-onnxruntime 1.4.4 (per-module options are overwritten by it).

    Lines are recognised six at a time (`REC_BATCH`, rapidocr's default). A batch is padded to its
    widest line, so one line a run takes about two thirds of the CPU a page (bench_ocr: 6.11 → 4.14 s),
    but the recogniser reads a line a little differently without that padding, and on bench_photos'
    70 photos it missed 28 characters against 21 (bench/README.md, "OCR throughput"): not switched.
    """

    name = "rapidocr"

    def __init__(self, threads: int = 1, *, rec_batch: int = REC_BATCH) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise rapidocr_missing() from exc
        # rapidocr ignores values above the core count (and then uses all cores)
        self.threads = max(1, min(int(threads), os.cpu_count() or 1))
        self._ocr = RapidOCR(use_cls=False, print_verbose=False, rec_batch_num=rec_batch,
                             intra_op_num_threads=self.threads, inter_op_num_threads=1)
        self._lock = threading.Lock()  # RapidOCR keeps per-call state on itself

    def read(self, image: Image.Image) -> list[OcrBox]:
        with self._lock:
            result, _elapsed = self._ocr(image, use_cls=False)
        boxes = []
        for points, text, score in result or ():
            corners = tuple((float(x), float(y)) for x, y in points)
            boxes.append(OcrBox(text=str(text), confidence=float(score), box=corners))
        return boxes


register_engine("rapidocr")(RapidOcrEngine)


# ------------------------------------------------------------------- images

def prepare_image(image_or_path: ImageInput, max_side: int = MAX_SIDE) -> Image.Image:
    """An upright RGB image whose long side is at most `max_side` pixels.

    EXIF orientation is applied (phone photos), transparency is flattened on
    white, and large images are shrunk (JPEGs already while decoding).
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    if isinstance(image_or_path, Image.Image):
        image = image_or_path
    else:
        heif_ready()
        try:
            image = Image.open(image_or_path)
            if image.format in ("JPEG", "MPO") and max(image.size) > max_side:
                factor = max_side / max(image.size)
                image.draft("RGB", (int(image.width * factor) + 1, int(image.height * factor) + 1))
            if image.width * image.height > MAX_IMAGE_PIXELS:   # decoded whole, it would not fit
                raise TooLarge(detail=f"{image.width}×{image.height} 像素，文字识别上限 "
                                      f"{MAX_IMAGE_PIXELS // 1_000_000} 百万像素")
            image.load()
        except Image.DecompressionBombError as exc:
            raise explained(TooLarge(detail=f"图片像素过多（文字识别上限 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素）"),
                            exc) from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise corrupt("无法读取图片", exc) from exc
    image = ImageOps.exif_transpose(image) or image
    image = _to_rgb(image)
    if max(image.size) > max_side:
        factor = max_side / max(image.size)
        size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def image_frame(path: str | Path, index: int) -> Image.Image:
    """Frame `index` (0-based) of a multi-page image file (a scanner's TIFF), loaded whole."""
    from PIL import Image, UnidentifiedImageError

    heif_ready()
    try:
        with Image.open(path) as image:
            image.seek(index)
            return image.copy()
    except (UnidentifiedImageError, OSError, EOFError, ValueError) as exc:
        raise corrupt(f"无法读取图片第 {index + 1} 页", exc) from exc


def _to_rgb(image: Image.Image) -> Image.Image:
    from PIL import Image

    if image.mode == "RGB":
        return image
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        image = image.convert("F")
        low, high = image.getextrema()
        assert isinstance(low, float) and isinstance(high, float)   # one band ("F"): (min, max)
        scale = 255.0 / (high - low) if high > low else 1.0
        image = image.point(lambda v: (v - low) * scale).convert("L")
    if image.mode == "P" or image.mode in ("LA", "PA", "RGBA", "La", "RGBa"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, image).convert("RGB")
    return image.convert("RGB")


def page_from_boxes(boxes: Sequence[OcrBox]) -> OcrPage:
    """An `OcrPage` from raw boxes: text in reading order, confidence per character."""
    return OcrPage(text=layout_text(boxes), confidence=char_confidence(boxes), boxes=len(boxes))


def ocr_image(image_or_path: ImageInput, engine: OcrEngine | None = None) -> OcrPage:
    """Read a photo or scan (PIL image or path to JPEG/PNG/TIFF…), turned upright if it lies on its
    side or upside down (`ocr_orientation.upright_boxes`)."""
    image = prepare_image(image_or_path)
    engine = engine or get_engine()
    started = time.perf_counter()
    boxes = upright_boxes(image, engine)
    page = page_from_boxes(boxes)
    log.debug("OCR %dx%d: %d boxes, %d chars in %.2f s", image.width, image.height,
              page.boxes, len(page.text), time.perf_counter() - started)
    return page


# ---------------------------------------------------------------------- PDF

def render_pdf_page(path: str | Path, page_index: int, dpi: int = DEFAULT_DPI) -> Image.Image:
    """Page `page_index` (0-based) of a PDF as an RGB image at `dpi`."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise corrupt("无法打开 PDF", exc) from exc
    try:
        page = pdf[page_index]
        try:
            bitmap = page.render(scale=render_scale(page, dpi / 72, MAX_RENDER_PIXELS))
            image = bitmap.to_pil().convert("RGB")  # a copy: independent of the bitmap
            bitmap.close()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise explained(ExtractionFailed(detail=f"第 {page_index + 1} 页无法渲染：{library_reason(exc)}"),
                        exc) from exc
    finally:
        pdf.close()
    return image


def ocr_pdf_page(path: str | Path, page_index: int, dpi: int = DEFAULT_DPI,
                 engine: OcrEngine | None = None) -> OcrPage:
    """Render page `page_index` (0-based) with pypdfium2 and read it."""
    return ocr_image(render_pdf_page(path, page_index, dpi), engine)


def _pdf_page_count(path: str | Path) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise corrupt("无法打开 PDF", exc) from exc
    try:
        return len(pdf)
    finally:
        pdf.close()


# Worker processes: one engine each, loaded once by the pool's initializer.
_WORKER_ENGINE: tuple[str, int] = ("rapidocr", 1)


def _init_worker(engine_name: str, threads: int) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = (engine_name, threads)
    try:
        import cv2

        cv2.setNumThreads(threads)
    except ImportError:  # pragma: no cover - only matters for rapidocr
        pass
    get_engine(engine_name, threads=threads)


def _read_in_worker(task: tuple[str, int, int]) -> OcrPage:
    path, page_index, dpi = task
    name, threads = _WORKER_ENGINE
    return ocr_pdf_page(path, page_index, dpi, get_engine(name, threads=threads))


def ocr_pdf(path: str | Path, pages: Sequence[int] | None = None, workers: int = 1, *,
            dpi: int = DEFAULT_DPI, engine_name: str = "rapidocr",
            threads: int = 1) -> list[OcrPage]:
    """Read PDF pages (0-based indexes; all when None), in page order.

    With `workers` > 1 the pages are read in parallel by that many spawned
    processes, each loading the engine once (each takes ~1 GB while reading);
    a script calling this needs the usual ``if __name__ == "__main__":`` guard
    (the `dangan` command and ``python -m dangan`` are fine). `threads` is the
    onnxruntime thread count per process: keep 1 with several workers.
    """
    indexes = list(range(_pdf_page_count(path))) if pages is None else list(pages)
    if not indexes:
        return []
    workers = max(1, min(int(workers), len(indexes)))
    started = time.perf_counter()
    if workers == 1:
        engine = get_engine(engine_name, threads=threads)
        result = [ocr_pdf_page(path, i, dpi, engine) for i in indexes]
    else:
        tasks = [(str(path), i, dpi) for i in indexes]
        context = multiprocessing.get_context("spawn")  # fork after onnxruntime is unsafe
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                     initializer=_init_worker,
                                     initargs=(engine_name, threads)) as pool:
                result = list(pool.map(_read_in_worker, tasks, chunksize=1))
        except BrokenProcessPool as exc:
            raise ExtractionFailed(detail="文字识别子进程意外退出，可能是内存不足") from exc
    log.info("OCR %s: %d page(s) in %.1f s with %d worker(s)", Path(path).name,
             len(indexes), time.perf_counter() - started, workers)
    return result
