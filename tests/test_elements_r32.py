"""Round 32 of issue 15: validation_r32's untouched misses read by form (rule address_not_title).

A line that is the 称谓 or the 主送 alone (尊敬的各位领导：, 各位代表：, 各区县人民政府，市政府各部门：) stands under the
title in GB/T 9704's layout: no reading takes it for the title, and a text that opens with it has no heading above it.

Each reading is checked on the real file that showed it, with its rule off for what it read before, on other families'
files that show the same form, and on every other labelled file, which must read as before.
"""
from __future__ import annotations

import json

from labelled_elements import DATA, assert_reads_as_before, doc_fields, source_path

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen_lines import address_line
from dangan.read.understand.gongwen_text import compact
from dangan.read.understand.metadata import fallback_title

ADDRESS = {"address_not_title"}

BLOG = "validation_r32/report-2023.md"
REPORT_1954 = "txt/cn_state_council_gov_work_reports_1954_2025/1954年中华人民共和国国务院政府工作报告.txt"
LUFENG = "docs/gov_site_pages_5/禄丰市人民政府常务会议议事规则印发.txt"
PANSHAN = "docs/validation_r24/盘山县创卫任务分解通知_繁体.txt"


def _text(source: str) -> str:
    path = source_path(source)
    return extractor_for(detect_mime(path)).extract(path, Limits()).text


def test_a_greeting_is_never_the_title() -> None:
    # validation_r32, untouched: the blog's body opens at 尊敬的各位领导： (its title only in the front matter): the
    # first-line stand-in took the greeting; the file's name stands in instead
    with rules.disabled({"front_matter_fields"}):
        assert doc_fields(BLOG)["title"] == "report-2023"
        with rules.disabled(ADDRESS):
            assert doc_fields(BLOG)["title"] == "尊敬的各位领导："


def test_a_text_opening_at_its_address_has_no_heading_above_it() -> None:
    # other families' texts whose first line is the 称谓 or the 主送 (各位代表：, a 主送 list, a Traditional 主送):
    # read right by their own heading or file name; the stand-in gives the file's name, never the address line
    for source, line, shown in ((REPORT_1954, "各位代表：", "各位代表："),
                                (LUFENG, "云南禄丰产业园区管委会,各乡镇人民政府,市级各部门:",
                                 "云南禄丰产业园区管委会,各乡镇人民政府,市级各部门:"),
                                (PANSHAN, "各鎮(zhèn)人民政府,縣政府各有關(guān)部門:", "各鎮人民政府,縣政府各有關部門:")):
        text, name = _text(source), source_path(source).name
        assert text.lstrip().startswith(line)
        assert fallback_title(text, name).value == name.rsplit(".", 1)[0]
        with rules.disabled(ADDRESS):
            assert fallback_title(text, name).value == shown   # (the stand-in drops a mirror's pinyin)


def test_address_lines_by_form_and_no_label_is_one() -> None:
    for line in ("尊敬的各位领导：", "各位领导、同志们：", "各区县人民政府，市政府各部门：", "同志们:", "亲爱的市民朋友们："):
        assert address_line(line), line
    for line in ("具体工作：", "年度述职报告", "关于开展文明城市创建工作的通知", "尊敬的各位领导：大家好！"):
        assert not address_line(line), line
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    assert not [lab["title"] for lab in labels if lab["title"] not in ("", "?") and address_line(compact(lab["title"]))]


def test_every_other_labelled_file_reads_as_before() -> None:
    assert_reads_as_before(ADDRESS, changed={BLOG}, round_family="validation_r32", docs_only=False)
