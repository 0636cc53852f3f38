"""会议纪要 that read like 纪要: condensed, in the meeting's voice, with tasks that are tasks.

Measured on the seed speech, a State Council report and a provincial report
whose rows carry （牵头单位：X）.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import CORPUS, SEED_SPEECH

from dangan.compose.minutes.speech import draft_minutes
from dangan.compose.minutes.voice import FIRST_PERSON_RE
from dangan.read.understand.units import load_units

MEETING = date(2022, 3, 26)
STATE_COUNCIL = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025" / "2022年中华人民共和国国务院政府工作报告.txt"
INNER_MONGOLIA = CORPUS / "txt" / "cn_provincial_gov_work_reports_2026_web_scrape" / "2026_内蒙古自治区_政府工作报告.txt"
VOICE_RE = re.compile(r"会议(?:听取|指出|认为|强调|要求|明确|决定|议定)")
EXHORTATIONS = ("充分认识", "必须迅速升温", "统一思想", "我相信", "焕然一新")


@pytest.fixture(scope="module")
def seed():
    return draft_minutes(SEED_SPEECH.read_text(encoding="utf-8"), MEETING, units=load_units(None))


def test_seed_body_is_condensed_into_the_meetings_voice(seed):
    stats = seed.stats()
    assert stats["ratio"] <= 0.45, stats
    body = seed.body_text()
    assert len(VOICE_RE.findall(body)) >= 2
    assert FIRST_PERSON_RE.search(body) is None, FIRST_PERSON_RE.findall(body)
    assert "全区" in body and "我区" not in body
    # numbers, names and owners verbatim
    for kept in ("113个社区", "“618工程”", "区委宣传部", "各相关职能部门", "通过一个月的努力", "具体做到“六动”："):
        assert kept in body
    assert seed.title == "创建办会部署会议纪要"
    assert [p.heading for p in seed.points] == ["认清形势迅速升温", "认清目标迅速行动", "认清责任迅速落实"]
    assert [s.heading for s in seed.points[1].subpoints][:2] == ["领导挂帅大推动", "全员参与大出动"]


def test_seed_tasks_are_tasks_with_owners_and_deadlines(seed):
    tasks = seed.tasks
    assert 10 <= len(tasks) <= 22
    for task in tasks:
        assert not any(word in task.text for word in EXHORTATIONS), task.text
        assert "我区" not in task.text
    owned = [t for t in tasks if t.owners]
    assert len(owned) / len(tasks) >= 0.7
    owners = {o for t in tasks for o in t.owners}
    assert {"区委宣传部", "各相关职能部门", "各挂点单位", "各街道"} <= owners
    month = [t for t in tasks if "一个月" in t.text]
    assert month and month[0].deadline == date(2022, 4, 26)
    publicity = next(t for t in tasks if "区委宣传部" in t.owners)
    assert publicity.lead == ("区委宣传部",) and set(publicity.owners) >= {"各部门", "各单位"}
    ranking = next(t for t in tasks if "排位原则" in t.text)
    assert ranking.owners == ("区创建办",)  # the unit that reported the ranking, the sentence before


def test_seed_events_are_milestones_not_deadlines(seed):
    assert {m.said for m in seed.milestones} >= {"九月份", "十月份"}
    assert all(t.deadline != date(2022, 9, 30) for t in seed.tasks)


def test_seed_opening_and_attendance_come_from_the_speech(seed):
    assert seed.opening.startswith("会议传达了市创建文明城市工作部署会精神")
    assert "听取了各相关单位" in seed.opening
    assert "副区长传达了" in seed.opening and "茂发区长" in seed.opening
    assert {"副区长", "茂发区长"} <= set(seed.attendance.present)
    assert "各相关单位负责同志" in seed.attendance.observers


def test_every_sentence_of_the_speech_is_accounted_for(seed):
    kept = [c for c in seed.choices if c.kept]
    dropped = [c for c in seed.choices if c.kept is None]
    assert kept and dropped
    assert any("我相信" in c.text for c in dropped) or all("我相信" not in c.text for c in seed.choices)
    assert all(c.kept and "我区" not in c.kept for c in kept)


@pytest.mark.parametrize(("length", "ratio"), [("short", 0.30), ("normal", 0.45), ("long", 0.65)])
def test_length_option_changes_the_budget(length, ratio):
    minutes = draft_minutes(SEED_SPEECH.read_text(encoding="utf-8"), MEETING, length=length)
    assert minutes.stats()["ratio"] <= ratio


def test_length_short_is_shorter_than_long():
    text = SEED_SPEECH.read_text(encoding="utf-8")
    short = draft_minutes(text, MEETING, length="short").stats()["body_chars"]
    long = draft_minutes(text, MEETING, length="long").stats()["body_chars"]
    assert short < long


def test_long_state_council_report_is_condensed_to_thirty_percent():
    minutes = draft_minutes(STATE_COUNCIL.read_text(encoding="utf-8"))
    assert minutes.date == date(2022, 3, 5)  # from the byline ——2022年3月5日在…会议上
    assert minutes.stats()["ratio"] <= 0.30
    body = minutes.body_text()
    assert len(VOICE_RE.findall(body)) >= 5
    assert FIRST_PERSON_RE.search(body) is None
    assert minutes.title == "第十三届全国人民代表大会第五次会议纪要"
    # the review of last year reports; it assigns nothing
    assert not [t for t in minutes.tasks if t.source.startswith("一、")]


def test_every_lead_unit_row_is_owned_by_its_lead_units():
    text = INNER_MONGOLIA.read_text(encoding="utf-8")
    minutes = draft_minutes(text, date(2026, 2, 4), units=load_units(None))
    rows = re.findall(r"^\d+\..*（牵头单位：([^）]+)）", text, flags=re.M)
    assert len(rows) == 10
    for leads in rows:
        names = tuple(leads.split("、"))
        assert any(t.lead == names for t in minutes.tasks), names
    # a provincial report's 卫健委 is not the district's 区卫健委
    assert not any(o.startswith("区") for t in minutes.tasks for o in t.owners if o.endswith("卫健委"))


def test_a_speech_without_numbered_headings_still_gives_points_and_tasks():
    text = SEED_SPEECH.read_text(encoding="utf-8")
    flat = re.sub(r"(?m)^(?:[一二三四五六七八九十]+、|\d、).*$", "", text)  # the numbered headings taken out
    flat = re.sub(r"[一二三四五六]是", "", flat)
    minutes = draft_minutes(flat, MEETING)
    assert minutes.title == "创建办会部署会议纪要"
    assert len(minutes.points) >= 3
    assert len(minutes.tasks) >= 8
    assert any("区委宣传部" in t.owners for t in minutes.tasks)


RECORD = """区创建办工作例会会议记录
时间：2022年4月6日
地点：区行政中心三楼会议室
主持人：李明
参会人员：张三、李四、王五
请假人员：赵六
记录人：钱七
议程一：通报3月份创建工作进展
区创建办通报了3月份各街道创建工作排位情况，鼓楼街道排名第一。
议程二：部署背街小巷整治
会议要求，各街道要在4月15日前完成背街小巷环境卫生整治，每周报送一次进度。
跟进者：区城管局
议程三：研究志愿服务活动安排
会议决定，由团区委牵头，各社区配合，每月组织一次文明劝导志愿服务活动。
"""


def test_a_meeting_record_gives_points_tasks_and_attendance():
    minutes = draft_minutes(RECORD, None, units=load_units(None))
    assert minutes.title == "区创建办工作例会纪要"
    assert minutes.date == date(2022, 4, 6)
    assert [p.heading for p in minutes.points] == ["通报3月份创建工作进展", "部署背街小巷整治", "研究志愿服务活动安排"]
    assert minutes.attendance.present == ("张三", "李四", "王五") and minutes.attendance.absent == ("赵六",)
    assert minutes.meeting == {"place": "区行政中心三楼会议室", "host": "李明"}
    street, volunteers = minutes.tasks
    assert street.lead == ("区城管局",) and street.deadline == date(2022, 4, 15) and street.frequency == "每周"
    assert volunteers.lead == ("团区委",) and volunteers.owners == ("团区委", "各社区")
    assert volunteers.frequency == "每月" and volunteers.deadline is None


def test_an_offices_own_unit_list_from_departments_json():
    import json

    from dangan.read.understand.units import units_from_records

    records = json.loads((CORPUS.parent / "data" / "cepingtixi" / "departments.json").read_text(encoding="utf-8"))
    minutes = draft_minutes(SEED_SPEECH.read_text(encoding="utf-8"), MEETING, units=units_from_records(records))
    owners = {o for t in minutes.tasks for o in t.owners}
    assert {"区委宣传部", "各相关职能部门", "各挂点单位", "各街道"} <= owners


def test_a_provincial_report_of_middling_length_is_condensed_as_a_report():
    text = (CORPUS / "txt" / "cn_provincial_gov_work_reports_2026_web_scrape" / "2026_河北省_政府工作报告.txt").read_text(
        encoding="utf-8")
    minutes = draft_minutes(text, None)
    assert minutes.speech_chars < 12_000 and minutes.stats()["ratio"] <= 0.30
    assert minutes.title == "河北省第十四届人民代表大会第四次会议纪要"
    assert minutes.opening.startswith("会议听取并审议了")
