"""Round 36 of issue 15: validation_r36's untouched misses whose cause another family's untouched run shows too.

- A heading read with the bars of its table cell (cell_bars): an HTML page laid out in a table leaves "| … |" around
  each cell, and validation_r36's two JSP pages kept them in their titles (| 虹口区…受理条件及流程（试行） |; the 纪委
  site's <title> run in before the cell: 广昌县纪委监察部举报网站| 中纪委监察部关于…的规定 |), as validation_r17's 赤水
  答复 (词条 | …的答复 |) and validation_r18's model-text cell (| 标题:关于…的通知 |) did on their untouched runs.
- A 署名 and its date alone in a table cell (cell_signature): | 虹口区建设和交通委员会 二○一三年五月二十日 | on
  validation_r36's 虹口 page, as gov_site_pages_5's 随州 notice ended its 署名-and-date line with the cell's bar.
- A page's share widget under the heading (share_widget): a QR code's caption and the account named over it
  (湖南人大微信 / 公眾號二維碼 on validation_r36's 湖南人大网 mirror, joined to the heading; 扫描二维码 分享好友和朋友圈 on
  validation_r24's law-database page, read as the title on its untouched run) are chrome.

Each reading is checked on the real files that showed it, with its rule off for what they read before.
"""
from __future__ import annotations

from labelled_elements import doc_fields, source_path

from dangan.read.understand import rules
from dangan.read.understand.gongwen_text import prepare

HONGKOU = "validation_r36/wsbsdt.jsp"
GUANGCHANG = "validation_r36/regulation_3.jsp"
CHISHUI = "validation_r17/赤水市政协第55号提案答复_百科词条.txt"
KUAIWEN = "validation_r18/万人志愿服务集中活动的通知_快文网.txt"
SUIZHOU = "gov_site_pages_5/随州市文明办两创活动自查通知.txt"
HUNAN = "validation_r36/全國人大常委會的組織制度和議事規則_thynkwhy.txt"
HAINAN = "validation_r24/海南省七部门印发生态文明意识行动计划通知_政策法规库.txt"


def test_a_heading_alone_in_a_table_cell_loses_the_bars() -> None:
    # validation_r36, untouched: the heading's cell read with its bars
    title = "虹口区小型工程和中小修养护整治项目履行简易建设程序受理条件及流程（试行）"
    assert doc_fields(HONGKOU)["title"] == title
    with rules.disabled({"cell_bars"}):
        assert doc_fields(HONGKOU)["title"] == f"| {title} |"


def test_the_page_title_run_into_a_cell_that_holds_a_whole_heading() -> None:
    # validation_r36, untouched: the site's name (the page's <title>) run into the heading's cell
    title = "中纪委监察部关于保护检举、控告人的规定"
    assert doc_fields(GUANGCHANG)["title"] == title
    with rules.disabled({"cell_bars"}):
        assert doc_fields(GUANGCHANG)["title"] == f"广昌县纪委监察部举报网站| {title} |"


def test_the_other_families_cells_lose_their_bars_by_the_same_reading() -> None:
    # validation_r17's 词条 | …的答复 | and validation_r18's | 标题:… |, read by their own rules (cell_heading,
    # row_label_over_heading); with those off, the bars are still no part of the heading
    assert doc_fields(CHISHUI)["title"] == "对赤水市政协五届一次会议第55号提案的答复"
    with rules.disabled({"cell_heading"}):
        assert doc_fields(CHISHUI)["title"] == "对赤水市政协五届一次会议第55号提案的答复"
    with rules.disabled({"cell_heading", "cell_bars"}):
        assert "|" in doc_fields(CHISHUI)["title"]
    assert doc_fields(KUAIWEN)["title"] == "关于开展万人志愿服务集中活动的通知"
    with rules.disabled({"row_label_over_heading"}):
        assert doc_fields(KUAIWEN)["title"] == "标题:关于开展万人志愿服务集中活动的通知"
    with rules.disabled({"row_label_over_heading", "cell_bars"}):
        assert "|" in doc_fields(KUAIWEN)["title"]


def test_a_signature_and_date_alone_in_a_table_cell() -> None:
    # validation_r36, untouched: | 虹口区建设和交通委员会 二○一三年五月二十日 | read as neither
    fields = doc_fields(HONGKOU)
    assert (fields["issuer"], fields["doc_date"]) == ("虹口区建设和交通委员会", "2013-05-20")
    with rules.disabled({"cell_signature"}):
        fields = doc_fields(HONGKOU)
        assert (fields["issuer"], fields["doc_date"]) == ("", "")


def test_the_line_ending_in_the_cells_bar_reads_as_before() -> None:
    # gov_site_pages_5's 随州 notice (…办公室 2013年4月17日 |): inline_signature's, with or without the opening bar's reading
    expected = ("随州市精神文明建设委员会办公室", "2013-04-17")
    fields = doc_fields(SUIZHOU)
    assert (fields["issuer"], fields["doc_date"]) == expected
    with rules.disabled({"cell_signature"}):
        fields = doc_fields(SUIZHOU)
        assert (fields["issuer"], fields["doc_date"]) == expected


def test_a_share_widget_under_the_heading_is_no_part_of_it() -> None:
    # validation_r36, untouched: 湖南人大微信 / 公眾號二維碼 (under the page heading's posting row) joined to the heading
    title = "全国人大常委会的组织制度和议事规则"
    assert doc_fields(HUNAN)["title"] == title
    with rules.disabled({"share_widget"}):
        assert doc_fields(HUNAN)["title"] == title + "湖南人大微信公众号二维码"


def _noise(name: str, words: str) -> bool:
    text = source_path("docs/" + name).read_text(encoding="utf-8")
    return next(line.noise for line in prepare(text).lines if line.text.startswith(words))


def test_the_widgets_lines_are_page_chrome() -> None:
    # the widget's lines on both pages (validation_r24's share line was its untouched run's title)
    for name, words in ((HUNAN, "湖南人大微信"), (HUNAN, "公众号二维码"), (HAINAN, "扫描二维码")):
        assert _noise(name, words)
        with rules.disabled({"share_widget"}):
            assert not _noise(name, words)
