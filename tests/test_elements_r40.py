"""Round 40 of issue 15: validation_r40's untouched misses whose cause another family's untouched run shows too.

- A portal's top row read for the heading (page_switches, widened): validation_r40's siqw page, a hijacked Traditional
  pinyin mirror of the 珠海 government's site, opens with a row that mixes links to sister sites and portal features with
  the portal's switches (市人大 市政協 開放廣東 智能問答 簡| 手機版 網站無障礙 網站支持IPv6); it was read as the title, so the
  通告's own heading, its organ and 文种 were lost. gov_site_pages' and gov_site_pages_6's pages opened with rows of
  switches alone (关怀版 无障碍 无障碍; 无障碍版 长者助手 登录; 无障碍阅读 关怀版 返回首页), each read for the title on its
  family's untouched run.
- A JSON file's records shown a field a line (record_lines): validation_r40's dataset viewer page of
  Dusker/chinese-laws-pretrain's 城乡规划法 file holds "title": "中华人民共和国城乡规划法", / "content": "…" a record an
  article; the title field was not read and the file's name taken, as raw_csv_records' untouched run took its files'
  names over their records' title cells and validation_r34's read nothing from a viewer row's title cell. The JSON
  record of data_record_documents, read whole by record_document, is read right by record_lines too with that rule off.

Each reading is checked on the real files that showed it, with its rule off for what they read before; a heading or a row
of words holding one switch at most is no portal row.
"""
from __future__ import annotations

from labelled_elements import DATA, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_text import site_chrome
from dangan.read.understand.gongwen_viewer import json_records

ZHUHAI = "validation_r40/珠海市市场监督管理局2023年食品安全你点我检进校园监督抽检信息通告第14期_siqw.txt"
HEADING = "珠海市市场监督管理局2023年食品安全“你点我检进校园”监督抽检信息通告(第14期)"
SWITCH_ROWS = {
    "gov_site_pages/关于2023年10月份民生实事项目进展情况的通报.txt": "关于2023年10月份民生实事项目进展情况的通报",
    "gov_site_pages_6/南区街道办事处2022年工作总结.txt": "南区街道办事处2022年工作总结",
    "gov_site_pages_6/中大槐树街道2022年工作总结.txt": "中大槐树街道2022年工作总结",
}
LAW = "validation_r40/hf_Dusker_chinese_laws_pretrain_城乡规划法.txt"
DATA_DOCS = DATA / "docs"
RECORD = "data_record_documents/ai-zhengce-tong_documents_doc_1.json"


def test_a_portal_row_mixing_links_and_switches_is_no_heading() -> None:
    # validation_r40, untouched: the portal's row read, no organ, no 文种
    fields = doc_fields(ZHUHAI)
    assert fields["title"] == HEADING
    assert fields["issuer"] == "珠海市市场监督管理局"
    assert fields["doc_type"] == "通告"
    with rules.disabled({"page_switches"}):
        fields = doc_fields(ZHUHAI)
        assert fields["title"].startswith("市人大市政协开放广东智能问答")
        assert not fields["issuer"] and not fields["doc_type"]


def test_the_other_families_rows_of_switches_are_still_read_as_chrome() -> None:
    for name, title in SWITCH_ROWS.items():
        assert doc_fields(name)["title"] == title


def test_one_switch_in_a_row_or_a_heading_is_no_portal_row() -> None:
    assert site_chrome("市人大 市政協 開放廣東 智能問答 簡| 手機版 網站無障礙 網站支持IPv6")
    assert site_chrome("首页 新闻 手机版 无障碍")
    # one switch among words, and a heading that names a switch, stay
    assert not site_chrome("首页 新闻 政务公开 手机版")
    assert not site_chrome("关于开展政府网站无障碍和手机版改造工作的通知")
    with rules.disabled({"page_switches"}):
        assert not site_chrome("市人大 市政協 開放廣東 智能問答 簡| 手機版 網站無障礙 網站支持IPv6")


def test_a_json_files_records_shown_as_text_give_their_title_field() -> None:
    # validation_r40, untouched: the file's name read
    assert doc_fields(LAW)["title"] == "中华人民共和国城乡规划法"
    with rules.disabled({"record_lines"}):
        assert doc_fields(LAW)["title"] == "hfDuskerchineselawspretrain城乡规划法"


def test_a_json_record_read_whole_or_as_text_gives_the_same_fields() -> None:
    want = {"title": "广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知", "doc_number": "穗府办规〔2024〕13号",
            "issuer": "广州市人民政府办公厅", "doc_date": "2024-07-26", "doc_type": "通知"}
    assert doc_fields(RECORD) == want
    with rules.disabled({"record_document"}):
        assert doc_fields(RECORD) == want
        with rules.disabled({"record_lines"}):
            assert doc_fields(RECORD)["title"] != want["title"]


def test_record_lines_keep_every_offset_and_leave_plain_text_alone() -> None:
    text = (DATA_DOCS / LAW).read_text(encoding="utf-8")
    read = json_records(text)
    assert len(read) == len(text)
    assert read.count("中华人民共和国城乡规划法") == 1 and '"title"' not in read and "\\n" not in read
    plain = '关于印发"title"说明的通知\n"title": "不是记录",\n正文'
    assert json_records(plain) == plain   # a key line with no brackets around it is no record
