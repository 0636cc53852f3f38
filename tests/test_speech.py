"""Speech → outline, tasks, figures and minutes (dangan.compose.minutes.speech)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from dangan.compose.minutes.speech import (
    Minutes,
    OutlineNode,
    Task,
    draft_minutes,
    extract_tasks,
    find_owners,
    iter_nodes,
    key_figures,
    minutes_title,
    parse_document,
    parse_outline,
    prepare_text,
    strip_pinyin,
    to_simplified,
)
from dangan.compose.minutes.speech_directives import is_directive
from dangan.compose.minutes.speech_text import repair_mojibake, split_header

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
REPORTS = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
PROVINCIAL = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025"
MEETING = date(2022, 3, 26)

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="corpus not available")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Minutes:
    return draft_minutes(seed_text, MEETING)


# --- cleaning -------------------------------------------------------------

def test_seed_has_347_pinyin_annotations_and_all_go(seed_text: str) -> None:
    stripped = strip_pinyin(seed_text)
    assert len(seed_text) - len(stripped) == sum(
        len(m.group(0)) for m in re.finditer(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", seed_text)
    )
    assert len(re.findall(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", seed_text)) == 347
    assert "創建" in stripped and "創(chuàng)" not in stripped


def test_prepare_text_is_simplified_full_width_and_repaired(seed_text: str) -> None:
    text = prepare_text(seed_text)
    assert to_simplified(text) == text
    assert "书记在创建办会部署会讲话" in text
    assert not re.search(r"\([a-z]", text)
    assert "“三大战役”的目标是：通过一个月的努力" in text   # the one mojibake run, repaired
    assert not re.search(r"[\ue000-\uf8ff]", text)
    assert "同志们：" in text and "，" in text


def test_repair_mojibake_leaves_clean_text_alone() -> None:
    clean = "会议要求，各街道要迅速落实。?这不是乱码?"
    assert repair_mojibake(clean) == clean


def test_split_header_takes_title_date_and_web_noise(seed_text: str) -> None:
    header = split_header(prepare_text(seed_text))
    assert header.title == "书记在创建办会部署会讲话"
    assert header.date == MEETING
    assert header.body.startswith("同志们：")
    assert "导语" not in header.body


# --- the seed speech ------------------------------------------------------

def test_seed_has_exactly_three_top_parts(seed: Minutes) -> None:
    assert [(n.number, n.heading) for n in seed.outline] == [
        ("一、", "认清形势迅速升温"),
        ("二、", "认清目标迅速行动"),
        ("三、", "认清责任迅速落实"),
    ]
    assert all(n.level == 1 for n in seed.outline)


def test_seed_six_dong_items(seed: Minutes) -> None:
    part = seed.outline[1]
    assert [(c.number, c.heading) for c in part.children] == [
        ("一是", "领导挂帅大推动"),
        ("二是", "全员参与大出动"),
        ("三是", "经费投入大促动"),
        ("四是", "督查调度大搅动"),
        ("五是", "宣传舆论大鼓动"),
        ("六是", "通报排位大拉动"),
    ]
    assert all(c.level == 2 for c in part.children)
    assert part.text.endswith("具体做到“六动”：")
    assert part.children[4].text.startswith("近期，由区委宣传部牵头")


def test_seed_five_numbered_items(seed: Minutes) -> None:
    part = seed.outline[2]
    assert [(c.number, c.heading) for c in part.children] == [
        ("1、", "方案制定要迅速落实"),
        ("2、", "排兵布阵要迅速落实"),
        ("3、", "整治整改要迅速落实"),
        ("4、", "作风锤炼要迅速落实"),
        ("5、", "奖励问责要迅速落实"),
    ]
    assert part.children[0].text.startswith("各相关职能部门要迅速制定好")
    # the closing words are no part of item 5
    assert "我相信" not in part.children[4].text
    assert seed.outline[0].children == ()


def test_seed_tasks(seed: Minutes) -> None:
    tasks = seed.tasks
    assert 15 <= len(tasks) <= 35
    publicity = [t for t in tasks if "区委宣传部" in t.owners]
    assert len(publicity) == 1
    assert publicity[0].owners[0] == "区委宣传部"
    assert publicity[0].source == "二、五是"
    plans = [t for t in tasks if "各相关职能部门" in t.owners]
    assert plans and plans[0].text == "各相关职能部门要迅速制定好“618工程”和“113工程”进度推进表。"
    assert plans[0].source == "三、1、"
    campaign = [t for t in tasks if t.deadline == date(2022, 4, 26)]
    assert len(campaign) == 1
    assert "三大战役" in campaign[0].text and "通过一个月的努力" in campaign[0].text
    streets = [t for t in tasks if t.owners == ("各街道", "各镇")]
    assert streets and streets[0].text.startswith("各街道、镇要科学处理好")
    # narration is not a task; nor is "从今天开始" a deadline
    assert not any("取得了良好的阶段性成果" in t.text for t in tasks)
    assert not any(t.deadline == MEETING for t in tasks)
    assert all(t.text.endswith("。") for t in tasks)


def test_seed_figures(seed: Minutes) -> None:
    for figure in ("113个社区", "十八条示范道路", "618工程", "六大难点", "三大战役", "九纵九横", "113工程", "2610工程"):
        assert figure in seed.figures
    assert len(seed.figures) == len(set(seed.figures))


def test_seed_minutes_dict_is_simplified_json(seed: Minutes) -> None:
    data = seed.to_dict()
    assert set(data) >= {"title", "date", "outline", "tasks", "figures"}
    assert data["title"] == "创建办会部署会议纪要"
    assert data["date"] == "2022-03-26"
    first = data["outline"][1]["children"][0]
    assert set(first) == {"number", "heading", "text", "level", "children"}
    assert set(data["tasks"][0]) == {"text", "owners", "lead", "leaders", "deadline", "frequency", "source"}
    dumped = json.dumps(data, ensure_ascii=False)
    assert to_simplified(dumped) == dumped
    assert "(chuàng)" not in dumped and "創" not in dumped
    assert data["opening"].startswith("会议传达了市创建文明城市工作部署会精神，总结了")


def test_meeting_date_from_header_when_not_given(seed_text: str) -> None:
    assert draft_minutes(seed_text, None).date == MEETING


def test_minutes_title() -> None:
    assert minutes_title("书记在创建办会部署会讲话") == "创建办会部署会议纪要"
    assert minutes_title("区长在全区创建工作推进会议上的讲话") == "全区创建工作推进会议纪要"
    assert minutes_title(None) == "会议纪要"


# --- outline levels -------------------------------------------------------

ALL_LEVELS = """关于做好创建工作的意见
同志们：
今天召开会议，研究部署创建工作。
一、提高认识
全区上下要统一思想。
（一）加强领导
1.成立领导小组。由区委办牵头，各街道配合，月底前完成。
2.明确责任分工
（1）城管局负责日常巡查。
（2）工作要求
①每周一报；②每月一评。
（二）强化宣传
首先，要营造氛围；其次，要树立典型；最后，要总结经验。
二、狠抓落实
1、方案制定要迅速落实。各相关职能部门要迅速制定推进表，4月10日前报区创建办。
2、整改要迅速。第一，要建立台账；第二，各社区要限期销号，一个月内完成。
同志们，创建工作任务艰巨，希望大家共同努力。
"""


def _shape(nodes: tuple[OutlineNode, ...] | list[OutlineNode]) -> list[tuple[int, str, str]]:
    return [(n.level, n.number, n.heading) for _, n in iter_nodes(nodes)]


def test_every_level_of_numbering() -> None:
    parsed = parse_document(ALL_LEVELS)
    assert _shape(parsed.nodes) == [
        (1, "一、", "提高认识"),
        (2, "（一）", "加强领导"),
        (3, "1.", "成立领导小组"),
        (3, "2.", "明确责任分工"),
        (4, "（1）", "城管局负责日常巡查"),
        (4, "（2）", "工作要求"),
        (5, "①", "每周一报"),
        (5, "②", "每月一评"),
        (2, "（二）", "强化宣传"),
        (3, "首先", "要营造氛围"),
        (3, "其次", "要树立典型"),
        (3, "最后", "要总结经验"),
        (1, "二、", "狠抓落实"),
        (2, "1、", "方案制定要迅速落实"),   # numbering restarted under the new 二、
        (2, "2、", "整改要迅速"),
        (3, "第一", "要建立台账"),
        (3, "第二", "各社区要限期销号，一个月内完成"),
    ]
    assert parsed.preamble.startswith("关于做好创建工作的意见")
    assert parsed.epilogue.startswith("同志们，创建工作任务艰巨")
    one = parsed.nodes[0]
    assert one.text == "全区上下要统一思想。"
    assert one.children[0].children[0].text == "由区委办牵头，各街道配合，月底前完成。"


def test_heading_line_versus_enumerated_paragraph() -> None:
    nodes = parse_outline("一、总体要求\n1、方案制定要迅速落实。各部门要迅速制定方案。\n2、工作要求\n要按时报送。")
    first, second = nodes[0].children
    assert (first.heading, first.text) == ("方案制定要迅速落实", "各部门要迅速制定方案。")
    assert (second.heading, second.text) == ("工作要求", "要按时报送。")


def test_long_first_sentence_gives_a_clause_heading() -> None:
    text = "一、" + "加快推进老旧小区改造，完善社区服务设施，提升群众的获得感幸福感安全感和认同感归属感，让群众住得更舒心。其余内容。"
    node = parse_outline(text)[0]
    assert node.heading == "加快推进老旧小区改造"
    assert node.text.startswith("加快推进老旧小区改造，完善")


def test_decimals_and_years_are_not_numbering() -> None:
    nodes = parse_outline("一、回顾\n2.5万亿元的投资已经完成。\n2024年工作很多。\n1.“两重”：国家重大战略。\n2.2025年10件民生实事：就业。")
    assert [n.number for n in nodes[0].children] == ["1.", "2."]
    assert "2.5万亿元" in nodes[0].text


def test_inline_enumeration_needs_a_sequence() -> None:
    nodes = parse_outline("一、总体要求\n我们要坚持统一是前提，唯一是目标。第一大战役是突破难点。")
    assert nodes[0].children == ()


# --- tasks, owners, deadlines -----------------------------------------------

def test_tasks_with_owners_and_deadlines() -> None:
    tasks = extract_tasks(ALL_LEVELS, MEETING, units=["区创建办", "城管局"])
    by_source = {t.source: t for t in tasks}
    lead = by_source["一、（一）1."]
    assert lead.owners == ("区委办", "各街道")
    assert lead.deadline == date(2022, 3, 31)           # 月底前
    assert by_source["一、（一）2.（1）"].owners == ("城管局",)
    plans = by_source["二、1、"]
    assert plans.owners == ("各相关职能部门",)          # 报区创建办: a recipient, no owner
    assert plans.deadline == date(2022, 4, 10)
    sales = by_source["二、2、第二"]
    assert sales.owners == ("各社区",)
    assert sales.deadline == date(2022, 4, 26)          # 一个月内
    assert "一、（二）首先" not in by_source            # 要营造氛围: an exhortation, not a task


def test_tasks_without_a_meeting_date_have_no_deadline() -> None:
    assert all(t.deadline is None for t in extract_tasks(ALL_LEVELS, None))


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        ("近期，由区委宣传部牵头，各部门、各单位积极配合，大力宣传。", ("区委宣传部", "各部门", "各单位")),
        ("区城管局负责牵头整治占道经营。", ("区城管局",)),
        ("各相关职能部门要迅速制定推进表。", ("各相关职能部门",)),
        ("各街道、镇要科学处理好各项工作的关系。", ("各街道", "各镇")),
        ("我们要迅速升温。", ()),
        ("对发现的问题要向区纪委报告。", ()),
    ],
)
def test_find_owners(sentence: str, owners: tuple[str, ...]) -> None:
    assert find_owners(sentence) == owners


def test_given_units_are_owners_unless_recipients() -> None:
    assert find_owners("区住建局要加快老旧小区改造。", ["区住建局"]) == ("区住建局",)
    assert find_owners("有关情况要及时报区住建局。", ["区住建局"]) == ()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“创建办会”工作必须迅速升温。", True),
        ("各街道要统筹安排好三级机关干部队伍。", True),
        ("全力打好百日攻坚战，取得了良好的阶段性成果。", False),
        ("这是发展的重要抓手。", False),
        ("具体要从以下五个方面迅速抓好落实。", False),
        ("大家认清目标之后，要迅速行动起来，具体做到“六动”：", False),
        ("第二大战役是扮靓“九纵九横”，全力推进十八条示范道路的综合整治。", False),
    ],
)
def test_is_directive(sentence: str, expected: bool) -> None:
    assert is_directive(sentence) is expected


def test_task_to_dict() -> None:
    task = Task("要按时报送。", ("各街道",), date(2022, 4, 1), "一、")
    assert task.to_dict() == {"text": "要按时报送。", "owners": ["各街道"], "lead": [], "leaders": [],
                              "deadline": "2022-04-01", "frequency": None, "source": "一、"}


def test_key_figures() -> None:
    text = "拉开对全区113个社区综合整治的序幕，全力推进十八条示范道路的综合整治，实施“618工程”，GDP增长5.2%，打好“三大战役”。"
    figures = key_figures(text)
    for figure in ("113个社区", "十八条示范道路", "618工程", "5.2%", "三大战役"):
        assert figure in figures
    assert not any(f.startswith("一") for f in key_figures("这是一项共同任务，让一批干部脱颖而出。"))


def test_traditional_input_gives_simplified_minutes() -> None:
    minutes = draft_minutes("區長在推進會上的講話\n\n一、認清形勢\n各街道要於本月底前完成整改。", MEETING)
    dumped = json.dumps(minutes.to_dict(), ensure_ascii=False)
    assert to_simplified(dumped) == dumped
    assert minutes.tasks[0].owners == ("各街道",)
    assert minutes.tasks[0].deadline == date(2022, 3, 31)
    assert minutes.title == "推进会议纪要"
