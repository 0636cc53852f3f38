"""DOCX text read whole: runs in smart tags, tracked insertions, content controls, ruby, fields and
text boxes. python-docx's own text skips all of them (a Word 2003-era 日期 smart tag took the
成文日期 with it); the markup is put into a real corpus DOCX the way Word writes it."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from dangan.read.extract.base import Limits
from dangan.read.extract.docx import DocxExtractor

REPORT = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年上海市政府工作报告.docx"
pytestmark = pytest.mark.skipif(not REPORT.exists(), reason="corpus not available")


def _wrap_runs(paragraph, tag: str, **attrs: str) -> None:  # type: ignore[no-untyped-def]
    """Move a paragraph's runs into one `tag` element (w:smartTag, w:ins, w:customXml …)."""
    runs = paragraph._p.findall(qn("w:r"))
    wrapper = parse_xml(f"<{tag} {nsdecls('w')} " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + "/>")
    runs[0].addprevious(wrapper)
    for run in runs:
        wrapper.append(run)


def _marked_up(tmp_path: Path) -> tuple[Path, list[str]]:
    document = Document(str(REPORT))
    body = [p for p in document.paragraphs if p.text.strip()]
    wanted = [p.text for p in body[:6]]
    _wrap_runs(body[1], "w:smartTag", **{"w:uri": "urn:schemas-microsoft-com:office:smarttags",
                                         "w:element": "chsdate"})
    _wrap_runs(body[2], "w:ins", **{"w:id": "1", "w:author": "办公室", "w:date": "2025-01-20T10:00:00Z"})
    body[2]._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="办公室"><w:r><w:delText>已删去的字</w:delText></w:r></w:del>'))
    body[2]._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="3" w:author="办公室"><w:r><w:t>（修改稿新增）</w:t></w:r></w:ins>'))
    wanted[2] += "（修改稿新增）"
    _wrap_runs(body[3], "w:fldSimple", **{"w:instr": " DOCPROPERTY Title "})
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val=\"标题\"/></w:sdtPr><w:sdtContent/></w:sdt>")
    body[4]._p.addprevious(control)
    control.find(qn("w:sdtContent")).append(body[4]._p)   # a whole paragraph in a content control
    body[5]._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:ruby><w:rubyPr/><w:rt><w:r><w:t>chuàng</w:t></w:r></w:rt>'
        '<w:rubyBase><w:r><w:t>创</w:t></w:r></w:rubyBase></w:ruby></w:r>'))
    wanted[5] += "创"
    body[5]._p.append(parse_xml(   # a Word 2003-style VML text box holding a 版头 line
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        '<w:txbxContent><w:p><w:r><w:t>上海市人民政府文件</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></w:r>'))
    out = tmp_path / "修改稿.docx"
    document.save(str(out))
    return out, wanted


def test_marked_up_paragraphs_read_whole(tmp_path: Path) -> None:
    path, wanted = _marked_up(tmp_path)
    lines = DocxExtractor().extract(path, Limits()).pages[0].text.splitlines()
    for text in wanted:
        assert text in lines, text
    assert lines[lines.index(wanted[5]) + 1] == "上海市人民政府文件"   # the box, where it is anchored
    text = "\n".join(lines)
    assert "已删去的字" not in text and "chuàng" not in text and text.count("上海市人民政府文件") == 1
    # python-docx alone loses them: the reason docx_text walks the XML itself
    shown = [p.text for p in Document(str(path)).paragraphs]
    assert wanted[1] not in shown and wanted[2] not in shown and wanted[4] not in shown


def test_the_reports_own_text_is_unchanged(tmp_path: Path) -> None:
    """On a file with none of that markup, the walk reads what python-docx reads (footer page
    numbers, now reachable inside their content control, are left out)."""
    document = Document(str(REPORT))
    lines = DocxExtractor().extract(REPORT, Limits()).pages[0].text.splitlines()
    assert [p.text for p in document.paragraphs] == lines[:len(document.paragraphs)]
    assert "1" not in lines[len(document.paragraphs):]
