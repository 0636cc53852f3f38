"""Word files of photos as photo evidence (照片佐证): a Word file whose own words are no more than a caption beside
its pictures is titled by its caption (or its file name, or the heading a notice pasted in as a picture has), its
文种 is 照片 as a photo's is, the evidence matcher weighs it as a photo (实景图片), show, the desk and gaps say so,
and the dossier places its pictures as it places a photo.

The Word files are built from rendered pages of a corpus PDF (pypdfium2 → JPEG → python-docx), as a clerk pastes
photos of a 公示栏 into Word; the OCR is the real engine, run once per module.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pypdfium2
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from docx.shared import Cm
from PIL import Image

from dangan.cli import cli
from dangan.intake.batch import ingest_paths
from dangan.model import MetaValue, OfficialMeta
from dangan.read.extract.base import Limits
from dangan.read.extract.docx import DocxExtractor
from dangan.read.extract.soffice import find_soffice
from dangan.read.understand.metadata import read_facts
from dangan.read.understand.photo_docs import caption_of, mostly_pictures, photo_facts
from dangan.web.app import create_app
from dangan.workspace import init_workspace, open_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

REPORT = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts/Anhui_test.pdf"
WORD_REPORT = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年浙江省政府工作报告.docx"
HEADING = "关于安徽省2023年预算执行情况和2024年预算草案的报告"
NOTICE = Path(__file__).parents[1] / "bench/data/items/real/无城镇同心社区我们的节日中秋游园会.txt"


def _page(index: int, box: tuple[int, int, int, int], dpi: int = 150) -> Image.Image:
    with pypdfium2.PdfDocument(str(REPORT)) as pdf:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("RGB").crop(box)


def _jpeg(image: Image.Image) -> io.BytesIO:
    data = io.BytesIO()
    image.save(data, "JPEG", quality=70)
    data.seek(0)
    return data


def _word(path: Path, photos: list[Image.Image], caption: str | None = None) -> Path:
    document = docx.Document()
    if caption:
        document.add_paragraph(caption)
    for photo in photos:
        document.add_picture(_jpeg(photo), width=Cm(15))
    document.save(str(path))
    return path


def _run(home: Path, *args: str) -> str:
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False).output


def _shown(home: Path, doc_id: int) -> dict:
    return json.loads(_run(home, "show", str(doc_id), "--json"))


@pytest.fixture(scope="module")
def photo_ws(tmp_path_factory):
    """Three Word files of photos read with OCR (four pictures), and a long Word report with a picture added, not
    read: {name: id}."""
    folder = tmp_path_factory.mktemp("photodocs")
    board = _page(1, (0, 0, 1240, 440))        # a text-filled 公示栏
    heading = _page(0, (0, 0, 1240, 600))      # a notice pasted in as a picture: its heading
    files = {
        "caption": _word(folder / "公示栏照片.docx", [board], caption="图1：幸福社区创文公示栏更新"),
        "named": _word(folder / "幸福社区志愿者签到表.docx", [board.resize((1180, 419))]),   # other bytes, read alike
        "camera": _word(folder / "IMG_20240506_093012.docx", [board.crop((0, 0, 1240, 300)), heading]),
    }
    report = docx.Document(str(WORD_REPORT))   # a real report with a chart pasted in: not photo evidence
    report.add_picture(_jpeg(board), width=Cm(15))
    report.save(str(folder / "政府工作报告（附图）.docx"))
    ws = init_workspace(folder / "ws")
    done = ingest_paths(ws, list(files.values()), ocr=True).to_dict()
    ids = {name: next(d["id"] for d in done["documents"] if d["path"] == str(path)) for name, path in files.items()}
    added = ingest_paths(ws, [folder / "政府工作报告（附图）.docx"], ocr=False).to_dict()
    ids["report"] = added["documents"][0]["id"]
    return ws, ids, folder


def test_a_word_file_of_photos_is_titled_and_typed_as_a_photo(photo_ws):
    ws, ids, folder = photo_ws
    caption, named, camera, report = (_shown(ws.home, ids[k]) for k in ("caption", "named", "camera", "report"))
    # the caption (its 图1： mark off), where the reader made the file name of text and picture together
    assert (caption["title"], caption["doc_type"], caption["photo_evidence"]) == ("幸福社区创文公示栏更新", "照片", True)
    assert (named["title"], named["doc_type"], named["photo_evidence"]) == ("幸福社区志愿者签到表", "照片", True)
    # a camera's name says nothing: the heading the pasted notice holds is the title, its 文种 the notice's
    assert (camera["title"], camera["doc_type"], camera["photo_evidence"]) == (HEADING, "报告", True)
    assert [p["origin"] for p in camera["pictures"]] == ["ocr", "ocr"]
    # a long Word report with a picture: the reader's elements, as the file without the picture reads
    alone, _ = read_facts(DocxExtractor().extract(WORD_REPORT, Limits()), WORD_REPORT.name)
    assert not report["photo_evidence"] and len(report["pictures"]) == 1
    assert report["title"] == alone.title.value and report["doc_type"] != "照片"
    shown = _run(ws.home, "show", str(ids["camera"]))
    assert "类型：DOCX（照片佐证：文件中 2 张图片，文字只是说明）" in shown
    assert "照片佐证" not in _run(ws.home, "show", str(ids["report"]))
    found = json.loads(_run(ws.home, "search", "type:照片", "--json"))
    assert sorted(h["id"] for h in found["results"]) == sorted([ids["caption"], ids["named"]])


def test_reread_reads_them_alike(photo_ws):
    ws, ids, _ = photo_ws
    before = {k: _shown(ws.home, i) for k, i in ids.items()}
    _run(ws.home, "reread", *(str(i) for i in ids.values()))
    for key, doc_id in ids.items():
        after = _shown(ws.home, doc_id)
        assert (after["title"], after["doc_type"]) == (before[key]["title"], before[key]["doc_type"]), key


def test_the_desk_shows_the_pictures_themselves(photo_ws):
    ws, ids, _ = photo_ws
    with create_app(open_workspace(ws.home)).test_client() as client:
        html = client.get(f"/doc/{ids['camera']}").get_data(as_text=True)
        first = client.get(f"/doc/{ids['camera']}/picture/2.png")
        missing = client.get(f"/doc/{ids['camera']}/picture/3.png")
        report = client.get(f"/doc/{ids['report']}").get_data(as_text=True)
    assert "照片佐证" in html and "文件中 2 张图片" in html
    assert f'src="/doc/{ids["camera"]}/picture/1.png"' in html and f'src="/doc/{ids["camera"]}/picture/2.png"' in html
    assert first.status_code == 200 and first.mimetype == "image/png"
    assert Image.open(io.BytesIO(first.data)).size == (1240, 600)   # the heading's crop, re-encoded
    assert missing.status_code == 404
    assert "照片佐证" not in report and "图片文字" in report   # a report's picture: its text, not a photo


def test_the_dossier_names_their_pictures_by_the_title_read(photo_ws, tmp_path):
    """The dossier places an office file's pictures after its excerpt (compose/dossier.py), each named by the
    file's title: a Word file of photos' caption, or the heading its pasted notice holds, not 公示栏照片."""
    ws, ids, _ = photo_ws
    out = tmp_path / "汇编.docx"
    result = json.loads(_run(ws.home, "dossier", "--query", '"财政政策"', "--out", str(out), "--json"))
    assert result["documents"] == 4, result
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 5   # the report's picture too, listed though not read yet
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("图") and t.endswith("幸福社区创文公示栏更新（其中第1张）") for t in texts), texts
    assert any(t.startswith("图") and t.endswith("幸福社区志愿者签到表（其中第1张）") for t in texts)
    assert any(t.startswith("图") and t.endswith(f"{HEADING}（其中第2张）") for t in texts)


def test_the_matcher_weighs_it_as_a_photo_and_gaps_say_so(tmp_path: Path) -> None:
    """A Word file of photos whose picture shows a real activity notice, against a photo of the same: the same
    测评内容 and requirement, with a photo's confidence (文种 照片: 实景图片). The pictures' text is stored as the
    OCR stage stores what it read."""
    from dangan.archive.catalog import Catalog
    from dangan.archive.text_updates import apply_ocr, apply_picture_ocr, pictures_done

    text = NOTICE.read_text(encoding="utf-8")
    photo = tmp_path / "游园会.jpg"
    _page(1, (0, 0, 1240, 440)).save(photo, "JPEG")
    word = _word(tmp_path / "中秋游园会.docx", [_page(1, (0, 0, 1240, 440))])
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--no-ocr", str(word), str(photo))
    with Catalog(open_workspace(home).catalog_path) as catalog:
        apply_picture_ocr(catalog, 1, 1, text, 0.99)
        pictures_done(catalog, 1)
        apply_ocr(catalog, 2, [text], {1: 0.99})
    data = json.loads(_run(home, "gaps", "--taxonomy", "national-2015", "--json"))
    links = {d["id"]: (c["code"], d["req"], d["kind"], d["confidence"]) for c in data["contents"] for d in c["documents"]}
    assert links[1][:3] == links[2][:3] == ("Ⅲ-13", 2, "实景图片"), links
    assert min(links[1][3], links[2][3]) > 0.8   # both attached as a photo is
    assert "已有 #1 中秋游园会（照片；自动" in _run(home, "gaps", "--taxonomy", "national-2015")
    with create_app(open_workspace(home)).test_client() as client:   # the desk's 迎检进度 says it as gaps does
        html = client.get("/progress?taxonomy=national-2015").get_data(as_text=True)
    assert html.count("照片；自动，置信度") == 2


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_a_word_97_file_of_photos_is_photo_evidence(tmp_path: Path) -> None:
    """Saved as .doc (as WPS and old Word save it), not yet read: photo evidence by its caption and picture, and
    the dossier places its picture (from the copy LibreOffice makes of it again)."""
    from dangan.read.extract.soffice import convert

    word = _word(tmp_path / "横幅照片.docx", [_page(1, (0, 0, 1240, 440))], caption="文明城市创建宣传横幅")
    old = convert(word, ".docx", "doc", tmp_path / "doc", timeout=120)
    home = tmp_path / "ws"
    _run(home, "init")
    _run(home, "ingest", "--no-ocr", str(old))
    shown = _shown(home, 1)
    assert (shown["title"], shown["doc_type"], shown["photo_evidence"]) == ("文明城市创建宣传横幅", "照片", True)
    assert "（照片佐证：文件中 1 张图片，文字只是说明）" in _run(home, "show", "1")
    out = tmp_path / "汇编.docx"   # its picture placed from the copy LibreOffice makes of it again
    _run(home, "dossier", "--type", "照片", "--out", str(out))
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 1
    assert any("Word 文件和演示文稿中的图片1张附在所在材料之后" in p.text for p in document.paragraphs)   # 编制说明
    assert any(p.text.endswith("文明城市创建宣传横幅（其中第1张）") for p in document.paragraphs)
    assert not any("未能提取文字" in p.text for p in document.paragraphs)   # its caption is its title; its photo follows


def test_the_form_is_read_by_general_rules() -> None:
    assert mostly_pictures("", 1) and mostly_pictures("幸福社区创文公示栏更新\n说明：" + "字" * 90, 1)
    assert not mostly_pictures("字" * 200, 1) and mostly_pictures("字" * 200, 3) and not mostly_pictures("", 0)
    assert caption_of("\n照片2、 城东广场 文明交通劝导\n") == "城东广场 文明交通劝导"
    assert caption_of("拍摄时间：2024年5月6日\n社区志愿服务站揭牌") == "社区志愿服务站揭牌"
    assert caption_of("图1") is None and caption_of("") is None
    guess = OfficialMeta(title=MetaValue("与安全，坚持积极的财政政策要加力提效", 0.3))
    assert photo_facts(guess, "", 1, "微信图片_20240506101010.docx").title == guess.title   # nothing better
    assert photo_facts(guess, "", 1, "DSC_0012.docx").doc_type == MetaValue("照片", 0.5)
    assert photo_facts(guess, "", 1, "创文横幅.docx").title.value == "创文横幅"
    assert photo_facts(guess, "字" * 500, 1, "创文横幅.docx") is guess   # a text with a picture: the reader's
