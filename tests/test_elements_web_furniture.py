"""Web furniture the reader was not tuned on (bench_elements_formats' web_wrapped form): a written document set
under the real furniture of a labelled web page (bench/data/web_furniture.json, the page's lines kept as they are),
and the real pages themselves, each reading checked with its rule on and off.
"""
from __future__ import annotations

import json
from pathlib import Path

from labelled_elements import DATA, doc_fields, fields_of

from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

FURNITURE = Path(__file__).resolve().parents[1] / "bench" / "data" / "web_furniture.json"


def _furniture(page: str) -> list[str]:
    """The lines a labelled page sets before its document, as bench/web_furniture.py kept them."""
    blocks = json.loads(FURNITURE.read_text(encoding="utf-8"))["blocks"]
    return next(b["before"] for b in blocks if b["source"].endswith(page))


def _wrapped_title(page: str, document: str) -> str:
    """The title read from a written document set under a page's furniture (its lines, a blank line, the text)."""
    text = (DATA / "docs" / document).read_text(encoding="utf-8")
    return read_metadata("\n".join([*_furniture(page), "", text]), filename=Path(document).name).values()["title"] or ""


# --- a page's word over a heading whole without it ("page_word_over_heading") ------------------------------------

PLAN = "written_notices/社区垃圾分类工作实施方案.txt"
BRIEF = "written_notices/创文工作简报第15期.txt"


def test_a_page_word_over_a_whole_heading_is_not_its_first_words() -> None:
    # validation_r25's 剑阁 platform page sets 接访信息详情 over its heading; validation_r17's 静网 page 靜網PWA視頻評論
    assert _furniture("ndetail.jsp")[-1] == "接访信息详情"
    assert _wrapped_title("ndetail.jsp", PLAN) == "杏林社区2024年生活垃圾分类工作实施方案"
    assert _wrapped_title("志愿服务月主题实践活动情况汇报_静网_繁体.txt", BRIEF) == "创建全国文明城市工作简报"
    with rules.disabled({"page_word_over_heading"}):
        assert _wrapped_title("ndetail.jsp", PLAN) == "接访信息详情杏林社区2024年生活垃圾分类工作实施方案"
        assert _wrapped_title("志愿服务月主题实践活动情况汇报_静网_繁体.txt", BRIEF).startswith("静网PWA视频评论")


def test_the_real_pages_with_a_word_over_the_heading_read_it_apart_held_out_strictly() -> None:
    # with the rules fewer than two other families motivated off, 太仓政策法规 and 信息公开 were joined to the heading
    taicang = "docs/validation_r30/太仓市文明委印发诚信建设实施方案的通知_诚信太仓.txt"
    siyuan = "docs/validation_r32/中华思源工程基金会行政管理制度_sygoc.txt"
    for source, family, title in (
            (taicang, "validation_r30", "太仓市印发《关于集中治理诚信缺失突出问题提升诚信太仓建设水平的实施方案》的通知"),
            (siyuan, "validation_r32", "中华思源工程基金会行政管理制度")):
        off = rules.fewer_than_two_others(family)
        assert "page_word_over_heading" not in off
        with rules.disabled(off):
            assert fields_of(source)["title"] == title
        with rules.disabled(off | {"page_word_over_heading"}):
            assert fields_of(source)["title"] != title


def test_an_organ_over_a_session_and_a_heading_wrapped_evenly_stay_one_title() -> None:
    # 宏福苑業主立案法團 / 第十一屆管理委員會第五次會議記錄: the body whose session the heading names, even where the
    # owners' corporation is not read as an organ (its rule off); a heading's first line as long as its second stays
    minutes = "meeting_records/宏福苑业主立案法团第十一届管理委员会第五次会议记录.md"
    with rules.disabled({"hk_owners_corporation"}):
        assert doc_fields(minutes)["title"] == "宏福苑业主立案法团第十一届管理委员会第五次会议记录"
    assert doc_fields("validation_r25/渭南市委宣传部文明办春节文明实践通知_渭南文明网.txt")["title"] == (
        "中共渭南市委宣传部中共渭南市委文明办关于在春节期间进一步做好建设新时代文明实践中心试点工作的通知")


# --- organ lines over the title line a page's word is skipped to ("organs_over_title_below") ---------------------

JOINT = "written_notices/关于2022年度目标考核结果的通报.txt"


def test_organ_lines_over_the_heading_stay_its_first_words_under_a_page_word() -> None:
    # 接访信息详情 / 中共江南市委办公室 / 江南市人民政府办公室 / 关于…的通报: the reading skips the page's word to the 关于 line
    title = "中共江南市委办公室江南市人民政府办公室关于2022年度目标管理考核结果的通报"
    assert _wrapped_title("ndetail.jsp", JOINT) == title
    assert _wrapped_title("太仓市文明委印发诚信建设实施方案的通知_诚信太仓.txt", JOINT) == title   # 太仓政策法规
    with rules.disabled({"organs_over_title_below"}):
        assert _wrapped_title("ndetail.jsp", JOINT) == "关于2022年度目标管理考核结果的通报"


def test_the_real_pages_with_organ_lines_under_furniture_read_them() -> None:
    # 渭南文明网: a 来源 row over 中共渭南市委宣传部 / 中共渭南市委文明办 / 关于…建设 / 新时代…的通知, with and without the rule
    for off in (set(), {"organs_over_title_below"}):
        with rules.disabled(off):
            assert doc_fields("validation_r25/渭南市委宣传部文明办春节文明实践通知_渭南文明网.txt")["title"] == (
                "中共渭南市委宣传部中共渭南市委文明办关于在春节期间进一步做好建设新时代文明实践中心试点工作的通知")


# --- a list item's bullet over a whole heading ("bullet_not_heading") --------------------------------------------


def test_a_bulleted_menu_item_over_a_heading_is_not_its_first_words() -> None:
    # 黑龙江新闻网's menu ends • 黑龙江新闻网 >> 龙江新闻 over the heading (validation_r34), a wrapped one here
    page = "黑龙江省两办关于印发三个突破年行动方案的通知_hljnews.txt"
    assert _furniture(page)[-1].strip().startswith("•")
    assert _wrapped_title(page, BRIEF) == "创建全国文明城市工作简报"
    with rules.disabled({"bullet_not_heading"}):
        assert _wrapped_title(page, BRIEF).startswith("• 黑龙江新闻网")
