"""迎检资料汇编 (dangan.compose.dossier), its template, the sandbox, and `dangan package`."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SEED_SPEECH, corpus_file
from docx import Document as open_docx
from docx.oxml.ns import qn
from PIL import Image

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.compose.dossier import DEFAULT_TEMPLATE, build_dossier, make_dossier
from dangan.compose.dossier_select import find_passages, select
from dangan.compose.package import make_package, safe_name
from dangan.errors import TemplateError
from dangan.index.maintain import reindex
from dangan.intake.batch import ingest_paths
from dangan.intake.ingest import Origin
from dangan.templates.docx.build_templates import build_all
from dangan.workspace import Workspace, init_workspace, open_workspace

PKULAW = sorted((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("*.txt"))
ANHUI = "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"
JIANGXI = "docx/cn_provincial_gov_work_reports_2025/2025年江西省政府工作报告.docx"
ITEMS = (("A01", "社区综合达标", None, None), ("A01.01", "社区环境", "A01", "社区内道路平整、环境整洁，楼道无杂物。"),
         ("A02", "宣传教育", None, "主次干道、广场公益广告设置规范、数量充足。"))
FIELDS = {  # name → fields set by hand, as the metadata helper would
    "speech": {"title": "书记在创建办会部署会上的讲话", "doc_number": "区创建办〔2022〕3号", "issuer": "区创建办",
               "doc_date": "2022-03-26"},
    "green": {"doc_number": "余府办发〔2012〕1号", "issuer": "新余市人民政府办公室", "doc_date": "2012-01-09"},
    "anhui": {"doc_number": "皖财预〔2024〕8号", "issuer": "安徽省财政厅", "doc_date": "2024-01-23"},
    "jiangxi": {"doc_number": "", "issuer": "江西省人民政府 & <办公厅>", "doc_date": "2025-01-17"},
    "photo": {"title": "幸福社区楼道杂物清理"},
}
Small = tuple[Workspace, dict[str, int]]
LINKS = {"A01": ("speech", "green", "anhui", "jiangxi", "photo"), "A02": ("speech",)}


def make_photo(path: Path, when: str = "2022:03:26 10:15:00") -> Path:
    image = Image.new("RGB", (1200, 900), (70, 130, 190))
    image.paste((235, 225, 190), (150, 200, 1050, 750))
    exif = Image.Exif()
    exif[0x0132] = when  # DateTime
    image.save(path, "JPEG", exif=exif)
    return path


@pytest.fixture(scope="module")
def small_ws(tmp_path_factory: pytest.TempPathFactory) -> Small:
    """A few corpus files and a tagged photo, with elements and items set by hand, reindexed."""
    if not SEED_SPEECH.exists():
        pytest.skip("corpus not available")
    root = tmp_path_factory.mktemp("dossier")
    ws = init_workspace(root / "ws")
    config = ws.config_file.read_text(encoding="utf-8")  # no OCR of the photo: seconds, and not under test
    ws.config_file.write_text(config.replace("[ocr]\nenabled = true", "[ocr]\nenabled = false"), encoding="utf-8")
    ws = open_workspace(ws.home)
    assert not ws.settings.ocr_enabled
    files = {"speech": SEED_SPEECH, "green": PKULAW[0], "anhui": corpus_file(ANHUI),
             "jiangxi": corpus_file(JIANGXI)}
    report = ingest_paths(ws, list(files.values()))
    ids = {name: result.document_id for name, result in zip(files, report.results)}
    photo = make_photo(root / "IMG_0001.jpg")
    ids["photo"] = ingest_paths(ws, [photo], origin=Origin(tags={"社区": "幸福社区"})).results[0].document_id
    with Catalog(ws.catalog_path) as catalog:
        for name, fields in FIELDS.items():
            catalog.update_fields(ids[name], {k: v or None for k, v in fields.items()}, origin="manual")
        with catalog.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO items (code, name, parent, standard) VALUES (?,?,?,?)", ITEMS)
            conn.executemany("INSERT OR REPLACE INTO document_items VALUES (?, ?, 1.0, 'manual')",
                             [(ids[name], code) for code, names in LINKS.items() for name in names])
    reindex(ws)
    return ws, ids


@pytest.fixture(scope="module")
def dossier(small_ws: Small, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws, _ = small_ws
    out = tmp_path_factory.mktemp("out") / "迎检资料汇编.docx"
    make_dossier(ws, out, items=("A01", "A02"), unit="某区创建全国文明城市工作指挥部办公室")
    return out


def _style_east_asia(document: Any, name: str) -> str | None:
    return document.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_template_is_committed_and_rebuilt(tmp_path: Path) -> None:
    assert DEFAULT_TEMPLATE.is_file()
    built = {p.name: p for p in build_all(tmp_path)}
    assert {"dossier.docx", "catalogue.docx"} <= set(built)
    xml = open_docx(str(built["dossier.docx"])).element.xml
    for tag in ("{%p for s in sections %}", "{%tr for r in s.rows %}", "{{r p }}", "{{ d.photo }}", "TOC \\o"):
        assert tag in xml


def test_evidence_dates_and_headers_fit_on_one_line(small_ws: Small, tmp_path: Path) -> None:
    """The 佐证材料目录's 日期 column broke 2024-06-05 over two lines; dates are written 20240605, as
    DA/T 22 lists them, and LibreOffice prints each row's date on one line."""
    from dangan.compose.topdf import to_pdf

    ws, _ = small_ws
    result = make_dossier(ws, tmp_path / "d.docx", items=("A01", "A02"))
    table = next(t for t in open_docx(str(result.docx)).tables if t.rows[0].cells[0].text == "编号")
    dates = [row.cells[4].text for row in table.rows[1:] if row.cells[4].text]
    assert dates and all(re.fullmatch(r"\d{8}", d) for d in dates), dates
    text = subprocess.run(["pdftotext", "-layout", str(to_pdf(result.docx, tmp_path)), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert all(d in text for d in dates), (dates, [line for line in text.splitlines() if "2022" in line or "2012" in line][:8])
    header = ("编号", "题名", "日期", "页数", "档号")   # 页数 was 页 over 数 in a 9 mm column
    assert any(all(word in line for word in header) for line in text.splitlines())


def test_page_layout_and_fonts(dossier: Path) -> None:
    document = open_docx(str(dossier))
    for section in document.sections:
        measured = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                    section.left_margin, section.right_margin)
        assert [round(length.mm, 1) for length in measured] == [210, 297, 37, 35, 28, 26]
    assert _style_east_asia(document, "Normal") == "仿宋_GB2312"
    assert document.styles["Normal"].font.size.pt == 16
    assert _style_east_asia(document, "Heading 1") == "黑体"
    title = document.paragraphs[0]
    assert title.text == "创建全国文明城市迎检资料汇编"
    assert title.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正小标宋简体"
    footer = "".join(p.text for p in document.sections[1].footer.paragraphs)
    assert footer.startswith("— ") and footer.endswith(" —")
    assert "某区创建全国文明城市工作指挥部办公室" in [p.text for p in document.paragraphs]


def test_toc_field_is_real(dossier: Path) -> None:
    document = open_docx(str(dossier))
    body = document.element.body
    instructions = [i.text for i in body.iter(qn("w:instrText"))]
    simple = [f.get(qn("w:instr")) for f in body.iter(qn("w:fldSimple"))]
    assert any(text and text.strip().startswith("TOC") for text in instructions + simple)
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    entries = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 3")]
    assert entries[0].startswith("一、社区综合达标") and any("二、宣传教育" in e for e in entries)
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert all(re.search(r"PAGEREF (_Toc\d+)", i).group(1) in bookmarks
               for i in instructions if "PAGEREF" in i)


def test_evidence_rows_are_the_selected_documents(small_ws: Small, dossier: Path) -> None:
    ws, ids = small_ws
    selection = select(ws, items=("A01", "A02"))
    document = open_docx(str(dossier))
    header = tuple(c.text for c in document.tables[0].rows[0].cells)
    assert header == ("编号", "题名", "文号", "责任者", "日期", "页数", "档号")
    for table, section in zip(document.tables, selection.sections):
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]
        assert [int(r[0]) for r in rows] == list(range(1, len(section.documents) + 1))
        assert [r[2] for r in rows] == [d.doc_number or "" for d in section.documents]
        assert [r[4] for r in rows] == [(d.doc_date or (d.taken_at or "")[:10]).replace("-", "")
                                        for d in section.documents]
    first = {r.cells[2].text: r.cells[4].text for r in document.tables[0].rows[1:]}
    assert first["区创建办〔2022〕3号"] == "20220326" and first["皖财预〔2024〕8号"] == "20240123"
    assert len(document.tables[0].rows) - 1 == len(LINKS["A01"])
    assert len(document.tables[1].rows) - 1 == len(LINKS["A02"])
    assert "江西省人民政府 & <办公厅>" in [r.cells[3].text for r in document.tables[0].rows]  # escaped, not lost
    standards = "\n".join(p.text for p in document.paragraphs)
    assert "社区环境：社区内道路平整" in standards and "公益广告设置规范" in standards


def test_photo_on_its_own_page_with_caption(dossier: Path) -> None:
    document = open_docx(str(dossier))
    assert len(document.inline_shapes) == 1
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p._p.findall(".//" + qn("w:drawing")))
    heading = paragraphs[at - 1]
    assert heading.text.endswith("幸福社区楼道杂物清理（照片）") and heading.paragraph_format.page_break_before
    assert paragraphs[at + 1].text == "图1　幸福社区楼道杂物清理"
    caption = paragraphs[at + 2].text    # the six fields inspectors ask for, 待补 where unknown
    assert caption.startswith("时间：2022年3月26日　地点：幸福社区　人物：（待补）")
    assert "主题：幸福社区楼道杂物清理" in caption and "事由：" in caption


def test_passages_mark_the_match(dossier: Path) -> None:
    document = open_docx(str(dossier))
    marked = {r.text for p in document.paragraphs for r in p.runs if r.bold and r.underline}
    assert {"社区整治", "社区综合达标"} & marked
    assert "绿色建筑" not in marked   # not a keyword of these items


def test_query_dossier_emphasises_the_query(small_ws: Small, tmp_path: Path) -> None:
    ws, ids = small_ws
    result = make_dossier(ws, tmp_path / "q.docx", query="绿色建筑")
    assert result.documents >= 1 and result.sections == 1
    document = open_docx(str(result.docx))
    assert any(r.text == "绿色建筑" and r.bold and r.underline for p in document.paragraphs for r in p.runs)
    assert "一、与“绿色建筑”相关的材料" in [p.text for p in document.paragraphs]


def test_find_passages_windows_and_order() -> None:
    text = "第一句无关。第二句讲垃圾分类和垃圾分类督查。第三句无关。" * 3 + "最后一句提到垃圾分类。"
    passages = find_passages(text, ["垃圾分类"], limit=2)
    assert len(passages) == 2
    assert passages[0] == (("第二句讲", False), ("垃圾分类", True), ("和", False), ("垃圾分类", True),
                           ("督查。", False))


def test_passages_never_open_inside_a_pinyin_annotation() -> None:
    """The seed speech annotates 347 characters (社區(qū)整治): a window opening inside one left a
    stray ')' or 'ū)' at the head of the excerpt (……)整治所涉及的…)."""
    raw = SEED_SPEECH.read_text(encoding="utf-8")
    for needles in (["市容环境卫生整治"], ["社区综合达标"], ["市容环境卫生整治", "社区综合达标", "社区整治"]):
        for width in (60, 90, 120, 150):
            for passage in find_passages(raw, needles, width=width, limit=10):
                text = "".join(part for part, _ in passage)
                assert not re.search(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|^(?:……)?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]*[)）]",
                                     text), text


def test_user_template_cannot_escape_the_sandbox(small_ws: Small, tmp_path: Path) -> None:
    ws, _ = small_ws
    selection = select(ws, items=("A01",))
    for text in ("{{ ''.__class__.__mro__ }}",
                 "{% for s in sections %}{% for d in s.documents %}{% if d.photo %}{{ d.photo.tpl }}"
                 "{% endif %}{% endfor %}{% endfor %}",
                 "{{ 'x' * 100000000 }}"):
        template = tmp_path / "evil.docx"
        evil = open_docx()
        evil.add_paragraph(text)
        evil.save(str(template))
        with pytest.raises(TemplateError):
            build_dossier(ws, selection, tmp_path / "out.docx", template=template)
    assert not (tmp_path / "out.docx").exists()


def test_with_originals_appends_every_kind(small_ws: Small, tmp_path: Path) -> None:
    ws, _ = small_ws
    result = make_dossier(ws, tmp_path / "full.docx", items=("A01",), with_originals=True)
    document = open_docx(str(result.docx))
    texts = [p.text for p in document.paragraphs]
    assert "附件2：佐证材料原件" in texts
    appendix = texts[texts.index("附件2：佐证材料原件"):]
    # the photo in the body, then: the photo again, the PDF's two pages, and the two text files as pages
    assert len(document.inline_shapes) >= 1 + 1 + 2 + 2
    assert sum("由系统转为页面" in t for t in appendix) == 2      # the speech and the notice, not left out
    assert any("2025年江西省政府工作报告" in t for t in appendix)


def test_cli_dossier_json_and_errors(small_ws: Small, tmp_path: Path) -> None:
    ws, _ = small_ws
    runner = CliRunner()
    out = tmp_path / "cli.docx"
    done = runner.invoke(cli, ["--home", str(ws.home), "dossier", "--item", "A02", "--out", str(out), "--json"],
                         catch_exceptions=False)
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert {"docx", "documents", "pages"} <= set(data) and data["documents"] == 1 and Path(data["docx"]).is_file()
    empty = runner.invoke(cli, ["--home", str(ws.home), "dossier", "--query", '"没有这样的原文"', "--out", str(out)])
    assert empty.exit_code == 3 and "没有选中任何文件" in empty.output
    unknown = runner.invoke(cli, ["--home", str(ws.home), "dossier", "--item", "Z99", "--out", str(out)])
    assert unknown.exit_code == 3 and "Z99" in unknown.output


def test_package_folder_and_zip(small_ws: Small, tmp_path: Path) -> None:
    ws, ids = small_ws
    folder = make_package(ws, tmp_path / "迎检资料", items=("A01", "A02"))
    files = sorted(str(p.relative_to(folder.path)) for p in folder.path.rglob("*") if p.is_file())
    assert "佐证材料目录.xlsx" in files
    assert "A02_宣传教育/001_书记在创建办会部署会上的讲话.txt" in files
    assert any(re.fullmatch(r"A01_社区综合达标/00\d_幸福社区楼道杂物清理\.jpg", f) for f in files)
    assert len(files) == 1 + len(LINKS["A01"]) + len(LINKS["A02"])
    packed = make_package(ws, tmp_path / "pkg.zip", items=("A01",))
    with zipfile.ZipFile(packed.path) as archive:
        names = archive.namelist()
    assert names[0] == "佐证材料目录.xlsx" and len(names) == 1 + len(LINKS["A01"])
    runner = CliRunner()
    again = runner.invoke(cli, ["--home", str(ws.home), "package", "--item", "A01", "--out", str(folder.path)])
    assert again.exit_code == 3 and "输出位置已有内容" in again.output


def test_safe_name() -> None:
    assert safe_name('关于"创建"的通知: 第1/2部分?.') == "关于_创建_的通知_ 第1_2部分_"
    assert safe_name("...") == "未命名"
    assert safe_name("题" * 100) == "题" * 60
    assert safe_name("a\x00b\tc  d") == "a_b_c d"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_pdf_has_a_numbered_toc(small_ws: Small, tmp_path: Path) -> None:
    from dangan.compose.topdf import pdf_texts

    ws, _ = small_ws
    result = make_dossier(ws, tmp_path / "汇编.docx", items=("A01", "A02"), pdf=True)
    assert result.pdf is not None and result.pdf.stat().st_size > 10_000
    pages = pdf_texts(result.pdf)
    assert "目录" in pages[1] and "一、社区综合达标" in pages[1]
    entries = dict(p.text.split("\t") for p in open_docx(str(result.docx)).paragraphs
                   if p.style.name in ("toc 1", "toc 3"))
    assert all(page.isdigit() for page in entries.values()), entries
    body_start = next(i for i, text in enumerate(pages) if "—1—" in text)
    for heading in ("一、社区综合达标", "二、宣传教育", "附件1：佐证材料原件清单"):
        assert heading in pages[body_start + int(entries[heading]) - 1]


def test_item_without_documents_shows_the_gap(small_ws: Small, tmp_path: Path) -> None:
    ws, _ = small_ws
    result = make_dossier(ws, tmp_path / "gap.docx", items=("A02", "A03"))   # A03: only in the taxonomy file
    texts = [p.text for p in open_docx(str(result.docx)).paragraphs]
    assert result.sections == 2 and "二、资料收集整理" in texts
    assert "（本项目暂无已收录的佐证材料，请抓紧补充。）" in texts


def test_passages_open_at_a_clause_not_on_its_mark() -> None:
    """The seed speech's 618工程 passage opened mid-list on its mark: ……、街道领导、各单位各部门的领导…;
    with no sentence end in reach a window opens after a clause mark (，、：), never before one."""
    raw = SEED_SPEECH.read_text(encoding="utf-8")
    opened = []
    for needles in (["社区整治"], ["社区综合达标"], ["市容环境卫生整治", "社区整治"], ["113工程"]):
        for width in (60, 90, 120, 150):
            for passage in find_passages(raw, needles, width=width, limit=10):
                text = "".join(part for part, _ in passage)
                opened.append(text)
                assert not re.match(r"(?:……)?[，、：；。,:;]", text), text
    assert any(t.startswith("……") for t in opened)   # windows still open mid-sentence, at a clause


def test_appended_originals_carry_every_number_and_say_why_one_is_missing(tmp_path: Path) -> None:
    """附件2 headed the speech filed under A01 and A02 with the last number only (A02-1)-①) while
    附件1 listed both; and an original that could not be appended said （原件无法附入：PdfiumError…）."""
    from dangan.read.understand.taxonomy import evidence_taxonomy

    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [SEED_SPEECH, corpus_file(ANHUI)], ocr=False)
    speech, anhui = (r.document_id for r in report.results)
    for doc_id, code in ((speech, "A01"), (speech, "A02"), (anhui, "A02")):
        tagged = CliRunner().invoke(cli, ["--home", str(ws.home), "tag", str(doc_id), "--item", code],
                                    catch_exceptions=False)
        assert tagged.exit_code == 0, tagged.output
    with Catalog(ws.catalog_path) as catalog:
        stored = ws.originals / catalog.get(anhui).relpath
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:4000])      # the stored original damaged on disk
    result = make_dossier(ws, tmp_path / "full.docx", items=("A01", "A02"), with_originals=True,
                          taxonomy=evidence_taxonomy(ws, "district-nine"))
    texts = [p.text for p in open_docx(str(result.docx)).paragraphs]
    appendix = texts[texts.index("附件2：佐证材料原件"):]
    assert any(t.startswith("A01-1)-①、A02-1)-① ") for t in appendix), appendix
    missing = [t for t in appendix if t.startswith("（原件无法附入")]
    assert missing == ["（原件无法附入：原件无法读取或转换，请查阅原件 Anhui_test.pdf。）"], missing


def test_excerpts_of_a_pdf_run_across_its_wrapped_lines(tmp_path: Path) -> None:
    """A PDF's text keeps the page's lines, and the dossier took each line break for a sentence end:
    the 洪泽区 report's excerpts under 政务公开 read 高、政务公开内容的深度和广度还有待提升、政务公开队伍建设
    and 确政务公开的重点领域，继续优化政务公开、政策解读、关切回 — a line each, cut mid-word both ends.
    A break after a long line without a full stop is a wrap: the excerpt runs on to the sentence's end."""
    home = tmp_path / "ws"
    runner = CliRunner()
    for args in (["init"], ["ingest", "--no-ocr", str(corpus_file("pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf"))],
                 ["dossier", "--query", "政务公开", "--out", str(tmp_path / "政务公开.docx")]):
        result = runner.invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    # the report's own 5 pages, said as such: "1 件材料、5 页" read as a dossier of 5 pages
    assert "共 1 个部分，收录材料 1 件（原件共 5 页）。" in result.output
    texts = [p.text for p in open_docx(str(tmp_path / "政务公开.docx")).paragraphs]
    assert "如依申请公开工作规范性还有待提高、政务公开内容的深度和广度还有待提升、政务公开队伍建设有待加强等。" in texts, texts
    assert any(t.endswith("始终将政务公开工作摆在重要位置，推进政府信息公开工作规范、有序、健康发展。") for t in texts), texts
    assert not any(t.startswith(("高、", "政务公开工作摆在")) or t.endswith("有序、") for t in texts), texts
