"""Round 15 of issue 15: validation_r14's untouched title misses, read the general way where another
family's misses share the cause (rules run_on_site_prefix, run_on_to_recipients, signer_over_bare_digits).

Each reading is checked on the real files that showed it, with the rule off for what it must not read.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen_copies import _SITE_PREFIX, run_on_heading
from dangan.read.understand.gongwen_text import prepare
from dangan.read.understand.metadata import read_facts
from dangan.text.dates import date_from_bare_digits, days_from_bare_digits

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"


def _read(name: str) -> dict[str, str]:
    path = DOCS / name
    values = read_facts(extractor_for(detect_mime(path)).extract(path, Limits()), path.name)[0].values()
    return {k: values.get(k) or "" for k in ("title", "doc_number", "issuer", "doc_date", "doc_type")}


# --- a site's stamp run in before a run-on heading ("run_on_site_prefix") ---------------------------

HUBEI = "validation_r14/湖北省人民政府2023年度法治政府建设情况报告_秘书之家.txt"


def test_a_watermark_before_a_run_on_heading_is_no_part_of_it() -> None:
    # 秘书之家—全网资源每日更新www.mishuzj.com湖北省人民政府关于2023年度法治政府建设情况的报告2023年,省政府…
    read = _read(HUBEI)
    assert read["title"] == "湖北省人民政府关于2023年度法治政府建设情况的报告"
    assert read["doc_type"] == "报告"
    assert read["issuer"] == "湖北省人民政府"
    with rules.disabled({"run_on_site_prefix"}):
        off = _read(HUBEI)
    assert off["title"] == "湖北省人民政府2023年度法治政府建设情况报告秘书之家"   # the file name stood in
    assert off["doc_type"] == ""


def test_a_page_counter_before_a_run_on_heading_is_the_same_stamp() -> None:
    # scanned_or_docx_like's first-run miss: 第1页共4页关于创立全国文明城市工作情况的报告创立为民、… (prepare now
    # drops the counter, so the heading reads the same with the rule off)
    path = DOCS / "scanned_or_docx_like/市创文工作情况的报告_文库4页.txt"
    text = path.read_text(encoding="utf-8")
    assert (m := _SITE_PREFIX.match(text)) is not None and m.group() == "第1页共4页"
    found = run_on_heading(prepare(text))
    assert found is not None and found.value == "关于创立全国文明城市工作情况的报告"


# --- a run-on heading ends at its outer 文种, where the 主送 begins ("run_on_to_recipients") ----------

LANZHOU = "validation_r14/兰州市政府办公厅转发环保专项行动督查情况通报的通知.txt"


def test_a_run_on_forwarding_notice_keeps_its_outer_kind() -> None:
    # …关于国务院联合督查组对我省专项行动督查情况的通报的通知 各县、区人民政府,市政府各有关部门: …
    read = _read(LANZHOU)
    assert read["title"] == ("兰州市人民政府办公厅转发省环保专项行动联席会议办公室关于国务院联合督查组"
                             "对我省专项行动督查情况的通报的通知")
    assert read["doc_type"] == "通知"
    with rules.disabled({"run_on_to_recipients"}):
        off = _read(LANZHOU)
    assert off["title"].endswith("督查情况的通报")
    assert off["doc_type"] == "通报"


def test_a_run_on_request_still_ends_before_its_recipients() -> None:
    # 关于解决文化活动经费的请示Xxx:随着… : the one 的 + kind before the 主送 stays the title's end
    text = (DOCS / "scanned_or_docx_like/文化站活动经费请示_文档.txt").read_text(encoding="utf-8")
    found = run_on_heading(prepare(text))
    assert found is not None and found.value == "关于解决文化活动经费的请示"


# --- a 署名 over a date that lost its 年月日, whichever day the digits name ("signer_over_bare_digits") --

YAOHAI = "validation_r14/瑶海区生态环境分局征求规划意见的通知.txt"
ZOUCHENG = "office_paperwork/邹城市文明办转发乡村文明行动推荐工作通知.txt"


def test_bare_digits_name_every_day_they_fit() -> None:
    assert days_from_bare_digits("2023117") == (date(2023, 1, 17), date(2023, 11, 7))
    assert days_from_bare_digits("2013417") == (date(2013, 4, 17),)
    assert days_from_bare_digits("2023999") == ()
    assert date_from_bare_digits("2023117") is None   # two days fit: no date
    assert date_from_bare_digits("2013417") == date(2013, 4, 17)


def test_a_signer_over_ambiguous_bare_digits_is_the_issuer() -> None:
    # 瑶海区生态环境分局 / 2023117 at the page's foot: 1-17 or 11-7, so no date, but the 署名 is read
    read = _read(YAOHAI)
    assert read["issuer"] == "瑶海区生态环境分局"
    assert read["doc_date"] == ""
    with rules.disabled({"signer_over_bare_digits"}):
        assert _read(YAOHAI)["issuer"] == ""


def test_a_signer_over_one_days_bare_digits_reads_as_before() -> None:
    # 鄒城市文明辦 / 2013417 names one day: date_lost_marks reads it, with or without the new rule
    for off in (set(), {"signer_over_bare_digits"}):
        with rules.disabled(off):
            read = _read(ZOUCHENG)
        assert read["issuer"] == "邹城市文明办"
        assert read["doc_date"] == "2013-04-17"
