"""成文日期 and 文种 read by mechanism, not by page (issue 15, round 14).

The date and kind misses of several families share a few mechanisms: a date given as one field of a
row of several (a 信息公开 row, a form's header, a table row, meeting fields run together), a page's
record of its posting taken for the 成文日期, a 文种 stated only by the document's wording of its form
(纪要如下, 此复, 现批复如下, 通报如下). Each general reading is checked on the real files that showed it,
with the family's own rules off where the family is held out, and against what it must not read.
"""
from __future__ import annotations

from pathlib import Path

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.gongwen_labelled import field_row_date
from dangan.read.understand.gongwen_text import prepare
from dangan.read.understand.metadata import read_facts

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _values(path: Path) -> dict[str, str]:
    values = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values()
    return {k: values.get(k) or "" for k in ("doc_date", "doc_type")}


def _read(name: str) -> dict[str, str]:
    return _values(DOCS / name)


# --- a date given as one field of a row of several ("field_row_date") ----------------------------

def test_a_disclosure_rows_chengwen_date_is_the_date() -> None:
    # 发文日期 2021-03-04 成文日期 2021-03-04 发布机构 区政府办公室, the meeting held on 3 March
    name = "validation_r13/奉化区政府第86次常务会议纪要.txt"
    assert _read(name)["doc_date"] == "2021-03-04"
    with rules.disabled({"field_row_date"}):
        assert _read(name)["doc_date"] == "2021-03-03"   # the meeting's, from the 纪要's opening sentence


def test_a_forms_header_field_gives_the_date_with_its_family_held_out() -> None:
    # 填报单位：幸福社区居民委员会　　　　填报日期：2024年5月8日 (labelled_fields is fresh_holdout's own)
    with rules.disabled(rules.only_from("fresh_holdout")):
        assert _read("fresh_holdout/幸福社区创文问题整改台账.txt")["doc_date"] == "2024-05-08"


def test_a_markdown_tables_date_row_gives_the_date_with_its_family_held_out() -> None:
    # | 日期 | 二〇二二年八月二十日（星期六） | in Traditional script (markdown_label_rows off)
    with rules.disabled(rules.only_from("fresh_holdout_2")):
        assert _read("fresh_holdout_2/麗景花園業主委員會會議紀錄.md")["doc_date"] == "2022-08-20"


def test_meeting_fields_run_together_give_the_date_with_their_family_held_out() -> None:
    with rules.disabled(rules.only_from("gov_site_pages_3")):
        # …的会议记录时间:2012年9月2日地点:西门社区居委会二楼参加对象:…
        assert _read("gov_site_pages_3/清源街道西门社区关于创建文明城市的会议记录.txt")["doc_date"] == "2012-09-02"
        # 会议时间:2023年4月15日 9:00-12:00 会议地点:…
        assert _read("gov_site_pages_3/文明创建工作会议记录.txt")["doc_date"] == "2023-04-15"


def test_the_own_date_label_outranks_the_publishing_one_in_a_row() -> None:
    text = ("索引号 1133/2021-1 组配分类 通知\n发文日期 2021-03-09 成文日期 2021-03-04 发布机构 区政府办公室\n\n"
            "关于做好文明城市创建工作的通知\n各街道：\n请认真组织实施。\n")
    assert read_metadata(text).doc_date.value == "2021-03-04"


def test_a_posting_time_or_next_meetings_time_in_a_row_is_no_date() -> None:
    text = ("关于做好文明城市创建工作的通知\n发布时间 2021-03-09 10:12 来源 区文明办 地点: 本站\n"
            "各街道：\n请认真组织实施。\n")
    assert read_metadata(text).doc_date is None
    assert field_row_date(prepare(text + "下次会议时间:2021年4月1日 地点:会议室\n")) is None
    assert field_row_date(prepare("会议记录\n时间  2021-03-09 10:12\n地点  会议室\n")) is None   # a bare 时间 cell


def test_a_publishing_date_beside_a_blank_chengwen_date_is_no_date() -> None:
    # 牟定's 信息公开 row: 发文日期:2017年06月28日 主题词: 文  号: 成文日期: (the 署名's date lost its marks)
    path = DOCS / "gov_site_pages" / "牟定县人民政府办公室关于印发突发环境事件应急预案的通知.txt"
    assert field_row_date(prepare(extractor_for(detect_mime(path)).extract(path, Limits()).text)) is None


# --- a page's record of its posting is no 成文日期 ("page_stamp") -------------------------------

def test_a_posting_time_among_the_sites_record_lines_is_no_date() -> None:
    # 发布时间:2021-04-23 15:29:19 / 信息来源: 本站 / 作者: fdwmw / 阅读次数:59141; the 通报 states none
    name = "validation_r13/肥东县文明创建督查通报.txt"
    assert _read(name)["doc_date"] == ""
    with rules.disabled({"page_stamp"}):
        assert _read(name)["doc_date"] == "2021-04-23"


def test_a_law_databases_time_line_with_its_source_is_no_date_with_its_family_held_out() -> None:
    with rules.disabled(rules.only_from("gov_site_pages_4")):
        for name in ("gov_site_pages_4/湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知.txt",
                     "gov_site_pages_4/关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知.txt"):
            assert _read(name)["doc_date"] == ""


def test_an_essay_sites_stamp_under_the_heading_is_no_date_with_its_family_held_out() -> None:
    # 2023-02-22 23:27:55 127 / 2025-04-03 华博范文网 under the speeches' headings
    with rules.disabled(rules.only_from("office_paperwork")):
        assert _read("office_paperwork/区委书记在创建全国文明城市工作会议上的讲话.txt")["doc_date"] == ""
        assert _read("office_paperwork/某区委书记在全区创建全国文明城市动员大会上的讲话.txt")["doc_date"] == ""


def test_a_time_line_with_no_record_fields_around_it_is_still_read() -> None:
    # 時間:2022-03-26 09:11:00 with no record fields around it is read by page_date; over the site's 導語 (…一文來源于
    # 網友上傳,不代表本站觀點) it is the copy's posting time, not the speech's date (upload_note_time)
    seed = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
    assert _values(seed)["doc_date"] == ""
    with rules.disabled({"upload_note_time"}):
        assert _values(seed)["doc_date"] == "2022-03-26"


# --- 文种 from the document's own wording ("kind_by_wording") -------------------------------------

def test_a_jiyao_known_by_its_opening_is_a_jiyao() -> None:
    # 区政府召开第86次常务会议 胡永光主持 / …现将会议讨论研究的有关事项纪要如下。
    assert _read("validation_r13/奉化区政府第86次常务会议纪要.txt")["doc_type"] == "纪要"
    with rules.disabled(rules.only_from("gov_site_pages_3")):
        # 2024年9月13日下午，…主持召开五届104次区政府常务会议。紀要如下:
        assert _read("gov_site_pages_3/斗门区五届104次区政府常务会议纪要.txt")["doc_type"] == "纪要"


def test_a_reply_closing_with_cifu_is_a_han_over_its_file_names_word() -> None:
    # the file is named …会办意见; the bureau's reply (…会办意见如下 … 此復。) is a 函
    name = "validation_r13/清远市自然资源局会办意见.txt"
    assert _read(name)["doc_type"] == "函"
    with rules.disabled({"kind_by_wording"}):
        assert _read(name)["doc_type"] == "意见"


def test_a_pifu_and_a_tongbao_without_a_heading_are_known_by_their_words() -> None:
    with rules.disabled(rules.only_from("gov_site_pages_4")):
        assert _read("gov_site_pages_4/弋府字2015第23号.txt")["doc_type"] == "批复"   # 现批复如下 … 此复
    # 东办通报〔2016〕16号 / two offices / (2016年8月18日) / …考核结果通报如下:
    assert _read("validation_r12/衡东县2015年度机关单位绩效考核结果的通报.txt")["doc_type"] == "通报"


def test_a_headings_kind_is_not_overridden_by_wording() -> None:
    text = ("关于召开文明城市创建推进会的通知\n各社区：\n现将有关事项通知如下，会议纪要如下另发。\n此复。\n")
    assert read_metadata(text).doc_type.value == "通知"
