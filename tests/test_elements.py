"""Official-document elements over the labelled set of real documents (issue 15).

The labelled set (tests/data/elements/labels.json: corpus files and documents
written for the families the corpus lacks) is measured per family, leave-one-
family-out, by bench/bench_elements.py; here every rule is on and each field
must reach the issue's targets over the whole set. The cases, one test each, are in
test_elements_documents.py, test_elements_page_titles.py and test_elements_page_fields.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from labelled_elements import CORPUS, DATA, meta_of, source_path

from dangan.read.understand import rules

FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")
# A validation family labelled blind and read once untouched (its first run is in
# bench/results/elements_baseline.json) stays out of the targets below while most of its
# misses are unread (round 16 read three of validation_r16's ten; validation_r17 was labelled
# after round 16, validation_r18 after round 17, validation_r19 after round 18, validation_r20 after round 19, validation_r21 after round 20, validation_r22 after round 21, validation_r23 after round 22, validation_r24 after round 23 and the cross-family rounds, validation_r26 after round 24 and the cross-family rounds after it, validation_r25, an unbiased sample, after round 24, validation_r28, another unbiased sample, after round 27 and the cross-family rounds, validation_r29, an unbiased sample of speeches and meeting papers, after round 28, validation_r30, an unbiased sample of 创文 evidence paperwork, after round 28 and the cross-family rounds, validation_r31, an unbiased sample of district and county policy and normative documents, after round 30 and cross-family round 3, validation_r32, an unbiased sample of the kinds of paperwork earlier samples met least, after the posting-row settlement, validation_r33, an unbiased sample of a 创文 office's everyday paperwork, after cross-family round 4 and the post-only heading settlement, validation_r34 and validation_r35, two unbiased samples of geographic breadth drawn side by side, after cross-family round 5, validation_r36, an unbiased sample by kind of sending unit, after the OFD seal and web-copy heading settlements, validation_r37, an unbiased sample by subject of the campaign's evaluation items, after round 36's rules and the saved-web-page rounds (validation_r38 drawn beside it at the same time), validation_r39, an unbiased sample by the daily paper of a 街道/乡镇 and its 社区/村, after round 38's rule and cross-family round 6, validation_r40, an unbiased sample by the paper a district's bureaus and offices send, drawn beside validation_r39, validation_r41, an unbiased sample by the paper of other cities' and districts' 创文 offices, after round 40's rules, validation_r42, an unbiased sample by the paper of the units outside the government a 创文 office deals with, after round 41's rule and cross-family round 8 (validation_r43 drawn beside it at the same time), validation_r43, an unbiased sample by the newest paper (2025 and 2026), after round 41's rule and cross-family round 8 (validation_r42 drawn beside it at the same time), validation_r45, an unbiased sample by the paper of party and mass organisations at the grassroots, after round 43's rule, cross-family round 9 and the article-tag reading, validation_r46, an unbiased sample by rural paper (乡镇, 村民委员会, 村党支部), after round 45's first run, data_record_documents, a data file's record drawn blind for the forms round, before its first run, saved_web_pages, a browser-saved page drawn blind, after its first run); bench_elements.py scores it like every other family. source_records_more (the
# corpus's source records it did not take) is below the targets on its own (发文机关 0.62 untouched,
# 0.75 with link_split_line: two early groups named only in the file name's title, 北京共产主义组织 and
# 廣州共產黨, are no organ names the reader knows) and stays out too.
UNTOUCHED = frozenset({"validation_r16", "validation_r17", "validation_r18", "validation_r19", "validation_r20", "validation_r21",
                       "validation_r22", "validation_r23", "validation_r24", "validation_r25", "validation_r26",
                       "validation_r28", "validation_r29", "validation_r30", "validation_r31", "validation_r32",
                       "validation_r33", "validation_r34", "validation_r35", "validation_r36", "validation_r37", "validation_r38",
                       "validation_r39", "validation_r40", "validation_r41", "validation_r42", "validation_r43", "validation_r45",
                       "validation_r46",
                       "source_records_more", "data_record_documents", "saved_web_pages"})
TARGETS = {"title": 0.98, "doc_number": 0.98, "issuer": 0.95, "doc_date": 0.95, "doc_type": 0.95}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")


def _labels() -> list[dict[str, str]]:
    return json.loads((DATA / "labels.json").read_text(encoding="utf-8"))


def test_labelled_set_is_large_and_varied() -> None:
    labels = _labels()
    assert len({lab["family"] for lab in labels}) >= 10
    assert sum(1 for lab in labels for f in FIELDS if lab[f] != "?") >= 250
    assert len({lab["source"] for lab in labels}) == len(labels)
    assert all(source_path(lab["source"]).exists() for lab in labels)


def test_every_rule_names_families_that_exist() -> None:
    families = {lab["family"] for lab in _labels()}
    for name, motivated_by in rules.RULES.items():
        assert motivated_by and motivated_by <= families | {rules.ISSUE_TEXT}, name


@pytest.mark.slow
def test_every_rule_the_reader_asks_for_is_listed() -> None:
    """A name asked for with rules.on() but missing from RULES could never be switched off."""
    import re

    root = Path(__file__).resolve().parents[1] / "dangan"
    asked = {name for f in root.rglob("*.py") for name in re.findall(r'rules\.on\("(\w+)"\)', f.read_text("utf-8"))}
    assert asked and asked <= set(rules.RULES)


def test_field_accuracy_on_the_labelled_set() -> None:
    labels = [lab for lab in _labels() if not lab["source"].endswith(".ofd") and not lab["source"].startswith("ocr:")
              and lab["family"] not in UNTOUCHED]
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    misses = []
    for lab in labels:
        got = meta_of(lab["source"])
        for f in FIELDS:
            if lab[f] == "?":
                continue
            scored[f] += 1
            if "".join((got[f] or "").split()) == "".join(lab[f].split()):
                right[f] += 1
            else:
                misses.append(f"{f} {lab['source'][-30:]}: want {lab[f]!r} got {got[f]!r}")
    print("\n" + "\n".join(misses))
    for f in FIELDS:
        assert right[f] / scored[f] >= TARGETS[f], (f, right[f], scored[f])


def test_leave_one_family_out_switches_rules_off() -> None:
    path = "txt/cn_cpc_congress_reports/17_高举中国特色社会主义伟大旗帜，为夺取全面建设小康社会新胜利而奋斗 (十七大).txt"
    assert meta_of(path)["issuer"] == "中国共产党第十六届中央委员会"
    with rules.disabled(rules.only_from("cpc_congress_reports")):   # party_congress_committee: congress_documents too
        assert meta_of(path)["issuer"] == "中国共产党第十六届中央委员会"
    with rules.disabled(rules.fewer_than_two_others("cpc_congress_reports")):   # the strict reading
        assert meta_of(path)["issuer"] == "第十六届中央委员会"
