"""Element values as a clerk reads them: full-width digits made ASCII, no title words in an organ."""
from __future__ import annotations

from pathlib import Path

from conftest import corpus_file
from openpyxl import load_workbook

from dangan.archive.catalog import Catalog
from dangan.archive.codes import assign_codes
from dangan.compose.catalogue import write_catalogue
from dangan.intake.batch import ingest_paths
from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.gongwen_context import places
from dangan.read.understand.metadata import read_facts
from dangan.text.normalize import half_width
from dangan.workspace import Workspace

SHANXI = "pdf/cn_provincial_budget_reports_2024/Shanxi.pdf"
SHANXI_TITLE = "关于山西省2023年全省和省本级预算执行情况与2024年全省和省本级预算草案的报告"
# The notice of the clerk's trial, saved in Big5 (Traditional), signed by the 区文明办.
BIG5_NOTICE = "關於加強社區志願服務的通知\n各社區：請於本月底前完成志願者登記。\n區文明辦\n2023年5月6日\n"
WIDE = {chr(c) for c in range(0xFF10, 0xFF1A)} | {chr(c) for c in range(0xFF21, 0xFF3B)}


def read_file(path: Path):
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    return read_facts(extracted, path.name)[0]


def test_half_width_keeps_chinese_punctuation() -> None:
    assert half_width("山西省２０２３年（书面）") == "山西省2023年（书面）"
    assert half_width("ＡＢＣ《ｘｙ》“Ｑ”：，") == "ABC《xy》“Q”：，"
    assert half_width("增长３．５％，第．") == "增长3.5%，第．"
    assert half_width("区创建办〔2022〕5号") == "区创建办〔2022〕5号"


def test_shanxi_title_reads_2023() -> None:
    meta = read_file(corpus_file(SHANXI))
    assert meta.title is not None and meta.title.value == SHANXI_TITLE


def test_shanxi_catalogue_row_holds_2023(workspace: Workspace, tmp_path: Path) -> None:
    (result,) = ingest_paths(workspace, [corpus_file(SHANXI)], ocr=False).results
    with Catalog(workspace.catalog_path) as catalog:
        title, day = catalog.conn.execute("SELECT title, doc_date FROM documents WHERE id = ?",
                                          (result.document_id,)).fetchone()
        assert title == SHANXI_TITLE
        year = int(day[:4])
        assign_codes(catalog, year, "0194")
    sheet = load_workbook(write_catalogue(workspace, year, tmp_path / "目录.xlsx").path).active
    (row,) = [r for r in sheet.iter_rows(min_row=3, values_only=True) if r[4]]
    assert row[4] == SHANXI_TITLE and not WIDE & set("".join(str(c) for c in row if c))


def test_big5_notice_organ_takes_no_title_words(tmp_path: Path) -> None:
    path = tmp_path / "繁体BIG5.txt"
    path.write_bytes(BIG5_NOTICE.encode("big5"))
    meta = read_file(path)
    assert meta.title is not None and meta.title.value == "关于加强社区志愿服务的通知"
    assert meta.issuer is not None and meta.issuer.value == "区文明办"
    assert meta.doc_date is not None and meta.doc_date.value == "2023-05-06"
    with rules.disabled({"place_not_phrase"}):   # the clerk's reading, before the rule
        assert read_file(path).issuer.value == "加强社区文明办"  # type: ignore[union-attr]


def test_a_place_is_not_a_verb_phrase_nor_a_community() -> None:
    assert places("关于加强社区志愿服务的通知") == []
    assert places("关于推进浦东新区志愿服务的通知") == ["浦东新区"]
    assert places("关于进一步加强幸福社区环境整治的通知") == []
    assert places("上海市普陀区关于加强社区志愿服务的通知") == ["上海市普陀区"]
    text = "关于推进浦东新区志愿服务的通知\n各街道：请于本月底前完成志愿者登记。\n区文明办\n2023年5月6日\n"
    assert read_metadata(text).issuer.value == "浦东新区文明办"  # type: ignore[union-attr]
