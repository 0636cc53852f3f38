"""Saved web pages read as a clerk sees them in the browser: words a page's source wraps are one word, the
署名 block a main-text finder drops is the document's, a server page's source is a page (real pages of r25, r28)."""
from __future__ import annotations

from pathlib import Path

from dangan.read.extract.base import Limits
from dangan.read.extract.html import HtmlExtractor, with_closing_block
from dangan.read.understand.gongwen import read_metadata

PAGES = Path(__file__).parent / "data" / "elements" / "docs" / "validation_r25"


def _text(name: str) -> str:
    return HtmlExtractor().extract(PAGES / name, Limits()).text


def test_signature_block_after_the_last_paragraph_is_kept():
    # a school platform's JSP page: 署名 and date in a right-aligned <div class="right_1"> after the body,
    # which trafilatura's fallback extraction leaves out
    text = _text("chakangonggao.jsp")
    assert text.endswith("开展集中报道。\n岳阳市第九中学\n二〇一五年五月七日")
    meta = read_metadata(text, filename="chakangonggao.jsp")
    assert meta.doc_date.value == "2015-05-07"
    assert meta.issuer.value == "岳阳市第九中学"    # a school's 署名: 中学 is an organ's ending


def test_words_the_source_wraps_are_one_word_and_item_lines_stay_lines():
    school = _text("chakangonggao.jsp")
    assert "《岳阳市第三届美德少年候选人申报表》" in school     # 候<newline><tabs>选人 in the page's source
    assert "参加市级美德少年评选表彰活动的人选" in school        # 评选表<newline><tabs>彰活动
    # a CMS page storing plain text, its items a line each with no indentation: the lines are kept
    notice = _text("ndetail.jsp").splitlines()
    assert "一、各地自查" in notice and "特此通知。" in notice


def test_only_names_ending_at_a_date_are_taken_back():
    body = "各单位：\n请认真组织实施。\n特此通知。"
    page = ["首页", "各单位：", "请认真组织实施。", "特此通知。"]
    assert with_closing_block(body, [*page, "某县文明办", "2023年5月6日"]).endswith("特此通知。\n某县文明办\n2023年5月6日")
    # a footer with a date is no 署名: it holds more than names
    assert with_closing_block(body, [*page, "版权所有：某县人民政府 网站标识码：1234", "2023年5月6日"]) == body
    assert with_closing_block(body, [*page, "某县文明办", "联系电话：12345"]) == body
    assert with_closing_block(body, [*page, "相关链接", "上一篇", "下一篇"]) == body


R28 = Path(__file__).parent / "data" / "elements" / "docs" / "validation_r28"


def test_a_server_page_source_is_a_web_page():
    """JSP sources kept in repositories (validation_r28): directives (<%@ page %>, <jsp:include>) before the markup,
    the markup a fragment (<style>, <link>) the template includes; read as a page, its code no text."""
    from dangan.read.extract import detect

    for name in ("notification.jsp", "470308dd06e7cf1d08fce0967f7d4f524c363d9e.jsp"):
        path = R28 / name
        assert detect.detect_mime(path, path.read_bytes()[:8192]) == detect.HTML, name
    text = HtmlExtractor().extract(R28 / "notification.jsp", Limits()).text
    assert "<%" not in text and "jsp:" not in text
    meta = read_metadata(text, filename="notification.jsp")
    assert (meta.title.value, meta.issuer.value, meta.doc_date.value) == (
        "2012年10-12月份公司宣传通讯稿执行情况通报", "方远建设集团房地产开发有限公司", "2012-12-31")


def test_a_page_title_that_names_a_column_is_no_heading(tmp_path):
    # <title>通知公告</title>: the site's column; the document's own heading is read
    extracted = HtmlExtractor().extract(R28 / "detail.jsp", Limits())
    assert "title" not in extracted.hints and not extracted.text.startswith("通知公告")
    assert read_metadata(extracted.text, filename="detail.jsp").title.value == "关于三月份对我校各处室（馆）工作纪律督查情况的通报"
    # text that merely begins with a tag, with no server directive before it, stays text
    from dangan.read.extract import detect

    plain = tmp_path / "说明.txt"
    plain.write_text("<div>不是网页，只是一段说明文字。</div>\n第二行。", encoding="utf-8")
    assert detect.detect_mime(plain, plain.read_bytes()) == detect.TEXT
