"""Round 7 of the task list on real speeches (bench/data/tasks): a rule from validation_r6's first run only
where another family's rows show the same form of sentence. Each rule is also switched off to show the row
it decides."""
from __future__ import annotations

from real_tasks import none_with, one, tasks_of

from dangan.compose.minutes import task_rules
from dangan.compose.minutes.task_items import item_continues, item_owners

EDUCATION = "validation_r6/市教育局长在县区教育工作座谈会上的讲话_huatianclub.txt"
PARTY = "validation_r6/在街道党建联席会议上的讲话_wentop.txt"
MINQING = "validation_r1/闽清县创建省级文明县城迎检冲刺推进会.txt"
VILLAGES = "validation_r2/县农村人居环境整治暨春季植树造林动员会议.txt"


def test_a_numbered_runs_later_items_need_no_modal(units):
    # validation_r6: 对这些成果，我提三点要求：一是请办公室尽快整理成文…；二是请教研室和办公室抓紧时间起草…报告；
    # 三是对…重点工作…以表格的形式进行梳理… — 二是's 是 is the item's mark, 请X names the item's actor, and
    # item 三, naming none, carries item 二's
    education = tasks_of(EDUCATION, units)
    assert one(education, "抓紧时间起草").owners == ("教研室", "办公室")
    assert one(education, "以表格的形式进行梳理").owners == ("教研室", "办公室")
    # validation_r6: (三)要构建科学的考核评价体系。…三是强化结果运用，将考核结果与…挂钩。
    assert one(tasks_of(PARTY, units), "将考核结果与共建单位的评先评优").owners == ()
    # validation_r1: 下一阶段必须做好以下三方面工作：一是抓好内业工作是重中之重；二是…；三是抓好乡风文明建设。
    # (item 二, 抓好实地测评项目, names no action verb: the run goes on past it)
    assert one(tasks_of(MINQING, units), "乡风文明建设").owners == ()
    with task_rules.disabled({"item_run"}):
        assert none_with(tasks_of(EDUCATION, units), "抓紧时间起草", "以表格的形式进行梳理")
        assert none_with(tasks_of(PARTY, units), "将考核结果")
        assert none_with(tasks_of(MINQING, units), "乡风文明建设")


def test_an_item_of_short_parallel_phrases_heads_what_follows(units):
    # validation_r2: …二是明确工作要求，取得实效。要科学规划…。三是从严落实责任，提供有力保障。扎实做好… — the item
    # heads the sentences after it
    assert not item_continues("三是从严落实责任，提供有力保障。")
    assert none_with(tasks_of(VILLAGES, units), "从严落实责任")
    # one short phrase of work is an item (抓好乡风文明建设), and so is a phrase with a long one
    assert item_continues("三是抓好乡风文明建设。")
    assert item_continues("三是强化结果运用，将考核结果与共建单位的评先评优、资源分配等挂钩。")


def test_only_a_run_carries_an_item_and_only_请_names_its_actor(units):
    # an item's mark alone directs nothing: 二是… after a report (…取得了…) is no task
    assert not item_continues("二是全年引进项目24个，取得了新突破。")
    # 对今天市局班子成员… is no actor; 请X is
    assert item_owners("三是对今天市局班子成员部署的重点工作，以表格的形式进行梳理。", units) == ()
    assert item_owners("二是请教研室和办公室抓紧时间起草报告；", units) == ("教研室", "办公室")
    with task_rules.disabled({"item_run"}):
        assert not item_continues("三是抓好乡风文明建设。")
