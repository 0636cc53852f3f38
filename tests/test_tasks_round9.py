"""Round 9 of the task list on real speeches (bench/data/tasks): rules for causes that two or more untouched first
runs show (validation_r3, _r5, _r6, _r7 and _r8 pooled). Each rule is also switched off to show the row it decides."""
from __future__ import annotations

from real_tasks import DATA, none_with, one, tasks_of

from dangan.compose.minutes import task_rules
from dangan.compose.minutes.speech_directives import modal_positions
from dangan.compose.minutes.task_cues import strip_talk

ENV = "validation_r8/全国环境保护工作会议讲话_繁体_yyxwj.txt"
RURAL = "validation_r8/中央农村工作会议_gongyishibao.txt"
EDUCATION = "validation_r6/市教育局长在县区教育工作座谈会上的讲话_huatianclub.txt"
PARTY = "validation_r6/在街道党建联席会议上的讲话_wentop.txt"
RIVERS = "validation_r7/全面推行河湖长制工作部际联席会议_繁体_people.txt"
CHANGZHI_R7 = "validation_r7/长治市召开新时代文明实践中心建设工作推进会_繁体_sxrb.txt"
VILLAGES = "validation_r5/全省实施乡村振兴战略工作视频会_zzyxxw.txt"


def test_yao_inside_a_word_is_no_modal(units):
    # validation_r8: 农村现代化是建设农业强国的内在要求和必要条件，… (必要 read as 要, 建设 as its work);
    # validation_r6: 今天的会议也有美中不足，…但这不要紧，… (不要紧 read as 要)
    assert none_with(tasks_of(RURAL, units), "必要条件")
    assert none_with(tasks_of(EDUCATION, units), "不要紧")
    assert modal_positions("增设必要的消防器材。") == []
    # the modal stays where it is one: 务必要…, 要紧盯… (validation_r5's gold rows open so)
    assert modal_positions("各单位务必要抓好整改。") == [3, 5]
    assert modal_positions("要紧盯重点环节，扎实开展全链条监管。") == [0]
    with task_rules.disabled({"word_yao"}):
        assert not none_with(tasks_of(RURAL, units), "必要条件")
        assert not none_with(tasks_of(EDUCATION, units), "不要紧")


def test_the_role_a_body_brings_is_no_work(units):
    # validation_r7: 要充分发挥联席会议制度作用，密切协作、并肩作战，形成江河保护治理的强大合力。 — no work
    rivers = tasks_of(RIVERS, units)
    assert none_with(rivers, "发挥联席会议制度作用")
    assert one(rivers, "成效经验")  # the gold row of the same part stays
    # validation_r8: 充分发挥环境保护对发展转型升级的引导、优化和促进作用 — its 优化, 促进 are the role's
    assert "促进" not in strip_talk("充分发挥环境保护对发展转型升级的引导、优化和促进作用。")
    # a row with work beside the role keeps it (traditional_mirror's 牵头部门要发挥好牵头揽总作用，督促各责任单位…)
    assert "督促" in strip_talk("牵头部门要发挥好牵头揽总作用，督促各责任单位协调解决问题。")
    with task_rules.disabled({"role_goal"}):
        assert not none_with(tasks_of(RIVERS, units), "发挥联席会议制度作用")


def test_the_state_to_bring_about_is_the_goal(units):
    # validation_r8: 要一体推进农业现代化和农村现代化，实现乡村…的全面提升; 要紧盯…，加快实现…农业科技自立自强;
    # validation_r6: （一）要推动党建工作与中心工作深度融合 (the outline's heading)
    rural = tasks_of(RURAL, units)
    assert none_with(rural, "一体推进农业现代化", "自立自强")
    assert none_with(tasks_of(PARTY, units), "深度融合")
    # the work in the same speeches stays: 稳慎推进农村宅基地制度改革试点; 三是…将考核结果与…挂钩
    assert one(rural, "宅基地制度改革试点").owners == ()
    assert one(tasks_of(PARTY, units), "将考核结果")
    # the state must close the clause: 推进…改造 is work
    assert "推进" in strip_talk("加快推进老旧小区改造。")
    with task_rules.disabled({"state_goal"}):
        assert not none_with(tasks_of(RURAL, units), "一体推进农业现代化")
        assert not none_with(tasks_of(PARTY, units), "深度融合")


def test_keeping_to_a_course_is_how_to_work(units):
    # validation_r5: 要始终坚持实施乡村振兴战略的正确方向。 — no work (实施 is inside the course's name)
    alone = "要始终坚持实施乡村振兴战略的正确方向。"
    assert alone not in [t.text for t in tasks_of(VILLAGES, units)]
    assert "实施" not in strip_talk(alone)
    # validation_r8: 坚持稳中求进工作总基调 is the same form
    assert "稳中求进" not in strip_talk("要坚持稳中求进工作总基调，开展排查。")
    with task_rules.disabled({"course_principle"}):
        assert alone in [t.text for t in tasks_of(VILLAGES, units)]


def test_a_yyxwj_goal_sentence_is_gone_and_its_work_stays(units):
    # validation_r8's 环保 part 三: the principle-and-goals sentence (role, state, course, level together) drafts no row;
    # 在去产能方面，要严格执行…，落实好企业达标排放行动，推动“小散乱污”企业整治 stays, with no owner
    env = tasks_of(ENV, units)
    assert none_with(env, "新发展理念")
    assert one(env, "企业整治").owners == ()


def test_traditional_zhe_reads_as_simplified_zhe(units):
    # the rendered 纪要 of validation_r8's 环保 page and validation_r7's 长治 row read 著力推动, 著眼凝聚群众: t2s keeps
    # Traditional 著 where Simplified writes 着; Simplified text keeps 著 only in words such as 著作, 显著, 卓著
    from dangan.compose.minutes.speech_text import prepare_text

    assert prepare_text("隨著時代發展，要著力推動，著眼長遠；他的著作很有名，成績顯著。") == \
        "随着时代发展，要着力推动，着眼长远；他的著作很有名，成绩显著。"
    changzhi = tasks_of("validation_r7/长治市召开新时代文明实践中心建设工作推进会_繁体_sxrb.txt", units)
    assert not none_with(changzhi, "着眼凝聚群众") and none_with(changzhi, "著眼")
    # a Simplified page's 显著 stays (validation_r7's 老旧小区 page: 环境显著改善)
    housing = prepare_text((DATA / "validation_r7/老旧小区改造工作推进会讲话_gongwenhui.txt").read_text(encoding="utf-8"))
    assert "环境显著改善" in housing


def test_support_as_a_noun_is_no_work(units):
    # validation_r3: 要配齐人员、强化保障，统一调度。 (a heading of the sentences after it); validation_r7: 主体责任要再压实，
    # 保障机制要再强化。 (slogans) — 保障 was read as the verb
    market = "validation_r3/市市场监管局创文实地创建督导工作会议.txt"
    assert none_with(tasks_of(market, units), "强化保障")
    assert none_with(tasks_of(CHANGZHI_R7, units), "保障机制要再强化")
    # 保障 with its work stays: validation_r3's gold 确保实地督导公务用车保障充足，优先调配
    assert one(tasks_of(market, units), "公务用车保障充足")
    with task_rules.disabled({"support_noun"}):
        assert not none_with(tasks_of(market, units), "强化保障")
        assert not none_with(tasks_of(CHANGZHI_R7, units), "保障机制要再强化")
