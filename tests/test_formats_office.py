"""Old Office, WPS, RTF and ODF through LibreOffice: real conversions, a hang, a missing soffice."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dangan.archive.catalog import Catalog
from dangan.errors import ConversionFailed
from dangan.index.search import search
from dangan.intake.batch import ingest_paths
from dangan.read.extract.base import Limits
from dangan.read.extract.office import OfficeExtractor

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice not installed (.ci/run installs it)")

OFFICE = {   # file → a phrase of its text and the reader chain
    "上海市政府工作报告.doc": ("各位代表", "libreoffice+docx"),
    "云南省政府工作报告.wps": ("各位代表", "libreoffice+docx"),
    "天津市政府工作报告.rtf": ("各位代表", "libreoffice+docx"),
    "山西省政府工作报告.odt": ("各位代表", "libreoffice+docx"),
    "三大报告（繁体）.doc": ("中央委員會", "libreoffice+docx"),
    "2017年工作汇报.ppt": ("责任单位\t完成时限", "libreoffice+pptx"),
    "2018年工作汇报.odp": ("责任单位\t完成时限", "libreoffice+pptx"),
}


def running(pid: int) -> bool:
    """Alive and not a zombie (a killed grandchild waits for init to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def stub_soffice(folder: Path, body: str) -> Path:
    """A `soffice` on PATH that does what `body` says (sh)."""
    folder.mkdir(parents=True, exist_ok=True)
    stub = folder / "soffice"
    stub.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    stub.chmod(0o755)
    return folder


@needs_soffice
def test_office_files_are_converted_and_read(format_ws):
    workspace, report = format_ws      # the folder of every format, ingested once per run
    assert report["failed"] == []
    office = {Path(d["path"]).name: d for d in report["documents"] if Path(d["path"]).name in OFFICE}
    assert sorted(office) == sorted(OFFICE) and {d["status"] for d in office.values()} == {"added"}
    with Catalog(workspace.catalog_path) as catalog:
        for name, result in office.items():
            phrase, _ = OFFICE[name]
            doc = catalog.get(result["id"])
            assert phrase in doc.text, name
            assert doc.mime != "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            assert (workspace.originals / doc.relpath).suffix in (".doc", ".rtf", ".odt", ".ppt", ".odp")
    # Traditional original, Simplified query
    hits = search(workspace, '"中央委员会"', limit=50).hits
    assert any(h.path.endswith("三大报告（繁体）.doc") for h in hits)


@needs_soffice
def test_slides_keep_their_count(format_files):
    folder, _ = format_files
    extracted = OfficeExtractor().extract(folder / "2018年工作汇报.odp", Limits())
    assert extracted.extractor == "libreoffice+pptx" and extracted.page_count == 12


def test_hanging_libreoffice_is_killed_with_its_whole_group(format_files, tmp_path, monkeypatch):
    folder, _ = format_files
    marks = tmp_path / "marks"
    marks.mkdir()
    stub = stub_soffice(tmp_path / "bin", f'echo $$ > {marks}/pid\nsleep 600 &\necho $! > {marks}/child\nwait')
    monkeypatch.setenv("PATH", f"{stub}:{os.environ['PATH']}")
    with pytest.raises(ConversionFailed) as caught:
        OfficeExtractor().extract(folder / "上海市政府工作报告.doc", Limits(conversion_timeout_s=1.5))
    assert "超时" in caught.value.message
    for mark in ("pid", "child"):
        assert not running(int((marks / mark).read_text()))   # the shell and its sleeping child are gone


def test_hang_and_corrupt_doc_are_quarantined_and_the_batch_goes_on(format_files, workspace, tmp_path,
                                                                     monkeypatch):
    folder, _ = format_files
    corrupt = tmp_path / "损坏的通知.doc"
    corrupt.write_bytes((folder / "上海市政府工作报告.doc").read_bytes()[:4096] + os.urandom(30_000))
    config = workspace.config_file.read_text(encoding="utf-8")
    workspace.config_file.write_text(config.replace("conversion_timeout_s = 90", "conversion_timeout_s = 1.5"),
                                     encoding="utf-8")
    from dangan.workspace import open_workspace

    ws = open_workspace(workspace.home)
    assert ws.settings.conversion_timeout_s == 1.5
    stub = stub_soffice(tmp_path / "bin", "sleep 600")
    monkeypatch.setenv("PATH", f"{stub}:{os.environ['PATH']}")
    report = ingest_paths(ws, [folder / "1954年整改台账.xlsx", folder / "上海市政府工作报告.doc", corrupt],
                          ocr=False)
    assert report.count("added") == 1
    assert {r.error_code for r in report.failed} == {"CONVERSION_FAILED"}
    reasons = sorted(p.read_text(encoding="utf-8") for p in ws.quarantine.rglob("*.reason.txt"))
    assert len(reasons) == 2 and all("超时" in r for r in reasons)


@needs_soffice
def test_corrupt_doc_is_quarantined_with_a_chinese_reason(format_files, workspace, tmp_path):
    folder, _ = format_files
    corrupt = tmp_path / "损坏的通知.doc"
    corrupt.write_bytes((folder / "上海市政府工作报告.doc").read_bytes()[:4096] + os.urandom(30_000))
    report = ingest_paths(workspace, [corrupt, folder / "1955年整改台账.xls"], ocr=False)
    assert report.count("added") == 1
    [failed] = report.failed
    assert failed.error_code == "CONVERSION_FAILED" and "LibreOffice 无法打开此文件" in failed.reason


@needs_soffice
def test_without_libreoffice_the_file_waits_then_convert_reads_it(format_files, workspace, tmp_path,
                                                                   monkeypatch):
    from dangan.intake.convert_stage import convert_pending

    folder, _ = format_files
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    path_with = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(empty))
    report = ingest_paths(workspace, [folder / "天津市政府工作报告.rtf"], ocr=False).to_dict()
    assert report["failed"] == []
    [waiting] = report["needs_conversion"]
    assert waiting["path"].endswith("天津市政府工作报告.rtf")
    assert "libreoffice-writer-nogui" in waiting["reason"] and "dangan convert --pending" in waiting["reason"]
    with Catalog(workspace.catalog_path) as catalog:
        doc = catalog.get(report["documents"][0]["id"])
        assert doc.needs_conversion and "各位代表" not in doc.text
        assert catalog.notes(doc.id) == [] and report["warnings"] == []   # unread: its reason is not a 读取提示
        from dangan.archive.codes import assign_codes

        undated = assign_codes(catalog, 2025, "0194").to_dict()["undated"]     # no text yet, so no date
        assert undated["reasons"] == {"旧格式文件尚未转换，读不出成文日期": 1}
        assert "dangan convert --pending" in undated["hint"]
    assert not search(workspace, '"各位代表"').hits
    monkeypatch.setenv("PATH", path_with)
    outcomes = convert_pending(workspace)
    assert [o.error for o in outcomes] == [None]
    with Catalog(workspace.catalog_path) as catalog:
        doc = catalog.get(report["documents"][0]["id"])
        assert not doc.needs_conversion and "各位代表" in doc.text
        assert catalog.notes(doc.id) == []   # the converted reading noted nothing
        assert doc.title and "天津" in doc.title
    assert search(workspace, '"各位代表"').hits
