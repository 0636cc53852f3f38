"""同文异版 across scripts (issue 15): a Traditional copy of an archived document (a Hong Kong or Taiwan
site's, made by any of OpenCC's converters) is the same text; a copy in Taiwan phrasing is not."""
from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

import opencc
import pytest
from cli_run import dangan as run_cli
from conftest import CORPUS, REPO

from dangan.archive.catalog import Catalog
from dangan.archive.migrations import MIGRATIONS
from dangan.text.fingerprint import big5_key, counted_numbers, text_key, without_page_numbers
from dangan.text.variant_chars import BIG5_LOSES, VARIANT_SETS

# 3 KB, with 着 (s2tw writes 著, which t2s keeps), 卫 (s2hk writes 衞, which t2s keeps) and 为 (s2t 爲, s2tw 為)
BIG5_KEYS = next(n for n, script in enumerate(MIGRATIONS, start=1) if "document_big5_keys" in script)
RESOLUTION = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/第二届全国人民代表大会第三次会议关于政府工作报告的决议.txt"


def _copy(text: str, config: str, folder: Path) -> Path:
    path = folder / f"{RESOLUTION.stem}_{config}.txt"
    path.write_text(opencc.OpenCC(config).convert(text), encoding="utf-8")
    return path


def test_the_table_is_openccs() -> None:
    """The table is OpenCC's tables read by tools/build_variant_chars.py: an OpenCC upgrade that changes
    them fails here (run the tool again, and a migration computes the stored keys again)."""
    sys.path.insert(0, str(REPO / "tools"))
    from build_variant_chars import derive

    assert derive() == (VARIANT_SETS, "".join(sorted(BIG5_LOSES)))
    assert {"着著", "卫衛衞", "为為爲"} <= set(VARIANT_SETS)


def test_traditional_copies_by_every_converter_are_one_document(tmp_path: Path) -> None:
    """The resolution and its Traditional copies as OpenCC's s2t, s2tw and s2hk write them (著 for 着 in
    one, 衞 for 卫 in another, both characters t2s keeps): one document, counted once by search, one 档号,
    every original kept and listed by show."""
    text = RESOLUTION.read_text(encoding="utf-8")
    copies = [_copy(text, config, tmp_path) for config in ("s2t", "s2tw", "s2hk")]
    assert "著" in copies[1].read_text(encoding="utf-8") and "衞" in copies[2].read_text(encoding="utf-8")
    home = tmp_path / "ws"
    dangan = functools.partial(run_cli, home)

    dangan("init")
    report = json.loads(dangan("ingest", "--no-ocr", "--json", str(RESOLUTION), *map(str, copies)))
    assert report["ingested"] == 1 and [row["path"] for row in report["same_text"]] == list(map(str, copies))
    doc_id = report["documents"][0]["id"]
    assert {row["id"] for row in report["same_text"]} == {doc_id}
    found = json.loads(dangan("search", "第二届全国人民代表大会第三次会议", "--json"))
    assert found["total"] == 1 and found["results"][0]["id"] == doc_id
    shown = json.loads(dangan("show", str(doc_id), "--json"))
    assert [v["original_name"] for v in shown["variants"]] == [p.name for p in copies]
    for variant, copy in zip(shown["variants"], copies, strict=True):   # the bytes of each kept as they came
        assert Path(variant["original"]).read_bytes() == copy.read_bytes()
    assert "同文异版" in dangan("show", str(doc_id))
    dangan("tag", str(doc_id), "--set", "成文日期=1962-04-16")   # the text states no date (the session's)
    coded = dangan("archive", "--year", "1962", "--fonds", "0194")
    assert "新编档号 1 件" in coded, coded


def test_a_copy_in_taiwan_phrasing_is_another_text(tmp_path: Path) -> None:
    """OpenCC's s2twp writes the words Taiwan uses (信息 → 資訊, 项目 → 專案, 支持 → 支援): other words, which
    a reader quotes differently; the 2024 report so copied stays a document of its own."""
    from dangan.intake.batch import ingest_paths
    from dangan.workspace import init_workspace

    report = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt"
    taiwan = tmp_path / "2024_s2twp.txt"
    taiwan.write_text(opencc.OpenCC("s2twp").convert(report.read_text(encoding="utf-8")), encoding="utf-8")
    assert "資訊" in taiwan.read_text(encoding="utf-8")
    done = ingest_paths(init_workspace(tmp_path / "ws"), [report, taiwan], ocr=False).to_dict()
    assert done["ingested"] == 2 and done["same_text"] == []


def _key_before_one_script(text: str) -> str:
    """The key migration 15 stored: letters and digits in NFKC, page numbers left out, scripts apart."""
    chars = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", without_page_numbers(text)))
    return hashlib.sha256(chars.encode("utf-8")).hexdigest()


def test_keys_stored_before_one_script_are_computed_again(tmp_path: Path) -> None:
    """A Hong Kong copy catalogued under the earlier key would never meet its Simplified original:
    opening the catalog computes the key again from the stored text (and the Big5 key, in a table new with
    migration 17), the original then joins it, and
    neither `check` nor `reread` takes the new key for a change or damage."""
    text = RESOLUTION.read_text(encoding="utf-8")
    hong_kong = _copy(text, "s2hk", tmp_path)
    home = tmp_path / "ws"
    dangan = functools.partial(run_cli, home)

    dangan("init")
    doc_id = json.loads(dangan("ingest", "--no-ocr", "--json", str(hong_kong)))["documents"][0]["id"]
    catalog_path = home / "catalog.sqlite3"
    with sqlite3.connect(catalog_path) as conn:
        stored = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        earlier = _key_before_one_script(stored)
        assert earlier != text_key(stored)
        conn.execute("UPDATE documents SET text_key = ? WHERE id = ?", (earlier, doc_id))
        conn.execute("DROP TABLE document_big5_keys")   # the catalog as migration 16 left it
        conn.execute(f"PRAGMA user_version = {BIG5_KEYS - 1}")
    with Catalog(catalog_path) as catalog:
        key = catalog.conn.execute("SELECT text_key FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        big5 = catalog.conn.execute("SELECT key FROM document_big5_keys WHERE document_id = ?",
                                    (doc_id,)).fetchone()[0]
    assert key == text_key(stored) == text_key(text) and big5 == big5_key(stored) == big5_key(text)
    checked = json.loads(dangan("check", "--json"))
    assert checked["ok"] and checked["problems"] == [], checked
    reread = json.loads(dangan("reread", str(doc_id), "--json"))
    assert reread["summary"]["changed"] == 0 and reread["documents"][0]["changes"] == [], reread
    report = json.loads(dangan("ingest", "--no-ocr", "--json", str(RESOLUTION)))
    assert report["ingested"] == 0 and [row["id"] for row in report["same_text"]] == [doc_id]


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_every_corpus_text_keeps_its_key_in_traditional(config: str) -> None:
    """Over every text file of the corpus (82 documents: reports of 1954 to 2026, 决议, a pkulaw 通知, the
    seed speech), a Traditional copy by the converter has the original's key, and the same counted numbers
    (个/個, 项/項, 届/屆 after a number: the OCR rule's test that a scan is no other document's)."""
    converter = opencc.OpenCC(config)
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "txt").rglob("*.txt"))
             if "encoding_variants" not in str(p)]
    assert len(texts) >= 80
    assert [t for t in texts if text_key(converter.convert(t)) != text_key(t)] == []
    assert [t for t in texts if counted_numbers(converter.convert(t)) != counted_numbers(t)] == []


def test_big5_copies_that_lost_characters_are_one_document_either_way(tmp_path: Path) -> None:
    """The resolution's Traditional copy (s2t writes 爲, 着, 羣, 衆: none has a Big5 code) saved as Big5
    with '?' for what Big5 lacks, and with those characters dropped: other letters than the original's,
    so no text key meets it; the key over what every Big5 copy keeps does. A copy archived first is
    joined by the original arriving after it, and the other copy joins both."""
    text = RESOLUTION.read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    replaced, dropped = tmp_path / "决议_big5_replace.txt", tmp_path / "决议_big5_ignore.txt"
    replaced.write_bytes(traditional.encode("big5", errors="replace"))
    dropped.write_bytes(traditional.encode("big5", errors="ignore"))
    assert replaced.read_bytes().count(b"?") >= 5 and len(dropped.read_bytes()) < len(replaced.read_bytes())
    home = tmp_path / "ws"
    dangan = functools.partial(run_cli, home)

    dangan("init")
    first = json.loads(dangan("ingest", "--no-ocr", "--json", str(replaced)))
    doc_id = first["documents"][0]["id"]
    shown = json.loads(dangan("show", str(doc_id), "--json"))
    assert "爲" not in shown["text"] and text_key(shown["text"]) != text_key(text)   # the characters are lost
    report = json.loads(dangan("ingest", "--no-ocr", "--json", str(RESOLUTION), str(dropped)))
    assert report["ingested"] == 0 and [row["id"] for row in report["same_text"]] == [doc_id, doc_id], report
    found = json.loads(dangan("search", "政府工作报告", "--json"))
    assert found["total"] == 1
    names = [v["original_name"] for v in json.loads(dangan("show", str(doc_id), "--json"))["variants"]]
    assert names == [RESOLUTION.name, dropped.name]


def test_the_big5_key_tells_the_resolutions_of_successive_sessions_apart() -> None:
    """The NPC's resolutions on the government work report, session after session, are one template:
    the same opening, the same closing, other figures and names (14 of them, 1962 to 2022). Each one's Big5 copy (with '?') has its
    own resolution's Big5 key and no other's; no two resolutions share one."""
    folder = CORPUS / "txt/cn_state_council_gov_work_reports_1954_2025"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*决议.txt"))]
    assert len(texts) == 14
    keys = [big5_key(t) for t in texts]
    assert None not in keys and len(set(keys)) == len(keys)
    converter = opencc.OpenCC("s2t")
    copies = [big5_key(converter.convert(t).encode("big5", errors="replace").decode("big5")) for t in texts]
    assert copies == keys
