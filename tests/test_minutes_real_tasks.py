"""Tasks drafted from real speeches the task list was not written on (bench/data/tasks).

Each test is one cause the first run's misses shared across speeches (task_cues.py,
owners.every_actor, timing.this_month); the speech, its gold and the rule for what a
task is are in bench/data/tasks/labels.toml.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from real_tasks import one, tasks_of

from dangan.compose.minutes import task_rules


def test_hope_assigns_work_in_the_preamble_and_the_body(units):
    inspection = tasks_of("model_text/督查全国文明城市创建工作会讲话_德育素材网.txt", units)
    assert one(inspection, "对照督查结果").owners == ("各单位",)
    review = tasks_of("model_text/在全国文明典范城市创建工作调度会上的讲话_大文阁.txt", units)
    assert one(review, "及时跟进").owners == ("区创建办",)
    # 希望大家立说立行，说到做到 and 请大家务必…抓好贯彻落实 hope for no action
    county = tasks_of("model_text/创建省级文明城市推进会讲话_文印大本网.txt", units)
    assert not [t for t in county if "立说立行" in t.text or "贯彻落实" in t.text]
    with task_rules.disabled({"hope_directive"}):
        assert not [t for t in tasks_of("model_text/督查全国文明城市创建工作会讲话_德育素材网.txt", units)
                    if "对照督查结果" in t.text]


def test_people_named_responsible_are_not_the_verb(units):
    mobilising = tasks_of("gov_news/杜集区召开创建国家卫生城市动员会议.txt", units)
    assert not [t for t in mobilising if "参加会议" in t.text]
    scheduling = tasks_of("model_text/市委书记在创建全国文明城市工作调度会上的讲话_德育素材网.txt", units)
    assert not [t for t in scheduling if "汇报" in t.text]


def test_goals_and_self_improvement_are_not_tasks(units):
    wucheng = [t.text for t in tasks_of("gov_news/婺城区召开创卫工作会议.txt", units)]
    assert not [t for t in wucheng if "提高对创卫的认识" in t or "扎实开展工作" in t or "确保顺利通过" in t]
    assert any("及时整改" in t for t in wucheng)  # 对照标准，分析原因，及时整改 stays
    dongji = [t.text for t in tasks_of("gov_news/杜集区召开创建国家卫生城市动员会议.txt", units)]
    assert not [t for t in dongji if "狠抓落实" in t]


def test_every_actor_of_a_sentence_owns_it(units):
    dongji = tasks_of("gov_news/杜集区召开创建国家卫生城市动员会议.txt", units)
    assert set(one(dongji, "短板弱项整改").owners) == {"各单位", "各部门", "区创卫办"}
    assert set(one(dongji, "具体可行的措施").owners) == {"区创卫办", "各相关单位"}


def test_a_sentence_without_modal_carries_on_the_directive(units):
    roads = tasks_of("gov_news/全区创国卫工作调度会_郑华森.txt", units)
    patrol = one(roads, "交办责任单位")
    assert patrol.frequency == "每5天"


def test_a_day_of_this_month_is_a_deadline(units):
    check = tasks_of("gov_news/孙海荣督查省示范文明城市创建情况.txt", units, date(2012, 10, 17))
    assert one(check, "完成整改").deadline == date(2012, 10, 25)


def test_working_together_is_no_task(units):
    zhengyang = tasks_of("validation_r1/正阳县创建省级文明县城提名县城迎检动员会.txt", units)
    assert not [t for t in zhengyang if "相互支持" in t.text]
    assert one(zhengyang, "回头看").owners  # 各部门各单位要…再次开展回头看 stays
    tongcheng = tasks_of("gov_news/刘中汉在全市创建全国文明城市第二次督办会上强调.txt", units, date(2019, 8, 22))
    assert not [t for t in tongcheng if "相互支持" in t.text]


def test_the_campaign_named_is_no_action(units):
    inspection = tasks_of("model_text/督查全国文明城市创建工作会讲话_德育素材网.txt", units)
    assert not [t for t in inspection if "久久为功创建" in t.text]
    county = tasks_of("validation_r1/创建市级文明县城专题会议.txt", units, date(2018, 1, 17))
    assert not [t for t in county if "掀起" in t.text]
    suizhou = tasks_of("gov_news/随州创建省级文明城市紧急会议.txt", units, date(2011, 3, 9))
    assert one(suizhou, "倒排创建日程").deadline == date(2011, 3, 15)


def test_every_task_rule_asked_for_is_credited():
    """A task rule asked for with on() but missing from task_rules.RULES could never be held out."""
    import re

    folder = Path(__file__).resolve().parents[1] / "dangan" / "compose" / "minutes"
    asked = {name for f in folder.glob("*.py") for name in re.findall(r'(?<![\w.])on\("(\w+)"\)', f.read_text("utf-8"))}
    assert asked and asked == set(task_rules.RULES)
