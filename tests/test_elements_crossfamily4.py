"""Cross-family round 4 of issue 15: the held-out 标题 and 发文机关 misses of the unbiased samples (validation_r25 to
r31), each cause looked for by its form in every labelled and corpus file; where the form recurs, one reading by form,
credited to the families whose documents show it.

Each reading is checked on the real files that showed it, with its rule off for what they read before, and over
every labelled file, which must read as before but for the pages named.
"""
from __future__ import annotations

from labelled_elements import DATA, assert_reads_as_before, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_copies import shared_file_heading
from dangan.read.understand.gongwen_lines import CHAPTER_LINE, is_continuation
from dangan.read.understand.gongwen_page_names import _spaced_row
from dangan.read.understand.gongwen_text import prepare

# --- a chapter line under a heading is no part of it ("chapter_line_not_title") ----------------------------------

YANCHI = "validation_r31/盐池县人民政府工作规则_fsnymphe.txt"
CHAPTER_UNDER_HEADING = [
    # the rules' own heading straight over its first chapter line, in other families' documents
    ("validation_r31/阿拉山口市人民政府工作规则的通知_alsk.txt", "阿拉山口市人民政府工作规则"),
    ("validation_r13/菏泽市扩大内需投资项目管理办法印发通知.txt", "菏泽市扩大内需投资项目管理办法"),
    ("gov_site_pages_5/禄丰市人民政府常务会议议事规则印发.txt", "禄丰市人民政府常务会议议事规则"),
    ("gov_site_pages_2/阳泉市城区人民政府关于印发工作规则的通知.txt", "阳泉市城区人民政府工作规则"),
]


def test_a_chapter_line_does_not_continue_the_heading() -> None:
    # 盐政发〔2017〕40号 / 盐池县人民政府工作规则 / 第一章 总 则 / 第一条 根据…
    assert doc_fields(YANCHI)["title"] == "盐池县人民政府工作规则"
    with rules.disabled({"chapter_line_not_title"}):
        assert doc_fields(YANCHI)["title"] == "盐池县人民政府工作规则第一章总则"


def test_the_form_recurs_under_other_families_headings() -> None:
    for name, heading in CHAPTER_UNDER_HEADING:
        lines = [ln.strip() for ln in (DATA / "docs" / name).read_text(encoding="utf-8").splitlines()]
        at = lines.index(heading)
        chapter = next(ln for ln in lines[at + 1:] if ln)
        assert CHAPTER_LINE.match(chapter.replace(" ", "")), (name, chapter)
    # a chapter line is never a heading's wrapped end; a heading's own words that start with 第 still are
    assert not is_continuation("第一章总则")
    assert not is_continuation("第三章")
    assert is_continuation("第二批全国文明城市提名城市名单的通知")


def test_chapter_line_not_title_changes_only_that_page() -> None:
    assert_reads_as_before({"chapter_line_not_title"}, changed={YANCHI}, round_family="validation_r31")


# --- HTML's blank-space entities in a text copy ("html_space_entities") ------------------------------------------

FRAGMENT = "validation_r31/40000.php"


def test_a_signature_ending_in_nbsp() -> None:
    # <p style="text-align: right">　　后勤保障处&nbsp;</p> / <p …>　　2016年1月10日&nbsp;</p>, a fragment read as text
    fields = doc_fields(FRAGMENT)
    assert (fields["issuer"], fields["doc_date"]) == ("后勤保障处", "2016-01-10")
    with rules.disabled({"html_space_entities"}):
        fields = doc_fields(FRAGMENT)
        assert (fields["issuer"], fields["doc_date"]) == ("", "")


def test_html_space_entities_changes_only_that_page() -> None:
    assert_reads_as_before({"html_space_entities"}, changed={FRAGMENT}, round_family="validation_r31")


# --- a menu row of six words or more over the heading, whatever they name ("spaced_word_row", widened) -----------

MTFWW = "validation_r30/新時代文明實踐站建設標準_鄉鎮街道公文_mtfww.txt"
BAICHENG = "validation_r19/白城市文明办倡议书_信息公开.txt"


def test_a_menu_of_writing_kinds_is_no_part_of_the_heading() -> None:
    # 網站首頁 個人文檔 個人總結 工作總結 述職報告 … 公文 論文 / 新時代文明實踐站建設標準
    assert doc_fields(MTFWW)["title"] == "新时代文明实践站建设标准"
    with rules.disabled({"spaced_word_row"}):
        assert doc_fields(MTFWW)["title"].startswith("网站首页个人文档个人总结工作总结述职报告")
    # the form another family shows: a portal's menu row of seven words over 白城's 倡议书
    assert _spaced_row("政府机构 信息公开 办事服务 互动交流 数据分析 走进白城 专题专栏")
    # a short row naming a kind is still a heading's words, a long one a menu
    assert not _spaced_row("创建工作 总结")
    assert _spaced_row("网站首页 个人文档 个人总结 工作总结 述职报告 心得体会")
    assert doc_fields(BAICHENG)["title"] == "给全体白城市民的倡议书"



# --- a collection's count of pieces and its first piece's number ("collection_counts") -------------------------

GUOWENYUN = "validation_r30/文明創建工作總結_國文雲.txt"
P719 = "validation_r30/小學未成年思想道德建設工作總結_p719.txt"
WANWEN = "validation_r32/文明城市倡议书15篇_wanwen.txt"


def test_a_collections_count_and_its_first_pieces_number() -> None:
    # 2021年文明創建工作總結(通用6篇) (twice) / 文明創建工作總結1 / 20xx年度,廬陽工業區…
    assert doc_fields(GUOWENYUN)["title"] == "文明创建工作总结"
    # 小學未成年思想道德建設工作總結(優質15篇) / 字號: / the site's blurb / …工作總結篇一
    assert doc_fields(P719)["title"] == "小学未成年思想道德建设工作总结"
    # 文明城市倡议书15篇 / the site's blurb / 文明城市倡议书1 / 尊敬的广大业主和住户:
    fields = doc_fields(WANWEN)
    assert (fields["title"], fields["doc_type"]) == ("文明城市倡议书", "倡议书")
    with rules.disabled({"collection_counts"}):
        assert doc_fields(GUOWENYUN)["title"] == "2021年文明创建工作总结"
        assert doc_fields(P719)["title"] == "小学未成年思想道德建设工作总结(优质15篇)"
        fields = doc_fields(WANWEN)
        assert (fields["title"], fields["doc_type"]) == ("文明城市倡议书1", "倡议书")   # by the site's lead (site_blurb_kind)
        with rules.disabled({"site_blurb_kind"}):
            fields = doc_fields(WANWEN)
            assert (fields["title"], fields["doc_type"]) == ("文明城市倡议书1", "")


def test_collection_counts_changes_only_those_pages() -> None:
    assert_reads_as_before({"collection_counts"}, changed={GUOWENYUN, P719}, round_family="validation_r31")


# --- the file a sharing site's sentence names, the text opening with that name ("sharing_file_name") -------------

YOUZHI = "validation_r30/村居民门前三包责任书_优知文库.txt"
SHARING_FORM = [
    # the site's sentence over the heading run into the text, in other families' documents (read by other readers)
    ("validation_r14/关于支持解决我乡政府机关食堂工程建材的函_文秘.txt", "关于支持解决我乡政府机关食堂工程建材的函"),
    ("validation_r24/我们的节日端午节主题活动通知_文库.txt", "关于开展“我们的节日·端午节”主题活动的通知"),
]


def test_the_named_file_is_the_heading_run_into_the_text() -> None:
    # 《村(居)民“门前三包”责任书.docx》由会员分享,可在线阅读,… / 村(居)民“门前三包”责任书为切实加强我镇…
    assert doc_fields(YOUZHI)["title"] == "村(居)民“门前三包”责任书"
    with rules.disabled({"sharing_file_name"}):
        assert doc_fields(YOUZHI)["title"] == "村居民门前三包责任书优知文库"   # the file's name on the disk


def test_the_sharing_form_in_other_families() -> None:
    for name, heading in SHARING_FORM:
        p = prepare((DATA / "docs" / name).read_text(encoding="utf-8"))
        found = shared_file_heading(p)
        assert found is not None and found.value == heading, name
        assert doc_fields(name)["title"] == heading   # read so by the readers before it too


def test_sharing_file_name_changes_only_that_page() -> None:
    assert_reads_as_before({"sharing_file_name"}, changed={YOUZHI}, round_family="validation_r31")


# --- the organ making the appeal, the appeal's name quoted ("appeal_author", widened) -----------------------------

CANTEEN = "validation_r30/文明餐桌行动倡议书_找教案网.txt"


def test_the_organ_making_a_named_appeal() -> None:
    # 为此,市妇联向广大家庭和妇女姐妹发出“文明餐桌行动”倡议: no 署名
    assert doc_fields(CANTEEN)["issuer"] == "市妇联"
    with rules.disabled({"appeal_author"}):
        assert doc_fields(CANTEEN)["issuer"] == ""
    # the form is validation_r19's too (白城市文明办向全体市民发出倡议): read with that family's own rules off
    with rules.disabled(rules.only_from("validation_r19")):
        assert doc_fields(BAICHENG)["issuer"] == "白城市文明办"
