"""Evaluation items (测评项目) as data, keyword scoring, and the unit gazetteer."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from dangan.errors import DanganError
from dangan.read.understand.classify import ItemScore, Taxonomy, classify, find_units, load_taxonomy

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")

NINE = ("社区综合达标", "宣传教育", "资料收集整理", "未成年人思想道德建设", "市容环境卫生整治", "集贸市场整治",
        "“六小”整治", "“窗口”行业管理整治", "社区志愿者队伍建设")


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def test_editions_are_package_data() -> None:
    for name in ("district-nine.toml", "national-2015.toml", "gazetteer.toml"):
        assert resources.files("dangan").joinpath(f"taxonomy/{name}").is_file()


def test_default_taxonomy_has_the_nine_aspects_in_the_speech_s_words(taxonomy: Taxonomy) -> None:
    assert taxonomy.code == "district-nine"
    assert tuple(item.name for item in taxonomy.items) == NINE
    assert [item.code for item in taxonomy.items] == [f"A{i:02d}" for i in range(1, 10)]
    speech = (CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt").read_text(encoding="utf-8")
    from dangan.text.normalize import PINYIN, to_simplified

    speech = to_simplified(PINYIN.sub("", speech)).replace('"', "“")
    for item in taxonomy.items:
        # no invented standards: every aspect is quoted from the speech, its standard is 待补充
        assert item.keywords and not item.contents and item.standard == "待补充"
        assert item.source.strip("“”") in speech.replace("“", "").replace("”", "") or item.source in speech
        assert [c.code for c in item.leaves()] == [item.code]
    assert "区委宣传部" in taxonomy.units and "区创建办" in taxonomy.units
    assert taxonomy.places and taxonomy.item("A05") is not None and taxonomy.item("Z99") is None


def test_workspace_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "taxonomy.toml"
    extra.write_text(
        """
[meta]
version = "2023"

[[items]]
code = "A05"
name = "市容市貌"
keywords = ["市容市貌", "门头招牌"]

[[items]]
code = "A09"
disabled = true

[[items]]
code = "B01"
name = "诚信建设"
keywords = ["诚信", "信用"]
  [[items.contents]]
  code = "B01.01"
  name = "政务诚信"
  standard = "政务公开，守信践诺。"
  keywords = ["政务诚信"]

[gazetteer]
units = ["区信用办"]

[gazetteer.aliases]
"区信用办" = ["信用办"]
""",
        encoding="utf-8",
    )
    merged = load_taxonomy(extra)
    codes = [item.code for item in merged.items]
    assert "A09" not in codes and codes[-1] == "B01" and len(codes) == 9
    a05 = merged.item("A05")
    assert a05 is not None and a05.name == "市容市貌" and a05.keywords == ("市容市貌", "门头招牌")
    assert merged.version == "2023" and merged.name            # meta merged, name kept
    assert "区信用办" in merged.units and "区委宣传部" in merged.units
    assert find_units("请信用办和宣传部会同落实", merged) == ["区信用办", "区委宣传部"]


def test_workspace_file_can_replace_everything(tmp_path: Path) -> None:
    extra = tmp_path / "taxonomy.toml"
    extra.write_text('[meta]\nreplace = true\nname = "本市测评体系"\n\n[[items]]\ncode = "C01"\nname = "交通秩序"\n'
                     'keywords = ["交通秩序"]\n', encoding="utf-8")
    only = load_taxonomy(extra)
    assert [item.code for item in only.items] == ["C01"] and only.units == ()


def test_missing_workspace_file_means_the_default(tmp_path: Path, taxonomy: Taxonomy) -> None:
    assert load_taxonomy(tmp_path / "absent.toml") == taxonomy


def test_broken_workspace_file_is_a_clear_error(tmp_path: Path) -> None:
    extra = tmp_path / "taxonomy.toml"
    extra.write_text("[[items]\ncode = ", encoding="utf-8")
    with pytest.raises(DanganError, match="测评体系文件有误"):
        load_taxonomy(extra)
    extra.write_text('[[items]]\ncode = "D01"\n', encoding="utf-8")
    with pytest.raises(DanganError, match="缺少字段"):
        load_taxonomy(extra)


NOTICE_BODY = ("各街道、区市场监管局：\n    为迎接全国文明城市测评，决定对全区集贸市场开展专项整治。"
               "一要划行归市，规范摊位；二要取缔马路市场；三要落实活禽交易区隔离，市场周边垃圾日产日清。\n")


def test_a_short_notice_is_linked_to_its_item(taxonomy: Taxonomy) -> None:
    scores = classify(NOTICE_BODY, "关于开展农贸市场专项整治的通知", taxonomy)
    assert scores and scores[0] == ItemScore("A06", "集贸市场整治", scores[0].score)
    assert 0 < scores[0].score <= 1


def test_title_hits_weigh_more(taxonomy: Taxonomy) -> None:
    with_title = classify(NOTICE_BODY, "关于开展农贸市场专项整治的通知", taxonomy)[0].score
    without = classify(NOTICE_BODY, None, taxonomy)[0].score
    assert with_title > without


def test_scores_are_normalised_by_length(taxonomy: Taxonomy) -> None:
    filler = "过去一年，经济运行总体平稳，发展质量稳步提升，各项事业取得新的进展。" * 300
    short = classify(NOTICE_BODY, None, taxonomy)
    diluted = classify(filler + NOTICE_BODY, None, taxonomy)
    assert short and short[0].code == "A06"
    assert diluted == [] or diluted[0].score < short[0].score


def test_unrelated_text_gets_nothing(taxonomy: Taxonomy) -> None:
    assert classify("", None, taxonomy) == []
    assert classify("今年预算执行情况良好，一般公共预算收入增长5%。", "预算执行情况的报告", taxonomy) == []


@needs_corpus
def test_seed_speech_is_about_communities_streets_and_stations(taxonomy: Taxonomy) -> None:
    text = next((CORPUS / "txt" / "seed_speech").glob("*.txt")).read_text(encoding="utf-8")
    codes = [score.code for score in classify(text, "书记在创建办会部署会讲话", taxonomy)]
    assert {"A01", "A05", "A08"} <= set(codes)
    assert codes[0] == "A01"


UNRELATED = [
    "txt/cn_state_council_gov_work_reports_1954_2025/第十三届全国人民代表大会第五次会议关于政府工作报告的决议.txt",
    "txt/cn_state_council_gov_work_reports_1954_2025/2025年中华人民共和国国务院政府工作报告.txt",
    "txt/cn_state_council_gov_work_reports_1954_2025/1955年中华人民共和国国务院政府工作报告.txt",
    "txt/cn_cpc_congress_reports/12_全面开创社会主义现代化建设的新局面 (十二大).txt",
    "txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_重庆市_政府工作报告.txt",
]


@needs_corpus
@pytest.mark.parametrize("relpath", UNRELATED)
def test_documents_outside_the_campaign_get_no_items(relpath: str, taxonomy: Taxonomy) -> None:
    assert classify((CORPUS / relpath).read_text(encoding="utf-8"), None, taxonomy) == []


@needs_corpus
def test_find_units_in_the_seed_speech(taxonomy: Taxonomy) -> None:
    text = next((CORPUS / "txt" / "seed_speech").glob("*.txt")).read_text(encoding="utf-8")
    units = find_units(text, taxonomy)   # Traditional with pinyin: 區(qū)委宣傳部 …
    assert {"区委宣传部", "区创建办", "区纪委", "区委", "各街道", "督查组"} <= set(units)
    assert len(units) == len(set(units))


def test_find_units_longest_match_and_aliases(taxonomy: Taxonomy) -> None:
    assert find_units("由区委宣传部牵头，区城市管理局、区市场监督管理局配合，城管局督办。", taxonomy) == \
        ["区委宣传部", "区城管局", "区市场监管局"]
    assert find_units("今天天气很好", taxonomy) == []
