"""Round 8 of the task list on real speeches (bench/data/tasks): rules for causes that two or more untouched first
runs show (validation_r3, _r5, _r6 and _r7 pooled; gov_news's first run for `need_noun`). Each rule is also switched
off to show the row it decides."""
from __future__ import annotations

from real_tasks import none_with, one, tasks_of

from dangan.compose.minutes import task_rules
from dangan.compose.minutes.speech_directives import modal_positions
from dangan.compose.minutes.task_cues import strip_talk

SAFETY = "validation_r5/全区安全生产工作会议讲话_cqtzb.txt"
STRAW = "validation_r5/全市三秋生产暨秸秆禁烧工作电视电话会议_zhoukou.txt"
BUSINESS = "validation_r6/全市优化营商环境一号工程大会讲话_wtabcd.txt"
CHANGZHI = "validation_r7/长治市召开新时代文明实践中心建设工作推进会_繁体_sxrb.txt"
CHANGPING = "validation_r2/昌平区创建全国文明城区12月调度会.txt"
HOUSING = "validation_r7/老旧小区改造工作推进会讲话_gongwenhui.txt"
LIVING = "validation_r6/省委省政府召开全省提升城乡人居环境行动会议_hhky.txt"
SANMING = "gov_news/三明市志愿服务推进会暨文明单位为创建文明城市做贡献动员大会.txt"
HUAIBEI = "traditional_mirror/淮北市專項行動領導小組第二次會議.txt"


def test_the_result_to_reach_is_no_work(units):
    # validation_r5: 力争实现“三秋”期间零火点, 提升监管效能，实现精准化、智能化监管; validation_r6: 推动“一号工程”落地见效，
    # 确保…开创新局面、实现新突破、收获新成效; validation_r7: 推动…工作提升新水平, 保障…中心建设稳步发展
    rows = {SAFETY: "实现精准化", STRAW: "零火点", BUSINESS: "落地见效", CHANGZHI: "稳步发展"}
    for name, phrase in rows.items():
        assert none_with(tasks_of(name, units), phrase), name
    assert none_with(tasks_of(CHANGZHI, units), "提升新水平")
    # the work in the same speeches stays: 开展规范提升月行动, 示范中心 (各县（区）)
    assert one(tasks_of(CHANGZHI, units), "规范提升月行动")
    # 实现 alone is work: the held-out 淮北 row's only verb (抓实…第一阶段工作，…实现人人参与、个个参加)
    assert one(tasks_of(HUAIBEI, units), "第一阶段工作")
    with task_rules.disabled({"reach_goal"}):
        for name, phrase in rows.items():
            assert not none_with(tasks_of(name, units), phrase), name


def test_a_level_word_with_its_alternatives_in_brackets_is_one_unit(units):
    # validation_r7: 各县（区）要认真贯彻落实…，加快推动示范中心（所、站）建设工作 — it was read as no one
    assert one(tasks_of(CHANGZHI, units), "示范中心").owners == ("各县（区）",)
    # validation_r2: 各镇（街）、各主责部门要… — it was read as 各镇 (the fallback's 各X)
    changping = tasks_of(CHANGPING, units)
    assert one(changping, "开展常态测评").owners == ("各镇（街）", "各主责部门")
    with task_rules.disabled({"bracket_unit"}):
        assert one(tasks_of(CHANGZHI, units), "示范中心").owners == ()
        assert one(tasks_of(CHANGPING, units), "开展常态测评").owners == ("各镇",)


def test_a_bare_verb_after_a_manner_word_says_how_to_work(units):
    # validation_r7: 县直各部门和各办事处要凝聚智慧、因地制宜、创新推动，做到功能与颜值并重 — no work
    housing = tasks_of(HOUSING, units)
    assert none_with(housing, "创新推动")
    assert one(housing, "积极向上对接").owners == ("县住建局",)
    # validation_r6: 统一规划、统一部署，统筹推进、统筹考核 leave 统筹城乡整治行动 (that row stays)
    assert "部署" not in strip_talk("统一规划、统一部署，统筹推进、统筹考核。")
    with task_rules.disabled({"bare_verb"}):
        assert not none_with(tasks_of(HOUSING, units), "创新推动")


def test_need_as_a_noun_or_a_whole_societys_part_directs_no_one(units):
    # validation_r6: 提升城乡人居环境是维护群众切身利益的迫切需要，是…; gov_news: 创建全国文明城市是一项系统性工程，
    # 需要全社会的共同参与。
    assert none_with(tasks_of(LIVING, units), "迫切需要")
    assert none_with(tasks_of(SANMING, units), "需要全社会")
    assert modal_positions("各街道需要在月底前完成整改。") == [3]  # 需要 as a modal stays one
    with task_rules.disabled({"need_noun"}):
        assert not none_with(tasks_of(LIVING, units), "迫切需要")
        assert not none_with(tasks_of(SANMING, units), "需要全社会")


def test_a_row_starts_at_the_work_not_at_the_plan_it_follows(units):
    # rendered 纪要 of validation_r7's 长治 page: the row read 各县（区）要认真贯彻落实中央《…》和省文明委《…》精神，结合
    # 长治市实际情况，加快推动示范中心（所、站）建设工作，… — a clerk reads the work first
    row = one(tasks_of(CHANGZHI, units), "示范中心")
    assert row.text.startswith("各县（区）要加快推动示范中心（所、站）建设工作")
    # wording only: a row whose first clause is its work keeps it (县住建局要加快工作进度，积极向上对接…)
    assert one(tasks_of(HOUSING, units), "积极向上对接").text.startswith("县住建局要加快工作进度")


FOOD = "validation_r5/食品安全工作会议_wblndd.txt"
CITY = "validation_r6/全市城市管理工作会议召开_dzrbs.txt"


def test_the_force_to_build_is_a_capability(units):
    # validation_r5: 要持续加强监管队伍建设，打造一支作风优良、依法履职、人民满意的执法队伍。 — no work
    assert none_with(tasks_of(FOOD, units), "执法队伍")
    # validation_r6: 锻造…城管铁军 is the same form (that row stays for 加强党的建设); 培养…队伍 (training people,
    # validation_r5's gold 坚持培养新型职业农民队伍) stays work
    assert "铁军" not in strip_talk("全市城管系统要锻造忠诚干净担当的城管铁军。")
    assert "培养" in strip_talk("坚持培养新型职业农民队伍。")
    assert one(tasks_of(CITY, units), "污水治理攻坚行动")
    with task_rules.disabled({"capability_team"}):
        assert not none_with(tasks_of(FOOD, units), "执法队伍")
