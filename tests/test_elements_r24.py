"""Round 24 of issue 15: validation_r24's untouched misses, read the general way where the cause is shown in
another family's documents too (rules notice_wording, notice_form,
file_record_time, long_heading_line; validation_r23 alone: note_link_tail).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the
earlier families' files that show the same cause, on pages of the same form it must leave alone, and on every
other labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.read.understand import rules

ROUND_24 = {"notice_wording", "notice_form", "file_record_time", "long_heading_line", "note_link_tail"}


# --- a 通知 whose heading is not read words its own form ("notice_wording") ---------------------------------

DUANWU = "validation_r24/我们的节日端午节主题活动通知_文库.txt"
HAINAN = "validation_r24/海南省七部门印发生态文明意识行动计划通知_政策法规库.txt"
LVRONG = "validation_r23/上海市绿化和市容管理局关于印发《.md"
SHANGWU = ("validation_r23/上海市商务委员会 上海市委宣传部 上海市财政局 上海市公安局 上海市市场监督管理局 "
           "上海市绿化和市容.md")
SHANFU = "gov_site_pages_4/山福镇突发公共事件总体应急预案印发.txt"
JIAN = "gov_site_pages/吉安市市本级政务公开工作实施细则.txt"


def test_a_notice_wording_its_form_is_a_notice() -> None:
    # validation_r24, untouched: 现将活动有关事项通知如下 under a document-sharing page's file rows; 现印发给你们 under a
    # law-database heading carrying its 文号 in brackets: no 文种 either time
    # (the 海南 page's heading itself is read since long_heading_line, the 天天文库 page's since file_record_time reads its
    # record's rows as the site's (cross-family round 2), and each names the kind)
    for name, also in ((DUANWU, {"file_record_time"}), (HAINAN, {"long_heading_line"})):
        assert doc_fields(name)["doc_type"] == "通知"
        # (title_shape reads the heading too; since round 36 share_widget drops the 海南 page's share line)
        with rules.disabled({"notice_wording", "title_shape", "share_widget"} | also):
            assert doc_fields(name)["doc_type"] == ""


def test_the_earlier_families_notices_of_the_same_wording() -> None:
    # validation_r23's notice cut at its 《 (现制定《…》并发给你们，请遵照执行) and its seven organs' notice; an 信息公开
    # page's notice run into one line (现印发给你们), its kind "?" in gov_site_pages_4's labels
    # (the seven organs' heading itself is read since long_heading_line and note_link_tail, and names the kind)
    for name, also in ((LVRONG, set()), (SHANGWU, {"note_link_tail"}), (SHANFU, set())):
        assert doc_fields(name)["doc_type"] == "通知"
        # (title_shape reads the heading too; since round 36 share_widget drops the 海南 page's share line)
        with rules.disabled({"notice_wording", "title_shape", "share_widget"} | also):
            assert doc_fields(name)["doc_type"] == ""


def test_gov_site_pages_jian_page_held_out() -> None:
    # gov_site_pages' 吉安 page (the 细则's name over the notice: 现将《…》印发给你们) read with that family's own rules off
    with rules.disabled(rules.only_from("gov_site_pages")):
        assert doc_fields(JIAN)["doc_type"] == "通知"
        # round chrome's heading_past_posting_row reads the notice's own heading (…的通知) under the page's posting row
        # since: the heading names the kind; with it off the page's name stands and the wording alone gives the 通知
        with rules.disabled({"notice_wording"}):
            assert doc_fields(JIAN)["doc_type"] == "通知"
        with rules.disabled({"heading_past_posting_row"}):
            assert doc_fields(JIAN)["doc_type"] == "通知"
        with rules.disabled({"notice_wording", "heading_past_posting_row"}):
            assert doc_fields(JIAN)["doc_type"] == ""


def test_a_kind_named_otherwise_is_kept() -> None:
    # 武汉's 文明办 notice (…通知如下 under its heading) keeps its heading's word; the 绛县 印发 notice, its heading's
    assert doc_fields("validation_r24/全国文明城市创建宣传氛围通知_学校网站.txt")["doc_type"] == "通知"
    assert doc_fields("validation_r24/武汉市创建全国文明城市四城同创工作意见_高校网站.txt")["doc_type"] == "意见"


# --- a 通知 with no heading known by its form ("notice_form") -----------------------------------------------

PANSHAN = "validation_r24/盘山县创卫任务分解通知_繁体.txt"
SCHOOL = "validation_r21/学校组织学习市民文明手册通知_精神文明办公室.txt"
VOLUNTEERS = "validation_r18/社区志愿服务十件大事推选通知_广州志协.txt"


def test_a_notice_with_no_heading_is_known_by_its_form() -> None:
    # validation_r24, untouched: 各镇人民政府,县政府各有关部门: … 各相关单位要… / 盘山县人民政府办公室 / 2016年9月8日;
    # validation_r21's school page: 学校各单位: … 请各单位… / 精神文明办公室 / 2016年12月23日
    for name in (PANSHAN, SCHOOL, VOLUNTEERS):
        assert doc_fields(name)["doc_type"] == "通知"
        with rules.disabled({"notice_form"}):
            assert doc_fields(name)["doc_type"] == ""


def test_letters_to_persons_and_appeals_are_left_alone() -> None:
    # a 请示 to one superior (市政府:, 妥否，请批示) keeps its kind; a 街道's notice to residents (廣大居民朋友:) with no
    # 署名 gets none
    for name, kind in (("validation_r17/申请办公经费请示格式范文_阅读库.txt", "请示"),
                       ("validation_r22/西城街道政务开放日_繁体.txt", "")):
        assert doc_fields(name)["doc_type"] == kind


# --- a 时间 row among a document-sharing site's record of the file ("file_record_time") ---------------------

BINGDOU = "validation_r12/园林局城市绿化讲话全文_冰豆网.txt"


def test_the_upload_time_among_a_sharing_sites_file_record_is_no_date() -> None:
    # validation_r24, untouched: ID:7146247 / 大小:31.49 KB / 页数:4页 / 时间:2018-02-05 over a notice with XX年 dates
    assert doc_fields(DUANWU)["doc_date"] == ""
    with rules.disabled({"file_record_time"}):   # the row is over the site's 由会员上传分享 note too (upload_note_time)
        assert doc_fields(DUANWU)["doc_date"] == ""
    with rules.disabled({"file_record_time", "upload_note_time"}):
        assert doc_fields(DUANWU)["doc_date"] == "2018-02-05"


def test_the_earlier_familys_file_record() -> None:
    # validation_r12's 冰豆网 page (- 文档编号 / - 上传时间:2023-04-22 / - 格式 / - 页数 / - 大小), labelled no date, read so
    # with the rule on or off
    assert doc_fields(BINGDOU)["doc_date"] == ""
    with rules.disabled({"file_record_time"}):
        assert doc_fields(BINGDOU)["doc_date"] == ""


def test_a_time_row_with_no_file_record_about_it_is_not_taken_for_one() -> None:
    # the corpus speech's 時間:2022-03-26 09:11:00 row has no file record about it: file_record_time leaves it (it is
    # the site's posting row over its upload note, upload_note_time's, and read so whether this rule is on or off)
    from labelled_elements import fields_of
    seed = "txt/seed_speech/书记在创建办会部署会讲话.txt"
    assert fields_of(seed)["doc_date"] == ""
    with rules.disabled({"file_record_time"}):
        assert fields_of(seed)["doc_date"] == ""
    with rules.disabled({"upload_note_time"}):
        assert fields_of(seed)["doc_date"] == "2022-03-26"


# --- a heading over 60 characters on one line ("long_heading_line", "note_link_tail") ----------------------

HAINAN_TITLE = "海南省生态环境厅等部门关于印发《“美丽海南我行动”提升公民生态文明意识三年行动计划(2023-2025年)》的通知"
SHANGWU_TITLE = ("上海市商务委员会上海市委宣传部上海市财政局上海市公安局上海市市场监督管理局上海市绿化和市容管理局上海海关"
                 "关于印发《关于进一步促进上海市首发经济高质量发展的若干措施》的通知")


def test_a_long_heading_on_one_line_is_the_title() -> None:
    # validation_r24, untouched: the 76 characters and the (琼环宣字〔2023〕1号) after them were no heading: the site's
    # share line (扫描二维码 分享好友和朋友圈) stood for the title; the 文号 still goes to the number
    read = doc_fields(HAINAN)
    assert read["title"] == HAINAN_TITLE and read["doc_number"] == "琼环宣字〔2023〕1号"
    # (title_shape takes the heading over the share line too, and since round 36 share_widget drops the share line)
    with rules.disabled({"long_heading_line", "title_shape", "share_widget"}):
        assert doc_fields(HAINAN)["title"] == "扫描二维码分享好友和朋友圈"


def test_the_earlier_familys_long_heading_under_two_notes() -> None:
    # validation_r23's seven organs' heading of 85 characters under the copy's two note lines, the first ended inside
    # (…为准。&siteId=0023): the file name's cut copy stood for the title; both readings are needed
    assert doc_fields(SHANGWU)["title"] == SHANGWU_TITLE
    for off in ({"long_heading_line"}, {"note_link_tail"}):
        with rules.disabled(off):
            assert doc_fields(SHANGWU)["title"] != SHANGWU_TITLE


def test_long_lines_that_are_no_heading_stay_body() -> None:
    # a long line of sentences (the 核心提示's …现印发给你们。请各单位…) is no heading; a short heading is read as before
    assert doc_fields("validation_r24/衢州市委宣传部市文明办创建宣传教育通知_衢州档案.txt")["title"] == (
        "关于进一步加强创建省级文明城市宣传教育工作的通知")


# --- every other labelled document reads as before ------------------------------------------------------

# (gov_site_pages_4's 山福镇 page and validation_r18's 广州志协 page: their kind is "?" in the labels, a notice by form)
CHANGED = {DUANWU, HAINAN, LVRONG, SHANGWU, SHANFU, PANSHAN, SCHOOL, VOLUNTEERS}


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_24, changed=CHANGED, round_family="validation_r24", docs_only=False)
