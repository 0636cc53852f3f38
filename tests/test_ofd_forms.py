"""OFD as its producers write it: a line, a character or a wrapped paragraph per TextCode, text in
points under a scaling CTM, objects in any file order, the 版头 on a template page, vertical
writing, annotations in their appearance box.

The real files are ofdrw's (corpus/ofd/); the generated ones are real PDFs' pages written as OFD by
bench/ofd_writer.py in each of its styles (made here, never committed): a corpus PDF, and two
labelled 公文 typeset to GB/T 9704 and printed by LibreOffice (as bench_elements_formats' `styled_ofd`)."""
from __future__ import annotations

import json
import re
import sys
import zipfile
from itertools import product
from pathlib import Path

import pytest
from format_files import soffice
from labelled_elements import CORPUS, DATA, source_path
from styled_gongwen import styled_docx

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import OFD, detect_mime
from dangan.read.extract.ofd import OfdExtractor
from dangan.read.extract.registry import extractor_for
from dangan.read.understand.metadata import read_facts

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/ (the writer lives there)
from bench.ofd_writer import COORDS, UNITS, pdf_lines, write_ofd  # noqa: E402

REAL = CORPUS / "ofd"
FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")
MINUTES = "docs/meeting_records/区创建办专题会议纪要.txt"          # red 版头 mark, 文号, header line with a tab
NOTICE = "docs/written_notices/关于开展2023年度安全生产大检查的通知.txt"   # …文件 版头, 署名, 版记
STYLES = list(product(UNITS, COORDS))


def read(path: Path):
    return OfdExtractor().extract(path, Limits())


def lines_of(path: Path) -> list[str]:
    return read(path).text.splitlines()


def test_a_wrapped_cell_reads_as_its_lines_and_a_short_row_ends_its_line():
    """The certificate writes a cell's entries as one TextCode, DeltaX stepping back and DeltaY down."""
    lines = lines_of(REAL / "不动产登记证明.ofd")
    assert "岱岳区青春创业开发区鑫源小区25号楼1单元601室" in lines        # a full row wrapped: one line
    assert "不动产权证书号：" in lines and "担保债权数额：35万元" in lines   # rows that stop short end their line
    # a column two glyphs wide (an identifier printed downwards) stays one run
    assert any(line.startswith("1.2.156.3005.2.11100000MB03271699022.") for line in lines)


def test_vertical_writing_and_a_block_of_rows_on_the_invoice():
    lines = lines_of(REAL / "增值税电子普通发票.ofd")
    assert "购买方" in lines                                # DeltaY without DeltaX: stacked glyphs
    assert any(line.startswith("销售方") for line in lines)
    cipher = next(line for line in lines if "密码区" in line)
    assert "0062477>548-1109>61*9-52160+2>+<79<931" in cipher   # four full rows: one run


def test_a_field_gap_is_a_run_of_spaces_as_on_a_pdf_page():
    page = read(REAL / "路桥区卫生局关于同意辞职的批复.ofd").pages[1].text
    assert re.search(r"^测试符路桥区卫生局办公室 {2,}2011年3月10日印发$", page, re.M)


def test_a_paragraph_wrapped_at_the_pages_edge_is_one_line_as_in_the_document():
    """ofdrw's 批复 writes a TextObject a printed line; the body's paragraphs read as their DOCX holds them,
    as the PDF page text unwraps them (pdf_text.unwrapped)."""
    page = read(REAL / "路桥区卫生局关于同意辞职的批复.ofd").pages[0].text.splitlines()
    assert "你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。" in page
    assert page[:4] == ["测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复", "区中医院："]


@pytest.mark.parametrize("unit, coords", [("char", "ctm"), ("line", "boundary"), ("textcodes", "page")])
def test_a_real_reports_wrapped_paragraph_in_every_unit(tmp_path, unit, coords):
    pdf = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "Hebei.pdf"
    out = tmp_path / "河北.ofd"
    write_ofd(pdf, out, "河北", unit=unit, coords=coords)
    lines = read(out).pages[3].text.splitlines()
    assert "4.社会保险基金预算完成情况。本级收入18.5亿元；本级支出10.7亿元；收支相抵，年末新增结余7.8亿元。" in lines


def _with_annotation(tmp_path: Path, visible: str) -> Path:
    """The 批复 with a text annotation on its second page, its appearance box at the page's foot."""
    source = REAL / "路桥区卫生局关于同意辞职的批复.ofd"
    out = tmp_path / f"批注{visible}.ofd"
    ns = "http://www.ofdspec.org/2016"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "Doc_0/Document.xml":
                data = data.replace(b"<ofd:Outlines/>", b"<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>")
            dst.writestr(info, data)
        dst.writestr("Doc_0/Annots/Annotations.xml", f'<ofd:Annotations xmlns:ofd="{ns}"><ofd:Page PageID="1021">'
                     '<ofd:FileLoc>Page_1/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>')
        dst.writestr("Doc_0/Annots/Page_1/Annotation.xml", (
            f'<ofd:PageAnnot xmlns:ofd="{ns}"><ofd:Annot ID="2001" Type="Stamp" Visible="{visible}">'
            '<ofd:Appearance Boundary="120 285 60 8"><ofd:TextObject ID="2002" Font="1000" Size="4" '
            'Boundary="0 0 60 8"><ofd:TextCode X="0" Y="5" DeltaX="g 3 4">已阅存档</ofd:TextCode>'
            '</ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>'))
    return out


def test_an_annotation_sits_in_its_appearance_box_and_a_hidden_one_is_not_read(tmp_path):
    page = read(_with_annotation(tmp_path, "true")).pages[1].text.splitlines()
    assert page[-1] == "已阅存档" and page[0] == "测试符路桥区卫生局办公室"   # at the foot, not the top
    assert "已阅存档" not in read(_with_annotation(tmp_path, "false")).text


@pytest.fixture(scope="session")
def budget_ofds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, str], Path]]:
    """A real PDF (Anhui's budget report excerpt: a cover title over its dated subtitle, two pages)
    written as OFD in every style, shuffled, its pages' files named in reverse, the older namespace."""
    pdf = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
    work = tmp_path_factory.mktemp("ofd-budget")
    made = {}
    for unit, coords in STYLES:
        out = work / f"{unit}-{coords}.ofd"
        write_ofd(pdf, out, pdf.stem, unit=unit, coords=coords, shuffled=True, reversed_pages=True,
                  old_namespace=True, footer_layer=True)
        made[unit, coords] = out
    return pdf, made


@pytest.mark.parametrize("unit, coords", STYLES)
def test_every_style_reads_the_pdfs_glyphs_in_order_at_their_size(budget_ofds, unit, coords):
    pdf, made = budget_ofds
    path = made[unit, coords]
    assert detect_mime(path) == OFD
    extracted = read(path)
    pages, _ = pdf_lines(pdf)
    assert extracted.page_count == len(pages)
    for page, lines in zip(extracted.pages, pages):
        want = re.sub(r"\s+", "", "".join(line.text() for line in lines))
        assert re.sub(r"\s+", "", page.text) == want
    first = [line for line in pages[0] if line.text().strip()]
    biggest = max(first, key=lambda line: line.size)
    sizes = {re.sub(r"\s+", "", line.text): line.size for line in extracted.layout}
    assert sizes[re.sub(r"\s+", "", biggest.text())] == pytest.approx(biggest.size * 72 / 25.4, abs=0.2)


def _label(source: str) -> dict[str, str]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return next(lab for lab in labels if lab["source"] == source)


@pytest.fixture(scope="session")
def styled_ofds(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    """Two labelled 公文 typeset to GB/T 9704, printed to PDF by LibreOffice, written as OFD in every
    style with the 版头 on a template page and the objects shuffled."""
    work = tmp_path_factory.mktemp("ofd-styled")
    docx = {}
    for source in (MINUTES, NOTICE):
        original = source_path(source)
        text = extractor_for(detect_mime(original)).extract(original, Limits()).text
        docx[source] = styled_docx(text, _label(source)["title"], work / f"{original.stem}.docx")
    soffice(list(docx.values()), "pdf", work)
    made = {}
    for (source, path), (unit, coords) in product(docx.items(), STYLES):
        out = work / unit / coords / f"{path.stem}.ofd"
        write_ofd(path.with_suffix(".pdf"), out, path.stem, unit=unit, coords=coords, template=True,
                  shuffled=True)
        made[source, unit, coords] = out
    return made


@pytest.mark.parametrize("source", [MINUTES, NOTICE])
def test_a_typeset_gongwen_reads_as_labelled_in_every_style(styled_ofds, source):
    label = _label(source)
    want = {f: label[f] or "" for f in FIELDS}
    for unit, coords in STYLES:
        path = styled_ofds[source, unit, coords]
        with zipfile.ZipFile(path) as zf:
            assert "Doc_0/Tpls/Tpl_0/Content.xml" in zf.namelist()   # the 版头's red mark on a template
        meta, _ = read_facts(read(path), path.name)
        values = meta.values()
        assert {f: values.get(f) or "" for f in FIELDS} == want, (unit, coords)


def _zip_marked_encrypted(source: Path, out: Path) -> Path:
    """The 批复 with every member's 'encrypted' flag set (as a ZIP tool's password leaves it)."""
    data = bytearray(source.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start != -1:
            data[start + flag_at] |= 0x1
            start = data.find(signature, start + 4)
    out.write_bytes(bytes(data))
    return out


def _gmt0099(source: Path, out: Path) -> Path:
    """The 批复 as a GM/T 0099 encryptor leaves it: an Encryptions.xml entry file at the root and
    the page contents replaced by ciphertext."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, bytes((b * 7 + 3) % 256 for b in data) if info.filename.endswith("Content.xml") else data)
        dst.writestr("Encryptions.xml", '<ofd:Encryptions xmlns:ofd="http://www.ofdspec.org/2016"/>')
    return out


def test_encrypted_truncated_and_empty_ofd_are_quarantined_with_a_chinese_reason(tmp_path, workspace):
    from dangan.intake.batch import ingest_paths

    source = REAL / "路桥区卫生局关于同意辞职的批复.ofd"
    truncated = tmp_path / "截断.ofd"
    truncated.write_bytes(source.read_bytes()[:20000])
    empty = tmp_path / "空.ofd"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"/>')
    files = [_zip_marked_encrypted(source, tmp_path / "加密.ofd"), _gmt0099(source, tmp_path / "国密.ofd"),
             truncated, empty, source]
    report = ingest_paths(workspace, files, ocr=False)
    assert report.count("added") == 1
    reasons = {Path(f.path).name: (f.error_code, f.reason) for f in report.failed}
    assert reasons["加密.ofd"][0] == reasons["国密.ofd"][0] == "ENCRYPTED_FILE"
    assert "GM/T 0099" in reasons["国密.ofd"][1] and "密码" in reasons["加密.ofd"][1]
    assert reasons["截断.ofd"][0] == reasons["空.ofd"][0] == "CORRUPT_FILE" and "没有页面" in reasons["空.ofd"][1]
    kept = {p.name for p in workspace.quarantine.rglob("*.ofd")}
    assert kept == {"加密.ofd", "国密.ofd", "截断.ofd", "空.ofd"}   # each original kept beside its reason
    assert all("文件" in p.read_text(encoding="utf-8") for p in workspace.quarantine.rglob("*.reason.txt"))


def _scanned_ofd(out: Path, pages: list[tuple[str, bytes]], page_res: bool = False, stamp: bool = False) -> Path:
    """An OFD whose pages each hold one image covering the page (a scan), as archives hand them out;
    `page_res`: the second page's image listed in a PageRes of its own rather than the DocumentRes;
    `stamp`: a page number (- 1 -) set as text over each page's image, as a scanning system stamps it."""
    ns = "http://www.ofdspec.org/2016"
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                    '<ofd:DocID>scan</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                    '</ofd:DocBody></ofd:OFD>')
        shared = [(i, name) for i, (name, _) in enumerate(pages) if not (page_res and i == 1)]
        zf.writestr("Doc_0/DocumentRes.xml", f'<ofd:Res xmlns:ofd="{ns}" BaseLoc="Res"><ofd:MultiMedias>' + "".join(
            f'<ofd:MultiMedia ID="{50 + i}" Type="Image"><ofd:MediaFile>{name}</ofd:MediaFile></ofd:MultiMedia>'
            for i, name in shared) + "</ofd:MultiMedias></ofd:Res>")
        zf.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{ns}"><ofd:CommonData><ofd:MaxUnitID>99'
                    '</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                    '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>' + "".join(
                        f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
                    + "</ofd:Pages></ofd:Document>")
        for i, (name, data) in enumerate(pages):
            own = page_res and i == 1
            res = "<ofd:PageRes>PageRes.xml</ofd:PageRes>" if own else ""
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", f'<ofd:Page xmlns:ofd="{ns}">{res}<ofd:Content>'
                        f'<ofd:Layer ID="{20 + i}"><ofd:ImageObject ID="{30 + i}" ResourceID="{50 + i}" '
                        'Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>' + (
                            f'<ofd:TextObject ID="{40 + i}" Boundary="95 285 20 6" Font="70" Size="3.5">'
                            f'<ofd:TextCode X="0" Y="3.5">- {i + 1} -</ofd:TextCode></ofd:TextObject>' if stamp else "")
                        + '</ofd:Layer></ofd:Content></ofd:Page>')
            if own:
                zf.writestr(f"Doc_0/Pages/Page_{i}/PageRes.xml", f'<ofd:Res xmlns:ofd="{ns}" BaseLoc="/Doc_0/Scans">'
                            f'<ofd:MultiMedias><ofd:MultiMedia ID="{50 + i}" Type="Image"><ofd:MediaFile>{name}'
                            '</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>')
            zf.writestr(f"Doc_0/{'Scans' if own else 'Res'}/{name}", data)
    return out


def test_a_scanned_ofd_is_read_by_ocr_from_its_page_images(tmp_path, workspace):
    """A scan handed out as OFD (no text, an image a page) is flagged, and OCR reads each page's image:
    the excerpt of Anhui's budget report rendered at 150 dpi, a PNG and a JPEG (the second found
    through its page's own PageRes)."""
    import io

    import pypdfium2

    from dangan.archive.describe import describe
    from dangan.intake.batch import ingest_paths

    pdf = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
    images = []
    with pypdfium2.PdfDocument(str(pdf)) as doc:
        for i, kind in enumerate(("PNG", "JPEG")):
            buffer = io.BytesIO()
            doc[i].render(scale=150 / 72).to_pil().convert("L").save(buffer, kind)
            images.append((f"page{i}.{kind.lower()}", buffer.getvalue()))
    scan = _scanned_ofd(tmp_path / "扫描件.ofd", images, page_res=True)
    extracted = read(scan)
    assert extracted.needs_ocr and extracted.page_count == 2 and not extracted.text.strip()
    report = ingest_paths(workspace, [scan], ocr=True).to_dict()
    assert report["needs_ocr"] == [] and [o["pages"] for o in report["ocr"]] == [2]
    data = describe(workspace, report["documents"][0]["id"])
    assert data["ocr_pages"] == [1, 2]
    assert data["title"] == "关于安徽省2023年预算执行情况和2024年预算草案的报告"
    assert data["issuer"] == "安徽省财政厅"


def test_a_scan_with_a_stamped_page_number_is_read_by_ocr(tmp_path, workspace):
    """The same scan with its page number set as text over the image (- 1 -): that is no text of the page,
    which is flagged and read by OCR as before (the number kept it from OCR: 没有需要 OCR 的页)."""
    import io

    import pypdfium2

    from dangan.archive.describe import describe
    from dangan.intake.batch import ingest_paths

    pdf = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
    buffer = io.BytesIO()
    with pypdfium2.PdfDocument(str(pdf)) as doc:
        doc[0].render(scale=150 / 72).to_pil().convert("L").save(buffer, "PNG")
    scan = _scanned_ofd(tmp_path / "扫描件带页码.ofd", [("page0.png", buffer.getvalue())], stamp=True)
    with zipfile.ZipFile(scan) as zf:
        assert "- 1 -" in zf.read("Doc_0/Pages/Page_0/Content.xml").decode()
    extracted = read(scan)
    assert extracted.needs_ocr and not extracted.text.strip()
    report = ingest_paths(workspace, [scan], ocr=True).to_dict()
    assert report["needs_ocr"] == [] and [o["pages"] for o in report["ocr"]] == [1]
    data = describe(workspace, report["documents"][0]["id"])
    assert data["ocr_pages"] == [1] and data["issuer"] == "安徽省财政厅"


def test_a_scan_in_jbig2_fails_ocr_with_a_reason_and_is_kept(tmp_path, workspace):
    from dangan.intake.batch import ingest_paths

    with zipfile.ZipFile(REAL / "增值税电子普通发票.ofd") as zf:   # the invoice's seal: a real .jb2
        jbig2 = zf.read("Doc_0/Res/image_78.jb2")
    scan = _scanned_ofd(tmp_path / "传真件.ofd", [("page0.jb2", jbig2)])
    report = ingest_paths(workspace, [scan], ocr=True).to_dict()
    assert report["ingested"] == 1 and report["failed"] == []   # the original is archived all the same
    [outcome] = report["ocr"]
    assert "JB2" in outcome["error"] and "无法解码" in outcome["error"]
