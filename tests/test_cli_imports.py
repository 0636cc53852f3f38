"""A command imports what it uses. A search, a slip's 您是不是要找 too, loads no web desk, no Word or
PDF library, no pypinyin (the readings are prebuilt: dangan/text/pinyin_table.py) and no
pkg_resources (jieba is imported without it: dangan/index/wordsplit.py); the command modules are
imported when asked for (dangan/cli/__init__.py). bench/bench_cli.py measures what each saves."""
from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, REPO

from dangan.cli import MODULES
from dangan.intake.batch import ingest_paths
from dangan.workspace import init_workspace

REPORTS = CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025"
RUN = """
import json, runpy, sys
sys.argv = ["dangan", "--home", sys.argv[1], *sys.argv[2:]]
try:
    runpy.run_module("dangan", run_name="__main__")
except SystemExit as done:
    code = done.code
print()
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""
UNUSED = ("pypinyin", "pkg_resources", "flask", "werkzeug", "docx", "docxtpl", "openpyxl", "pypdfium2",
          "dangan.web", "dangan.compose", "dangan.cli.users", "dangan.cli.dossier")


def test_a_search_with_a_slip_imports_only_what_it_uses(tmp_path: Path) -> None:
    folder = tmp_path / "收文"
    folder.mkdir()
    for name in ("2023年中华人民共和国国务院政府工作报告.txt", "2024年中华人民共和国国务院政府工作报告.txt"):
        shutil.copyfile(REPORTS / name, folder / name)
    ingest_paths(init_workspace(tmp_path / "ws"), [folder], ocr=False)
    done = subprocess.run([sys.executable, "-c", RUN, str(tmp_path / "ws"), "search", "--json", "正府工作报告"],
                          cwd=REPO, capture_output=True, text=True, check=True)
    found, _, last = done.stdout.rstrip().rpartition("\n")
    loaded = json.loads(last)
    assert loaded["exit"] == 0, done.stderr
    assert [s["replacement"] for s in json.loads(found)["suggestions"]] == ["政府工作报告"]
    assert "jieba" in loaded["modules"] and "dangan.index.suggest" in loaded["modules"]
    assert [m for m in loaded["modules"] if m.split(".")[0] in UNUSED or m.startswith(UNUSED)] == []


def test_the_command_table_is_each_modules_own() -> None:
    defining = {p.stem for p in (REPO / "dangan" / "cli").glob("*.py")
                if re.search(r"^COMMANDS = ", p.read_text(encoding="utf-8"), re.M)}
    assert set(MODULES) == defining
    for module, names in MODULES.items():
        assert tuple(c.name for c in importlib.import_module(f"dangan.cli.{module}").COMMANDS) == names
