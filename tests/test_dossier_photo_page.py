"""A portrait photo in the 迎检资料汇编 keeps its caption on its own page. At the photo box's full 180 mm
height, heading + photo + the six-field caption (时间 地点 人物 / 主题 背景 事由, two or more lines) ran
past the A4 body: the caption's second half stood alone on the next page, one such page per photo."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from cli_run import dangan
from web_desk import SPEECH

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

SCAN = SPEECH.parents[2] / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Guangdong_test.pdf"
CAPTION = {"时间": "2026-11-28", "地点": "南开区文化中心广场", "人物": "区委宣传部干部、社区志愿者",
           "主题": "文明交通劝导志愿服务", "背景": "创建全国文明城市迎检", "事由": "劝导行人遵守交通信号"}


def test_each_portrait_photo_and_its_whole_caption_share_one_page(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    pdf = pypdfium2.PdfDocument(str(SCAN))
    photos = []
    for number in range(2):       # portrait pages of a scan, as a phone held upright takes them
        path = tmp_path / f"志愿服务-{number + 1}.jpg"
        pdf[number].render(scale=1.2).to_pil().convert("RGB").save(path, quality=80)
        photos.append(path)
    report = json.loads(dangan(home, "ingest", "--no-ocr", "--json", *map(str, photos)))
    ids = [str(d["id"]) for d in report["documents"]]
    for doc_id in ids:
        dangan(home, "tag", doc_id, "--item", "A01", *[a for k, v in CAPTION.items() for a in ("--set", f"{k}={v}")])
    out = tmp_path / "迎检资料.docx"
    dangan(home, "dossier", "--item", "A01", "--out", str(out), "--pdf")
    pages = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(out.with_suffix(".pdf")), "-"],
                            capture_output=True, text=True, check=True).stdout
             for n in range(1, len(pypdfium2.PdfDocument(str(out.with_suffix(".pdf")))) + 1)]
    photo_pages = [text for text in pages if "（照片）" in text and "图" in text]
    assert len(photo_pages) == 2
    for text in photo_pages:
        assert "时间" in text and "事由" in text and "遵守交通信号" in text.replace("\n", "")
    assert not [text for text in pages if "事由" in text and "（照片）" not in text]    # no caption half alone


def test_a_saved_web_pages_summary_leaves_out_the_pages_buttons(tmp_path: Path) -> None:
    """The 内容摘要 of a saved web page opened on its site's buttons: 下载打印全屏收藏【字号：加大还原减小】."""
    from docx import Document

    home = tmp_path / "ws"
    dangan(home, "init")
    page = SPEECH.parents[1] / "cn_provincial_gov_work_reports_2026_web_scrape" / "2026_河北省_政府工作报告.txt"
    doc_id = str(json.loads(dangan(home, "ingest", "--no-ocr", "--json", str(page)))["documents"][0]["id"])
    dangan(home, "tag", doc_id, "--item", "A01")
    out = tmp_path / "迎检资料.docx"
    dangan(home, "dossier", "--item", "A01", "--out", str(out))
    summary = next(p.text for p in Document(str(out)).paragraphs if p.text.startswith("内容摘要："))
    assert "各位代表" in summary
    assert not any(word in summary for word in ("下载", "全屏", "收藏", "字号", "加大", "减小", "来源："))


def test_the_photos_of_a_word_file_of_photos_are_in_the_dossier(tmp_path: Path) -> None:
    """A unit's Word file of an activity's photos stood in the 迎检资料 as its text (图1：2026年11月28日…) with
    none of its photos: the inspector saw captions of pictures that were not there."""
    from docx import Document
    from docx.shared import Cm

    home = tmp_path / "ws"
    dangan(home, "init")
    pdf = pypdfium2.PdfDocument(str(SCAN))
    word = Document()
    word.add_paragraph("区委宣传部志愿服务活动照片")
    for number in range(2):
        shot = tmp_path / f"{number}.jpg"
        pdf[number].render(scale=1.0).to_pil().convert("RGB").save(shot, quality=80)
        word.add_picture(str(shot), width=Cm(14))
        word.add_paragraph(f"图{number + 1}：2026年11月28日，文明交通劝导志愿服务活动。")
    word.save(tmp_path / "志愿服务活动照片.docx")
    doc_id = str(json.loads(dangan(home, "ingest", "--no-ocr", "--json",
                                   str(tmp_path / "志愿服务活动照片.docx")))["documents"][0]["id"])
    dangan(home, "tag", doc_id, "--item", "A09")
    out = tmp_path / "迎检资料.docx"
    dangan(home, "dossier", "--item", "A09", "--out", str(out))
    made = Document(str(out))
    assert len(made.inline_shapes) == 2
    captions = [p.text for p in made.paragraphs if p.text.startswith("图") and "（其中第" in p.text]
    assert captions == ["图1　区委宣传部志愿服务活动照片（其中第1张）", "图2　区委宣传部志愿服务活动照片（其中第2张）"]
    intro = next(p.text for p in made.paragraphs if p.text.startswith("本汇编共"))
    assert "Word 文件和演示文稿中的图片2张附在所在材料之后" in intro
