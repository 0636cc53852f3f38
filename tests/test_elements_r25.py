"""Round 25 of issue 15: validation_r25's untouched misses (an unbiased sample), read the general way where the
cause is shown in another family's documents too (rule piece_counter).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the
other family's files that show the same cause, on headings of the same form it must leave alone, and on every
other labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields

from dangan.model import MetaValue
from dangan.read.understand import rules
from dangan.read.understand.gongwen_page_names import without_piece_counter

ROUND_25 = {"piece_counter"}


# --- a model-text site's counter of its first piece on the heading's line ("piece_counter") -------------------

LIUXUEQUN = "validation_r25/街道创建文明城市工作总结篇1_留学群.txt"
MIRROR = "validation_r26/社区文明创建年终工作总结_繁体.txt"
PLEDGE = "validation_r26/门前五包卫生责任承诺书_繁体.txt"


def test_a_counter_after_the_heading_is_the_sites() -> None:
    # validation_r25, untouched: 街道创建文明城市工作总结【篇1】, its 总结 lost with the counter
    assert doc_fields(LIUXUEQUN)["title"] == "街道创建文明城市工作总结"
    assert doc_fields(LIUXUEQUN)["doc_type"] == "总结"
    with rules.disabled(ROUND_25):
        assert doc_fields(LIUXUEQUN)["title"] == "街道创建文明城市工作总结【篇1】"
        assert doc_fields(LIUXUEQUN)["doc_type"] == ""


def test_the_other_familys_counters_before_and_after() -> None:
    # validation_r26, untouched: 第1篇 2023年社區文明創建年終工作總結 (a pinyin mirror's 目錄 over it) and 門前五包承諾書篇一
    for name, title, before in ((MIRROR, "2023年社区文明创建年终工作总结", "第1篇2023年社区文明创建年终工作总结"),
                                (PLEDGE, "门前五包承诺书", "门前五包承诺书篇一")):
        assert doc_fields(name)["title"] == title
        with rules.disabled(ROUND_25):
            assert doc_fields(name)["title"] == before


def _value(text: str) -> str:
    read = without_piece_counter(MetaValue(text, 0.85, None))
    assert read is not None
    return read.value


def test_only_a_first_pieces_counter_around_a_heading_goes() -> None:
    assert _value("街道创建文明城市工作总结（篇一）") == "街道创建文明城市工作总结"
    assert _value("第一篇：创建文明城市倡议书") == "创建文明城市倡议书"
    # a later piece's number, a counter with nothing of a heading left, a heading's own 第一 are kept
    for text in ("街道创建文明城市工作总结篇3", "第1篇", "篇一", "关于做好第一批全国文明单位复查工作的通知",
                 "第1篇，根据会议安排"):
        assert _value(text) == text
    with rules.disabled(ROUND_25):
        assert _value("门前五包承诺书篇一") == "门前五包承诺书篇一"


CHANGED = {LIUXUEQUN}


def test_every_other_labelled_document_reads_as_before() -> None:
    assert_reads_as_before(ROUND_25, changed=CHANGED, round_family="validation_r25", docs_only=False)
