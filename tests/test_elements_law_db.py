"""A law database's record fields and a bracketed 附注 are never a page's heading (rules law_db_fields,
note_not_heading). Both pages carry no heading of their own (titles labelled "?"), so what matters is
that a clerk's catalogue does not name them by a field row.
"""
from __future__ import annotations

from labelled_elements import meta_of

from dangan.read.understand import rules

SHANXI = "docs/gov_site_pages_7/山西省激发重点群体活力带动城乡居民增收实施方案印发.txt"
FENGHUA = "docs/validation_r13/奉化区政府第86次常务会议纪要.txt"


def _read(source: str) -> dict[str, str]:
    return {k: v or "" for k, v in meta_of(source).items()}


def test_law_database_fields_are_the_records_not_the_heading() -> None:
    # laodongfa.com: 发文机关:… / 发布日期:… / 生效日期:… / 时效性 :现行有效 / 文号 :… then the notice as raw <p> tags
    read = _read(SHANXI)
    assert read["title"] == "山西省激发重点群体活力带动城乡居民增收的实施方案"   # the enclosed 方案's heading
    # the fields are still read where they stand
    assert (read["doc_number"], read["issuer"], read["doc_date"]) == ("晋政发〔2018〕13号", "山西省人民政府", "2018-03-27")
    with rules.disabled({"note_not_heading"}):
        assert _read(SHANXI)["title"].startswith("(此件公开发布)")   # the 附注 above it joined as its first line
    with rules.disabled({"law_db_fields", "note_not_heading"}):
        assert _read(SHANXI)["title"] == "时效性 :现行有效"


def test_disclosure_fields_run_onto_one_line_are_not_the_heading() -> None:
    # www.fh.gov.cn: 发文日期 2021-03-04 成文日期 2021-03-04 发布机构 区政府办公室, then a news-style heading
    read = _read(FENGHUA)
    assert read["title"] == "区政府召开第86次常务会议胡永光主持"
    assert (read["doc_date"], read["doc_type"]) == ("2021-03-04", "纪要")
    with rules.disabled({"law_db_fields"}):
        assert _read(FENGHUA)["title"].startswith("发文日期2021-03-04成文日期")
