"""Round 5 of the task list on real speeches (bench/data/tasks): causes that the misses of
validation_r5 (the meetings a district holds beside 创文, drawn by a procedure fixed before any
lookup) share with another family."""
from __future__ import annotations

from real_tasks import none_with, one, tasks_of

from dangan.compose.minutes import task_rules
from dangan.compose.minutes.task_cues import strip_talk

SAFETY = "validation_r5/全区安全生产工作会议讲话_cqtzb.txt"
XINXIANG = "validation_r3/新乡市精神文明建设工作会议.txt"
WUWEI = "traditional_mirror/武威創城推進會_繁體.txt"


def test_work_after_a_heading_that_names_none(units):
    # 最后，要做好应急准备。制定和完善应急预案，定期开展应急演练，确保…: the heading is a goal, the
    # sentence after it with no modal of its own is the work; no actor is named in the part
    plan = one(tasks_of(SAFETY, units), "制定和完善应急预案")
    assert plan.owners == ()
    # 要聚焦价值引领，弘扬时代新风。深入实施…，选树宣传道德模范…: after an exhortation
    assert one(tasks_of(XINXIANG, units), "选树宣传道德模范")
    # the held-out Traditional page (never tuned on) gains its row the same way: 要抓达标…。深入对照分析，
    # 逐项建立工作台账…
    assert one(tasks_of(WUWEI, units), "建立工作台账")
    # the heading itself stays out of the ledger
    assert none_with(tasks_of(SAFETY, units), "要做好应急准备")
    with task_rules.disabled({"after_heading"}):
        assert none_with(tasks_of(SAFETY, units), "制定和完善应急预案")
        assert none_with(tasks_of(XINXIANG, units), "选树宣传道德模范")
        assert none_with(tasks_of(WUWEI, units), "建立工作台账")


HAIHE = "validation_r5/海河流域省级河湖长第一次联席会议_vidw.txt"


def test_carrying_out_a_doctrine_is_no_work(units):
    # 要深入学习贯彻习近平总书记关于精神文明建设的重要论述，始终保持正确的发展方向。(建设 inside the name)
    assert none_with(tasks_of(XINXIANG, units), "重要论述")
    # the Traditional pinyin mirror: 要坚决贯彻落实习近平生态文明思想，坚决扛起…重大责任；
    haihe = tasks_of(HAIHE, units)
    assert none_with(haihe, "生态文明思想")
    assert one(haihe, "研究解决流域管理中的")  # the work in the same paragraph stays
    # 宣传 of a leader's words stays work (validation_r4: 认真学习、宣传、贯彻习总书记重要讲话精神)
    assert "宣传" in strip_talk("认真学习、宣传、贯彻习总书记重要讲话精神")
    with task_rules.disabled({"doctrine"}):
        assert not none_with(tasks_of(XINXIANG, units), "重要论述")
        assert not none_with(tasks_of(HAIHE, units), "生态文明思想")


CANGXI = "validation_r1/苍溪县深化省级文明城市建设工作推进会.txt"
COVID = "validation_r5/统筹推进疫情防控和经济社会发展工作部署会议_xwlb.txt"


def test_every_level_is_no_unit_of_its_own(units):
    # 各级各部门要…: one owner, as labelled (it was 各级 + 各部门)
    assert one(tasks_of(CANGXI, units), "自查自评").owners == ("各级各部门",)
    assert one(tasks_of(SAFETY, units), "完善各项规章制度").owners == ("各级各部门",)
    # 各级党委和政府: 各级 reaches 政府 too (it read 各政府)
    assert set(one(tasks_of(COVID, units), "加强力量薄弱地区防控").owners) == {"各级党委", "各级政府"}
    with task_rules.disabled({"level_collective"}):
        assert one(tasks_of(CANGXI, units), "自查自评").owners == ("各级", "各部门")


COUNTY = "validation_r1/创建市级文明县城专题会议.txt"


def test_pinning_each_duty_on_someone_is_work(units):
    # “市级文明县城”创建工作要抓重点、突难点、破节点，找准着力点，责任到单位、个人；(a thing as subject: no owner)
    assert one(tasks_of(COUNTY, units), "责任到单位").owners == ()
    # 各级各部门要明确职责分工，层层压实责任，确保每一项工作都有人抓、有人管。
    assert one(tasks_of(SAFETY, units), "明确职责分工").owners == ("各级各部门",)
    # the slogan alone stays out (validation_r2's 强化责任落实, validation_r3's 把责任落实落细)
    assert none_with(tasks_of("validation_r3/市市场监管局创文实地创建督导工作会议.txt", units), "把责任落实落细")
    with task_rules.disabled({"duty_assigned"}):
        assert none_with(tasks_of(COUNTY, units), "责任到单位")
        assert none_with(tasks_of(SAFETY, units), "明确职责分工")


def test_where_to_stand_and_what_to_understand_is_no_work(units):
    study = "../../../tests/data/elements/docs/validation_r29/hf_sj32475983_testdata.txt"
    # 各地各部门要深刻认识加强审计监督的重大意义，习惯在监督下开展工作。
    assert none_with(tasks_of(study, units), "重大意义")
    assert one(tasks_of(study, units), "组织干部职工学习宪法")  # the work beside it stays
    # 各相关部门要提高站位，深刻认识办好民生实事的重要性，…高质高效完成各项任务。
    jingshan = "validation_r5/京山市十大民生实事推进工作调度会议_jrjingshan.txt"
    assert none_with(tasks_of(jingshan, units), "提高站位")
    assert one(tasks_of(jingshan, units), "跟踪督办")
    with task_rules.disabled({"stance"}):
        assert not none_with(tasks_of(study, units), "重大意义")
        assert not none_with(tasks_of(jingshan, units), "提高站位")
