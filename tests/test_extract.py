"""Extractors on real corpus files and on files the tests make."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import opencc
import pytest
from conftest import CORPUS, SCANNED_PDF, SEED_SPEECH
from PIL import Image

from dangan.errors import UnsupportedFormat
from dangan.read.extract import detect
from dangan.read.extract.base import Extractor, Limits
from dangan.read.extract.registry import extractor_for, registered
from dangan.read.extract.text import decode_text
from dangan.text.normalize import normalise, search_text

LIMITS = Limits()


def extract(path: Path):
    return extractor_for(detect.detect_mime(path)).extract(path, LIMITS)


def test_every_extractor_meets_the_protocol():
    for mime, cls in registered().items():
        assert isinstance(cls(), Extractor), cls
        assert mime in cls.mime_types and cls.name


def test_unknown_type_raises_unsupported_format():
    with pytest.raises(UnsupportedFormat):
        extractor_for("application/x-unknown")


def test_type_is_read_from_content_not_name(tmp_path):
    pdf_as_txt = tmp_path / "其实是PDF.txt"
    shutil.copyfile(CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf", pdf_as_txt)
    docx_as_pdf = tmp_path / "其实是Word.pdf"
    shutil.copyfile(CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年吉林省政府工作报告.docx",
                    docx_as_pdf)
    assert detect.detect_mime(pdf_as_txt) == detect.PDF
    assert detect.detect_mime(docx_as_pdf) == detect.DOCX
    assert "预算" in extract(pdf_as_txt).text


@pytest.mark.parametrize("name, encoding, phrase", [
    ("2024年国务院政府工作报告_GB18030_CRLF.txt", "gb18030", "政府工作报告"),
    ("人大关于政府工作报告的决议_2024_GBK.txt", "gb18030", "全国人民代表大会"),
    ("2026_北京市_政府工作报告_UTF16LE_BOM.txt", "utf-16", "北京"),
])
def test_corpus_encoding_variants(name, encoding, phrase):
    raw = (CORPUS / "txt/encoding_variants_DERIVED" / name).read_bytes()
    text, found = decode_text(raw)
    assert found == encoding and phrase in text


def test_big5_hkscs_is_not_misread_as_gb18030(tmp_path):
    simplified = (CORPUS / "txt/encoding_variants_DERIVED/人大关于政府工作报告的决议_2024_GBK.txt"
                  ).read_bytes().decode("gb18030")
    traditional = opencc.OpenCC("s2hk").convert(simplified) + "\n香港嘅市民話：唔該晒。"
    raw = traditional.encode("big5hkscs")
    raw.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    text, found = decode_text(raw)
    assert found == "big5hkscs" and text == traditional


@pytest.mark.parametrize("text", ["会议纪要", "关于开展文明城市创建工作的通知"])
def test_short_gbk_text_is_not_cp949(text):
    assert decode_text(text.encode("gbk")) == (text, "gb18030")


def test_utf8_with_bom_and_line_endings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff# 标题\r\n第一行\r第二行\n".encode("utf-8"))
    assert extract(path).text == "# 标题\n第一行\n第二行\n"      # plain text is kept as written
    md = tmp_path / "a.md"
    md.write_bytes("\ufeff# 标题\r\n第一行\r第二行\n".encode("utf-8"))
    assert detect.detect_mime(md) == detect.MARKDOWN
    assert extract(md).text == "标题\n\n第一行\n第二行\n"      # Markdown is read as Markdown


def test_docx_body_order_tables_headers_footers(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "区创建办文件"
    document.sections[0].footer.paragraphs[0].text = "内部资料 注意保存"
    document.add_paragraph("一、工作安排")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "任务", "责任单位"), ("1", "背街小巷整治", "区城管局")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、工作要求")
    path = tmp_path / "方案.docx"
    document.save(path)
    extracted = extract(path)
    lines = extracted.text.splitlines()
    assert lines[:4] == ["一、工作安排", "序号\t任务\t责任单位", "1\t背街小巷整治\t区城管局", "二、工作要求"]
    assert "区创建办文件" in lines and "内部资料 注意保存" in lines
    assert extracted.tables[0].rows[1] == ("1", "背街小巷整治", "区城管局")


def test_real_docx_report():
    extracted = extract(CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年浙江省政府工作报告.docx")
    assert len(extracted.text) > 10_000 and "各位代表" in extracted.text


def test_pdf_text_layout_and_scanned_pages():
    good = extract(CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf")
    assert good.page_count == 5 and not good.needs_ocr
    sizes = {line.text: line.size for line in good.layout}
    assert sizes["洪泽区人民政府"] > max(sizes.get(t, 0) for t in sizes if "本报告" in t)
    scanned = extract(SCANNED_PDF)
    assert scanned.needs_ocr and scanned.page_count == 5 and scanned.text == ""


def test_blank_pdf_page_needs_no_ocr():
    # page 3 of this budget is blank: it carries drawing objects but nothing visible
    extracted = extract(CORPUS / "pdf/cn_shanghai_putuo_budgets/putuo_sifaju_2026_dept_budget.pdf")
    assert extracted.pages[2].text.strip() == ""
    assert not extracted.needs_ocr


def test_jpeg_keeps_exif_date(tmp_path):
    image = Image.new("RGB", (64, 48), "white")
    exif = Image.Exif()
    exif[0x8769] = {0x9003: "2022:03:26 09:30:00"}
    path = tmp_path / "整改前.jpg"
    image.save(path, exif=exif)
    extracted = extract(path)
    assert extracted.taken_at == "2022-03-26T09:30:00"
    assert extracted.needs_ocr


def test_normalise_strips_pinyin_and_maps_offsets():
    raw = SEED_SPEECH.read_text(encoding="utf-8")
    norm = normalise(raw)
    assert "(chuàng)" not in norm.text and "创建办会" in norm.text
    at = norm.text.index("创建办会")
    assert raw[norm.offsets[at]] == "創"
    assert len(norm.offsets) == len(norm.text)


def test_search_text_forms():
    assert search_text("２０２３年") == "2023年"
    assert search_text("來 函 檔 號") == "来函档号"
    assert search_text("要\n全面") == "要全面"
    assert search_text("ABC") == "abc"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_bom_is_text(tmp_path, encoding):
    """The corpus's UTF-16 report with its BOM dropped (some exports write none) was 不支持的文件格式."""
    raw = (CORPUS / "txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt").read_bytes()
    text = raw.decode("utf-16")
    bare = tmp_path / "北京报告_无BOM.txt"
    bare.write_bytes(text.encode(encoding))
    assert detect.detect_mime(bare) == detect.TEXT
    decoded, found = decode_text(bare.read_bytes())
    assert found == encoding and decoded == text


def test_noise_named_txt_is_a_broken_text_file_not_an_unsupported_format(tmp_path):
    """20 KB of binary noise named .txt was 不支持的文件格式（application/octet-stream）."""
    from dangan.errors import CorruptFile
    from dangan.intake.inspect import inspect

    noise = tmp_path / "乱码.txt"
    noise.write_bytes(bytes(range(256)) * 80)
    with pytest.raises(CorruptFile) as caught:
        inspect(noise, LIMITS)
    assert "扩展名为 .txt，内容却不是 文本文件" in caught.value.message
    assert detect.detect_mime(noise) == detect.UNKNOWN   # noise is never taken for UTF-16
