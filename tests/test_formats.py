"""Spreadsheets, OFD, web pages and slides: real files, read by content, found by search."""
from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS

from dangan.archive.catalog import Catalog
from dangan.errors import EncryptedFile, TooLarge
from dangan.intake.batch import ingest_paths
from dangan.read.extract import detect
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for

OFD = CORPUS / "ofd"
PIFU = OFD / "路桥区卫生局关于同意辞职的批复.ofd"


def read(path: Path, limits: Limits = Limits()):
    return extractor_for(detect_mime(path)).extract(path, limits)


@pytest.mark.parametrize("name, mime", [
    ("1954年整改台账.xlsx", detect.XLSX),
    ("1955年整改台账.xls", detect.XLS),
    ("1958年整改台账.et", detect.XLS),
    ("1957年整改台账.ods", detect.ODS),
    ("1960年整改台账.csv", detect.CSV),
    ("1975年台账（实为表格）.doc", detect.XLSX),      # an .xlsx renamed .doc
    ("吉林省政府工作报告.wps", detect.DOCX),           # a .wps that is really a DOCX
    ("云南省政府工作报告.wps", detect.DOC),            # WPS Writer = Word 97 streams
    ("上海市政府工作报告.doc", detect.DOC),
    ("天津市政府工作报告.rtf", detect.RTF),
    ("山西省政府工作报告.odt", detect.ODT),
    ("2016年工作汇报.pptx", detect.PPTX),
    ("2017年工作汇报.ppt", detect.PPT),
    ("2018年工作汇报.odp", detect.ODP),
    ("海南省政府工作报告.html", detect.HTML),
    ("浙江省政府工作报告.mht", detect.MHT),
    ("路桥区卫生局关于同意辞职的批复.ofd", detect.OFD),
])
def test_type_is_read_from_content(format_files, name, mime):
    folder, _ = format_files
    assert detect_mime(folder / name) == mime


def test_ofd_named_zip_is_still_ofd(tmp_path):
    renamed = tmp_path / "批复.zip"
    shutil.copyfile(PIFU, renamed)
    assert detect_mime(renamed) == detect.OFD
    assert "路卫发〔2011〕76号" in read(renamed).text


@pytest.mark.parametrize("name", ["1954年整改台账.xlsx", "1955年整改台账.xls", "1957年整改台账.ods",
                                  "1958年整改台账.et"])
def test_every_sheet_row_is_a_line_with_header_and_merged_cells(format_files, name):
    folder, _ = format_files
    extracted = read(folder / name)
    assert extracted.page_count == 2                      # one page per sheet
    first, second = (p.text.splitlines() for p in extracted.pages)
    assert first[0] == "整改台账\t序号\t责任单位\t问题描述\t完成时限"
    assert second[0] == "宣传教育\t项目\t内容"
    units = [line.split("\t")[2] for line in first[1:]]
    assert units[0] == units[1] == "区城管局"           # merged down the column: on every row
    assert units[-1] == "区住建局" and "" not in units
    assert first[1].split("\t")[1] == "1"                  # integers without ".0"
    assert extracted.tables[0].rows[0][:2] == ("序号", "责任单位")


def test_gbk_csv_is_decoded_and_split(format_files):
    folder, _ = format_files
    extracted = read(folder / "1960年整改台账.csv")
    lines = extracted.text.splitlines()
    assert lines[0] == "1960年整改台账\t序号\t责任单位\t问题描述"
    assert extracted.extractor == "csv:gb18030" and lines[1].startswith("1960年整改台账\t1\t区创建办\t")


def test_fifty_thousand_row_ledger_reads_in_seconds(tmp_path):
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["序号", "社区", "问题", "时限"])
    for i in range(50_000):
        sheet.append([i + 1, f"第{i % 113 + 1}社区", f"第{i}号问题：道路破损需修复", "2022-09-30"])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    started = time.perf_counter()
    extracted = read(path)
    assert time.perf_counter() - started < 10
    lines = extracted.text.splitlines()
    assert len(lines) == 50_001 and lines[-1] == "台账\t50000\t第54社区\t第49999号问题：道路破损需修复\t2022-09-30"


def test_huge_spreadsheet_is_refused_before_loading(tmp_path):
    """A 200 MB worksheet (tiny when compressed) is refused from its zip directory, in well under a second."""
    source = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2019年中华人民共和国国务院政府工作报告.txt"
    sentence = source.read_text(encoding="utf-8")[200:260].replace("<", "").replace("&", "")
    row = f'<row><c t="inlineStr"><is><t>{sentence}</t></is></c></row>'.encode()
    path = tmp_path / "巨型台账.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = row * 4096
            for _ in range(200 * 2**20 // len(chunk) + 1):
                sheet.write(chunk)
    assert path.stat().st_size < 20 * 2**20
    started = time.perf_counter()
    with pytest.raises(TooLarge) as caught:
        read(path)
    assert time.perf_counter() - started < 1
    assert "表格解压后" in caught.value.message


def test_password_protected_xlsx_is_quarantined_with_a_chinese_reason(format_files, workspace, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    folder, _ = format_files
    locked = tmp_path / "加密台账.xlsx"
    with (folder / "1954年整改台账.xlsx").open("rb") as plain, locked.open("wb") as out:
        buffer = io.BytesIO()
        OOXMLFile(plain).encrypt("123456", buffer)
        out.write(buffer.getvalue())
    assert detect_mime(locked) == detect.ENCRYPTED_OFFICE
    with pytest.raises(EncryptedFile):
        read(locked)
    report = ingest_paths(workspace, [locked, folder / "1955年整改台账.xls"], ocr=False)
    assert report.count("added") == 1
    [failed] = report.failed
    assert failed.error_code == "ENCRYPTED_FILE" and "加密" in failed.reason
    reasons = list(workspace.quarantine.rglob("*.reason.txt"))
    assert reasons and "文件已加密" in reasons[0].read_text(encoding="utf-8")


def test_ofd_text_in_reading_order_with_pages_and_docinfo():
    extracted = read(PIFU)
    assert extracted.page_count == 2
    lines = extracted.pages[0].text.splitlines()
    assert lines[:3] == ["测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复"]
    assert "2011年3月10日" in extracted.pages[1].text
    assert extracted.hints == {"created": "2020-01-25"}   # the author there is the producer's name: dropped


def test_ofd_templates_and_page_text_both_read():
    invoice = read(OFD / "增值税电子普通发票.ofd").text
    assert "江苏京利华新材料有限公司" in invoice          # the page
    assert "价税合计" in invoice and "纳税人识别号" in invoice  # the template
    certificate = read(OFD / "不动产登记证明.ofd")
    assert "鲁（2020）泰安市不动产证明第0014777号" in certificate.text
    assert certificate.hints["author"] == "admin"


def test_damaged_ofd_is_a_clear_error(tmp_path):
    from dangan.errors import CorruptFile

    broken = tmp_path / "坏.ofd"
    with zipfile.ZipFile(PIFU) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[: len(data) // 2] if info.filename.endswith("Content.xml") else data)
    with pytest.raises(CorruptFile) as caught:
        read(broken)
    assert "OFD" in caught.value.message


@pytest.mark.parametrize("name, title", [("海南省政府工作报告.html", "2026年海南省政府工作报告"),
                                         ("浙江省政府工作报告.mht", "2026年浙江省政府工作报告")])
def test_web_page_main_text_without_site_noise(format_files, name, title):
    folder, _ = format_files
    extracted = read(folder / name)
    assert extracted.hints["title"] == title
    text = extracted.text
    assert text.startswith(title)
    assert "各位代表" in text
    for noise in ("【打印】", "打印本页", "关闭窗口", "当前位置", "版权所有", "访问量", "_hmt", "document.write"):
        assert noise not in text, noise


def test_slides_one_page_each_with_tables(format_files):
    folder, _ = format_files
    extracted = read(folder / "2016年工作汇报.pptx")
    assert extracted.page_count == 12
    assert "责任单位\t完成时限" in extracted.pages[0].text
    assert extracted.tables[0].rows[1] == ("区创建办", "九月底前")


def test_new_formats_ingest_and_report_their_type(format_files, workspace):
    folder, _ = format_files
    files = [folder / n for n in ("1954年整改台账.xlsx", "1975年台账（实为表格）.doc", "海南省政府工作报告.html")]
    report = ingest_paths(workspace, files + [PIFU], ocr=False).to_dict()
    assert report["failed"] == []
    types = {Path(d["path"]).name: d["type"] for d in report["documents"]}
    assert types["1975年台账（实为表格）.doc"] == detect.XLSX
    assert types[PIFU.name] == detect.OFD
    with Catalog(workspace.catalog_path) as catalog:
        pifu = catalog.get(next(d["id"] for d in report["documents"] if d["path"] == str(PIFU)))
    assert pifu.pages == 2 and pifu.doc_number == "路卫发〔2011〕76号"
    assert pifu.title == "关于同意张阿三同志辞职的批复"
