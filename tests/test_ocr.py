"""OCR engine, reading order and text-layer triage, against real corpus pages.

Ground truth is each PDF page's own text layer. Reading a page costs 2–4 s,
so few pages are rendered (200 dpi) and one engine serves the whole session.
"""
from __future__ import annotations

import io
import math
import os
import re
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from dangan.errors import MissingDependency
from dangan.read.extract import ocr
from dangan.read.extract.ocr import (
    OcrBox,
    OcrPage,
    get_engine,
    ocr_image,
    ocr_pdf,
    ocr_pdf_page,
    prepare_image,
    render_pdf_page,
)
from dangan.read.extract.ocr_layout import estimate_tilt, fix_dashes, fix_numbers, layout_text
from dangan.read.extract.text_layer import has_text_layer

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
BUDGETS = CORPUS / "pdf" / "cn_provincial_budget_reports_2024"
ANHUI = BUDGETS / "Anhui.pdf"
GUIZHOU = BUDGETS / "Guizhou.pdf"
GUANGDONG = BUDGETS / "excerpts" / "Guangdong_test.pdf"
PUTUO_OFFICE = CORPUS / "pdf" / "cn_shanghai_putuo_budgets" / "上海市普陀区人民政府办公室25年预算.pdf"

ANHUI_PAGE = 2         # prose with figures (1719.6 亿元, 46.8%)
GUIZHOU_PAGE = 3       # prose dense with numbers
TABLE_PAGE = 10        # 2025年部门支出预算总表: codes, names, three amount columns

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found")


# ------------------------------------------------------------------ helpers

_PAGE_NUMBER = re.compile(r"^\s*[—一－-]\s*\d{1,4}\s*[—一－-]\s*$", re.M)
_DASHES = re.compile(r"[—–―−‐-]")


def normalise(text: str) -> str:
    """For comparison: no page-number line, NFKC, one kind of dash, no whitespace.

    The page number ("— 3 —") is dropped because a PDF's content stream puts
    it first while a reader (and OCR) meets it at the bottom of the page.
    """
    text = _PAGE_NUMBER.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    return "".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, two rows of dynamic programming."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(truth: str, read: str) -> float:
    """Character error rate of `read` against `truth`, both normalised."""
    t, r = normalise(truth), normalise(read)
    assert t, "empty ground truth"
    return edit_distance(t, r) / len(t)


def text_layer(path: Path, index: int) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
        return text
    finally:
        pdf.close()


def text_layer_rows(path: Path, index: int) -> str:
    """The page's text layer laid out as rows (characters grouped by their top)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index]
        text = page.extract_text()
        page.close()
    return text


# ----------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def engine() -> ocr.OcrEngine:
    """One engine for the session; both cores unless xdist runs two workers."""
    threads = 1 if os.environ.get("PYTEST_XDIST_WORKER") else (os.cpu_count() or 1)
    return get_engine("rapidocr", threads=threads)


@pytest.fixture(scope="session")
def anhui_image() -> Image.Image:
    return render_pdf_page(ANHUI, ANHUI_PAGE, dpi=200)


# ------------------------------------------------------- engine and models

def test_models_ship_inside_the_package() -> None:
    import rapidocr_onnxruntime

    package = Path(rapidocr_onnxruntime.__file__).resolve().parent
    models = {p.name for p in (package / "models").glob("*.onnx")}
    assert {"ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"} <= models
    for name in models:
        assert (package / "models" / name).stat().st_size > 100_000


def test_engine_is_cached_per_process(engine: ocr.OcrEngine) -> None:
    assert engine.name == "rapidocr"
    assert get_engine("rapidocr", threads=engine.threads) is engine  # type: ignore[attr-defined]


def test_unknown_engine_is_a_missing_dependency() -> None:
    with pytest.raises(MissingDependency) as info:
        get_engine("tesseract-nonexistent")
    assert "文字识别引擎" in info.value.message
    assert "rapidocr" in info.value.hint


# ------------------------------------------------------------ real pages

@needs_corpus
@pytest.mark.parametrize(("path", "index"), [(ANHUI, ANHUI_PAGE), (GUIZHOU, GUIZHOU_PAGE)],
                         ids=["Anhui", "Guizhou"])
def test_prose_page_cer(path: Path, index: int, engine: ocr.OcrEngine) -> None:
    page = ocr_pdf_page(path, index, dpi=200, engine=engine)
    assert isinstance(page, OcrPage)
    assert page.boxes >= 15
    assert page.confidence is not None and page.confidence > 0.95
    assert cer(text_layer(path, index), page.text) <= 0.005


@needs_corpus
def test_degraded_scan_cer(anhui_image: Image.Image, engine: ocr.OcrEngine) -> None:
    import numpy as np

    tilted = anhui_image.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True,
                                fillcolor="white")
    pixels = np.asarray(tilted).astype(np.float32)
    pixels += np.random.default_rng(7).normal(0, 25, pixels.shape)
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG", quality=40)
    buffer.seek(0)
    page = ocr_image(Image.open(buffer), engine)
    assert cer(text_layer(ANHUI, ANHUI_PAGE), page.text) <= 0.01


@needs_corpus
def test_table_page_in_row_order(engine: ocr.OcrEngine) -> None:
    page = ocr_pdf_page(PUTUO_OFFICE, TABLE_PAGE, dpi=200, engine=engine)
    assert cer(text_layer_rows(PUTUO_OFFICE, TABLE_PAGE), page.text) <= 0.02
    # one table row per line, amounts as their own tab-separated cells
    row = next(line for line in page.text.splitlines() if "行政运行" in line)
    assert row.split("\t")[-3:] == ["12,029,501.84", "11,919,501.84", "110,000.00"]


@needs_corpus
def test_two_columns_read_left_then_right(engine: ocr.OcrEngine) -> None:
    left = render_pdf_page(ANHUI, ANHUI_PAGE)
    right = render_pdf_page(GUIZHOU, GUIZHOU_PAGE)

    def body(im: Image.Image) -> Image.Image:
        w, h = im.size
        return im.crop((int(w * 0.1), int(h * 0.08), int(w * 0.9), int(h * 0.9)))

    left, right = body(left), body(right)
    sheet = Image.new("RGB", (left.width + right.width + 120, max(left.height, right.height)),
                      "white")
    sheet.paste(left, (0, 0))
    sheet.paste(right, (left.width + 120, 0))
    page = ocr_image(sheet, engine)
    truth = text_layer(ANHUI, ANHUI_PAGE) + "\n" + text_layer(GUIZHOU, GUIZHOU_PAGE)
    assert "\t" not in page.text
    assert cer(truth, page.text) <= 0.01


@needs_corpus
def test_vector_outline_pages_need_ocr(engine: ocr.OcrEngine) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(GUANGDONG))
    try:
        assert len(pdf) == 5
    finally:
        pdf.close()
    for index in range(5):
        assert not has_text_layer(text_layer(GUANGDONG, index))
    page = ocr_pdf_page(GUANGDONG, 0, dpi=200, engine=engine)
    read = normalise(page.text)
    for phrase in ("名词解释", "大规模设备更新和消费品以旧换新", "“补改投”改革"):
        assert normalise(phrase) in read, phrase


@needs_corpus
def test_real_text_layers_are_not_garbage() -> None:
    for path, index in ((ANHUI, ANHUI_PAGE), (GUIZHOU, GUIZHOU_PAGE),
                        (PUTUO_OFFICE, TABLE_PAGE)):
        assert has_text_layer(text_layer(path, index))


@needs_corpus
def test_ocr_pdf_two_workers_keeps_page_order() -> None:
    pages = ocr_pdf(PUTUO_OFFICE, pages=[9, 7], workers=2)
    assert [type(p) for p in pages] == [OcrPage, OcrPage]
    assert "住房公积金" in pages[0].text  # page 10 of the PDF
    assert "2025年部门财务收支预算总表" in pages[1].text  # page 8


# ---------------------------------------------------------- text layer triage

@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "— 5 —",
    "(cid:1234)(cid:567)(cid:89)(cid:12) (cid:3)(cid:44)(cid:5) 2023 (cid:6)(cid:7)(cid:8)(cid:9)",
    "预算\ufffd\ufffd\ufffd执行\ufffd\ufffd情况\ufffd\ufffd的报告\ufffd\ufffd\ufffd\ufffd\ufffd",
    "\ue001\ue002\ue003\ue004 全省 \ue005\ue006\ue007\ue008\ue009\ue00a 收入",
    "ÄÅÆÇÈ ÉÊËÌÍ ÎÏÐÑÒ ÓÔÕÖ× ØÙÚÛÜ ÝÞßàá âãäåæ çèéêë ìíîïð ñòóôõ",
    "!\"#$%&'()*+,-./0123 !\"#$%&'()*+ ,-./:;<=>?@ !\"#$%&'()*+,-./ 45 @ABC",
])
def test_garbage_text_layers(text: str) -> None:
    assert not has_text_layer(text)


@pytest.mark.parametrize("text", [
    "关于河北省2023年预算执行情况和2024年预算草案的报告（书面）",
    "全省一般公共预算收入 2078.25 亿元，为预算的 103.9%，增收 191.83 亿元，增长 10.2%。",
    "201 03 01 12,029,501.84 11,919,501.84 110,000.00\n208 05 05 1,763,159.52 1,763,159.52",
    "The report was reviewed and approved by the standing committee of the people's congress.",
    # a contents page: leader dots are layout, not garbage
    "目 录\n一、部门主要职能 ……………………………………………… 1\n二、部门机构设置 ………………………………………… 2\n"
    "三、2024年部门预算编制说明 ……………………………… 3",
    # a bilingual page of a 新疆 document: Uyghur is a script, not mojibake
    "شىنجاڭ ئۇيغۇر ئاپتونوم رايونلۇق خەلق ھۆكۈمىتىنىڭ خىزمەت دوكلاتى، ئاپتونوم رايونلۇق خەلق قۇرۇلتىيى",
])
def test_good_text_layers(text: str) -> None:
    assert has_text_layer(text)


def test_every_corpus_pdf_page_with_text_keeps_its_text_layer() -> None:
    """The triage runs on every page of every PDF: on the corpus no page that has text is
    sent to OCR (a contents page of leader dots was), save the outline-drawn excerpt's."""
    import pypdfium2 as pdfium

    for path in sorted((CORPUS / "pdf").rglob("*.pdf")):
        if path == GUANGDONG:
            continue
        pdf = pdfium.PdfDocument(str(path))
        try:
            texts = [text_layer(path, i) for i in range(len(pdf))]
        finally:
            pdf.close()
        assert [i for i, t in enumerate(texts) if t.strip() and not has_text_layer(t)] == [], path.name


# ------------------------------------------------------------ layout (no model)

def rect(text: str, left: float, top: float, width: float, height: float = 40.0,
         angle_deg: float = 0.0) -> OcrBox:
    """A box like the engine returns, optionally rotated around the origin."""
    corners = ((left, top), (left + width, top), (left + width, top + height),
               (left, top + height))
    a = math.radians(angle_deg)
    turned = tuple((x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a))
                   for x, y in corners)
    return OcrBox(text, 0.99, turned)


def test_table_rows_become_tab_separated_cells() -> None:
    boxes = [
        rect("行政运行", 470, 765, 140), rect("12,029,501.84", 1313, 765, 220),
        rect("201", 177, 765, 58), rect("01", 394, 765, 42), rect("03", 291, 764, 44),
        rect("201", 177, 700, 58), rect("政府办公厅（室）及相关机构事务", 468, 697, 500),
        rect("82, 096,797.42", 1312, 697, 223),
    ]
    assert layout_text(boxes) == ("201\t政府办公厅（室）及相关机构事务\t82,096,797.42\n"
                                  "201\t03\t01\t行政运行\t12,029,501.84")


def test_tilt_is_corrected_before_grouping_rows() -> None:
    lines = [f"第{n}行的文字内容比较长一些，足以测量角度。" for n in range(6)]
    boxes = []
    for n, text in enumerate(lines):
        boxes.append(rect(text, 200, 300 + 60 * n, 900, 40, angle_deg=2.5))
        boxes.append(rect(f"{n}0.5", 1300, 300 + 60 * n, 120, 40, angle_deg=2.5))
    assert math.isclose(math.degrees(estimate_tilt(boxes)), 2.5, abs_tol=0.1)
    rows = layout_text(boxes).splitlines()
    assert rows == [f"{text}\t{n}0.5" for n, text in enumerate(lines)]


def test_two_columns_are_kept_apart() -> None:
    left = [f"左栏第{n}行：推进创建全国文明城市工作常态化" for n in range(8)]
    right = [f"右栏第{n}行：整治市容环境卫生和集贸市场秩序" for n in range(8)]
    boxes = [rect("创建全国文明城市工作简报", 400, 100, 800, 50)]
    for n in range(8):
        boxes.append(rect(left[n], 100, 200 + 55 * n, 700))
        boxes.append(rect(right[n], 900, 200 + 55 * n, 700))
    boxes.append(rect("— 3 —", 750, 700, 100))  # a footer crossing the gutter
    assert layout_text(boxes).splitlines() == [
        "创建全国文明城市工作简报", *left, *right, "— 3 —"]


def test_dashes_read_as_yi_are_mapped_back() -> None:
    assert fix_dashes("2023一2027年") == "2023-2027年"
    assert fix_dashes("电话：0517一87222589") == "电话：0517-87222589"
    assert fix_dashes("一 50 一") == "— 50 —"
    assert fix_dashes("50一一") == "— 50 —"
    assert fix_dashes("一一2024年1月21日在省人代会上") == "——2024年1月21日在省人代会上"
    for kept in ("一般公共预算", "统一2024年起执行", "第一项", "一是加强", "十一"):
        assert fix_dashes(kept) == kept
    boxes = [rect("合计", 100, 100, 80), rect("一", 400, 100, 40), rect("一5.2", 600, 100, 80)]
    assert layout_text(boxes) == "合计\t—\t-5.2"


def test_spaces_inside_numbers_are_removed() -> None:
    assert fix_numbers("82, 096, 797. 42") == "82,096,797.42"
    assert fix_numbers("881, 579. 76元") == "881,579.76元"
    assert fix_numbers("1. 2023年") == "1. 2023年"


# -------------------------------------------------------------- images (no model)

def test_prepare_image_applies_exif_orientation_and_limits_size(tmp_path: Path) -> None:
    photo = Image.new("RGB", (3000, 1000), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    path = tmp_path / "photo.jpg"
    photo.save(path, "JPEG", exif=exif)
    prepared = prepare_image(path)
    assert prepared.mode == "RGB"
    assert prepared.size == (667, 2000)


def test_prepare_image_flattens_transparency_on_white() -> None:
    clear = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    assert prepare_image(clear).getpixel((10, 10)) == (255, 255, 255)


def test_unreadable_image_is_a_corrupt_file(tmp_path: Path) -> None:
    from dangan.errors import CorruptFile

    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with pytest.raises(CorruptFile):
        prepare_image(bad)
