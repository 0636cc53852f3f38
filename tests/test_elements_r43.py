"""Round 43 of issue 15: validation_r43's untouched misses whose cause another family's untouched run shows too.

- A copy that ran the document into one line keeps its 附件 item, 署名 and 成文日期 in that order, as GB/T 9704 sets
  them (signer_after_attachment): validation_r43's 查策网 page carries a 2025 公示 as one line ending in
  …附件:…评比达标项目.doc省功勋荣誉表彰工作领导小组办公室2025年4月14日。 (the organ off the item's name by the attached
  file's extension), validation_r22's 嘉兴 mirror a 决定 whose line ends in …附件:…先进个人名单 嘉興市人民政府辦公室
  2013年12月27日 作者: 信息來源: | (off by a space). Neither 署名 nor date was read on their untouched runs (the 嘉兴
  date never since). gov_site_pages_4's 山福镇 page sets the same (…附件:…总体应急预案(修订) 温州市鹿城区山福镇人民政府
  2020年10月22日 山福镇…), read by inline_signature; with that rule off this one reads it too.

Each reading is checked on the real files that showed it, with its rule off for what they read before.
"""
from __future__ import annotations

from labelled_elements import DATA, doc_fields

from dangan.read.understand import rules
from dangan.read.understand.gongwen_dates import end_date
from dangan.read.understand.gongwen_text import prepare

CHACEWANG = "validation_r43/市州县市区2025年度拟开展评比表彰项目初审情况的公示_chacewang.txt"
JIAXING = "validation_r22/嘉兴市表彰示范项目创建先进的决定_繁体.txt"
SHANFU = "gov_site_pages_4/山福镇突发公共事件总体应急预案印发.txt"
SIGNER = "省功勋荣誉表彰工作领导小组办公室"


def _chacewang_text() -> str:
    return (DATA / "docs" / CHACEWANG).read_text(encoding="utf-8")


def test_the_signer_and_date_after_the_attached_files_name_are_read() -> None:
    # validation_r43, untouched: no issuer, no date
    fields = doc_fields(CHACEWANG)
    assert fields["issuer"] == SIGNER
    assert fields["doc_date"] == "2025-04-14"   # not the body's deadline 请于2025年4月21日前
    assert fields["title"] == "市(州)、县(市、区)2025年度拟开展评比表彰项目初审情况的公示"
    assert fields["doc_type"] == "公示"
    with rules.disabled({"signer_after_attachment"}):
        before = doc_fields(CHACEWANG)
    assert before["issuer"] == "" and before["doc_date"] == ""


def test_the_signer_and_date_after_the_attachments_name_and_a_space_are_read() -> None:
    # validation_r22, untouched and since: no date (the issuer was read from the heading's organ)
    fields = doc_fields(JIAXING)
    assert fields["doc_date"] == "2013-12-27"
    assert fields["issuer"] == "嘉兴市人民政府办公室"
    with rules.disabled({"signer_after_attachment"}):
        assert doc_fields(JIAXING)["doc_date"] == ""


def test_the_same_form_on_another_page_is_read_by_either_rule() -> None:
    with rules.disabled({"inline_signature"}):
        fields = doc_fields(SHANFU)
    assert (fields["issuer"], fields["doc_date"]) == ("温州市鹿城区山福镇人民政府", "2020-10-22")
    with rules.disabled({"inline_signature", "signer_after_attachment"}):
        fields = doc_fields(SHANFU)
    assert (fields["issuer"], fields["doc_date"]) == ("", "")


def test_no_organ_or_a_deadline_after_the_attachment_is_no_signature() -> None:
    text = _chacewang_text()
    assert SIGNER + "2025年4月14日" in text
    # the attached file's name straight before the date: no organ stands between them
    date, signer = end_date(prepare(text.replace(SIGNER, "")), 0)
    assert signer is None and date is None
    # a date the sentence goes on after (…前报送) is a deadline, not the 成文日期
    date, signer = end_date(prepare(text.replace("2025年4月14日。", "2025年4月21日前报送。")), 0)
    assert signer is None and date is None
