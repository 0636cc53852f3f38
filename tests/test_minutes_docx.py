"""The 会议纪要 DOCX: template, typography, sandboxed rendering (dangan.compose.minutes.render)."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from dangan.compose import docx_tables, typography
from dangan.compose.minutes.render import (
    DEFAULT_TEMPLATE,
    agenda_items,
    cn_number,
    minutes_context,
    owners_cn,
    render_minutes,
)
from dangan.compose.minutes.speech import Minutes, draft_minutes, to_simplified
from dangan.errors import TemplateError
from dangan.templates.docx.build_templates import build_all

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
MEETING = {"place": "区政府三楼会议室", "host": "区委书记", "出席": ["区创建办", "区委宣传部"], "issuer": "区创建办"}

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="corpus not available")


@pytest.fixture(scope="module")
def minutes() -> Minutes:
    return draft_minutes(SEED.read_text(encoding="utf-8"), date(2022, 3, 26))


@pytest.fixture(scope="module")
def rendered(minutes: Minutes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("minutes") / "out" / "纪要.docx"
    return render_minutes(minutes, out, meeting=MEETING)


def _all_text(document) -> str:  # type: ignore[no-untyped-def]
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
        parts.extend(p.text for p in section.even_page_footer.paragraphs)
    return "\n".join(parts)


def _east_asia(run) -> str | None:  # type: ignore[no-untyped-def]
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_default_template_is_committed() -> None:
    assert DEFAULT_TEMPLATE.is_file()
    text = _all_text(Document(str(DEFAULT_TEMPLATE)))
    for tag in ("{{ title }}", "{%tr for t in tasks %}", "{%p for item in items %}", "{{ t.text }}"):
        assert tag in text


def test_build_templates_script(tmp_path: Path) -> None:
    built = build_all(tmp_path)
    assert "minutes.docx" in [p.name for p in built]
    assert Document(str(built[0])).sections[0].top_margin.mm == pytest.approx(37, abs=0.05)


def test_page_layout(rendered: Path) -> None:
    section = Document(str(rendered)).sections[0]
    measured = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in measured] == [210, 297, 37, 35, 28, 26]


def test_east_asian_fonts(rendered: Path) -> None:
    document = Document(str(rendered))
    normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert document.styles["Normal"].font.size.pt == 16
    title = document.paragraphs[0]
    assert title.text == "创建办会部署会议纪要"
    assert _east_asia(title.runs[0]) == "方正小标宋简体"
    assert title.runs[0].font.color.rgb is not None and str(title.runs[0].font.color.rgb) != "000000"
    host = next(p for p in document.paragraphs if p.text.startswith("主持："))
    assert _east_asia(host.runs[0]) == "黑体" and host.runs[0].text == "主持："
    assert host.text == "主持：区委书记"
    heading = next(p for p in document.paragraphs if p.text == "一、认清形势迅速升温")
    assert _east_asia(heading.runs[0]) == "黑体"
    item = next(p for p in document.paragraphs if p.text.startswith("（一）领导挂帅大推动。"))
    assert _east_asia(item.runs[0]) == "楷体_GB2312"
    assert _east_asia(item.runs[1]) == "仿宋_GB2312"


def test_meeting_lines_and_blanks(rendered: Path) -> None:
    document = Document(str(rendered))
    lines = {p.text.split("：")[0]: p for p in document.paragraphs if p.text[:3] in
             ("时间：", "地点：", "主持：", "出席：", "请假：", "列席：")}
    assert list(lines) == ["时间", "地点", "主持", "出席", "请假", "列席"]
    assert lines["时间"].text == "时间：2022年3月26日"
    assert lines["出席"].text == "出席：区创建办、区委宣传部"
    absent = lines["请假"]
    assert absent.text == "请假：______"
    blank = next(run for run in absent.runs if run.text == "______")
    assert blank.font.highlight_color == WD_COLOR_INDEX.YELLOW
    place = lines["地点"]
    assert all(run.font.highlight_color is None for run in place.runs)


def test_opening_and_agenda(rendered: Path, minutes: Minutes) -> None:
    texts = [p.text for p in Document(str(rendered)).paragraphs]
    opening = next(t for t in texts if t.startswith("2022年3月26日，区委书记主持召开"))
    assert "会议传达了市创建文明城市工作部署会精神" in opening and opening.endswith("纪要如下：")
    for heading in ("一、认清形势迅速升温", "二、认清目标迅速行动", "三、认清责任迅速落实", "附：任务分工"):
        assert heading in texts
    assert sum(t.startswith(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）")) for t in texts) == 11
    assert not any("{{" in t or "{%" in t for t in texts)


def test_task_table_rows_equal_tasks(rendered: Path, minutes: Minutes) -> None:
    tables = Document(str(rendered)).tables
    assert len(tables) == 1
    rows = tables[0].rows
    assert [c.text for c in rows[0].cells] == ["序号", "任务", "责任单位", "完成时限"]
    assert len(rows) == 1 + len(minutes.tasks)
    for row, task in zip(rows[1:], minutes.tasks):
        index, text, owners, deadline = (c.text for c in row.cells)
        assert text == task.text
        assert owners == (owners_cn(task) or "______")
        if task.deadline:
            assert deadline == f"{task.deadline.year}年{task.deadline.month}月{task.deadline.day}日"
    campaign = next(r for r in rows if "三大战役" in r.cells[1].text)
    assert campaign.cells[3].text == "2022年4月26日"
    publicity = next(r for r in rows if "区委宣传部" in r.cells[2].text)
    assert publicity.cells[2].text == "牵头：区委宣传部；配合：各部门、各单位"


def test_no_traditional_characters(rendered: Path) -> None:
    text = _all_text(Document(str(rendered)))
    assert len(text) > 1500  # the condensed body and the task table
    assert to_simplified(text) == text


def test_traditional_meeting_values_are_simplified(minutes: Minutes, tmp_path: Path) -> None:
    out = render_minutes(minutes, tmp_path / "m.docx", meeting={"place": "區政府會議室", "出席": "區創建辦"})
    text = _all_text(Document(str(out)))
    assert "区政府会议室" in text and "區" not in text


def test_page_number_field(rendered: Path) -> None:
    document = Document(str(rendered))
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    instructions = [t.text for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    assert all(_east_asia(r) == "宋体" and r.font.size.pt == 14 for r in footer.runs)


def test_values_with_markup_are_escaped(minutes: Minutes, tmp_path: Path) -> None:
    out = render_minutes(minutes, tmp_path / "m.docx", meeting={"place": "A&B <会议室>"})
    document = Document(str(out))
    assert any(p.text == "地点：A&B <会议室>" for p in document.paragraphs)
    assert len(document.tables[0].rows) == 1 + len(minutes.tasks)


def _template(tmp_path: Path, body: str) -> Path:
    document = Document()
    document.add_paragraph(body)
    path = tmp_path / "evil.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_template_attack_is_refused(minutes: Minutes, tmp_path: Path, body: str) -> None:
    with pytest.raises(TemplateError) as info:
        render_minutes(minutes, tmp_path / "out.docx", template=_template(tmp_path, body))
    assert info.value.code == "TEMPLATE_ERROR"
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("body", ["{{ no_such_value }}", "{% for x in %}", "{{ title | no_such_filter }}"])
def test_template_mistakes_become_template_error(minutes: Minutes, tmp_path: Path, body: str) -> None:
    with pytest.raises(TemplateError):
        render_minutes(minutes, tmp_path / "out.docx", template=_template(tmp_path, body))


def test_damaged_or_missing_template(minutes: Minutes, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(TemplateError):
        render_minutes(minutes, tmp_path / "out.docx", template=bad)
    with pytest.raises(TemplateError):
        render_minutes(minutes, tmp_path / "out.docx", template=tmp_path / "missing.docx")


def test_a_minutes_template_past_its_time_is_killed(minutes: Minutes, tmp_path: Path) -> None:
    """As the dossier's: rendered in a forked child, stopped after `seconds`, nothing written."""
    import time

    body = ('{% for i in range(150000) %}{% for c in "abcdefghijklmnopqrstuvwxyz" %}'
            '{% for d in "abcdefghijklmnopqrstuvwxyz" %}{{ c }}{% endfor %}{% endfor %}{% endfor %}')
    started = time.monotonic()
    with pytest.raises(TemplateError) as info:
        render_minutes(minutes, tmp_path / "out.docx", template=_template(tmp_path, body), seconds=2)
    assert "超过 2 秒" in info.value.message
    assert time.monotonic() - started < 20
    assert not (tmp_path / "out.docx").exists() and not list(tmp_path.glob(".out-*"))


def test_user_template_gets_the_context(minutes: Minutes, tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ title }}：{{ tasks|length }}项，{{ items[1].points[0].label }}")
    out = render_minutes(minutes, tmp_path / "out.docx", template=template)
    assert Document(str(out)).paragraphs[0].text == f"创建办会部署会议纪要：{len(minutes.tasks)}项，"


def test_context_and_agenda(minutes: Minutes) -> None:
    context = minutes_context(minutes)
    assert context["meeting"]["host"] == "" and context["meeting"]["time"] == "2022年3月26日"
    items = agenda_items(minutes)
    assert [i["number"] for i in items] == ["一、", "二、", "三、"]
    assert items[1]["points"][1]["label"] == "（一）领导挂帅大推动。"
    assert [cn_number(n) for n in (1, 10, 11, 20, 24)] == ["一", "十", "十一", "二十", "二十四"]


def test_typography_table_helper(tmp_path: Path) -> None:
    document = typography.new_document()
    document.add_paragraph("标题", style="Title")
    typography.add_toc(document)
    table = docx_tables.add_table(document, ("序号", "题名"), [("1", "关于创建工作的通知")], (20, 136))
    document.save(str(tmp_path / "t.docx"))
    reopened = Document(str(tmp_path / "t.docx"))
    borders = reopened.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.tag.split("}")[1] for child in borders} >= {"top", "left", "bottom", "right", "insideH", "insideV"}
    assert reopened.tables[0].rows[1].cells[1].text == "关于创建工作的通知"
    assert any(" TOC " in t.text for t in reopened.element.body.iter(qn("w:instrText")))
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_converts_to_pdf(rendered: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(rendered)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / (rendered.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000


def test_children_in_schema_order(rendered: Path) -> None:
    """Word rejects out-of-order children; check every pPr/rPr/tblPr/settings we touched."""
    from docx.oxml.ns import qn as _qn

    document = Document(str(rendered))
    roots = [document.element, document.styles.element, document.settings.element]
    for section in document.sections:
        roots += [section.footer._element, section.even_page_footer._element]
    for parent_tag, order in typography._ORDER.items():
        rank = {_qn(tag): index for index, tag in enumerate(order)}
        for root in roots:
            parents = list(root.iter(_qn(parent_tag)))
            for parent in parents:
                ranks = [rank[child.tag] for child in parent if child.tag in rank]
                assert ranks == sorted(ranks), (parent_tag, [c.tag.split("}")[1] for c in parent])


def test_rendered_beside_other_threads_without_a_fork(minutes: Minutes, tmp_path: Path,
                                                       rendered: Path) -> None:
    """The web desk renders from a request thread while others run: the child then comes from
    the fork server (a fork would copy one thread and whatever locks the others hold)."""
    import threading
    import warnings

    from dangan.threads import may_fork

    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert not may_fork()
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)   # 3.12+ warns on a fork beside threads
            out = render_minutes(minutes, tmp_path / "threads.docx", meeting=MEETING)
    finally:
        release.set()
        other.join()
    assert _all_text(Document(str(out))) == _all_text(Document(str(rendered)))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_record_rules_span_the_text_block(minutes: Minutes, tmp_path: Path) -> None:
    """版记 rules as wide as the text (28 → 184 mm, GB/T 9704 7.4.1) at the last page's foot, 分送 one character in and its
    wrapped line after the colon. The rules hung on indented paragraphs: they began at 50 mm and
    33 mm, and 分送 stood four characters in (a first-line indent beat the hanging one)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    units = "、".join(f"区{name}" for name in ("委宣传部", "文明办", "城管局", "商务局", "市场监管局",
                                               "住建局", "交通运输局", "卫健委", "教育局", "民政局",
                                               "文旅局", "公安分局"))
    out = render_minutes(minutes, tmp_path / "纪要.docx", meeting={**MEETING, "分送": units})
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pdf = pdfium.PdfDocument(tmp_path / "纪要.pdf")
    page = pdf[len(pdf) - 1]
    mm = 25.4 / 72
    text = page.get_textpage()
    chars = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
    sent = next(i for i, (c, _) in enumerate(chars) if c == "分" and chars[i + 1][0] == "送")
    top_of_sent = chars[sent][1][3]
    rules = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < 3 and bottom < top_of_sent + 30 and right - left > 100:
            rules.append((round(left * mm), round(right * mm), round(bottom * mm)))
    assert len(rules) >= 3, rules
    assert all(left == 28 and right == 184 for left, right, _ in rules), rules
    # at the foot of the last page (GB/T 9704 10.2): its last rule on the text block's lower edge,
    # 35 mm above the page's (37 mm 天头 + 225 mm text block); it followed the task table before
    assert abs(min(height for _, _, height in rules) - 35) <= 3, rules
    assert round(chars[sent][1][0] * mm) in (32, 33)            # one 14 pt character in
    after_colon = chars[sent + 3][1][0]
    wrapped = next(box[0] for c, box in chars[sent + 4:] if box[3] < chars[sent][1][1] and c.strip())
    assert abs(wrapped - after_colon) < 2                        # wrapped line under the first unit


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_record_in_its_text_box_is_read_back_once(rendered: Path, tmp_path: Path) -> None:
    """The 版记 sits in a text box; the DOCX reader skipped text boxes (python-docx's text does), so a
    纪要 filed back into the archive lost 分送 and 印发. Word and LibreOffice store a box twice (the
    DrawingML box and a VML fallback): LibreOffice's re-save must still give each line once."""
    from dangan.read.extract.base import Limits
    from dangan.read.extract.docx import DocxExtractor

    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "resaved"),
                    str(rendered)], check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "resaved" / rendered.name
    assert b"mc:Fallback" in zipfile.ZipFile(resaved).read("word/document.xml")
    for docx_file in (rendered, resaved):
        text = DocxExtractor().extract(docx_file, Limits()).pages[0].text
        assert text.count("分送：") == 1 and text.count("印发") == 1, docx_file
        assert text.index("分送：") > text.index("完成时限")   # where the box is anchored: after the tasks


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_items_that_are_their_heading_alone_stay_on_the_first_page(tmp_path: Path) -> None:
    """A short speech's points (一、各村要在…前完成…) have no text under them: kept each with the next,
    they chained to 附：任务分工 and the table and all went to page 2, half of page 1 left empty."""
    import pypdfium2 as pdfium

    speech = Path(__file__).parent / "data/elements/docs/speeches/在全镇防汛工作会议上的讲话_BIG5.txt"
    drafted = draft_minutes(speech.read_bytes().decode("big5hkscs"), date(2019, 6, 10))
    items = agenda_items(drafted)
    assert len(items) >= 3 and not any(item["points"] for item in items)
    out = render_minutes(drafted, tmp_path / "纪要.docx", meeting={})
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    first = pdfium.PdfDocument(tmp_path / "纪要.pdf")[0].get_textpage().get_text_range()
    assert all(f"{item['number']}{item['heading'][:6]}" in first.replace("\r\n", "") for item in items), first
