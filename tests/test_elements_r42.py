"""Round 42 of issue 15: validation_r42's untouched miss whose cause other families' untouched runs show too.

A document-sharing page's file-name line read for the title over the document's own heading lower down
(file_name_over_heading): validation_r42's 冰点文库 page opens with 中国银行营业网点服务规范.docx, an upload row, fifteen
page previews and the site's blurbs, then sets the heading alone twice; its untouched run read the file's name with its
.docx. validation_r12's 冰豆网 page (园林局城市绿化讲话全文.docx over its upload rows, then 园林局城市绿化讲话 over 同志们:)
had its file-name lines joined to the heading on its untouched run; scanned_or_docx_like's 文库 copies had their file-name
lines taken. The heading is the name without its extension and without the site's word for a copy (全文), found as a
line of its own.

Each reading is checked on the real files that showed it, with its rule off for what they read before.
"""
from __future__ import annotations

from labelled_elements import doc_fields

from dangan.read.understand import rules

BANK = "validation_r42/中国银行营业网点服务规范_bingdoc.txt"
GARDENS = "validation_r12/园林局城市绿化讲话全文_冰豆网.txt"
QINGMING = "validation_r21/文明祭祀绿色清明主题活动方案_原创力镜像.txt"
PROPOSAL = "scanned_or_docx_like/创文倡议书_文库2页.txt"


def test_the_heading_under_a_sharing_pages_file_name_is_the_title() -> None:
    # validation_r42, untouched: 中国银行营业网点服务规范.docx
    assert doc_fields(BANK)["title"] == "中国银行营业网点服务规范"
    with rules.disabled({"file_name_over_heading"}):
        assert doc_fields(BANK)["title"] == "中国银行营业网点服务规范.docx"


def test_the_rule_reads_the_speech_under_its_file_name_lines_by_itself() -> None:
    # validation_r12, untouched: the file-name lines joined to the heading; site_copy_names reads it since, and this
    # rule reads it without site_copy_names: the name without .docx and without the site's 全文
    assert doc_fields(GARDENS)["title"] == "园林局城市绿化讲话"
    with rules.disabled({"site_copy_names"}):
        assert doc_fields(GARDENS)["title"] == "园林局城市绿化讲话"
    with rules.disabled({"site_copy_names", "file_name_over_heading"}):
        assert doc_fields(GARDENS)["title"].startswith("园林局城市绿化讲话全文.docx")


def test_a_name_that_stands_nowhere_alone_is_left_as_read() -> None:
    # the 文库 copy's heading runs into its first chunk (篇11创文倡议书尊敬的居民朋友…): no line holds the name alone, and
    # the title stays as the readings before this rule gave it
    assert doc_fields(PROPOSAL)["title"] == "创文倡议书"
    with rules.disabled({"file_name_over_heading"}):
        assert doc_fields(PROPOSAL)["title"] == "创文倡议书"


def test_with_fewer_readings_on_the_file_name_gives_way_to_its_line_below() -> None:
    # validation_r21's book118 mirror read with the rules credited to fewer than two other families off: the file's
    # name (…方案.doc) read before; now the site's line that repeats it under 查看更多, which names the kind (方案); the
    # document's own heading, run into its 主送 with 文明祭祀, is read with every rule on
    off = rules.fewer_than_two_others("validation_r21")
    with rules.disabled(off):
        fields = doc_fields(QINGMING)
    assert fields["title"] == "文明办“文明祭绿色清明”主题活动方案"
    assert fields["doc_type"] == "方案"
    with rules.disabled(off | {"file_name_over_heading"}):
        assert doc_fields(QINGMING)["title"] == "文明办“文明祭绿色清明”主题活动方案.doc"
    assert doc_fields(QINGMING)["title"] == "文明办“文明祭祀绿色清明”主题活动方案"
