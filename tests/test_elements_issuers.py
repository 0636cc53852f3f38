"""发文机关 read by mechanism, not by page (issue 15, round 13).

The issuer misses of several families share a few mechanisms: joint issuers of which only the first
(or none) was read, a 署名 given as a labelled value (答复单位：…), a 版头 …文件 taken from page
furniture. Each general reading is checked on the real files that showed it, with the family's own
rules off where the family is held out, and against what it must not read.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.gongwen_issuers import labelled_signer, organ_list
from dangan.read.understand.metadata import read_facts

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"


def _issuer(name: str) -> str:
    path = DOCS / name
    values = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values()
    return values.get("issuer") or ""


def test_organs_stacked_under_the_number_over_a_date_are_joint_issuers() -> None:
    # 东办通报〔2016〕16号 / 中共衡东县委办公室 / 衡东县人民政府办公室 / (2016年8月18日), no heading
    name = "validation_r12/衡东县2015年度机关单位绩效考核结果的通报.txt"
    assert _issuer(name) == "中共衡东县委办公室、衡东县人民政府办公室"
    with rules.disabled({"joint_issuers"}):
        assert _issuer(name) == "中共衡东县委办公室"


def test_a_joint_signature_under_a_one_organ_mark_names_both() -> None:
    # 中共石门县委办公室文件 over the title; the 署名 sets both offices side by side
    name = "fresh_holdout/关于做好2023年度防汛备汛工作的通知.txt"
    with rules.disabled(rules.only_from("fresh_holdout")):
        assert _issuer(name) == "中共石门县委办公室、石门县人民政府办公室"
        with rules.disabled({"joint_issuers"}):
            assert _issuer(name) == "中共石门县委办公室"


def test_a_law_databases_organ_line_under_the_heading_lists_joint_issuers() -> None:
    name = "gov_site_pages_4/关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知.txt"
    with rules.disabled(rules.only_from("gov_site_pages_4")):
        assert _issuer(name) == "财政部、司法部"


def test_a_signature_one_organ_a_line_over_the_date_is_joint() -> None:
    # 中共岳阳市委办公室 / 岳阳市人民政府办公室 / 2017年1月10日, blank lines between
    name = "gov_site_pages/岳阳市委办市政府办印发关于全面推进政务公开工作的实施意见的通知.txt"
    with rules.disabled(rules.fewer_than_two_others("gov_site_pages")):
        assert _issuer(name) == "中共岳阳市委办公室、岳阳市人民政府办公室"


def test_organs_set_apart_by_spaces_before_the_headings_guanyu_are_joint() -> None:
    name = "gov_site_pages_3/成都市四部门关于印发城市社区嵌入式服务设施建设工程实施方案的通知.txt"
    with rules.disabled(rules.fewer_than_two_others("gov_site_pages_3")):
        assert _issuer(name) == ("成都市发展和改革委员会、中共成都市委社会工作部、成都市规划和自然资源局、"
                                 "成都市住房和城乡建设局")


def test_one_organ_over_its_date_stays_one() -> None:
    text = ("关于开展文明交通劝导的通知\n各社区：\n请认真组织。\n\n"
            "平阳县文明办\n2021年6月30日\n\n平阳县交通运输局\n2021年7月1日\n")
    assert read_metadata(text).issuer.value == "平阳县文明办"


def test_organ_lines_in_a_pages_footer_are_no_joint_issuers() -> None:
    # the 署名 is one organ over its date; the site's footer names two organs with no date under them
    text = ("湖卫健发〔2023〕1号\n关于开展爱国卫生月活动的通知\n各区县：\n请认真组织实施。\n\n"
            "湖州市卫生健康委员会\n2023年4月26日\n\n湖州市人民政府\n湖州市卫生健康委员会\n")
    assert read_metadata(text).issuer.value == "湖州市卫生健康委员会"


def test_a_labelled_signature_over_the_date_is_the_signer() -> None:
    name = "validation_r12/旌德县城管执法局第57号提案答复.txt"
    assert _issuer(name) == "旌德县城管执法局"
    with rules.disabled({"labelled_signer", "publishing_unit_field"}):
        assert _issuer(name) == ""
    with rules.disabled({"labelled_signer"}):   # round pubunit's last resort: the page's 发布机构 row, in full
        assert _issuer(name) == "旌德县城市管理综合执法局"


@pytest.mark.parametrize(("line", "org"), [
    ("答复单位:旌德县城管执法局", "旌德县城管执法局"),
    ("发文单位：平阳县人民政府办公室", "平阳县人民政府办公室"),
    ("来文单位：中共石门县委办公室、石门县人民政府办公室", "中共石门县委办公室、石门县人民政府办公室"),
    ("来源：衡东县人民政府网站", None),            # a page's source is not its author
    ("答复单位:请于5月前答复", None),
    ("发文单位：", None),
])
def test_signer_labels(line: str, org: str | None) -> None:
    assert labelled_signer(line) == org


def test_organ_lists_need_two_organs_and_nothing_else() -> None:
    assert organ_list("财政部、司法部") == ["财政部", "司法部"]
    assert organ_list("中共石门县委办公室　　石门县人民政府办公室") == ["中共石门县委办公室", "石门县人民政府办公室"]
    assert organ_list("财政部") is None
    assert organ_list("财政部 关于印发") is None
    assert organ_list("编办、档案局、法院、检察院、总工会、残联、宣传部、县委办") is None   # a list in the body


def test_a_crumb_read_as_a_mark_names_no_organ() -> None:
    # >政务频道 >政务公开 >本局文件 looks like a 版头 …文件 line; the 署名 names the organ
    name = "gov_site_pages_7/湖州市2023年全市卫生健康工作要点的通知.txt"
    with rules.disabled({"crumb_and_series_lines"}):
        assert _issuer(name) == "湖州市卫生健康委员会"
        with rules.disabled({"organ_form"}):
            assert _issuer(name).startswith(">")


def test_a_date_under_the_heading_does_not_end_the_search_for_the_signer() -> None:
    # 關于轉發…的通知 / 2013年04月17日 (the page's) / … / 鄒城市文明辦 / 2013417 (its 年月日 lost)
    name = "office_paperwork/邹城市文明办转发乡村文明行动推荐工作通知.txt"
    assert _issuer(name) == "邹城市文明办"
    with rules.disabled({"signer_below_page_date", "padded_page_date"}):   # its zero-padded page date: cross-family round 2
        assert _issuer(name) == ""


def test_a_date_under_the_heading_with_no_signature_below_gives_no_signer() -> None:
    text = "关于开展文明交通劝导的通知\n2021年6月30日\n各社区：\n请认真组织。\n联系电话：5213553\n"
    meta = read_metadata(text)
    assert meta.issuer is None
    assert meta.doc_date is not None and meta.doc_date.value == "2021-06-30"


def test_a_heading_printed_again_is_no_signers_line() -> None:
    # 區委書記全區工作會議講話稿 / 時間:… / 導語:… / the heading again / 同志們: — a model-text site's repeat of the
    # heading, whose post (区委书记) the signer-line form read as 区委; a post named only in the heading names no author
    name = "validation_r29/alizhichou3_lidaojianhua_202870.txt"
    assert _issuer(name) == ""
    with rules.disabled({"repeated_heading_not_signer"}):
        assert _issuer(name) == "区委"


def test_a_signers_line_under_the_heading_still_names_the_organ_its_signer_heads() -> None:
    # 在全区创建全国文明城市推进会上的讲话 / ——2023年5月16日 / 区委书记  张卫国
    assert _issuer("speeches/在全区创建全国文明城市推进会上的讲话.txt") == "区委"
