"""OCR on pages as units send them: phone photos of printed pages, not flatbed scans.

Real pages, each made into phone photos deterministically (a seeded generator per page and kind):

- four labelled written documents (tests/data/elements/docs/, the scanned subset of
  bench_elements_formats that carries a 发文字号) typeset to GB/T 9704 by tests/styled_gongwen.py
  and printed to PDF by LibreOffice, every page; and two real corpus PDF pages (a budget report's
  prose, an annual report's first page);
- each page rendered at 200 dpi (pypdfium2), then: `clean` (the render as it is), `rotate_3` and
  `rotate_7` (the page turned 3° and −7°), `perspective` (shot from an angle: the far edge 14 %
  narrower, on a desk), `shadow` (light falling off across the page, a soft shadow of the phone),
  `jpeg_60` (quality 60), `blur` (Gaussian σ 1.6 px, a slightly missed focus), `desk` (the page at
  80 % on a textured desk, straight), `far` (a 12-megapixel photo, 3024×4032, of the page on a desk held
  back so that it fills 58 % of the frame's height, 3° turned, 8 % perspective), and `phone` (all of it at once, milder: desk, 4° turn, a 9 %
  perspective, light fall-off, σ 0.9 blur, JPEG 75);
- each photo saved as a JPEG file (`clean` as PNG) and read as dangan reads a photo
  (`ocr.ocr_image(path)`: EXIF, orientation, the size the engine is given, the real RapidOCR).

Character error rate (edit distance over the page's text layer, after bench_ocr's normalising) per
kind, and its ratio to `clean` measured in the same run ((errors + 1) / (clean's errors + 1): the
clean renders may read without a single miss); OCR seconds per page; and the elements 标题,
发文字号 and 成文日期 read from each labelled document's OCR text (all its pages, as the OCR stage
joins them) against its label, per kind.

    python -m bench.bench_photos [-v]      # writes bench/results/photos.json (~10 minutes on 2 cores)
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_elements import DATA, source_path
from bench.bench_elements import FIELDS as ALL_FIELDS
from bench.bench_elements import score as score_labels
from bench.bench_elements_formats import CACHE, chosen, convert_all, scanned, soffice_version, styled_variants
from bench.bench_ocr import edit_distance, normalise
from bench.common import CORPUS, ROOT, write

sys.path.insert(0, str(ROOT / "tests"))

DPI = 200
FIELDS = ("title", "doc_number", "doc_date")   # the elements reported (the reader gives all of bench_elements')
CORPUS_PAGES = (("安徽 预算报告 p3", "pdf/cn_provincial_budget_reports_2024/Anhui.pdf", 2),
                ("洪泽 信息公开 p1", "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf", 0))
KINDS = ("clean", "rotate_3", "rotate_7", "perspective", "shadow", "jpeg_60", "blur", "desk", "far", "phone")

if TYPE_CHECKING:
    from PIL import Image


# ------------------------------------------------------------------ photos

def _desk(size: tuple[int, int], rng: Any) -> Any:
    """A desk top: a brownish grey with a wood-like grain and a little noise (uint8 HxWx3)."""
    import cv2
    import numpy as np

    width, height = size
    grain = rng.normal(0, 1, (height // 8 + 1, width // 64 + 1)).astype(np.float32)
    grain = cv2.resize(grain, (width, height), interpolation=cv2.INTER_CUBIC)
    base = np.array([118, 96, 78], np.float32) + 14 * grain[..., None] + rng.normal(0, 4, (height, width, 1))
    return np.clip(base, 0, 255).astype(np.uint8)


def _on_desk(page: Any, rng: Any, scale: float, turn: float, narrow: float,
             frame: tuple[int, int] | None = None) -> Any:
    """The page (RGB array) laid on a desk: scaled by `scale` into a frame (the page's own size, or
    `frame`), turned `turn` degrees, its top edge `narrow` of its width shorter (shot from below)."""
    import cv2
    import numpy as np

    h, w = page.shape[:2]
    frame_w, frame_h = frame or (w, h)
    desk = _desk((frame_w, frame_h), rng)
    pw, ph = w * scale, h * scale
    x0, y0 = (frame_w - pw) / 2, (frame_h - ph) / 2
    inset = pw * narrow / 2
    corners = np.array([[x0 + inset, y0], [x0 + pw - inset, y0], [x0 + pw, y0 + ph], [x0, y0 + ph]], np.float32)
    centre = corners.mean(axis=0)
    angle = np.deg2rad(turn)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    corners = (corners - centre) @ rot.T + centre
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners)
    warped = cv2.warpPerspective(page, matrix, (frame_w, frame_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (frame_w, frame_h))
    mask = cv2.GaussianBlur(mask, (3, 3), 0)[..., None] / 255.0
    return (warped * mask + desk * (1 - mask)).astype(np.uint8)


def _shadow(image: Any, rng: Any, low: float) -> Any:
    """Light falling off from one corner to `low` at the other, and a soft elliptic shadow."""
    import cv2
    import numpy as np

    h, w = image.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    fall = 1.0 - (1.0 - low) * ((xs / w) * 0.6 + (ys / h) * 0.4)
    blob = np.zeros((h, w), np.float32)
    cx, cy = int(w * rng.uniform(0.55, 0.8)), int(h * rng.uniform(0.6, 0.85))
    cv2.ellipse(blob, (cx, cy), (int(w * 0.35), int(h * 0.2)), float(rng.uniform(-30, 30)), 0, 360, 1.0, -1)
    blob = cv2.GaussianBlur(blob, (0, 0), w / 12)
    light = fall * (1.0 - 0.35 * blob)
    warm = np.array([1.0, 0.97, 0.9], np.float32)   # indoor light is warm
    return np.clip(image * light[..., None] * warm, 0, 255).astype(np.uint8)


def photograph(page: Image.Image, kind: str, seed: int) -> tuple[Image.Image, int | None]:
    """The page as a phone photo of `kind`, and the JPEG quality it is saved at (None: PNG)."""
    import cv2
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    array = np.asarray(page.convert("RGB"))
    quality: int | None = 92   # a phone's own JPEG
    if kind == "clean":
        return page, None
    if kind in ("rotate_3", "rotate_7"):
        angle = 3.0 if kind == "rotate_3" else -7.0
        rotated = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
        return rotated, quality
    if kind == "perspective":
        out = _on_desk(array, rng, 0.9, 0.0, 0.14)
    elif kind == "shadow":
        out = _shadow(array, rng, 0.45)
    elif kind == "jpeg_60":
        out, quality = array, 60
    elif kind == "blur":
        out = cv2.GaussianBlur(array, (0, 0), 1.6)
    elif kind == "desk":
        out = _on_desk(array, rng, 0.8, 0.0, 0.0)
    elif kind == "far":   # a 12-megapixel phone held back: the page fills 58 % of the frame's height
        out = _on_desk(array, rng, 1.0, 3.0, 0.08, frame=(3024, 4032))
    elif kind == "phone":
        out = _on_desk(array, rng, 0.85, 4.0, 0.09)
        out = _shadow(out, rng, 0.6)
        out = cv2.GaussianBlur(out, (0, 0), 0.9)
        quality = 75
    else:
        raise ValueError(kind)
    return Image.fromarray(out), quality


# ------------------------------------------------------------------- pages

def render(pdf_path: Path, index: int) -> tuple[Image.Image, str]:
    """A page at DPI and its text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[index]
        image = page.render(scale=DPI / 72).to_pil().convert("RGB")
        text = page.get_textpage().get_text_range()
        page.close()
    finally:
        pdf.close()
    return image, text


def page_count(pdf_path: Path) -> int:
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(str(pdf_path)) as pdf:
        return len(pdf)


def labelled_documents() -> list[tuple[dict, Path]]:
    """The scanned subset's documents with a 发文字号, typeset to GB/T 9704 and printed to PDF."""
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    docs = [lab for lab in scanned(chosen(labels)) if lab["doc_number"] not in ("", "?")]
    out: dict[str, dict[str, Path]] = {lab["source"]: {} for lab in docs}
    todo = styled_variants(docs, CACHE, soffice_version(), out)
    if todo:
        convert_all(todo, "pdf", CACHE / "staging-styled")
    return [(lab, out[lab["source"]]["styled_pdf"]) for lab in docs]


# ----------------------------------------------------------------- reading

def read_photo(image: Image.Image, quality: int | None, folder: Path, engine: Any) -> tuple[str, float]:
    """The photo saved as a file and read as dangan reads one; the seconds OCR took."""
    from dangan.read.extract.ocr import ocr_image

    path = folder / ("photo.png" if quality is None else "photo.jpg")
    buffer = io.BytesIO()
    image.save(buffer, "PNG" if quality is None else "JPEG", quality=quality or 0)
    path.write_bytes(buffer.getvalue())
    started = time.perf_counter()
    text = ocr_image(path, engine).text
    return text, time.perf_counter() - started


def cer(truth: str, got: str) -> tuple[int, int]:
    want = normalise(truth)
    return edit_distance(want, normalise(got)), len(want)


def elements(text: str, name: str) -> dict[str, str]:
    from dangan.model import Extracted, Page
    from dangan.read.understand.metadata import read_facts

    pages = tuple(Page(i + 1, t) for i, t in enumerate(text.split("\n\f")))
    if not text.strip():
        return dict.fromkeys(ALL_FIELDS, "")
    meta, _ = read_facts(Extracted(pages=pages, extractor="ocr"), name)
    values = meta.values()
    return {f: values.get(f) or "" for f in ALL_FIELDS}


def main(verbose: bool = False, kinds: tuple[str, ...] = KINDS) -> dict[str, Any]:
    from dangan.read.extract.ocr import get_engine

    engine = get_engine("rapidocr", threads=1)
    started = time.perf_counter()
    pages: list[tuple[str, Path, int, dict | None]] = []   # (label, pdf, index, label of its document)
    for lab, pdf in labelled_documents():
        for index in range(page_count(pdf)):
            pages.append((f"{source_path(lab['source']).stem} p{index + 1}", pdf, index, lab))
    for label, relative, index in CORPUS_PAGES:
        pages.append((label, CORPUS / relative, index, None))
    errors = {k: 0 for k in kinds}
    chars = {k: 0 for k in kinds}
    seconds: dict[str, list[float]] = {k: [] for k in kinds}
    per_page: dict[str, dict[str, float]] = {}
    texts: dict[str, dict[str, list[str]]] = {k: {} for k in kinds}   # kind → document source → page texts
    labs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        for n, (label, pdf, index, lab) in enumerate(pages):
            image, truth = render(pdf, index)
            per_page[label] = {}
            for k, kind in enumerate(kinds):
                photo, quality = photograph(image, kind, seed=1000 * n + k)
                text, took = read_photo(photo, quality, Path(tmp), engine)
                wrong, length = cer(truth, text)
                errors[kind] += wrong
                chars[kind] += length
                seconds[kind].append(took)
                per_page[label][kind] = round(wrong / max(1, length), 4)
                if lab is not None:
                    labs[lab["source"]] = lab
                    texts[kind].setdefault(lab["source"], []).append(text)
                if verbose:
                    print(f"{label:<28} {kind:<12} CER {wrong / max(1, length):.3f}  {took:5.1f} s", flush=True)
    kept = CACHE / "photos-texts.json"   # each photo's OCR text, for looking into a figure (not committed)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8")
    per_kind: dict[str, Any] = {}
    for kind in kinds:
        rate = errors[kind] / max(1, chars[kind])
        rows = [(labs[src], elements("\n\f".join(parts), source_path(src).stem + ".jpg"))
                for src, parts in texts[kind].items()]
        scored = score_labels([lab for lab, _ in rows], dict(enumerate(got for _, got in rows)))
        per_kind[kind] = {
            "cer": round(rate, 4),
            "errors": errors[kind],
            # (errors + 1) / (clean's errors + 1): defined when the clean render reads without a miss
            "ratio_to_clean": round((errors[kind] + 1) / (errors["clean"] + 1), 2) if "clean" in kinds else None,
            "seconds_per_page": round(sum(seconds[kind]) / len(seconds[kind]), 2),
            "elements": {f: scored["accuracy"][f] for f in FIELDS},
            "element_misses": [m for m in scored["misses"] if m["field"] in FIELDS],
        }
    figures = {
        "what": "OCR of real pages made into phone photos (rotation, perspective, shadow, JPEG, blur, desk, "
                "all at once), read as dangan reads a photo; CER over the page's text layer, elements from "
                "the OCR text against the labels",
        "pages": [label for label, *_ in pages],
        "characters": chars.get("clean", 0),
        "kinds": per_kind,
        "per_page_cer": per_page,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(f"{'kind':<12} {'CER':>7} {'errors':>7} {'×clean':>7} {'s/page':>7}  标题 发文字号 成文日期")
    for kind, row in per_kind.items():
        el = row["elements"]
        print(f"{kind:<12} {row['cer']:7.4f} {row['errors']:7d} {row['ratio_to_clean'] or 0:7.2f} "
              f"{row['seconds_per_page']:7.2f}  "
              f"{el['title']}  {el['doc_number']}  {el['doc_date']}")
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset (for a quick look)")
    args = parser.parse_args()
    chosen_kinds = tuple(k for k in args.kinds.split(",") if k)
    result = main(args.verbose, chosen_kinds)
    if chosen_kinds == KINDS:
        print(write("photos", result))
