"""Orchestration through the test seams: a faulty extractor and a fake OCR engine."""
from __future__ import annotations

import sys
from pathlib import Path

from fakes import FaultyExtractor
from PIL import Image

from dangan.intake.batch import ingest_paths
from dangan.intake.ocr_stage import ocr_documents
from dangan.workspace import Workspace, open_workspace


def test_a_faulty_extractor_fails_its_file_and_the_batch_goes_on(workspace: Workspace, tmp_path: Path,
                                                                 extractor_override) -> None:
    extractor_override(FaultyExtractor)
    folder = tmp_path / "收文"
    folder.mkdir()
    (folder / "boom.txt").write_text("这一件会失败。", encoding="utf-8")
    (folder / "正常.txt").write_text("创建全国文明城市工作部署会议通知。", encoding="utf-8")
    report = ingest_paths(workspace, [folder], ocr=False)
    by_name = {r.path.name: r for r in report.results}
    assert by_name["正常.txt"].status == "added"
    assert by_name["boom.txt"].status == "failed"
    assert by_name["boom.txt"].error_code == "EXTRACTION_FAILED"
    [reason_file] = (workspace.home / "quarantine").rglob("boom.txt.reason.txt")
    reason = reason_file.read_text(encoding="utf-8")
    # an unexpected library error: the clerk reads Chinese, the library's words stay as the technical detail
    assert "RuntimeError" not in by_name["boom.txt"].reason and "原因未能识别" in by_name["boom.txt"].reason
    assert "技术细节" in reason and "RuntimeError: the faulty extractor failed on purpose" in reason


def test_ocr_stage_with_a_fake_engine_reads_every_flagged_image(workspace: Workspace, tmp_path: Path) -> None:
    toml = workspace.home / "dangan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "[ocr]\nenabled = true", '[ocr]\nengine = "fakes:fake_ocr_engine"\nenabled = true'), encoding="utf-8")
    ws = open_workspace(workspace.home)
    assert ws.settings.ocr_engine == "fakes:fake_ocr_engine"
    photos = tmp_path / "照片"
    photos.mkdir()
    Image.new("RGB", (320, 200), "white").save(photos / "白.png")
    Image.new("RGB", (64, 48), "black").save(photos / "黑.png")
    report = ingest_paths(ws, [photos], ocr=False)
    assert report.count("added") == 2
    assert str(Path(__file__).parent) in sys.path   # spawned workers import the fake by name
    outcomes = {o.document_id: o for o in ocr_documents(ws, workers=2)}
    assert len(outcomes) == 2
    texts = sorted(o.chars for o in outcomes.values())
    assert texts[0] == 0 and texts[1] == len("假引擎读出320乘200的页面")


def test_an_ocr_engine_failure_is_told_in_chinese_with_the_engine_words_in_the_log(
        workspace: Workspace, tmp_path: Path, caplog) -> None:
    toml = workspace.home / "dangan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "[ocr]\nenabled = true", '[ocr]\nengine = "fakes:broken_ocr_engine"\nenabled = true'), encoding="utf-8")
    ws = open_workspace(workspace.home)
    Image.new("RGB", (320, 200), "white").save(tmp_path / "白.png")
    assert ingest_paths(ws, [tmp_path / "白.png"], ocr=False).count("added") == 1
    [outcome] = ocr_documents(ws, workers=1)
    assert outcome.error and "ONNXRuntime" not in outcome.error and "RuntimeError" not in outcome.error
    assert "文字识别模型运行时内存不足" in outcome.error          # "bad allocation": the more precise reason
    assert "ONNXRuntimeError" in caplog.text and "技术细节" in caplog.text
