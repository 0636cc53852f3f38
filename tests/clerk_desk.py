"""The clerk's desk the test_clerk_* modules try the command line on (registered as a plugin in
conftest.py): meeting records, the Beijing report, two DOCX reports (one without page statistics)
and an undated report, ingested once per session; each test gets its own copy."""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import CORPUS

from dangan.archive.catalog import Catalog
from dangan.cli import cli

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"
MEETINGS = ("东湖社区居民委员会会议记录.txt", "宏福苑业主立案法团第十一届管理委员会第五次会议记录.md")
BEIJING = CORPUS / "txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt"
SHANGHAI = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年上海市政府工作报告.docx"   # app.xml Pages 30
JILIN = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年吉林省政府工作报告.docx"
UNDATED = CORPUS / "txt/cn_cpc_congress_reports/10_在中国共产党第十次全国代表大会上的报告.txt"   # no date in the text
JILIN_NO_PAGES = "吉林_无页数统计.docx"


def without_page_statistics(source: Path, out: Path) -> Path:
    """The DOCX as a generator that writes no docProps/app.xml <Pages> leaves it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<Pages>\d+</Pages>", b"", data)
            dst.writestr(info, data)
    return out


@pytest.fixture(scope="session")
def built_clerk_desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A workspace with meeting records, the Beijing report, two DOCX reports and an undated report."""
    root = tmp_path_factory.mktemp("clerk")
    home, inbox = root / "ws", root / "in"
    inbox.mkdir()
    for name in MEETINGS:
        shutil.copy(DOCS / "meeting_records" / name, inbox / name)
    for path in (BEIJING, SHANGHAI, UNDATED):
        shutil.copy(path, inbox / path.name)
    without_page_statistics(JILIN, inbox / JILIN_NO_PAGES)
    for args in (["init"], ["ingest", str(inbox)]):
        result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with Catalog(home / "catalog.sqlite3") as catalog:
        ids = dict(catalog.conn.execute("SELECT original_name, id FROM documents"))
    return home, ids


@pytest.fixture
def clerk_desk(built_clerk_desk: tuple[Path, dict[str, int]], tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """This test's own copy of the desk (built once per session): tags, codes and accounts
    one test sets are not there for the next."""
    home, ids = built_clerk_desk
    return Path(shutil.copytree(home, tmp_path / "desk" / "ws")), ids


def dangan(home: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


def shown(home: Path, doc_id: int) -> dict:
    return json.loads(dangan(home, "show", str(doc_id), "--json").output)
