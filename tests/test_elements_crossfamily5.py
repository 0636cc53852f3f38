"""Cross-family round 5 of issue 15: a chosen title held to the shape of a title, whichever reading chose it
("title_shape"), measured on the labelled titles and checked on the real files whose readings showed the cause.

The rule changes no reading with every rule on; it reads the named documents right where their own families'
rules are off (held out, or in the strict reading), and every labelled file reads as before with it off.
"""
from __future__ import annotations

import json

from labelled_elements import DATA, assert_reads_as_before, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_elements import complete_title
from dangan.read.understand.gongwen_title_shape import shaped_title, unlike_title

TIANTIAN = "validation_r24/我们的节日端午节主题活动通知_文库.txt"
XUHUI = "validation_r23/上海市徐汇区人民政府办公室关于转发区绿化市容局制订的《关于进一步加强本区装修垃圾处理的工作方案》的通.md"
HONGKOU = ("validation_r23/虹口区人民政府办公室印发关于建立虹口区历史风貌区和优秀历史建筑防灾及风险排查机制"
           "实施意见的通知.md")
GUIDE = "validation_r17/会议记录范文_010在线作文网.txt"


def _labels() -> list[dict[str, str]]:
    return json.loads((DATA / "labels.json").read_text(encoding="utf-8"))


def test_the_shape_of_labelled_titles() -> None:
    titles = [lab["title"] for lab in _labels() if lab["title"] not in ("", "?")]
    assert len(titles) >= 490
    # no labelled title has a table's bar, a clock time, markup, a page label or a file name's shape…
    assert [t for t in titles if unlike_title(t)] == []
    # …and nine in ten end like one (a 文种 or a name a title ends with)
    assert sum(map(complete_title, titles)) / len(titles) > 0.9
    # what the reader took for titles on the untouched first runs has those forms
    for page_words in ("value |", "发表于2021-9-17 01:53:22 | 显示全部楼层 |阅读模式来自: 安徽",
                       "菏泽市环境空气质量日分析报告                   <o:p></o:p>", "#align(right)[日期：2024年7月XX日]",
                       "g0v_ly-gazette_raw_3441", "report-2023", "2026_云南省_政府工作报告",
                       "2022年创建文明城市工作方案_第1页2022年创建文明城市工作方案_第2页"):
        assert unlike_title(page_words), page_words


def test_a_page_label_gives_way_to_the_shared_files_heading() -> None:
    # 欢迎来到天天文库 / 浏览记录 / ID:… / 《关于开展…的通知》由会员上传分享… / 1、关于开展…的通知关于开展…的通知全市各区…:
    # the page label read as the heading where validation_r24's own rules are off
    with rules.disabled(rules.only_from("validation_r24")):
        assert doc_fields(TIANTIAN)["title"] == "关于开展“我们的节日·端午节”主题活动的通知"
        with rules.disabled({"title_shape"}):
            assert doc_fields(TIANTIAN)["title"] == "浏览记录"


def test_a_cut_file_name_gives_way_to_the_heading() -> None:
    # the scraper's note (本文正文由脚本自…提取，仅供检索查阅；…) is refused as a sentence, and the file's name, cut at
    # …的通, stood in for the heading the record holds
    want = "上海市徐汇区人民政府办公室关于转发区绿化市容局制订的《关于进一步加强本区装修垃圾处理的工作方案》的通知"
    with rules.disabled(rules.only_from("validation_r23")):
        assert doc_fields(XUHUI)["title"] == want
        with rules.disabled({"title_shape"}):
            assert doc_fields(XUHUI)["title"] == want[:-1]


def test_the_strict_readings_it_mends() -> None:
    # where every rule fewer than two other families motivated is off, the scraper's note stood as the title of
    # validation_r23's records, and a writing guide's page name over its model record
    with rules.disabled(rules.fewer_than_two_others("validation_r23")):
        fields = doc_fields(HONGKOU)
        assert fields["title"] == ("虹口区人民政府办公室印发关于建立虹口区历史风貌区和优秀历史建筑防灾及风险排查机制"
                                   "实施意见的通知")
        assert fields["issuer"] == "虹口区人民政府办公室"
        with rules.disabled({"title_shape"}):
            assert doc_fields(HONGKOU)["title"].startswith("本文正文由脚本自上海市官方公开页面提取")
    with rules.disabled(rules.fewer_than_two_others("validation_r17")):
        assert doc_fields(GUIDE)["title"] == "xx市xxx区xxx办公会议记录"
        assert doc_fields(GUIDE)["doc_type"] == "会议记录"
        with rules.disabled({"title_shape"}):
            assert doc_fields(GUIDE)["title"] == "会议记录是怎么样的格式(3)"


def test_a_title_is_kept_when_no_reading_is_whole() -> None:
    from dangan.model import MetaValue

    short = MetaValue("名词解释", 0.85)   # a real heading that ends in no 文种 (ocr_scans' Guangdong page)
    # a piece cut at a line's end (its bracket left open), a 附注 opening a line, a piece of the title itself
    for other in ("厅印发《部分财政资金试行“补改投”改革工作方案》（粤办函", "(此件公开发布)山西省激发重点群体活力带动城乡居民增收的实施方案",
                  "名词"):
        assert shaped_title(short, (lambda o=other: MetaValue(o, 0.6),)) is short
    assert shaped_title(short, (lambda: MetaValue("关于开展文明祭祀活动的通知", 0.6),)).value == "关于开展文明祭祀活动的通知"
    whole = MetaValue("关于开展文明祭祀活动的通知", 0.85)
    assert shaped_title(whole, (lambda: MetaValue("另一个标题的通知", 0.6),)) is whole


def test_title_shape_changes_no_reading_with_every_rule_on() -> None:
    assert_reads_as_before({"title_shape"}, changed=set(), round_family="validation_r32", docs_only=False)
