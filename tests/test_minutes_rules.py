"""The rules under the minutes: owners, timing, exhortations, voice, titles, sign-in sheets."""
from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest

from dangan.compose.minutes.attendance import read_attendance
from dangan.compose.minutes.meeting import meeting_title
from dangan.compose.minutes.owners import find_owners
from dangan.compose.minutes.speech import draft_minutes
from dangan.compose.minutes.speech_directives import is_exhortation
from dangan.compose.minutes.timing import read_timing
from dangan.compose.minutes.voice import meeting_voice
from dangan.errors import DanganError
from dangan.read.understand.units import load_units

MEETING = date(2022, 3, 26)  # a Saturday


@pytest.mark.parametrize(("sentence", "lead", "support"), [
    ("由区委宣传部牵头，各部门、各单位积极配合，大力宣传先进事迹。", ("区委宣传部",), ("各部门", "各单位")),
    ("加装电梯500部以上（牵头单位：住建厅；责任单位：各盟市）。", ("住建厅",), ("各盟市",)),
    ("提高城乡居民基础养老金标准（牵头单位：农牧厅、林草局、人社厅）。", ("农牧厅", "林草局", "人社厅"), ()),
    ("完成背街小巷整治（责任单位：区城管局）。", ("区城管局",), ()),
    ("各街道、镇要研究制定好工作方案。", ("各街道", "各镇"), ()),
    ("区城管局负责，各社区参与，清理卫生死角。", ("区城管局",), ("各社区",)),
    ("宣传部负责制作公益广告。", ("区委宣传部",), ()),
])
def test_owners_from_every_form(units, sentence, lead, support):
    from dangan.compose.minutes.speech_directives import modal_at

    owners = find_owners(sentence, units, modal_at(sentence))
    assert owners.lead == lead
    assert owners.support == support


def test_a_recipient_is_not_an_owner(units):
    owners = find_owners("对违纪的人员要向区纪委报告。", units, 6)
    assert "区纪委监委" not in owners.all


@pytest.mark.parametrize(("sentence", "deadline", "frequency"), [
    ("“三大战役”的目标是：通过一个月的努力，突破六大难点。", date(2022, 4, 26), None),
    ("各街道要在月底前完成整改。", date(2022, 3, 31), None),
    ("区创建办下周拿出排位方案。", date(2022, 4, 3), None),
    ("一般性信息要在3天内报送。", None, "3天内"),
    ("各街道每月报送一次创建台账。", None, "每月"),
    ("会后3天内报送整改方案。", date(2022, 3, 29), None),
    ("各社区要在4月15日前完成整治，每周报送进度。", date(2022, 4, 15), "每周"),
])
def test_deadlines_and_frequencies(sentence, deadline, frequency):
    timing = read_timing(sentence, MEETING)
    assert timing.deadline == deadline
    assert timing.frequency == frequency


def test_an_event_is_a_milestone_not_a_deadline():
    timing = read_timing("九月份创建国家文明城检查组就要到来检查评比，我们要迅速升温。", MEETING)
    assert timing.deadline is None
    assert [(m.said, m.when) for m in timing.milestones] == [("九月份", date(2022, 9, 30))]


@pytest.mark.parametrize("sentence", [
    "大家要充分认识到这是形势所需、发展所迫、职责所在。",
    "从今天开始，“创建办会”工作必须迅速升温。",
    "全区上下要进一步统一思想、提高认识、增强“创建办会”的责任感、压力感、紧迫感。",
    "要做好“创建办会”工作，就必须要有“担当”的精神和“担责”的魄力，来迎接这次大考验。",
])
def test_exhortations_are_not_tasks(sentence):
    assert is_exhortation(sentence)


@pytest.mark.parametrize("sentence", [
    "各相关职能部门要迅速制定好“618工程”和“113工程”进度推进表。",
    "各部门、各单位要发扬“不放心”、“在路上”、“马上办”三种精神，加大督查和调度的力度。",
])
def test_assignments_are_not_exhortations(sentence):
    assert not is_exhortation(sentence)


@pytest.mark.parametrize(("said", "minutes"), [
    ("我区各单位也要迅速按照挂点帮扶的要求进行挂点帮扶。", "全区各单位也要迅速按照挂点帮扶的要求进行挂点帮扶。"),
    ("我们要借助这一机遇，加快道路整治。", "要加快道路整治。"),
    ("各部门、各单位要发扬“马上办”精神，加大督查和调度的力度。", "各部门、各单位要加大督查和调度的力度。"),
    ("从今天开始，各街道要全面排查。", "自即日起，各街道要全面排查。"),
])
def test_meeting_voice(said, minutes):
    assert meeting_voice(said) == minutes


@pytest.mark.parametrize("aside", ["我相信，只要我们认清了形势，一定能取得新的更大的成绩。",
                                   "都讲得很好，我都同意，请同志们认真贯彻落实。", "下面，我再讲三点意见。"])
def test_asides_are_dropped(aside):
    assert meeting_voice(aside) is None


@pytest.mark.parametrize(("candidates", "title"), [
    (("书记在创建办会部署会讲话",), "创建办会部署会议纪要"),
    (("在全区安全生产工作会议上的讲话",), "全区安全生产工作会议纪要"),
    (("【法宝引证码】 CLI.12.748997会议纪要", "区委常委会会议纪要"), "区委常委会会议纪要"),
    (("召开# Meeting Minutes",), "会议纪要"),
    (("— 1 —",), "会议纪要"),
    (("第十四届全国人民代表大会第二次会议听取和审议了国务院总理李强所作的",), "会议纪要"),
    ((None, "2019年中华人民共和国国务院政府工作报告"), "关于听取2019年中华人民共和国国务院政府工作报告的会议纪要"),
])
def test_titles_never_come_from_a_stray_line(candidates, title):
    assert meeting_title(*candidates) == title


def test_sign_in_sheets_in_three_formats(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["创建办会部署会签到表"])
    sheet.append(["序号", "姓名", "单位", "职务", "签到"])
    sheet.append([1, "张三", "区委宣传部", "部长", "√"])
    sheet.append([2, "李四", "区城管局", "局长", "请假"])
    sheet.append([3, "王五", "鼓楼街道", "主任", "列席"])
    book.save(tmp_path / "签到表.xlsx")
    got = read_attendance(tmp_path / "签到表.xlsx")
    assert got.present == ("张三（区委宣传部部长）",)
    assert got.absent == ("李四（区城管局局长）",)
    assert got.observers == ("王五（鼓楼街道主任）",)

    (tmp_path / "签到表.txt").write_text("姓名\t单位\t备注\n赵六\t区财政局\t\n钱七\t区教育局\t因公请假\n", encoding="gb18030")
    got = read_attendance(tmp_path / "签到表.txt")
    assert got.present == ("赵六（区财政局）",) and got.absent == ("钱七（区教育局）",)

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for cell, value in zip(table.rows[0].cells + table.rows[1].cells, ["姓名", "单位", "孙八", "区民政局"]):
        cell.text = value
    document.save(tmp_path / "签到表.docx")
    assert read_attendance(tmp_path / "签到表.docx").present == ("孙八（区民政局）",)


def test_a_bad_sign_in_sheet_is_a_clear_error(tmp_path):
    bad = tmp_path / "签到表.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(DanganError, match="签到表"):
        read_attendance(bad)
    (tmp_path / "空.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(DanganError, match="没有读到"):
        read_attendance(tmp_path / "空.txt")
    (tmp_path / "签到表.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(DanganError, match="格式不支持"):
        read_attendance(tmp_path / "签到表.pdf")


@pytest.mark.parametrize("said", ["全区上下要加快道路整治。", "全县上下要加快道路整治。", "全市干部群众都要加快道路整治。"])
def test_the_whole_place_exhorted_is_no_owner_of_a_task(said):
    # 全县上下 / 全市上下 as the real county and city speeches say it (bench/data/tasks/model_text), like 全区上下
    assert draft_minutes("同志们：\n" + said, MEETING).tasks == ()
    assert [t.owners for t in draft_minutes("同志们：\n各街道要加快道路整治。", MEETING).tasks] == [("各街道",)]


def test_a_year_naming_the_work_is_no_deadline():
    # 随州创建省级文明城市紧急会议 (bench/data/tasks/gov_news): 今年的创建工作涉及市民调查和网民调查，要把…迅速分送到户
    said = "今年的创建工作涉及市民调查和网民调查，要把《创建知识手册30问》迅速分送到户。"
    assert read_timing(said, MEETING).deadline is None
    assert read_timing("今年要把手册分送到户。", MEETING).deadline == date(2022, 12, 31)


def test_a_county_speech_keeps_its_own_leaders():
    # the default unit list is a district's; a county speech's 县级领导 stays 县级领导, not the district's 区级领导
    units = load_units(None)
    said = "同志们：\n县级领导要带头深入联系点督导检查。"
    assert [t.owners for t in draft_minutes(said, MEETING, units=units).tasks] == [("县级领导",)]
    assert units.normalise("区领导") == "区级领导"
