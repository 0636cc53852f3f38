"""Round 32 of issue 15: validation_r32's untouched misses read by form (rules address_not_title, site_front_matter).

A line that is the 称谓 or the 主送 alone (尊敬的各位领导：, 各位代表：, 各区县人民政府，市政府各部门：) stands under the
title in GB/T 9704's layout: no reading takes it for the title, and a text that opens with it has no heading above it.
A blog's front matter (Hugo, Jekyll, Hexo: title:, date:) is the file's record of the post: its title read where the
body has none, its date the posting day, never the 成文日期.

Each reading is checked on the real file that showed it, with its rule off for what it read before, on other families'
files that show the same form, and on every other labelled file, which must read as before.
"""
from __future__ import annotations

import json
from pathlib import Path

from labelled_elements import DATA, assert_reads_as_before, doc_fields, source_path

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen_lines import address_line
from dangan.read.understand.gongwen_text import compact
from dangan.read.understand.metadata import fallback_title, read_facts

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
        with rules.disabled(ADDRESS | {"fragment_not_title"}):   # (a 主送 list holds clause marks too)
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


# --- a blog or site generator's front matter ("site_front_matter") ------------------------------------------------

SITE = {"site_front_matter"}


def _blog_as(front: str, tmp_path: Path) -> Path:
    """The real blog post with its YAML front matter written the way another site generator writes it."""
    source = source_path("docs/" + BLOG).read_text(encoding="utf-8")
    body = source.split("\n---\n", 1)[1]
    path = tmp_path / "report-2023.md"
    path.write_text(front + body, encoding="utf-8")
    return path


def test_a_posts_front_matter_title_is_read_where_the_body_has_no_heading() -> None:
    # validation_r32, untouched: date: 2023-12-18 / title: 年度述职报告 over a body opening at 尊敬的各位领导：
    assert doc_fields(BLOG) == {"title": "年度述职报告", "doc_number": "", "issuer": "", "doc_date": "", "doc_type": "报告"}
    # (its 尊敬的各位领导：大家好！ reads as a speech's greeting when the front matter is not read: speech_greeting)
    with rules.disabled(SITE | {"speech_greeting"}):
        assert (doc_fields(BLOG)["title"], doc_fields(BLOG)["doc_type"]) == ("report-2023", "")


def test_a_posts_date_is_its_posting_day_never_its_date() -> None:
    path = source_path("docs/" + BLOG)
    meta = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0]
    assert meta.posted_date is not None and meta.posted_date.value == "2023-12-18"
    assert meta.doc_date is None
    # validation_r23's records: 发布日期 is the page's posting day too; the 成文日期 stays the text's
    beian = source_path("docs/validation_r23/上海市绿化和市容管理局关于《上海市户外招牌设置管理暂行办法》的备案报告.md")
    meta = read_facts(extractor_for(detect_mime(beian)).extract(beian, Limits()), beian.name)[0]
    assert (meta.posted_date.value if meta.posted_date else None, meta.doc_date) == ("2010-06-28", None)


def test_hugo_toml_and_hexo_open_front_matter(tmp_path: Path) -> None:
    # the same post as Hugo writes it (TOML between +++ lines, an unquoted date-time) and as Hexo may (no opening ---,
    # a date with slashes): the front matter stays out of the text, its title and day are read the same way
    for front in ("+++\ntitle = '年度述职报告'\ndate = 2023-12-18T10:00:00+08:00\ndraft = false\n+++\n",
                  "title: 年度述职报告\ndate: 2023/12/18 10:00:00\ntags:\n  - work\n---\n"):
        path = _blog_as(front, tmp_path)
        extracted = extractor_for(detect_mime(path)).extract(path, Limits())
        assert extracted.text.startswith("尊敬的各位领导：") and "title" not in extracted.text
        meta = read_facts(extracted, path.name)[0]
        assert (meta.title.value if meta.title else None, meta.doc_type.value if meta.doc_type else None) == (
            "年度述职报告", "报告")
        assert meta.posted_date is not None and meta.posted_date.value == "2023-12-18" and meta.doc_date is None
        with rules.disabled(SITE):   # read as text before: the front matter's keys among the post's words
            assert "title" in extractor_for(detect_mime(path)).extract(path, Limits()).text


def test_every_other_labelled_file_reads_as_before_with_the_front_matter_rule() -> None:
    assert_reads_as_before(SITE, changed={BLOG}, round_family="validation_r32", docs_only=False)
