"""A Python without the OCR engine (rapidocr-onnxruntime has no release for 3.13): OCR says so
clearly, scans stay archived and flagged, everything else works."""
from __future__ import annotations

import importlib.util
import sys

import pytest
from click.testing import CliRunner
from conftest import SCANNED_PDF, SEED_SPEECH

from dangan.cli import cli
from dangan.errors import MissingDependency
from dangan.read.extract.ocr import require_engine


@pytest.fixture
def no_rapidocr(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "rapidocr_onnxruntime" else real(name, *a))
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)   # import fails too


def test_missing_engine_is_named_with_what_to_do(no_rapidocr, monkeypatch):
    with pytest.raises(MissingDependency) as caught:
        require_engine("rapidocr")
    assert "rapidocr-onnxruntime" in caught.value.message
    monkeypatch.setattr(sys, "version_info", (3, 13, 0))
    with pytest.raises(MissingDependency) as caught:
        require_engine("rapidocr")
    assert "3.12" in caught.value.hint and "dangan ocr --pending" in caught.value.hint


def test_ingest_without_engine_archives_flags_and_says_why(no_rapidocr, tmp_path):
    home = str(tmp_path / "ws")
    runner = CliRunner()
    assert runner.invoke(cli, ["--home", home, "init"]).exit_code == 0
    result = runner.invoke(cli, ["--home", home, "ingest", str(SCANNED_PDF), str(SEED_SPEECH)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "收录 2 件" in result.output and "待文字识别 1 件" in result.output
    assert "未能识别文字" in result.output and "rapidocr-onnxruntime" in result.output
    result = runner.invoke(cli, ["--home", home, "ocr", "--pending"])
    assert result.exit_code == 5 and "rapidocr-onnxruntime" in result.output
    found = runner.invoke(cli, ["--home", home, "search", "创建办会"], catch_exceptions=False)
    assert "讲话" in found.output
