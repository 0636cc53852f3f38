"""Export of a selection with its metadata, and ingest of an export elsewhere (manual values kept)."""
from __future__ import annotations

import json

import openpyxl
from click.testing import CliRunner
from conftest import SEED_SPEECH
from test_backup import flat, make_ws, seed

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.compose.export import export, safe_stem
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.intake.tag import tag_document
from dangan.ops.check import check


def test_export_names_list_and_ingest_elsewhere_keeps_the_metadata(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    out = tmp_path / "移交"
    result = CliRunner().invoke(cli, ["--home", str(ws.home), "export", "--out", str(out),
                                      "--item", "A02", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] >= 1 and report["ok"]
    names = sorted(p.name for p in out.iterdir())
    assert "manifest.jsonl" in names and "文件清单.xlsx" in names
    assert "0001_书记在创建办会部署会上的讲话.txt" in names
    sheet = openpyxl.load_workbook(out / "文件清单.xlsx").active
    header = [c.value for c in sheet[2]]
    assert header[:6] == ["序号", "档号", "文号", "责任者", "题名", "日期"]
    titles = [row[4] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert "书记在创建办会部署会上的讲话" in titles

    other = make_ws(tmp_path, "other")
    data = ingest_paths(other, [out]).to_dict()
    assert data["failed"] == [] and data["ingested"] == report["documents"]
    assert all(not d["path"].endswith((".jsonl", ".xlsx")) for d in data["documents"])
    with Catalog(other.catalog_path) as catalog:
        doc_id = next(d["id"] for d in data["documents"] if "书记" in d["path"])
        doc = catalog.get(doc_id)
        assert (doc.title, doc.doc_type) == ("书记在创建办会部署会上的讲话", "讲话")
        assert catalog.meta_origin(doc_id)["title"]["origin"] == "import"
        assert "A02" in catalog.item_codes(doc_id)
    hits = search(other, "item:A02 type:讲话")
    assert [h.id for h in hits.hits] == [doc_id]   # the index saw the imported elements
    assert check(other)["ok"]


def test_import_keeps_manual_values_and_skips_altered_files(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    out = tmp_path / "移交"
    export(ws, out)
    speech_file = next(out.glob("*书记*"))
    notice_file = next(p for p in out.glob("*.txt") if "书记" not in p.name and "通知" in p.name)
    notice_file.write_bytes(notice_file.read_bytes() + "（抄件）".encode())   # not the exported bytes

    other = make_ws(tmp_path, "other")
    first = ingest_paths(other, [SEED_SPEECH]).to_dict()["documents"][0]["id"]
    tag_document(other, first, fields={"title": "本单位著录的题名"})
    data = ingest_paths(other, [out]).to_dict()
    assert data["failed"] == [] and data["duplicates"] == 1
    with Catalog(other.catalog_path) as catalog:
        speech = catalog.get(first)
        assert speech.title == "本单位著录的题名" and speech.doc_type == "讲话"
        origins = catalog.meta_origin(first)
        assert origins["title"]["origin"] == "manual" and origins["doc_type"]["origin"] == "import"
        altered = next(d["id"] for d in data["documents"] if d["path"] == str(notice_file))
        assert "import" not in {v["origin"] for v in catalog.meta_origin(altered).values()}
    assert speech_file.exists()


def test_export_refuses_a_busy_folder_and_an_empty_selection(tmp_path):
    ws = make_ws(tmp_path)
    seed(ws)
    runner = CliRunner()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["--home", str(ws.home), "export", "--out", str(tmp_path / "busy")])
    assert result.exit_code == 3 and "不是空文件夹" in flat(result.output)
    result = runner.invoke(cli, ["--home", str(ws.home), "export", "--out", str(tmp_path / "e"),
                                 "--query", "绝对找不到的词语组合"])
    assert result.exit_code == 3 and "没有符合条件的文件" in flat(result.output)


def test_safe_names_for_every_file_system():
    hostile = 'a/b\\c:d*e?f"g<h>i|j\x00k\n' + "很长的题名" * 60
    name = safe_stem(hostile)
    assert not set('/\\:*?"<>|\x00\n') & set(name)
    assert len(name.encode("utf-8")) <= 180 and name.startswith("a_b_c_d_e_f_g_h_i_j_k")
    assert safe_stem(" .. ") == "未命名" and safe_stem(None) == "未命名"
    assert safe_stem("关于〔2022〕12号《通知》的报告") == "关于〔2022〕12号《通知》的报告"
