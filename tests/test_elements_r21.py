"""Round 21 of issue 15: validation_r21's untouched misses, read the general way where the cause is shown in
another family's documents too (rule upload_note_time).

Each reading is checked on the real file that showed it, with its rule off for what it read before, on the
earlier family's file that shows the same cause, on the files of the same form it must leave alone, and on every
other labelled file, which must read as before.
"""
from __future__ import annotations

from labelled_elements import assert_reads_as_before, doc_fields, fields_of

from dangan.read.understand import rules

ROUND_21 = {"upload_note_time"}



# --- a site's posting time over its note that users uploaded the text ("upload_note_time") ------------

TEARI = "validation_r21/迎奥运礼仪知识竞赛转发通知_繁体.txt"
UV63H8 = "validation_r16/区政府工作会议的讲话_繁体.txt"
EIMIO = "validation_r16/街道工委创文明城市指导方案_繁体.txt"
SEED = "txt/seed_speech/书记在创建办会部署会讲话.txt"


def test_a_posting_time_over_an_upload_note_is_no_date_of_an_older_text() -> None:
    # validation_r21, untouched: 時間:2022-08-04 06:48:00 / 導語:…一文來源于網友上傳,不代表本站觀點 over a notice
    # whose only year is 2008 (2008年,是北京奧運會的舉辦之年) and whose 署名 省文明辦 has no date
    assert doc_fields(TEARI)["doc_date"] == ""
    with rules.disabled(ROUND_21):
        assert doc_fields(TEARI)["doc_date"] == "2022-08-04"


def test_the_earlier_familys_page_of_the_same_kind() -> None:
    # validation_r16's uv63h8.cn speech: 時間:2022-07-15 08:03:00 over the same 導語, a review of 2008年
    assert doc_fields(UV63H8)["doc_date"] == ""
    with rules.disabled(ROUND_21):
        assert doc_fields(UV63H8)["doc_date"] == "2022-07-15"


def test_a_text_naming_no_year_is_not_dated_by_the_posting_time_either() -> None:
    # widened once the labels were settled (the corpus speech's label corrected to ""): the corpus speech and
    # validation_r16's eimio.cn 方案 name no year, and the row over the site's note is still the site's; it stays
    # the copy's posting time (posted_date)
    assert fields_of(SEED)["doc_date"] == "" and doc_fields(EIMIO)["doc_date"] == ""
    with rules.disabled(ROUND_21):
        assert fields_of(SEED)["doc_date"] == "2022-03-26"
        assert doc_fields(EIMIO)["doc_date"] == "2022-03-19"


# --- every other labelled document reads as before ----------------------------------------------------

CHANGED = {TEARI, UV63H8, EIMIO, SEED}


def test_no_other_labelled_document_reads_differently() -> None:
    assert_reads_as_before(ROUND_21, changed=CHANGED, round_family="validation_r21", docs_only=False)
