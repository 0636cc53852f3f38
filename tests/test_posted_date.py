"""网页发布时间 (posted_date): a web copy's posting row is the site's, not the 成文日期 — kept as its own element.

The corpus speech (时間:2022-03-26 09:11:00 over the site's 導語: 一文來源于網友上傳) states no date of its own: it
is shown and exported with its posting time, and `archive --year` gives it a 档号 of the year inferred from it,
marked so ([2022-03-26]); a document with neither stays undated with its reason."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import corpus_file

from dangan.archive.catalog import Catalog
from dangan.archive.migrations import MIGRATIONS
from dangan.cli import cli
from dangan.compose.catalogue import catalogue_rows
from dangan.workspace import init_workspace

pytestmark = pytest.mark.usefixtures("shared_ocr")   # RapidOCR reads a page image once a run (tests/ocr_memo.py)

SEED = "txt/seed_speech/书记在创建办会部署会讲话.txt"


def _run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_posting_time_is_kept_shown_and_infers_the_archival_year(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    plain = tmp_path / "无日期的讲话.txt"
    plain.write_text("在全镇会议上的讲话\n\n同志们：\n    今天我们召开会议，部署创建工作。\n", encoding="utf-8")
    _run(ws.home, "ingest", str(corpus_file(SEED)), str(plain))

    data = json.loads(_run(ws.home, "show", "1", "--json"))
    assert data["doc_date"] is None and data["posted_date"] == "2022-03-26"
    shown = _run(ws.home, "show", "1")
    assert "网页发布时间：2022-03-26" in shown and "成文日期" not in shown

    report = json.loads(_run(ws.home, "archive", "--year", "2022", "--fonds", "Z001", "--json"))
    assert report["inferred"] == 1
    assert [(row["id"], row["date"], row.get("inferred")) for row in report["assigned"]] == [(1, "[2022-03-26]", True)]
    assert report["undated"]["count"] == 1 and report["undated"]["documents"][0]["id"] == 2
    assert report["undated"]["documents"][0]["reason"] == "正文没有写明成文日期"

    with Catalog(ws.catalog_path) as catalog:
        assert catalog.get(1).archival_code == "Z001-WS·2022-D30-BGS-0001"
        rows = catalogue_rows(catalog, 2022)
    assert [(row["code"], row["date"]) for row in rows] == [("Z001-WS·2022-D30-BGS-0001", "[20220326]")]
    assert "日期据网页发布时间推定" in rows[0]["note"]


def test_the_archive_report_says_how_many_years_were_inferred(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    _run(ws.home, "ingest", str(corpus_file(SEED)))
    said = _run(ws.home, "archive", "--year", "2022", "--fonds", "Z001")
    assert "新编档号 1 件" in said and "其中 1 件正文未写成文日期，年度据网页发布时间推定" in said


def test_tag_sets_the_posting_time_as_it_sets_a_date(tmp_path: Path) -> None:
    """`tag --set 网页发布时间=…` takes a day typed any usual way, refuses an impossible one with the 成文日期's own
    error, shows it marked 手工著录, and `archive --year` infers the year from it."""
    ws = init_workspace(tmp_path / "ws")
    plain = tmp_path / "无日期的讲话.txt"
    plain.write_text("在全镇会议上的讲话\n\n同志们：\n    今天我们召开会议，部署创建工作。\n", encoding="utf-8")
    _run(ws.home, "ingest", str(plain))

    tagged = json.loads(_run(ws.home, "tag", "1", "--set", "网页发布时间=2022年3月26日", "--json"))
    assert tagged["posted_date"] == "2022-03-26" and tagged["doc_date"] is None
    assert "网页发布时间：2022-03-26（手工著录）" in _run(ws.home, "show", "1")

    runner = CliRunner()
    refused = [runner.invoke(cli, ["--home", str(ws.home), "tag", "1", "--set", f"{name}=2022-13-01"])
               for name in ("网页发布时间", "成文日期")]
    assert refused[0].exit_code == refused[1].exit_code != 0
    assert refused[0].output == refused[1].output and "日期无效" in refused[0].output
    assert json.loads(_run(ws.home, "show", "1", "--json"))["posted_date"] == "2022-03-26"   # nothing lost

    report = json.loads(_run(ws.home, "archive", "--year", "2022", "--fonds", "Z001", "--json"))
    assert [(row["id"], row["date"], row.get("inferred")) for row in report["assigned"]] == [(1, "[2022-03-26]", True)]
    moved = _run(ws.home, "tag", "1", "--set", "网页发布时间=2023-01-05")
    assert "网页发布时间改为 2023-01-05后档号不变，仍列在 2022 年度" in moved
    cleared = _run(ws.home, "tag", "1", "--clear", "网页发布时间")
    assert "已清除" in cleared and json.loads(_run(ws.home, "show", "1", "--json"))["posted_date"] is None


# -- re-readings: a document whose text arrives after ingest (OCR, LibreOffice) gets its posting time then --------
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _seed_head(lines: int) -> list[str]:
    """The seed speech's first lines as a reader sees them (Simplified, without the site's pinyin)."""
    from dangan.text.normalize import normalise

    text = corpus_file(SEED).read_text(encoding="utf-8")
    return [normalise(line).text.strip() for line in text.splitlines() if line.strip()][:lines]


def _rtf(lines: list[str]) -> str:
    """An RTF file holding `lines` (what an office saves a web copy as from a word processor)."""
    def escaped(ch: str) -> str:
        return f"\\u{ord(ch)}?" if ord(ch) > 127 else "\\" + ch if ch in "\\{}" else ch
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\uc1\n" + "\\par\n".join(
        "".join(escaped(ch) for ch in line) for line in lines) + "\\par\n}"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_convert_reads_the_posting_time_of_a_file_archived_before_libreoffice(tmp_path: Path,
                                                                               monkeypatch) -> None:
    from dangan.intake.batch import ingest_paths
    from dangan.intake.convert_stage import convert_pending

    ws = init_workspace(tmp_path / "ws")
    rtf = tmp_path / "书记讲话.rtf"
    rtf.write_text(_rtf(corpus_file(SEED).read_text(encoding="utf-8").splitlines()), encoding="ascii")
    path_with = os.environ["PATH"]
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    [waiting] = ingest_paths(ws, [rtf], ocr=False).to_dict()["needs_conversion"]
    assert json.loads(_run(ws.home, "show", "1", "--json"))["posted_date"] is None   # no text yet
    monkeypatch.setenv("PATH", path_with)
    assert [o.error for o in convert_pending(ws)] == [None]
    data = json.loads(_run(ws.home, "show", "1", "--json"))
    assert data["posted_date"] == "2022-03-26" and data["doc_date"] is None and "创建" in data["title"]
    assert data["meta_origin"]["posted_date"]["origin"] == "auto"


@pytest.mark.skipif(not CJK_FONT.exists(), reason="Noto Sans CJK not installed")
def test_ocr_reads_the_posting_time_of_a_scanned_web_copy_and_keeps_a_hand_entered_one(tmp_path: Path) -> None:
    """A printout of the seed speech's web copy, scanned: its text (and so its posting row) arrives by OCR."""
    import textwrap

    from PIL import Image, ImageDraw, ImageFont

    from dangan.intake.batch import ingest_paths
    from dangan.intake.ocr_stage import ocr_documents

    rows = [part for line in _seed_head(12) for part in textwrap.wrap(line, 34)][:30]
    font = ImageFont.truetype(str(CJK_FONT), 30)
    image = Image.new("RGB", (1240, 1754), "white")   # an A4 page at 150 dpi
    draw = ImageDraw.Draw(image)
    for n, row in enumerate(rows):
        draw.text((100, 120 + 50 * n), row, fill="black", font=font)
    for name in ("扫描件.png", "另一份扫描件.png"):
        image.save(tmp_path / name)
        image.putpixel((0, 0), (250, 250, 250))   # other bytes, the same page
    ws = init_workspace(tmp_path / "ws")
    report = ingest_paths(ws, [tmp_path / "扫描件.png"], ocr=False).to_dict()
    doc_id = report["documents"][0]["id"]
    assert json.loads(_run(ws.home, "show", str(doc_id), "--json"))["posted_date"] is None
    [outcome] = ocr_documents(ws, [doc_id])
    assert outcome.chars > 100
    data = json.loads(_run(ws.home, "show", str(doc_id), "--json"))
    assert data["posted_date"] == "2022-03-26" and data["meta_origin"]["posted_date"]["origin"] == "auto"

    other = ingest_paths(ws, [tmp_path / "另一份扫描件.png"], ocr=False).to_dict()["documents"][0]["id"]
    _run(ws.home, "tag", str(other), "--set", "网页发布时间=2022-03-28")   # a clerk's correction comes first
    ocr_documents(ws, [other])
    assert json.loads(_run(ws.home, "show", str(other), "--json"))["posted_date"] == "2022-03-28"


# -- catalogs made before the posting time was kept --------------------------------------------------------------
POSTED_COLUMN = next(n for n, script in enumerate(MIGRATIONS, start=1) if "ADD COLUMN posted_date" in script)


def test_a_catalog_made_before_the_posting_time_was_kept_reads_it_on_upgrade(tmp_path: Path) -> None:
    """The seed speech and a plain text ingested by the real code, the catalog then put back as migration 9 left
    it (no posted_date column): opening it upgrades the schema and reads the speech's posting time from the text
    the catalog keeps, so `archive --year 2022` gives it its inferred 档号 as a fresh ingest would."""
    ws = init_workspace(tmp_path / "ws")
    plain = tmp_path / "无日期的讲话.txt"
    plain.write_text("在全镇会议上的讲话\n\n同志们：\n    今天我们召开会议，部署创建工作。\n", encoding="utf-8")
    _run(ws.home, "ingest", str(corpus_file(SEED)), str(plain))
    with sqlite3.connect(ws.catalog_path) as conn:
        conn.execute("ALTER TABLE documents DROP COLUMN posted_date")
        conn.execute(f"PRAGMA user_version = {POSTED_COLUMN - 1}")
    with Catalog(ws.catalog_path) as catalog:
        assert catalog.schema_version() == len(MIGRATIONS)
        assert [catalog.get(1).posted_date, catalog.get(2).posted_date] == ["2022-03-26", None]
    assert "网页发布时间：2022-03-26" in _run(ws.home, "show", "1")
    report = json.loads(_run(ws.home, "archive", "--year", "2022", "--fonds", "Z001", "--json"))
    assert [(row["id"], row["date"], row.get("inferred")) for row in report["assigned"]] == [(1, "[2022-03-26]", True)]


def test_the_upgrade_leaves_a_posting_time_a_clerk_cleared(tmp_path: Path) -> None:
    """A catalog at migration 10 where a clerk cleared the speech's posting time by hand: the backfill (migration
    11) does not put it back; an automatic blank is read again."""
    ws = init_workspace(tmp_path / "ws")
    _run(ws.home, "ingest", str(corpus_file(SEED)))
    first = tmp_path / "copy.txt"
    first.write_text(corpus_file(SEED).read_text(encoding="utf-8") + "\n（转载）\n", encoding="utf-8")
    _run(ws.home, "ingest", str(first))
    _run(ws.home, "tag", "1", "--clear", "网页发布时间")
    with sqlite3.connect(ws.catalog_path) as conn:
        conn.execute("UPDATE documents SET posted_date = NULL WHERE id = 2")   # as migration 10 left it
        conn.execute(f"PRAGMA user_version = {POSTED_COLUMN}")
    with Catalog(ws.catalog_path) as catalog:
        assert [catalog.get(1).posted_date, catalog.get(2).posted_date] == [None, "2022-03-26"]


def test_a_date_range_names_the_documents_it_leaves_out_by_their_posting_time(tmp_path: Path) -> None:
    """`search --from/--to` (and year:) keep to the 成文日期; the seed speech, dated only by its site, is named under
    the hits with its posting day, in text and in --json (posted_in_range)."""
    ws = init_workspace(tmp_path / "ws")
    _run(ws.home, "ingest", str(corpus_file(SEED)))
    said = _run(ws.home, "search", "创建办会", "--from", "2022-03-01", "--to", "2022-03-31")
    assert "没有找到匹配的文件" in said
    assert "其中 1 件未写成文日期、网页发布时间在此范围内：编号 1 书记在创建办会部署会讲话（网页发布 2022-03-26）" in said
    data = json.loads(_run(ws.home, "search", "创建办会", "year:2022", "--json"))
    assert data["total"] == 0 and data["posted_in_range"] == [
        {"id": 1, "title": "书记在创建办会部署会讲话", "posted_date": "2022-03-26"}]
    assert "posted_in_range" not in json.loads(_run(ws.home, "search", "创建办会", "year:2023", "--json"))
