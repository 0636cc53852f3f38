"""A list item's mark is layout, not the start of its sentence: the task reader reads the owner past it.

validation_r6's 消防 record lists its work under 二、下一步工作部署 as Markdown-like bullets (- 各企事业单位负责人要切实
履行好第一责任人职责，建立健全内部管理制度。); the "- " hid the subject before 要, and the row went to the ledger with no
owner. The same file is read with each mark a speech typed in Word, WPS or Markdown leaves in its place."""
from __future__ import annotations

import re
from datetime import date

import pytest
from real_tasks import DATA, none_with, one, tasks_of

from dangan.compose.minutes.speech import draft_minutes
from dangan.text.list_marks import drop_list_mark

FIRE = "validation_r6/市应急管理局消防工作会议_wx1990.txt"
MEETING = date(2023, 10, 15)


def test_the_owner_after_a_dash_bullet(units):
    fire = tasks_of(FIRE, units, MEETING)
    row = one(fire, "建立健全内部管理制度")
    # a role: the task's 责任领导 since owners18 (it was read as a unit before), kept apart from the units
    assert (row.leaders, row.owners) == (("各企事业单位负责人",), ())
    assert row.text.startswith("各企事业单位负责人要")  # the ledger row does not open with the mark either
    assert not [t.text for t in fire if t.text.startswith(("-", "•"))]
    # the unit before 要 on a bullet line (各街道办事处) is the owner, as the labels read it
    assert one(fire, "开展消防安全宣传活动").owners
    # a bullet line of the work list is judged as an item (加强…沟通协作 names no work), not as a continuation
    assert none_with(fire, "沟通协作")


# Word's and WPS's bullets as plain text keeps them (• · ● ◆ ■ ➢ √ ★, Symbol's  and Wingdings' Ø § ü before a
# tab), Markdown's * + and task box, a dash run, and item numbers no outline reads.
MARKS = ["* ", "+ ", "• ", "· ", "●", "◆ ", "■ ", "➢ ", "√", "★", "\uf0b7\t", "Ø\t", "§\t", "ü\t", "——", "－ ",
         "- [ ] ", "- [x] ", "1) ", "1）", "a) ", "⑴", "⒈", "    -   "]


@pytest.mark.parametrize("mark", MARKS)
def test_every_list_mark(units, mark):
    text = (DATA / FIRE).read_text(encoding="utf-8")
    marked = re.sub(r"(?m)^- ", lambda _: mark, text)
    assert marked != text
    tasks = list(draft_minutes(marked, MEETING, units=units).tasks)
    assert one(tasks, "建立健全内部管理制度").leaders == ("各企事业单位负责人",)
    assert one(tasks, "对老旧建筑进行集中排查").owners == ()  # the work items under 下一步工作部署 still read
    assert none_with(tasks, "沟通协作")


def test_circled_numbers_are_the_outline_s(units):
    # ①②: GB/T 9704's fifth level, which the outline reads as parts; the owner is read all the same
    text = (DATA / FIRE).read_text(encoding="utf-8")
    out, n = [], 0
    for line in text.split("\n"):
        n = 0 if re.match(r"^\d\. ", line) else n
        if line.startswith("- "):
            line, n = "①②③"[n] + line[2:], n + 1
        out.append(line)
    tasks = list(draft_minutes("\n".join(out), MEETING, units=units).tasks)
    assert one(tasks, "建立健全内部管理制度").leaders == ("各企事业单位负责人",)


def test_what_is_no_list_mark():
    assert drop_list_mark("- 各街道要…") == "各街道要…"
    assert drop_list_mark("•\t• 各街道要…") == "各街道要…"
    for words in ("-5℃以下要停工", "1.5万元要在月底前拨付", "*注：…", "一、下一步工作", "（一）加强宣传", "1. 加强宣传",
                  "2024年底前完成", "l各街道", "Ø各街道", "各街道要…"):
        assert drop_list_mark(words) == words


EDUCATION = "validation_r6/市教育局长在县区教育工作座谈会上的讲话_huatianclub.txt"


def test_an_item_word_and_a_request_are_not_the_unit(units):
    """…我提三点要求：一是请办公室尽快整理成文…；二是请教研室和办公室抓紧时间起草…: the item word the outline
    left in the paragraph and the 请 of the request went into the owner (一是请办公室)."""
    rows = tasks_of(EDUCATION, units, date(2022, 6, 1))
    assert one(rows, "尽快整理成文").owners == ("办公室",)
    assert not [owner for t in rows for owner in t.owners if owner.startswith(("一是", "二是", "请"))]
