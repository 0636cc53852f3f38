"""Round 10 of the task list on real speeches and meeting papers: a rule for a cause that two untouched first runs
show (validation_r6 and validation_r9, pooled with validation_r3, _r5, _r7 and _r8). It is also switched off to show the
rows it decides."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from real_tasks import DATA, none_with, one, tasks_of

from dangan.compose.minutes import task_rules
from dangan.compose.minutes.speech import Task, draft_minutes
from dangan.compose.minutes.task_items import work_item, work_part
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for

ELEMENTS = Path(__file__).parent / "data" / "elements" / "docs"
FIRE = "validation_r6/市应急管理局消防工作会议_wx1990.txt"
TRANSPORT = ELEMENTS / "speeches" / "局长在安全生产工作会议上的讲话.txt"
SAFETY_MD = ELEMENTS / "fresh_holdout" / "在全区安全生产工作会议上的讲话.md"


def paper_tasks(path: Path, units, when: date) -> list[Task]:  # type: ignore[no-untyped-def]
    """A paper read as `dangan minutes` reads a path (a Markdown record through the extractor)."""
    text = extractor_for(detect_mime(path)).extract(path, Limits()).text
    return list(draft_minutes(text, when, units=units).tasks)


def test_items_under_the_work_ahead_need_no_modal(units):
    # validation_r6: 二、下一步工作部署 / 2. 完善基础设施建设 / - 对老旧建筑进行集中排查… (no modal, no unit: no owner)
    fire = tasks_of(FIRE, units, date(2023, 10, 15))
    assert one(fire, "对老旧建筑进行集中排查").owners == ()
    assert one(fire, "增配消防栓").owners == ()
    assert one(fire, "定期组织消防演习").owners == ()
    # the rows the labels read as no task stay out: 加强…沟通协作，形成合力 (加强 alone names no work)
    assert none_with(fire, "沟通协作")
    # validation_r9: 二、2022年重点工作 / （三）强化执法检查 / 开展“平安交通”执法行动…
    transport = paper_tasks(TRANSPORT, units, date(2022, 2, 15))
    assert one(transport, "平安交通").deadline is None
    # validation_r9 (Markdown bullets with a label): 二、突出抓好重点领域 / - 建筑施工：开展高处坠落专项整治。
    safety = paper_tasks(SAFETY_MD, units, date(2024, 4, 12))
    assert one(safety, "高处坠落专项整治").owners == ()
    assert one(safety, "人员密集场所检查").owners == ()
    assert one(safety, "燃气报警器安装").deadline == date(2024, 4, 30)  # read by its date before the rule
    with task_rules.disabled({"work_items"}):
        assert none_with(tasks_of(FIRE, units, date(2023, 10, 15)), "增配消防栓", "定期组织消防演习")
        assert none_with(paper_tasks(TRANSPORT, units, date(2022, 2, 15)), "平安交通")
        assert none_with(paper_tasks(SAFETY_MD, units, date(2024, 4, 12)), "高处坠落", "人员密集场所")


def test_only_a_part_heading_the_work_ahead_makes_items_work():
    assert work_part(("二、", "2022年重点工作"))
    assert work_part(("下一步工作部署", "完善基础设施建设"))
    assert not work_part(("一、", "清醒认识当前形势"))
    # the looking-back part's items report (the bench's review parts are skipped before this)
    assert not work_part(("2021年安全生产工作回顾",))
    # an item that reports what was done, or names only 加强 of a field, is no work
    assert not work_item("建筑施工：已开展高处坠落专项整治。")
    assert not work_item("- 加强与其他部门之间的沟通协作，形成合力共同应对危机。")
    assert work_item("消防安全：加强高层建筑、人员密集场所检查。")
    with task_rules.disabled({"work_items"}):
        assert not work_part(("二、", "2022年重点工作"))
        assert not work_item("开展高处坠落专项整治。")


def test_the_rule_is_credited_to_the_two_first_runs():
    assert task_rules.RULES["work_items"] == frozenset({"validation_r6", "validation_r9"})
    assert DATA.joinpath(FIRE).is_file()
