"""Elements of files from the corpus's own public source repositories that the corpus did not take.

provincial_reports_2026_more and normative_notices_2 were labelled before the reader ran on them
and read right untouched; these tests keep the cases they carry (a Chinese-numeral delivery line,
a delivery line in brackets under a photo caption, a heading wrapped after 第十四届, related links
at the tail, a pkulaw export without a 成文日期). raw_csv_records are the same repository's files
themselves, one-row CSVs: the document is the full_text cell (rule `record_document`), as it is
the original_text field of another repository's JSON record (data_record_documents).
source_records_more are records of its source JSONL files (zh.wikisource text) it did not take;
a wiki page's links each on a line of their own split sentences (rule `link_split_line`).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.metadata import read_facts

DATA = Path(__file__).resolve().parent / "data" / "elements" / "docs"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
REPORTS = DATA / "provincial_reports_2026_more"
RECORDS = DATA / "raw_csv_records"


def _read(path: Path, name: str | None = None) -> dict[str, str | None]:
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    return read_facts(extracted, name or path.name)[0].values()


def _expect(values: dict[str, str | None], **want: str) -> None:
    assert {k: values.get(k) or "" for k in want} == want


@pytest.mark.parametrize(("province", "title", "date"), [
    ("甘肃省", "2026年甘肃省政府工作报告", "2026-01-27"),   # ——二〇二六年一月二十七日在甘肃省十四届…
    ("贵州省", "政府工作报告", "2026-01-27"),               # a photo caption first, then （2026年1月27日在…）
    ("广东省", "政府工作报告", "2026-01-26"),               # ——2026年1月26日在广东省第十四届 / 人民代表大会…
    ("四川省", "2026年四川省人民政府工作报告", "2026-02-03"),  # …决议 among the related links at the tail
    ("云南省", "2026年政府工作报告", "2026-01-28"),           # a breadcrumb and the column name twice above
])
def test_provincial_reports_from_the_corpus_source_read_whole(province: str, title: str, date: str) -> None:
    values = _read(REPORTS / f"2026_{province}_政府工作报告.txt")
    _expect(values, title=title, issuer=f"{province}人民政府", doc_date=date, doc_type="报告", doc_number="")


def test_a_pkulaw_export_without_a_date() -> None:
    path = DATA / "normative_notices_2" / "新疆维吾尔自治区质监局关于进一步加强新闻宣...(FBM-CLI.12.1075244).txt"
    _expect(_read(path), title="新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知",
            doc_number="新质监办发〔2012〕24号", issuer="新疆维吾尔自治区质监局", doc_date="", doc_type="通知")


@pytest.mark.parametrize(("province", "title", "date"), [
    ("甘肃省", "2026年甘肃省政府工作报告", "2026-01-27"),
    ("云南省", "2026年政府工作报告", "2026-01-28"),
    ("吉林省", "2026年吉林省政府工作报告", "2026-01-27"),
])
def test_a_one_row_csv_is_read_as_the_document_in_its_cell(province: str, title: str, date: str) -> None:
    path = RECORDS / f"2026_{province}_政府工作报告.csv"
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    cell = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))["full_text"]
    assert extracted.text.endswith(cell.strip("\n"))             # line breaks kept, nothing else after
    assert dict(extracted.tables[0].rows)["source_url"].startswith("http")   # the other cells kept apart
    _expect(read_facts(extracted, path.name)[0].values(),
            title=title, issuer=f"{province}人民政府", doc_date=date, doc_type="报告")


def test_without_the_rule_a_one_row_csv_is_a_ledger_line() -> None:
    path = RECORDS / "2026_甘肃省_政府工作报告.csv"
    with rules.disabled({"record_document"}):
        extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    assert extracted.extractor.startswith("csv:") and len(extracted.text.splitlines()) == 2   # header + row


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_json_record_is_read_as_the_document_in_its_field(tmp_path: Path, suffix: str) -> None:
    """A record as chinese-political-corpora keeps it: the title and the content, the content
    not opening with the title (the corpus writes the content alone to a .txt)."""
    source = CORPUS / "txt" / "cn_cpc_congress_reports" / "10_在中国共产党第十次全国代表大会上的报告.txt"
    record = {"title": "在中国共产党第十次全国代表大会上的报告", "content": source.read_text(encoding="utf-8")}
    path = tmp_path / f"record{suffix}"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=None if suffix == ".jsonl" else 2) + "\n",
                    encoding="utf-8")
    values = _read(path)
    _expect(values, title="在中国共产党第十次全国代表大会上的报告", issuer="中国共产党中央委员会", doc_type="报告")


def test_another_repositorys_json_record_is_read_as_the_document_in_its_field() -> None:
    """data_record_documents, drawn blind: a policy assistant's JSON list cut to its first record. The
    record's own title names the attached 办法 (保障办法 for 管理办法); the document's printed heading is
    the title, its 署名 and date the issuer and 成文日期, not the record's publish_date."""
    path = DATA / "data_record_documents" / "ai-zhengce-tong_documents_doc_1.json"
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    record = json.loads(path.read_text(encoding="utf-8"))[0]
    assert extracted.extractor.startswith("record:")
    assert extracted.text.endswith(record["original_text"])              # the field as written, lines kept
    assert dict(extracted.tables[0].rows)["publish_date"] == "2024-07-29"   # the other fields kept apart
    _expect(read_facts(extracted, path.name)[0].values(),
            title="广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知", doc_number="穗府办规〔2024〕13号",
            issuer="广州市人民政府办公厅", doc_date="2024-07-26", doc_type="通知")
    with rules.disabled({"record_document", "record_lines"}):            # raw JSON: one escaped string
        _expect(_read(path), title=path.stem, doc_number="", issuer="", doc_date="")


def test_records_that_hold_no_document_keep_the_usual_reading(tmp_path: Path) -> None:
    many = tmp_path / "two.jsonl"
    many.write_text('{"title": "一", "content": "甲"}\n{"title": "二", "content": "乙"}\n', encoding="utf-8")
    assert extractor_for(detect_mime(many)).extract(many, Limits()).extractor.startswith("text:")
    settings = tmp_path / "settings.json"
    settings.write_text('{"名称": "青龙镇", "级别": "镇"}', encoding="utf-8")
    assert extractor_for(detect_mime(settings)).extract(settings, Limits()).text.startswith("{")


SOURCE_RECORDS = DATA / "source_records_more"


def test_a_wiki_version_list_split_by_its_links_has_no_heading_and_no_organ() -> None:
    # source_records_more, untouched: 論聯合政府 / 的版本包括： / 論聯合政府 (1945年) / ，1945年中共七大報告 / …
    # each link on a line of its own, the sentence it sits in carried on at the head of the next line
    path = SOURCE_RECORDS / "07_論聯合政府 (七大).txt"
    _expect(_read(path), title="论联合政府", issuer="", doc_date="", doc_number="")   # the file name's title
    with rules.disabled(["link_split_line"]):
        _expect(_read(path), title="论联合政府 (1945年)，1945年中共七大报告", issuer="论联合政府")


@pytest.mark.parametrize("name", [
    "第十四届全国人民代表大会第三次会议关于政府工作报告的决议.txt",   # 所作的 / 政府工作报告 / 。会议…: no heading
    "第十三届全国人民代表大会第三次会议关于政府工作报告的决议.txt",   # U+200B, its heading, then the same split
])
def test_a_link_split_inside_a_resolution_leaves_its_reading_alone(name: str) -> None:
    values = _read(SOURCE_RECORDS / name)
    _expect(values, title=name.removesuffix(".txt"), issuer=name[:name.index("关于")], doc_type="决议")
