"""Round pubunit of issue 15: a page's or platform's publishing-unit field as the 发文机关, only where the document's own
text (and the file's own metadata) names no author at all (rule "publishing_unit_field", dangan/read/understand/
publisher.py). Two families show the form untouched:

- validation_r23's 函: the site's 信息公开 fields a label or a value a line (发布机构 / 上海市住房和城乡建设管理委员会),
  and the platform's front matter (发布单位: 上海市住房和城乡建设管理委员会), over a 函 dated with no 署名: empty held out;
- validation_r45's 中国法院网 page: the law library's record row 【发布单位】中共中央 over a 条例 that names no author
  (its untouched miss), a row the main-text finder leaves out of the page's text (kept as the extractor's hint).

Each test reads the real files; every other labelled file reads as before without the rule.
"""
from __future__ import annotations

import pytest
from labelled_elements import DATA, assert_reads_as_before, doc_fields
from labelled_elements import source_path as labelled_path

from dangan.model import Extracted, Page
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.html import publishing_row
from dangan.read.extract.markdown import front_matter_hints
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.metadata import read_facts
from dangan.read.understand.publisher import publishing_unit

RULE = {"publishing_unit_field"}
LIBRARY = "validation_r45/test.php"
HAN = "validation_r23/关于印发《上海市城市体检促进城市更新的工作指引》的函.md"
COMMISSION = "上海市住房和城乡建设管理委员会"
# the text names its author: the field (the government's office, a bureau, the first of seven organs) is not read
TAIHU = "gov_site_pages/太湖县人民政府关于印发太湖县人民政府工作规则的通知.txt"
JUEDING = "validation_r23/上海市人民政府关于修改《上海市餐厨垃圾处理管理办法》的决定.md"
# the rule reads these two '?' labels too (not scored): the database's row names the seven organs the notice's heading
# counts; the town's site names itself for a 提示单 its label says no organ of the text signs (a counter-example)
HAINAN = "validation_r24/海南省七部门印发生态文明意识行动计划通知_政策法规库.txt"
HULE = "wenming_notices/胡乐镇国庆中秋创建工作提示单.txt"


def _extracted(name: str) -> Extracted:
    path = DATA / "docs" / name
    return extractor_for(detect_mime(path)).extract(path, Limits())


def test_the_law_librarys_row_held_out() -> None:
    with rules.disabled(rules.only_from("validation_r45")):
        assert doc_fields(LIBRARY)["issuer"] == "中共中央"
    with rules.disabled(RULE):
        assert doc_fields(LIBRARY)["issuer"] == ""


def test_the_row_the_main_text_left_out_is_the_pages_hint() -> None:
    extracted = _extracted(LIBRARY)
    assert "【发布单位】" not in extracted.text and "【发布文号】" in extracted.text
    assert extracted.hints["publisher"] == "中共中央"
    meta, _ = read_facts(extracted, "test.php")
    assert meta.issuer is not None and meta.issuer.value == "中共中央"
    assert meta.issuer.confidence < 0.4   # below a file's author field, the lowest of the other readings
    with rules.disabled(RULE):
        assert "publisher" not in _extracted(LIBRARY).hints


def test_the_letters_field_held_out() -> None:
    with rules.disabled(rules.only_from("validation_r23")):
        assert doc_fields(HAN)["issuer"] == COMMISSION
        with rules.disabled(RULE):
            assert doc_fields(HAN)["issuer"] == ""


def test_the_front_matters_publisher_alone() -> None:
    # the 函's 信息公开 fields taken out of its text: the platform's front matter still names the unit
    hints = front_matter_hints(labelled_path("docs/" + HAN).read_text(encoding="utf-8"))
    assert hints["publisher"] == COMMISSION
    text = _extracted(HAN).text
    assert f"发布机构\n{COMMISSION}\n" in text
    bare = text.replace(f"发布机构\n{COMMISSION}\n", "")
    assert publishing_unit(bare, {}) is None
    assert publishing_unit(bare, hints) == COMMISSION
    with rules.disabled(RULE):
        assert publishing_unit(text, hints) is None
        assert "publisher" not in front_matter_hints(labelled_path("docs/" + HAN).read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", ["发布机构：{}", "发布机构: | {} |", "• 发布机构:\n\n    {}", "【发布单位】{}",
                                 "发布部门 {} 生效日期", "发文机关:{}"])
def test_the_fields_forms(row: str) -> None:
    text = _extracted(HAN).text.replace(f"发布机构\n{COMMISSION}\n", row.format(COMMISSION) + "\n")
    assert publishing_unit(text, {}) == COMMISSION


@pytest.mark.parametrize("value", ["", "信息补充中", "bc365", "中国法院网", "上海住建网站", "本站", "新华社", "解放日报",
                                   "区政府办", "区人民政府办公室", "政府办"])
def test_what_no_author_is(value: str) -> None:
    # an empty field, a placeholder, spam, a site, a news source, a site's house name with no place
    text = _extracted(HAN).text.replace(f"发布机构\n{COMMISSION}\n", f"发布机构：{value}\n")
    assert publishing_unit(text, {}) is None
    assert publishing_unit("【发布单位】" + value + "\n【发布文号】\n", {}) is None


def test_a_source_row_is_no_publishing_unit() -> None:
    # 【文件来源】新华网, 来源：X: where a copy came from, never read
    text = _extracted(HAN).text.replace(f"发布机构\n{COMMISSION}\n", f"来源：{COMMISSION}\n【文件来源】{COMMISSION}\n")
    assert publishing_unit(text, {}) is None


def test_a_field_inside_a_sentence_is_not_read() -> None:
    assert publishing_unit("公文的发文机关标志\n上海市人民政府\n", {}) is None
    assert publishing_unit("研究制定机关事业单位养老保险制度改革方案。", {}) is None


def test_the_texts_own_author_stands() -> None:
    # 发布机构 太湖县人民政府办公室 over the government's notice; 发布单位 上海市绿化和市容管理局 over the city government's 决定
    assert doc_fields(TAIHU)["issuer"] == "太湖县人民政府"
    assert doc_fields(JUEDING)["issuer"] == "上海市人民政府"


def test_the_unscored_readings() -> None:
    assert doc_fields(HAINAN)["issuer"] == ("海南省生态环境厅、海南省自然资源和规划厅、海南省林业局、中国共产党海南省委员会"
                                           "宣传部、海南省教育厅、共青团海南省委、海南省妇女联合会")
    assert doc_fields(HULE)["issuer"] == "胡乐镇人民政府"
    with rules.disabled(RULE):
        assert doc_fields(HAINAN)["issuer"] == doc_fields(HULE)["issuer"] == ""


def test_every_other_labelled_file_reads_as_before() -> None:
    assert_reads_as_before(RULE, changed={LIBRARY, HAINAN, HULE}, round_family="validation_r46", docs_only=False)


def test_a_row_naming_the_pages_own_site_is_no_hint() -> None:
    # the law library's page with its SiteName tag set to the row's value: the site's row, not a unit's
    page = (DATA / "docs" / LIBRARY).read_text(encoding="utf-8")
    assert publishing_row(page, "") == "中共中央"
    assert publishing_row(page, "【发布单位】中共中央\n") is None   # a row the main text kept is the reader's to read
    tagged = page.replace("<head>", '<head><meta name="SiteName" content="中共中央">', 1)
    assert tagged != page and publishing_row(tagged, "") is None


def test_no_field_no_reading() -> None:
    extracted = Extracted(pages=(Page(1, "关于开展工作的通知\n各单位：\n现通知如下。\n"),), extractor="txt")
    assert read_facts(extracted, "x.txt")[0].issuer is None
